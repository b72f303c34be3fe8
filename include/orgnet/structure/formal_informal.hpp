#pragma once
// Formal vs informal organization: does the informal network follow the
// reporting lines, does influence follow rank, who has influence far above
// their level (hidden influencers), and which informal ties skip the chain of
// command.
//
// Networks as dyads. A Dyads value is a sparse n x n matrix with a zero
// diagonal: entries (u, v, x) for u != v (repeated pairs add up). Made by
//   reporting_dyads(g):  manager -> report, value 1 (the formal network, in
//                        the direction influence runs: the manager sways the
//                        report);
//   relation_dyads(g, relations, weighted): the influence edges of the graph
//                        built from those relations' ties only (see
//                        relation_subgraph), value its strength or 1.
//
// QAP correlation (Krackhardt 1987). r = Pearson correlation of the two
// matrices over the N = n (n - 1) off-diagonal cells. Null model: relabel the
// people of one matrix by a uniform random permutation (rows and columns
// together), which keeps each network's structure and breaks only their
// alignment. p_greater = (1 + #{r_perm >= r}) / (1 + permutations), p_less
// likewise with <=, p_two_sided with |r_perm - mean| >= |r - mean|. r is NaN
// when either matrix is constant (e.g. no reporting lines). Permutation i draws
// from SplitMix64(stream_seed(seed, i)): identical for every thread count, and
// for two seeds the p-values differ by Monte Carlo error only (standard error
// sqrt(p (1 - p) / permutations)). Cost: O(entries of x · log degree) per
// permutation.
//
// Level and influence. Levels are the graph's (0 = top) or any per-person
// numbers the caller gives (e.g. a seniority attribute). For each centrality
// measure (centrality_table, on the informal graph), Pearson and Spearman
// correlations with the level; a negative value means influence grows towards
// the top.
//
// Hidden influencers. influence percentile p(v) = (rank of v's score among
// everyone, ascending, ties averaged, minus 1) / (n - 1), in [0, 1], for the
// `influence` measure. Ordinary least squares p = a + b · level over everyone;
// residual e(v) = p(v) - (a + b · level(v)). A hidden influencer has e(v) >=
// min_residual (default 0.25: a quarter of the organization above what their
// level predicts). With one distinct level (no hierarchy in the data) the
// level predicts nothing: b = 0, a = mean p, and nobody is flagged
// (`levels_vary` is false); give levels from an attribute instead.
//
// Bypass ties. An informal influence edge u -> v (either direction of
// influence) between people whose levels differ by at least min_level_gap
// (default 2: skipping at least one level). `in_chain` tells whether the
// higher person is in the lower one's chain of command (e.g. going straight
// to the manager's manager) rather than in another line.
//
// References.
//   D. Krackhardt, "QAP partialling as a test of spuriousness", Social
//   Networks 9 (1987) 171-186. doi:10.1016/0378-8733(87)90012-8.
//   D. Krackhardt, J. R. Hanson, "Informal networks: the company behind the
//   chart", Harvard Business Review 71(4), 1993.
//
// Complexity: the centrality measures asked for, plus O(permutations · n log
// n) for QAP and O(m) for the rest.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "orgnet/centrality/centrality_table.hpp"
#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

/// A sparse n x n matrix with a zero diagonal (see the header comment).
struct Dyads {
  std::size_t n = 0;
  std::vector<vertex_id> source, target;
  std::vector<double> value;
};

/// Manager -> report, value 1.
[[nodiscard]] Dyads reporting_dyads(const InfluenceGraph& graph);

/// The graph rebuilt from the ties of `relations` only (same people, same
/// relation map, managers kept). Throws orgnet::invalid_argument naming a
/// relation the graph does not have.
[[nodiscard]] InfluenceGraph relation_subgraph(const InfluenceGraph& graph, std::span<const std::string> relations);

/// The relations of the graph that are not its hierarchy relation ("reports_to").
[[nodiscard]] std::vector<std::string> informal_relations(const InfluenceGraph& graph);

