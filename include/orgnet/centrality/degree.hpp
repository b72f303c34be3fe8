#pragma once
// Degree and strength centrality: how many people a person influences or is
// influenced by, and how strongly.
//
// Definition. For a person v,
//   in-degree   = number of people who influence v (edges u -> v),
//   out-degree  = number of people v influences (edges v -> w),
//   total       = in-degree + out-degree (a reciprocated pair counts twice, as
//                 in NetworkX's DiGraph.degree).
// With `weighted`, each edge counts its strength s in (0, 1] instead of 1: the
// in-strength sum_u s(u, v), the out-strength sum_w s(v, w), or their sum.
//
// Normalization (`normalized`, default on, NetworkX's degree_centrality,
// in_degree_centrality and out_degree_centrality): divide by n - 1, the most
// neighbours a person can have in one direction. Because strengths are at most
// 1, the same divisor bounds strengths: a normalized in- or out-strength lies in
// [0, 1], a normalized total in [0, 2], exactly like normalized degrees. (This
// is orgnet's choice; NetworkX has no normalized strength.)
//
// Degenerate cases. Empty graph: empty result. One person: the normalized
// score is 1 (NetworkX's convention for n <= 1), the raw score 0. People
// without ties score 0.
//
// Complexity: O(n) for degrees, O(n + m) for strengths.

#include <cstddef>
#include <string_view>
#include <vector>

#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

/// Which edges of a person count: those coming in, those going out, or both.
/// (Also used by core_number.)
enum class DegreeDirection {
  in,     ///< Edges u -> v into v: how many people influence v.
  out,    ///< Edges v -> w out of v: how many people v influences.
  total,  ///< Both; a reciprocated pair counts twice.
};

/// "in", "out", "total".
[[nodiscard]] std::string_view to_string(DegreeDirection direction);
/// Inverse of to_string; throws orgnet::invalid_argument naming the accepted values.
[[nodiscard]] DegreeDirection parse_degree_direction(std::string_view text);

struct DegreeOptions {
  /// Which edges count (default: both directions, NetworkX's degree_centrality).
  DegreeDirection direction = DegreeDirection::total;
  /// false: count edges (degree). true: sum strengths (strength).
  bool weighted = false;
  /// Divide by n - 1 (see the header comment); false gives raw counts or sums.
  bool normalized = true;
};

struct DegreeResult {
  /// Score of each vertex, indexed by vertex id (num_vertices() long).
  std::vector<double> score;
};

/// Degree or strength centrality of every person (see the header comment).
///
/// Matches NetworkX exactly when unweighted and normalized:
/// `degree_centrality(G)`, `in_degree_centrality(G)`, `out_degree_centrality(G)`
/// on the influence DiGraph; unnormalized weighted scores equal
/// `G.in_degree(weight="strength")` and its siblings.
/// Throws nothing for a valid graph.
[[nodiscard]] DegreeResult degree_centrality(const InfluenceGraph& graph, const DegreeOptions& options = {});

}  // namespace orgnet
