// report/: the summary an analyst checks first.

#include <sstream>

#include "common.hpp"

namespace orgnet::python {

namespace {

// Same members, in the same order, as the JSON of `orgnet summary --format json`
// (src/report/summary.cpp); NaN stays a float NaN where JSON writes null.
py::dict summary_dict(const GraphSummary& s) {
  py::dict out;
  out["people"] = s.people;
  out["ties"] = s.ties;
  py::list relations;
  for (const RelationSummary& r : s.relations) {
    py::dict item;
    item["relation"] = r.relation;
    item["ties"] = r.ties;
    item["direction"] = std::string(to_string(r.spec.direction));
    item["strength_rule"] = std::string(to_string(r.spec.strength));
    item["scale"] = r.spec.scale;
    item["used_fallback"] = r.used_fallback;
    relations.append(item);
  }
  out["relations"] = relations;
  out["self_ties"] = s.load.self_ties;
  out["influence_edges"] = s.influence_edges;
  out["merged_arcs"] = s.load.merged_arcs;
  out["people_from_ties"] = s.load.people_from_ties;
  out["departments"] = s.departments;
  out["people_without_department"] = s.people_without_department;
  py::dict sizes;
  for (const DepartmentSummary& d : s.department_sizes) sizes[py::str(d.department)] = d.people;
  out["department_sizes"] = sizes;
  out["density"] = s.density;
  out["reciprocity"] = s.reciprocity;
  out["mean_strength"] = s.mean_strength;
  out["weak_components"] = s.weak_components;
  out["largest_weak_component"] = s.largest_weak_component;
  out["strong_components"] = s.strong_components;
  out["largest_strong_component"] = s.largest_strong_component;
  py::dict hierarchy;
  hierarchy["depth"] = s.hierarchy.depth;
  hierarchy["roots"] = s.hierarchy.roots;
  hierarchy["managers"] = s.hierarchy.managers;
  hierarchy["mean_span"] = s.hierarchy.mean_span;
  hierarchy["median_span"] = s.hierarchy.median_span;
  hierarchy["max_span"] = s.hierarchy.max_span;
  out["hierarchy"] = hierarchy;
  return out;
}

}  // namespace

void bind_report(py::module_& m) {
  m.def(
      "summary",
      [](const InfluenceGraph& graph) {
        GraphSummary s;
        {
          py::gil_scoped_release release;
          s = summarize(graph);
        }
        return summary_dict(s);
      },
      py::arg("graph"),
      R"doc(The figures to check first on a new network. O(n + m).

Returns
-------
dict
    The members of ``orgnet summary --format json`` (without "title"), in the
    same order: people, ties, relations (list of dicts: relation, ties,
    direction, strength_rule, used_fallback), self_ties, influence_edges,
    merged_arcs, people_from_ties, departments, people_without_department,
    department_sizes ({name: people}), density (edges / n(n-1), 0 when n < 2),
    reciprocity (NetworkX's overall_reciprocity), mean_strength,
    weak_components, largest_weak_component, strong_components,
    largest_strong_component and hierarchy (depth, roots, managers, mean_span,
    median_span, max_span). Values JSON writes as null are NaN here.)doc");
  m.def(
      "format_summary",
      [](const InfluenceGraph& graph, py::object format, const std::string& title) {
        const OutputFormat f = output_format_arg(format);
        std::ostringstream out;
        {
          py::gil_scoped_release release;
          write_summary(summarize(graph), out, f, title);
        }
        return out.str();
      },
      py::arg("graph"), py::arg("format") = py::cast(OutputFormat::table), py::arg("title") = std::string(),
      R"doc(The summary as text, exactly as ``orgnet summary`` prints it.

Parameters
----------
graph : InfluenceGraph
format : OutputFormat or str
    "table", "json" or "csv".
title : str
    Heads the table and is the "title" member of the JSON.)doc");
}

}  // namespace orgnet::python
