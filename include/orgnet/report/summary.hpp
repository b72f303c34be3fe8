#pragma once
// `orgnet summary`: the figures an analyst checks first on a new network.

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "orgnet/io/output_format.hpp"
#include "orgnet/model/hierarchy.hpp"
#include "orgnet/model/influence_graph.hpp"
#include "orgnet/model/load_report.hpp"
#include "orgnet/model/relation_map.hpp"

namespace orgnet {

struct RelationSummary {
  std::string relation;
  std::size_t ties = 0;
  RelationSpec spec;
  bool used_fallback = false;  ///< The relation map did not list it.
};

struct DepartmentSummary {
  std::string department;
  std::size_t people = 0;
};

struct GraphSummary {
  std::size_t people = 0;
  std::size_t ties = 0;                    ///< Observed ties, all relations, self-ties included.
  std::vector<RelationSummary> relations;  ///< In order of first appearance.
  std::size_t influence_edges = 0;         ///< Edges of the influence graph after merging.
  std::size_t departments = 0;
  std::size_t people_without_department = 0;
  std::vector<DepartmentSummary> department_sizes;  ///< In department id order.
  /// Departments left out of department_sizes by suppress_small_departments().
  std::size_t departments_suppressed = 0;
  std::size_t min_group_size = 0;  ///< The size they were under (0 = nothing suppressed).
  /// Influence edges / (n (n - 1)); 0 when n < 2 (NetworkX's convention).
  double density = 0.0;
  /// Share of influence edges u -> v whose reverse v -> u exists (NetworkX's
  /// overall_reciprocity); NaN without edges.
  double reciprocity = 0.0;
  double mean_strength = 0.0;  ///< Mean strength of influence edges; NaN without edges.
  std::size_t weak_components = 0;
  std::size_t largest_weak_component = 0;
  std::size_t strong_components = 0;
  std::size_t largest_strong_component = 0;
  HierarchyStats hierarchy;
  LoadReport load;
};

/// Computes the summary. O(n + m).
[[nodiscard]] GraphSummary summarize(const InfluenceGraph& graph);

/// Privacy: removes the sizes of departments with fewer than `min_group_size`
/// people from `summary.department_sizes` and records how many were removed
/// (written as "department_sizes_suppressed"). 0 or 1 leaves it unchanged.
void suppress_small_departments(GraphSummary& summary, std::size_t min_group_size);

/// Writes the summary as a table, a JSON object or CSV rows "metric,value".
/// `title` (e.g. the dataset or file name) heads the table and is a JSON field.
void write_summary(const GraphSummary& summary, std::ostream& out, OutputFormat format, const std::string& title = {});

}  // namespace orgnet
