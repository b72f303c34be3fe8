#pragma once
// The win-over plan: whom to convince first so that one target is convinced.
//
// Model. Independent Cascade (diffusion/reverse_reachable.hpp): once convinced,
// u convinces v with probability s(u, v), independently per tie. For a set S
// of people convinced first, P_t(S) is the probability that the target t ends
// up convinced. With RR(t) the people from whom t is reachable over the live
// ties of a random world,
//     P_t(S) = P(RR(t) ∩ S ≠ ∅),
// a coverage function: monotone and submodular in S. Sampling θ sets RR(t)
// and picking S greedily to hit the most of them gives P_t(S) >= (1 - 1/e -
// ε) max_{|S'| = k} P_t(S') with probability at least 1 - δ when θ is large
// enough (Borgs et al. 2014; Tang, Shi and Xiao, IMM, SIGMOD 2015).
//
// Sample size (OPIM-C: Tang, Tang, Xiao and Yuan, "Online processing
// algorithms for influence maximization", SIGMOD 2018, the successor of IMM
// with the same guarantee and far fewer samples). Two independent pools R1
// and R2 of θ sets each: the greedy chooses S on R1; R2 gives a lower bound
// on P_t(S) and R1 an upper bound on OPT = max_{|S'| = k} P_t(S'):
//     lower = ((√(Λ2 + 2a/9) − √(a/2))² − a/18) / θ,
//     upper = (√(Λ1u + a/2) + √(a/2))² / θ,
// with Λ2 the sets of R2 that S hits, Λ1u the submodularity bound on the best
// k-set's coverage of R1 (greedy_max_coverage's optimum_upper), a =
// ln(3 r / δ) for r doubling rounds. Starting from θ0 = max(1000, ln(6/δ)/ε²),
// θ doubles until lower / upper >= 1 − 1/e − ε (the guarantee is then
// certified) or θ reaches IMM's bound for OPT >= p0,
//     θmax = 2 ((1 − 1/e) √ln(6/δ) + √((1 − 1/e)(ln C(c, k) + ln(6/δ))))² / (ε² p0),
// where c is the number of candidates who can reach the target and p0 the
// probability that the k strongest direct ties into the target from
// candidates convey it (a deterministic floor under OPT), which is enough by
// itself (IMM with a known lower bound). θmax is capped at max_samples;
// `guarantee` says whether the bound was certified or θmax reached uncapped.
//
// Supercritical graphs. Where the strengths into a person sum well above 1
// (the default relation map gives about 1 per relation, so about 2 with two
// relations), RR sets hold a large share of the organization and each costs
// O(n + m): plans on 100,000 people then take minutes (docs/benchmarks.md).
//
// Estimate. P_t(plan) is re-estimated on max(θ, 4 z² / ε²) further fresh sets
// (independent of the choice, so unbiased; z the two-sided normal quantile
// of δ, so the interval's half-width is at most ε / 4), with a Wilson score
// interval at confidence 1 - δ
// (Wilson, JASA 22(158), 1927): the interval the tests check against the
// exact value.
//
// Candidates. Everyone but the target, or the given list (the target removed);
// optionally only the people `source` reaches within `source_steps` steps of
// the influence graph (e.g. your own network two steps out, you included);
// optionally without the target's direct reports (you do not go through
// someone's team to get to them). Costs per person turn k into a budget
// (cost-effective greedy, compared with the best single affordable person;
// the (1 - 1/e - ε) guarantee is for unit costs).
//
// Approach order. The plan lists the chosen people in the greedy order: the
// first is the single most effective person, each next one adds the most
// given the previous ones. For each: the marginal gain and the cumulative
// probability (both on the evaluation sets: gain i = share of sets whose
// first chosen member is person i), their cost, and the most probable chains
// through which they reach the target (k_best_chains, `chains_per_person`).
//
// Smallest set (smallest_win_over_set): the greedy adds people until the
// sampled probability reaches `goal`; the sets are drawn in number
// θ = ln(2 c K / δ) / (2 ε²) (Hoeffding with a union bound over the at most
// c K sets the greedy scores, K = max size), so every score is within ε of
// the truth with probability 1 - δ. Greedy set cover: at most ln(θ) + 1
// times the fewest people needed on the samples.
//
// Exact evaluation (exact_win_probability): sums over every live-edge world
// of the uncertain ties (strength < 1) that can matter, i.e. the in-ties of
// people who can reach the target; at most max_uncertain of them (2^that
// worlds), else orgnet::invalid_argument. O(2^u (n + m)).
//
// Degenerate cases: k = 0 or no candidate gives an empty plan with
// probability 0 (interval [0, 0]). Throws orgnet::out_of_range for unknown
// vertices, orgnet::invalid_argument for ε or δ outside (0, 1), negative or
// non-finite costs, wrong cost length, threads < 0.
//
// Complexity: O(θ · (mean RR set size + in-ties examined)) to sample (parallel,
// results identical for every thread count), O(total set size + k c) for
// the greedy, plus the chains.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <vector>

