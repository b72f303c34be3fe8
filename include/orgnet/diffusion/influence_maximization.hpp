#pragma once
// Influence maximization with a guarantee: IMM (Tang, Shi and Xiao,
// "Influence maximization in near-linear time: a martingale approach",
// SIGMOD 2015, doi:10.1145/2723372.2723734), under Independent Cascade and
// Linear Threshold.
//
// Goal: k seeds S (among the candidates) maximizing the expected spread
// sigma(C u S), C the people already convinced. With probability at least
// 1 - delta the returned S satisfies
//     sigma(C u S) - sigma(C) >= (1 - 1/e - epsilon) * OPT,
// OPT the largest expected gain of a candidate k-set (see "Convinced" below
// for the one assumption this needs).
//
// Method. A random RR set R (reverse_reachable.hpp; a reverse random walk
// under LT) with a uniform root satisfies n * P(R hits S) = sigma(S), so
// maximizing the spread is maximizing the coverage of many RR sets, which the
// greedy (greedy_max_coverage) does within 1 - 1/e. IMM chooses how many:
//   epsilon' = sqrt(2) epsilon, L = ln C(c, k) with c the eligible candidates,
//   lambda'  = (2 + 2 epsilon'/3) (L + ln(2/delta) + ln log2 n) n / epsilon'^2,
//   lambda*  = 2 n ((1 - 1/e) alpha + beta)^2 / epsilon^2,
//              alpha = sqrt(ln(4/delta)), beta = sqrt((1 - 1/e)(L + ln(4/delta))).
// Sampling phase (a lower bound LB on OPT, valid with probability
// 1 - delta/2): for i = 1, 2, ..., ceil(log2 n) - 1, x = n / 2^i, grow the
// sets to ceil(lambda'/x) and run the greedy; when its estimate
// n F(S_i) >= (1 + epsilon') x, LB = n F(S_i) / (1 + epsilon') and stop;
// otherwise LB = 1 (OPT >= 1 because the seeds count themselves).
// Selection phase: theta = ceil(lambda*/LB) FRESH RR sets and the greedy on
// them (fresh sets, not the sampling phase's: Chen, "An issue in the
// martingale analysis of the influence maximization algorithm IMM", 2018,
// shows that reusing them breaks the independence the proof needs); the
// selection fails with probability at most delta/2.
//
// Reported estimates come from a third, independent batch of theta RR sets
// (the selection sets overestimate the chosen set's coverage: selection
// bias). With Lambda of the N evaluation sets hit by C u S and a = ln(2/delta)
// (Tang, Tang, Xiao and Yuan, OPIM, SIGMOD 2018, Lemma 4.2/4.3 style
// martingale bounds, delta/2 on each side):
//   spread       = n Lambda / N                         (unbiased),
//   spread_low   = ((sqrt(Lambda + 2a/9) - sqrt(a/2))^2 - a/18) n / N,
//                  raised to |C u S| (the seeds and the convinced count),
//   spread_high  = (sqrt(Lambda + a/2) + sqrt(a/2))^2 n / N, at most n,
// so [spread_low, spread_high] holds sigma(C u S) with probability >= 1 - delta
// (the convention: intervals at confidence 1 - delta for the caller's delta).
// marginal_gain[i] = n / N * (sets hit by seed i and by none of C and the
// seeds before it); base_spread = n / N * (sets hit by C).
//
// Options.
//   candidates  empty: everyone; otherwise only these may be chosen.
//   convinced   already convinced: their RR sets count as covered, they are
//               never chosen, and spread includes them. The fallback LB = 1
//               assumes OPT >= 1: always true without convinced people (the
//               seeds count themselves); with them it fails only when C
//               already reaches nearly every candidate, and then the
//               guarantee weakens to an additive one of about epsilon people.
//   k           0 returns no seeds (and the base estimates). k larger than the
//               number of people, or than the eligible candidates (candidates
//               not convinced), is an error.
//   epsilon     in (0, 1); delta in (0, 1).
// Exactly k seeds are returned: when no eligible person covers a new
// selection set (everyone left is reached anyway), the rest are the smallest
// eligible ids, with zero gain (as in CELF). Ties in the greedy go to the
// smallest vertex id. Every RR set is drawn from
// its own stream (reverse_reachable.hpp), the three batches from three
// streams derived from `seed`: the result is identical for any thread count.
//
// Complexity: O((k + L)(n + m) n / (OPT epsilon^2)) expected time in the worst
// case (Tang et al., Theorem 3; typically far less), memory O(theta * mean RR
// set size) for the largest batch; theta must stay below 2^32 (an error
// suggests a larger epsilon otherwise).

