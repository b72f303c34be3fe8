#pragma once
// Cascade simulation: how far an idea spreads from the people who start it.
//
// Models (Kempe, Kleinberg and Tardos, KDD 2003). Time runs in steps; the
// seeds are active at step 0.
//   Independent Cascade (IC): when u becomes active at step t it gets one
//     chance to convince each inactive v it influences, succeeding with
//     probability s(u, v) independently of everything else; v is then active
//     from step t + 1.
//   Linear Threshold (LT): every person v draws a threshold theta_v uniformly
//     in [0, 1]; v becomes active at step t + 1 when the strengths of its
//     active in-ties sum to at least theta_v:  sum_{u active, u -> v} w(u, v)
//     >= theta_v. The weights w are the strengths as given, which must sum to
//     at most 1 over each person's in-ties (LinearThresholdWeights::validate,
//     the default: a person whose in-strengths sum above 1 + 1e-9 is rejected,
//     naming them), or the strengths divided by their sum for every person
//     (LinearThresholdWeights::normalize: every in-weight sum becomes 1).
//
// Method: Monte Carlo over live-edge worlds. Both models are equivalent to
// reachability in a random "live-edge" graph (Kempe et al., Claims 2.4 and
// 2.6, which also hold step by step: the people active after t steps are the
// people within t live hops of a seed):
//   IC: each edge e = u -> v is live independently with probability s(u, v);
//   LT: each person v keeps at most one in-edge, u -> v with probability
//       w(u, v), none with probability 1 - sum_u w(u, v).
// World r is generated from its own stream key stream_seed(seed, r)
// (orgnet/detail/random.hpp): the coin of edge e (IC) or the choice of person
// v (LT) is a hash of (key, e) or (key, v), so a world does not depend on the
// order in which it is explored, nor on which thread explores it. Counts are
// summed as integers, so every result is bit-identical for a given seed
// whatever the thread count. Each world is explored by a breadth-first search
// from the seeds that tests an edge only when its source is reached.
//
// Outputs, with R = simulations and X_r = people reached in world r:
//   expected_reach  = mean X_r (the seeds count: spread includes them);
//   reach_low/high  = expected_reach -/+ z * sd / sqrt(R), the normal
//                     (central-limit) confidence interval at level 1 - delta,
//                     z = Phi^-1(1 - delta/2) and sd the sample standard
//                     deviation of X_r;
//   probability[v]  = share of worlds in which v was reached; each lies within
//                     probability_margin = sqrt(ln(2/delta) / (2R)) of the true
//                     probability with probability >= 1 - delta (Hoeffding's
//                     inequality, a bound that needs no approximation);
//   department_adoption[d] = expected share of department d's members reached
//                     (the mean of their probabilities); departments with no
//                     members get NaN; people without a department are summed
//                     in no_department_adoption;
//   adoption_curve[t] = expected number of people active after step t,
//                     t = 0 (the seeds) .. the last step at which any world
//                     still changed (after it the curve is flat); a world that
//                     has stopped counts with its final size.
//
// Degenerate cases: no seeds: reach 0, everything 0, curve {0}. Every person a
// seed: reach n, probabilities 1. Empty graph: reach 0. Duplicate seeds count
// once. max_steps = h stops every world after h steps (the curve then has at
// most h + 1 points).
//
// Complexity: O(R * (n_reached + m_explored)) time, where the reached people
// and the out-edges of the reached people are what a world explores
// (O(R (n + m)) at worst); O(n + m) memory per thread plus O(n + curve) for
// the totals.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

/// The diffusion model.
enum class CascadeModel {
  independent_cascade,  ///< Each active person gets one chance per tie, with probability s.
  linear_threshold,     ///< A person adopts once active in-strengths exceed a uniform random threshold.
};

/// "independent_cascade", "linear_threshold".
[[nodiscard]] std::string_view to_string(CascadeModel model);
/// Inverse of to_string; also accepts "ic" and "lt". Throws orgnet::invalid_argument
/// naming the accepted values.
[[nodiscard]] CascadeModel parse_cascade_model(std::string_view text);

/// How Linear Threshold reads the in-strengths of a person.
enum class LinearThresholdWeights {
  validate,   ///< As given; a person whose in-strengths sum above 1 is an error.
  normalize,  ///< Divided by their sum, so every person's in-weights sum to 1.
};

/// "validate", "normalize".
[[nodiscard]] std::string_view to_string(LinearThresholdWeights weights);
/// Inverse of to_string; throws orgnet::invalid_argument naming the accepted values.
[[nodiscard]] LinearThresholdWeights parse_linear_threshold_weights(std::string_view text);

struct SimulationOptions {
  CascadeModel model = CascadeModel::independent_cascade;
  /// Number of simulated worlds R; at least 1.
  std::size_t simulations = 10000;
  /// Random seed; the same seed gives the same result on any thread count.
  std::uint64_t seed = 42;
  /// Confidence intervals are at level 1 - delta; delta in (0, 1).
  double delta = 0.05;
  /// Stop every world after this many steps; 0 = until nobody new is convinced.
  std::size_t max_steps = 0;
  /// Linear Threshold only: validate or normalize the in-strengths.
  LinearThresholdWeights lt_weights = LinearThresholdWeights::validate;
  /// Threads (0 = OpenMP's default).
  int threads = 0;
};

struct SimulationResult {
  /// The distinct seeds, ascending.
  std::vector<vertex_id> seeds;
  CascadeModel model = CascadeModel::independent_cascade;
  std::size_t simulations = 0;
  std::uint64_t seed = 0;
  double delta = 0.05;
  /// Mean number of people reached (seeds included).
  double expected_reach = 0.0;
  /// Sample standard deviation of the number reached.
  double reach_stddev = 0.0;
  /// Normal confidence interval of expected_reach at level 1 - delta.
  double reach_low = 0.0;
  double reach_high = 0.0;
  /// Share of worlds in which each person was reached, by vertex id.
  std::vector<double> probability;
  /// Hoeffding half-width: each probability is within this of the truth with
  /// probability >= 1 - delta.
  double probability_margin = 0.0;
  /// Expected share of each department's members reached, by department id
  /// (NaN for a department with no members).
  std::vector<double> department_adoption;
  /// Expected number reached among people with no department (0 if none).
  double no_department_reach = 0.0;
  /// Expected number active after step t = 0, 1, ... (index t).
  std::vector<double> adoption_curve;
};

/// Monte Carlo simulation of IC or LT from `seeds` (see the header comment).
/// Throws orgnet::out_of_range for a seed >= num_vertices(), and
/// orgnet::invalid_argument for simulations = 0, delta outside (0, 1),
/// negative threads, or (LT with validate) a person whose in-strengths sum
/// above 1, naming the person and the sum.
[[nodiscard]] SimulationResult simulate_spread(const InfluenceGraph& graph, std::span<const vertex_id> seeds,
                                               const SimulationOptions& options = {});

/// z such that P(|N(0,1)| <= z) = 1 - delta (the two-sided normal quantile);
/// delta in (0, 1).
[[nodiscard]] double normal_two_sided_quantile(double delta);

}  // namespace orgnet
