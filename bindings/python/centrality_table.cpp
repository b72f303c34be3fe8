// Python bindings of the ranking helpers and centrality_table (the pandas
// DataFrame is assembled in orgnet/_centrality.py).

#include "orgnet/centrality/centrality_table.hpp"
#include "common.hpp"
#include "orgnet/centrality/ranking.hpp"

namespace orgnet::python {

void bind_centrality_table(py::module_& m) {
  const CentralityTableOptions defaults;
  m.def(
      "_centrality_columns",
      [](const InfluenceGraph& graph, std::vector<std::string> measures, py::object distance, std::string flow,
         bool normalized, double damping, double katz_alpha, double epsilon, double delta, std::uint64_t seed,
         int threads) {
        CentralityTableOptions options;
        options.measures.clear();
        for (const auto& name : measures) {
          for (Measure measure : parse_measures(name)) options.measures.push_back(measure);
        }
        options.distance = distance_transform_arg(distance);
        options.flow = parse_influence_flow(flow);
        options.normalized = normalized;
        options.damping = damping;
        options.katz_alpha = katz_alpha;
        options.epsilon = epsilon;
        options.delta = delta;
        options.seed = seed;
        options.threads = threads;
        CentralityTable table;
        {
          ReleaseGil release;
          table = centrality_table(graph, options);
        }
        py::list columns;
        for (auto& column : table.columns) {
          py::object convergence = py::none();
          if (column.convergence) {
            convergence = py::dict(py::arg("iterations") = column.convergence->iterations,
                                   py::arg("residual") = column.convergence->residual,
                                   py::arg("converged") = column.convergence->converged);
          }
          columns.append(
              py::make_tuple(std::string(to_string(column.measure)), to_array(std::move(column.values)), convergence));
        }
        return columns;
      },
      py::arg("graph"), py::arg("measures"), py::arg("distance"), py::arg("flow"), py::arg("normalized"),
      py::arg("damping"), py::arg("katz_alpha"), py::arg("epsilon"), py::arg("delta"), py::arg("seed"),
      py::arg("threads"), "Internal: (name, values, convergence) per measure; use orgnet.centrality_table.");
  m.attr("_CENTRALITY_TABLE_DEFAULTS") = py::dict(
      py::arg("measures") =
          [&] {
            py::list names;
            for (Measure measure : defaults.measures) names.append(std::string(to_string(measure)));
            return names;
          }(),
      py::arg("distance") = std::string(to_string(defaults.distance)),
      py::arg("flow") = std::string(to_string(defaults.flow)), py::arg("normalized") = defaults.normalized,
      py::arg("damping") = defaults.damping, py::arg("katz_alpha") = defaults.katz_alpha,
      py::arg("epsilon") = defaults.epsilon, py::arg("delta") = defaults.delta, py::arg("seed") = defaults.seed,
      py::arg("threads") = defaults.threads);
  m.def(
      "_top_k",
      [](const InfluenceGraph& graph, py::array_t<double, py::array::c_style | py::array::forcecast> scores,
         std::size_t k, bool ascending, double error) {
        std::span<const double> view(scores.data(), static_cast<std::size_t>(scores.size()));
        std::vector<RankedPerson> rows = top_k(graph, view, {.k = k, .ascending = ascending, .error = error});
        py::list out;
        for (const auto& row : rows) {
          out.append(py::make_tuple(row.rank, row.vertex, row.id, row.department, row.score, row.certain));
        }
        return out;
      },
      py::arg("graph"), py::arg("scores"), py::arg("k"), py::arg("ascending"), py::arg("error") = 0.0,
      "Internal: (rank, vertex, id, department, score, certain) rows; use orgnet.top_k.");
}

}  // namespace orgnet::python
