#pragma once
// How an iterative algorithm ended.
//
// orgnet reports convergence and never assumes it. NetworkX raises
// PowerIterationFailedConvergence when an iteration runs out of steps; orgnet
// instead returns the last iterate with `converged == false`, so the caller
// decides whether an approximate answer is good enough (the Eigen convention:
// numerical failure is a status, not an exception).

#include <cstddef>

namespace orgnet {

struct Convergence {
  /// Iterations performed (each is one sweep over the edges).
  std::size_t iterations = 0;
  /// The stopping quantity after the last iteration. Each algorithm documents
  /// it; for eigenvector, PageRank, Katz and HITS it is the L1 norm of the
  /// change of the score vector in the last iteration. +infinity when no
  /// iteration ran (max_iterations = 0 on a non-empty graph).
  double residual = 0.0;
  /// True when the residual fell below the bound the algorithm documents
  /// within the allowed number of iterations.
  bool converged = false;
};

}  // namespace orgnet
