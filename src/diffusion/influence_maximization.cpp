// IMM influence maximization (see influence_maximization.hpp).

#include "orgnet/diffusion/influence_maximization.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "live_edge.hpp"
#include "orgnet/detail/random.hpp"
#include "orgnet/diffusion/reverse_reachable.hpp"
#include "orgnet/error.hpp"

namespace orgnet {

namespace {

/// ln C(c, k).
double log_binomial(double c, double k) {
  return std::lgamma(c + 1.0) - std::lgamma(k + 1.0) - std::lgamma(c - k + 1.0);
}

// Stream keys of the three independent batches.
constexpr std::uint64_t sampling_stream = 0x494D4D2D53414D50ULL;
constexpr std::uint64_t selection_stream = 0x494D4D2D53454C45ULL;
constexpr std::uint64_t evaluation_stream = 0x494D4D2D4556414CULL;

}  // namespace

ImmResult imm_seeds(const InfluenceGraph& graph, const ImmOptions& options) {
  using namespace detail::diffusion;
  const std::string function = "imm_seeds";
  const std::size_t n = graph.num_vertices();
  check_threads(function, options.threads);
  if (!(options.epsilon > 0.0 && options.epsilon < 1.0)) {
    throw invalid_argument(function + ": epsilon = " + std::to_string(options.epsilon) + " must lie in (0, 1)");
  }
  check_delta(function, options.delta);
  if (options.k > n) {
    throw invalid_argument(function + ": k = " + std::to_string(options.k) + " exceeds the number of people (" +
                           std::to_string(n) + ")");
  }
  const auto convinced = checked_seeds(graph, options.convinced, function, "convinced");
  std::vector<char> allowed(n, options.candidates.empty() ? 1 : 0);
  for (vertex_id v : checked_seeds(graph, options.candidates, function, "candidates")) allowed[v] = 1;
  for (vertex_id v : convinced) allowed[v] = 0;
  const auto eligible = static_cast<std::size_t>(std::count(allowed.begin(), allowed.end(), 1));
  if (options.k > eligible) {
    throw invalid_argument(function + ": k = " + std::to_string(options.k) + " exceeds the " +
                           std::to_string(eligible) + " eligible candidates (candidates not already convinced)");
  }
  const RRSampler sampler(graph, options.model, options.lt_weights, function);

  ImmResult result;
  result.model = options.model;
  result.k = options.k;
  result.epsilon = options.epsilon;
  result.delta = options.delta;
  result.seed = options.seed;
  if (n == 0) return result;

  const double N = static_cast<double>(n);
  const double k = static_cast<double>(options.k);
  const double eps = options.epsilon, delta = options.delta;
  const double eps_prime = std::sqrt(2.0) * eps;
  const double log_c = options.k == 0 ? 0.0 : log_binomial(static_cast<double>(eligible), k);
  const double log2n = std::max(1.0, std::log2(N));
  const double one_minus = 1.0 - std::exp(-1.0);
  result.lambda_prime =
      (2.0 + 2.0 * eps_prime / 3.0) * (log_c + std::log(2.0 / delta) + std::log(log2n)) * N / (eps_prime * eps_prime);
  const double alpha = std::sqrt(std::log(4.0 / delta));
  const double beta = std::sqrt(one_minus * (log_c + std::log(4.0 / delta)));
  result.lambda_star = 2.0 * N * std::pow(one_minus * alpha + beta, 2.0) / (eps * eps);

  constexpr double max_sets = static_cast<double>(std::numeric_limits<std::uint32_t>::max());
  auto check_count = [&](double count, const char* what) {
    if (!(count < max_sets)) {
      throw invalid_argument(function + ": the " + std::string(what) + " needs " + std::to_string(count) +
                             " RR sets, more than 2^32 - 1; use a larger epsilon or delta");
    }
  };
  CoverageOptions cover{.k = options.k, .allowed = allowed, .already = convinced};

  if (options.k > 0) {
    // Sampling phase: a lower bound on OPT.
    RRSets sets;
    const RRSampleOptions sampling{.seed = detail::stream_seed(options.seed, sampling_stream),
                                   .threads = options.threads,
                                   .model = options.model,
                                   .lt_weights = options.lt_weights};
    const int rounds = static_cast<int>(std::ceil(std::log2(N))) - 1;
    for (int i = 1; i <= rounds; ++i) {
      const double x = N / std::ldexp(1.0, i);
      const double want = std::ceil(result.lambda_prime / x);
      check_count(want, "sampling phase");
      const auto target = static_cast<std::uint64_t>(want);
      if (target > sets.size()) {
        RRSampleOptions more = sampling;
        more.first = sets.size();
        sampler.sample(target - sets.size(), more, sets);
      }
      const CoverageResult greedy = greedy_max_coverage(sets, n, cover);
      const double estimate = N * static_cast<double>(greedy.covered) / static_cast<double>(sets.size());
      if (estimate >= (1.0 + eps_prime) * x) {
        result.lower_bound = estimate / (1.0 + eps_prime);
        break;
      }
    }
    result.sampling_rr_sets = sets.size();
  }

  // Selection phase on fresh sets.
  const double theta = options.k == 0 ? 0.0 : std::ceil(result.lambda_star / result.lower_bound);
  check_count(theta, "selection phase");
  result.theta = static_cast<std::uint64_t>(theta);
  if (options.k > 0) {
    RRSets sets;
    sampler.sample(result.theta,
                   {.seed = detail::stream_seed(options.seed, selection_stream),
                    .threads = options.threads,
                    .model = options.model,
                    .lt_weights = options.lt_weights},
                   sets);
    result.selection_rr_sets = sets.size();
    const CoverageResult greedy = greedy_max_coverage(sets, n, cover);
    result.seeds = greedy.chosen;
    // Nobody adds anything on the samples: fill up to k with the smallest
    // eligible ids (zero marginal gain), as CELF does.
    if (result.seeds.size() < options.k) {
      std::vector<char> taken(n, 0);
      for (vertex_id v : result.seeds) taken[v] = 1;
      for (vertex_id v = 0; v < n && result.seeds.size() < options.k; ++v) {
        if (allowed[v] && !taken[v]) result.seeds.push_back(v);
      }
    }
    result.selection_gain = N * static_cast<double>(greedy.covered) / theta;
    result.selection_upper = N * greedy.optimum_upper / theta;
  }

  // Evaluation on an independent batch: theta sets (at least 10,000 for the
  // base estimate when k = 0).
  const std::uint64_t evaluation = std::max<std::uint64_t>(result.theta, 10000);
  RRSets sets;
  sampler.sample(evaluation,
                 {.seed = detail::stream_seed(options.seed, evaluation_stream),
                  .threads = options.threads,
                  .model = options.model,
                  .lt_weights = options.lt_weights},
                 sets);
  result.evaluation_rr_sets = sets.size();
  std::vector<vertex_id> order(convinced.begin(), convinced.end());
  order.insert(order.end(), result.seeds.begin(), result.seeds.end());
  const auto first = first_cover(sets, order, n);
  std::vector<std::uint64_t> hits(order.size() + 1, 0);
  for (const std::uint32_t p : first) ++hits[p];
  const double scale = N / static_cast<double>(evaluation);
  std::uint64_t base = 0;
  for (std::size_t i = 0; i < convinced.size(); ++i) base += hits[i];
  result.base_spread = scale * static_cast<double>(base);
  std::uint64_t total = base;
  for (std::size_t i = 0; i < result.seeds.size(); ++i) {
    const std::uint64_t h = hits[convinced.size() + i];
    result.marginal_gain.push_back(scale * static_cast<double>(h));
    total += h;
  }
  const double lambda = static_cast<double>(total);
  result.spread = scale * lambda;
  const double a = std::log(2.0 / delta);
  const double low = std::pow(std::sqrt(lambda + 2.0 * a / 9.0) - std::sqrt(a / 2.0), 2.0) - a / 18.0;
  const double high = std::pow(std::sqrt(lambda + a / 2.0) + std::sqrt(a / 2.0), 2.0);
  result.spread_low = std::max(scale * low, static_cast<double>(order.size()));
  result.spread_high = std::min(scale * high, N);
  result.rr_sets = result.sampling_rr_sets + result.selection_rr_sets + result.evaluation_rr_sets;
  return result;
}

}  // namespace orgnet
