#pragma once
// ONA roles per person, after Cross and Prusak: central connectors, boundary
// spanners, information brokers and peripheral specialists, from documented
// and adjustable thresholds, with the numbers that put each person in a role.
//
// The numbers, per person v (groups: departments by default, or any Labeling):
//   degree        degree_centrality(total, normalized): NetworkX's degree
//                 centrality, (in + out) / (n - 1) (centrality/degree.hpp);
//   betweenness   betweenness(distance, normalized) (centrality/betweenness.hpp);
//   contacts      distinct in- and out-neighbours (each counted once, orgnet's
//                 convention for ego measures);
//   external      contacts in another group (both people must have a group);
//   external_share = external / contacts (NaN without contacts);
//   groups_reached = number of other groups among v's contacts;
//   *_percentile  percentile rank among everyone, in [0, 1] (ascending, ties
//                 averaged; see percentile_ranks in formal_informal.hpp).
// Percentiles make the thresholds independent of the network's size.
//
// Roles (a person may hold several, or none):
//   central connector     degree_percentile >= connector_percentile (0.9)
//                         and degree > 0: among the best connected people;
//   boundary spanner      external_percentile >= spanner_percentile (0.8),
//                         external > 0 and groups_reached >= spanner_min_groups
//                         (2): many ties into several other groups;
//   information broker    betweenness_percentile >= broker_percentile (0.9),
//                         betweenness > 0 and groups_reached >=
//                         broker_min_groups (1): on many
//                         of the chains between others, and tied across groups.
//                         (Cross and Prusak's brokers keep subgroups together;
//                         Gould-Fernandez brokerage counts would refine this and
//                         are computed in bottleneck/, not here.)
//   peripheral specialist degree_percentile <= peripheral_percentile (0.1):
//                         loosely connected (isolated people included); the
//                         data cannot tell expertise, so this flags people to
//                         bring in, as Cross and Prusak advise.
// A threshold of 1.0 on a percentile still admits the top person(s); set a
// percentile above 1 to switch a role off.
//
// Reference: R. Cross, L. Prusak, "The people who make organizations go - or
// stop", Harvard Business Review 80(6), 2002, 104-112.
//
// Complexity: betweenness dominates, O(n m log n) (parallel); the rest O(n + m).

#include <cstddef>
#include <string_view>
#include <vector>

#include "orgnet/model/distance.hpp"
#include "orgnet/model/influence_graph.hpp"
#include "orgnet/structure/partition_agreement.hpp"

namespace orgnet {

struct RoleOptions {
  /// The grouping; empty (no labels) means the departments.
  Labeling groups = {};
  double connector_percentile = 0.9;
  double spanner_percentile = 0.8;
  std::size_t spanner_min_groups = 2;
  double broker_percentile = 0.9;
  std::size_t broker_min_groups = 1;
  double peripheral_percentile = 0.1;
  /// Edge length of betweenness (-ln s by default, as everywhere in orgnet).
  DistanceTransform distance = DistanceTransform::neg_log;
  /// Threads for betweenness; 0 = all available. Results do not depend on it.
  int threads = 0;
};

struct RolesResult {
  /// The numbers, by vertex id (see the header comment).
  std::vector<double> degree, degree_percentile;
  std::vector<double> betweenness, betweenness_percentile;
  std::vector<std::size_t> contacts, external, groups_reached;
  std::vector<double> external_share, external_percentile;
  /// The roles, by vertex id.
  std::vector<char> central_connector, boundary_spanner, information_broker, peripheral_specialist;
  /// The thresholds used (a copy of the options' numbers).
  RoleOptions thresholds;
};

/// The four roles of every person (see the header comment). Throws
/// orgnet::invalid_argument for a percentile threshold that is NaN or
/// negative, a grouping that does not fit the graph, or negative threads.
[[nodiscard]] RolesResult ona_roles(const InfluenceGraph& graph, const RoleOptions& options = {});

/// "central_connector", "boundary_spanner", "information_broker",
/// "peripheral_specialist": the roles of v joined by ",", or "" for none.
[[nodiscard]] std::string role_names(const RolesResult& roles, vertex_id v);

}  // namespace orgnet
