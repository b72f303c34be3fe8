#include "orgnet/centrality/pagerank.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <span>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <Eigen/Dense>

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

using detail::spectral::Blocks;
using detail::spectral::CsrView;
using detail::spectral::dot;

/// `values` rescaled to sum 1, or uniform 1/n when empty.
std::vector<double> distribution(const std::vector<double>& values, double sum, std::size_t n) {
  if (values.empty()) return std::vector<double>(n, 1.0 / static_cast<double>(n));
  std::vector<double> out(values);
  for (double& x : out) x /= sum;
  return out;
}

/// Power steps per extrapolation: after this many steps (differences u_0..u_3
/// of five iterates) the next iterate is extrapolated from them.
constexpr std::size_t extrapolation_window = 4;

/// The PageRank walk. One power step maps x to
///   step(x) = damping * (P^T x + D(x) d) + (1 - damping) p,
/// P^T x formed as the sum over in-edges of y_u = x_u * inv_out[u] times the
/// edge weight the pull view gives (see pagerank() for inv_out), D(x) the
/// mass of the dangling people. PageRank is the fixed point.
struct Walk {
  CsrView pull;
  std::span<const double> inv_out;
  std::span<const char> is_dangling;
  std::span<const double> p;
  std::span<const double> d;
  double damping;
};

/// y = v * inv_out (per person) and the dangling mass of v, in one pass.
double prepare(const Walk& walk, Blocks& blocks, const std::vector<double>& v, std::vector<double>& y) {
  return blocks.sum([&](std::size_t begin, std::size_t end) {
    double mass = 0.0;
    for (std::size_t i = begin; i < end; ++i) {
      y[i] = v[i] * walk.inv_out[i];
      if (walk.is_dangling[i]) mass += v[i];
    }
    return mass;
  });
}

/// The weights gamma (summing to 1) that minimize ||sum_i gamma_i u_i||_2,
/// from the Gram matrix G_ij = u_i' u_j: gamma = G^+ 1 / (1' G^+ 1), with
/// the pseudo-inverse cutting eigenvalues below 1e-14 of the largest (the
/// differences become nearly parallel as the iteration converges). Empty
/// when there is nothing to solve (every difference is 0).
std::vector<double> extrapolation_weights(
    const Eigen::Matrix<double, extrapolation_window, extrapolation_window>& gram) {
  const Eigen::SelfAdjointEigenSolver<Eigen::Matrix<double, extrapolation_window, extrapolation_window>> eigen(gram);
  const auto& values = eigen.eigenvalues();  // ascending
  const auto& vectors = eigen.eigenvectors();
  const double largest = values[extrapolation_window - 1];
  if (!(largest > 0.0) || !std::isfinite(largest)) return {};
  Eigen::Matrix<double, extrapolation_window, 1> solution = Eigen::Matrix<double, extrapolation_window, 1>::Zero();
  const Eigen::Matrix<double, extrapolation_window, 1> ones = Eigen::Matrix<double, extrapolation_window, 1>::Ones();
  for (std::size_t i = 0; i < extrapolation_window; ++i) {
    const auto k = static_cast<Eigen::Index>(i);
    if (values[k] > 1e-14 * largest) solution += vectors.col(k) * (vectors.col(k).dot(ones) / values[k]);
  }
  const double total = solution.sum();
  if (!(std::abs(total) > 0.0) || !std::isfinite(total)) return {};
  std::vector<double> gamma(extrapolation_window);
  for (std::size_t i = 0; i < extrapolation_window; ++i) gamma[i] = solution[static_cast<Eigen::Index>(i)] / total;
  return gamma;
}

