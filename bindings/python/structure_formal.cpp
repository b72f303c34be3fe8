// Python bindings of formal vs informal organization
// (structure/formal_informal.hpp): QAP correlation, level correlations,
// hidden influencers, bypass ties.

#include <string>

#include "common.hpp"
#include "structure_common.hpp"

namespace orgnet::python {

namespace {

// A matrix given as an InfluenceGraph (its influence edges) or a square array.
Dyads dyads_arg(py::handle value, bool weighted, const char* argument) {
  if (py::isinstance<InfluenceGraph>(value)) return edge_dyads(value.cast<const InfluenceGraph&>(), weighted);
  py::array_t<double, py::array::c_style | py::array::forcecast> a;
  try {
    a = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(value);
  } catch (const py::error_already_set&) {
  }
  if (!a || a.ndim() != 2 || a.shape(0) != a.shape(1)) {
    throw py::type_error(std::string(argument) + ": expected an InfluenceGraph or a square 2-D array, got " +
                         type_name(value));
  }
  Dyads d;
  d.n = static_cast<std::size_t>(a.shape(0));
  auto view = a.unchecked<2>();
  for (py::ssize_t i = 0; i < a.shape(0); ++i) {
    for (py::ssize_t j = 0; j < a.shape(1); ++j) {
      if (i == j || view(i, j) == 0.0) continue;
      d.source.push_back(static_cast<vertex_id>(i));
      d.target.push_back(static_cast<vertex_id>(j));
      d.value.push_back(view(i, j));
    }
  }
  return d;
}

std::vector<Measure> measures_arg(py::handle value) {
  if (py::isinstance<py::str>(value)) return parse_measures(value.cast<std::string>());
  std::vector<Measure> out;
  for (auto item : value) out.push_back(parse_measure(py::str(item).cast<std::string>()));
  return out;
}

}  // namespace

void bind_structure_formal(py::module_& m) {
  py::class_<QapResult>(m, "QapResult", "QAP correlation of two networks with its permutation test.")
      .def_readonly("correlation", &QapResult::correlation, "Pearson correlation over the off-diagonal cells.")
      .def_readonly("expected", &QapResult::expected, "Mean correlation under relabelling.")
      .def_readonly("sd", &QapResult::sd, "Standard deviation of the correlation under relabelling.")
      .def_readonly("p_greater", &QapResult::p_greater, "P(correlation under relabelling >= observed).")
      .def_readonly("p_less", &QapResult::p_less, "P(correlation under relabelling <= observed).")
      .def_readonly("p_two_sided", &QapResult::p_two_sided,
                    "P(|correlation under relabelling - mean| >= |observed - mean|).")
      .def_readonly("permutations", &QapResult::permutations, "Relabellings drawn.")
      .def_readonly("seed", &QapResult::seed, "The seed used.")
      .def("__repr__", [](const QapResult& r) {
        return "<orgnet.QapResult: r " + py::repr(py::float_(r.correlation)).cast<std::string>() + ", p_greater " +
               py::repr(py::float_(r.p_greater)).cast<std::string>() + ">";
      });

  py::class_<FormalInformalResult>(m, "FormalInformalResult",
                                   "Formal vs informal organization: QAP, level correlations, hidden influencers, "
                                   "bypass ties.")
      .def_readonly("informal_relations", &FormalInformalResult::informal_relations,
                    "Relations that made up the informal network.")
      .def_readonly("qap", &FormalInformalResult::qap, "QAP correlation of reporting lines and informal ties.")
      .def_readonly("has_reporting_lines", &FormalInformalResult::has_reporting_lines,
                    "Whether the data has any manager links.")
      .def_property_readonly(
          "level_correlations",
          [](const FormalInformalResult& r) {
            py::list out;
            for (const auto& c : r.level_correlations) {
              py::dict item;
              item["measure"] = std::string(to_string(c.measure));
              item["pearson"] = c.pearson;
              item["spearman"] = c.spearman;
              out.append(item);
            }
            return out;
          },
          "Per measure: {measure, pearson, spearman} correlation with the level (negative: influence grows "
          "towards the top).")
      .def_property_readonly(
          "level", [](const FormalInformalResult& r) { return to_array(std::vector<double>(r.level)); },
          "Level used for each person (0 = top).")
      .def_property_readonly(
          "influence", [](const FormalInformalResult& r) { return to_array(std::vector<double>(r.influence)); },
          "Influence score of each person (the `influence` measure on the informal graph).")
      .def_property_readonly(
          "percentile", [](const FormalInformalResult& r) { return to_array(std::vector<double>(r.percentile)); },
          "Influence percentile of each person in [0, 1].")
      .def_property_readonly(
          "predicted", [](const FormalInformalResult& r) { return to_array(std::vector<double>(r.predicted)); },
          "Percentile the level predicts (least squares).")
      .def_property_readonly(
          "residual", [](const FormalInformalResult& r) { return to_array(std::vector<double>(r.residual)); },
          "Percentile minus predicted percentile.")
      .def_readonly("levels_vary", &FormalInformalResult::levels_vary,
                    "False when everyone has the same level (then nobody is a hidden influencer).")
      .def_readonly("intercept", &FormalInformalResult::intercept, "Intercept of percentile ~ level.")
      .def_readonly("slope", &FormalInformalResult::slope, "Slope of percentile ~ level.")
      .def_property_readonly(
          "hidden_influencers",
          [](const FormalInformalResult& r) { return to_array(std::vector<std::uint32_t>(r.hidden_influencers)); },
          "Vertex ids of the hidden influencers, largest residual first (uint32).")
      .def_property_readonly(
          "bypass_ties",
          [](const FormalInformalResult& r) {
            py::list out;
            for (const auto& t : r.bypass_ties) {
              py::dict item;
              item["source"] = t.source;
              item["target"] = t.target;
              item["source_level"] = t.source_level;
              item["target_level"] = t.target_level;
              item["gap"] = t.gap;
              item["in_chain"] = t.in_chain;
              out.append(item);
            }
            return out;
          },
          "Informal ties that skip levels: list of {source, target (vertex ids; influence runs source -> target), "
          "source_level, target_level, gap, in_chain}.")
      .def_property_readonly(
          "bypass_count",
          [](const FormalInformalResult& r) {
            return to_array(std::vector<std::int64_t>(r.bypass_count.begin(), r.bypass_count.end()));
          },
          "Bypass ties each person takes part in (int64).")
      .def("__repr__", [](const FormalInformalResult& r) {
        return "<orgnet.FormalInformalResult: QAP r " + py::repr(py::float_(r.qap.correlation)).cast<std::string>() +
               ", " + std::to_string(r.hidden_influencers.size()) + " hidden influencers, " +
               std::to_string(r.bypass_ties.size()) + " bypass ties>";
      });

  const QapOptions qap_defaults;
  m.def(
      "qap_correlation",
      [](py::object x, py::object y, bool weighted, std::size_t permutations, std::uint64_t seed, int threads) {
        const Dyads dx = dyads_arg(x, weighted, "x"), dy = dyads_arg(y, weighted, "y");
        ReleaseGil release;
        return qap_correlation(dx, dy, {.permutations = permutations, .seed = seed, .threads = threads});
      },
      py::arg("x"), py::arg("y"), py::kw_only(), py::arg("weighted") = false,
      py::arg("permutations") = qap_defaults.permutations, py::arg("seed") = qap_defaults.seed,
      py::arg("threads") = qap_defaults.threads,
      R"doc(QAP correlation of two networks on the same people, with a permutation p-value.

r is the Pearson correlation of the two n x n matrices over the n (n - 1)
off-diagonal cells; the null model relabels the people of one matrix (rows
and columns together) uniformly at random.

Parameters
----------
x, y : InfluenceGraph or square 2-D array
    A graph stands for its influence edges (value 1, or the strength when
    ``weighted``); an array is used as is (diagonal ignored).
weighted : bool
    For graphs: strengths instead of presence.
permutations : int
    Relabellings; 0 skips the test.
seed : int
    Same seed, same p-values, for every thread count.
threads : int
    0 = all available.

Returns
-------
QapResult)doc");

  const FormalInformalOptions defaults;
  py::list default_measures;
  for (Measure measure : defaults.measures) default_measures.append(std::string(to_string(measure)));
  m.attr("_FORMAL_DEFAULTS") = py::dict(
      py::arg("measures") = default_measures, py::arg("influence") = std::string(to_string(defaults.influence)),
      py::arg("min_residual") = defaults.min_residual, py::arg("min_level_gap") = defaults.min_level_gap,
      py::arg("permutations") = defaults.qap.permutations, py::arg("seed") = defaults.qap.seed);
  m.def(
      "formal_vs_informal",
      [](const InfluenceGraph& graph, std::optional<std::vector<std::string>> informal_relations, py::object levels,
         bool weighted, std::size_t permutations, std::uint64_t seed, py::object measures, std::string influence,
         double min_residual, int min_level_gap, int threads) {
        FormalInformalOptions options;
        if (informal_relations) options.informal_relations = *informal_relations;
        if (py::isinstance<py::str>(levels)) {
          options.levels = attribute_levels(graph, levels.cast<std::string>());
        } else if (!levels.is_none()) {
          options.levels = levels.cast<std::vector<double>>();
        }
        options.weighted = weighted;
        options.qap = {.permutations = permutations, .seed = seed, .threads = threads};
        if (!measures.is_none()) options.measures = measures_arg(measures);
        options.influence = parse_measure(influence);
        options.min_residual = min_residual;
        options.min_level_gap = min_level_gap;
        options.centrality.threads = threads;
        ReleaseGil release;
        return formal_vs_informal(graph, options);
      },
      py::arg("graph"), py::kw_only(), py::arg("informal_relations") = py::none(), py::arg("levels") = py::none(),
      py::arg("weighted") = defaults.weighted, py::arg("permutations") = defaults.qap.permutations,
      py::arg("seed") = defaults.qap.seed, py::arg("measures") = py::none(),
      py::arg("influence") = std::string(to_string(defaults.influence)),
      py::arg("min_residual") = defaults.min_residual, py::arg("min_level_gap") = defaults.min_level_gap,
      py::arg("threads") = defaults.qap.threads,
      R"doc(Formal vs informal organization in one call.

QAP correlation of the reporting lines (manager -> report) with the informal
network (the graph rebuilt from ``informal_relations``); Pearson and Spearman
correlations of the level with each centrality measure (on the informal
graph); hidden influencers (influence percentile minus what the level
predicts, by least squares, >= ``min_residual``); bypass ties (informal ties
between people ``min_level_gap`` or more levels apart).

Parameters
----------
graph : InfluenceGraph
informal_relations : list of str or None
    None = every relation except "reports_to".
levels : None, str or array of float
    None = the graph's levels (0 = top); a str names a numeric attribute
    (e.g. Lazega's "status"); or one number per person.
weighted : bool
    QAP on strengths instead of presence of ties.
permutations, seed : int
    QAP relabellings and their seed.
measures : list of str or None
    Centrality columns (names as in centrality_table) to correlate with the
    level; None = degree, betweenness, pagerank, eigenvector.
influence : str
    The measure whose percentile defines influence (default pagerank, exerted).
min_residual : float
    Hidden influencer threshold, in percentile points (0.25 = a quarter of
    the organization above the prediction).
min_level_gap : int
    Levels an informal tie must span to count as a bypass tie (2 = skips a level).
threads : int
    0 = all available; results do not depend on it.

Returns
-------
FormalInformalResult)doc");
  m.def("attribute_levels", &attribute_levels, py::arg("graph"), py::arg("attribute"),
        "Levels (0 = top) read from a numeric free attribute; raises ValueError naming a non-numeric value.");
}

}  // namespace orgnet::python