/// Influence edges of `graph` as dyads, value strength (weighted) or 1.
[[nodiscard]] Dyads edge_dyads(const InfluenceGraph& graph, bool weighted = false);

struct QapOptions {
  std::size_t permutations = 1000;
  std::uint64_t seed = 42;
  /// Threads; 0 = all available. Results do not depend on it.
  int threads = 0;
};

struct QapResult {
  double correlation = 0.0;
  /// Mean and standard deviation of the correlation under relabelling.
  double expected = 0.0;
  double sd = 0.0;
  double p_greater = 0.0, p_less = 0.0, p_two_sided = 0.0;
  std::size_t permutations = 0;
  std::uint64_t seed = 0;
};

/// QAP correlation of two n x n matrices (see the header comment). Throws
/// orgnet::invalid_argument when their sizes differ, an entry is out of range,
/// on the diagonal or not finite, or threads < 0.
[[nodiscard]] QapResult qap_correlation(const Dyads& x, const Dyads& y, const QapOptions& options = {});

struct FormalInformalOptions {
  /// Relations of the informal network; empty = every relation but "reports_to".
  std::vector<std::string> informal_relations = {};
  /// Levels by vertex id; empty = the graph's levels (0 = top).
  std::vector<double> levels = {};
  /// QAP on strengths (true) or on the presence of ties (false).
  bool weighted = false;
  QapOptions qap = {};
  /// Measures correlated with the level (computed on the informal graph).
  std::vector<Measure> measures = {Measure::degree, Measure::betweenness, Measure::pagerank, Measure::eigenvector};
  /// The measure whose rank defines influence for hidden influencers.
  Measure influence = Measure::pagerank;
  /// Residual (in percentile points, 0..1) from which a person is a hidden influencer.
  double min_residual = 0.25;
  /// Level gap from which an informal tie is a bypass tie (>= 1).
  int min_level_gap = 2;
  /// Options of the centrality measures (measures are set from the fields above).
  CentralityTableOptions centrality = {};
};

struct LevelCorrelation {
  Measure measure;
  double pearson = 0.0;
  double spearman = 0.0;
};

struct BypassTie {
  vertex_id source = 0, target = 0;  ///< Influence runs source -> target.
  double source_level = 0, target_level = 0;
  double gap = 0;         ///< |source_level - target_level|.
  bool in_chain = false;  ///< The higher person is in the lower one's chain of command.
};

struct FormalInformalResult {
  std::vector<std::string> informal_relations;
  QapResult qap;
  bool has_reporting_lines = false;
  std::vector<LevelCorrelation> level_correlations;
  /// Per person (vertex id): level used, influence score, percentile, predicted
  /// percentile, residual.
  std::vector<double> level, influence, percentile, predicted, residual;
  double intercept = 0.0, slope = 0.0;
  /// False when everyone has the same level (then nobody is a hidden influencer).
  bool levels_vary = false;
  /// Hidden influencers, largest residual first.
  std::vector<vertex_id> hidden_influencers;
  std::vector<BypassTie> bypass_ties;
  /// Bypass ties each person takes part in.
  std::vector<std::size_t> bypass_count;
};

/// Everything above on one graph (see the header comment). Throws
/// orgnet::invalid_argument for levels of the wrong length or not finite, an
/// unknown relation, min_level_gap < 1, or a min_residual that is not finite.
[[nodiscard]] FormalInformalResult formal_vs_informal(const InfluenceGraph& graph,
                                                      const FormalInformalOptions& options = {});

/// Levels from a numeric free attribute (e.g. Lazega's "status": 1 partner,
/// 2 associate), 0 = top by the same convention as Person::level. Throws
/// orgnet::out_of_range for an unknown attribute and orgnet::invalid_argument
/// naming the person whose value is empty or not a number.
[[nodiscard]] std::vector<double> attribute_levels(const InfluenceGraph& graph, std::string_view attribute);

/// Percentile ranks in [0, 1] (ascending, ties averaged; 0.5 for everyone when n = 1).
[[nodiscard]] std::vector<double> percentile_ranks(std::span<const double> values);

}  // namespace orgnet
