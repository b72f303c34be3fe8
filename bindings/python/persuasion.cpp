// Python bindings of persuasion: influence chains (best, k best, tree from one
// source) and the win-over plan (persuasion/chains.hpp, persuasion/win_over.hpp).
//
// People are given as person ids (str) or vertex indices (int); results carry
// vertex indices as NumPy arrays (graph.id(v) names them), and the Python layer
// (orgnet/_persuasion.py) turns them into pandas DataFrames. The GIL is
// released while computing.

#include <cmath>
#include <string>
#include <type_traits>

#include "common.hpp"
#include "orgnet/persuasion/chains.hpp"
#include "orgnet/persuasion/win_over.hpp"

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
      .def(
          "__len__", [](const KBestChainsResult& r) { return r.chains.size(); }, "Number of chains.")
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
            for (std::size_t v = 0; v < out.size(); ++v)
              out[v] = t.reached(static_cast<vertex_id>(v)) ? t.steps[v] : -1;
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
          "chain_to",
          [](const ChainTree& t, const InfluenceGraph& g, py::handle v) {
            return t.chain_to(g, person_arg(g, v, "v"));
          },
          py::arg("graph"), py::arg("v"), "The chain to person v (no people when not reached).")
      .def("__repr__",
           [](const ChainTree& t) { return "<orgnet.ChainTree: from vertex " + std::to_string(t.source) + ">"; });
}

