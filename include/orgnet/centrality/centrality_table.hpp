#pragma once
// centrality_table: several centrality measures in one call, as one table.
//
// The measures are the functions of orgnet/centrality/*.hpp run with the
// options below; each column says which function and settings produced it:
//
//   column                   function                  settings
//   in_degree, out_degree,   degree_centrality         normalized by n - 1 (NetworkX)
//   degree                                               unless normalized = false
//   in_strength,             degree_centrality         weighted; normalized by n - 1
//   out_strength, strength                               unless normalized = false
//   closeness                closeness                 direction by flow, Wasserman-Faust
//   harmonic                 harmonic_closeness        direction by flow
//   betweenness              betweenness               normalized unless normalized = false
//   approx_betweenness       approximate_betweenness   epsilon, delta, seed; scale b / (n (n-1))
//   eigenvector              eigenvector_centrality    flow, strengths as weights
//   pagerank                 pagerank                  flow, damping, strengths as weights
//   katz                     katz_centrality           flow, katz_alpha, strengths as weights
//   hubs, authorities        hits                      strengths as weights
//   coreness                 core_number               in + out degree
//
// Path measures use `distance` (-ln s by default: most probable chains).
// Iterative measures report their convergence in the column.
//
// Direction. The table answers "who matters", so by default (`flow =
// exerted`) it measures influence a person exerts: closeness and harmonic use
// outgoing distances (how fast v's influence reaches the others), eigenvector,
// PageRank and Katz let score flow against the influence edges (see
// centrality/flow.hpp). `flow = received` gives NetworkX's conventions on the
// influence graph (incoming distances, in-edge spectral scores). Degrees,
// betweenness, HITS and coreness do not depend on it.

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "orgnet/centrality/convergence.hpp"
#include "orgnet/centrality/flow.hpp"
#include "orgnet/io/output_format.hpp"
#include "orgnet/model/distance.hpp"
#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

enum class Measure {
  in_degree,
  out_degree,
  degree,
  in_strength,
  out_strength,
  strength,
  closeness,
  harmonic,
  betweenness,
  approx_betweenness,
  eigenvector,
  pagerank,
  katz,
  hubs,
  authorities,
  coreness,
};

/// Column name of a measure ("in_degree", "pagerank", ...).
[[nodiscard]] std::string_view to_string(Measure measure);
/// Inverse of to_string; throws orgnet::invalid_argument listing the measures.
[[nodiscard]] Measure parse_measure(std::string_view text);
/// Parses a comma-separated list ("pagerank,betweenness"); "all" gives every measure.
[[nodiscard]] std::vector<Measure> parse_measures(std::string_view text);
/// Every measure, in the order of the enum.
[[nodiscard]] std::vector<Measure> all_measures();

struct CentralityTableOptions {
  /// Default: degree, strength, closeness, harmonic, betweenness, eigenvector,
  /// pagerank, katz, hubs, authorities, coreness (the exact measures).
  std::vector<Measure> measures = {Measure::degree,      Measure::strength,    Measure::closeness, Measure::harmonic,
                                   Measure::betweenness, Measure::eigenvector, Measure::pagerank,  Measure::katz,
                                   Measure::hubs,        Measure::authorities, Measure::coreness};
  DistanceTransform distance = DistanceTransform::neg_log;
  InfluenceFlow flow = InfluenceFlow::exerted;
  bool normalized = true;
  double damping = 0.85;
  double katz_alpha = 0.1;
  double epsilon = 0.01;    ///< approx_betweenness
  double delta = 0.1;       ///< approx_betweenness
  std::uint64_t seed = 42;  ///< approx_betweenness
  int threads = 0;          ///< 0 = all available; results do not depend on it
};

struct CentralityColumn {
  Measure measure;
  std::vector<double> values;  ///< Indexed by vertex id.
  /// For eigenvector, pagerank, katz, hubs and authorities.
  std::optional<Convergence> convergence;
  /// For approx_betweenness: the guaranteed absolute error (epsilon) and the
  /// probability of exceeding it (delta). Rankings by this column report which
  /// rows are certainly in the top k (see ranking.hpp).
  std::optional<double> error;
  std::optional<double> error_probability;
};

struct CentralityTable {
  std::vector<CentralityColumn> columns;  ///< In the order the measures were asked for.
  /// The column of `measure`, or nullptr.
  [[nodiscard]] const CentralityColumn* find(Measure measure) const;
};

/// Computes the measures (each once, even if listed twice). Throws
/// orgnet::invalid_argument for bad options (e.g. katz_alpha >= 1 / lambda_max,
/// with the bound in the message).
[[nodiscard]] CentralityTable centrality_table(const InfluenceGraph& graph, const CentralityTableOptions& options = {});

struct CentralityWriteOptions {
  /// Rows are sorted by this measure, best first (default: the first column);
  /// ties by vertex id.
  std::optional<Measure> sort_by;
  std::size_t top = 10;  ///< Rows to write; 0 = everyone.
  std::string title;     ///< Heading of the table format, a field of the JSON.
};

/// Writes the table: a readable ranking (`table`), CSV with a header line, or
/// JSON {"title", "sort_by", "columns": [{"measure", "convergence", "error",
/// "error_probability"}], "rows": [{"rank", "id", "department", <measure>:
/// value, ...}]}. NaN is written as null in JSON and "nan" in CSV. When the
/// sort column has an error bound (approx_betweenness), each row also says
/// whether it is certainly in the top k: a "certain" CSV column and JSON field,
/// and a closing line of the table format.
void write_centrality_table(const InfluenceGraph& graph, const CentralityTable& table, std::ostream& out,
                            OutputFormat format, const CentralityWriteOptions& options = {});

}  // namespace orgnet