/// Power iteration accelerated by reduced rank extrapolation (RRE), from x.
///
/// Every product is a plain power step x' = step(x), as in networkx.pagerank,
/// and the iteration stops on the same rule: ||x' - x||_1 < bound; the result
/// is that x'. Every `extrapolation_window` steps, the next iterate is instead
/// the combination sum_i gamma_i x_{i+1} of the window's iterates whose
/// differences u_i = x_{i+1} - x_i combine to the smallest residual (RRE; for
/// a linear iteration it is GMRES on the same Krylov space). The Gram matrix
/// of the differences is accumulated in the power steps themselves, so the
/// extra cost is one pass over the window's vectors per window. An
/// extrapolation whose next step changes more than the step before it is
/// undone (the iteration continues from the iterate it replaced), so it can
/// only help.
///
/// Why. The walk of an organization has a few eigenvalues near 1 (tightly knit
/// groups); plain power iteration shrinks the error by the largest of them
/// (times damping) per step, the extrapolation removes those few slow modes.
/// email-Eu-core needs 29 products instead of 55 for the same bound.
void accelerated_power_iteration(const Walk& walk, Blocks& heavy, Blocks& light, std::vector<double>& x, double bound,
                                 std::size_t max_iterations, Convergence& convergence) {
  constexpr std::size_t window = extrapolation_window;
  const std::size_t n = x.size();
  const std::size_t block_count = heavy.count();
  convergence.residual = std::numeric_limits<double>::infinity();
  // iterates[0] is the window's start; step i writes iterates[i + 1] and
  // differences[i].
  std::vector<std::vector<double>> iterates(window + 1, std::vector<double>(n));
  std::vector<std::vector<double>> differences(window, std::vector<double>(n));
  iterates[0] = std::move(x);
  std::vector<double> y(n);
  std::vector<double> next_y(n);
  std::vector<double> parts(block_count * (window + 2));
  Eigen::Matrix<double, window, window> gram;
  double mass = prepare(walk, light, iterates[0], y);
  double undo_above = std::numeric_limits<double>::infinity();  // change that rejects the last extrapolation
  const double restart = 1.0 - walk.damping;
  std::size_t j = 0;  // steps taken in the current window
  while (convergence.iterations < max_iterations) {
    const std::vector<double>& current = iterates[j];
    std::vector<double>& next = iterates[j + 1];
    std::vector<double>& u = differences[j];
    // One power step; per block: the change's L1 norm, the next dangling mass
    // and the products u_j' u_i (i <= j), added in block order below.
    const std::size_t stride = j + 3;
    // The products u_j' u_i accumulate in the step's own loop (J = j known at
    // compile time, so they unroll): separate passes would read u_j again.
    auto power_step = [&]<std::size_t J>(std::integral_constant<std::size_t, J>) {
      heavy.run([&](std::size_t begin, std::size_t end, std::size_t b) {
        double change = 0.0;
        double dangling = 0.0;
        std::array<double, J + 1> gram_row{};
        // value = damping * (row_dot + mass d_v) + restart p_v, with the part
        // that does not depend on the row's sum added last: the sum is the
        // long dependency chain of the loop.
        // Raw pointers in locals: the stores below are doubles, and the
        // compiler then need not reload any array's address after them.
        const double shift = walk.damping * mass;
        const double damping = walk.damping;
        const CsrView rows = walk.pull;
        const double* in = y.data();
        const double* d = walk.d.data();
        const double* p = walk.p.data();
        const double* inv_out = walk.inv_out.data();
        const char* is_dangling = walk.is_dangling.data();
        const double* from = current.data();
        double* to = next.data();
        double* to_y = next_y.data();
        double* step = u.data();
        std::array<const double*, J> earlier{};
        for (std::size_t i = 0; i < J; ++i) earlier[i] = differences[i].data();
        for (std::size_t v = begin; v < end; ++v) {
          const double fixed = shift * d[v] + restart * p[v];
          const double value = damping * rows.row_dot(v, in) + fixed;
          to[v] = value;
          to_y[v] = value * inv_out[v];
          dangling += is_dangling[v] ? value : 0.0;
          const double delta = value - from[v];
          step[v] = delta;
          change += std::abs(delta);
          for (std::size_t i = 0; i < J; ++i) gram_row[i] += earlier[i][v] * delta;
          gram_row[J] += delta * delta;
        }
        double* part = parts.data() + b * stride;
        part[0] = change;
        part[1] = dangling;
        for (std::size_t i = 0; i <= J; ++i) part[2 + i] = gram_row[i];
      });
    };
    static_assert(window == 4);
    switch (j) {
      case 0:
        power_step(std::integral_constant<std::size_t, 0>{});
        break;
      case 1:
        power_step(std::integral_constant<std::size_t, 1>{});
        break;
      case 2:
        power_step(std::integral_constant<std::size_t, 2>{});
        break;
      default:
        power_step(std::integral_constant<std::size_t, 3>{});
        break;
    }
    ++convergence.iterations;
    std::array<double, window + 2> sums{};
    for (std::size_t b = 0; b < block_count; ++b) {
      for (std::size_t t = 0; t < stride; ++t) sums[t] += parts[b * stride + t];
    }
    const double change = sums[0];
    convergence.residual = change;
    std::swap(y, next_y);
    mass = sums[1];
    if (change < bound) {
      convergence.converged = true;
      x = std::move(next);
      return;
    }
    if (j == 0 && change > undo_above) {
      // The extrapolation did not help: continue from the iterate it replaced
      // (kept in iterates[window] until this step overwrote iterates[1]).
      undo_above = std::numeric_limits<double>::infinity();
      std::swap(iterates[0], iterates[window]);
      mass = prepare(walk, light, iterates[0], y);
      continue;
    }
    undo_above = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i <= j; ++i) {
      const auto a = static_cast<Eigen::Index>(i);
      const auto c = static_cast<Eigen::Index>(j);
      gram(a, c) = gram(c, a) = sums[2 + i];
    }
    if (++j < window) continue;
    // Window full: start the next one from the extrapolated iterate (into
    // iterates[0]; iterates[window], the plain iterate, is kept for undoing).
    j = 0;
    const std::vector<double> gamma = extrapolation_weights(gram);
    if (gamma.empty()) {
      std::swap(iterates[0], iterates[window]);
      continue;  // y and mass already belong to iterates[window]
    }
    mass = light.sum([&](std::size_t begin, std::size_t end) {
      double dangling = 0.0;
      double* target = iterates[0].data();
      for (std::size_t v = begin; v < end; ++v) target[v] = 0.0;
      for (std::size_t i = 0; i < window; ++i) {
        const double g = gamma[i];
        const double* source = iterates[i + 1].data();
        for (std::size_t v = begin; v < end; ++v) target[v] += g * source[v];
      }
      for (std::size_t v = begin; v < end; ++v) {
        y[v] = target[v] * walk.inv_out[v];
        if (walk.is_dangling[v]) dangling += target[v];
      }
      return dangling;
    });
    undo_above = change;
  }
  x = std::move(iterates[j]);
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

  // inv_out[u] = 1 / W(u), W(u) the weight u sends its score along
  // (out-weight for flow received, in-weight for exerted), or 0 for a
  // dangling person. When each person's pushed edges all carry one strength
  // c_u (push rows shared; e.g. influence exerted on a weighted-cascade
  // graph), the pulled entry (v, u) weighs c_u: inv_out[u] = c_u / W(u)
  // instead, and the pull reads no strengths.
  FlowViews views = flow_views(graph, options.flow, options.weighted);
  const std::span<const double> column_weights =
      views.pull.weights.empty() ? std::span<const double>() : views.push.row_weights;
  if (!column_weights.empty()) views.pull.weights = {};
  std::vector<double> inv_out(n);
  std::vector<char> is_dangling(n, 0);
  for (std::size_t u = 0; u < n; ++u) {
    const double w = views.push.row_sum(u);
    if (w > 0.0) {
      inv_out[u] = (column_weights.empty() ? 1.0 : column_weights[u]) / w;
    } else {
      is_dangling[u] = 1;
    }
  }

  const Walk walk{
      .pull = views.pull, .inv_out = inv_out, .is_dangling = is_dangling, .p = p, .d = d, .damping = damping};
  std::vector<double> x = p;  // the start: the restart distribution (exact zeros stay exact)
  const double bound = static_cast<double>(n) * options.tolerance;
  Blocks heavy(views.pull.offsets, threads);  // products: cut by work
  Blocks light(n, thread_count(options.threads, n));
  accelerated_power_iteration(walk, heavy, light, x, bound, options.max_iterations, result.convergence);
  // The solution is a distribution. Entries that are tiny in the limit may
  // carry rounding noise of either sign: cut to 0 and rescale to sum 1.
  double total = 0.0;
  for (double& v : x) {
    v = std::max(v, 0.0);
    total += v;
  }
  if (total > 0.0) {
    for (double& v : x) v /= total;
  }
  result.score = std::move(x);
  return result;
}

}  // namespace orgnet
