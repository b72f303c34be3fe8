// Python bindings of the path-based centrality measures: closeness, harmonic
// closeness, betweenness of people and ties, and approximate betweenness
// (centrality/closeness.hpp, betweenness.hpp, approximate_betweenness.hpp).
//
// Keyword arguments are named like the fields of the C++ option structs and
// take their defaults from them; enums are accepted as members or as strings.
// Scores come back as read-only NumPy views of the result object's vectors (no
// copy). The GIL is released while computing.

#include <string>

#include "common.hpp"
#include "orgnet/centrality/approximate_betweenness.hpp"
#include "orgnet/centrality/betweenness.hpp"
#include "orgnet/centrality/closeness.hpp"

namespace orgnet::python {

namespace {

PathDirection path_direction_arg(py::handle value, const char* argument = "direction") {
  return enum_arg<PathDirection>(value, parse_path_direction, argument, "PathDirection");
}

template <class Result, class T>
py::array vector_view(py::object self, std::vector<T> Result::*member) {
  const auto& r = self.cast<const Result&>();
  return readonly_view(std::span<const T>(r.*member), self);
}

void bind_types(py::module_& m) {
  py::enum_<PathDirection>(m, "PathDirection",
                           "Which distances measure a person in closeness and harmonic closeness. Functions also "
                           "accept the strings \"incoming\" and \"outgoing\".")
      .value("incoming", PathDirection::incoming,
             "Distances from the others to the person (NetworkX's convention): how fast influence reaches them.")
      .value("outgoing", PathDirection::outgoing,
             "Distances from the person to the others (NetworkX on G.reverse()): how fast their influence spreads.");

  py::class_<ClosenessResult>(m, "ClosenessResult", "Closeness of every person.")
      .def_property_readonly(
          "score", [](py::object self) { return vector_view(self, &ClosenessResult::score); },
          "Closeness of each vertex (float64, read-only, by vertex id).")
      .def_property_readonly(
          "reached", [](py::object self) { return vector_view(self, &ClosenessResult::reached); },
          "How many other people reach each vertex (incoming) or it reaches (outgoing) (uint32, read-only).")
      .def("__repr__", [](const ClosenessResult& r) {
        return "<orgnet.ClosenessResult: " + std::to_string(r.score.size()) + " people>";
      });

  py::class_<HarmonicClosenessResult>(m, "HarmonicClosenessResult", "Harmonic closeness of every person.")
      .def_property_readonly(
          "score", [](py::object self) { return vector_view(self, &HarmonicClosenessResult::score); },
          "Harmonic closeness of each vertex (float64, read-only, by vertex id).")
      .def("__repr__", [](const HarmonicClosenessResult& r) {
        return "<orgnet.HarmonicClosenessResult: " + std::to_string(r.score.size()) + " people>";
      });

  py::class_<BetweennessResult>(m, "BetweennessResult", "Betweenness of every person.")
      .def_property_readonly(
          "score", [](py::object self) { return vector_view(self, &BetweennessResult::score); },
          "Betweenness of each vertex (float64, read-only, by vertex id).")
      .def("__repr__", [](const BetweennessResult& r) {
        return "<orgnet.BetweennessResult: " + std::to_string(r.score.size()) + " people>";
      });

  py::class_<EdgeBetweennessResult>(m, "EdgeBetweennessResult", "Betweenness of every influence edge.")
      .def_property_readonly(
          "score", [](py::object self) { return vector_view(self, &EdgeBetweennessResult::score); },
          "Betweenness of each edge (float64, read-only, by edge id: the edge u -> v is at "
          "graph.find_edge(u, v)).")
      .def("__repr__", [](const EdgeBetweennessResult& r) {
        return "<orgnet.EdgeBetweennessResult: " + std::to_string(r.score.size()) + " edges>";
      });

  py::class_<ApproximateBetweennessResult>(m, "ApproximateBetweennessResult",
                                           "Estimated betweenness of every person, with its guarantee.")
      .def_property_readonly(
          "score", [](py::object self) { return vector_view(self, &ApproximateBetweennessResult::score); },
          "Estimate of b(v) / (n (n - 1)) for each vertex (float64, read-only, by vertex id).")
      .def_readonly("samples", &ApproximateBetweennessResult::samples, "Number of sampled pairs.")
      .def_readonly("epsilon", &ApproximateBetweennessResult::epsilon,
                    "Guaranteed absolute error of every estimate (with probability 1 - delta).")
      .def_readonly("delta", &ApproximateBetweennessResult::delta,
                    "Probability that some estimate misses by more than epsilon.")
      .def_readonly("vertex_diameter_bound", &ApproximateBetweennessResult::vertex_diameter_bound,
                    "Upper bound on the number of people on a shortest path, used to choose the sample size.")
      .def_readonly("seed", &ApproximateBetweennessResult::seed, "The seed used.")
      .def("__repr__", [](const ApproximateBetweennessResult& r) {
        return "<orgnet.ApproximateBetweennessResult: " + std::to_string(r.score.size()) + " people, " +
               std::to_string(r.samples) + " samples, epsilon " + py::repr(py::float_(r.epsilon)).cast<std::string>() +
               ", delta " + py::repr(py::float_(r.delta)).cast<std::string>() + ">";
      });
}

void bind_functions(py::module_& m) {
  const ClosenessOptions closeness_defaults;
  m.def(
      "closeness",
      [](const InfluenceGraph& graph, py::object distance, py::object direction, bool wf_improved, int threads) {
        ClosenessOptions options{.distance = distance_transform_arg(distance, "distance"),
                                 .direction = path_direction_arg(direction),
                                 .wf_improved = wf_improved,
                                 .threads = threads};
        ReleaseGil release;
        return closeness(graph, options);
      },
      py::arg("graph"), py::kw_only(), py::arg("distance") = py::cast(closeness_defaults.distance),
      py::arg("direction") = py::cast(closeness_defaults.direction),
      py::arg("wf_improved") = closeness_defaults.wf_improved, py::arg("threads") = closeness_defaults.threads,
      R"doc(Closeness: the inverse of a person's mean distance to the people they are connected to.

C(v) = r(v) / D(v), where r(v) people reach v (incoming) or are reached by v
(outgoing) at total distance D(v); with ``wf_improved`` (Wasserman-Faust, the
default) times r(v) / (n - 1). 0 when r(v) = 0 or D(v) = 0, and for n = 1.

Parameters
----------
graph : InfluenceGraph
distance : DistanceTransform or str
    "neg_log" (-ln s, default: most probable chains), "inverse" (1/s) or
    "hops" (every tie counts 1: NetworkX's unweighted closeness).
direction : PathDirection or str
    "incoming" (distances to v, NetworkX's convention) or "outgoing"
    (distances from v: NetworkX on G.reverse()).
wf_improved : bool
    Scale by the share of the others v is connected to (NetworkX's default).
threads : int
    0 = all available. Results are identical for every thread count.

Returns
-------
ClosenessResult
    ``score`` and ``reached`` by vertex id. Equals
    networkx.closeness_centrality on ``to_networkx(graph, kind="influence")``
    (distance=None for hops, "distance" for neg_log). O(n (n + m)) for hops,
    O(n (n + m) log n) otherwise.)doc");

  const HarmonicClosenessOptions harmonic_defaults;
  m.def(
      "harmonic_closeness",
      [](const InfluenceGraph& graph, py::object distance, py::object direction, bool normalized, int threads) {
        HarmonicClosenessOptions options{.distance = distance_transform_arg(distance, "distance"),
                                         .direction = path_direction_arg(direction),
                                         .normalized = normalized,
                                         .threads = threads};
        ReleaseGil release;
        return harmonic_closeness(graph, options);
      },
      py::arg("graph"), py::kw_only(), py::arg("distance") = py::cast(harmonic_defaults.distance),
      py::arg("direction") = py::cast(harmonic_defaults.direction),
      py::arg("normalized") = harmonic_defaults.normalized, py::arg("threads") = harmonic_defaults.threads,
      R"doc(Harmonic closeness: the sum of inverse distances between a person and the others.

H(v) = sum of 1 / d(u, v) over the others u (incoming; outgoing: 1 / d(v, u));
unreachable people add 0, and so do people at distance 0 (ties of strength 1
under -ln s), as in NetworkX.

Parameters
----------
graph : InfluenceGraph
distance : DistanceTransform or str
    "neg_log" (default), "inverse" or "hops" (NetworkX's unweighted harmonic centrality).
direction : PathDirection or str
    "incoming" (NetworkX's harmonic_centrality sums 1/d(u, v) over sources u)
    or "outgoing".
normalized : bool
    Divide by n - 1 (igraph's default); NetworkX does not normalize.
threads : int
    0 = all available. Results are identical for every thread count.

Returns
-------
HarmonicClosenessResult
    ``score`` by vertex id; equals networkx.harmonic_centrality on
    ``to_networkx(graph, kind="influence")`` (G.reverse() for outgoing).)doc");

  const BetweennessOptions betweenness_defaults;
  m.def(
      "betweenness",
      [](const InfluenceGraph& graph, py::object distance, bool normalized, bool endpoints, int threads) {
        BetweennessOptions options{.distance = distance_transform_arg(distance, "distance"),
                                   .normalized = normalized,
                                   .endpoints = endpoints,
                                   .threads = threads};
        ReleaseGil release;
        return betweenness(graph, options);
      },
      py::arg("graph"), py::kw_only(), py::arg("distance") = py::cast(betweenness_defaults.distance),
      py::arg("normalized") = betweenness_defaults.normalized, py::arg("endpoints") = betweenness_defaults.endpoints,
      py::arg("threads") = betweenness_defaults.threads,
      R"doc(Betweenness (Brandes): the share of shortest chains between other people that pass through a person.

b(v) = sum over ordered pairs s != v != t of sigma(s, t | v) / sigma(s, t),
on the directed influence graph. Lengths are compared exactly; among chains
of equal length those with fewer zero-length steps (strength 1 under -ln s)
are the shortest, which keeps counts finite (see betweenness.hpp).

Parameters
----------
graph : InfluenceGraph
distance : DistanceTransform or str
    "neg_log" (default), "inverse" or "hops" (NetworkX's unweighted betweenness).
normalized : bool
    Divide by (n - 1)(n - 2) (with endpoints: n (n - 1)), as NetworkX does for
    directed graphs; False gives the raw sums (igraph's values).
endpoints : bool
    Also count a person on the chains they start or end.
threads : int
    0 = all available. Results are bit-identical for every thread count.

Returns
-------
BetweennessResult
    ``score`` by vertex id; equals networkx.betweenness_centrality on
    ``to_networkx(graph, kind="influence")`` (weight=None for hops,
    "distance" for neg_log when no tie has strength 1). O(n m) for hops,
    O(n m log n) otherwise.)doc");

  const EdgeBetweennessOptions edge_defaults;
  m.def(
      "edge_betweenness",
      [](const InfluenceGraph& graph, py::object distance, bool normalized, int threads) {
        EdgeBetweennessOptions options{
            .distance = distance_transform_arg(distance, "distance"), .normalized = normalized, .threads = threads};
        ReleaseGil release;
        return edge_betweenness(graph, options);
      },
      py::arg("graph"), py::kw_only(), py::arg("distance") = py::cast(edge_defaults.distance),
      py::arg("normalized") = edge_defaults.normalized, py::arg("threads") = edge_defaults.threads,
      R"doc(Edge betweenness: the share of shortest chains between people that use a tie.

Parameters
----------
graph : InfluenceGraph
distance : DistanceTransform or str
    "neg_log" (default), "inverse" or "hops".
normalized : bool
    Divide by n (n - 1) (NetworkX); False gives the raw sums.
threads : int
    0 = all available. Results are bit-identical for every thread count.

Returns
-------
EdgeBetweennessResult
    ``score`` by edge id (the edge u -> v is at ``graph.find_edge(u, v)``);
    equals networkx.edge_betweenness_centrality on
    ``to_networkx(graph, kind="influence")``.)doc");

  const ApproximateBetweennessOptions approximate_defaults;
  m.def(
      "approximate_betweenness",
      [](const InfluenceGraph& graph, double epsilon, double delta, std::uint64_t seed, py::object distance,
         int threads) {
        ApproximateBetweennessOptions options{.epsilon = epsilon,
                                              .delta = delta,
                                              .seed = seed,
                                              .distance = distance_transform_arg(distance, "distance"),
                                              .threads = threads};
        ReleaseGil release;
        return approximate_betweenness(graph, options);
      },
      py::arg("graph"), py::kw_only(), py::arg("epsilon") = approximate_defaults.epsilon,
      py::arg("delta") = approximate_defaults.delta, py::arg("seed") = approximate_defaults.seed,
      py::arg("distance") = py::cast(approximate_defaults.distance), py::arg("threads") = approximate_defaults.threads,
      R"doc(Betweenness estimated within ``epsilon`` with probability ``1 - delta`` (Riondato-Kornaropoulos).

Samples r pairs of people and one uniformly chosen shortest chain for each;
r depends on epsilon, delta and an upper bound on the number of people on a
shortest chain, not on the size of the graph.

Parameters
----------
graph : InfluenceGraph
epsilon : float
    Largest absolute error, in (0, 1), on the scale b(v) / (n (n - 1)).
delta : float
    Probability, in (0, 1), that some estimate misses by more than epsilon.
seed : int
    The same seed gives the same result, for every thread count.
distance : DistanceTransform or str
    "neg_log" (default), "inverse" or "hops".
threads : int
    0 = all available.

Returns
-------
ApproximateBetweennessResult
    ``score`` estimates b(v) / (n (n - 1)), b the raw betweenness; compare
    with ``betweenness(graph, normalized=False).score / (n * (n - 1))``, or
    NetworkX's normalized values times (n - 2) / n. Also ``samples``,
    ``epsilon``, ``delta``, ``vertex_diameter_bound`` and ``seed``.)doc");
}

}  // namespace

void bind_centrality_paths(py::module_& m) {
  bind_types(m);
  bind_functions(m);
}

}  // namespace orgnet::python
