#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "diffusion/live_edge_oracle.hpp"
#include "orgnet/detail/random.hpp"
#include "orgnet/diffusion/celf.hpp"
#include "orgnet/diffusion/influence_maximization.hpp"
#include "orgnet/diffusion/reverse_reachable.hpp"
#include "orgnet/diffusion/simulation.hpp"
#include "orgnet/error.hpp"
#include "orgnet/model/generators.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

using test::graph_of;

/// A seeded random graph of n people and `ties` distinct ordered pairs with
/// strengths 0.2, 0.35 or 0.5 (nothing certain, so seeds matter).
InfluenceGraph random_uncertain_graph(std::uint64_t seed, std::size_t n, std::size_t ties) {
  detail::SplitMix64 rng(seed);
  std::vector<std::string> people;
  for (std::size_t i = 0; i < n; ++i) people.push_back("q" + std::to_string(i));
  std::vector<test::StrengthTie> list;
  std::vector<char> used(n * n, 0);
  const double strengths[] = {0.2, 0.35, 0.5};
  while (list.size() < ties) {
    const auto u = rng.below(n), v = rng.below(n);
    if (u == v || used[u * n + v]) continue;
    used[u * n + v] = 1;
    list.emplace_back(people[u], people[v], strengths[rng.below(3)]);
  }
  return graph_of(people, list);
}

/// The best k-set's exact spread, by trying every k-subset (live-edge enumeration).
double brute_force_best(const InfluenceGraph& g, std::size_t k, bool lt) {
  const std::size_t n = g.num_vertices();
  double best = 0.0;
  std::vector<char> pick(n, 0);
  std::fill(pick.end() - static_cast<std::ptrdiff_t>(k), pick.end(), 1);
  do {
    std::vector<vertex_id> set;
    for (vertex_id v = 0; v < n; ++v) {
      if (pick[v]) set.push_back(v);
    }
    best = std::max(best, test::exact_spread(g, set, lt, true).expected_reach);
  } while (std::next_permutation(pick.begin(), pick.end()));
  return best;
}

TEST(DiffusionImm, LinearThresholdRRSetsAreReverseRandomWalks) {
  // Chain a -> b -> c, weights 1/2: RR(c) = {c} with prob 1/2 (c keeps no
  // tie), {c, b} with prob 1/4 (c keeps b, b keeps none), {c, b, a} with 1/4.
  const auto chain = graph_of({"a", "b", "c"}, {{"a", "b", 0.5}, {"b", "c", 0.5}});
  const std::uint64_t count = 40000;
  const RRSets sets = sample_rr_sets(chain, count, {.root = 2, .seed = 5, .model = CascadeModel::linear_threshold});
  std::size_t sizes[4] = {0, 0, 0, 0};
  for (std::size_t i = 0; i < sets.size(); ++i) {
    ++sizes[sets[i].size()];
    EXPECT_EQ(sets[i][0], 2u);
    if (sets[i].size() >= 2) {
      EXPECT_EQ(sets[i][1], 1u);
    }
  }
  // Binomial sd <= sqrt(0.25 / 40000) = 0.0025: 4 sd = 0.01.
  EXPECT_NEAR(static_cast<double>(sizes[1]) / static_cast<double>(count), 0.5, 0.01);
  EXPECT_NEAR(static_cast<double>(sizes[2]) / static_cast<double>(count), 0.25, 0.01);
  EXPECT_NEAR(static_cast<double>(sizes[3]) / static_cast<double>(count), 0.25, 0.01);
  // A 2-cycle of weight 1: the walk a <- b <- a stops at the revisit.
  const auto cycle = graph_of({"a", "b"}, {{"a", "b", 1.0}, {"b", "a", 1.0}});
  const RRSets loop = sample_rr_sets(cycle, 10, {.root = 0, .model = CascadeModel::linear_threshold});
  for (std::size_t i = 0; i < loop.size(); ++i)
    EXPECT_EQ(std::vector<vertex_id>(loop[i].begin(), loop[i].end()), (std::vector<vertex_id>{0, 1}));
}

