#pragma once
// Reachability under constraints: who can be reached from a seed set within
// h steps with probability at least p.
//
// Two readings of "probability of being reached", chosen by `method`:
//   cascade (default): the probability that v is convinced within h steps of
//     an Independent Cascade (or Linear Threshold) started by the seeds, i.e.
//     that v lies within h live hops of a seed (see simulation.hpp). It is
//     estimated by Monte Carlo (simulate_spread with max_steps = h); every
//     estimate is within `margin` = sqrt(ln(2/delta) / (2R)) of the truth with
//     probability >= 1 - delta (Hoeffding), and the people whose interval
//     (estimate - margin, estimate + margin] contains p are listed as
//     `uncertain` (never a seed) (raise `simulations` to settle them).
//   best_chain: the probability of the single most probable chain of at most
//     h steps from a seed, max over chains s = v0 -> v1 -> ... -> vk = v (k <=
//     h) of prod s(v_{i-1}, v_i). It is exact and deterministic (a
//     hop-limited Bellman–Ford over products, one round per step), and a
//     lower bound of the cascade probability (that chain alone convinces v
//     with this probability under IC). `steps` holds the number of steps of
//     the best chain (the fewest among equally probable ones).
//
// max_steps = 0 means no step limit. The seeds have probability 1 and steps 0.
// `reached` lists the people with probability >= min_probability, most
// probable first (ties by vertex id), seeds included.
//
// Degenerate cases: no seeds: nobody is reached (probability 0 everywhere).
// Empty graph: empty vectors.
//
// Complexity: cascade as simulate_spread with at most h steps per world;
// best_chain O(h (n + m)) time (O(n m) without a limit), O(n) memory.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string_view>
#include <vector>

#include "orgnet/diffusion/simulation.hpp"
#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

enum class ReachabilityMethod {
  cascade,     ///< Probability of being convinced within h steps (Monte Carlo).
  best_chain,  ///< Probability of the most probable chain of at most h steps (exact).
};

/// "cascade", "best_chain".
[[nodiscard]] std::string_view to_string(ReachabilityMethod method);
/// Inverse of to_string; throws orgnet::invalid_argument naming the accepted values.
[[nodiscard]] ReachabilityMethod parse_reachability_method(std::string_view text);

struct ReachabilityOptions {
  /// h: at most this many steps; 0 = no limit.
  std::size_t max_steps = 2;
  /// p: report people reached with at least this probability; in (0, 1].
  double min_probability = 0.5;
  ReachabilityMethod method = ReachabilityMethod::cascade;
  /// cascade: the simulation (its max_steps is replaced by max_steps above).
  SimulationOptions simulation = {};
};

/// "Not reached" in ReachabilityResult::steps.
inline constexpr std::size_t unreached = std::numeric_limits<std::size_t>::max();

struct ReachabilityResult {
  ReachabilityMethod method = ReachabilityMethod::cascade;
  std::size_t max_steps = 0;
  double min_probability = 0.0;
  /// Probability of being reached within max_steps, by vertex id.
  std::vector<double> probability;
  /// best_chain: steps of the best chain (0 for seeds, `unreached` if none);
  /// empty for cascade.
  std::vector<std::size_t> steps;
  /// People with probability >= min_probability, most probable first.
  std::vector<vertex_id> reached;
  /// cascade: people whose confidence interval contains min_probability.
  std::vector<vertex_id> uncertain;
  /// cascade: the Hoeffding half-width of every probability (0 for best_chain).
  double margin = 0.0;
};

/// Who is reached from `seeds` within max_steps with probability >=
/// min_probability (see the header comment).
/// Throws orgnet::out_of_range for a seed outside the graph and
/// orgnet::invalid_argument for min_probability outside (0, 1] and for the
/// simulation errors of simulate_spread (cascade only).
[[nodiscard]] ReachabilityResult reachable_within(const InfluenceGraph& graph, std::span<const vertex_id> seeds,
                                                  const ReachabilityOptions& options = {});

}  // namespace orgnet
