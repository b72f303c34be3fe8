#include "orgnet/diffusion/simulation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "live_edge.hpp"
#include "orgnet/centrality/detail/parallel_reduce.hpp"
#include "orgnet/detail/random.hpp"
#include "orgnet/error.hpp"
#include "orgnet/io/csv_writer.hpp"
#include "support/progress.hpp"

namespace orgnet {

std::string_view to_string(CascadeModel model) {
  switch (model) {
    case CascadeModel::independent_cascade:
      return "independent_cascade";
    case CascadeModel::linear_threshold:
      return "linear_threshold";
  }
  return "?";
}

CascadeModel parse_cascade_model(std::string_view text) {
  if (text == "ic" || text == "independent_cascade") return CascadeModel::independent_cascade;
  if (text == "lt" || text == "linear_threshold") return CascadeModel::linear_threshold;
  throw invalid_argument("unknown cascade model '" + std::string(text) +
                         "' (expected independent_cascade (ic) or linear_threshold (lt))");
}

std::string_view to_string(LinearThresholdWeights weights) {
  switch (weights) {
    case LinearThresholdWeights::validate:
      return "validate";
    case LinearThresholdWeights::normalize:
      return "normalize";
  }
  return "?";
}

LinearThresholdWeights parse_linear_threshold_weights(std::string_view text) {
  if (text == "validate") return LinearThresholdWeights::validate;
  if (text == "normalize") return LinearThresholdWeights::normalize;
  throw invalid_argument("unknown linear threshold weights '" + std::string(text) +
                         "' (expected validate or normalize)");
}

double normal_two_sided_quantile(double delta) {
  if (!(delta > 0.0 && delta < 1.0)) {
    throw invalid_argument("normal_two_sided_quantile: delta = " + format_number(delta) + " must lie in (0, 1)");
  }
  // P(|Z| > z) = erfc(z / sqrt 2) decreases in z: bisect to full precision.
  double low = 0.0, high = 40.0;
  for (int i = 0; i < 200 && high - low > 0.0; ++i) {
    const double mid = 0.5 * (low + high);
    if (mid == low || mid == high) break;
    if (std::erfc(mid / std::sqrt(2.0)) > delta) {
      low = mid;
    } else {
      high = mid;
    }
  }
  return 0.5 * (low + high);
}

namespace detail::diffusion {

LiveEdgeModel::LiveEdgeModel(const InfluenceGraph& graph, CascadeModel model, LinearThresholdWeights weights,
                             const std::string& function)
    : graph_(&graph),
      model_(model),
      strengths_(graph.strengths()),
      in_offsets_(graph.in_offsets()),
      in_edge_ids_(graph.in_edge_ids()) {
  if (model != CascadeModel::linear_threshold) return;
  const std::size_t n = graph.num_vertices();
  cumulative_.resize(graph.num_edges());
  for (vertex_id v = 0; v < n; ++v) {
    const edge_id begin = in_offsets_[v], end = in_offsets_[v + 1];
    double total = 0.0;
    for (edge_id k = begin; k < end; ++k) total += strengths_[in_edge_ids_[k]];
    if (weights == LinearThresholdWeights::validate && total > 1.0 + 1e-9) {
      throw invalid_argument(function + ": linear threshold needs in-strengths summing to at most 1, but person '" +
                             graph.id(v) + "' has in-strengths summing to " + format_number(total) +
                             " (use lt_weights = normalize to divide them by their sum)");
    }
    const double scale = weights == LinearThresholdWeights::normalize ? 1.0 / total : 1.0;
    double running = 0.0;
    for (edge_id k = begin; k < end; ++k) {
      running += strengths_[in_edge_ids_[k]] * scale;
      cumulative_[k] = running;
    }
    // Normalized weights sum to 1 up to rounding: make the last one exact so a
    // unit draw just below 1 always picks an edge.
    if (weights == LinearThresholdWeights::normalize && end > begin) cumulative_[end - 1] = 1.0;
  }
}

std::vector<vertex_id> checked_seeds(const InfluenceGraph& graph, std::span<const vertex_id> seeds,
                                     const std::string& function, const char* argument) {
  std::vector<vertex_id> out(seeds.begin(), seeds.end());
  for (vertex_id s : out) {
    if (s >= graph.num_vertices()) {
      throw out_of_range(function + ": " + argument + " contains vertex " + std::to_string(s) +
                         ", which is out of range (graph has " + std::to_string(graph.num_vertices()) + " people)");
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void check_delta(const std::string& function, double delta) {
  if (!(delta > 0.0 && delta < 1.0)) {
    throw invalid_argument(function + ": delta = " + format_number(delta) + " must lie in (0, 1)");
  }
}

void check_threads(const std::string& function, int threads) {
  if (threads < 0) {
    throw invalid_argument(function + ": threads = " + std::to_string(threads) + " must be >= 0");
  }
}

}  // namespace detail::diffusion

namespace {

/// Per-thread totals: integers, so adding them up in any order is exact.
struct Totals {
  explicit Totals(std::size_t n) : explorer(n), reached(n, 0) {}
  detail::diffusion::WorldExplorer explorer;
  std::vector<std::uint64_t> reached;  // worlds in which v was reached
  std::vector<std::uint64_t> new_at;   // people first reached at step t, summed over worlds
  std::uint64_t sum = 0;               // sum of X_r
  detail::uint128 sum_squares = 0;     // sum of X_r^2
};

}  // namespace

SimulationResult simulate_spread(const InfluenceGraph& graph, std::span<const vertex_id> seeds,
                                 const SimulationOptions& options) {
  using namespace detail::diffusion;
  const std::string function = "simulate_spread";
  if (options.simulations == 0) throw invalid_argument(function + ": simulations must be at least 1");
  check_delta(function, options.delta);
  check_threads(function, options.threads);
  const std::size_t n = graph.num_vertices();

  SimulationResult result;
  result.seeds = checked_seeds(graph, seeds, function);
  result.model = options.model;
  result.simulations = options.simulations;
  result.seed = options.seed;
  result.delta = options.delta;
  const LiveEdgeModel model(graph, options.model, options.lt_weights, function);

  const std::size_t worlds = options.simulations;
  Totals total(n);
  const int threads = detail::resolve_threads(options.threads);
  const std::span<const vertex_id> sources(result.seeds);
  detail::ProgressTask progress("spread simulations", result.seeds.empty() ? 0 : worlds);
  detail::parallel_for_items(
      result.seeds.empty() ? 0 : worlds, threads, 16, [n] { return Totals(n); },
      [&](Totals& t, std::size_t r) {
        const std::uint64_t key = detail::stream_seed(options.seed, r);
        const std::size_t x = t.explorer.explore(
            model, key, sources, options.max_steps, [](vertex_id) { return false; },
            [&](vertex_id v, std::size_t step) {
              ++t.reached[v];
              if (t.new_at.size() <= step) t.new_at.resize(step + 1, 0);
              ++t.new_at[step];
            });
        t.sum += x;
        t.sum_squares += static_cast<detail::uint128>(x) * x;
        progress.advance();
      },
      [&](Totals& t) {
        for (std::size_t v = 0; v < n; ++v) total.reached[v] += t.reached[v];
        if (total.new_at.size() < t.new_at.size()) total.new_at.resize(t.new_at.size(), 0);
        for (std::size_t s = 0; s < t.new_at.size(); ++s) total.new_at[s] += t.new_at[s];
        total.sum += t.sum;
        total.sum_squares += t.sum_squares;
      });

  const double R = static_cast<double>(worlds);
  result.expected_reach = static_cast<double>(total.sum) / R;
  if (worlds > 1) {
    // R * sum x^2 - (sum x)^2 >= 0 exactly in 128-bit integers.
    const detail::uint128 r128 = worlds;
    const detail::uint128 numerator = r128 * total.sum_squares - static_cast<detail::uint128>(total.sum) * total.sum;
    const double variance = static_cast<double>(numerator) / (R * (R - 1.0));
    result.reach_stddev = std::sqrt(variance);
  }
  const double z = normal_two_sided_quantile(options.delta);
  const double half = z * result.reach_stddev / std::sqrt(R);
  result.reach_low = result.expected_reach - half;
  result.reach_high = result.expected_reach + half;
  result.probability.resize(n);
  for (std::size_t v = 0; v < n; ++v) result.probability[v] = static_cast<double>(total.reached[v]) / R;
  result.probability_margin = std::sqrt(std::log(2.0 / options.delta) / (2.0 * R));

  result.department_adoption.assign(graph.num_departments(), std::numeric_limits<double>::quiet_NaN());
  for (department_id d = 0; d < static_cast<department_id>(graph.num_departments()); ++d) {
    const auto members = graph.department_members(d);
    if (members.empty()) continue;
    std::uint64_t count = 0;
    for (vertex_id v : members) count += total.reached[v];
    result.department_adoption[d] = static_cast<double>(count) / (R * static_cast<double>(members.size()));
  }
  std::uint64_t unassigned = 0;
  for (vertex_id v = 0; v < n; ++v) {
    if (graph.department(v) == no_department) unassigned += total.reached[v];
  }
  result.no_department_reach = static_cast<double>(unassigned) / R;

  std::uint64_t cumulative = 0;
  result.adoption_curve.reserve(std::max<std::size_t>(1, total.new_at.size()));
  for (std::uint64_t count : total.new_at) {
    cumulative += count;
    result.adoption_curve.push_back(static_cast<double>(cumulative) / R);
  }
  if (result.adoption_curve.empty()) result.adoption_curve.push_back(0.0);
  return result;
}

}  // namespace orgnet