void bind_chain_functions(py::module_& m) {
  m.def(
      "best_chain",
      [](const InfluenceGraph& graph, py::handle source, py::handle target, py::handle objective, py::handle avoid,
         std::optional<std::size_t> max_steps, std::optional<int> max_level_skip, py::handle relations) {
        const vertex_id s = person_arg(graph, source, "source"), t = person_arg(graph, target, "target");
        ChainOptions options{.objective = objective_arg(objective),
                             .constraints = constraints_arg(graph, avoid, max_steps, max_level_skip, relations)};
        ReleaseGil release;
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
        ReleaseGil release;
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
        ReleaseGil release;
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

WinOverOptions win_over_options(const InfluenceGraph& graph, std::size_t k, double epsilon, double delta,
                                std::uint64_t seed, int threads, py::handle candidates, py::handle source,
                                std::size_t source_steps, bool exclude_target_reports, py::handle costs, double budget,
                                std::uint64_t max_samples, std::size_t chains_per_person) {
  WinOverOptions o;
  o.k = k;
  o.epsilon = epsilon;
  o.delta = delta;
  o.seed = seed;
  o.threads = threads;
  o.candidates = people_arg(graph, candidates, "candidates");
  if (!source.is_none()) o.source = person_arg(graph, source, "source");
  o.source_steps = source_steps;
  o.exclude_target_reports = exclude_target_reports;
  if (!costs.is_none()) {
    if (py::isinstance<py::dict>(costs)) {
      o.costs.assign(graph.num_vertices(), 1.0);
      for (auto item : costs.cast<py::dict>())
        o.costs[person_arg(graph, item.first, "costs")] = item.second.cast<double>();
    } else {
      o.costs = costs.cast<std::vector<double>>();
    }
  }
  o.budget = budget;
  o.max_samples = max_samples;
  o.chains_per_person = chains_per_person;
  return o;
}

constexpr const char* win_over_doc = R"doc(
k : int
    People to convince first (smallest_win_over_set: at most; 0 = no limit).
epsilon, delta : float
    The plan is within (1 - 1/e - epsilon) of the best with probability
    1 - delta; the interval has confidence 1 - delta.
seed : int
threads : int
    0 = all available; results are identical for every thread count.
candidates : list of str or int, optional
    Only these people may be chosen (the target never is).
source : str or int, optional
    Only people this person reaches within ``source_steps`` steps.
source_steps : int
exclude_target_reports : bool
    Never choose the target's direct reports.
costs : list of float (by vertex) or dict {person: cost}, optional
    Cost of each person (default 1); with ``budget`` the plan stays within it.
budget : float
max_samples : int
    Cap on the sampled cascades per pool.
chains_per_person : int
    Most probable chains reported for each person of the approach order.)doc";

void bind_win_over(py::module_& m) {
  py::class_<ApproachStep>(m, "ApproachStep", "One person of the approach order, with why.")
      .def_readonly("person", &ApproachStep::person, "Vertex index of the person.")
      .def_readonly("gain", &ApproachStep::gain, "Increase of the target's probability this person brings.")
      .def_readonly("probability", &ApproachStep::probability, "Probability with this person and everyone before.")
      .def_readonly("alone", &ApproachStep::alone, "Probability with this person alone.")
      .def_readonly("cost", &ApproachStep::cost, "Cost of the person.")
      .def_readonly("chains", &ApproachStep::chains, "Most probable chains from the person to the target.")
      .def("__repr__", [](const ApproachStep& s) {
        return "<orgnet.ApproachStep: vertex " + std::to_string(s.person) + ", gain " +
               py::repr(py::float_(s.gain)).cast<std::string>() + ">";
      });
  py::class_<WinOverPlan>(m, "WinOverPlan", "Whom to convince first, in order, and the target's probability.")
      .def_readonly("target", &WinOverPlan::target, "Vertex index of the target.")
      .def_readonly("steps", &WinOverPlan::steps, "The approach order (list of ApproachStep).")
      .def_property_readonly(
          "people", [](const WinOverPlan& p) { return to_array(p.people()); },
          "Vertex indices of the chosen people, in order (uint32).")
      .def_readonly("probability", &WinOverPlan::probability, "Estimated probability that the target is convinced.")
      .def_readonly("lower", &WinOverPlan::lower, "Lower end of the interval (confidence 1 - delta).")
      .def_readonly("upper", &WinOverPlan::upper, "Upper end of the interval.")
      .def_readonly("confidence", &WinOverPlan::confidence, "Confidence of the interval, 1 - delta.")
      .def_readonly("selection_probability", &WinOverPlan::selection_probability,
                    "Coverage on the selection sets (biased upwards).")
      .def_readonly("samples", &WinOverPlan::samples, "Sets sampled to choose and certify.")
      .def_readonly("evaluation_samples", &WinOverPlan::evaluation_samples, "Fresh sets used for the estimate.")
      .def_readonly("optimum_lower_bound", &WinOverPlan::optimum_lower_bound,
                    "Certified lower bound on the plan's probability.")
      .def_readonly("optimum_upper_bound", &WinOverPlan::optimum_upper_bound,
                    "Certified upper bound on the best plan's probability.")
      .def_readonly("guarantee", &WinOverPlan::guarantee, "Whether the (1 - 1/e - epsilon) guarantee holds.")
      .def_readonly("candidates", &WinOverPlan::candidates, "Number of people who could be chosen.")
      .def_readonly("goal", &WinOverPlan::goal, "The requested probability (smallest_win_over_set), or None.")
      .def_readonly("goal_reached", &WinOverPlan::goal_reached, "Whether the sampled probability reached the goal.")
      .def_readonly("epsilon", &WinOverPlan::epsilon, "The epsilon used.")
      .def_readonly("delta", &WinOverPlan::delta, "The delta used.")
      .def_readonly("seed", &WinOverPlan::seed, "The seed used.")
      .def(
          "__len__", [](const WinOverPlan& p) { return p.steps.size(); }, "Number of people in the plan.")
      .def("__repr__", [](const WinOverPlan& p) {
        return "<orgnet.WinOverPlan: " + std::to_string(p.steps.size()) + " people, probability " +
               py::repr(py::float_(p.probability)).cast<std::string>() + ">";
      });

  const WinOverOptions d;
  auto common = [&](const char* name, auto&& body, std::string doc, auto with_goal) {
    if constexpr (decltype(with_goal)::value) {
      m.def(name, body, py::arg("graph"), py::arg("target"), py::arg("goal"), py::kw_only(), py::arg("k") = 0,
            py::arg("epsilon") = d.epsilon, py::arg("delta") = d.delta, py::arg("seed") = d.seed,
            py::arg("threads") = d.threads, py::arg("candidates") = py::none(), py::arg("source") = py::none(),
            py::arg("source_steps") = d.source_steps, py::arg("exclude_target_reports") = d.exclude_target_reports,
            py::arg("costs") = py::none(), py::arg("budget") = d.budget, py::arg("max_samples") = d.max_samples,
            py::arg("chains_per_person") = d.chains_per_person, (doc + win_over_doc).c_str());
    } else {
      m.def(name, body, py::arg("graph"), py::arg("target"), py::kw_only(), py::arg("k") = d.k,
            py::arg("epsilon") = d.epsilon, py::arg("delta") = d.delta, py::arg("seed") = d.seed,
            py::arg("threads") = d.threads, py::arg("candidates") = py::none(), py::arg("source") = py::none(),
            py::arg("source_steps") = d.source_steps, py::arg("exclude_target_reports") = d.exclude_target_reports,
            py::arg("costs") = py::none(), py::arg("budget") = d.budget, py::arg("max_samples") = d.max_samples,
            py::arg("chains_per_person") = d.chains_per_person, (doc + win_over_doc).c_str());
    }
  };
  common(
      "win_over_plan",
      [](const InfluenceGraph& graph, py::handle target, std::size_t k, double epsilon, double delta,
         std::uint64_t seed, int threads, py::handle candidates, py::handle source, std::size_t source_steps,
         bool exclude_target_reports, py::handle costs, double budget, std::uint64_t max_samples,
         std::size_t chains_per_person) {
        const vertex_id t = person_arg(graph, target, "target");
        const WinOverOptions o =
            win_over_options(graph, k, epsilon, delta, seed, threads, candidates, source, source_steps,
                             exclude_target_reports, costs, budget, max_samples, chains_per_person);
        ReleaseGil release;
        return win_over_plan(graph, t, o);
      },
      R"doc(Whom to convince first so that ``target`` is convinced (Independent Cascade).

Reverse-reachable sets rooted at the target, greedy maximum coverage with the
(1 - 1/e - epsilon) guarantee (OPIM-C sample sizes, capped by IMM's bound),
and an estimate on fresh sets with a Wilson interval. The steps are the
approach order: who first, who next, the gain each brings and the chains
through which they reach the target.

Parameters
----------
graph : InfluenceGraph
target : str or int)doc",
      std::false_type{});
  common(
      "smallest_win_over_set",
      [](const InfluenceGraph& graph, py::handle target, double goal, std::size_t k, double epsilon, double delta,
         std::uint64_t seed, int threads, py::handle candidates, py::handle source, std::size_t source_steps,
         bool exclude_target_reports, py::handle costs, double budget, std::uint64_t max_samples,
         std::size_t chains_per_person) {
        const vertex_id t = person_arg(graph, target, "target");
        const WinOverOptions o =
            win_over_options(graph, k, epsilon, delta, seed, threads, candidates, source, source_steps,
                             exclude_target_reports, costs, budget, max_samples, chains_per_person);
        ReleaseGil release;
        return smallest_win_over_set(graph, t, goal, o);
      },
      R"doc(The fewest people whose sampled probability of winning ``target`` over reaches ``goal``.

Parameters
----------
graph : InfluenceGraph
target : str or int
goal : float
    Requested probability in (0, 1].)doc",
      std::true_type{});

  m.def(
      "exact_win_probability",
      [](const InfluenceGraph& graph, py::handle target, py::handle seeds, std::size_t max_uncertain) {
        const vertex_id t = person_arg(graph, target, "target");
        const auto s = people_arg(graph, seeds, "seeds");
        ReleaseGil release;
        return exact_win_probability(graph, t, s, {.max_uncertain = max_uncertain});
      },
      py::arg("graph"), py::arg("target"), py::arg("seeds"), py::kw_only(),
      py::arg("max_uncertain") = ExactWinOptions{}.max_uncertain,
      R"doc(P(target convinced | seeds convinced) exactly, by enumerating live-edge worlds.

Only the ties of strength below 1 into people who can reach the target are
enumerated; more than ``max_uncertain`` of them (at most 30) raise ValueError.

Parameters
----------
graph : InfluenceGraph
target : str or int
seeds : str, int or list
max_uncertain : int)doc");
}

}  // namespace

void bind_persuasion(py::module_& m) {
  bind_chain_types(m);
  bind_chain_functions(m);
  bind_win_over(m);
}

}  // namespace orgnet::python