#include <cstddef>
#include <cstdint>
#include <vector>

#include "orgnet/diffusion/simulation.hpp"
#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

struct ImmOptions {
  CascadeModel model = CascadeModel::independent_cascade;
  /// Linear Threshold only: validate or normalize the in-strengths.
  LinearThresholdWeights lt_weights = LinearThresholdWeights::validate;
  /// Number of seeds to choose.
  std::size_t k = 10;
  /// Approximation slack: the guarantee is 1 - 1/e - epsilon; in (0, 1).
  double epsilon = 0.1;
  /// Failure probability of the guarantee, and 1 - confidence of the
  /// reported interval; in (0, 1).
  double delta = 0.05;
  std::uint64_t seed = 42;
  /// Who may be chosen (empty: everyone).
  std::vector<vertex_id> candidates = {};
  /// Who is already convinced (counted as covered, never chosen).
  std::vector<vertex_id> convinced = {};
  /// Threads (0 = OpenMP's default); results do not depend on it.
  int threads = 0;
};

struct ImmResult {
  /// The chosen seeds, in the order chosen.
  std::vector<vertex_id> seeds;
  /// Estimated expected number of additional people each seed reaches, given
  /// the convinced people and the seeds before it (independent evaluation sets).
  std::vector<double> marginal_gain;
  /// Estimated expected reach of the convinced people alone (0 without them).
  double base_spread = 0.0;
  /// Estimated expected reach of convinced + seeds (everyone counted).
  double spread = 0.0;
  /// Interval of the expected reach at confidence 1 - delta.
  double spread_low = 0.0;
  double spread_high = 0.0;
  /// The selection sets' own estimate of the seeds' gain, n * covered / theta
  /// (optimistic), and an upper bound on the best k-set's gain on those sets
  /// (greedy prefixes + submodularity): their ratio is an a-posteriori
  /// approximation ratio on the samples.
  double selection_gain = 0.0;
  double selection_upper = 0.0;
  /// Lower bound on OPT from the sampling phase (1 when no round succeeded).
  double lower_bound = 1.0;
  double lambda_prime = 0.0;
  double lambda_star = 0.0;
  /// Selection sets: ceil(lambda_star / lower_bound).
  std::uint64_t theta = 0;
  /// RR sets drawn by each phase and in all.
  std::uint64_t sampling_rr_sets = 0;
  std::uint64_t selection_rr_sets = 0;
  std::uint64_t evaluation_rr_sets = 0;
  std::uint64_t rr_sets = 0;
  /// The options used.
  CascadeModel model = CascadeModel::independent_cascade;
  std::size_t k = 0;
  double epsilon = 0.0;
  double delta = 0.0;
  std::uint64_t seed = 0;
};

/// IMM seed selection (see the header comment). Throws orgnet::invalid_argument
/// for k above the number of people or of eligible candidates, epsilon
/// outside (0, 1), delta outside (0, 1), negative threads, theta >= 2^32, or
/// LT in-strengths above 1 (validate); orgnet::out_of_range for a candidate or
/// convinced person outside the graph.
[[nodiscard]] ImmResult imm_seeds(const InfluenceGraph& graph, const ImmOptions& options = {});

}  // namespace orgnet
