#pragma once
// Iterative algorithms on a manager forest given as a parent array
// (no_vertex = root). Iterative on purpose: reporting chains can be
// tens of thousands of people long, far beyond a safe recursion depth.

#include <optional>
#include <vector>

#include "orgnet/model/influence_graph.hpp"

namespace orgnet::detail {

/// A cycle of the parent relation, in parent order starting at its lowest
/// vertex, or nullopt if `parent` is a forest. O(n).
[[nodiscard]] std::optional<std::vector<vertex_id>> find_parent_cycle(const std::vector<vertex_id>& parent);

/// Depth of every vertex (roots 0). `base` may fix the value of some vertices
/// (a given level): a vertex with base[v] >= 0 takes it, the others take their
/// parent's value + 1, roots without a base take 0. Requires a forest. O(n).
[[nodiscard]] std::vector<int> forest_depths(const std::vector<vertex_id>& parent, const std::vector<int>& base = {});

}  // namespace orgnet::detail
