#include "orgnet/report/summary.hpp"

#include <cmath>
#include <iomanip>
#include <limits>
#include <sstream>
#include <vector>

#include "orgnet/io/csv_writer.hpp"
#include "orgnet/io/json_writer.hpp"
#include "orgnet/io/output_format.hpp"
#include "orgnet/structure/components.hpp"

namespace orgnet {

GraphSummary summarize(const InfluenceGraph& graph) {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  GraphSummary s;
  const std::size_t n = graph.num_vertices();
  const std::size_t m = graph.num_edges();
  s.people = n;
  s.ties = graph.num_ties();
  s.influence_edges = m;
  s.load = graph.load_report();

  s.relations.resize(graph.num_relations());
  for (std::size_t i = 0; i < graph.num_relations(); ++i) {
    const auto r = static_cast<relation_id>(i);
    s.relations[r].relation = graph.relation_name(r);
    s.relations[r].spec = graph.relation_spec(r);
    s.relations[r].used_fallback = graph.relation_map().find(graph.relation_name(r)) == nullptr;
  }
  for (const TieRecord& tie : graph.ties()) ++s.relations[tie.relation].ties;

  s.departments = graph.num_departments();
  for (department_id d = 0; d < static_cast<department_id>(s.departments); ++d) {
    s.department_sizes.push_back({graph.department_name(d), graph.department_members(d).size()});
  }
  for (vertex_id v = 0; v < n; ++v) {
    if (graph.department(v) == no_department) ++s.people_without_department;
  }

  s.density = n < 2 ? 0.0 : static_cast<double>(m) / (static_cast<double>(n) * static_cast<double>(n - 1));
  if (m == 0) {
    s.reciprocity = s.mean_strength = nan;
  } else {
    std::size_t reciprocated = 0;
    double total = 0;
    for (vertex_id u = 0; u < n; ++u) {
      for (edge_id e = graph.out_begin(u); e < graph.out_end(u); ++e) {
        total += graph.strength(e);
        if (graph.find_edge(graph.edge_target(e), u)) ++reciprocated;
      }
    }
    s.reciprocity = static_cast<double>(reciprocated) / static_cast<double>(m);
    s.mean_strength = total / static_cast<double>(m);
  }

  const ComponentsResult weak = weak_components(graph);
  const ComponentsResult strong = strong_components(graph);
  s.weak_components = weak.count();
  s.largest_weak_component = weak.largest();
  s.strong_components = strong.count();
  s.largest_strong_component = strong.largest();
  s.hierarchy = hierarchy_stats(graph);
  return s;
}

void suppress_small_departments(GraphSummary& summary, std::size_t min_group_size) {
  if (min_group_size <= 1) return;
  const auto removed = std::erase_if(
      summary.department_sizes, [min_group_size](const DepartmentSummary& d) { return d.people < min_group_size; });
  summary.departments_suppressed += removed;
  if (removed > 0) summary.min_group_size = min_group_size;
}

namespace {

std::string spec_text(const RelationSpec& spec, bool fallback) {
  std::string text = std::string(to_string(spec.direction)) + ", " + std::string(to_string(spec.strength));
  if (spec.scale != 1.0) text += ", scale " + fixed_text(spec.scale, 2, "n/a");
  if (fallback) text += ", not in the relation map: fallback used";
  return text;
}

void write_table(const GraphSummary& s, std::ostream& out, const std::string& title) {
  auto row = [&](const std::string& label, const std::string& value, const std::string& note = {}) {
    out << "  " << std::left << std::setw(28) << label << std::right << std::setw(10) << value;
    if (!note.empty()) out << "  " << note;
    out << '\n';
  };
  out << "Summary" << (title.empty() ? "" : " of " + title) << '\n';
  row("people", std::to_string(s.people));
  row("ties", std::to_string(s.ties));
  for (const auto& r : s.relations) row("  " + r.relation, std::to_string(r.ties), spec_text(r.spec, r.used_fallback));
  row("self-ties (not influence)", std::to_string(s.load.self_ties));
  row("influence edges", std::to_string(s.influence_edges),
      s.load.merged_arcs > 0 ? std::to_string(s.load.merged_arcs) + " parallel ties merged by noisy-or" : "");
  std::string sizes;
  for (std::size_t i = 0; i < s.department_sizes.size() && i < 8; ++i) {
    sizes += (i ? ", " : "") + s.department_sizes[i].department + ": " + std::to_string(s.department_sizes[i].people);
  }
  if (s.department_sizes.size() > 8) sizes += ", ...";
  if (s.departments_suppressed > 0) {
    sizes += (sizes.empty() ? "" : "; ") + std::to_string(s.departments_suppressed) + " suppressed (< " +
             std::to_string(s.min_group_size) + " people)";
  }
  row("departments", std::to_string(s.departments), sizes);
  if (s.people_without_department > 0) row("people without department", std::to_string(s.people_without_department));
  row("density", fixed_text(s.density, 4, "n/a"));
  row("reciprocity", fixed_text(s.reciprocity, 4, "n/a"));
  row("mean strength", fixed_text(s.mean_strength, 4, "n/a"));
  row("weak components", std::to_string(s.weak_components), "largest " + std::to_string(s.largest_weak_component));
  row("strong components", std::to_string(s.strong_components),
      "largest " + std::to_string(s.largest_strong_component));
  row("hierarchy depth (levels)", std::to_string(s.hierarchy.depth), std::to_string(s.hierarchy.roots) + " at the top");
  row("managers", std::to_string(s.hierarchy.managers));
  if (s.hierarchy.managers > 0) {
    row("span of control", fixed_text(s.hierarchy.mean_span, 2, "n/a"),
        "mean; median " + fixed_text(s.hierarchy.median_span, 1, "n/a") + ", max " +
            std::to_string(s.hierarchy.max_span));
  }
}

void write_json(const GraphSummary& s, std::ostream& out, const std::string& title) {
  JsonWriter json(out);
  json.begin_object();
  if (!title.empty()) json.field("title", title);
  json.field("people", s.people);
  json.field("ties", s.ties);
  json.key("relations").begin_array();
  for (const auto& r : s.relations) {
    json.begin_object()
        .field("relation", r.relation)
        .field("ties", r.ties)
        .field("direction", to_string(r.spec.direction))
        .field("strength_rule", to_string(r.spec.strength))
        .field("scale", r.spec.scale)
        .field("used_fallback", r.used_fallback)
        .end_object();
  }
  json.end_array();
  json.field("self_ties", s.load.self_ties);
  json.field("influence_edges", s.influence_edges);
  json.field("merged_arcs", s.load.merged_arcs);
  json.field("people_from_ties", s.load.people_from_ties);
  json.field("departments", s.departments);
  json.field("people_without_department", s.people_without_department);
  json.key("department_sizes").begin_object();
  for (const auto& d : s.department_sizes) json.field(d.department, d.people);
  json.end_object();
  if (s.departments_suppressed > 0) {
    json.key("department_sizes_suppressed")
        .begin_object()
        .field("departments", s.departments_suppressed)
        .field("min_group_size", s.min_group_size)
        .end_object();
  }
  json.field("density", s.density);
  json.field("reciprocity", s.reciprocity);
  json.field("mean_strength", s.mean_strength);
  json.field("weak_components", s.weak_components);
  json.field("largest_weak_component", s.largest_weak_component);
  json.field("strong_components", s.strong_components);
  json.field("largest_strong_component", s.largest_strong_component);
  json.key("hierarchy")
      .begin_object()
      .field("depth", s.hierarchy.depth)
      .field("roots", s.hierarchy.roots)
      .field("managers", s.hierarchy.managers)
      .field("mean_span", s.hierarchy.mean_span)
      .field("median_span", s.hierarchy.median_span)
      .field("max_span", s.hierarchy.max_span)
      .end_object();
  json.end_object();
  out << '\n';
}

void write_csv(const GraphSummary& s, std::ostream& out) {
  out << "metric,value\n";
  auto row = [&](const std::string& metric, const std::string& value) {
    out << csv_field(metric) << ',' << csv_field(value) << '\n';
  };
  auto count = [&](const std::string& metric, std::size_t value) { row(metric, std::to_string(value)); };
  count("people", s.people);
  count("ties", s.ties);
  for (const auto& r : s.relations) count("ties." + r.relation, r.ties);
  count("self_ties", s.load.self_ties);
  count("influence_edges", s.influence_edges);
  count("merged_arcs", s.load.merged_arcs);
  count("departments", s.departments);
  count("people_without_department", s.people_without_department);
  for (const auto& d : s.department_sizes) count("department." + d.department, d.people);
  if (s.departments_suppressed > 0) count("department_sizes_suppressed", s.departments_suppressed);
  row("density", format_number(s.density));
  row("reciprocity", format_number(s.reciprocity));
  row("mean_strength", format_number(s.mean_strength));
  count("weak_components", s.weak_components);
  count("largest_weak_component", s.largest_weak_component);
  count("strong_components", s.strong_components);
  count("largest_strong_component", s.largest_strong_component);
  count("hierarchy_depth", s.hierarchy.depth);
  count("hierarchy_roots", s.hierarchy.roots);
  count("managers", s.hierarchy.managers);
  row("mean_span", format_number(s.hierarchy.mean_span));
  row("median_span", format_number(s.hierarchy.median_span));
  count("max_span", s.hierarchy.max_span);
}

}  // namespace

void write_summary(const GraphSummary& summary, std::ostream& out, OutputFormat format, const std::string& title) {
  switch (format) {
    case OutputFormat::table:
      write_table(summary, out, title);
      break;
    case OutputFormat::json:
      write_json(summary, out, title);
      break;
    case OutputFormat::csv:
      write_csv(summary, out);
      break;
  }
}

}  // namespace orgnet
