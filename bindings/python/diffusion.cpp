// Python bindings of diffusion (diffusion/simulation.hpp, opinion.hpp,
// reachability.hpp, celf.hpp): cascade simulation, opinion dynamics and
// leverage, reachability within h steps, the CELF greedy.
//
// Keyword arguments are named like the fields of the C++ option structs and
// take their defaults from them. People (seeds, candidates, targets) are given
// as person ids (str) or vertex indices (int); per-person vectors as NumPy
// arrays by vertex or dicts {person_id: value}. Results hold read-only NumPy
// views of their vectors; pandas frames are added in orgnet/_diffusion.py. The
// GIL is released while computing.

#include <string>
#include <vector>

#include "common.hpp"
#include "orgnet/diffusion/celf.hpp"
#include "orgnet/diffusion/influence_maximization.hpp"
#include "orgnet/diffusion/opinion.hpp"
#include "orgnet/diffusion/reachability.hpp"
#include "orgnet/diffusion/simulation.hpp"

namespace orgnet::python {

namespace {

CascadeModel model_arg(py::handle value) {
  return enum_arg<CascadeModel>(value, parse_cascade_model, "model", "CascadeModel");
}

LinearThresholdWeights lt_weights_arg(py::handle value) {
  return enum_arg<LinearThresholdWeights>(value, parse_linear_threshold_weights, "lt_weights",
                                          "LinearThresholdWeights");
}

/// One person given as a person id (str) or a vertex index (int).
vertex_id person_arg(const InfluenceGraph& graph, py::handle value, const char* function, const char* argument) {
  if (py::isinstance<py::str>(value)) {
    const auto id = value.cast<std::string>();
    const auto found = graph.find(id);
    if (!found) throw out_of_range(std::string(function) + ": " + argument + ": unknown person id '" + id + "'");
    return *found;
  }
  if (py::isinstance<py::int_>(value) || py::hasattr(value, "__index__")) {
    return vertex_arg(graph, py::cast<std::int64_t>(py::int_(py::reinterpret_borrow<py::object>(value))));
  }
  throw py::type_error(std::string(function) + ": " + argument + " must hold person ids (str) or vertex indices " +
                       "(int), got " + type_name(value));
}

/// People given as one id, or an iterable of ids / indices (None = nobody).
std::vector<vertex_id> people_arg(const InfluenceGraph& graph, py::handle value, const char* function,
                                  const char* argument) {
  std::vector<vertex_id> out;
  if (value.is_none()) return out;
  if (py::isinstance<py::str>(value)) {
    out.push_back(person_arg(graph, value, function, argument));
    return out;
  }
  if (!py::isinstance<py::iterable>(value)) {
    throw py::type_error(std::string(function) + ": " + argument +
                         " must be a person id or an iterable of person ids / vertex indices, got " + type_name(value));
  }
  for (auto item : py::reinterpret_borrow<py::iterable>(value))
    out.push_back(person_arg(graph, item, function, argument));
  return out;
}

template <class Result, class T>
py::array view(py::object self, std::vector<T> Result::*member) {
  const auto& r = self.cast<const Result&>();
  return readonly_view(std::span<const T>(r.*member), self);
}

void bind_simulation(py::module_& m) {
  py::enum_<CascadeModel>(m, "CascadeModel", "Diffusion model of simulate_spread (also \"ic\" / \"lt\").")
      .value("independent_cascade", CascadeModel::independent_cascade,
             "Each newly convinced person gets one chance per tie, succeeding with the tie's strength.")
      .value("linear_threshold", CascadeModel::linear_threshold,
             "A person adopts once the strengths of their convinced in-ties reach a uniform random threshold.");
  py::enum_<LinearThresholdWeights>(m, "LinearThresholdWeights", "How Linear Threshold reads in-strengths.")
      .value("validate", LinearThresholdWeights::validate,
             "As given; a person whose in-strengths sum above 1 raises ValueError.")
      .value("normalize", LinearThresholdWeights::normalize, "Divided by their sum (every in-weight sum is 1).");

  py::class_<SimulationResult>(m, "SimulationResult", R"doc(Result of simulate_spread.

Spread counts the seeds. ``reach_low``/``reach_high`` is the normal
confidence interval of the expected reach at level 1 - delta; every
per-person probability is within ``probability_margin`` of the truth with
probability >= 1 - delta (Hoeffding).)doc")
      .def_property_readonly(
          "seeds", [](py::object self) { return view(self, &SimulationResult::seeds); },
          "The distinct seeds (vertex ids, ascending, uint32).")
      .def_property_readonly(
          "model", [](const SimulationResult& r) { return r.model; }, "The model simulated.")
      .def_readonly("simulations", &SimulationResult::simulations, "Number of simulated worlds.")
      .def_readonly("seed", &SimulationResult::seed, "The random seed used.")
      .def_readonly("delta", &SimulationResult::delta, "Intervals are at confidence 1 - delta.")
      .def_readonly("expected_reach", &SimulationResult::expected_reach,
                    "Mean number of people reached, seeds included.")
      .def_readonly("reach_stddev", &SimulationResult::reach_stddev,
                    "Sample standard deviation of the number reached (0 for one simulation).")
      .def_readonly("reach_low", &SimulationResult::reach_low, "Lower end of the confidence interval.")
      .def_readonly("reach_high", &SimulationResult::reach_high, "Upper end of the confidence interval.")
      .def_property_readonly(
          "probability", [](py::object self) { return view(self, &SimulationResult::probability); },
          "Share of simulations in which each person was reached (float64, by vertex id).")
      .def_readonly("probability_margin", &SimulationResult::probability_margin,
                    "Hoeffding half-width sqrt(ln(2/delta) / (2 simulations)) of every probability.")
      .def_property_readonly(
          "department_adoption", [](py::object self) { return view(self, &SimulationResult::department_adoption); },
          "Expected share of each department's members reached (float64, by department id; NaN if empty).")
      .def_readonly("no_department_reach", &SimulationResult::no_department_reach,
                    "Expected number reached among people without a department.")
      .def_property_readonly(
          "adoption_curve", [](py::object self) { return view(self, &SimulationResult::adoption_curve); },
          "Expected number of people convinced after step t = 0 (the seeds), 1, ... (float64).")
      .def("__repr__", [](const SimulationResult& r) {
        return "<orgnet.SimulationResult: " + std::string(to_string(r.model)) + ", expected reach " +
               py::repr(py::float_(r.expected_reach)).cast<std::string>() + " in [" +
               py::repr(py::float_(r.reach_low)).cast<std::string>() + ", " +
               py::repr(py::float_(r.reach_high)).cast<std::string>() + "], " + std::to_string(r.simulations) +
               " simulations>";
      });

  const SimulationOptions defaults;
  m.def(
      "simulate_spread",
      [](const InfluenceGraph& graph, py::object seeds, py::object model, std::size_t simulations, std::uint64_t seed,
         double delta, std::size_t max_steps, py::object lt_weights, int threads) {
        const auto people = people_arg(graph, seeds, "simulate_spread", "seeds");
        SimulationOptions options{.model = model_arg(model),
                                  .simulations = simulations,
                                  .seed = seed,
                                  .delta = delta,
                                  .max_steps = max_steps,
                                  .lt_weights = lt_weights_arg(lt_weights),
                                  .threads = threads};
        ReleaseGil release;
        return simulate_spread(graph, people, options);
      },
      py::arg("graph"), py::arg("seeds"), py::kw_only(), py::arg("model") = py::cast(defaults.model),
      py::arg("simulations") = defaults.simulations, py::arg("seed") = defaults.seed, py::arg("delta") = defaults.delta,
      py::arg("max_steps") = defaults.max_steps, py::arg("lt_weights") = py::cast(defaults.lt_weights),
      py::arg("threads") = defaults.threads,
      R"doc(Monte Carlo simulation of Independent Cascade or Linear Threshold spread.

Parameters
----------
graph : InfluenceGraph
seeds : str or iterable of str / int
    The people who start convinced (person ids or vertex indices; duplicates
    count once; empty: nobody).
model : CascadeModel or str
    "independent_cascade" ("ic", the default) or "linear_threshold" ("lt").
simulations : int
    Number of simulated worlds (>= 1).
seed : int
    Random seed; results are identical for a seed whatever ``threads`` is.
delta : float
    Intervals are at confidence 1 - delta, delta in (0, 1).
max_steps : int
    Stop after this many steps (0: until nobody new is convinced).
lt_weights : LinearThresholdWeights or str
    Linear Threshold only: "validate" (in-strengths must sum to <= 1 per
    person, else ValueError naming them) or "normalize" (divide by the sum).
threads : int
    0 = all available.

Returns
-------
SimulationResult
    Expected reach with its confidence interval, per-person probability,
    per-department adoption and the adoption curve. ``result.people_frame(graph)``
    and ``result.departments_frame(graph)`` give pandas views.

Raises
------
IndexError
    A seed that is not in the graph.
ValueError
    simulations = 0, delta outside (0, 1), negative threads, or LT in-strengths
    above 1 under "validate".)doc");
}

/// Sets the leverage target of `options` from the Python arguments.
void leverage_arg(const InfluenceGraph& graph, py::handle leverage, py::handle target, OpinionOptions& options,
                  const char* function) {
  options.leverage = enum_arg<LeverageTarget>(leverage, parse_leverage_target, "leverage", "LeverageTarget");
  switch (options.leverage) {
    case LeverageTarget::mean:
      if (!target.is_none()) {
        throw invalid_argument(std::string(function) + ": target is only read for leverage = person or department");
      }
      break;
    case LeverageTarget::person:
      if (target.is_none()) throw invalid_argument(std::string(function) + ": leverage = person needs a target");
      options.target_person = person_arg(graph, target, function, "target");
      break;
    case LeverageTarget::department: {
      if (!py::isinstance<py::str>(target)) {
        throw invalid_argument(std::string(function) + ": leverage = department needs a target department name");
      }
      const auto name = target.cast<std::string>();
      const auto d = graph.find_department(name);
      if (!d) throw out_of_range(std::string(function) + ": unknown department '" + name + "'");
      options.target_department = *d;
      break;
    }
  }
}

py::object opinion_call(const InfluenceGraph& graph, py::handle initial, py::handle stubbornness, py::handle leverage,
                        py::handle target, std::size_t trajectory_steps, py::handle solver, double tolerance,
                        std::size_t max_iterations, bool degroot_model) {
  const char* function = degroot_model ? "degroot" : "friedkin_johnsen";
  std::vector<double> x0 = initial.is_none() ? std::vector<double>(graph.num_vertices(), 0.0)
                                             : per_person_arg(graph, initial, function, "initial", false);
  OpinionOptions options;
  if (!degroot_model) {
    if (py::isinstance<py::float_>(stubbornness) || py::isinstance<py::int_>(stubbornness)) {
      options.stubbornness = stubbornness.cast<double>();
    } else {
      options.stubbornness_by_person = per_person_arg(graph, stubbornness, function, "stubbornness", true);
    }
  }
  leverage_arg(graph, leverage, target, options, function);
  options.trajectory_steps = trajectory_steps;
  options.solver = enum_arg<OpinionSolver>(solver, parse_opinion_solver, "solver", "OpinionSolver");
  options.tolerance = tolerance;
  options.max_iterations = max_iterations;
  OpinionResult result;
  {
    ReleaseGil release;
    result = degroot_model ? degroot(graph, x0, options) : friedkin_johnsen(graph, x0, options);
  }
  return py::cast(std::move(result));
}

const char* const opinion_parameters = R"doc(
initial : array-like or dict, optional
    Initial stance of each person in [-1, 1]: an array by vertex, or a dict
    {person_id: stance} (people left out are 0, "unknown"); None: everyone 0.)doc";

void bind_opinion(py::module_& m) {
  py::enum_<LeverageTarget>(m, "LeverageTarget", "Whose equilibrium stance leverage is measured on.")
      .value("mean", LeverageTarget::mean, "The organization's mean stance.")
      .value("person", LeverageTarget::person, "One person's stance.")
      .value("department", LeverageTarget::department, "The mean stance of one department.");
  py::enum_<OpinionSolver>(m, "OpinionSolver", "How the opinion systems are solved.")
      .value("automatic", OpinionSolver::automatic, "Sparse LU up to 200 unknowns per system, BiCGSTAB beyond.")
      .value("direct", OpinionSolver::direct, "Sparse LU.")
      .value("iterative", OpinionSolver::iterative, "BiCGSTAB with a diagonal preconditioner.");

  py::class_<OpinionResult>(m, "OpinionResult", R"doc(Result of friedkin_johnsen and degroot.

``equilibrium`` is the stance each person settles at; ``leverage[j]`` the
derivative of the target (by default the organization's mean equilibrium
stance) with respect to person j's initial stance: whose opinion moves the
organization most.)doc")
      .def_property_readonly(
          "equilibrium", [](py::object self) { return view(self, &OpinionResult::equilibrium); },
          "Equilibrium stance of each person (float64, by vertex id).")
      .def_readonly("residual", &OpinionResult::residual,
                    "max |x* - Lambda W x* - (I - Lambda) x0| (fixed-point residual).")
      .def_property_readonly(
          "leverage", [](py::object self) { return view(self, &OpinionResult::leverage); },
          "d target / d initial stance of each person (float64, by vertex id; >= 0, sums to 1).")
      .def_readonly("leverage_residual", &OpinionResult::leverage_residual, "Largest residual of the leverage solves.")
      .def_property_readonly(
          "trajectory",
          [](py::object self) {
            const auto& r = self.cast<const OpinionResult&>();
            const auto n = static_cast<py::ssize_t>(r.equilibrium.size());
            const auto rows = static_cast<py::ssize_t>(r.trajectory.empty() ? 0 : r.trajectory_steps + 1);
            if (rows == 0) {
              py::array empty(py::dtype::of<double>(), std::vector<py::ssize_t>{0, n});
              make_readonly(empty);
              return empty;
            }
            py::array out(py::dtype::of<double>(), std::vector<py::ssize_t>{rows, n},
                          std::vector<py::ssize_t>{static_cast<py::ssize_t>(n * sizeof(double)), sizeof(double)},
                          r.trajectory.data(), self);
            make_readonly(out);
            return out;
          },
          "Stances x(0) .. x(T), shape (T + 1, n); empty (0, n) when trajectory_steps = 0.")
      .def_readonly("mean_initial", &OpinionResult::mean_initial, "Mean initial stance.")
      .def_readonly("mean_equilibrium", &OpinionResult::mean_equilibrium, "Mean equilibrium stance.")
      .def_readonly("consensus_groups", &OpinionResult::consensus_groups,
                    "Closed groups of stubbornness-0 people (each reaches its own consensus).")
      .def_readonly("converges", &OpinionResult::converges,
                    "False when a consensus group is periodic: stances oscillate, equilibrium is their average.")
      .def_readonly("solver", &OpinionResult::solver, "Solver used for the largest system.")
      .def_readonly("iterations", &OpinionResult::iterations, "BiCGSTAB iterations in total (0 for sparse LU).")
      .def_readonly("solved", &OpinionResult::solved, "False when a linear solve failed.")
      .def("__repr__", [](const OpinionResult& r) {
        return "<orgnet.OpinionResult: " + std::to_string(r.equilibrium.size()) + " people, mean " +
               py::repr(py::float_(r.mean_initial)).cast<std::string>() + " -> " +
               py::repr(py::float_(r.mean_equilibrium)).cast<std::string>() + ", residual " +
               py::repr(py::float_(r.residual)).cast<std::string>() + ">";
      });

  const OpinionOptions defaults;
  m.def(
      "friedkin_johnsen",
      [](const InfluenceGraph& graph, py::object initial, py::object stubbornness, py::object leverage,
         py::object target, std::size_t trajectory_steps, py::object solver, double tolerance,
         std::size_t max_iterations) {
        return opinion_call(graph, initial, stubbornness, leverage, target, trajectory_steps, solver, tolerance,
                            max_iterations, false);
      },
      py::arg("graph"), py::arg("initial") = py::none(), py::kw_only(), py::arg("stubbornness") = defaults.stubbornness,
      py::arg("leverage") = py::cast(defaults.leverage), py::arg("target") = py::none(),
      py::arg("trajectory_steps") = defaults.trajectory_steps, py::arg("solver") = py::cast(defaults.solver),
      py::arg("tolerance") = defaults.tolerance, py::arg("max_iterations") = defaults.max_iterations,
      (std::string(R"doc(Friedkin–Johnsen opinion dynamics: equilibrium, leverage and trajectory.

x(t+1) = Lambda W x(t) + (I - Lambda) x0, where row v of W holds v's in-tie
strengths normalized to sum 1 (a person with no in-ties keeps their stance) and
Lambda = diag(1 - stubbornness). The equilibrium comes from a sparse linear
solve, the leverage of everyone from one transposed solve.

Parameters
----------
graph : InfluenceGraph)doc") +
       opinion_parameters + R"doc(
stubbornness : float, array-like or dict
    One value in [0, 1] for everyone, or one per person (a dict must name
    everyone). 1 never moves, 0 only listens.
leverage : LeverageTarget or str
    "mean" (the organization's mean stance), "person" or "department".
target : str or int, optional
    The person (id or index) or the department name for those targets.
trajectory_steps : int
    Record x(0) .. x(T) for T = trajectory_steps.
solver : OpinionSolver or str
    "automatic", "direct" (sparse LU) or "iterative" (BiCGSTAB).
tolerance : float
    Iterative solver: relative residual to reach.
max_iterations : int
    Iterative solver: at most this many iterations per solve.

Returns
-------
OpinionResult
    ``result.frame(graph)`` is a DataFrame of equilibrium and leverage.

Raises
------
ValueError
    Stances outside [-1, 1], stubbornness outside [0, 1], a wrong length, a
    missing target.
IndexError
    An unknown person or department.)doc")
          .c_str());
  m.def(
      "degroot",
      [](const InfluenceGraph& graph, py::object initial, py::object leverage, py::object target,
         std::size_t trajectory_steps, py::object solver, double tolerance, std::size_t max_iterations) {
        return opinion_call(graph, initial, py::none(), leverage, target, trajectory_steps, solver, tolerance,
                            max_iterations, true);
      },
      py::arg("graph"), py::arg("initial") = py::none(), py::kw_only(),
      py::arg("leverage") = py::cast(defaults.leverage), py::arg("target") = py::none(),
      py::arg("trajectory_steps") = defaults.trajectory_steps, py::arg("solver") = py::cast(defaults.solver),
      py::arg("tolerance") = defaults.tolerance, py::arg("max_iterations") = defaults.max_iterations,
      R"doc(DeGroot opinion dynamics: friedkin_johnsen with stubbornness 0 for everyone.

Each closed group of people who listen only to each other reaches a consensus,
the average of their initial stances weighted by the stationary distribution
of W (the left Perron eigenvector); ``converges`` is False when such a group is
periodic (the stances oscillate; the equilibrium is their long-run average).
Parameters as for friedkin_johnsen, without stubbornness.)doc");
}

void bind_reachability(py::module_& m) {
  py::enum_<ReachabilityMethod>(m, "ReachabilityMethod", "What reachable_within means by probability.")
      .value("cascade", ReachabilityMethod::cascade,
             "Probability of being convinced within h steps of a cascade (Monte Carlo, with a margin).")
      .value("best_chain", ReachabilityMethod::best_chain,
             "Probability of the most probable chain of at most h steps (exact; a lower bound of the cascade's).");

  py::class_<ReachabilityResult>(m, "ReachabilityResult", "Result of reachable_within.")
      .def_readonly("method", &ReachabilityResult::method, "The method used.")
      .def_readonly("max_steps", &ReachabilityResult::max_steps, "h (0 = no limit).")
      .def_readonly("min_probability", &ReachabilityResult::min_probability, "p.")
      .def_property_readonly(
          "probability", [](py::object self) { return view(self, &ReachabilityResult::probability); },
          "Probability of being reached within h steps (float64, by vertex id).")
      .def_property_readonly(
          "steps",
          [](const ReachabilityResult& r) {
            std::vector<std::int64_t> out(r.steps.size());
            for (std::size_t i = 0; i < out.size(); ++i) {
              out[i] = r.steps[i] == unreached ? -1 : static_cast<std::int64_t>(r.steps[i]);
            }
            return to_array(std::move(out));
          },
          "best_chain: steps of the best chain (int64, -1 if unreached); empty for cascade.")
      .def_property_readonly(
          "reached", [](py::object self) { return view(self, &ReachabilityResult::reached); },
          "People with probability >= p, most probable first (vertex ids, uint32).")
      .def_property_readonly(
          "uncertain", [](py::object self) { return view(self, &ReachabilityResult::uncertain); },
          "cascade: people whose confidence interval contains p (vertex ids).")
      .def_readonly("margin", &ReachabilityResult::margin, "cascade: Hoeffding half-width of every probability.")
      .def("__repr__", [](const ReachabilityResult& r) {
        return "<orgnet.ReachabilityResult: " + std::to_string(r.reached.size()) + " reached within " +
               (r.max_steps ? std::to_string(r.max_steps) : std::string("any number of")) + " steps>";
      });

  const ReachabilityOptions defaults;
  m.def(
      "reachable_within",
      [](const InfluenceGraph& graph, py::object seeds, std::size_t max_steps, double min_probability,
         py::object method, py::object model, std::size_t simulations, std::uint64_t seed, double delta,
         py::object lt_weights, int threads) {
        const auto people = people_arg(graph, seeds, "reachable_within", "seeds");
        ReachabilityOptions options{
            .max_steps = max_steps,
            .min_probability = min_probability,
            .method = enum_arg<ReachabilityMethod>(method, parse_reachability_method, "method", "ReachabilityMethod"),
            .simulation = {.model = model_arg(model),
                           .simulations = simulations,
                           .seed = seed,
                           .delta = delta,
                           .lt_weights = lt_weights_arg(lt_weights),
                           .threads = threads}};
        ReleaseGil release;
        return reachable_within(graph, people, options);
      },
      py::arg("graph"), py::arg("seeds"), py::kw_only(), py::arg("max_steps") = defaults.max_steps,
      py::arg("min_probability") = defaults.min_probability, py::arg("method") = py::cast(defaults.method),
      py::arg("model") = py::cast(defaults.simulation.model), py::arg("simulations") = defaults.simulation.simulations,
      py::arg("seed") = defaults.simulation.seed, py::arg("delta") = defaults.simulation.delta,
      py::arg("lt_weights") = py::cast(defaults.simulation.lt_weights),
      py::arg("threads") = defaults.simulation.threads,
      R"doc(Who can be reached from ``seeds`` within ``max_steps`` steps with probability >= ``min_probability``.

Parameters
----------
graph : InfluenceGraph
seeds : str or iterable of str / int
max_steps : int
    h, the step limit (0 = none).
min_probability : float
    p in (0, 1].
method : ReachabilityMethod or str
    "cascade" (probability of being convinced within h steps; Monte Carlo,
    each estimate within ``margin`` of the truth with probability 1 - delta)
    or "best_chain" (the most probable chain of at most h steps; exact).
model, simulations, seed, delta, lt_weights, threads
    The cascade simulation (see simulate_spread).

Returns
-------
ReachabilityResult)doc");
}

void bind_celf(py::module_& m) {
  py::class_<CelfResult>(m, "CelfResult", R"doc(Result of celf_seeds.

``spread`` is the sampled spread on the same worlds the seeds were chosen on
(optimistic); evaluate the seeds with simulate_spread under another seed for an
unbiased estimate.)doc")
      .def_property_readonly(
          "seeds", [](py::object self) { return view(self, &CelfResult::seeds); },
          "The chosen seeds in the order chosen (vertex ids, uint32).")
      .def_property_readonly(
          "marginal_gain", [](py::object self) { return view(self, &CelfResult::marginal_gain); },
          "Expected additional reach of each seed given those before it and the convinced (float64).")
      .def_readonly("base_spread", &CelfResult::base_spread, "Sampled expected reach of the convinced people alone.")
      .def_readonly("spread", &CelfResult::spread, "Sampled expected reach of convinced + seeds.")
      .def_readonly("evaluations", &CelfResult::evaluations, "Marginal-gain evaluations performed.")
      .def_readonly("simulations", &CelfResult::simulations, "Number of live-edge worlds.")
      .def_readonly("seed", &CelfResult::seed, "The random seed used.")
      .def("__repr__", [](const CelfResult& r) {
        return "<orgnet.CelfResult: " + std::to_string(r.seeds.size()) + " seeds, spread " +
               py::repr(py::float_(r.spread)).cast<std::string>() + ">";
      });

  const CelfOptions defaults;
  m.def(
      "celf_seeds",
      [](const InfluenceGraph& graph, std::size_t k, py::object model, py::object lt_weights, std::size_t simulations,
         std::uint64_t seed, py::object candidates, py::object convinced, int threads) {
        CelfOptions options{.k = k,
                            .model = model_arg(model),
                            .lt_weights = lt_weights_arg(lt_weights),
                            .simulations = simulations,
                            .seed = seed,
                            .candidates = people_arg(graph, candidates, "celf_seeds", "candidates"),
                            .convinced = people_arg(graph, convinced, "celf_seeds", "convinced"),
                            .threads = threads};
        ReleaseGil release;
        return celf_seeds(graph, options);
      },
      py::arg("graph"), py::arg("k") = defaults.k, py::kw_only(), py::arg("model") = py::cast(defaults.model),
      py::arg("lt_weights") = py::cast(defaults.lt_weights), py::arg("simulations") = defaults.simulations,
      py::arg("seed") = defaults.seed, py::arg("candidates") = py::none(), py::arg("convinced") = py::none(),
      py::arg("threads") = defaults.threads,
      R"doc(Whom to start with: the CELF lazy greedy over Monte Carlo spread (small graphs).

Picks k seeds one at a time, each maximizing the expected spread added, all
evaluated on the same ``simulations`` live-edge worlds (those simulate_spread
uses for the same seed), so the result equals the plain greedy on the sampled
spread, which reaches at least 1 - 1/e of the best k-set's.

Parameters
----------
graph : InfluenceGraph
k : int
    Seeds to choose (fewer if there are fewer candidates).
model, lt_weights : see simulate_spread
simulations : int
    Live-edge worlds (memory: simulations * n / 8 bytes).
seed : int
candidates : iterable of str / int, optional
    Who may be chosen (default: everyone).
convinced : iterable of str / int, optional
    People already convinced: counted in the spread, never chosen.
threads : int

Returns
-------
CelfResult)doc");
}

void bind_imm(py::module_& m) {
  py::class_<ImmResult>(m, "ImmResult", R"doc(Result of imm_seeds.

The seeds in order with their marginal gains, the estimated spread with its
interval at confidence 1 - delta (from RR sets independent of those the seeds
were chosen on), and the figures of the IMM run (lower bound, theta, RR sets).
seeds_frame(graph, result) gives the seeds as a table.)doc")
      .def_property_readonly(
          "seeds", [](py::object self) { return view(self, &ImmResult::seeds); },
          "The chosen seeds in the order chosen (vertex ids, uint32).")
      .def_property_readonly(
          "marginal_gain", [](py::object self) { return view(self, &ImmResult::marginal_gain); },
          "Estimated expected additional reach of each seed given the convinced and the seeds before it (float64).")
      .def_readonly("base_spread", &ImmResult::base_spread, "Estimated expected reach of the convinced people alone.")
      .def_readonly("spread", &ImmResult::spread, "Estimated expected reach of convinced + seeds (unbiased).")
      .def_readonly("spread_low", &ImmResult::spread_low, "Lower end of the spread interval (confidence 1 - delta).")
      .def_readonly("spread_high", &ImmResult::spread_high, "Upper end of the spread interval (confidence 1 - delta).")
      .def_readonly("selection_gain", &ImmResult::selection_gain,
                    "The selection sets' own (optimistic) estimate of the seeds' gain.")
      .def_readonly("selection_upper", &ImmResult::selection_upper,
                    "Upper bound on the best k-set's gain on the selection sets.")
      .def_readonly("lower_bound", &ImmResult::lower_bound, "Lower bound on OPT from the sampling phase.")
      .def_readonly("lambda_prime", &ImmResult::lambda_prime, "IMM's lambda' (sampling phase).")
      .def_readonly("lambda_star", &ImmResult::lambda_star, "IMM's lambda* (theta = ceil(lambda* / lower_bound)).")
      .def_readonly("theta", &ImmResult::theta, "Number of selection RR sets.")
      .def_readonly("sampling_rr_sets", &ImmResult::sampling_rr_sets, "RR sets drawn by the sampling phase.")
      .def_readonly("selection_rr_sets", &ImmResult::selection_rr_sets, "RR sets drawn for the selection.")
      .def_readonly("evaluation_rr_sets", &ImmResult::evaluation_rr_sets, "RR sets drawn for the estimates.")
      .def_readonly("rr_sets", &ImmResult::rr_sets, "RR sets drawn in all.")
      .def_property_readonly(
          "model", [](const ImmResult& r) { return r.model; }, "The diffusion model.")
      .def_readonly("k", &ImmResult::k, "Seeds asked for.")
      .def_readonly("epsilon", &ImmResult::epsilon, "The approximation slack epsilon.")
      .def_readonly("delta", &ImmResult::delta, "The failure probability delta.")
      .def_readonly("seed", &ImmResult::seed, "The random seed used.")
      .def("__repr__", [](const ImmResult& r) {
        return "<orgnet.ImmResult: " + std::to_string(r.seeds.size()) + " seeds, spread " +
               py::repr(py::float_(r.spread)).cast<std::string>() + ", " + std::to_string(r.rr_sets) + " RR sets>";
      });

  const ImmOptions defaults;
  m.def(
      "imm_seeds",
      [](const InfluenceGraph& graph, std::size_t k, py::object model, py::object lt_weights, double epsilon,
         double delta, std::uint64_t seed, py::object candidates, py::object convinced, int threads) {
        ImmOptions options{.model = model_arg(model),
                           .lt_weights = lt_weights_arg(lt_weights),
                           .k = k,
                           .epsilon = epsilon,
                           .delta = delta,
                           .seed = seed,
                           .candidates = people_arg(graph, candidates, "imm_seeds", "candidates"),
                           .convinced = people_arg(graph, convinced, "imm_seeds", "convinced"),
                           .threads = threads};
        ReleaseGil release;
        return imm_seeds(graph, options);
      },
      py::arg("graph"), py::arg("k") = defaults.k, py::kw_only(), py::arg("model") = py::cast(defaults.model),
      py::arg("lt_weights") = py::cast(defaults.lt_weights), py::arg("epsilon") = defaults.epsilon,
      py::arg("delta") = defaults.delta, py::arg("seed") = defaults.seed, py::arg("candidates") = py::none(),
      py::arg("convinced") = py::none(), py::arg("threads") = defaults.threads,
      R"doc(Whom to start with, with a guarantee: IMM (Tang, Shi and Xiao, SIGMOD 2015).

With probability at least 1 - delta the k seeds reach at least
(1 - 1/e - epsilon) of the best k-set's expected spread, under Independent
Cascade or Linear Threshold, by greedy maximum coverage of reverse-reachable
sets. Identical for any thread count.

Parameters
----------
graph : InfluenceGraph
k : int
    Seeds to choose (at most the number of eligible candidates).
model, lt_weights : see simulate_spread
epsilon : float
    Approximation slack, in (0, 1).
delta : float
    Failure probability and 1 - confidence of the spread interval, in (0, 1).
seed : int
candidates : iterable of str / int, optional
    Who may be chosen (default: everyone).
convinced : iterable of str / int, optional
    People already convinced: their RR sets count as covered, never chosen.
threads : int

Returns
-------
ImmResult)doc");
}

}  // namespace

void bind_diffusion(py::module_& m) {
  bind_simulation(m);
  bind_opinion(m);
  bind_reachability(m);
  bind_celf(m);
  bind_imm(m);
}

}  // namespace orgnet::python