TEST(DiffusionImm, LinearThresholdRRSetsMatchExactReachProbabilities) {
  // P(u in RR(v)) = P(v reached from {u}) under LT (normalized weights),
  // compared with live-edge enumeration for every pair.
  const auto g = random_uncertain_graph(3, 6, 11);
  const std::size_t n = g.num_vertices();
  const std::uint64_t count = 20000;
  for (vertex_id v = 0; v < n; ++v) {
    const RRSets sets = sample_rr_sets(g, count,
                                       {.root = v,
                                        .seed = 17 + v,
                                        .threads = 2,
                                        .model = CascadeModel::linear_threshold,
                                        .lt_weights = LinearThresholdWeights::normalize});
    std::vector<double> share(n, 0.0);
    for (std::size_t i = 0; i < sets.size(); ++i) {
      for (vertex_id u : sets[i]) share[u] += 1.0 / static_cast<double>(count);
    }
    for (vertex_id u = 0; u < n; ++u) {
      const double exact = test::exact_spread(g, {u}, true, true).probability[v];
      // sd <= 0.5 / sqrt(20000) = 0.0035; 5 sd.
      EXPECT_NEAR(share[u], exact, 0.018) << "u " << u << " v " << v;
    }
  }
}

TEST(DiffusionImm, LinearThresholdValidationIsTheSimulations) {
  const auto g = graph_of({"a", "b", "c"}, {{"a", "c", 0.7}, {"b", "c", 0.6}});
  const std::string message =
      test::invalid_argument_message([&] { (void)imm_seeds(g, {.model = CascadeModel::linear_threshold, .k = 1}); });
  EXPECT_NE(message.find("imm_seeds"), std::string::npos) << message;
  EXPECT_NE(message.find("'c'"), std::string::npos) << message;
  EXPECT_NO_THROW((void)imm_seeds(
      g, {.model = CascadeModel::linear_threshold, .lt_weights = LinearThresholdWeights::normalize, .k = 1}));
  // A sampler built for IC refuses LT options.
  const RRSampler ic(g);
  RRSets out;
  EXPECT_THROW(ic.sample(1, {.model = CascadeModel::linear_threshold}, out), orgnet::invalid_argument);
}

TEST(DiffusionImm, CoverageCountsAlreadyConvincedSetsAsCovered) {
  // Sets {0, 1}, {1}, {2}, {2, 3}, {3}: person 1 already convinced covers
  // the first two; the greedy then takes 2 (sets 3 and 4: gain 2) before 3
  // (set 5: gain 1), and never takes 1.
  RRSets sets;
  sets.members = {0, 1, 1, 2, 2, 3, 3};
  sets.offsets = {0, 2, 3, 4, 6, 7};
  const std::vector<vertex_id> already = {1};
  const auto r = greedy_max_coverage(sets, 4, {.k = 3, .already = already});
  EXPECT_EQ(r.already_covered, 2u);
  EXPECT_EQ(r.chosen, (std::vector<vertex_id>{2, 3}));
  EXPECT_EQ(r.gains, (std::vector<std::uint64_t>{2, 1}));
  EXPECT_EQ(r.covered, 3u);
}

class DiffusionImmBruteForce : public ::testing::TestWithParam<std::tuple<bool, std::size_t, std::uint64_t>> {};

