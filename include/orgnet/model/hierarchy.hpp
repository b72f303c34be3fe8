#pragma once
// The formal hierarchy: a forest of manager links stored in the graph.
//
// The builder already rejected cycles, self-managers and managers nobody knows
// (naming the people involved), so these functions can rely on a forest.

#include <cstddef>
#include <vector>

#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

struct HierarchyStats {
  /// Longest chain of command counted in people (1 = everyone at the top,
  /// 0 = empty graph). Krackhardt's CEO -> VP -> manager gives 3.
  std::size_t depth = 0;
  std::size_t roots = 0;     ///< People without a manager.
  std::size_t managers = 0;  ///< People with at least one direct report.
  /// Span of control over managers only (NaN when there are none).
  double mean_span = 0.0;
  double median_span = 0.0;
  std::size_t max_span = 0;
  vertex_id widest_manager = no_vertex;  ///< A manager with max_span reports (lowest id).
};

/// Depth and span of control of the manager forest. O(n).
[[nodiscard]] HierarchyStats hierarchy_stats(const InfluenceGraph& graph);

/// v's manager, their manager, ..., up to a top-level person (v excluded).
[[nodiscard]] std::vector<vertex_id> chain_of_command(const InfluenceGraph& graph, vertex_id v);

/// Depth of every person in the manager forest (roots are 0), independent of
/// any level the data gave.
[[nodiscard]] std::vector<int> hierarchy_depths(const InfluenceGraph& graph);

}  // namespace orgnet
