#pragma once
// Reverse-reachable (RR) sets for the Independent Cascade and Linear
// Threshold models, and greedy maximum coverage over them: the sampling engine of targeted persuasion
// (persuasion/win_over.hpp) and of influence maximization (IMM).
//
// Independent Cascade (Kempe, Kleinberg and Tardos, KDD 2003): people
// convinced at step t try once to convince each person they influence; the
// attempt over edge u -> v succeeds with probability s(u, v), independently.
// Equivalently, flip every edge once ("live" with probability s) and the
// people convinced are those reachable from the seed set S over live edges.
//
// RR set rooted at v (Borgs, Brautbar, Chayes and Lucier, SODA 2014): the
// people from whom v is reachable over live edges of one random world,
// found by a breadth-first search from v along in-edges, flipping each edge
// the first time it is examined. v itself is always in it. Then
//     P(v convinced | S) = P(RR(v) ∩ S ≠ ∅),
// so the share of sampled RR(v) sets that S hits is an unbiased estimate of
// the probability that v is won over; with roots drawn uniformly at random
// the share times n estimates the expected spread of S (Tang, Shi and Xiao,
// "Influence maximization in near-linear time: a martingale approach"
// (IMM), SIGMOD 2015, doi:10.1145/2723372.2723734).
//
// Linear Threshold (simulation.hpp): v keeps at most one in-tie in a
// live-edge world, u -> v with probability w(u, v), none with probability
// 1 - sum_u w(u, v) (Kempe et al., Claim 2.6). RR(v) is then a reverse random
// walk: from the current person pick one in-neighbour u with probability
// w(u, current), none with the rest; stop at none or at a person already on
// the walk (the walk has closed a cycle: nobody new can be reached). The
// weights w are validated (in-strengths summing to at most 1) or normalized
// exactly as simulate_spread does (LinearThresholdWeights). Each step costs
// O(log in-degree) (a binary search in the running sums).
//
// Reproducibility. Sample i of a run seeded `seed` draws everything (its root,
// its coin flips) from its own stream SplitMix64(stream_seed(seed, i))
// (detail/random.hpp), so set i is the same whichever thread builds it and
// however the run is cut: sampling samples [0, a) and then [a, b) gives
// exactly the sets of sampling [0, b) at once. Sets are stored in sample
// order, flat (offsets + members, members of one set in the order the search
// found them, the root first).
//
// Greedy maximum coverage (Nemhauser, Wolsey and Fisher 1978): pick k people
// one at a time, each covering the most sets not yet covered (ties: the
// smallest vertex id); the coverage is at least (1 - 1/e) of the best k-set's
// on the samples. With costs the pick maximizes newly covered sets per unit
// cost among the affordable people, and the result is compared with the best
// single affordable person (Khuller, Moss and Naor 1999: at least
// (1 - 1/sqrt(e)) / 2 of the best within budget).
//
// Complexity: O(total size of the sets + edges examined) to sample; the
// greedy builds an inverted index, O(total size + n), and each pick costs
// O(candidates) plus the sets it covers.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "orgnet/diffusion/simulation.hpp"
#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

/// A collection of RR sets in flat storage.
struct RRSets {
  /// Set i is members[offsets[i], offsets[i+1]); offsets starts with 0.
  std::vector<std::uint64_t> offsets{0};
  std::vector<vertex_id> members;

  [[nodiscard]] std::size_t size() const noexcept { return offsets.size() - 1; }
  [[nodiscard]] bool empty() const noexcept { return size() == 0; }
  [[nodiscard]] std::span<const vertex_id> operator[](std::size_t i) const noexcept {
    return {members.data() + offsets[i], static_cast<std::size_t>(offsets[i + 1] - offsets[i])};
  }
  /// Sum of the set sizes.
  [[nodiscard]] std::uint64_t total_size() const noexcept { return members.size(); }
  /// Appends the sets of `other` after these.
  void append(const RRSets& other);
  void clear() {
    offsets.assign(1, 0);
    members.clear();
  }
};

struct RRSampleOptions {
  /// Root of every set; nullopt = a root drawn uniformly for each sample.
  std::optional<vertex_id> root;
  std::uint64_t seed = 1;
  /// Index of the first sample (samples first, first+1, ... are drawn).
  std::uint64_t first = 0;
  /// 0 = all available; results do not depend on it.
  int threads = 0;
  /// The model, for the free function sample_rr_sets (an RRSampler has its
  /// model fixed at construction and rejects a different one here).
  CascadeModel model = CascadeModel::independent_cascade;
  /// Linear Threshold only: validate or normalize the in-strengths.
  LinearThresholdWeights lt_weights = LinearThresholdWeights::validate;
};

