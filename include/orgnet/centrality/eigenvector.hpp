#pragma once
// Eigenvector centrality: a person matters when people who matter influence
// them.
//
// Definition (NetworkX's in-edge convention for directed graphs). x is the
// Perron eigenvector of the transposed adjacency matrix,
//     lambda x_v = sum over edges u -> v of w(u, v) x_u,
// with w(u, v) = s(u, v), the strength (`weighted`, the default) or 1
// (unweighted). So scores flow along influence: being influenced by central
// people makes you central. Scores are non-negative and normalized to unit
// Euclidean norm, like networkx.eigenvector_centrality.
//
// Method: power iteration exactly as NetworkX performs it, so both libraries
// reach the same vector, including on graphs where the eigenvector is not
// unique: start from the uniform vector 1/n; each iteration computes
// x' = (A^T + I) x (the shift by I avoids oscillation on periodic graphs,
// e.g. a directed cycle), then x' / ||x'||_2. The residual is ||x' - x||_1;
// the iteration stops when it is below n * tolerance (NetworkX's criterion).
// The default tolerance 1e-10 is stricter than NetworkX's 1e-6; pass
// tolerance = 1e-6 and max_iterations = 100 to stop where NetworkX stops.
// Convergence is geometric with ratio (1 + |lambda_2|) / (1 + lambda_1), which
// can be slow when the graph nearly splits into parts of equal weight.
//
// Degenerate cases.
//   * Empty graph: empty score, converged after 0 iterations.
//   * One person, or no ties: every score 1/sqrt(n) (converged).
//   * No directed cycle (e.g. a chain a -> b, or a star): the adjacency matrix
//     is nilpotent, there is no positive eigenvector, and the iterates drift
//     slowly (polynomially) towards the people at the ends of the longest
//     chains: the result has converged = false, where NetworkX raises
//     PowerIterationFailedConvergence. The score is the last iterate.
//   * Several strongly connected parts: people not downstream of the part(s)
//     with the largest eigenvalue tend to 0. When two separate parts share the
//     largest eigenvalue the limit depends on the start vector; orgnet and
//     NetworkX start alike and agree.
//
// Parallelism: the product is computed pull-style (each score from its
// in-edges, by one thread) and sums are taken over fixed blocks in a fixed
// order, so results are bit-identical for every thread count.
//
// Reference: P. Bonacich, "Power and centrality: a family of measures",
// American Journal of Sociology 92(5), 1987. doi:10.1086/228631.
//
// Complexity: O((n + m) * iterations) time, O(n + m) extra memory (O(n) when
// unweighted).

#include <cstddef>
#include <vector>

#include "orgnet/centrality/convergence.hpp"
#include "orgnet/centrality/flow.hpp"
#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

struct EigenvectorOptions {
  /// Read strengths as edge weights (true) or count every edge as 1 (false,
  /// NetworkX's weight=None).
  bool weighted = true;
  /// received (NetworkX's convention, the default) or exerted (score flows
  /// against the influence edges: whom the organization listens to; equals
  /// NetworkX on the reversed graph). See centrality/flow.hpp.
  InfluenceFlow flow = InfluenceFlow::received;
  /// Stop when ||x' - x||_1 < n * tolerance. Must be finite and >= 0.
  double tolerance = 1e-10;
  /// At most this many iterations (0 returns the start vector, unconverged).
  std::size_t max_iterations = 1000;
  /// Threads for the products (0 = OpenMP's default; small graphs use one).
  int threads = 0;
};

struct EigenvectorResult {
  /// Score of each vertex (unit Euclidean norm, >= 0), indexed by vertex id.
  std::vector<double> score;
  Convergence convergence;
};

/// Eigenvector centrality of every person (see the header comment).
/// Throws orgnet::invalid_argument for a negative or non-finite tolerance or
/// negative threads. Does not throw when the iteration fails to converge.
[[nodiscard]] EigenvectorResult eigenvector_centrality(const InfluenceGraph& graph,
                                                       const EigenvectorOptions& options = {});

}  // namespace orgnet
