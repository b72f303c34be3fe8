#include "orgnet/centrality/pagerank.hpp"

#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "orgnet/error.hpp"
#include "spectral_kernels.hpp"

namespace orgnet {

std::string_view to_string(DanglingPolicy policy) {
  switch (policy) {
    case DanglingPolicy::personalization:
      return "personalization";
    case DanglingPolicy::uniform:
      return "uniform";
    case DanglingPolicy::given:
      return "given";
  }
  return "?";
}

DanglingPolicy parse_dangling_policy(std::string_view text) {
  for (auto p : {DanglingPolicy::personalization, DanglingPolicy::uniform, DanglingPolicy::given}) {
    if (text == to_string(p)) return p;
  }
  throw invalid_argument("unknown dangling policy '" + std::string(text) +
                         "' (expected personalization, uniform or given)");
}

namespace {

/// `values` rescaled to sum 1, or uniform 1/n when empty.
std::vector<double> distribution(const std::vector<double>& values, double sum, std::size_t n) {
  if (values.empty()) return std::vector<double>(n, 1.0 / static_cast<double>(n));
  std::vector<double> out(values);
  for (double& x : out) x /= sum;
  return out;
}

}  // namespace

PageRankResult pagerank(const InfluenceGraph& graph, const PageRankOptions& options) {
  using namespace detail::spectral;
  constexpr const char* function = "pagerank";
  const std::size_t n = graph.num_vertices();
  const double damping = options.damping;
  if (!(damping >= 0.0 && damping < 1.0)) {
    throw invalid_argument(std::string(function) + ": damping = " + number_text(damping) + " must lie in [0, 1)");
  }
  double personalization_sum = 0.0;
  if (!options.personalization.empty()) {
    personalization_sum = check_vertex_vector(function, "personalization", options.personalization, n,
                                              /*non_negative=*/true, /*positive_sum=*/true);
  }
  double dangling_sum = 0.0;
  if (options.dangling == DanglingPolicy::given) {
    if (options.dangling_weights.empty() && n > 0) {
      throw invalid_argument(std::string(function) +
                             ": dangling = given needs dangling_weights (one weight per person)");
    }
    dangling_sum = check_vertex_vector(function, "dangling_weights", options.dangling_weights, n,
                                       /*non_negative=*/true, /*positive_sum=*/n > 0);
  } else if (!options.dangling_weights.empty()) {
    throw invalid_argument(std::string(function) + ": dangling_weights are only read when dangling = given (got " +
                           std::string(to_string(options.dangling)) + ")");
  }
  check_tolerance(function, options.tolerance);
  check_threads(function, options.threads);

  PageRankResult result;
  if (n == 0) {
    result.convergence = {.iterations = 0, .residual = 0.0, .converged = true};
    return result;
  }
  const int threads = thread_count(options.threads, n + graph.num_edges());

  // p: restart distribution; d: where dangling mass goes.
  const std::vector<double> p = distribution(options.personalization, personalization_sum, n);
  std::vector<double> d;
  switch (options.dangling) {
    case DanglingPolicy::personalization:
      d = p;
      break;
    case DanglingPolicy::uniform:
      d.assign(n, 1.0 / static_cast<double>(n));
      break;
    case DanglingPolicy::given:
      d = distribution(options.dangling_weights, dangling_sum, n);
      break;
  }

  // inv_out[u] = 1 / W(u), the weight u sends its score along (out-weight for
  // flow received, in-weight for exerted), or 0 for a dangling person.
  const FlowViews views = flow_views(graph, options.flow, options.weighted);
  const CsrView& transposed = views.pull;  // received: row v holds edges u -> v
  std::vector<double> inv_out(n);
  std::vector<char> is_dangling(n, 0);
  for (std::size_t u = 0; u < n; ++u) {
    double w = 0.0;
    const edge_id begin = views.push.offsets[u], end = views.push.offsets[u + 1];
    if (views.push.weights.empty()) {
      w = static_cast<double>(end - begin);
    } else {
      for (edge_id k = begin; k < end; ++k) w += views.push.weights[k];
    }
    if (w > 0.0) {
      inv_out[u] = 1.0 / w;
    } else {
      is_dangling[u] = 1;
    }
  }

  // x: current scores; y[u] = x[u] / W(u), the mass u sends along each unit of
  // weight; D: the total score of the dangling people. One pass per iteration
  // forms the new scores, their change, the next y and the next D.
  std::vector<double> x(n, 1.0 / static_cast<double>(n));
  std::vector<double> y(n);
  std::vector<double> next(n);
  std::vector<double> next_y(n);
  double dangling_mass = 0.0;
  for (std::size_t u = 0; u < n; ++u) {
    y[u] = x[u] * inv_out[u];
    if (is_dangling[u]) dangling_mass += x[u];
  }
  Blocks blocks(n, threads);
  const double bound = static_cast<double>(n) * options.tolerance;
  const double restart = 1.0 - damping;
  iterate(result.convergence, options.max_iterations, bound, [&] {
    const auto [change, next_dangling_mass] =
        blocks.sum2([&](std::size_t begin, std::size_t end, double& change_part, double& dangling_part) {
          for (std::size_t v = begin; v < end; ++v) {
            const double value = damping * (transposed.row_dot(v, y.data()) + dangling_mass * d[v]) + restart * p[v];
            next[v] = value;
            next_y[v] = value * inv_out[v];
            if (is_dangling[v]) dangling_part += value;
            change_part += std::abs(value - x[v]);
          }
        });
    std::swap(x, next);
    std::swap(y, next_y);
    dangling_mass = next_dangling_mass;
    return change;
  });
  result.score = std::move(x);
  return result;
}

}  // namespace orgnet
