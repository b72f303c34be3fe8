#pragma once
// PageRank: where a random walk along influence spends its time.
//
// Definition. A walker at u follows an out-edge u -> v with probability
// w(u, v) / W(u), where W(u) = sum_v w(u, v) and w is the strength s(u, v)
// (`weighted`, the default) or 1. With probability 1 - damping, or always at a
// dangling person (W(u) = 0: nobody to pass influence to), the walker jumps
// instead. PageRank is the stationary distribution x:
//     x_v = damping * ( sum_{u -> v} x_u w(u, v) / W(u)  +  D * d_v )
//           + (1 - damping) * p_v,
//     D = sum of x_u over dangling u,
// where p is the personalization (teleport) distribution and d the dangling
// distribution. Scores are >= 0 and sum to 1.
//
//   personalization  empty: uniform 1/n. Otherwise n non-negative weights,
//                    not all zero, rescaled to sum 1 (NetworkX's
//                    personalization; zero for someone means the walk never
//                    restarts there).
//   dangling         where the mass of dangling people goes:
//                    personalization (default, NetworkX's default),
//                    uniform (1/n each), or given (the dangling_weights
//                    vector, rescaled to sum 1; NetworkX's `dangling`).
//
// Method: power iteration as in networkx.pagerank, accelerated. Every
// product is a power step x' = (the formula applied to x); the residual is
// ||x' - x||_1 and the iteration stops, returning x', when it is below
// n * tolerance (NetworkX's criterion). The start is the personalization p
// (uniform by default, as NetworkX's; people no restart can reach keep an
// exact 0). Every 4 steps the next iterate is extrapolated from the last
// five (reduced rank extrapolation: the combination whose step differences
// cancel best, which removes the few slow modes tightly knit groups give the
// walk); an extrapolation that makes the next change larger is undone. On
// email-Eu-core this halves the products (29 instead of 55), on the company
// graphs too; the fixed point is the same. NetworkX raises when
// max_iterations pass; orgnet returns the last iterate with converged =
// false. The default tolerance 1e-10 is stricter than NetworkX's 1e-6. igraph's
// default PRPACK solver gives the same scores (it solves the same linear
// system, to an L1 error of about 1e-10); for personalized PageRank igraph
// 0.10 also sends the dangling mass by the reset vector, i.e.
// DanglingPolicy::personalization.
//
// Degenerate cases. Empty graph: empty score, converged. One person: score 1.
// No ties: everyone is dangling and the score is the dangling distribution
// mixed with the personalization (uniform 1/n by default). damping = 0: the
// score is the personalization.
//
// Parallelism: pull-style products (each score computed by one thread from its
// in-edges) and block sums in a fixed order: bit-identical results for every
// thread count. When every person's in-edges share one strength (weighted
// cascade on unweighted ties: InfluenceGraph::shared_in_strengths) a product
// adds the in-neighbours' terms and scales once per person.
//
// Reference: S. Brin and L. Page, "The anatomy of a large-scale hypertextual
// Web search engine", Computer Networks 30, 1998.
// doi:10.1016/S0169-7552(98)00110-X.
//
// Reference for the extrapolation: A. Sidi, "Vector extrapolation methods with
// applications", SIAM, 2017 (reduced rank extrapolation).
//
// Complexity: O((n + m) * iterations) time, O(n + m) extra memory (ten
// vectors of n values).

#include <cstddef>
#include <string_view>
#include <vector>

#include "orgnet/centrality/convergence.hpp"
#include "orgnet/centrality/flow.hpp"
#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

/// Where the walk goes from a person with no out-edges.
enum class DanglingPolicy {
  personalization,  ///< Like a restart: by the personalization vector (NetworkX's default).
  uniform,          ///< To anyone, 1/n each.
  given,            ///< By PageRankOptions::dangling_weights.
};

/// "personalization", "uniform", "given".
[[nodiscard]] std::string_view to_string(DanglingPolicy policy);
/// Inverse of to_string; throws orgnet::invalid_argument naming the accepted values.
[[nodiscard]] DanglingPolicy parse_dangling_policy(std::string_view text);

struct PageRankOptions {
  /// Probability of following an edge rather than restarting; in [0, 1).
  double damping = 0.85;
  /// Restart weights by vertex id (n values >= 0, not all 0), or empty for uniform.
  std::vector<double> personalization = {};
  /// Where the mass of dangling people goes.
  DanglingPolicy dangling = DanglingPolicy::personalization;
  /// Weights by vertex id for DanglingPolicy::given (n values >= 0, not all 0);
  /// must be empty otherwise.
  std::vector<double> dangling_weights = {};
  /// Read strengths as edge weights (true) or count every edge as 1 (false).
  bool weighted = true;
  /// received (NetworkX's convention, the default) or exerted (score flows
  /// against the influence edges: whom the organization listens to; equals
  /// NetworkX on the reversed graph). See centrality/flow.hpp.
  InfluenceFlow flow = InfluenceFlow::received;
  /// Stop when ||x' - x||_1 < n * tolerance. Must be finite and >= 0.
  double tolerance = 1e-10;
  /// At most this many iterations.
  std::size_t max_iterations = 1000;
  /// Threads for the products (0 = OpenMP's default; small graphs use one).
  int threads = 0;
};

struct PageRankResult {
  /// Score of each vertex (>= 0, sums to 1), indexed by vertex id.
  std::vector<double> score;
  Convergence convergence;
};

/// PageRank of every person (see the header comment).
/// Throws orgnet::invalid_argument naming the field for: damping outside
/// [0, 1); a personalization or dangling_weights vector of the wrong length,
/// with a negative or non-finite value, or summing to 0; dangling_weights given
/// without DanglingPolicy::given or missing with it; a negative or non-finite
/// tolerance; negative threads. Does not throw when the iteration fails to
/// converge.
[[nodiscard]] PageRankResult pagerank(const InfluenceGraph& graph, const PageRankOptions& options = {});

}  // namespace orgnet
