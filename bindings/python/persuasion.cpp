// Python bindings of persuasion: influence chains (best, k best, tree from one
// source) and the win-over plan (persuasion/chains.hpp, persuasion/win_over.hpp).
//
// People are given as person ids (str) or vertex indices (int); results carry
// vertex indices as NumPy arrays (graph.id(v) names them), and the Python layer
// (orgnet/_persuasion.py) turns them into pandas DataFrames. The GIL is
// released while computing.

#include <cmath>
#include <string>

#include "common.hpp"
#include "orgnet/persuasion/chains.hpp"

namespace orgnet::python {

namespace {

/// A person given as a person id (str) or a vertex index (int).
vertex_id person_arg(const InfluenceGraph& graph, py::handle value, const char* argument) {
  if (py::isinstance<py::str>(value)) return graph.index_of(value.cast<std::string>());
  if (py::isinstance<py::int_>(value) && !py::isinstance<py::bool_>(value)) {
    return vertex_arg(graph, value.cast<std::int64_t>());
  }
  throw py::type_error(std::string(argument) + ": expected a person id (str) or a vertex index (int), got " +
                       type_name(value));
}

std::vector<vertex_id> people_arg(const InfluenceGraph& graph, py::handle value, const char* argument) {
  std::vector<vertex_id> out;
  if (value.is_none()) return out;
  if (py::isinstance<py::str>(value)) return {person_arg(graph, value, argument)};
  for (auto item : py::reinterpret_borrow<py::iterable>(value)) out.push_back(person_arg(graph, item, argument));
  return out;
}

std::vector<relation_id> relations_arg(const InfluenceGraph& graph, py::handle value) {
  std::vector<relation_id> out;
  if (value.is_none()) return out;
  auto one = [&](py::handle item) -> relation_id {
    if (py::isinstance<py::str>(item)) {
      const auto name = item.cast<std::string>();
      const auto r = graph.find_relation(name);
      if (!r) throw invalid_argument("relations: the graph has no relation '" + name + "'");
      return *r;
    }
    if (py::isinstance<py::int_>(item)) return item.cast<relation_id>();
    throw py::type_error("relations: expected relation names (str) or ids (int), got " + type_name(item));
  };
  if (py::isinstance<py::str>(value)) return {one(value)};
  for (auto item : py::reinterpret_borrow<py::iterable>(value)) out.push_back(one(item));
  return out;
}

ChainObjective objective_arg(py::handle value) {
  return enum_arg<ChainObjective>(value, parse_chain_objective, "objective", "ChainObjective");
}

ChainConstraints constraints_arg(const InfluenceGraph& graph, py::handle avoid, std::optional<std::size_t> max_steps,
                                 std::optional<int> max_level_skip, py::handle relations) {
  ChainConstraints c;
  c.avoid = people_arg(graph, avoid, "avoid");
  c.max_steps = max_steps;
  c.max_level_skip = max_level_skip;
  c.relations = relations_arg(graph, relations);
  return c;
}

template <class T>
py::array copy_array(const std::vector<T>& values) {
  return to_array(std::vector<T>(values));
}

constexpr const char* constraints_doc = R"doc(
avoid : str, int or list, optional
    People the chain may not pass through (ids or vertex indices). Avoiding the
    source or the target gives status "endpoint_avoided".
max_steps : int, optional
    At most this many steps.
max_level_skip : int, optional
    Hierarchy rule: an upward step (to a lower level number; 0 = top) may rise
    at most this many levels. 1 = never over your manager's head, 0 = no
    upward step.
relations : str or list, optional
    Each step must carry at least one of these relations (names or ids).)doc";

void bind_chain_types(py::module_& m) {
  py::enum_<ChainObjective>(m, "ChainObjective",
                            "What a best chain optimizes. Functions also accept the names as strings.")
      .value("most_probable", ChainObjective::most_probable,
             "Maximize the product of strengths (Dijkstra on -ln s; NetworkX's dijkstra_path).")
      .value("widest", ChainObjective::widest, "Maximize the weakest step; among those, the most probable.")
      .value("fewest_steps", ChainObjective::fewest_steps, "Fewest steps; among those, the most probable.");
  py::enum_<ChainStatus>(m, "ChainStatus", "Outcome of a chain request.")
      .value("found", ChainStatus::found, "A chain was found.")
      .value("endpoint_avoided", ChainStatus::endpoint_avoided, "The source or the target is in the avoid list.")
      .value("no_chain", ChainStatus::no_chain, "No chain satisfies the request; see the reason.");

  py::class_<Chain>(m, "Chain", "One chain of influence: people source ... target and the ties between them.")
      .def_property_readonly(
          "people", [](const Chain& c) { return copy_array(c.people); },
          "Vertex indices from the source to the target (uint32).")
      .def_property_readonly(
          "ties", [](const Chain& c) { return copy_array(c.ties); }, "Edge id of each step (uint32).")
      .def_property_readonly(
          "strengths", [](const Chain& c) { return copy_array(c.strengths); }, "Strength of each step (float64).")
      .def_readonly("probability", &Chain::probability, "Product of the strengths (1 for zero steps).")
      .def_readonly("length", &Chain::length, "Sum of -ln s over the steps, added in path order.")
      .def_readonly("weakest", &Chain::weakest, "Weakest strength (1 for zero steps).")
      .def_property_readonly("steps", &Chain::steps, "Number of steps (ties).")
      .def("__len__", &Chain::steps, "Number of steps.")
      .def("__repr__", [](const Chain& c) {
        return "<orgnet.Chain: " + std::to_string(c.steps()) + " steps, probability " +
               py::repr(py::float_(c.probability)).cast<std::string>() + ">";
      });

  py::class_<ChainResult>(m, "ChainResult", "A best chain, or why there is none.")
      .def_readonly("status", &ChainResult::status, "found, endpoint_avoided or no_chain.")
      .def_readonly("reason", &ChainResult::reason, "Why there is no chain (empty when found).")
      .def_readonly("chain", &ChainResult::chain, "The chain (no people when not found).")
      .def_property_readonly("found", &ChainResult::found, "Whether a chain was found.")
      .def("__bool__", &ChainResult::found, "Whether a chain was found.")
      .def("__repr__", [](const ChainResult& r) {
        return r.found() ? "<orgnet.ChainResult: " + std::to_string(r.chain.steps()) + " steps>"
                         : "<orgnet.ChainResult: " + r.reason + ">";
      });

  py::class_<KBestChainsResult>(m, "KBestChainsResult", "The k most probable loopless chains, or why there is none.")
      .def_readonly("status", &KBestChainsResult::status, "found, endpoint_avoided or no_chain.")
      .def_readonly("reason", &KBestChainsResult::reason, "Why there is no chain (empty when found).")
      .def_readonly("chains", &KBestChainsResult::chains,
                    "Chains by decreasing probability (ties: fewer steps, then vertex ids in order).")
      .def_property_readonly("found", &KBestChainsResult::found, "Whether a chain was found.")
      .def("__len__", [](const KBestChainsResult& r) { return r.chains.size(); }, "Number of chains.")
      .def("__repr__", [](const KBestChainsResult& r) {
        return "<orgnet.KBestChainsResult: " + std::to_string(r.chains.size()) + " chains>";
      });

  py::class_<ChainTree>(m, "ChainTree", "The best chain from one source to every person.")
      .def_readonly("source", &ChainTree::source, "The source vertex.")
      .def_readonly("objective", &ChainTree::objective, "The objective optimized.")
      .def_property_readonly(
          "probability", [](const ChainTree& t) { return copy_array(t.probability); },
          "Probability of the best chain to each vertex (0 when unreachable).")
      .def_property_readonly(
          "weakest", [](const ChainTree& t) { return copy_array(t.weakest); },
          "Weakest step of that chain (0 when unreachable).")
      .def_property_readonly(
          "steps",
          [](const ChainTree& t) {
            std::vector<std::int64_t> out(t.steps.size());
            for (std::size_t v = 0; v < out.size(); ++v) out[v] = t.reached(static_cast<vertex_id>(v)) ? t.steps[v] : -1;
            return to_array(std::move(out));
          },
          "Steps of that chain (-1 when unreachable).")
      .def_property_readonly(
          "predecessor",
          [](const ChainTree& t) {
            std::vector<std::int64_t> out(t.predecessor.size());
            for (std::size_t v = 0; v < out.size(); ++v) {
              out[v] = t.predecessor[v] == no_vertex ? -1 : static_cast<std::int64_t>(t.predecessor[v]);
            }
            return to_array(std::move(out));
          },
          "Previous person on the chain (-1 for the source and the unreachable).")
      .def("reached", &ChainTree::reached, py::arg("v"), "Whether vertex v is reached.")
      .def(
          "chain_to", [](const ChainTree& t, const InfluenceGraph& g, py::handle v) {
            return t.chain_to(g, person_arg(g, v, "v"));
          },
          py::arg("graph"), py::arg("v"), "The chain to person v (no people when not reached).")
      .def("__repr__", [](const ChainTree& t) {
        return "<orgnet.ChainTree: from vertex " + std::to_string(t.source) + ">";
      });
}

void bind_chain_functions(py::module_& m) {
  m.def(
      "best_chain",
      [](const InfluenceGraph& graph, py::handle source, py::handle target, py::handle objective, py::handle avoid,
         std::optional<std::size_t> max_steps, std::optional<int> max_level_skip, py::handle relations) {
        const vertex_id s = person_arg(graph, source, "source"), t = person_arg(graph, target, "target");
        ChainOptions options{.objective = objective_arg(objective),
                             .constraints = constraints_arg(graph, avoid, max_steps, max_level_skip, relations)};
        py::gil_scoped_release release;
        return best_chain(graph, s, t, options);
      },
      py::arg("graph"), py::arg("source"), py::arg("target"), py::kw_only(),
      py::arg("objective") = py::cast(ChainObjective::most_probable), py::arg("avoid") = py::none(),
      py::arg("max_steps") = py::none(), py::arg("max_level_skip") = py::none(), py::arg("relations") = py::none(),
      (std::string(R"doc(The best chain of influence from ``source`` to ``target``.

most_probable maximizes the product of strengths (NetworkX's dijkstra_path on
-ln s), widest the weakest step, fewest_steps the number of steps (ties: the
most probable). Equally good chains: fewer steps first, then the one whose
people read from the target backwards have the smallest vertex indices.
Infeasible requests return status no_chain with a reason, never raise.

Parameters
----------
graph : InfluenceGraph
source, target : str or int
    Person ids or vertex indices.
objective : ChainObjective or str
    "most_probable" (default), "widest" or "fewest_steps".)doc") +
       constraints_doc)
          .c_str());

  m.def(
      "k_best_chains",
      [](const InfluenceGraph& graph, py::handle source, py::handle target, std::size_t k, py::handle avoid,
         std::optional<std::size_t> max_steps, std::optional<int> max_level_skip, py::handle relations) {
        const vertex_id s = person_arg(graph, source, "source"), t = person_arg(graph, target, "target");
        ChainOptions options{.constraints = constraints_arg(graph, avoid, max_steps, max_level_skip, relations)};
        py::gil_scoped_release release;
        return k_best_chains(graph, s, t, k, options);
      },
      py::arg("graph"), py::arg("source"), py::arg("target"), py::arg("k") = 3, py::kw_only(),
      py::arg("avoid") = py::none(), py::arg("max_steps") = py::none(), py::arg("max_level_skip") = py::none(),
      py::arg("relations") = py::none(),
      (std::string(R"doc(The k most probable loopless chains from ``source`` to ``target`` (Yen's algorithm).

Chains come by decreasing probability, ties by fewer steps, then by vertex
indices in order: the order of NetworkX's shortest_simple_paths on -ln s
weights when probabilities differ. The first chain is best_chain's.

Parameters
----------
graph : InfluenceGraph
source, target : str or int
k : int
    How many chains (fewer when fewer exist).)doc") +
       constraints_doc)
          .c_str());

  m.def(
      "best_chains_from",
      [](const InfluenceGraph& graph, py::handle source, py::handle objective, py::handle avoid,
         std::optional<std::size_t> max_steps, std::optional<int> max_level_skip, py::handle relations) {
        const vertex_id s = person_arg(graph, source, "source");
        ChainOptions options{.objective = objective_arg(objective),
                             .constraints = constraints_arg(graph, avoid, max_steps, max_level_skip, relations)};
        py::gil_scoped_release release;
        return best_chains_from(graph, s, options);
      },
      py::arg("graph"), py::arg("source"), py::kw_only(),
      py::arg("objective") = py::cast(ChainObjective::most_probable), py::arg("avoid") = py::none(),
      py::arg("max_steps") = py::none(), py::arg("max_level_skip") = py::none(), py::arg("relations") = py::none(),
      (std::string(R"doc(The best chain from ``source`` to every person, as a ChainTree.

For most_probable and fewest_steps each chain is exactly best_chain's; for
widest each chain has the largest weakest step.

Parameters
----------
graph : InfluenceGraph
source : str or int
objective : ChainObjective or str)doc") +
       constraints_doc)
          .c_str());
}

}  // namespace

void bind_persuasion(py::module_& m) {
  bind_chain_types(m);
  bind_chain_functions(m);
}

}  // namespace orgnet::python
