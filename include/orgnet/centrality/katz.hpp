#pragma once
// Katz centrality: influence that reaches a person along chains of every
// length, longer chains counting less.
//
// Definition (NetworkX's katz_centrality, in-edge convention). x solves
//     x_v = alpha * sum over edges u -> v of w(u, v) x_u  +  beta_v,
// i.e. x = (I - alpha A^T)^{-1} beta = sum_k alpha^k (A^T)^k beta: each chain of
// k influence steps ending at v contributes alpha^k times the product of its
// weights. w(u, v) is the strength s(u, v) (`weighted`, the default) or 1.
// beta is the same for everyone (`beta`) or given per vertex
// (`beta_per_vertex`). With `normalized` (the default, as in NetworkX) x is
// scaled to unit Euclidean norm; otherwise it is the raw solution.
//
// The series converges only when alpha < 1 / lambda_max, lambda_max being the
// spectral radius of the (weighted or unweighted) adjacency matrix. orgnet
// checks this first and throws orgnet::invalid_argument naming alpha and
// 1/lambda_max otherwise (NetworkX iterates until max_iter and raises
// PowerIterationFailedConvergence). The check is cheap when
// alpha * min(largest in-sum, largest out-sum of weights) < 1 (those bound
// lambda_max); otherwise lambda_max is bracketed by power iteration on each
// strongly connected part (Collatz-Wielandt bounds), stopping as soon as the
// bracket decides. If alpha lies within a relative 1e-12 of 1/lambda_max the
// call throws too (the series would converge too slowly to be of use). If the
// bracket stays undecided after max_iterations products, the Katz iteration
// runs anyway and reports whether it converged.
//
// Method: the Jacobi iteration NetworkX uses: x^0 = 0,
// x^{k+1} = alpha A^T x^k + beta. The residual is ||x^{k+1} - x^k||_1 on the
// unnormalized vector; the iteration stops when it is below n * tolerance
// (NetworkX's criterion). The error shrinks by about alpha * lambda_max per
// iteration. The default tolerance 1e-10 is stricter than NetworkX's 1e-6.
//
// Degenerate cases. Empty graph: empty score, converged. No ties or no
// directed cycle: lambda_max = 0, every alpha >= 0 is accepted (a chain of
// length L converges in L + 1 iterations). beta all zero: every score is 0
// (normalization leaves the zero vector alone, as in NetworkX).
//
// Parallelism: pull-style products and fixed-order block sums; bit-identical
// results for every thread count.
//
// Reference: L. Katz, "A new status index derived from sociometric analysis",
// Psychometrika 18(1), 1953. doi:10.1007/BF02289026.
//
// Complexity: O((n + m) * iterations) time, plus a strong-components pass and
// a few products when the cheap bound does not settle alpha; O(n + m) extra
// memory.

#include <cstddef>
#include <vector>

#include "orgnet/centrality/convergence.hpp"
#include "orgnet/centrality/flow.hpp"
#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

struct KatzOptions {
  /// Attenuation per step; >= 0 and below 1 / lambda_max.
  double alpha = 0.1;
  /// Score every person gets by themselves (used when beta_per_vertex is empty).
  double beta = 1.0;
  /// Per-vertex beta, by vertex id (n finite values), or empty to use `beta`.
  std::vector<double> beta_per_vertex = {};
  /// Read strengths as edge weights (true) or count every edge as 1 (false).
  bool weighted = true;
  /// received (NetworkX's convention, the default) or exerted (score flows
  /// against the influence edges: whom the organization listens to; equals
  /// NetworkX on the reversed graph). See centrality/flow.hpp.
  InfluenceFlow flow = InfluenceFlow::received;
  /// Scale the result to unit Euclidean norm (NetworkX's normalized=True).
  bool normalized = true;
  /// Stop when ||x' - x||_1 < n * tolerance. Must be finite and >= 0.
  double tolerance = 1e-10;
  /// At most this many iterations (also caps the lambda_max bracketing).
  std::size_t max_iterations = 1000;
  /// Threads for the products (0 = OpenMP's default; small graphs use one).
  int threads = 0;
};

struct KatzResult {
  /// Score of each vertex, indexed by vertex id.
  std::vector<double> score;
  Convergence convergence;
};

/// Katz centrality of every person (see the header comment).
/// Throws orgnet::invalid_argument naming the field for: alpha negative, not
/// finite, or not below 1 / lambda_max (the message gives both); a non-finite
/// beta; beta_per_vertex of the wrong length or with a non-finite value; a
/// negative or non-finite tolerance; negative threads. Does not throw when the
/// iteration fails to converge.
[[nodiscard]] KatzResult katz_centrality(const InfluenceGraph& graph, const KatzOptions& options = {});

}  // namespace orgnet
