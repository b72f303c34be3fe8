#include "orgnet/bottleneck/cut_points.hpp"

#include <algorithm>

#include "bottleneck/undirected.hpp"

namespace orgnet {

CutPointsResult cut_points(const InfluenceGraph& graph) {
  const std::size_t n = graph.num_vertices();
  const auto contacts = bottleneck_detail::make_contacts(graph, false);
  const auto scan = bottleneck_detail::scan_pieces(contacts);
  CutPointsResult r;
  r.cut_off.assign(n, 0);
  r.pieces.assign(n, 0);
  r.component_size.assign(n, 0);
  for (vertex_id v = 0; v < n; ++v) {
    const std::size_t c = scan.component_size[scan.component[v]];
    r.component_size[v] = static_cast<std::uint32_t>(c);
    r.pieces[v] = scan.pieces[v];
    if (scan.pieces[v] >= 2) {
      r.articulation_points.push_back(v);
      r.cut_off[v] = static_cast<std::uint32_t>(c - 1 - scan.largest_piece[v]);
    }
    // Tree edge (parent, v) is a bridge when v's subtree has no other way up.
    const vertex_id p = scan.parent[v];
    if (p != bottleneck_detail::PieceScan::none && scan.low[v] > scan.discovery[p]) {
      const std::uint32_t side = scan.subtree[v];
      const auto other = static_cast<std::uint32_t>(c - side);
      r.bridges.push_back({std::min(p, v), std::max(p, v), std::min(side, other)});
    }
  }
  std::sort(r.bridges.begin(), r.bridges.end(),
            [](const Bridge& a, const Bridge& b) { return a.u != b.u ? a.u < b.u : a.v < b.v; });
  return r;
}

}  // namespace orgnet
