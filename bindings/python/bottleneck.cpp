// Python bindings of the bottleneck concern (include/orgnet/bottleneck/):
// articulation points and bridges, structural holes, Gould-Fernandez
// brokerage, dominators and must-pass people, minimum cuts, key players and
// removal impact, overload.
//
// Keyword arguments are named like the fields of the C++ option structs and
// take their defaults from them. People are given as vertex indices or person
// ids; groups as lists of them. Per-person figures come back as read-only
// NumPy views of the result object's vectors. The GIL is released while
// computing.

#include <string>

#include "common.hpp"

namespace orgnet::python {

namespace {

template <class Result, class T>
py::array member_view(py::object self, std::vector<T> Result::*member) {
  const auto& r = self.cast<const Result&>();
  return readonly_view(std::span<const T>(r.*member), self);
}

/// A person given as a vertex index or a person id.
vertex_id person_arg(const InfluenceGraph& graph, py::handle value, const char* argument) {
  if (py::isinstance<py::str>(value)) return graph.index_of(value.cast<std::string>());
  if (py::isinstance<py::int_>(value)) return vertex_arg(graph, value.cast<std::int64_t>());
  throw py::type_error(std::string(argument) + ": expected a person id (str) or a vertex index (int), got " +
                       type_name(value));
}

/// One person or an iterable of people.
std::vector<vertex_id> people_arg(const InfluenceGraph& graph, py::handle value, const char* argument) {
  std::vector<vertex_id> people;
  if (py::isinstance<py::str>(value) || py::isinstance<py::int_>(value)) {
    people.push_back(person_arg(graph, value, argument));
    return people;
  }
  for (auto item : py::iter(value)) people.push_back(person_arg(graph, item, argument));
  return people;
}

/// n x 6 array (rows: people, columns: roles in sna's order).
template <class T>
py::array_t<T> role_matrix(const std::array<std::vector<T>, brokerage_columns>& columns) {
  const std::size_t n = columns[0].size();
  py::array_t<T> out({static_cast<py::ssize_t>(n), static_cast<py::ssize_t>(brokerage_columns)});
  auto view = out.template mutable_unchecked<2>();
  for (std::size_t v = 0; v < n; ++v) {
    for (std::size_t k = 0; k < brokerage_columns; ++k) view(v, k) = columns[k][v];
  }
  return out;
}

template <class T>
py::array_t<T> role_vector(const std::array<T, brokerage_columns>& values) {
  return to_array(std::vector<T>(values.begin(), values.end()));
}

py::array_t<std::int64_t> vertices_or_minus_one(const std::vector<vertex_id>& values) {
  std::vector<std::int64_t> out(values.size());
  for (std::size_t i = 0; i < values.size(); ++i)
    out[i] = values[i] == no_vertex ? std::int64_t{-1} : static_cast<std::int64_t>(values[i]);
  return to_array(std::move(out));
}

}  // namespace

void bind_bottleneck(py::module_& m) {
  // ---- articulation points and bridges -------------------------------------------
  py::class_<CutPointsResult>(m, "CutPointsResult", "Articulation points and bridges of the undirected view.")
      .def_property_readonly(
          "articulation_points",
          [](py::object self) { return member_view(self, &CutPointsResult::articulation_points); },
          "Articulation points, ascending (uint32 vertex indices).")
      .def_property_readonly(
          "cut_off", [](py::object self) { return member_view(self, &CutPointsResult::cut_off); },
          "Per vertex: people cut off from the largest remaining piece if the person left (uint32).")
      .def_property_readonly(
          "pieces", [](py::object self) { return member_view(self, &CutPointsResult::pieces); },
          "Per vertex: pieces the person's component falls into without them (uint32).")
      .def_property_readonly(
          "component_size", [](py::object self) { return member_view(self, &CutPointsResult::component_size); },
          "Per vertex: size of the person's component in the undirected view (uint32).")
      .def_property_readonly(
          "bridges",
          [](const CutPointsResult& r) {
            py::array_t<std::uint32_t> out({static_cast<py::ssize_t>(r.bridges.size()), py::ssize_t{3}});
            auto view = out.mutable_unchecked<2>();
            for (std::size_t i = 0; i < r.bridges.size(); ++i) {
              view(i, 0) = r.bridges[i].u;
              view(i, 1) = r.bridges[i].v;
              view(i, 2) = r.bridges[i].cut_off;
            }
            return out;
          },
          "Bridges as rows (u, v, cut_off), u < v, sorted (uint32, shape (k, 3)).")
      .def("__repr__", [](const CutPointsResult& r) {
        return "<orgnet.CutPointsResult: " + std::to_string(r.articulation_points.size()) + " articulation points, " +
               std::to_string(r.bridges.size()) + " bridges>";
      });
  m.def(
      "cut_points",
      [](const InfluenceGraph& graph) {
        ReleaseGil release;
        return cut_points(graph);
      },
      py::arg("graph"),
      "Articulation points and bridges of the undirected view, with the people each would cut off from the "
      "largest remaining piece. Equals networkx.articulation_points / bridges on G.to_undirected(). O(n + m).");

  // ---- structural holes -----------------------------------------------------------
  py::class_<StructuralHolesResult>(m, "StructuralHolesResult",
                                    "Burt's constraint, effective size, efficiency and hierarchy of every person.")
      .def_property_readonly(
          "constraint", [](py::object self) { return member_view(self, &StructuralHolesResult::constraint); },
          "Burt's constraint (float64; NaN without contacts). Equals networkx.constraint(G, weight='strength').")
      .def_property_readonly(
          "effective_size", [](py::object self) { return member_view(self, &StructuralHolesResult::effective_size); },
          "Burt's effective size (float64). Equals networkx.effective_size(G, weight='strength').")
      .def_property_readonly(
          "efficiency", [](py::object self) { return member_view(self, &StructuralHolesResult::efficiency); },
          "Effective size / number of contacts (float64).")
      .def_property_readonly(
          "hierarchy", [](py::object self) { return member_view(self, &StructuralHolesResult::hierarchy); },
          "Burt's hierarchy as UCINET computes it (float64; NaN with fewer than 2 contacts).")
      .def_property_readonly(
          "contacts", [](py::object self) { return member_view(self, &StructuralHolesResult::contacts); },
          "Number of contacts: in- and out-neighbours, each once (uint32).")
      .def("__repr__", [](const StructuralHolesResult& r) {
        return "<orgnet.StructuralHolesResult: " + std::to_string(r.constraint.size()) + " people>";
      });
  m.def(
      "structural_holes",
      [](const InfluenceGraph& graph, bool weighted, int threads) {
        ReleaseGil release;
        return structural_holes(graph, {.weighted = weighted, .threads = threads});
      },
      py::arg("graph"), py::kw_only(), py::arg("weighted") = StructuralHolesOptions{}.weighted,
      py::arg("threads") = StructuralHolesOptions{}.threads,
      R"doc(Burt's structural holes of every person: constraint, effective size, efficiency, hierarchy.

Contacts are in- and out-neighbours; the tie to a contact is the mutual weight
s(i, j) + s(j, i) (strengths; 1 per edge when ``weighted`` is False).
Constraint and effective size equal networkx.constraint / effective_size on
``to_networkx(graph, kind="influence")`` with weight="strength" (weight=None
unweighted), except that orgnet also scores people with in-ties only.)doc");

  // ---- brokerage ------------------------------------------------------------------
  py::class_<BrokerageResult>(m, "BrokerageResult",
                              "Gould-Fernandez brokerage: observed, expected, sd and z per person and role.")
      .def_property_readonly_static(
          "roles",
          [](py::object) {
            py::list names;
            for (std::size_t k = 0; k < brokerage_columns; ++k) names.append(to_string(static_cast<BrokerageRole>(k)));
            return py::tuple(names);
          },
          "Column names: coordinator, itinerant, representative, gatekeeper, liaison, total "
          "(sna's w_I, w_O, b_IO, b_OI, b_O, t).")
      .def_property_readonly(
          "observed", [](const BrokerageResult& r) { return role_matrix(r.observed); },
          "Observed counts (uint64, shape (n, 6), columns as ``roles``).")
      .def_property_readonly(
          "expected", [](const BrokerageResult& r) { return role_matrix(r.expected); },
          "Expected counts under sna's null model (float64, shape (n, 6)).")
      .def_property_readonly(
          "sd", [](const BrokerageResult& r) { return role_matrix(r.sd); },
          "Standard deviations under sna's null model (float64, shape (n, 6)).")
      .def_property_readonly(
          "z", [](const BrokerageResult& r) { return role_matrix(r.z); },
          "(observed - expected) / sd (float64, shape (n, 6); NaN or inf where sd = 0, as in sna).")
      .def_property_readonly(
          "network_observed", [](const BrokerageResult& r) { return role_vector(r.network_observed); },
          "Network totals per role (uint64, length 6).")
      .def_property_readonly(
          "network_expected", [](const BrokerageResult& r) { return role_vector(r.network_expected); },
          "Expected network totals (float64, length 6).")
      .def_property_readonly(
          "network_sd", [](const BrokerageResult& r) { return role_vector(r.network_sd); },
          "Standard deviations of the network totals (float64, length 6).")
      .def_property_readonly(
          "network_z", [](const BrokerageResult& r) { return role_vector(r.network_z); },
          "z-scores of the network totals (float64, length 6).")
      .def_property_readonly(
          "group", [](py::object self) { return member_view(self, &BrokerageResult::group); },
          "Group of each vertex (uint32 index into group_names).")
      .def_readonly("group_names", &BrokerageResult::group_names, "Group names, in order of first appearance.")
      .def_property_readonly(
          "group_sizes",
          [](const BrokerageResult& r) {
            return to_array(std::vector<std::uint64_t>(r.group_sizes.begin(), r.group_sizes.end()));
          },
          "Size of each group (uint64).")
      .def_readonly("density", &BrokerageResult::density, "Density m / (N (N - 1)) of the null model.")
      .def("__repr__", [](const BrokerageResult& r) {
        return "<orgnet.BrokerageResult: " + std::to_string(r.group.size()) + " people, " +
               std::to_string(r.group_names.size()) + " groups>";
      });
  m.def(
      "brokerage",
      [](const InfluenceGraph& graph, std::string attribute, int threads) {
        ReleaseGil release;
        return brokerage(graph, {.attribute = std::move(attribute), .threads = threads});
      },
      py::arg("graph"), py::kw_only(), py::arg("attribute") = BrokerageOptions{}.attribute,
      py::arg("threads") = BrokerageOptions{}.threads,
      R"doc(Gould-Fernandez brokerage roles of every person, as R's sna::brokerage computes them.

Two-paths a -> b -> c with a != c and no a -> c edge, classified by the
groups of a, b, c (department by default, or the free attribute
``attribute``): coordinator (w_I), itinerant (w_O), representative (b_IO),
gatekeeper (b_OI), liaison (b_O), and total. Expected counts, sd and z follow
sna's null model (random ties at the observed density, group sizes fixed).)doc");

  // ---- dominators -----------------------------------------------------------------
  py::class_<DominatorTree>(m, "DominatorTree", "The dominator tree rooted at a person.")
      .def_readonly("root", &DominatorTree::root, "The root (vertex index).")
      .def_property_readonly(
          "immediate_dominator", [](const DominatorTree& t) { return vertices_or_minus_one(t.immediate_dominator); },
          "Immediate dominator of each vertex (int64; -1 for the root and for people the root cannot reach).")
      .def_property_readonly(
          "reachable",
          [](const DominatorTree& t) {
            std::vector<bool> flags(t.reachable.begin(), t.reachable.end());
            py::array_t<bool> out(static_cast<py::ssize_t>(flags.size()));
            for (std::size_t i = 0; i < flags.size(); ++i) out.mutable_at(i) = flags[i];
            return out;
          },
          "Whether the root reaches each vertex (bool).")
      .def("__repr__", [](const DominatorTree& t) {
        return "<orgnet.DominatorTree rooted at vertex " + std::to_string(t.root) + ">";
      });
  m.def(
      "dominator_tree",
      [](const InfluenceGraph& graph, py::object root) {
        const vertex_id r = person_arg(graph, root, "root");
        ReleaseGil release;
        return dominator_tree(graph, r);
      },
      py::arg("graph"), py::arg("root"),
      "Dominator tree of the people the root reaches along influence edges (Lengauer-Tarjan). Equals "
      "networkx.immediate_dominators(G, root) without the root's own entry.");

  py::class_<MustPassResult>(m, "MustPassResult", "The people every chain of influence from s to t passes.")
      .def_property_readonly(
          "status", [](const MustPassResult& r) { return std::string(to_string(r.status)); },
          "\"ok\", \"same_person\" or \"unreachable\".")
      .def_property_readonly(
          "people", [](py::object self) { return member_view(self, &MustPassResult::people); },
          "Must-pass people in the order a chain from s meets them (uint32 vertex indices).")
      .def("__repr__", [](const MustPassResult& r) {
        return "<orgnet.MustPassResult: " + std::string(to_string(r.status)) + ", " + std::to_string(r.people.size()) +
               " people>";
      });
  m.def(
      "must_pass",
      [](const InfluenceGraph& graph, py::object source, py::object target) {
        const vertex_id s = person_arg(graph, source, "source"), t = person_arg(graph, target, "target");
        ReleaseGil release;
        return must_pass(graph, s, t);
      },
      py::arg("graph"), py::arg("source"), py::arg("target"),
      "The people every chain of influence from source to target passes through (source and target excluded).");

  // ---- minimum cuts ---------------------------------------------------------------
  py::class_<EdgeCutResult>(m, "EdgeCutResult", "A minimum edge cut.")
      .def_property_readonly(
          "status", [](const EdgeCutResult& r) { return std::string(to_string(r.status)); },
          "\"ok\" or \"overlap\" (a person is both a source and a target).")
      .def_readonly("value", &EdgeCutResult::value, "Total capacity of the cut (the maximum flow).")
      .def_property_readonly(
          "edges", [](py::object self) { return member_view(self, &EdgeCutResult::edges); },
          "Edge ids of the cut, ascending (uint32; graph.edge_sources()/out_targets() give the ends).")
      .def_property_readonly(
          "source_side", [](py::object self) { return member_view(self, &EdgeCutResult::source_side); },
          "People on the sources' side of the cut (uint32).")
      .def("__repr__", [](const EdgeCutResult& r) {
        return "<orgnet.EdgeCutResult: " + std::string(to_string(r.status)) + ", " + std::to_string(r.edges.size()) +
               " edges, value " + std::to_string(r.value) + ">";
      });
  py::class_<VertexCutResult>(m, "VertexCutResult", "A minimum vertex cut.")
      .def_property_readonly(
          "status", [](const VertexCutResult& r) { return std::string(to_string(r.status)); },
          "\"ok\", \"overlap\" or \"adjacent\" (an edge goes straight from a source to a target).")
      .def_property_readonly(
          "people", [](py::object self) { return member_view(self, &VertexCutResult::people); },
          "The people of the cut, ascending (uint32).")
      .def_property_readonly(
          "source_side", [](py::object self) { return member_view(self, &VertexCutResult::source_side); },
          "People on the sources' side (uint32).")
      .def("__repr__", [](const VertexCutResult& r) {
        return "<orgnet.VertexCutResult: " + std::string(to_string(r.status)) + ", " + std::to_string(r.people.size()) +
               " people>";
      });
  m.def(
      "minimum_edge_cut",
      [](const InfluenceGraph& graph, py::object sources, py::object targets, bool weighted) {
        const auto s = people_arg(graph, sources, "sources"), t = people_arg(graph, targets, "targets");
        ReleaseGil release;
        return minimum_edge_cut(graph, s, t, {.weighted = weighted});
      },
      py::arg("graph"), py::arg("sources"), py::arg("targets"), py::kw_only(),
      py::arg("weighted") = EdgeCutOptions{}.weighted,
      "Minimum edge cut from sources to targets (one person or a list each), capacities = strengths (1 per edge "
      "when weighted is False). Its value equals networkx.minimum_cut_value(G, s, t, capacity='strength').");
  m.def(
      "minimum_vertex_cut",
      [](const InfluenceGraph& graph, py::object sources, py::object targets) {
        const auto s = people_arg(graph, sources, "sources"), t = people_arg(graph, targets, "targets");
        ReleaseGil release;
        return minimum_vertex_cut(graph, s, t);
      },
      py::arg("graph"), py::arg("sources"), py::arg("targets"),
      "Fewest people (never a source or target) whose departure stops all influence from the sources reaching "
      "the targets. Its size equals len(networkx.minimum_node_cut(G, s, t)) for single people.");

  // ---- key players ----------------------------------------------------------------
  py::enum_<KeyPlayerObjective>(m, "KeyPlayerObjective",
                                "What key_players maximizes. Functions also accept the strings.")
      .value("fragmentation", KeyPlayerObjective::fragmentation, "Share of ordered pairs that are disconnected.")
      .value("distance_fragmentation", KeyPlayerObjective::distance_fragmentation,
             "1 - mean inverse hop distance over ordered pairs.");
  auto objective_arg = [](py::handle value) {
    return enum_arg<KeyPlayerObjective>(value, parse_key_player_objective, "objective", "KeyPlayerObjective");
  };
  py::class_<KeyPlayerResult>(m, "KeyPlayerResult", "The key players and the fragmentation they cause.")
      .def_property_readonly(
          "people", [](py::object self) { return member_view(self, &KeyPlayerResult::people); },
          "The chosen people (uint32 vertex indices).")
      .def_readonly("objective", &KeyPlayerResult::objective, "The objective maximized.")
      .def_readonly("fragmentation_before", &KeyPlayerResult::fragmentation_before, "F of the whole graph.")
      .def_readonly("fragmentation", &KeyPlayerResult::fragmentation, "F without the chosen people.")
      .def_readonly("distance_fragmentation_before", &KeyPlayerResult::distance_fragmentation_before,
                    "DF of the whole graph.")
      .def_readonly("distance_fragmentation", &KeyPlayerResult::distance_fragmentation, "DF without the chosen people.")
      .def_readonly("swaps", &KeyPlayerResult::swaps, "Swaps made after the greedy start.")
      .def_readonly("rounds", &KeyPlayerResult::rounds, "Swap rounds run.")
      .def("__repr__", [](const KeyPlayerResult& r) {
        return "<orgnet.KeyPlayerResult: " + std::to_string(r.people.size()) + " people, fragmentation " +
               std::to_string(r.fragmentation) + ">";
      });
  m.def(
      "key_players",
      [objective_arg](const InfluenceGraph& graph, std::size_t k, py::object objective, std::size_t max_swap_rounds,
                      int threads) {
        KeyPlayerOptions options{
            .k = k, .objective = objective_arg(objective), .max_swap_rounds = max_swap_rounds, .threads = threads};
        ReleaseGil release;
        return key_players(graph, options);
      },
      py::arg("graph"), py::kw_only(), py::arg("k") = KeyPlayerOptions{}.k,
      py::arg("objective") = std::string(to_string(KeyPlayerOptions{}.objective)),
      py::arg("max_swap_rounds") = KeyPlayerOptions{}.max_swap_rounds, py::arg("threads") = KeyPlayerOptions{}.threads,
      "Borgatti's key players: the k people whose departure fragments the undirected view most (greedy, then "
      "local swaps; a local optimum).");
  m.def(
      "fragmentation",
      [objective_arg](const InfluenceGraph& graph, py::object removed, py::object objective) {
        const auto people = removed.is_none() ? std::vector<vertex_id>{} : people_arg(graph, removed, "removed");
        const auto o = objective_arg(objective);
        ReleaseGil release;
        return fragmentation(graph, people, o);
      },
      py::arg("graph"), py::arg("removed") = py::none(), py::arg("objective") = "fragmentation",
      "Borgatti's fragmentation F (or distance-weighted DF) of the undirected view without the people `removed`.");
  py::class_<RemovalImpact>(m, "RemovalImpact", "What one person's departure costs.")
      .def_readonly("person", &RemovalImpact::person, "The person (vertex index).")
      .def_readonly("fragmentation_before", &RemovalImpact::fragmentation_before, "F with everyone.")
      .def_readonly("fragmentation_after", &RemovalImpact::fragmentation_after, "F without the person.")
      .def_readonly("cut_off", &RemovalImpact::cut_off, "People cut off from the largest remaining piece.")
      .def_readonly("reach_before", &RemovalImpact::reach_before,
                    "Ordered pairs of other people joined by a chain of influence, with the person.")
      .def_readonly("reach_after", &RemovalImpact::reach_after, "The same without the person.")
      .def_readonly("reaches", &RemovalImpact::reaches, "People the person reaches.")
      .def_readonly("reached_by", &RemovalImpact::reached_by, "People who reach the person.")
      .def("__repr__",
           [](const RemovalImpact& r) { return "<orgnet.RemovalImpact of vertex " + std::to_string(r.person) + ">"; });
  m.def(
      "removal_impact",
      [](const InfluenceGraph& graph, py::object person, int threads) {
        const vertex_id v = person_arg(graph, person, "person");
        ReleaseGil release;
        return removal_impact(graph, v, {.threads = threads});
      },
      py::arg("graph"), py::arg("person"), py::kw_only(), py::arg("threads") = RemovalImpactOptions{}.threads,
      "Change in fragmentation and in directed reach when one person leaves. O(n (n + m)).");

  // ---- overload -------------------------------------------------------------------
  py::class_<OverloadResult>(m, "OverloadResult", "Dependence load, chain share and overload score.")
      .def_property_readonly(
          "load", [](py::object self) { return member_view(self, &OverloadResult::load); },
          "Strength of the edges of the chosen relations leaving each person (float64).")
      .def_property_readonly(
          "load_ratio", [](py::object self) { return member_view(self, &OverloadResult::load_ratio); },
          "Load / median positive load (float64).")
      .def_property_readonly(
          "chain_share", [](py::object self) { return member_view(self, &OverloadResult::chain_share); },
          "Share of the shortest chains between others through the person (normalized betweenness).")
      .def_property_readonly(
          "score", [](py::object self) { return member_view(self, &OverloadResult::score); },
          "(load / max load + share / max share) / 2 (float64).")
      .def_property_readonly(
          "ranking", [](py::object self) { return member_view(self, &OverloadResult::ranking); },
          "Everyone by decreasing score (uint32 vertex indices).")
      .def_readonly("median_load", &OverloadResult::median_load, "Median of the positive loads (NaN if none).")
      .def_readonly("relations", &OverloadResult::relations, "Relations that counted.")
      .def("__repr__", [](const OverloadResult& r) {
        return "<orgnet.OverloadResult: " + std::to_string(r.load.size()) + " people>";
      });
  m.def(
      "overload",
      [](const InfluenceGraph& graph, py::object relations, py::object distance, int threads) {
        OverloadOptions options;
        if (!relations.is_none()) {
          if (py::isinstance<py::str>(relations)) {
            options.relations.push_back(relations.cast<std::string>());
          } else {
            options.relations = relations.cast<std::vector<std::string>>();
          }
        }
        options.distance = distance_transform_arg(distance, "distance");
        options.threads = threads;
        ReleaseGil release;
        return overload(graph, options);
      },
      py::arg("graph"), py::kw_only(), py::arg("relations") = py::none(),
      py::arg("distance") = std::string(to_string(OverloadOptions{}.distance)),
      py::arg("threads") = OverloadOptions{}.threads,
      "People on whom many others depend: load of the chosen relations' edges (default advice) relative to the "
      "median, and share of shortest chains through them, combined into a ranked score.");
}

}  // namespace orgnet::python
