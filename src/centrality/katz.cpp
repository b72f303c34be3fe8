#include "orgnet/centrality/katz.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "orgnet/error.hpp"
#include "orgnet/structure/components.hpp"
#include "spectral_kernels.hpp"

namespace orgnet {

namespace {

using namespace detail::spectral;
constexpr const char* function = "katz_centrality";

[[noreturn]] void throw_divergent(double alpha, double lower, double upper, bool weighted) {
  // lambda_max lies in [lower, upper]; give 6 significant digits when the
  // bracket is that tight, else the bracket.
  const double estimate = 0.5 * (lower + upper);
  std::string radius;
  if (upper - lower <= 1e-6 * upper) {
    radius = "1/lambda_max = " + number_text(1.0 / estimate, 6) + " (lambda_max = " + number_text(estimate, 6);
  } else {
    radius = "1/lambda_max, which lies in [" + number_text(1.0 / upper, 6) + ", " + number_text(1.0 / lower, 6) +
             "] (lambda_max in [" + number_text(lower, 6) + ", " + number_text(upper, 6) + "]";
  }
  throw invalid_argument(std::string(function) + ": alpha = " + number_text(alpha) + " is not below " + radius +
                         ", the spectral radius of the " + (weighted ? "strength-weighted" : "unweighted") +
                         " adjacency matrix); the Katz series diverges, choose a smaller alpha");
}

/// Throws when alpha >= 1 / lambda_max (see katz.hpp). lambda_max is the
/// largest spectral radius of a strongly connected part; on each part P the
/// Collatz-Wielandt bounds min_v (A_P x)_v / x_v <= rho(A_P) <= max_v (...)
/// hold for any positive x and tighten under power iteration with A_P + I.
void check_alpha(const InfluenceGraph& graph, const CsrView& transposed, double alpha, bool weighted,
                 std::size_t max_iterations, int threads) {
  const std::size_t n = graph.num_vertices();
  if (alpha == 0.0 || graph.num_edges() == 0) return;

  // Cheap bound: rho <= the largest row sum of A and of A^T.
  const CsrView forward = out_edges_view(graph, weighted);
  double max_in = 0.0;
  double max_out = 0.0;
  for (std::size_t v = 0; v < n; ++v) {
    max_in = std::max(max_in, transposed.row_sum(v));
    max_out = std::max(max_out, forward.row_sum(v));
  }
  if (alpha * std::min(max_in, max_out) < 1.0) return;

  // Power iteration on the strongly connected parts with a cycle (size >= 2:
  // the graph has no self-loops), edges between parts removed.
  const ComponentsResult parts = strong_components(graph);
  const std::size_t count = parts.count();
  const auto& part = parts.component;
  bool any_cycle = false;
  for (std::size_t size : parts.sizes) any_cycle = any_cycle || size >= 2;
  if (!any_cycle) return;  // acyclic: lambda_max = 0

  // active: on a cycle. x > 0 on active vertices (an entry that underflowed
  // to 0 makes its ratio infinite, which keeps the upper bound valid).
  std::vector<char> active(n);
  std::vector<double> x(n);
  for (std::size_t v = 0; v < n; ++v) {
    active[v] = parts.sizes[part[v]] >= 2 ? 1 : 0;
    x[v] = active[v] ? 1.0 : 0.0;
  }
  std::vector<double> ratio(n, 0.0);  // (A_P x)_v / x_v
  std::vector<double> lo(count);
  std::vector<double> hi(count);
  std::vector<double> top(count);
  Blocks blocks(transposed.offsets, threads);  // cut by work: see Blocks
  const std::size_t limit = std::max<std::size_t>(max_iterations, 1);
  double lower = 0.0;
  double upper = 0.0;
  bool diverges = false;
  std::size_t refine = 0;  // iterations spent sharpening the bracket for the message
  for (std::size_t it = 0; it < limit; ++it) {
    blocks.run([&](std::size_t begin, std::size_t end, std::size_t) {
      for (std::size_t v = begin; v < end; ++v) {
        if (!active[v]) continue;
        double s = 0.0;
        for (edge_id k = transposed.offsets[v]; k < transposed.offsets[v + 1]; ++k) {
          const vertex_id u = transposed.columns[k];
          if (part[u] != part[v]) continue;
          s += transposed.weight(v, k) * x[u];
        }
        ratio[v] = x[v] > 0.0 ? s / x[v] : std::numeric_limits<double>::infinity();
      }
    });
    std::fill(lo.begin(), lo.end(), std::numeric_limits<double>::infinity());
    std::fill(hi.begin(), hi.end(), 0.0);
    for (std::size_t v = 0; v < n; ++v) {
      if (!active[v]) continue;
      lo[part[v]] = std::min(lo[part[v]], ratio[v]);
      hi[part[v]] = std::max(hi[part[v]], ratio[v]);
    }
    lower = 0.0;
    upper = 0.0;
    for (std::size_t c = 0; c < count; ++c) {
      if (parts.sizes[c] < 2) continue;
      lower = std::max(lower, lo[c]);
      upper = std::max(upper, hi[c]);
    }
    if (!diverges && alpha * upper < 1.0) return;
    // Diverges: alpha >= 1 / lower >= 1 / lambda_max, or alpha is within a
    // relative 1e-12 of 1 / lambda_max. Then sharpen the bracket a little for
    // the message.
    if (alpha * lower >= 1.0 || upper - lower <= 1e-12 * upper) diverges = true;
    if (diverges && (upper - lower <= 1e-9 * upper || ++refine > 200)) break;
    // x <- (A_P + I) x, scaled to maximum 1 on each part.
    std::fill(top.begin(), top.end(), 0.0);
    for (std::size_t v = 0; v < n; ++v) {
      if (!active[v]) continue;
      x[v] = x[v] > 0.0 ? x[v] * (1.0 + ratio[v]) : 0.0;
      top[part[v]] = std::max(top[part[v]], x[v]);
    }
    for (std::size_t v = 0; v < n; ++v) {
      if (active[v] && top[part[v]] > 0.0) x[v] /= top[part[v]];
    }
  }
  if (diverges) throw_divergent(alpha, lower, upper, weighted);
  // Undecided within the budget: alpha is very close to 1/lambda_max. The Katz
  // iteration runs and reports whether it converged.
}

}  // namespace

KatzResult katz_centrality(const InfluenceGraph& graph, const KatzOptions& options) {
  const std::size_t n = graph.num_vertices();
  const double alpha = options.alpha;
  if (!std::isfinite(alpha) || alpha < 0.0) {
    throw invalid_argument(std::string(function) + ": alpha = " + number_text(alpha) + " must be finite and >= 0");
  }
  if (!std::isfinite(options.beta)) {
    throw invalid_argument(std::string(function) + ": beta = " + number_text(options.beta) + " must be finite");
  }
  if (!options.beta_per_vertex.empty()) {
    (void)check_vertex_vector(function, "beta_per_vertex", options.beta_per_vertex, n, /*non_negative=*/false,
                              /*positive_sum=*/false);
  }
  check_tolerance(function, options.tolerance);
  check_threads(function, options.threads);

  KatzResult result;
  if (n == 0) {
    result.convergence = {.iterations = 0, .residual = 0.0, .converged = true};
    return result;
  }
  const int threads = thread_count(options.threads, n + graph.num_edges());
  const FlowViews views = flow_views(graph, options.flow, options.weighted);
  const CsrView& transposed = views.pull;  // received: row v holds edges u -> v
  // lambda_max of A and of its transpose are equal, so the check is the same
  // for both flows.
  check_alpha(graph, transposed, alpha, options.weighted, options.max_iterations, threads);

  const bool per_vertex = !options.beta_per_vertex.empty();
  const double* beta = per_vertex ? options.beta_per_vertex.data() : nullptr;
  // x^0 = 0 (NetworkX's start); x^{k+1} = alpha A^T x^k + beta.
  std::vector<double> x(n, 0.0);
  std::vector<double> next(n);
  Blocks blocks(transposed.offsets, threads);  // cut by work: see Blocks
  const double bound = static_cast<double>(n) * options.tolerance;
  iterate(result.convergence, options.max_iterations, bound, [&] {
    const double change = blocks.sum([&](std::size_t begin, std::size_t end) {
      double s = 0.0;
      for (std::size_t v = begin; v < end; ++v) {
        const double value = alpha * transposed.row_dot(v, x.data()) + (per_vertex ? beta[v] : options.beta);
        next[v] = value;
        s += std::abs(value - x[v]);
      }
      return s;
    });
    std::swap(x, next);
    return change;
  });
  if (options.normalized) {
    const double squares = blocks.sum([&](std::size_t begin, std::size_t end) {
      double s = 0.0;
      for (std::size_t v = begin; v < end; ++v) s += x[v] * x[v];
      return s;
    });
    if (squares > 0.0) {
      const double scale = 1.0 / std::sqrt(squares);
      for (double& value : x) value *= scale;
    }
  }
  result.score = std::move(x);
  return result;
}

}  // namespace orgnet