TEST_P(DiffusionImmBruteForce, ReachesTheGuaranteeAgainstTheBestKSet) {
  const auto [lt, k, graph_seed] = GetParam();
  const auto g = random_uncertain_graph(graph_seed, 8, 13);
  const double epsilon = 0.1;
  const auto r = imm_seeds(g, {.model = lt ? CascadeModel::linear_threshold : CascadeModel::independent_cascade,
                               .lt_weights = LinearThresholdWeights::normalize,
                               .k = k,
                               .epsilon = epsilon,
                               .delta = 0.05,
                               .seed = 7});
  ASSERT_EQ(r.seeds.size(), k);
  const double best = brute_force_best(g, k, lt);
  const double exact = test::exact_spread(g, r.seeds, lt, true).expected_reach;
  EXPECT_GE(exact, (1.0 - std::exp(-1.0) - epsilon) * best);
  // In practice IMM is near-optimal on such graphs.
  EXPECT_GE(exact, 0.95 * best);
  // The reported interval holds the exact spread, and so does an independent
  // Monte Carlo evaluation's.
  EXPECT_LE(r.spread_low, exact);
  EXPECT_GE(r.spread_high, exact);
  const auto mc = simulate_spread(g, r.seeds,
                                  {.model = lt ? CascadeModel::linear_threshold : CascadeModel::independent_cascade,
                                   .simulations = 20000,
                                   .seed = 99,
                                   .lt_weights = LinearThresholdWeights::normalize});
  EXPECT_LE(mc.reach_low, exact);
  EXPECT_GE(mc.reach_high, exact);
  EXPECT_GE(mc.expected_reach, 0.93 * best);
  // Gains add up to the spread; the sampling figures are consistent.
  double sum = 0.0;
  for (double gain : r.marginal_gain) sum += gain;
  EXPECT_NEAR(sum + r.base_spread, r.spread, 1e-9);
  EXPECT_EQ(r.theta, static_cast<std::uint64_t>(std::ceil(r.lambda_star / r.lower_bound)));
  EXPECT_EQ(r.selection_rr_sets, r.theta);
  EXPECT_EQ(r.rr_sets, r.sampling_rr_sets + r.selection_rr_sets + r.evaluation_rr_sets);
  EXPECT_GE(r.lower_bound, 1.0);
  EXPECT_LE(r.lower_bound, best * 1.05);  // LB <= OPT (whp)
}

INSTANTIATE_TEST_SUITE_P(Graphs, DiffusionImmBruteForce,
                         ::testing::Values(std::tuple{false, std::size_t{2}, std::uint64_t{1}},
                                           std::tuple{false, std::size_t{3}, std::uint64_t{2}},
                                           std::tuple{true, std::size_t{2}, std::uint64_t{3}},
                                           std::tuple{true, std::size_t{3}, std::uint64_t{4}}));

TEST(DiffusionImm, AgreesWithCelf) {
  for (const auto model : {CascadeModel::independent_cascade, CascadeModel::linear_threshold}) {
    const auto g = random_uncertain_graph(11, 40, 110);
    const std::size_t k = 4;
    const auto imm = imm_seeds(
        g, {.model = model, .lt_weights = LinearThresholdWeights::normalize, .k = k, .epsilon = 0.2, .seed = 3});
    const auto celf = celf_seeds(
        g, {.k = k, .model = model, .lt_weights = LinearThresholdWeights::normalize, .simulations = 2000, .seed = 5});
    const SimulationOptions sim{
        .model = model, .simulations = 20000, .seed = 1234, .lt_weights = LinearThresholdWeights::normalize};
    const double imm_spread = simulate_spread(g, imm.seeds, sim).expected_reach;
    const double celf_spread = simulate_spread(g, celf.seeds, sim).expected_reach;
    EXPECT_GE(imm_spread, 0.95 * celf_spread) << to_string(model);
    // IMM's own estimate agrees with the independent one.
    EXPECT_NEAR(imm.spread, imm_spread, 0.05 * imm_spread) << to_string(model);
    // The first pick is the single best person in both.
    EXPECT_EQ(imm.seeds.front(), celf.seeds.front()) << to_string(model);
  }
}

TEST(DiffusionImm, IdenticalForOneAndTwoThreads) {
  const auto g = random_uncertain_graph(9, 300, 900);
  for (const auto model : {CascadeModel::independent_cascade, CascadeModel::linear_threshold}) {
    ImmOptions o{.model = model,
                 .lt_weights = LinearThresholdWeights::normalize,
                 .k = 5,
                 .epsilon = 0.4,
                 .seed = 21,
                 .convinced = {7},
                 .threads = 1};
    const auto one = imm_seeds(g, o);
    o.threads = 2;
    const auto two = imm_seeds(g, o);
    EXPECT_EQ(one.seeds, two.seeds);
    EXPECT_EQ(one.marginal_gain, two.marginal_gain);
    EXPECT_EQ(one.spread, two.spread);
    EXPECT_EQ(one.lower_bound, two.lower_bound);
    EXPECT_EQ(one.rr_sets, two.rr_sets);
    EXPECT_EQ(one.seeds.size(), 5u);
    EXPECT_EQ(std::count(one.seeds.begin(), one.seeds.end(), 7u), 0);
  }
}

