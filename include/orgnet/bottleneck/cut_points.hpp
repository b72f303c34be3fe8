#pragma once
// Articulation points and bridges: the people and ties that hold a part of
// the organization together.
//
// Undirected view. Two people are in contact when either influences the
// other (the conventions' undirected view); direction and strength play no
// part here. An articulation point is a person whose departure splits their
// connected component into two or more pieces; a bridge is a contact (a pair
// of people tied in one direction or both) whose loss splits it. These are
// networkx.articulation_points and networkx.bridges on the undirected view
// (G.to_undirected()).
//
// How much is lost. When a person v leaves a component of size c, the other
// c - 1 people fall into pieces p_1, ..., p_r (r >= 2 exactly when v is an
// articulation point). The largest piece keeps going; everyone else is cut
// off from it:
//     cut_off(v) = (c - 1) - max_i p_i,
// 0 for everyone who is not an articulation point. Likewise a bridge splits
// its component into two sides a and c - a, and cut_off = min(a, c - a), the
// people on the smaller side.
//
// Degenerate cases. Empty graph: empty result. An isolated person (no
// contacts) is in a component of size 1: no pieces, cut_off 0. Self-ties are
// never edges.
//
// Algorithm: one iterative depth-first search (Hopcroft and Tarjan; no
// recursion, safe on long chains) that also records the DFS subtree sizes, so
// every piece size is known without removing anyone: O(n + m) time and memory.
//
// Reference: J. Hopcroft and R. Tarjan, "Algorithm 447: efficient algorithms
// for graph manipulation", Communications of the ACM 16(6), 1973.
// doi:10.1145/362248.362272.

#include <cstdint>
#include <vector>

#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

/// A contact whose loss disconnects its component; u < v.
struct Bridge {
  vertex_id u;
  vertex_id v;
  /// People on the smaller side, cut off from the larger one.
  std::uint32_t cut_off;
};

struct CutPointsResult {
  /// Articulation points, ascending.
  std::vector<vertex_id> articulation_points;
  /// Per vertex (num_vertices() long): people cut off from the largest
  /// remaining piece if this person left (0 unless an articulation point).
  std::vector<std::uint32_t> cut_off;
  /// Per vertex: into how many pieces the person's component falls without
  /// them (>= 2 for articulation points; 0 for an isolated person).
  std::vector<std::uint32_t> pieces;
  /// Per vertex: size of the person's connected component (undirected view).
  std::vector<std::uint32_t> component_size;
  /// Bridges, sorted by (u, v).
  std::vector<Bridge> bridges;
};

/// Articulation points and bridges of the undirected view, with what each
/// would cut off (see the header comment). O(n + m).
[[nodiscard]] CutPointsResult cut_points(const InfluenceGraph& graph);

}  // namespace orgnet
