#pragma once
// Weakly and strongly connected components of the influence graph.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

struct ComponentsResult {
  /// Component of each vertex, numbered 0..count-1 in order of their lowest vertex.
  std::vector<std::uint32_t> component;
  /// Size of each component.
  std::vector<std::size_t> sizes;
  [[nodiscard]] std::size_t count() const noexcept { return sizes.size(); }
  /// Size of the largest component (0 for the empty graph).
  [[nodiscard]] std::size_t largest() const noexcept;
};

/// Components of the undirected view (an edge in either direction joins two
/// people). Union-find, O(m α(n)).
[[nodiscard]] ComponentsResult weak_components(const InfluenceGraph& graph);

/// Strongly connected components: u and v share one when each can influence
/// the other through some chain. Iterative Tarjan (no recursion, safe on long
/// chains), O(n + m).
[[nodiscard]] ComponentsResult strong_components(const InfluenceGraph& graph);

}  // namespace orgnet
