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
                         " must be a person id or an iterable of person ids / vertex indices, got " +
                         type_name(value));
  }
  for (auto item : py::reinterpret_borrow<py::iterable>(value)) out.push_back(person_arg(graph, item, function, argument));
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
        py::gil_scoped_release release;
        return simulate_spread(graph, people, options);
      },
      py::arg("graph"), py::arg("seeds"), py::kw_only(), py::arg("model") = py::cast(defaults.model),
      py::arg("simulations") = defaults.simulations, py::arg("seed") = defaults.seed,
      py::arg("delta") = defaults.delta, py::arg("max_steps") = defaults.max_steps,
      py::arg("lt_weights") = py::cast(defaults.lt_weights), py::arg("threads") = defaults.threads,
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

}  // namespace

void bind_diffusion(py::module_& m) { bind_simulation(m); }

}  // namespace orgnet::python
