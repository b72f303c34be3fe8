#include "orgnet/centrality/kcore.hpp"

#include <algorithm>

namespace orgnet {

std::uint32_t CoreNumberResult::max_core() const noexcept {
  return core.empty() ? 0 : *std::max_element(core.begin(), core.end());
}

CoreNumberResult core_number(const InfluenceGraph& graph, const CoreNumberOptions& options) {
  // Batagelj & Zaversnik (2003). Notation of the paper: deg (remaining degree,
  // finally the core number), bin (start of each degree's bucket in vert),
  // vert (vertices sorted by remaining degree), pos (position of a vertex in
  // vert). Degrees fit in 32 bits: a vertex's in + out degree is at most m,
  // and edge ids are 32-bit.
  const std::size_t n = graph.num_vertices();
  const bool count_in = options.direction != DegreeDirection::out;
  const bool count_out = options.direction != DegreeDirection::in;
  const auto out_offsets = graph.out_offsets();
  const auto in_offsets = graph.in_offsets();
  const auto out_targets = graph.out_targets();
  const auto in_sources = graph.in_sources();

  CoreNumberResult result;
  std::vector<std::uint32_t>& deg = result.core;
  deg.assign(n, 0);
  std::uint32_t max_degree = 0;
  for (std::size_t v = 0; v < n; ++v) {
    std::uint32_t d = 0;
    if (count_in) d += in_offsets[v + 1] - in_offsets[v];
    if (count_out) d += out_offsets[v + 1] - out_offsets[v];
    deg[v] = d;
    max_degree = std::max(max_degree, d);
  }
  if (n == 0) return result;

  // Bucket sort by degree.
  std::vector<std::uint32_t> bin(static_cast<std::size_t>(max_degree) + 1, 0);
  for (std::size_t v = 0; v < n; ++v) ++bin[deg[v]];
  std::uint32_t start = 0;
  for (auto& b : bin) {
    const std::uint32_t count = b;
    b = start;
    start += count;
  }
  std::vector<std::uint32_t> vert(n);
  std::vector<std::uint32_t> pos(n);
  for (std::size_t v = 0; v < n; ++v) {
    pos[v] = bin[deg[v]]++;
    vert[pos[v]] = static_cast<std::uint32_t>(v);
  }
  for (std::size_t d = max_degree; d > 0; --d) bin[d] = bin[d - 1];
  bin[0] = 0;

  // Removing v lowers by one the degree of each neighbour whose remaining
  // degree is still above v's; that neighbour moves to the front of its
  // bucket, which then starts one place later.
  auto lower = [&](std::uint32_t v, std::uint32_t u) {
    if (deg[u] <= deg[v]) return;
    const std::uint32_t du = deg[u];
    const std::uint32_t pu = pos[u];
    const std::uint32_t pw = bin[du];
    const std::uint32_t w = vert[pw];
    if (u != w) {
      pos[u] = pw;
      vert[pu] = w;
      pos[w] = pu;
      vert[pw] = u;
    }
    ++bin[du];
    --deg[u];
  };
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t v = vert[i];
    // In-degree counts: removing v lowers the in-degree of those v influences.
    if (count_in) {
      for (edge_id e = out_offsets[v]; e < out_offsets[v + 1]; ++e) lower(v, out_targets[e]);
    }
    // Out-degree counts: removing v lowers the out-degree of v's influencers.
    if (count_out) {
      for (edge_id k = in_offsets[v]; k < in_offsets[v + 1]; ++k) lower(v, in_sources[k]);
    }
  }
  return result;
}

}  // namespace orgnet
