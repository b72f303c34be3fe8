// Python bindings of the centrality measures that read the graph as a matrix
// or count ties: degree and strength, eigenvector, PageRank, Katz, HITS and
// k-cores (centrality/degree.hpp, eigenvector.hpp, pagerank.hpp, katz.hpp,
// hits.hpp, kcore.hpp).
//
// Keyword arguments are named like the fields of the C++ option structs and
// take their defaults from them. Per-person vectors (personalization, the
// dangling weights, Katz's beta) are NumPy arrays indexed by vertex or dicts
// {person_id: value}. Scores come back as read-only NumPy views of the result
// object's vectors (no copy). The GIL is released while computing.

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "common.hpp"
#include "orgnet/centrality/convergence.hpp"
#include "orgnet/centrality/degree.hpp"
#include "orgnet/centrality/eigenvector.hpp"
#include "orgnet/centrality/flow.hpp"
#include "orgnet/centrality/hits.hpp"
#include "orgnet/centrality/katz.hpp"
#include "orgnet/centrality/kcore.hpp"
#include "orgnet/centrality/pagerank.hpp"

namespace orgnet::python {

namespace {

InfluenceFlow flow_arg(py::handle value) {
  return enum_arg<InfluenceFlow>(value, parse_influence_flow, "flow", "InfluenceFlow");
}

DegreeDirection degree_direction_arg(py::handle value, const char* argument = "direction") {
  if (py::isinstance<py::str>(value)) {
    // Read the text in place: degree is a microsecond call, and a std::string
    // copy is a noticeable part of it.
    Py_ssize_t size = 0;
    const char* text = PyUnicode_AsUTF8AndSize(value.ptr(), &size);
    if (text == nullptr) throw py::error_already_set();
    const std::string_view name(text, static_cast<std::size_t>(size));
    // "in_" is the Python member name ("in" is a keyword); accept both spellings.
    return name == "in_" ? DegreeDirection::in : parse_degree_direction(name);
  }
  return enum_arg<DegreeDirection>(value, parse_degree_direction, argument, "DegreeDirection");
}

bool is_policy(py::handle value) { return py::isinstance<py::str>(value) || py::isinstance<DanglingPolicy>(value); }

template <class Result>
py::array score_view(py::object self, std::vector<double> Result::*member) {
  const auto& r = self.cast<const Result&>();
  return readonly_view(std::span<const double>(r.*member), self);
}

std::string convergence_text(const Convergence& c) {
  return std::string(c.converged ? "converged" : "NOT converged") + " after " + std::to_string(c.iterations) +
         " iterations, residual " + py::repr(py::float_(c.residual)).cast<std::string>();
}

const char* const convergence_doc = "How the iteration ended (iterations, residual, converged).";

void bind_types(py::module_& m) {
  py::enum_<DegreeDirection>(m, "DegreeDirection",
                             "Which ties of a person count. Functions also accept the strings \"in\", \"out\" and "
                             "\"total\" (the member is named ``in_`` because ``in`` is a Python keyword).")
      .value("in_", DegreeDirection::in, "Ties into the person: how many people influence them.")
      .value("out", DegreeDirection::out, "Ties out of the person: how many people they influence.")
      .value("total", DegreeDirection::total, "Both; a reciprocated pair counts twice.");
  py::enum_<DanglingPolicy>(m, "DanglingPolicy", "Where PageRank's walk goes from a person with no out-ties.")
      .value("personalization", DanglingPolicy::personalization,
             "Like a restart: by the personalization vector (NetworkX's default).")
      .value("uniform", DanglingPolicy::uniform, "To anyone, 1/n each.")
      .value("given", DanglingPolicy::given, "By a given vector of weights.");

  py::class_<Convergence>(m, "Convergence", R"doc(How an iterative algorithm ended.

orgnet never raises because an iteration did not converge (NetworkX raises
PowerIterationFailedConvergence): check ``converged``.)doc")
      .def_readonly("iterations", &Convergence::iterations, "Iterations performed (sweeps over the ties).")
      .def_readonly("residual", &Convergence::residual,
                    "L1 norm of the change of the scores in the last iteration (HITS: the change one more power "
                    "step would make); inf if none ran.")
      .def_readonly("converged", &Convergence::converged,
                    "True when the residual fell below n * tolerance within max_iterations.")
      .def("__repr__", [](const Convergence& c) { return "<orgnet.Convergence: " + convergence_text(c) + ">"; });

  py::class_<DegreeResult>(m, "DegreeResult", "Degree or strength of every person.")
      .def_property_readonly(
          "score", [](py::object self) { return score_view(self, &DegreeResult::score); },
          "Score of each vertex (float64, read-only, by vertex id).")
      .def("__repr__", [](const DegreeResult& r) {
        return "<orgnet.DegreeResult: " + std::to_string(r.score.size()) + " people>";
      });

  py::class_<EigenvectorResult>(m, "EigenvectorResult", "Eigenvector centrality of every person.")
      .def_property_readonly(
          "score", [](py::object self) { return score_view(self, &EigenvectorResult::score); },
          "Score of each vertex (float64, unit Euclidean norm, read-only, by vertex id).")
      .def_readonly("convergence", &EigenvectorResult::convergence, convergence_doc)
      .def("__repr__", [](const EigenvectorResult& r) {
        return "<orgnet.EigenvectorResult: " + std::to_string(r.score.size()) + " people, " +
               convergence_text(r.convergence) + ">";
      });

  py::class_<PageRankResult>(m, "PageRankResult", "PageRank of every person.")
      .def_property_readonly(
          "score", [](py::object self) { return score_view(self, &PageRankResult::score); },
          "Score of each vertex (float64, sums to 1, read-only, by vertex id).")
      .def_readonly("convergence", &PageRankResult::convergence, convergence_doc)
      .def("__repr__", [](const PageRankResult& r) {
        return "<orgnet.PageRankResult: " + std::to_string(r.score.size()) + " people, " +
               convergence_text(r.convergence) + ">";
      });

  py::class_<KatzResult>(m, "KatzResult", "Katz centrality of every person.")
      .def_property_readonly(
          "score", [](py::object self) { return score_view(self, &KatzResult::score); },
          "Score of each vertex (float64, read-only, by vertex id).")
      .def_readonly("convergence", &KatzResult::convergence, convergence_doc)
      .def("__repr__", [](const KatzResult& r) {
        return "<orgnet.KatzResult: " + std::to_string(r.score.size()) + " people, " + convergence_text(r.convergence) +
               ">";
      });

  py::class_<HitsResult>(m, "HitsResult", "HITS hub and authority scores of every person.")
      .def_property_readonly(
          "hubs", [](py::object self) { return score_view(self, &HitsResult::hubs); },
          "Hub score of each vertex (float64, sums to 1, read-only, by vertex id).")
      .def_property_readonly(
          "authorities", [](py::object self) { return score_view(self, &HitsResult::authorities); },
          "Authority score of each vertex (float64, sums to 1, read-only, by vertex id).")
      .def_readonly("convergence", &HitsResult::convergence, convergence_doc)
      .def("__repr__", [](const HitsResult& r) {
        return "<orgnet.HitsResult: " + std::to_string(r.hubs.size()) + " people, " + convergence_text(r.convergence) +
               ">";
      });

  py::class_<CoreNumberResult>(m, "CoreNumberResult", "Core number (coreness) of every person.")
      .def_property_readonly(
          "core",
          [](py::object self) {
            const auto& r = self.cast<const CoreNumberResult&>();
            return readonly_view(std::span<const std::uint32_t>(r.core), self);
          },
          "Core number of each vertex (uint32, read-only, by vertex id).")
      .def_property_readonly("max_core", &CoreNumberResult::max_core,
                             "The largest core number (the degeneracy); 0 for the empty graph.")
      .def("__repr__", [](const CoreNumberResult& r) {
        return "<orgnet.CoreNumberResult: " + std::to_string(r.core.size()) + " people, max core " +
               std::to_string(r.max_core()) + ">";
      });
}

void bind_functions(py::module_& m) {
  const DegreeOptions degree;
  m.def(
      "degree_centrality",
      [](const InfluenceGraph& graph, py::object direction, bool weighted, bool normalized) {
        DegreeOptions options{
            .direction = degree_direction_arg(direction), .weighted = weighted, .normalized = normalized};
        // One pass over the people (or ties): releasing and taking back the
        // GIL costs as much as the whole call on a graph of a few thousand
        // people, so only large graphs let other Python threads run meanwhile.
        constexpr std::size_t release_above = std::size_t{1} << 20;
        if (graph.num_vertices() + graph.num_edges() < release_above) return degree_centrality(graph, options);
        ReleaseGil release;
        return degree_centrality(graph, options);
      },
      py::arg("graph"), py::kw_only(), py::arg("direction") = py::cast(degree.direction),
      py::arg("weighted") = degree.weighted, py::arg("normalized") = degree.normalized,
      R"doc(Degree or strength centrality of every person.

Parameters
----------
graph : InfluenceGraph
direction : DegreeDirection or str
    "in" (people who influence v), "out" (people v influences) or "total"
    (both; a reciprocated pair counts twice).
weighted : bool
    False: count ties (degree). True: sum their strengths (strength).
normalized : bool
    Divide by n - 1 (NetworkX's degree_centrality; a lone person scores 1).
    Strengths are at most 1, so normalized in/out strengths lie in [0, 1].

Returns
-------
DegreeResult
    ``score`` by vertex id. Unweighted and normalized, equal to networkx's
    degree_centrality / in_degree_centrality / out_degree_centrality on
    ``to_networkx(graph, kind="influence")``. O(n + m).)doc");

  const EigenvectorOptions eigenvector;
  m.def(
      "eigenvector_centrality",
      [](const InfluenceGraph& graph, bool weighted, py::object flow, double tolerance, std::size_t max_iterations,
         int threads) {
        EigenvectorOptions options{.weighted = weighted,
                                   .flow = flow_arg(flow),
                                   .tolerance = tolerance,
                                   .max_iterations = max_iterations,
                                   .threads = threads};
        ReleaseGil release;
        return eigenvector_centrality(graph, options);
      },
      py::arg("graph"), py::kw_only(), py::arg("weighted") = eigenvector.weighted,
      py::arg("flow") = py::cast(eigenvector.flow), py::arg("tolerance") = eigenvector.tolerance,
      py::arg("max_iterations") = eigenvector.max_iterations, py::arg("threads") = eigenvector.threads,
      R"doc(Eigenvector centrality: central when influenced by central people.

x_v is proportional to the sum of w(u, v) x_u over ties u -> v (NetworkX's
in-edge convention), w = strength (``weighted``) or 1. Power iteration on
A^T + I from 1/n exactly as networkx.eigenvector_centrality, scores scaled to
unit Euclidean norm.

Parameters
----------
graph : InfluenceGraph
weighted : bool
    Read strengths as weights (True) or count each tie as 1.
flow : InfluenceFlow or str
    "received" (default, NetworkX's convention on the influence graph: score
    flows along influence, so people influenced by influential people rank
    high) or "exerted" (score flows back: people who influence influential
    people rank high; equals NetworkX on the reversed graph).
tolerance : float
    Stop when the L1 change of the scores is below n * tolerance (NetworkX's
    rule; its default tolerance is 1e-6).
max_iterations : int
threads : int
    0 = all available. Results are identical for every thread count.

Returns
-------
EigenvectorResult
    ``score`` and ``convergence``. A graph without a directed cycle has no
    eigenvector to converge to: ``convergence.converged`` is False (NetworkX
    raises).)doc");

  const PageRankOptions pr;
  m.def(
      "pagerank",
      [](const InfluenceGraph& graph, double damping, py::object personalization, py::object dangling, bool weighted,
         py::object flow, double tolerance, std::size_t max_iterations, int threads) {
        PageRankOptions options{.damping = damping,
                                .weighted = weighted,
                                .flow = flow_arg(flow),
                                .tolerance = tolerance,
                                .max_iterations = max_iterations,
                                .threads = threads};
        if (!personalization.is_none()) {
          options.personalization = per_person_arg(graph, personalization, "pagerank", "personalization", false);
        }
        if (is_policy(dangling)) {
          options.dangling = enum_arg<DanglingPolicy>(dangling, parse_dangling_policy, "dangling", "DanglingPolicy");
        } else {
          options.dangling = DanglingPolicy::given;
          options.dangling_weights = per_person_arg(graph, dangling, "pagerank", "dangling", false);
        }
        ReleaseGil release;
        return pagerank(graph, options);
      },
      py::arg("graph"), py::kw_only(), py::arg("damping") = pr.damping, py::arg("personalization") = py::none(),
      py::arg("dangling") = py::cast(pr.dangling), py::arg("weighted") = pr.weighted,
      py::arg("flow") = py::cast(pr.flow), py::arg("tolerance") = pr.tolerance,
      py::arg("max_iterations") = pr.max_iterations, py::arg("threads") = pr.threads,
      R"doc(PageRank: where a random walk along influence spends its time.

From u the walk follows a tie u -> v with probability w(u, v) / sum_v w(u, v)
(w = strength, or 1 when not ``weighted``); with probability 1 - damping it
restarts by the personalization distribution. Power iteration from 1/n as in
networkx.pagerank.

Parameters
----------
graph : InfluenceGraph
damping : float
    In [0, 1).
personalization : None, array or dict
    Restart weights: None (uniform), n non-negative numbers by vertex id, or
    {person_id: weight} (people left out get 0). Rescaled to sum 1.
dangling : DanglingPolicy, str, array or dict
    Where the walk goes from a person with no out-ties: "personalization"
    (NetworkX's default), "uniform", or a vector/dict of weights (as
    NetworkX's ``dangling``).
weighted : bool
flow : InfluenceFlow or str
    "received" (default, NetworkX's convention on the influence graph: score
    flows along influence, so people influenced by influential people rank
    high) or "exerted" (score flows back: people who influence influential
    people rank high; equals NetworkX on the reversed graph).
tolerance : float
    Stop when the L1 change of the scores is below n * tolerance (NetworkX's
    rule; its default tolerance is 1e-6).
max_iterations : int
threads : int
    0 = all available. Results are identical for every thread count.

Returns
-------
PageRankResult
    ``score`` (sums to 1) and ``convergence``; no exception when the
    iteration does not converge.)doc");

  const KatzOptions katz;
  m.def(
      "katz_centrality",
      [](const InfluenceGraph& graph, double alpha, py::object beta, bool weighted, py::object flow, bool normalized,
         double tolerance, std::size_t max_iterations, int threads) {
        KatzOptions options{.alpha = alpha,
                            .weighted = weighted,
                            .flow = flow_arg(flow),
                            .normalized = normalized,
                            .tolerance = tolerance,
                            .max_iterations = max_iterations,
                            .threads = threads};
        // One number (a Python or NumPy scalar, or a 0-d array), or one per person.
        const bool scalar =
            !py::isinstance<py::dict>(beta) && py::array::ensure(beta) && py::array::ensure(beta).ndim() == 0;
        if (scalar) {
          options.beta = py::cast<double>(py::float_(beta));
        } else {
          options.beta_per_vertex = per_person_arg(graph, beta, "katz_centrality", "beta", true);
        }
        ReleaseGil release;
        return katz_centrality(graph, options);
      },
      py::arg("graph"), py::kw_only(), py::arg("alpha") = katz.alpha, py::arg("beta") = katz.beta,
      py::arg("weighted") = katz.weighted, py::arg("flow") = py::cast(katz.flow),
      py::arg("normalized") = katz.normalized, py::arg("tolerance") = katz.tolerance,
      py::arg("max_iterations") = katz.max_iterations, py::arg("threads") = katz.threads,
      R"doc(Katz centrality: influence reaching a person along chains of every length.

x solves x_v = alpha * sum over ties u -> v of w(u, v) x_u + beta_v (NetworkX's
katz_centrality, in-edge convention), w = strength or 1.

Parameters
----------
graph : InfluenceGraph
alpha : float
    Attenuation per step; must be below 1 / lambda_max (the spectral radius of
    the weighted or unweighted adjacency matrix). Otherwise ValueError names
    alpha and 1 / lambda_max (NetworkX fails to converge instead).
beta : float, array or dict
    Everyone's own score: one number, n numbers by vertex id, or a dict naming
    every person.
weighted : bool
normalized : bool
    Scale to unit Euclidean norm (NetworkX's default).
tolerance : float
    Stop when the L1 change of the (unnormalized) scores is below
    n * tolerance.
max_iterations : int
threads : int
    0 = all available. Results are identical for every thread count.

Returns
-------
KatzResult
    ``score`` and ``convergence``.)doc");

  const HitsOptions hits_defaults;
  m.def(
      "hits",
      [](const InfluenceGraph& graph, bool weighted, double tolerance, std::size_t max_iterations, int threads) {
        HitsOptions options{
            .weighted = weighted, .tolerance = tolerance, .max_iterations = max_iterations, .threads = threads};
        ReleaseGil release;
        return hits(graph, options);
      },
      py::arg("graph"), py::kw_only(), py::arg("weighted") = hits_defaults.weighted,
      py::arg("tolerance") = hits_defaults.tolerance, py::arg("max_iterations") = hits_defaults.max_iterations,
      py::arg("threads") = hits_defaults.threads,
      R"doc(HITS hubs and authorities.

Authorities a = A^T h (influenced by good hubs), hubs h = A a (influence good
authorities), A[u][v] = w(u, v) = strength or 1; each vector sums to 1 as in
NetworkX (igraph scales to maximum 1). Computed by Lanczos iteration on A^T A.
A graph without ties gives 1/n everywhere.

Parameters
----------
graph : InfluenceGraph
weighted : bool
tolerance : float
    Stop when ||A^T A a - theta a||_1 / theta (the change one more power step
    would make to the authorities) is below n * tolerance.
max_iterations : int
    Products with A^T A.
threads : int
    0 = all available. Results are identical for every thread count.

Returns
-------
HitsResult
    ``hubs``, ``authorities`` and ``convergence``.)doc");

  const CoreNumberOptions core;
  m.def(
      "core_number",
      [](const InfluenceGraph& graph, py::object direction) {
        CoreNumberOptions options{.direction = degree_direction_arg(direction)};
        ReleaseGil release;
        return core_number(graph, options);
      },
      py::arg("graph"), py::kw_only(), py::arg("direction") = py::cast(core.direction),
      R"doc(Core number (coreness) of every person.

The largest k such that the person belongs to a subgraph where everyone has
degree >= k inside it. Ties are counted, strengths ignored.

Parameters
----------
graph : InfluenceGraph
direction : DegreeDirection or str
    "total" (in + out degree: networkx.core_number on the influence DiGraph,
    igraph's mode="all"), "in" or "out" (igraph's modes).

Returns
-------
CoreNumberResult
    ``core`` (uint32 by vertex id) and ``max_core``. O(n + m).)doc");
}

}  // namespace

void bind_centrality_spectral(py::module_& m) {
  py::enum_<InfluenceFlow>(m, "InfluenceFlow", "Which way score flows in eigenvector, PageRank and Katz.")
      .value("received", InfluenceFlow::received,
             "Along the influence edges (NetworkX's convention): influence a person receives.")
      .value("exerted", InfluenceFlow::exerted,
             "Against the edges (NetworkX on the reversed graph): influence a person exerts.");

  bind_types(m);
  bind_functions(m);
}

}  // namespace orgnet::python
