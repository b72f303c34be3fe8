#pragma once
// CELF: whom to start with, by the lazy greedy over Monte Carlo spread.
//
// The greedy algorithm of Kempe, Kleinberg and Tardos (KDD 2003) picks k
// seeds one at a time, each time the person whose addition increases the
// expected spread most. Spread is monotone and submodular under IC and LT, so
// the greedy set reaches at least (1 - 1/e) of the best k-set's spread (up to
// the estimation error). CELF (Leskovec et al., KDD 2007) evaluates lazily: a
// person's marginal gain can only shrink as seeds are added, so a stale gain
// that still tops the queue after re-evaluation is the true maximum.
//
// Estimation: all evaluations use the same R live-edge worlds (world r from
// stream_seed(seed, r), exactly the worlds simulate_spread uses for that seed
// and R; see simulation.hpp). The sampled spread
//     f(S) = (1/R) sum_r |people reached from S in world r|
// is itself monotone and submodular, so CELF's laziness is exact for it and
// the result equals the plain greedy on f, bit for bit (ties go to the lowest
// vertex id). Gains are counted in integers: identical for any thread count.
// The reported spread is f on the same worlds, so it is optimistic for the
// chosen set (selection bias): evaluate it with simulate_spread under another
// seed for an unbiased estimate.
//
//   candidates  empty: everyone; otherwise only these may be chosen.
//   convinced   people already convinced: they count in the spread from the
//               start and are never chosen (gains are relative to them).
//   k           seeds to choose; fewer when there are fewer candidates
//               (k larger than the candidates returns them all, in greedy
//               order). Zero gains are still chosen, in vertex order.
//
// This is the baseline and test oracle for IMM; it is meant for small graphs.
// Complexity: O(evaluations * R * (explored part of a world)) time, where the
// first round evaluates every candidate; O(R n / 8) bytes for the coverage of
// every world (refused above 1 GiB) plus O(n) per thread.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "orgnet/diffusion/simulation.hpp"
#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

struct CelfOptions {
  /// Number of seeds to choose.
  std::size_t k = 10;
  CascadeModel model = CascadeModel::independent_cascade;
  LinearThresholdWeights lt_weights = LinearThresholdWeights::validate;
  /// Live-edge worlds shared by all evaluations; at least 1.
  std::size_t simulations = 1000;
  std::uint64_t seed = 42;
  /// Who may be chosen (empty: everyone).
  std::vector<vertex_id> candidates = {};
  /// Who is already convinced (counted, never chosen).
  std::vector<vertex_id> convinced = {};
  /// Threads (0 = OpenMP's default).
  int threads = 0;
};

struct CelfResult {
  /// The chosen seeds, in the order chosen.
  std::vector<vertex_id> seeds;
  /// Expected number of additional people each seed reaches, given the
  /// convinced people and the seeds before it (non-increasing).
  std::vector<double> marginal_gain;
  /// Sampled expected reach of the convinced people alone.
  double base_spread = 0.0;
  /// Sampled expected reach of convinced + seeds (= base + sum of gains).
  double spread = 0.0;
  /// Marginal-gain evaluations performed (each one sweep over the worlds).
  std::size_t evaluations = 0;
  std::size_t simulations = 0;
  std::uint64_t seed = 0;
};

/// CELF lazy greedy seed selection (see the header comment).
/// Throws orgnet::out_of_range for a candidate or convinced person outside the
/// graph; orgnet::invalid_argument for simulations = 0, negative threads,
/// coverage memory above 1 GiB, or LT in-strengths above 1 (validate).
[[nodiscard]] CelfResult celf_seeds(const InfluenceGraph& graph, const CelfOptions& options = {});

}  // namespace orgnet
