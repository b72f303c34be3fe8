// model/: RelationSpec, RelationMap, InfluenceGraph, GraphBuilder, the
// hierarchy and distances.

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "common.hpp"
#include "orgnet/model/generators.hpp"

namespace orgnet::python {

namespace {

std::string quoted(const std::string& text) { return py::repr(py::str(text)).cast<std::string>(); }

// ---- RelationSpec / RelationMap ----------------------------------------------------

py::dict relation_map_to_dict(const RelationMap& map) {
  py::dict out;
  for (const auto& [name, spec] : map.specs()) out[py::str(name)] = to_string(spec);
  return out;
}

RelationMap relation_map_from(py::handle specs, py::handle fallback) {
  RelationMap map;
  if (!specs.is_none()) {
    if (!py::hasattr(specs, "items")) {
      throw py::type_error("RelationMap: expected a dict {relation: spec}, got " + type_name(specs));
    }
    for (auto item : specs.attr("items")()) {
      auto pair = py::reinterpret_borrow<py::tuple>(item);
      auto name = pair[0].cast<std::string>();
      map.set(name, relation_spec_arg(pair[1], "specs['" + name + "']"));
    }
  }
  if (!fallback.is_none()) map.set_fallback(relation_spec_arg(fallback, "fallback"));
  return map;
}

bool same_map(const RelationMap& a, const RelationMap& b) {
  return a.specs() == b.specs() && a.fallback() == b.fallback();
}

void bind_relations(py::module_& m) {
  py::class_<RelationSpec>(m, "RelationSpec", R"doc(How the ties of one relation become influence.

Parameters
----------
direction : InfluenceDirection or str
    Direction of influence relative to the tie source -> target.
strength : StrengthRule or str
    How the raw weight becomes a strength in (0, 1].
scale : float
    Multiplies the rule's strength; in (0, 1] (reports_to defaults to 0.5).)doc")
      .def(py::init([](py::object direction, py::object strength, double scale) {
             RelationSpec spec{direction_arg(direction), strength_rule_arg(strength), scale};
             validate_relation_spec(spec, "RelationSpec");
             return spec;
           }),
           py::arg("direction") = py::cast(RelationSpec{}.direction),
           py::arg("strength") = py::cast(RelationSpec{}.strength), py::arg("scale") = RelationSpec{}.scale)
      .def_static("parse", &parse_relation_spec, py::arg("text"),
                  "Parse \"direction[,rule[,scale]]\", e.g. \"target_to_source,as_is,0.5\" (rule defaults to "
                  "weighted_cascade, scale to 1).")
      .def_property(
          "direction", [](const RelationSpec& s) { return s.direction; },
          [](RelationSpec& s, py::object value) { s.direction = direction_arg(value); },
          "Direction of influence relative to the tie.")
      .def_property(
          "strength", [](const RelationSpec& s) { return s.strength; },
          [](RelationSpec& s, py::object value) { s.strength = strength_rule_arg(value); },
          "How the raw weight becomes a strength.")
      .def_property(
          "scale", [](const RelationSpec& s) { return s.scale; },
          [](RelationSpec& s, double value) {
            RelationSpec checked = s;
            checked.scale = value;
            validate_relation_spec(checked, "RelationSpec.scale");
            s.scale = value;
          },
          "Multiplies the rule's strength; in (0, 1].")
      .def("__eq__",
           [](const RelationSpec& a, py::object b) -> py::object {
             if (!py::isinstance<RelationSpec>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
             return py::bool_(a == b.cast<RelationSpec>());
           })
      .def("__str__", [](const RelationSpec& s) { return to_string(s); })
      .def("__repr__",
           [](const RelationSpec& s) {
             std::string text = "RelationSpec(direction='" + std::string(to_string(s.direction)) + "', strength='" +
                                std::string(to_string(s.strength)) + "'";
             if (s.scale != 1.0) text += ", scale=" + py::repr(py::float_(s.scale)).cast<std::string>();
             return text + ")";
           })
      .def(py::pickle([](const RelationSpec& s) { return to_string(s); },
                      [](const std::string& text) { return parse_relation_spec(text); }));

  py::class_<RelationMap>(m, "RelationMap", R"doc(Per-relation specs plus an optional fallback.

Parameters
----------
specs : dict, optional
    {relation: spec}; a spec is a RelationSpec, a string "direction[,rule[,scale]]" or a
    (direction, rule) pair. Without arguments the map is empty.
fallback : RelationSpec or str, optional
    Spec of relations that are not listed; None (the default here) makes an
    unlisted relation an error. See :meth:`defaults` for orgnet's documented map.)doc")
      .def(py::init([](py::object specs, py::object fallback) { return relation_map_from(specs, fallback); }),
           py::arg("specs") = py::none(), py::kw_only(), py::arg("fallback") = py::none())
      .def_static("defaults", &RelationMap::defaults, R"doc(The documented defaults.

advice, trust, friendship: target_to_source, weighted_cascade;
communication, email: source_to_target, weighted_cascade;
reports_to: target_to_source, as_is, scale 0.5; cowork: both, weighted_cascade;
any other relation (fallback): source_to_target, weighted_cascade.)doc")
      .def(
          "set",
          [](py::object self, const std::string& relation, py::object spec, py::object strength) {
            RelationSpec value;
            if (strength.is_none()) {
              value = relation_spec_arg(spec, "spec");
            } else {
              value = RelationSpec{direction_arg(spec, "spec"), strength_rule_arg(strength)};
            }
            self.cast<RelationMap&>().set(relation, value);
            return self;
          },
          py::arg("relation"), py::arg("spec"), py::arg("strength") = py::none(),
          R"doc(Add or replace the spec of one relation; returns the map.

Parameters
----------
relation : str
spec : RelationSpec, str or InfluenceDirection
    A whole spec ("target_to_source,as_is"), or the direction when ``strength``
    is given.
strength : StrengthRule or str, optional)doc")
      .def(
          "set_fallback",
          [](py::object self, py::object spec) {
            auto& map = self.cast<RelationMap&>();
            if (spec.is_none()) {
              map.set_fallback(std::nullopt);
            } else {
              map.set_fallback(relation_spec_arg(spec, "spec"));
            }
            return self;
          },
          py::arg("spec"), "Set the spec of unlisted relations (None: they are an error); returns the map.")
      .def("fallback", &RelationMap::fallback, "Spec of unlisted relations, or None.")
      .def(
          "find",
          [](const RelationMap& map, const std::string& relation) -> std::optional<RelationSpec> {
            if (const RelationSpec* spec = map.find(relation)) return *spec;
            return std::nullopt;
          },
          py::arg("relation"), "The spec listed for ``relation``, or None (the fallback is not consulted).")
      .def(
          "specs",
          [](const RelationMap& map) {
            py::dict out;
            for (const auto& [name, spec] : map.specs()) out[py::str(name)] = spec;
            return out;
          },
          "Listed specs as {relation: RelationSpec}, sorted by name.")
      .def("to_dict", &relation_map_to_dict, "Listed specs as {relation: \"direction,rule\"}.")
      .def("__contains__",
           [](const RelationMap& map, const std::string& relation) { return map.find(relation) != nullptr; })
      .def("__getitem__",
           [](const RelationMap& map, const std::string& relation) {
             if (const RelationSpec* spec = map.find(relation)) return *spec;
             throw py::key_error(relation);
           })
      .def("__len__", [](const RelationMap& map) { return map.specs().size(); })
      .def("__iter__",
           [](const RelationMap& map) {
             py::list names;
             for (const auto& entry : map.specs()) names.append(entry.first);
             return py::iter(names);
           })
      .def("__eq__",
           [](const RelationMap& a, py::object b) -> py::object {
             if (!py::isinstance<RelationMap>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
             return py::bool_(same_map(a, b.cast<const RelationMap&>()));
           })
      .def(
          "copy", [](const RelationMap& map) { return map; }, "A copy of the map.")
      .def("__copy__", [](const RelationMap& map) { return map; })
      .def(
          "__deepcopy__", [](const RelationMap& map, py::object) { return map; }, py::arg("memo"))
      .def("__repr__",
           [](const RelationMap& map) {
             std::string out = "RelationMap({";
             bool first = true;
             for (const auto& [name, spec] : map.specs()) {
               // Appended piecewise: GCC 12 warns (wrongly) about `"..." + std::string`.
               if (!first) out.append(", ");
               out.append(quoted(name)).append(": '").append(to_string(spec)).append("'");
               first = false;
             }
             out.append("}, fallback=");
             if (map.fallback()) {
               out.append("'").append(to_string(*map.fallback())).append("'");
             } else {
               out.append("None");
             }
             out.append(")");
             return out;
           })
      .def(py::pickle(
          [](const RelationMap& map) {
            return py::make_tuple(relation_map_to_dict(map),
                                  map.fallback() ? py::object(py::str(to_string(*map.fallback()))) : py::none());
          },
          [](py::tuple state) { return relation_map_from(state[0], state[1]); }));
}

// ---- InfluenceGraph ----------------------------------------------------------------

std::optional<relation_id> relation_arg(const InfluenceGraph& g, py::handle relation) {
  if (py::isinstance<py::str>(relation)) return g.find_relation(relation.cast<std::string>());
  if (!py::isinstance<py::int_>(relation)) {
    throw py::type_error("relation: expected a relation name (str) or id (int), got " + type_name(relation));
  }
  auto r = relation.cast<std::int64_t>();
  if (r < 0 || static_cast<std::uint64_t>(r) >= g.num_relations()) {
    throw out_of_range("relation " + std::to_string(r) + " is out of range");
  }
  return static_cast<relation_id>(r);
}

edge_id edge_arg(const InfluenceGraph& g, std::int64_t e) {
  if (e < 0 || static_cast<std::uint64_t>(e) >= g.num_edges()) {
    throw out_of_range("edge " + std::to_string(e) + " is out of range (graph has " + std::to_string(g.num_edges()) +
                       " edges)");
  }
  return static_cast<edge_id>(e);
}

department_id department_arg(const InfluenceGraph& g, std::int64_t d) {
  if (d < 0 || static_cast<std::uint64_t>(d) >= g.num_departments()) {
    throw out_of_range("department " + std::to_string(d) + " is out of range (graph has " +
                       std::to_string(g.num_departments()) + " departments)");
  }
  return static_cast<department_id>(d);
}

py::object optional_vertex(vertex_id v) { return v == no_vertex ? py::none() : py::object(py::int_(v)); }

py::list string_list(std::span<const std::string> values) {
  py::list out(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) out[i] = py::str(values[i]);
  return out;
}

template <class Get>
py::list per_vertex_strings(const InfluenceGraph& g, Get get) {
  py::list out(g.num_vertices());
  for (vertex_id v = 0; v < g.num_vertices(); ++v) out[v] = py::str(get(v));
  return out;
}

py::list mask_names(const InfluenceGraph& g, RelationMask mask) {
  py::list names;
  for (relation_id r = 0; r < g.num_relations(); ++r) {
    if (mask & (RelationMask{1} << std::min<unsigned>(r, 31))) names.append(g.relation_name(r));
  }
  return names;
}

py::dict load_report_dict(const LoadReport& r) {
  py::dict out;
  out["people"] = r.people;
  out["people_from_ties"] = r.people_from_ties;
  out["ties"] = r.ties;
  out["self_ties"] = r.self_ties;
  out["influence_arcs"] = r.influence_arcs;
  out["merged_arcs"] = r.merged_arcs;
  out["influence_edges"] = r.influence_edges;
  out["undirected_ties_split"] = r.undirected_ties_split;
  out["relations_using_fallback"] = r.relations_using_fallback;
  return out;
}

// Everything needed to rebuild a graph exactly (used by pickle).
py::tuple graph_state(const InfluenceGraph& g) {
  const std::size_t n = g.num_vertices();
  py::list levels(n), managers(n), departments(n);
  for (vertex_id v = 0; v < n; ++v) {
    levels[v] = g.level_given(v) ? py::object(py::int_(g.level(v))) : py::none();
    managers[v] = g.manager(v) == no_vertex ? std::string() : g.id(g.manager(v));
    departments[v] = g.department(v) == no_department ? std::string() : g.department_name(g.department(v));
  }
  py::list attributes;
  for (const std::string& name : g.attribute_names())
    attributes.append(py::make_tuple(name, string_list(g.attribute_column(name))));
  py::list relation_names;
  for (relation_id r = 0; r < g.num_relations(); ++r) relation_names.append(g.relation_name(r));
  std::vector<std::uint32_t> sources, targets, relations;
  std::vector<double> weights;
  for (const TieRecord& t : g.ties()) {
    sources.push_back(t.source);
    targets.push_back(t.target);
    relations.push_back(t.relation);
    weights.push_back(t.weight);
  }
  const RelationMap& map = g.relation_map();
  return py::make_tuple(1,  // state version
                        per_vertex_strings(g, [&](vertex_id v) { return g.id(v); }),
                        per_vertex_strings(g, [&](vertex_id v) { return g.name(v); }), departments,
                        per_vertex_strings(g, [&](vertex_id v) { return g.title(v); }), levels, managers, attributes,
                        relation_names, to_array(std::move(sources)), to_array(std::move(targets)),
                        to_array(std::move(relations)), to_array(std::move(weights)), relation_map_to_dict(map),
                        map.fallback() ? py::object(py::str(to_string(*map.fallback()))) : py::none());
}

InfluenceGraph graph_from_state(py::tuple state) {
  if (state.size() != 15 || state[0].cast<int>() != 1)
    throw invalid_argument("InfluenceGraph: unsupported pickle state");
  BuildOptions options;
  options.relations = relation_map_from(state[13], state[14]);
  // Managers come from the people (they already include those read from ties).
  options.hierarchy_relation.clear();
  GraphBuilder builder(options);
  auto ids = state[1].cast<std::vector<std::string>>();
  auto names = state[2].cast<std::vector<std::string>>();
  auto departments = state[3].cast<std::vector<std::string>>();
  auto titles = state[4].cast<std::vector<std::string>>();
  auto levels = state[5].cast<std::vector<std::optional<int>>>();
  auto managers = state[6].cast<std::vector<std::string>>();
  auto attributes = state[7].cast<std::vector<std::pair<std::string, std::vector<std::string>>>>();
  auto relation_names = state[8].cast<std::vector<std::string>>();
  auto sources = state[9].cast<std::vector<std::uint32_t>>();
  auto targets = state[10].cast<std::vector<std::uint32_t>>();
  auto relations = state[11].cast<std::vector<std::uint32_t>>();
  auto weights = state[12].cast<std::vector<double>>();
  ReleaseGil release;
  for (std::size_t v = 0; v < ids.size(); ++v) {
    Person p{.id = ids[v],
             .name = names[v],
             .department = departments[v],
             .title = titles[v],
             .level = levels[v],
             .manager = managers[v],
             .attributes = {}};
    for (const auto& [name, column] : attributes) p.attributes.emplace_back(name, column[v]);
    builder.add_person(std::move(p));
  }
  for (std::size_t t = 0; t < sources.size(); ++t) {
    builder.add_tie(ids.at(sources[t]), ids.at(targets[t]), relation_names.at(relations[t]), weights[t]);
  }
  return std::move(builder).build();
}

void bind_graph(py::module_& m) {
  using G = InfluenceGraph;
  py::class_<G>(m, "InfluenceGraph", R"doc(The immutable influence graph every algorithm runs on.

Vertices are people numbered 0..n-1 in the order they were first added. An
edge u -> v means "u influences v" with strength s(u, v) in (0, 1]; parallel
ties are merged by noisy-or and self-ties are left out of the influence edges
(they stay in :meth:`ties`). Storage is compressed sparse row in both
directions; the array accessors return read-only NumPy views that keep the
graph alive. Build one with a loader (load_csv, load_dataset, read_graphml,
from_arrays, from_networkx) or a GraphBuilder.)doc")
      .def(py::init<>(), "The empty graph (no people, no ties).")
      // ---- sizes
      .def_property_readonly("num_vertices", &G::num_vertices, "Number of people.")
      .def_property_readonly("num_edges", &G::num_edges, "Influence edges (merged, without self-loops).")
      .def_property_readonly("num_ties", &G::num_ties, "Observed ties as loaded, self-ties and duplicates included.")
      .def_property_readonly("num_departments", &G::num_departments, "Number of departments.")
      .def_property_readonly("num_relations", &G::num_relations, "Number of distinct relations among the ties.")
      .def("__len__", &G::num_vertices)
      .def(
          "__contains__", [](const G& g, const std::string& id) { return g.find(id).has_value(); },
          py::arg("person_id"))
      .def("__repr__",
           [](const G& g) {
             return "<orgnet.InfluenceGraph: " + std::to_string(g.num_vertices()) + " people, " +
                    std::to_string(g.num_ties()) + " ties, " + std::to_string(g.num_edges()) + " influence edges>";
           })
      .def("__copy__", [](py::object self) { return self; })
      .def(
          "__deepcopy__", [](py::object self, py::object) { return self; }, py::arg("memo"))
      .def(py::pickle(&graph_state, &graph_from_state))
      // ---- whole CSR arrays (zero-copy, read-only)
      .def(
          "out_offsets", [](py::object self) { return readonly_view(self.cast<const G&>().out_offsets(), self); },
          "Out-edges of v are the edge ids out_offsets()[v]:out_offsets()[v+1] (uint32, n+1).")
      .def(
          "out_targets", [](py::object self) { return readonly_view(self.cast<const G&>().out_targets(), self); },
          "Target of each edge (uint32, by edge id; edges sorted by (source, target)).")
      .def(
          "edge_sources",
          [](const G& g) {
            // Not stored (it would cost 4 bytes an edge): expanded from out_offsets.
            std::vector<vertex_id> sources(g.num_edges());
            for (vertex_id u = 0; u < g.num_vertices(); ++u) {
              for (edge_id e = g.out_begin(u); e < g.out_end(u); ++e) sources[e] = u;
            }
            return to_array(std::move(sources));
          },
          "Source of each edge (uint32, by edge id); a new array expanded from out_offsets().")
      .def(
          "strengths", [](py::object self) { return readonly_view(self.cast<const G&>().strengths(), self); },
          "Strength of each edge in (0, 1] (float64, by edge id).")
      .def(
          "in_offsets", [](py::object self) { return readonly_view(self.cast<const G&>().in_offsets(), self); },
          "In-edges of v are in_offsets()[v]:in_offsets()[v+1] (uint32, n+1).")
      .def(
          "in_sources", [](py::object self) { return readonly_view(self.cast<const G&>().in_sources(), self); },
          "Source of each in-edge, ascending per target (uint32).")
      .def(
          "in_edge_ids", [](py::object self) { return readonly_view(self.cast<const G&>().in_edge_ids(), self); },
          "Edge id of each in-edge, aligned with in_sources() (uint32).")
      .def(
          "out_strength_totals",
          [](py::object self) { return readonly_view(self.cast<const G&>().out_strength_totals(), self); },
          "Sum of each person's out-edge strengths (float64, by vertex id; built once and kept).")
      .def(
          "in_strength_totals",
          [](py::object self) { return readonly_view(self.cast<const G&>().in_strength_totals(), self); },
          "Sum of each person's in-edge strengths (float64, by vertex id; built once and kept).")
      .def(
          "shared_in_strengths",
          [](py::object self) { return readonly_view(self.cast<const G&>().shared_in_strengths(), self); },
          "When every person's in-edges all carry one strength (weighted cascade on unweighted ties): that "
          "strength by vertex id (1 for a person without in-edges); otherwise an empty array.")
      .def(
          "shared_out_strengths",
          [](py::object self) { return readonly_view(self.cast<const G&>().shared_out_strengths(), self); },
          "As shared_in_strengths, for out-edges.")
      .def(
          "edge_relations",
          [](const G& g) {
            ReleaseGil release;
            std::vector<RelationMask> masks = edge_relation_masks(g);
            py::gil_scoped_acquire acquire;
            return to_array(std::move(masks));
          },
          "Relations that contributed to each edge, as bit masks (bit r = relation r; uint32), computed from the\n"
          "ties in O(ties log degree).")
      // ---- per vertex / edge
      .def(
          "out_degree", [](const G& g, std::int64_t v) { return g.out_degree(vertex_arg(g, v)); }, py::arg("v"),
          "Number of people v influences.")
      .def(
          "in_degree", [](const G& g, std::int64_t v) { return g.in_degree(vertex_arg(g, v)); }, py::arg("v"),
          "Number of people who influence v.")
      .def(
          "out_neighbors",
          [](py::object self, std::int64_t v) {
            const G& g = self.cast<const G&>();
            return readonly_view(g.out_neighbors(vertex_arg(g, v)), self);
          },
          py::arg("v"), "People v influences, ascending (read-only view).")
      .def(
          "out_strengths",
          [](py::object self, std::int64_t v) {
            const G& g = self.cast<const G&>();
            return readonly_view(g.out_strengths(vertex_arg(g, v)), self);
          },
          py::arg("v"), "Strengths of v's out-edges, aligned with out_neighbors(v).")
      .def(
          "in_neighbors",
          [](py::object self, std::int64_t v) {
            const G& g = self.cast<const G&>();
            return readonly_view(g.in_neighbors(vertex_arg(g, v)), self);
          },
          py::arg("v"), "People who influence v, ascending (read-only view).")
      .def(
          "in_edges",
          [](py::object self, std::int64_t v) {
            const G& g = self.cast<const G&>();
            return readonly_view(g.in_edges(vertex_arg(g, v)), self);
          },
          py::arg("v"), "Edge ids of v's in-edges, aligned with in_neighbors(v).")
      .def(
          "out_begin", [](const G& g, std::int64_t v) { return g.out_begin(vertex_arg(g, v)); }, py::arg("v"),
          "First out-edge id of v (out-edges are out_begin(v)..out_end(v)-1).")
      .def(
          "out_end", [](const G& g, std::int64_t v) { return g.out_end(vertex_arg(g, v)); }, py::arg("v"),
          "One past the last out-edge id of v.")
      .def(
          "edge_source", [](const G& g, std::int64_t e) { return g.edge_source(edge_arg(g, e)); }, py::arg("e"),
          "Influencer of edge e.")
      .def(
          "edge_target", [](const G& g, std::int64_t e) { return g.edge_target(edge_arg(g, e)); }, py::arg("e"),
          "Influenced person of edge e.")
      .def(
          "strength", [](const G& g, std::int64_t e) { return g.strength(edge_arg(g, e)); }, py::arg("e"),
          "Strength of edge e in (0, 1].")
      .def(
          "edge_relation_names",
          [](const G& g, std::int64_t e) { return mask_names(g, edge_relation_masks(g)[edge_arg(g, e)]); },
          py::arg("e"),
          "Names of the relations that contributed to edge e (scans the ties: for many edges use\n"
          "edge_relations()).")
      .def(
          "find_edge",
          [](const G& g, std::int64_t u, std::int64_t v) -> std::optional<edge_id> {
            return g.find_edge(vertex_arg(g, u), vertex_arg(g, v));
          },
          py::arg("u"), py::arg("v"), "The edge id of u -> v, or None.")
      // ---- people
      .def(
          "ids", [](const G& g) { return per_vertex_strings(g, [&](vertex_id v) { return g.id(v); }); },
          "Person id of every vertex (list of str).")
      .def(
          "id", [](const G& g, std::int64_t v) { return g.id(vertex_arg(g, v)); }, py::arg("v"),
          "Person id of vertex v.")
      .def(
          "find", [](const G& g, const std::string& person_id) { return g.find(person_id); }, py::arg("person_id"),
          "Vertex of a person id, or None.")
      .def(
          "index_of", [](const G& g, const std::string& person_id) { return g.index_of(person_id); },
          py::arg("person_id"), "Vertex of a person id; raises IndexError for an unknown id.")
      .def(
          "names", [](const G& g) { return per_vertex_strings(g, [&](vertex_id v) { return g.name(v); }); },
          "Display name of every vertex (\"\" when unknown).")
      .def(
          "name", [](const G& g, std::int64_t v) { return g.name(vertex_arg(g, v)); }, py::arg("v"),
          "Display name of v (\"\" when unknown).")
      .def(
          "titles", [](const G& g) { return per_vertex_strings(g, [&](vertex_id v) { return g.title(v); }); },
          "Job title of every vertex (\"\" when unknown).")
      .def(
          "title", [](const G& g, std::int64_t v) { return g.title(vertex_arg(g, v)); }, py::arg("v"),
          "Job title of v (\"\" when unknown).")
      .def(
          "levels",
          [](const G& g) {
            std::vector<std::int32_t> out(g.num_vertices());
            for (vertex_id v = 0; v < out.size(); ++v) out[v] = g.level(v);
            return to_array(std::move(out));
          },
          "Formal level of every vertex, 0 = top, given or derived from the manager forest (int32).")
      .def(
          "level", [](const G& g, std::int64_t v) { return g.level(vertex_arg(g, v)); }, py::arg("v"),
          "Formal level of v, 0 = top (given or derived).")
      .def(
          "levels_given",
          [](const G& g) {
            py::array_t<bool> out(static_cast<py::ssize_t>(g.num_vertices()));
            auto view = out.mutable_unchecked<1>();
            for (vertex_id v = 0; v < g.num_vertices(); ++v) view(v) = g.level_given(v);
            return out;
          },
          "Whether each level came from the data (True) or from the manager forest (bool).")
      .def(
          "level_given", [](const G& g, std::int64_t v) { return g.level_given(vertex_arg(g, v)); }, py::arg("v"),
          "True when v's level came from the data rather than from the manager forest.")
      .def(
          "managers",
          [](const G& g) {
            std::vector<std::int64_t> out(g.num_vertices());
            for (vertex_id v = 0; v < out.size(); ++v) {
              out[v] = g.manager(v) == no_vertex ? -1 : static_cast<std::int64_t>(g.manager(v));
            }
            return to_array(std::move(out));
          },
          "Manager of every vertex, -1 for none (int64).")
      .def(
          "manager", [](const G& g, std::int64_t v) { return optional_vertex(g.manager(vertex_arg(g, v))); },
          py::arg("v"), "The manager of v, or None.")
      .def(
          "direct_reports",
          [](py::object self, std::int64_t v) {
            const G& g = self.cast<const G&>();
            return readonly_view(g.direct_reports(vertex_arg(g, v)), self);
          },
          py::arg("v"), "Direct reports of v, ascending (read-only view).")
      // ---- departments
      .def(
          "departments",
          [](const G& g) {
            std::vector<std::int32_t> out(g.num_vertices());
            for (vertex_id v = 0; v < out.size(); ++v) out[v] = g.department(v);
            return to_array(std::move(out));
          },
          "Department of every vertex, -1 for none (int32); names in department_names().")
      .def(
          "department",
          [](const G& g, std::int64_t v) -> std::optional<department_id> {
            const department_id d = g.department(vertex_arg(g, v));
            if (d == no_department) return std::nullopt;
            return d;
          },
          py::arg("v"), "Department of v, or None.")
      .def(
          "department_names",
          [](const G& g) {
            py::list out;
            for (department_id d = 0; d < static_cast<department_id>(g.num_departments()); ++d) {
              out.append(g.department_name(d));
            }
            return out;
          },
          "Department names in id order (order of first appearance).")
      .def(
          "department_name", [](const G& g, std::int64_t d) { return g.department_name(department_arg(g, d)); },
          py::arg("d"), "Name of department d.")
      .def(
          "find_department", [](const G& g, const std::string& name) { return g.find_department(name); },
          py::arg("name"), "Department id of a name, or None.")
      .def(
          "department_members",
          [](py::object self, std::int64_t d) {
            const G& g = self.cast<const G&>();
            return readonly_view(g.department_members(department_arg(g, d)), self);
          },
          py::arg("d"), "Members of department d, ascending (read-only view).")
      // ---- free attributes
      .def(
          "attribute_names", [](const G& g) { return string_list(g.attribute_names()); },
          "Names of the free attributes, in source order.")
      .def(
          "attribute", [](const G& g, const std::string& name) { return string_list(g.attribute_column(name)); },
          py::arg("name"), "Column of free attribute ``name`` by vertex (\"\" where absent); IndexError if unknown.")
      .def(
          "attribute",
          [](const G& g, std::int64_t v, const std::string& name) { return g.attribute(vertex_arg(g, v), name); },
          py::arg("v"), py::arg("name"), "Value of free attribute ``name`` for vertex v.")
      // ---- relations and ties
      .def(
          "relation_names",
          [](const G& g) {
            py::list out;
            for (relation_id r = 0; r < g.num_relations(); ++r) out.append(g.relation_name(r));
            return out;
          },
          "Relations among the ties, in order of first appearance (index = relation id).")
      .def(
          "relation_name",
          [](const G& g, std::int64_t r) {
            if (r < 0 || static_cast<std::uint64_t>(r) >= g.num_relations()) {
              throw out_of_range("relation " + std::to_string(r) + " is out of range");
            }
            return g.relation_name(static_cast<relation_id>(r));
          },
          py::arg("r"), "Name of relation r.")
      .def(
          "find_relation", [](const G& g, const std::string& name) { return g.find_relation(name); }, py::arg("name"),
          "Relation id of a name, or None.")
      .def(
          "relation_spec",
          [](const G& g, py::object relation) {
            auto r = relation_arg(g, relation);
            if (!r) throw out_of_range("unknown relation '" + relation.cast<std::string>() + "'");
            return g.relation_spec(*r);
          },
          py::arg("relation"), "The spec applied to a relation (given by name or id).")
      .def("relation_map", &G::relation_map, "The RelationMap the graph was built with (a copy).")
      .def(
          "ties",
          [](py::object self) {
            const G& g = self.cast<const G&>();
            auto ties = g.ties();
            py::dict out;
            out["source"] = readonly_member_view(ties, &TieRecord::source, self);
            out["target"] = readonly_member_view(ties, &TieRecord::target, self);
            out["relation"] = readonly_member_view(ties, &TieRecord::relation, self);
            out["weight"] = readonly_member_view(ties, &TieRecord::weight, self);
            return out;
          },
          R"doc(Every observed tie in load order, as read-only arrays.

Returns
-------
dict
    "source", "target" (uint32 vertex ids), "relation" (uint16 relation ids,
    see relation_names()) and "weight" (float64). See also ties_frame().)doc")
      .def(
          "load_report", [](const G& g) { return load_report_dict(g.load_report()); },
          "What happened while building: people, people_from_ties, ties, self_ties, influence_arcs, "
          "merged_arcs, influence_edges, undirected_ties_split, relations_using_fallback.")
      .def("memory_bytes", &G::memory_bytes, "Bytes of heap memory held by the graph.");
}

// ---- GraphBuilder --------------------------------------------------------------------

// GraphBuilder::build() consumes the builder; the Python object remembers that.
struct PyGraphBuilder {
  explicit PyGraphBuilder(BuildOptions options) : builder(std::in_place, std::move(options)) {}
  GraphBuilder& get() {
    if (!builder) throw invalid_argument("GraphBuilder: build() was already called; create a new builder");
    return *builder;
  }
  std::optional<GraphBuilder> builder;
};

std::string string_arg(py::handle value, const char* what, std::size_t index) {
  if (py::isinstance<py::str>(value)) return value.cast<std::string>();
  if (value.is_none()) {
    throw invalid_argument(std::string(what) + "[" + std::to_string(index) + "]: expected a person id, got None");
  }
  return py::str(value).cast<std::string>();
}

// Strings of a sequence or array; numbers become their decimal text.
std::vector<std::string> strings_arg(py::handle values, const char* what) {
  std::vector<std::string> out;
  if (py::isinstance<py::array>(values)) {
    auto array = py::reinterpret_borrow<py::array>(values);
    if (array.ndim() != 1) throw invalid_argument(std::string(what) + ": expected a 1-dimensional array");
    values = array.attr("tolist")().release();
    auto list = py::reinterpret_steal<py::list>(values);
    out.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) out.push_back(string_arg(list[i], what, i));
    return out;
  }
  std::size_t i = 0;
  for (auto item : values) out.push_back(string_arg(item, what, i++));
  return out;
}

void bind_builder(py::module_& m) {
  const BuildOptions defaults;
  py::class_<PyGraphBuilder>(m, "GraphBuilder", R"doc(Validates people and ties and builds an InfluenceGraph.

Every loader feeds a builder; use one directly for data held in Python. All
checks that need the whole data (unknown ids, managers, the hierarchy,
strengths) happen in :meth:`build`.

Parameters
----------
relations : dict, RelationMap or None
    None: the default relation map. A dict {relation: spec} overrides entries
    of the defaults (spec: "direction[,rule[,scale]]", RelationSpec or pair); a
    RelationMap is used as it is.
strict_relations : bool
    Reject relations the map does not list (removes the fallback).
create_missing : bool
    Create people named by ties but never added (else an error).
hierarchy_relation : str
    Ties of this relation also define managers ("source reports to target");
    "" disables it.)doc")
      .def(py::init([](py::object relations, bool strict, bool create, std::string hierarchy) {
             return PyGraphBuilder(build_options_arg(relations, strict, create, std::move(hierarchy)));
           }),
           py::kw_only(), py::arg("relations") = py::none(), py::arg("strict_relations") = false,
           py::arg("create_missing") = defaults.unknown_people == UnknownPersonPolicy::create,
           py::arg("hierarchy_relation") = defaults.hierarchy_relation)
      .def(
          "add_person",
          [](PyGraphBuilder& b, std::string id, std::string name, std::string department, std::string title,
             std::optional<int> level, std::string manager, py::object attributes) {
            Person p{.id = std::move(id),
                     .name = std::move(name),
                     .department = std::move(department),
                     .title = std::move(title),
                     .level = level,
                     .manager = std::move(manager),
                     .attributes = {}};
            if (!attributes.is_none()) {
              for (auto item : attributes.attr("items")()) {
                auto pair = py::reinterpret_borrow<py::tuple>(item);
                p.attributes.emplace_back(py::str(pair[0]).cast<std::string>(),
                                          pair[1].is_none() ? std::string() : py::str(pair[1]).cast<std::string>());
              }
            }
            return b.get().add_person(std::move(p));
          },
          py::arg("id"), py::kw_only(), py::arg("name") = Person{}.name, py::arg("department") = Person{}.department,
          py::arg("title") = Person{}.title, py::arg("level") = py::none(), py::arg("manager") = Person{}.manager,
          py::arg("attributes") = py::none(),
          R"doc(Add a person; returns their vertex index.

Raises ValueError for an empty or duplicate id, a negative level or a person
who is their own manager. ``attributes`` is a dict of free attributes (values
become str, None becomes ""); empty strings mean "none" for department and
manager.)doc")
      .def(
          "add_tie",
          [](PyGraphBuilder& b, const std::string& source, const std::string& target, const std::string& relation,
             double weight) { b.get().add_tie(source, target, relation, weight); },
          py::arg("source"), py::arg("target"), py::arg("relation") = TieColumns{}.default_relation,
          py::arg("weight") = Tie{}.weight,
          "Add one tie, in the direction the data states it. Raises ValueError for an empty id or relation, or a "
          "weight that is not finite and > 0.")
      .def(
          "add_ties",
          [](PyGraphBuilder& b, py::object sources, py::object targets, py::object relations, py::object weights) {
            GraphBuilder& builder = b.get();
            std::vector<std::string> from = strings_arg(sources, "sources");
            std::vector<std::string> to = strings_arg(targets, "targets");
            if (from.size() != to.size()) {
              throw invalid_argument("add_ties: sources has " + std::to_string(from.size()) +
                                     " entries but targets has " + std::to_string(to.size()));
            }
            std::vector<std::string> rels;
            if (py::isinstance<py::str>(relations)) {
              rels.assign(1, relations.cast<std::string>());
            } else {
              rels = strings_arg(relations, "relations");
              if (rels.size() != from.size()) {
                throw invalid_argument("add_ties: relations has " + std::to_string(rels.size()) +
                                       " entries but sources has " + std::to_string(from.size()));
              }
            }
            std::vector<double> w;
            if (!weights.is_none()) {
              auto array = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(weights);
              if (!array || array.ndim() != 1)
                throw invalid_argument("add_ties: weights must be a 1-dimensional sequence of numbers");
              w.assign(array.data(), array.data() + array.size());
              if (w.size() != from.size()) {
                throw invalid_argument("add_ties: weights has " + std::to_string(w.size()) +
                                       " entries but sources has " + std::to_string(from.size()));
              }
            }
            ReleaseGil release;
            for (std::size_t i = 0; i < from.size(); ++i) {
              try {
                builder.add_tie(from[i], to[i], rels.size() == 1 && from.size() != 1 ? rels[0] : rels[i],
                                w.empty() ? 1.0 : w[i]);
              } catch (const invalid_argument& e) {
                throw invalid_argument("tie " + std::to_string(i) + ": " + e.what());
              }
            }
          },
          py::arg("sources"), py::arg("targets"), py::arg("relations") = TieColumns{}.default_relation,
          py::arg("weights") = py::none(),
          R"doc(Add many ties at once.

Parameters
----------
sources, targets : sequence or array
    Person ids; numbers become their decimal text.
relations : str or sequence of str
    One relation for all ties, or one per tie.
weights : array-like of float, optional
    Default 1 for every tie.

Errors name the position of the offending tie ("tie 3: ...").)doc")
      .def(
          "note_undirected_tie_split", [](PyGraphBuilder& b) { b.get().note_undirected_tie_split(); },
          "Count an undirected tie that the caller split into two ties (shown in the load report).")
      .def_property_readonly(
          "num_people", [](PyGraphBuilder& b) { return b.get().num_people(); },
          "Ids seen so far (people added and people named by ties).")
      .def_property_readonly(
          "num_ties", [](PyGraphBuilder& b) { return b.get().num_ties(); }, "Ties added so far.")
      .def(
          "has_person", [](PyGraphBuilder& b, const std::string& id) { return b.get().has_person(id); }, py::arg("id"),
          "Whether a person with this id was added (ids only named by ties do not count).")
      .def(
          "build",
          [](PyGraphBuilder& b) {
            GraphBuilder builder = std::move(b.get());
            b.builder.reset();
            ReleaseGil release;
            return std::move(builder).build();
          },
          "Validate everything and build the graph. The builder cannot be used afterwards.");
}

// ---- hierarchy and distances ------------------------------------------------------------

void bind_hierarchy(py::module_& m) {
  py::class_<HierarchyStats>(m, "HierarchyStats", "Depth and span of control of the manager forest.")
      .def_readonly("depth", &HierarchyStats::depth,
                    "Longest chain of command counted in people (1 = everyone at the top, 0 = empty graph).")
      .def_readonly("roots", &HierarchyStats::roots, "People without a manager.")
      .def_readonly("managers", &HierarchyStats::managers, "People with at least one direct report.")
      .def_readonly("mean_span", &HierarchyStats::mean_span, "Mean span of control over managers (NaN if none).")
      .def_readonly("median_span", &HierarchyStats::median_span, "Median span of control (NaN if none).")
      .def_readonly("max_span", &HierarchyStats::max_span, "Largest span of control.")
      .def_property_readonly(
          "widest_manager", [](const HierarchyStats& s) { return optional_vertex(s.widest_manager); },
          "A manager with max_span reports (lowest id), or None.")
      .def("__repr__", [](const HierarchyStats& s) {
        return "HierarchyStats(depth=" + std::to_string(s.depth) + ", roots=" + std::to_string(s.roots) +
               ", managers=" + std::to_string(s.managers) + ", max_span=" + std::to_string(s.max_span) + ")";
      });

  m.def(
      "hierarchy_stats",
      [](const InfluenceGraph& g) {
        ReleaseGil release;
        return hierarchy_stats(g);
      },
      py::arg("graph"), "Depth and span of control of the manager forest. O(n).");
  m.def(
      "chain_of_command",
      [](const InfluenceGraph& g, std::int64_t v) { return to_array(chain_of_command(g, vertex_arg(g, v))); },
      py::arg("graph"), py::arg("v"), "v's manager, their manager, ..., up to a top-level person (v excluded).");
  m.def(
      "hierarchy_depths",
      [](const InfluenceGraph& g) {
        std::vector<int> depths = hierarchy_depths(g);
        return to_array(std::vector<std::int32_t>(depths.begin(), depths.end()));
      },
      py::arg("graph"), "Depth of every person in the manager forest (roots 0), ignoring given levels.");

  m.def(
      "edge_distances",
      [](const InfluenceGraph& g, py::object transform) {
        return to_array(edge_distances(g, distance_transform_arg(transform)));
      },
      py::arg("graph"), py::arg("transform") = py::cast(DistanceTransform::neg_log),
      "Length of every edge (by edge id) under a distance transform: neg_log (-ln s), inverse (1/s) or hops.");
  m.def(
      "to_distance",
      [](double strength, py::object transform) {
        if (!(strength > 0.0 && strength <= 1.0)) {
          throw invalid_argument("to_distance: strength must lie in (0, 1], got " +
                                 py::repr(py::float_(strength)).cast<std::string>());
        }
        return to_distance(strength, distance_transform_arg(transform));
      },
      py::arg("strength"), py::arg("transform") = py::cast(DistanceTransform::neg_log),
      "Length of one edge of the given strength.");

  const CompanyOptions company;
  m.def(
      "generate_company",
      [](std::size_t people, std::size_t departments, std::size_t levels, double ties_per_person,
         double within_department, double upward, std::uint64_t seed) {
        ReleaseGil release;
        return generate_company({people, departments, levels, ties_per_person, within_department, upward, seed});
      },
      py::kw_only(), py::arg("people") = company.people, py::arg("departments") = company.departments,
      py::arg("levels") = company.levels, py::arg("ties_per_person") = company.ties_per_person,
      py::arg("within_department") = company.within_department, py::arg("upward") = company.upward,
      py::arg("seed") = company.seed,
      "A seeded synthetic company: person 0 is the CEO, the others spread over departments, each a reporting\n"
      "tree; every person sends about ties_per_person advice/communication ties (weights 1..5), mostly inside\n"
      "their department, some upward. The same options give the same graph on every machine.");
}

}  // namespace

void bind_model(py::module_& m) {
  // Defaults of the C++ option structs, for the keyword arguments of the
  // pure-Python helpers (from_arrays, from_networkx).
  py::dict defaults;
  defaults["default_relation"] = TieColumns{}.default_relation;
  defaults["hierarchy_relation"] = BuildOptions{}.hierarchy_relation;
  defaults["create_missing"] = BuildOptions{}.unknown_people == UnknownPersonPolicy::create;
  m.attr("_defaults") = defaults;
  bind_relations(m);
  bind_graph(m);
  bind_builder(m);
  bind_hierarchy(m);
}

}  // namespace orgnet::python