#include "orgnet/model/influence_graph.hpp"
#include "orgnet/persuasion/chains.hpp"

namespace orgnet {

struct WinOverOptions {
  /// People to convince first (with costs: at most this many, within budget).
  std::size_t k = 3;
  /// Approximation slack: the plan is within (1 - 1/e - epsilon) of the best.
  double epsilon = 0.1;
  /// Failure probability of the guarantee; the interval has confidence 1 - delta.
  double delta = 0.05;
  std::uint64_t seed = 1;
  /// 0 = all available; results do not depend on it.
  int threads = 0;
  /// Allowed people; empty = everyone. The target is never a candidate.
  std::vector<vertex_id> candidates;
  /// When set, only people this person reaches within source_steps steps.
  std::optional<vertex_id> source;
  std::size_t source_steps = 2;
  /// Leave out the target's direct reports.
  bool exclude_target_reports = false;
  /// Cost of each person (by vertex, > 0); empty = 1 each.
  std::vector<double> costs;
  /// Largest total cost (with costs).
  double budget = std::numeric_limits<double>::infinity();
  /// Cap on the sets sampled per phase.
  std::uint64_t max_samples = 20'000'000;
  /// Chains shown per person of the approach order (0 = none).
  std::size_t chains_per_person = 1;
};

/// One step of the approach order.
struct ApproachStep {
  vertex_id person = no_vertex;
  /// Increase of the probability that the target is convinced.
  double gain = 0.0;
  /// Probability with this person and everyone before.
  double probability = 0.0;
  /// Probability with this person alone (on the evaluation sets).
  double alone = 0.0;
  double cost = 1.0;
  /// Most probable chains from the person to the target.
  std::vector<Chain> chains;
};

struct WinOverPlan {
  vertex_id target = no_vertex;
  /// The people to convince, in approach order.
  std::vector<ApproachStep> steps;
  /// Estimated probability that the target is convinced, and its interval.
  double probability = 0.0;
  double lower = 0.0, upper = 0.0;
  /// Confidence of the interval (1 - delta).
  double confidence = 0.0;
  /// Coverage on the selection sets (biased upwards; for reference).
  double selection_probability = 0.0;
  /// Sets used to choose, and to evaluate.
  std::uint64_t samples = 0, evaluation_samples = 0;
  /// Certified bounds (at confidence 1 - delta): the plan's probability is at
  /// least optimum_lower_bound; the best plan's at most optimum_upper_bound.
  double optimum_lower_bound = 0.0;
  double optimum_upper_bound = 1.0;
  /// Whether the sample size met the IMM bound (false when capped).
  bool guarantee = false;
  std::size_t candidates = 0;
  /// Smallest-set requests: the goal, and whether the sampled probability reached it.
  std::optional<double> goal;
  bool goal_reached = false;
  double epsilon = 0.0, delta = 0.0;
  std::uint64_t seed = 0;

  [[nodiscard]] std::vector<vertex_id> people() const;
};

/// The k people to convince first (see the header comment).
[[nodiscard]] WinOverPlan win_over_plan(const InfluenceGraph& graph, vertex_id target,
                                        const WinOverOptions& options = {});

/// The fewest people (at most options.k; 0 = no limit) whose sampled
/// probability of winning the target reaches `goal` in (0, 1].
[[nodiscard]] WinOverPlan smallest_win_over_set(const InfluenceGraph& graph, vertex_id target, double goal,
                                                const WinOverOptions& options = {});

struct ExactWinOptions {
  /// Largest number of uncertain ties enumerated (2^this worlds); at most 30.
  std::size_t max_uncertain = 20;
};

/// P(target convinced | seeds convinced) exactly, by enumerating worlds.
[[nodiscard]] double exact_win_probability(const InfluenceGraph& graph, vertex_id target,
                                           std::span<const vertex_id> seeds, const ExactWinOptions& options = {});

/// The same for several seed sets at once (one enumeration).
[[nodiscard]] std::vector<double> exact_win_probabilities(const InfluenceGraph& graph, vertex_id target,
                                                          const std::vector<std::vector<vertex_id>>& seed_sets,
                                                          const ExactWinOptions& options = {});

}  // namespace orgnet
