#include "forest.hpp"

#include <algorithm>
#include <cstdint>

namespace orgnet::detail {

std::optional<std::vector<vertex_id>> find_parent_cycle(const std::vector<vertex_id>& parent) {
  const std::size_t n = parent.size();
  // 0 = unvisited, 1 = on the walk that started at `start`, 2 = known to reach a root.
  std::vector<std::uint8_t> state(n, 0);
  std::vector<vertex_id> walk;
  for (std::size_t start = 0; start < n; ++start) {
    if (state[start] != 0) continue;
    walk.clear();
    auto v = static_cast<vertex_id>(start);
    while (v != no_vertex && state[v] == 0) {
      state[v] = 1;
      walk.push_back(v);
      v = parent[v];
    }
    if (v != no_vertex && state[v] == 1) {
      // The walk re-entered itself at v: the cycle is the walk's tail from v.
      auto from = std::find(walk.begin(), walk.end(), v);
      std::vector<vertex_id> cycle(from, walk.end());
      std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
      // cycle owns a copy of the elements; cppcheck 2.10 mistakes it for a view of walk.
      // cppcheck-suppress returnDanglingLifetime
      return cycle;
    }
    for (vertex_id w : walk) state[w] = 2;
  }
  return std::nullopt;
}

std::vector<int> forest_depths(const std::vector<vertex_id>& parent, const std::vector<int>& base) {
  const std::size_t n = parent.size();
  constexpr int unknown = -1;
  std::vector<int> depth(n, unknown);
  std::vector<vertex_id> walk;
  for (std::size_t start = 0; start < n; ++start) {
    walk.clear();
    auto v = static_cast<vertex_id>(start);
    // Climb until a vertex whose depth is known or fixed, or past a root.
    while (v != no_vertex && depth[v] == unknown) {
      if (!base.empty() && base[v] >= 0) {
        depth[v] = base[v];
        break;
      }
      walk.push_back(v);
      v = parent[v];
    }
    int d = (v == no_vertex) ? -1 : depth[v];
    for (auto it = walk.rbegin(); it != walk.rend(); ++it) depth[*it] = ++d;
  }
  return depth;
}

}  // namespace orgnet::detail
