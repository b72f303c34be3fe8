#pragma once
// The storage behind InfluenceGraph. Internal: filled by GraphBuilder only.

#include <atomic>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "orgnet/model/detail/id_table.hpp"
#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

struct InfluenceGraph::Data {
  // Influence adjacency (CSR, see influence_graph.hpp).
  std::vector<edge_id> out_offsets{0};
  std::vector<vertex_id> out_targets;
  std::vector<double> strengths;
  std::vector<edge_id> in_offsets{0};
  std::vector<vertex_id> in_sources;
  std::vector<edge_id> in_edge_ids;
  // Strengths in in-edge order, built on first use by in_strengths(): the
  // spectral measures read them on every iteration, and gathering them through
  // in_edge_ids on every call cost a tenth of a small PageRank.
  mutable std::once_flag in_strengths_once;
  mutable std::vector<double> in_strengths;
  mutable std::atomic<bool> in_strengths_built{false};  // lets memory_bytes() read it without a race
  // Per-person sums of the strengths and the strength a person's in-edges (or
  // out-edges) share, built together on first use (see influence_graph.hpp):
  // the spectral measures need them on every call, at O(m) each time.
  struct StrengthSummary {
    std::vector<double> out_totals;
    std::vector<double> in_totals;
    std::vector<double> shared_out;  // empty unless every out-row shares one strength
    std::vector<double> shared_in;   // empty unless every in-row shares one strength
  };
  mutable std::once_flag summary_once;
  mutable StrengthSummary summary;
  mutable std::atomic<bool> summary_built{false};

  // People.
  std::vector<std::string> ids;
  detail::IdTable id_table;  // id -> vertex
  /// Vertex of `id`, or detail::IdTable::not_found.
  [[nodiscard]] std::uint32_t find_id(std::string_view id) const {
    return id_table.find(id, detail::IdTable::tag_of(id),
                         [this](std::uint32_t v) -> std::string_view { return ids[v]; });
  }
  std::vector<std::string> names;
  std::vector<std::string> titles;
  std::vector<int> levels;
  std::vector<bool> level_given;
  std::vector<vertex_id> managers;
  std::vector<edge_id> report_offsets{0};
  std::vector<vertex_id> reports;

  // Departments, numbered in order of first appearance.
  std::vector<department_id> departments;
  std::vector<std::string> department_names;
  std::unordered_map<std::string, department_id> department_index;
  std::vector<edge_id> department_offsets{0};
  std::vector<vertex_id> department_members;

  // Free attributes, column-wise.
  std::vector<std::string> attribute_names;
  std::vector<std::vector<std::string>> attribute_columns;

  // Relations and ties.
  std::vector<std::string> relation_names;
  std::vector<RelationSpec> relation_specs;
  RelationMap relation_map;
  std::vector<TieRecord> ties;

  LoadReport report;
};

}  // namespace orgnet