/// A sampler bound to one graph: it keeps each person's in-ties sorted by
/// decreasing strength so that a person with many in-ties costs O(1 + live
/// ties) per visit instead of O(in-degree): the coins of a run of ties are
/// drawn by geometric skipping with the run's largest strength q (the next
/// candidate tie is G ~ Geometric(q) ties further on), and a candidate j is
/// kept with probability s_j / q, which makes every tie live with probability
/// exactly s_j, independently (thinning). People whose in-ties are few or
/// strong (in-degree below 16, or strengths summing above in-degree / 16)
/// flip one coin per tie, which is cheaper there. Preparing costs O(m log d);
/// reuse the sampler for many calls. Under Linear Threshold it keeps each
/// person's running in-weight sums instead (O(m) to prepare). The graph must
/// outlive the sampler.
class RRSampler {
 public:
  /// Throws orgnet::invalid_argument (message starting with `caller`) under
  /// Linear Threshold with `validate` when a person's in-strengths sum above 1.
  explicit RRSampler(const InfluenceGraph& graph, CascadeModel model = CascadeModel::independent_cascade,
                     LinearThresholdWeights lt_weights = LinearThresholdWeights::validate,
                     const std::string& caller = "RRSampler");
  /// Samples `count` RR sets and appends them to `out` (see sample_rr_sets).
  void sample(std::uint64_t count, const RRSampleOptions& options, RRSets& out) const;
  [[nodiscard]] const InfluenceGraph& graph() const noexcept { return *graph_; }
  [[nodiscard]] CascadeModel model() const noexcept { return model_; }
  [[nodiscard]] LinearThresholdWeights lt_weights() const noexcept { return lt_weights_; }

 private:
  const InfluenceGraph* graph_;
  CascadeModel model_;
  LinearThresholdWeights lt_weights_;
  // IC: in-CSR layout, each list by decreasing strength. LT: in-CSR order,
  // strength_ holding the running sums of the (validated or normalized) weights.
  std::vector<vertex_id> source_;
  std::vector<double> strength_;
  std::vector<double> log_miss_;  // ln(1 - s) per tie (skipping)
  std::vector<char> skip_;        // per person: draw by geometric skipping
};

/// Samples `count` RR sets and appends them to `out` (one RRSampler for the call,
/// with options.model and options.lt_weights). Throws
/// orgnet::out_of_range for a root out of range and orgnet::invalid_argument
/// for a graph without people (random roots), threads < 0 or (LT, validate)
/// in-strengths summing above 1.
void sample_rr_sets(const InfluenceGraph& graph, std::uint64_t count, const RRSampleOptions& options, RRSets& out);

/// Convenience: `count` fresh sets.
[[nodiscard]] RRSets sample_rr_sets(const InfluenceGraph& graph, std::uint64_t count,
                                    const RRSampleOptions& options = {});

struct CoverageOptions {
  /// How many people to pick at most (with unit costs, exactly min(k, useful
  /// candidates): the greedy stops early when no candidate covers anything new).
  std::size_t k = 1;
  /// allowed[v] != 0 when v may be picked; empty = everyone.
  std::span<const char> allowed;
  /// Cost of each person (> 0); empty = 1 each.
  std::span<const double> costs;
  /// Largest total cost (with costs); infinity = no limit.
  double budget = std::numeric_limits<double>::infinity();
  /// Stop as soon as this many sets are covered (smallest-set search); 0 = never.
  std::uint64_t stop_at = 0;
  /// People already convinced: the sets they hit count as covered from the
  /// start (they are neither picked nor counted in `covered` or the gains).
  std::span<const vertex_id> already = {};
};

struct CoverageResult {
  /// People picked, in order.
  std::vector<vertex_id> chosen;
  /// Sets newly covered by each pick.
  std::vector<std::uint64_t> gains;
  /// Sets newly covered by all the picks (not counting those of `already`).
  std::uint64_t covered = 0;
  /// Sets hit by the `already` people.
  std::uint64_t already_covered = 0;
  double cost = 0.0;
  /// Unit costs: an upper bound on the coverage of the best k-set on these
  /// sets, min over the greedy prefixes S_i of cov(S_i) + the k largest
  /// marginal gains w.r.t. S_i (submodularity; Leskovec et al. KDD 2007). It
  /// is at most covered / (1 - 1/e). With costs: +infinity (not computed).
  double optimum_upper = 0.0;
};

/// Greedy maximum coverage of `sets` by people 0..n-1 (see the header comment).
[[nodiscard]] CoverageResult greedy_max_coverage(const RRSets& sets, std::size_t n, const CoverageOptions& options);

/// Number of sets that contain at least one person of `people`.
[[nodiscard]] std::uint64_t count_covered(const RRSets& sets, std::span<const vertex_id> people, std::size_t n);

/// For each set, the position in `people` of the first listed person it
/// contains, or people.size() when none: the basis of marginal gains in a
/// given order.
[[nodiscard]] std::vector<std::uint32_t> first_cover(const RRSets& sets, std::span<const vertex_id> people,
                                                     std::size_t n);

}  // namespace orgnet
