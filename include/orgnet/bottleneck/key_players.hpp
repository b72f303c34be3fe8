#pragma once
// Key players (Borgatti 2006, KPP-Neg): the k people whose departure would
// fragment the organization most, and what one person's departure costs.
//
// Undirected view (contacts in either direction), unweighted. For the graph
// G - S without the people of S, with n' = n - |S| people left:
//   fragmentation        F(S)  = 1 - sum_k s_k (s_k - 1) / (n' (n' - 1)),
//     s_k the sizes of the connected components of G - S: the share of
//     ordered pairs of remaining people that can no longer reach each other;
//   distance-weighted    DF(S) = 1 - sum_{i != j} (1 / d_ij) / (n' (n' - 1)),
//     d_ij the number of hops between i and j in G - S (1 / infinity = 0):
//     also counts pairs that drift apart without being separated.
// Both lie in [0, 1]; NaN when fewer than 2 people remain. (Borgatti's
// measures computed on the remaining people, as in his KeyPlayer program.)
//
// Objective and search. Maximize the chosen measure over sets of k people.
// The problem is NP-hard; orgnet builds S greedily (each step adds the person
// whose departure raises the measure most, lowest vertex first on ties), then
// improves it by local swaps: for each member u and each outsider v, replace
// u by v when that raises the measure (by more than 1e-12), until a round
// changes nothing or `max_swap_rounds` rounds have run. The result is a local
// optimum, not necessarily the global one.
//
// Complexity. Fragmentation: one depth-first scan of G - S gives the pieces
// every person's departure would leave (the articulation-point scan of
// cut_points.hpp), so each greedy step and each member's swap round costs
// O(n + m): O(k (n + m)) for the greedy part and O(k (n + m)) per swap round.
// Distance-weighted fragmentation needs breadth-first searches from every
// remaining person for every candidate: O(n (n + m)) per evaluation and
// O(k n^2 (n + m)) per greedy pass or swap round, parallel over candidates;
// meant for graphs of a few thousand people at most.
//
// Removal impact of one person v: F before (all n people) and after (G - v,
// n - 1 people); the people cut off from the largest remaining piece (as in
// cut_points); and reach: the ordered pairs (a, c) of other people such that
// a can influence c along directed chains, in G and in G - v. O(n (n + m)).
//
// Degenerate cases: k = 0 gives the empty set and the measures of the whole
// graph; k > n throws orgnet::invalid_argument. Empty graph: NaN measures.
//
// Reference: S. P. Borgatti, "Identifying sets of key players in a social
// network", Computational and Mathematical Organization Theory 12(1), 2006.
// doi:10.1007/s10588-006-7084-x.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

enum class KeyPlayerObjective {
  fragmentation,           ///< F: separated pairs
  distance_fragmentation,  ///< DF: inverse distances
};

/// "fragmentation", "distance_fragmentation".
[[nodiscard]] std::string_view to_string(KeyPlayerObjective objective);
/// Inverse of to_string; throws orgnet::invalid_argument naming the accepted values.
[[nodiscard]] KeyPlayerObjective parse_key_player_objective(std::string_view text);

struct KeyPlayerOptions {
  /// Size of the set.
  std::size_t k = 3;
  KeyPlayerObjective objective = KeyPlayerObjective::fragmentation;
  /// Rounds of local swaps after the greedy start (0: greedy only).
  std::size_t max_swap_rounds = 100;
  /// Threads; 0 = all available. Results do not depend on it.
  int threads = 0;
};

/// With the fragmentation objective, DF is reported only up to this many
/// people (it costs O(n (n + m))); above, the DF fields are NaN.
inline constexpr std::size_t distance_report_limit = 5000;

struct KeyPlayerResult {
  /// The chosen people, in the order greedy picked them (swaps replace in place).
  std::vector<vertex_id> people;
  KeyPlayerObjective objective = KeyPlayerObjective::fragmentation;
  /// F and DF of the whole graph, and of the graph without `people` (DF NaN
  /// with the fragmentation objective above distance_report_limit people).
  double fragmentation_before = 0.0, fragmentation = 0.0;
  double distance_fragmentation_before = 0.0, distance_fragmentation = 0.0;
  /// Swaps made after the greedy start, and rounds run.
  std::size_t swaps = 0, rounds = 0;
};

/// The k key players (see the header comment). Throws orgnet::invalid_argument
/// for k > num_vertices() or negative threads.
[[nodiscard]] KeyPlayerResult key_players(const InfluenceGraph& graph, const KeyPlayerOptions& options = {});

/// F(S) or DF(S) of a given set (see the header comment); duplicates count once.
/// Throws orgnet::out_of_range for a bad vertex.
[[nodiscard]] double fragmentation(const InfluenceGraph& graph, std::span<const vertex_id> removed,
                                   KeyPlayerObjective objective = KeyPlayerObjective::fragmentation);

struct RemovalImpactOptions {
  /// Threads; 0 = all available. Results do not depend on it.
  int threads = 0;
};

struct RemovalImpact {
  vertex_id person = no_vertex;
  double fragmentation_before = 0.0, fragmentation_after = 0.0;
  /// People cut off from the largest remaining piece of the person's component.
  std::uint32_t cut_off = 0;
  /// Ordered pairs of other people (a, c), a != c, with a chain a -> ... -> c,
  /// with and without the person.
  std::uint64_t reach_before = 0, reach_after = 0;
  /// People the person reaches, and people who reach the person.
  std::uint64_t reaches = 0, reached_by = 0;
};

/// What the departure of `person` costs (see the header comment).
/// Throws orgnet::out_of_range for a bad vertex.
[[nodiscard]] RemovalImpact removal_impact(const InfluenceGraph& graph, vertex_id person,
                                           const RemovalImpactOptions& options = {});

}  // namespace orgnet