TEST(DiffusionImm, CandidatesAndConvinced) {
  const auto g = random_uncertain_graph(5, 8, 14);
  // Only q5..q7 may be chosen; q0 is already convinced.
  const auto r = imm_seeds(g, {.k = 2, .seed = 4, .candidates = {5, 6, 7}, .convinced = {0}});
  ASSERT_EQ(r.seeds.size(), 2u);
  for (vertex_id s : r.seeds) EXPECT_TRUE(s >= 5 && s <= 7);
  // The best pair among the candidates given q0, by enumeration.
  double best = 0.0;
  for (vertex_id a = 5; a <= 7; ++a) {
    for (vertex_id b = a + 1; b <= 7; ++b) {
      best = std::max(best, test::exact_spread(g, {0, a, b}, false).expected_reach);
    }
  }
  std::vector<vertex_id> with = r.seeds;
  with.push_back(0);
  const double exact = test::exact_spread(g, with, false).expected_reach;
  const double base = test::exact_spread(g, {0}, false).expected_reach;
  EXPECT_GE(exact - base, 0.95 * (best - base));
  EXPECT_LE(r.spread_low, exact);
  EXPECT_GE(r.spread_high, exact);
  // base_spread estimates sigma({q0}): evaluation sets >= 10,000, sd <= 8 * 0.5 / 100.
  EXPECT_NEAR(r.base_spread, base, 0.2);
  // k = 0: no seeds, only the base estimate.
  const auto none = imm_seeds(g, {.k = 0, .convinced = {0}});
  EXPECT_TRUE(none.seeds.empty());
  EXPECT_EQ(none.theta, 0u);
  EXPECT_NEAR(none.spread, base, 0.2);
  EXPECT_EQ(none.spread, none.base_spread);
}

TEST(DiffusionImm, BadOptionsGiveClearErrors) {
  const auto g = random_uncertain_graph(5, 8, 14);
  auto message = [&](const ImmOptions& o) { return test::invalid_argument_message([&] { (void)imm_seeds(g, o); }); };
  EXPECT_NE(message({.k = 9}).find("k = 9 exceeds the number of people (8)"), std::string::npos);
  EXPECT_NE(message({.k = 3, .candidates = {1, 2, 3}, .convinced = {1}}).find("2 eligible candidates"),
            std::string::npos);
  EXPECT_NE(message({.epsilon = 0.0}).find("epsilon"), std::string::npos);
  EXPECT_NE(message({.epsilon = -0.5}).find("epsilon"), std::string::npos);
  EXPECT_NE(message({.epsilon = 1.0}).find("epsilon"), std::string::npos);
  EXPECT_NE(message({.delta = 0.0}).find("delta"), std::string::npos);
  EXPECT_NE(message({.delta = 1.0}).find("delta"), std::string::npos);
  EXPECT_NE(message({.threads = -1}).find("threads"), std::string::npos);
  EXPECT_THROW((void)imm_seeds(g, {.k = 1, .candidates = {8}}), orgnet::out_of_range);
  EXPECT_THROW((void)imm_seeds(g, {.k = 1, .convinced = {99}}), orgnet::out_of_range);
  // k = n: everyone, spread n exactly.
  const auto all = imm_seeds(g, {.k = 8, .epsilon = 0.5});
  EXPECT_EQ(all.seeds.size(), 8u);
  EXPECT_DOUBLE_EQ(all.spread, 8.0);
  EXPECT_DOUBLE_EQ(all.spread_low, 8.0);
  EXPECT_DOUBLE_EQ(all.spread_high, 8.0);
}

}  // namespace
}  // namespace orgnet
