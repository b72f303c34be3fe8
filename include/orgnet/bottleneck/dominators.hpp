#pragma once
// Dominators: the people every chain of influence from one person must pass.
//
// Person d dominates v with respect to a root r when every directed path
// r -> ... -> v (along influence edges) goes through d. The immediate
// dominator of v is the dominator of v closest to v; these form the
// dominator tree rooted at r. The must-pass people between a source s and a
// target t are the dominators of t in the tree rooted at s, s and t
// themselves excluded (the conventions): if any of them leaves, s can no
// longer influence t at all. Weights play no part.
//
// NetworkX. immediate_dominators(G, r) on the influence DiGraph maps every
// person reachable from r to their immediate dominator, and r to itself;
// orgnet leaves r out (no_vertex), as the conventions say, and answers
// no_vertex for the unreachable.
//
// Degenerate cases. A root without out-edges dominates nobody (every other
// entry no_vertex). must_pass with s == t, or with t unreachable from s,
// answers an empty list and says so in `status`.
//
// Algorithm: Lengauer-Tarjan (Boost.Graph's lengauer_tarjan_dominator_tree),
// O(m log n) time, O(n + m) memory.
//
// Reference: T. Lengauer and R. E. Tarjan, "A fast algorithm for finding
// dominators in a flowgraph", ACM TOPLAS 1(1), 1979. doi:10.1145/357062.357071.

#include <string_view>
#include <vector>

#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

struct DominatorTree {
  vertex_id root = no_vertex;
  /// Immediate dominator of each vertex (num_vertices() long); no_vertex for
  /// the root and for people the root cannot reach.
  std::vector<vertex_id> immediate_dominator;
  /// Whether the root reaches each vertex (the root reaches itself).
  std::vector<char> reachable;
};

/// The dominator tree of the people reachable from `root` along influence
/// edges. Throws orgnet::out_of_range for a bad root.
[[nodiscard]] DominatorTree dominator_tree(const InfluenceGraph& graph, vertex_id root);

enum class MustPassStatus {
  ok,           ///< t is reachable from s; `people` lists the must-pass people (possibly none)
  same_person,  ///< s == t
  unreachable,  ///< no chain of influence leads from s to t
};

/// "ok", "same_person", "unreachable".
[[nodiscard]] std::string_view to_string(MustPassStatus status);

struct MustPassResult {
  MustPassStatus status = MustPassStatus::ok;
  /// The must-pass people, in the order a chain from s meets them.
  std::vector<vertex_id> people;
};

/// The people every chain of influence from `source` to `target` passes
/// (source and target excluded). Throws orgnet::out_of_range for bad vertices.
[[nodiscard]] MustPassResult must_pass(const InfluenceGraph& graph, vertex_id source, vertex_id target);

}  // namespace orgnet
