#pragma once
// HITS hubs and authorities.
//
// Definition. With A[u][v] = w(u, v) for each edge u -> v (w = strength s, or
// 1 when unweighted), hubs h and authorities a satisfy
//     a = A^T h   (an authority is influenced by good hubs),
//     h = A a     (a hub influences good authorities),
// so a is the principal eigenvector of A^T A and h that of A A^T (the leading
// right and left singular vectors of A). Like NetworkX, each vector is
// normalized to sum 1. Everyone's scores are >= 0.
//
// Method: power iteration from the uniform hub vector 1/n: a' = A^T h scaled to
// sum 1, then h' = A a' scaled to sum 1. The residual is
// max(||h' - h||_1, ||a' - a||_1) (the first iteration compares a' with 0);
// the iteration stops when it is below n * tolerance, the criterion of orgnet's
// other spectral measures. Convergence is geometric with ratio
// (sigma_2 / sigma_1)^2. NetworkX 2.8 computes the same vectors with a sparse
// SVD (scipy's svds); igraph scales them to maximum 1 instead of sum 1.
//
// Degenerate cases. Empty graph: empty vectors, converged. No ties (this
// includes one person): every hub and authority score is 1/n, converged after
// 0 iterations (igraph's convention; NetworkX divides by zero). A person with no
// in-edges has authority 0; one with no out-edges has hub score 0. When the top
// singular value is repeated (e.g. two identical separate groups) the vectors
// are not unique; orgnet returns the limit from its uniform start (NetworkX's
// depends on svds' random start).
//
// Parallelism: pull-style products (authorities from in-edges, hubs from
// out-edges) and fixed-order block sums: bit-identical results for every
// thread count.
//
// Reference: J. M. Kleinberg, "Authoritative sources in a hyperlinked
// environment", Journal of the ACM 46(5), 1999. doi:10.1145/324133.324140.
//
// Complexity: O((n + m) * iterations) time, O(n + m) extra memory.

#include <cstddef>
#include <vector>

#include "orgnet/centrality/convergence.hpp"
#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

struct HitsOptions {
  /// Read strengths as edge weights (true) or count every edge as 1 (false).
  bool weighted = true;
  /// Stop when max(||h' - h||_1, ||a' - a||_1) < n * tolerance. Finite, >= 0.
  double tolerance = 1e-10;
  /// At most this many iterations.
  std::size_t max_iterations = 1000;
  /// Threads for the products (0 = OpenMP's default; small graphs use one).
  int threads = 0;
};

struct HitsResult {
  /// Hub score of each vertex (sums to 1), indexed by vertex id.
  std::vector<double> hubs;
  /// Authority score of each vertex (sums to 1), indexed by vertex id.
  std::vector<double> authorities;
  Convergence convergence;
};

/// Hub and authority scores of every person (see the header comment).
/// Throws orgnet::invalid_argument for a negative or non-finite tolerance or
/// negative threads. Does not throw when the iteration fails to converge.
[[nodiscard]] HitsResult hits(const InfluenceGraph& graph, const HitsOptions& options = {});

}  // namespace orgnet
