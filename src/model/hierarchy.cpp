#include "orgnet/model/hierarchy.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "forest.hpp"
#include "graph_data.hpp"

namespace orgnet {

std::vector<int> hierarchy_depths(const InfluenceGraph& graph) { return detail::forest_depths(graph.data().managers); }

HierarchyStats hierarchy_stats(const InfluenceGraph& graph) {
  HierarchyStats stats;
  const std::size_t n = graph.num_vertices();
  if (n == 0) {
    stats.mean_span = stats.median_span = std::numeric_limits<double>::quiet_NaN();
    return stats;
  }
  std::vector<int> depth = hierarchy_depths(graph);
  stats.depth = static_cast<std::size_t>(*std::max_element(depth.begin(), depth.end())) + 1;
  std::vector<std::size_t> spans;
  for (vertex_id v = 0; v < n; ++v) {
    if (graph.manager(v) == no_vertex) ++stats.roots;
    const std::size_t span = graph.direct_reports(v).size();
    if (span == 0) continue;
    spans.push_back(span);
    if (span > stats.max_span) {
      stats.max_span = span;
      stats.widest_manager = v;
    }
  }
  stats.managers = spans.size();
  if (spans.empty()) {
    stats.mean_span = stats.median_span = std::numeric_limits<double>::quiet_NaN();
    return stats;
  }
  double total = 0;
  for (std::size_t s : spans) total += static_cast<double>(s);
  stats.mean_span = total / static_cast<double>(spans.size());
  std::sort(spans.begin(), spans.end());
  const std::size_t mid = spans.size() / 2;
  stats.median_span = spans.size() % 2 == 1
                          ? static_cast<double>(spans[mid])
                          : (static_cast<double>(spans[mid - 1]) + static_cast<double>(spans[mid])) / 2.0;
  return stats;
}

std::vector<vertex_id> chain_of_command(const InfluenceGraph& graph, vertex_id v) {
  std::vector<vertex_id> chain;
  for (vertex_id m = graph.manager(v); m != no_vertex; m = graph.manager(m)) chain.push_back(m);
  return chain;
}

}  // namespace orgnet
