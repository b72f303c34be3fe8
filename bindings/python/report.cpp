// report/: the summary an analyst checks first.

#include <filesystem>
#include <fstream>
#include <optional>
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

namespace {

void bind_html_report(py::module_& m) {
  const HtmlReportOptions d;
  m.def(
      "write_report",
      [](const InfluenceGraph& graph, std::optional<std::filesystem::path> path, const std::string& title,
         const std::string& size_by, std::size_t top, std::optional<std::string> path_from,
         std::optional<std::string> path_to, bool pseudonymize, const std::string& pseudonym_salt,
         std::size_t min_group_size, std::uint64_t seed, std::size_t permutations, std::size_t max_sociogram_people,
         int threads) -> py::object {
        HtmlReportOptions o;
        o.title = title;
        o.size_by = parse_measure(size_by);
        o.top = top;
        o.path_from = path_from.value_or(std::string());
        o.path_to = path_to.value_or(std::string());
        o.pseudonymize = pseudonymize;
        o.pseudonym_salt = pseudonym_salt;
        o.min_group_size = min_group_size;
        o.seed = seed;
        o.permutations = permutations;
        o.max_sociogram_people = max_sociogram_people;
        o.threads = threads;
        HtmlReport report;
        {
          ReleaseGil release;
          report = build_html_report(graph, o);
        }
        if (!path) return py::str(report.html);
        std::ofstream file(*path, std::ios::binary);
        if (!file) throw orgnet::invalid_argument("write_report: cannot write '" + path->string() + "'");
        file << report.html;
        if (!file) throw orgnet::invalid_argument("write_report: error while writing '" + path->string() + "'");
        return py::none();
      },
      py::arg("graph"), py::arg("path") = py::none(), py::kw_only(), py::arg("title") = d.title,
      py::arg("size_by") = std::string(to_string(d.size_by)), py::arg("top") = d.top, py::arg("path_from") = py::none(),
      py::arg("path_to") = py::none(), py::arg("pseudonymize") = d.pseudonymize,
      py::arg("pseudonym_salt") = d.pseudonym_salt, py::arg("min_group_size") = d.min_group_size,
      py::arg("seed") = d.seed, py::arg("permutations") = d.permutations,
      py::arg("max_sociogram_people") = d.max_sociogram_people, py::arg("threads") = d.threads,
      R"doc(The self-contained HTML report (what ``orgnet report`` writes).

One file with inline CSS and an SVG sociogram, no script and no external
resource: summary, sociogram, top-k centrality tables, cut points and brokers,
departments and silos (E-I), communities vs departments, hidden influencers,
ONA roles and, with ``path_from`` and ``path_to``, the most probable chain of
influence. See docs/report.md.

Parameters
----------
graph : InfluenceGraph
path : str or os.PathLike, optional
    File to write. When None the HTML is returned instead.
title : str
    Heading ("" = "Organizational network report").
size_by : str
    Centrality measure (as in ``centrality_table``) that sizes the people.
top : int
    Rows per ranking table.
path_from, path_to : str, optional
    Person ids (real ids, also when pseudonymizing): adds the persuasion chain.
pseudonymize : bool
    Replace person ids by pseudonyms (P0001, ...) and leave out names, titles
    and free attributes (see ``pseudonymize``).
pseudonym_salt : str
    Number pseudonyms by a keyed hash of the id instead of the input order.
min_group_size : int
    Figures of departments with fewer people are shown as
    "suppressed (< k)" (departments table, mixing matrix, legend).
seed : int
    Layout, communities and permutation tests.
permutations : int
    Permutations of the E-I test (0 = none).
max_sociogram_people : int
    Draw at most this many people (the highest by ``size_by``, plus brokers and
    the chain); the caption says what was left out.
threads : int
    0 = all available; the report does not depend on it.

Returns
-------
str or None
    The HTML when ``path`` is None.)doc");

  const LayoutOptions l;
  m.def(
      "layout",
      [](const InfluenceGraph& graph, std::uint64_t seed, std::size_t iterations, double width, double height,
         double margin, double gravity, double initial_temperature, bool weighted, std::optional<py::object> include,
         int threads) {
        LayoutOptions o{.seed = seed,
                        .iterations = iterations,
                        .width = width,
                        .height = height,
                        .margin = margin,
                        .gravity = gravity,
                        .initial_temperature = initial_temperature,
                        .weighted = weighted,
                        .threads = threads};
        if (include && !include->is_none()) {
          for (py::handle flag : *include) o.include.push_back(py::cast<bool>(flag) ? 1 : 0);
        }
        LayoutResult r;
        {
          ReleaseGil release;
          r = force_layout(graph, o);
        }
        const auto n = static_cast<py::ssize_t>(r.x.size());
        py::array_t<double> xy({n, py::ssize_t{2}});
        auto view = xy.mutable_unchecked<2>();
        for (py::ssize_t i = 0; i < n; ++i) {
          view(i, 0) = r.x[static_cast<std::size_t>(i)];
          view(i, 1) = r.y[static_cast<std::size_t>(i)];
        }
        return xy;
      },
      py::arg("graph"), py::kw_only(), py::arg("seed") = l.seed, py::arg("iterations") = l.iterations,
      py::arg("width") = l.width, py::arg("height") = l.height, py::arg("margin") = l.margin,
      py::arg("gravity") = l.gravity, py::arg("initial_temperature") = l.initial_temperature,
      py::arg("weighted") = l.weighted, py::arg("include") = py::none(), py::arg("threads") = l.threads,
      R"doc(Force-directed (Fruchterman-Reingold) layout of the undirected view.

Deterministic for a seed, whatever the thread count. Coordinates lie in
[margin, width - margin] x [margin, height - margin] (uniform scale, centred).

Parameters
----------
graph : InfluenceGraph
seed : int
iterations : int
    0 = automatic: min(300, max(50, 3e7 / n^2)).
width, height, margin : float
    The box.
gravity : float
    Pull towards the centre (keeps components together).
initial_temperature : float
    Largest step of the first iteration, in the unit square.
weighted : bool
    Attraction scaled by the merged strength of a pair.
include : sequence of bool, optional
    Lay out only these people (one flag per vertex); the others get NaN.
threads : int

Returns
-------
numpy.ndarray
    Shape (n, 2): x and y per vertex id.)doc");

  const PseudonymOptions p;
  m.def(
      "pseudonyms",
      [](const InfluenceGraph& graph, const std::string& salt, const std::string& prefix) {
        return pseudonyms(graph, {.salt = salt, .prefix = prefix});
      },
      py::arg("graph"), py::kw_only(), py::arg("salt") = p.salt, py::arg("prefix") = p.prefix,
      R"doc(The pseudonym of every person, by vertex id: "P0001", "P0002", ...

Numbered in vertex order, or with a ``salt`` in the order of a keyed hash of
(salt, id). Stable for the same data and salt.)doc");
  m.def(
      "pseudonymize",
      [](const InfluenceGraph& graph, const std::string& salt, const std::string& prefix) {
        ReleaseGil release;
        return pseudonymize(graph, {.salt = salt, .prefix = prefix});
      },
      py::arg("graph"), py::kw_only(), py::arg("salt") = p.salt, py::arg("prefix") = p.prefix,
      R"doc(The graph with pseudonyms as person ids and no names, titles or free attributes.

Same vertex order, departments, levels, managers, relations and ties, hence the
same results for every algorithm: every DataFrame or export computed from it
carries pseudonyms only.)doc");
}

}  // namespace

void bind_report(py::module_& m) {
  bind_html_report(m);
  m.def(
      "summary",
      [](const InfluenceGraph& graph) {
        GraphSummary s;
        {
          ReleaseGil release;
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
          ReleaseGil release;
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
