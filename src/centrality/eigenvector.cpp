#include "orgnet/centrality/eigenvector.hpp"

#include <cmath>
#include <limits>
#include <utility>

#include "spectral_kernels.hpp"

namespace orgnet {

EigenvectorResult eigenvector_centrality(const InfluenceGraph& graph, const EigenvectorOptions& options) {
  using namespace detail::spectral;
  constexpr const char* function = "eigenvector_centrality";
  check_tolerance(function, options.tolerance);
  check_threads(function, options.threads);

  EigenvectorResult result;
  const std::size_t n = graph.num_vertices();
  if (n == 0) {
    result.convergence = {.iterations = 0, .residual = 0.0, .converged = true};
    return result;
  }
  const int threads = thread_count(options.threads, n + graph.num_edges());
  const FlowViews views = flow_views(graph, options.flow, options.weighted);
  const CsrView& transposed = views.pull;  // received: row v holds edges u -> v

  // x: current iterate (NetworkX starts from 1/n); next: (A^T + I) x, then scaled.
  std::vector<double> x(n, 1.0 / static_cast<double>(n));
  std::vector<double> next(n);
  Blocks blocks(transposed.offsets, threads);  // cut by work: see Blocks
  const double bound = static_cast<double>(n) * options.tolerance;
  iterate(result.convergence, options.max_iterations, bound, [&] {
    const double squares = blocks.sum([&](std::size_t begin, std::size_t end) {
      double s = 0.0;
      for (std::size_t v = begin; v < end; ++v) {
        const double value = x[v] + transposed.row_dot(v, x.data());
        next[v] = value;
        s += value * value;
      }
      return s;
    });
    double norm = std::sqrt(squares);
    if (norm == 0.0) norm = 1.0;  // cannot happen from a positive start; as NetworkX
    const double change = blocks.sum([&](std::size_t begin, std::size_t end) {
      double s = 0.0;
      for (std::size_t v = begin; v < end; ++v) {
        next[v] /= norm;
        s += std::abs(next[v] - x[v]);
      }
      return s;
    });
    std::swap(x, next);
    return change;
  });
  result.score = std::move(x);
  return result;
}

}  // namespace orgnet
