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
// Method: Lanczos iteration on the symmetric matrix A^T A (restarted every 20
// steps from the current Ritz vector), started from A^T 1: the authorities one
// power step from uniform hubs. Basis vectors come from the three-term
// recurrence while the top Ritz vector is far from converged (the basis stays
// semi-orthogonal, Paige's theorem) and are reorthogonalized against the whole
// basis once its relative residual drops below 1e-6, so no spurious copies of
// the top value appear; a test checks the reported residual against the
// answer itself. Each
// iteration costs one product with A^T A, like one step of the power method,
// but far fewer are needed when sigma_2 is close to sigma_1 (uk_faculty,
// weighted: 20 instead of 493). The residual is ||A^T A a - theta a||_1 /
// theta for the current authority vector a (sum 1) and theta its Rayleigh
// quotient, i.e. the L1 change one more power step would make; the
// iteration stops when it is below n * tolerance, the criterion of orgnet's
// other spectral measures. Then h = A a, scaled to sum 1. If the residual
// stops improving for three restarts (rounding level) the iteration ends with
// converged = false. NetworkX 2.8 computes the same vectors with a sparse SVD
// (scipy's svds); igraph scales them to maximum 1 instead of sum 1.
//
// Degenerate cases. Empty graph: empty vectors, converged. No ties (this
// includes one person): every hub and authority score is 1/n, converged after
// 0 iterations (igraph's convention; NetworkX divides by zero). A person with no
// in-edges has authority 0; one with no out-edges has hub score 0. When the top
// singular value is repeated (e.g. two identical separate groups) the vectors
// are not unique; orgnet returns the one the power method would reach from its
// uniform start, the normalized projection of A^T 1 on the top singular space
// (NetworkX's depends on svds' random start).
//
// Parallelism: pull-style products (A^T from in-edges, A from out-edges) and
// fixed-order block sums (dot products included): bit-identical results for
// every thread count.
//
// References: J. M. Kleinberg, "Authoritative sources in a hyperlinked
// environment", Journal of the ACM 46(5), 1999. doi:10.1145/324133.324140.
// Lanczos: G. H. Golub and C. F. Van Loan, Matrix Computations, 4th ed.,
// sections 10.1-10.3, 2013.
//
// Complexity: O((m + 20 n) * iterations) time, O(m + 20 n) extra memory (the
// Lanczos basis holds up to 20 vectors of n values).

#include <cstddef>
#include <vector>

#include "orgnet/centrality/convergence.hpp"
#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

struct HitsOptions {
  /// Read strengths as edge weights (true) or count every edge as 1 (false).
  bool weighted = true;
  /// Stop when ||A^T A a - theta a||_1 / theta < n * tolerance (a summing to
  /// 1). Finite, >= 0.
  double tolerance = 1e-10;
  /// At most this many products with A^T A (0 returns the start, A^T 1
  /// scaled to sum 1, and A of it, unconverged).
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
