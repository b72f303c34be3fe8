#pragma once
// Distances derived from influence strengths, for path-based measures.
//
// A strength s in (0, 1] is a one-step probability. Path algorithms need an
// additive length; the transform chosen decides what "shortest" means:
//   neg_log  d = -ln s   the shortest path is the most probable chain of influence
//                        (product of strengths), since -ln is monotone and turns
//                        products into sums. s = 1 gives d = 0.
//   inverse  d = 1 / s   the usual "stronger tie, shorter distance" convention of
//                        NetworkX/igraph users who pass weights as 1/w.
//   hops     d = 1       every tie counts as one step (unweighted measures).

#include <cmath>
#include <string_view>
#include <vector>

namespace orgnet {

class InfluenceGraph;

enum class DistanceTransform { neg_log, inverse, hops };

/// Length of one edge of strength `strength` (which must lie in (0, 1]).
[[nodiscard]] inline double to_distance(double strength, DistanceTransform transform) noexcept {
  switch (transform) {
    case DistanceTransform::neg_log:
      // -log(1) is -0.0; fold it to +0.0 so printed distances never read "-0".
      return strength >= 1.0 ? 0.0 : -std::log(strength);
    case DistanceTransform::inverse:
      return 1.0 / strength;
    case DistanceTransform::hops:
      return 1.0;
  }
  return 1.0;
}

/// Length of every edge of `graph`, indexed by edge id.
[[nodiscard]] std::vector<double> edge_distances(const InfluenceGraph& graph, DistanceTransform transform);

/// "neg_log", "inverse", "hops".
[[nodiscard]] std::string_view to_string(DistanceTransform transform);
/// Inverse of to_string; throws orgnet::invalid_argument naming the accepted values.
[[nodiscard]] DistanceTransform parse_distance_transform(std::string_view text);

}  // namespace orgnet
