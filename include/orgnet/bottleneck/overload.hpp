#pragma once
// Overload: the people on whom many others depend.
//
// Two figures per person v, and a score that combines them.
//
// Dependence load. How much others lean on v: the sum of the strengths of the
// influence edges v -> u to which one of the chosen relations contributed.
// With the default relation "advice" (whose ties run asker -> adviser and
// whose influence runs adviser -> asker) this is the strength of the advice
// sought from v: the advice in-strength on the observed ties. When the graph
// has no relation of the chosen names (and the caller named none), every
// edge counts: the out-strength. An edge fed by several relations counts
// with its merged strength. The load ratio divides by the median load of the
// people with a positive load (the usual burden of someone who is asked at
// all): 2 means twice the usual burden; 0 for people nobody depends on.
//
// Chain share. The share of the shortest chains of influence between other
// people that pass through v: betweenness centrality normalized by the
// number of ordered pairs of others, (n - 1)(n - 2), on the influence graph
// with lengths from `distance` (-ln s by default: the most probable chains);
// networkx.betweenness_centrality(G, weight="distance").
//
// Score. The mean of the two figures, each divided by its largest value
// over everyone (0 when that is 0):
//     score(v) = (load(v) / max load + share(v) / max share) / 2,
// in [0, 1]; the ranking lists everyone by decreasing score (then by vertex).
//
// Degenerate cases. Empty graph: empty result, median NaN. No loads at all:
// median NaN, ratios 0.
//
// Complexity: O(m) for the loads plus one betweenness computation,
// O(n m log n) at worst (see centrality/betweenness.hpp).

#include <string>
#include <vector>

#include "orgnet/model/distance.hpp"
#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

struct OverloadOptions {
  /// Relations whose edges carry dependence; empty (default) = "advice" when
  /// the graph has it, otherwise every relation. Unknown names throw.
  std::vector<std::string> relations;
  /// Path lengths for the chain share.
  DistanceTransform distance = DistanceTransform::neg_log;
  /// Threads; 0 = all available. Results do not depend on it.
  int threads = 0;
};

struct OverloadResult {
  /// Per vertex (num_vertices() long).
  std::vector<double> load;
  std::vector<double> load_ratio;
  std::vector<double> chain_share;
  std::vector<double> score;
  /// Everyone, by decreasing score (then by vertex).
  std::vector<vertex_id> ranking;
  /// Median load over people with a positive load (NaN when none).
  double median_load = 0.0;
  /// Relations that counted (names).
  std::vector<std::string> relations;
};

/// Dependence load, chain share and overload score of every person (see the
/// header comment). Throws orgnet::invalid_argument for an unknown relation
/// or negative threads.
[[nodiscard]] OverloadResult overload(const InfluenceGraph& graph, const OverloadOptions& options = {});

}  // namespace orgnet
