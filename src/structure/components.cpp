#include "orgnet/structure/components.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

namespace orgnet {

std::size_t ComponentsResult::largest() const noexcept {
  return sizes.empty() ? 0 : *std::max_element(sizes.begin(), sizes.end());
}

namespace {

// Renumbers arbitrary labels to 0..k-1 in order of each label's lowest vertex
// and counts sizes, so results do not depend on traversal order.
ComponentsResult canonical(const std::vector<std::uint32_t>& label) {
  constexpr auto unset = std::numeric_limits<std::uint32_t>::max();
  ComponentsResult result;
  result.component.resize(label.size());
  std::vector<std::uint32_t> renumber(label.size(), unset);
  for (std::size_t v = 0; v < label.size(); ++v) {
    std::uint32_t& id = renumber[label[v]];
    if (id == unset) {
      id = static_cast<std::uint32_t>(result.sizes.size());
      result.sizes.push_back(0);
    }
    result.component[v] = id;
    ++result.sizes[id];
  }
  return result;
}

}  // namespace

ComponentsResult weak_components(const InfluenceGraph& graph) {
  const std::size_t n = graph.num_vertices();
  std::vector<std::uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0u);
  auto find = [&](std::uint32_t v) {
    while (parent[v] != v) {
      parent[v] = parent[parent[v]];  // path halving
      v = parent[v];
    }
    return v;
  };
  auto offsets = graph.out_offsets();
  auto targets = graph.out_targets();
  for (std::uint32_t u = 0; u < n; ++u) {
    for (edge_id e = offsets[u]; e < offsets[u + 1]; ++e) {
      std::uint32_t a = find(u), b = find(targets[e]);
      if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
  }
  for (std::uint32_t v = 0; v < n; ++v) parent[v] = find(v);
  return canonical(parent);
}

ComponentsResult strong_components(const InfluenceGraph& graph) {
  const std::size_t n = graph.num_vertices();
  constexpr auto unvisited = std::numeric_limits<std::uint32_t>::max();
  auto offsets = graph.out_offsets();
  auto targets = graph.out_targets();
  std::vector<std::uint32_t> index(n, unvisited), low(n, 0), label(n, 0);
  std::vector<bool> on_stack(n, false);
  std::vector<vertex_id> stack;
  struct Frame {
    vertex_id v;
    edge_id next;  // next out-edge to explore
  };
  std::vector<Frame> call;
  std::uint32_t counter = 0, components = 0;
  for (vertex_id root = 0; root < n; ++root) {
    if (index[root] != unvisited) continue;
    call.push_back({root, offsets[root]});
    index[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!call.empty()) {
      Frame& frame = call.back();
      const vertex_id v = frame.v;
      if (frame.next < offsets[v + 1]) {
        const vertex_id w = targets[frame.next++];
        if (index[w] == unvisited) {
          index[w] = low[w] = counter++;
          stack.push_back(w);
          on_stack[w] = true;
          call.push_back({w, offsets[w]});
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      // v is finished: pop its component if it is a root, then report low to the caller.
      if (low[v] == index[v]) {
        vertex_id w = no_vertex;
        do {
          w = stack.back();
          stack.pop_back();
          on_stack[w] = false;
          label[w] = components;
        } while (w != v);
        ++components;
      }
      call.pop_back();
      if (!call.empty()) low[call.back().v] = std::min(low[call.back().v], low[v]);
    }
  }
  return canonical(label);
}

}  // namespace orgnet
