// RR sets, the win-over plan and exact evaluation.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "../test_support.hpp"
#include "orgnet/diffusion/reverse_reachable.hpp"
#include "orgnet/persuasion/win_over.hpp"

namespace orgnet {
namespace {

using test::graph_of;

// A seeded random graph of n people and m ties with strengths in [0.1, 0.9].
InfluenceGraph random_graph(std::uint64_t seed, std::size_t n, std::size_t m) {
  detail::SplitMix64 rng(seed);
  std::vector<std::string> people;
  for (std::size_t i = 0; i < n; ++i) people.push_back("p" + std::to_string(i));
  std::vector<test::StrengthTie> ties;
  std::vector<char> used(n * n, 0);
  while (ties.size() < m) {
    const auto u = rng.below(n), v = rng.below(n);
    if (u == v || used[u * n + v]) continue;
    used[u * n + v] = 1;
    ties.emplace_back(people[u], people[v], 0.1 + 0.8 * rng.uniform());
  }
  return graph_of(people, ties);
}

TEST(PersuasionRRSets, DeterministicAndSplittable) {
  const auto g = random_graph(5, 40, 200);
  const RRSets one = sample_rr_sets(g, 3000, {.root = 3, .seed = 9, .threads = 1});
  const RRSets two = sample_rr_sets(g, 3000, {.root = 3, .seed = 9, .threads = 2});
  EXPECT_EQ(one.offsets, two.offsets);
  EXPECT_EQ(one.members, two.members);
  RRSets split = sample_rr_sets(g, 1000, {.root = 3, .seed = 9});
  sample_rr_sets(g, 2000, {.root = 3, .seed = 9, .first = 1000}, split);
  EXPECT_EQ(split.members, one.members);
  for (std::size_t i = 0; i < one.size(); ++i) EXPECT_EQ(one[i][0], 3u);  // the root first
  const RRSets random_roots = sample_rr_sets(g, 500, {.seed = 4, .threads = 2});
  EXPECT_EQ(random_roots.members, sample_rr_sets(g, 500, {.seed = 4, .threads = 1}).members);
  EXPECT_THROW((void)sample_rr_sets(g, 1, {.root = 99}), orgnet::out_of_range);
  EXPECT_THROW((void)sample_rr_sets(graph_of({}, {}), 1, {}), orgnet::invalid_argument);
}

// a -1-> b -0.5-> t and c -0.5-> t: every RR(t) holds t; it holds b and a
// (strength 1) exactly when b -> t is live (probability 1/2), c when c -> t is.
TEST(PersuasionRRSets, HandWorkedFrequenciesAndCoverage) {
  const auto g = graph_of({"a", "b", "c", "t"}, {{"a", "b", 1.0}, {"b", "t", 0.5}, {"c", "t", 0.5}});
  const RRSets sets = sample_rr_sets(g, 20000, {.root = 3, .seed = 1});
  std::size_t with_a = 0, with_b = 0, with_c = 0;
  for (std::size_t i = 0; i < sets.size(); ++i) {
    const auto s = sets[i];
    const bool a = std::count(s.begin(), s.end(), 0u) > 0, b = std::count(s.begin(), s.end(), 1u) > 0;
    EXPECT_EQ(a, b);
    with_a += a;
    with_b += b;
    with_c += std::count(s.begin(), s.end(), 2u) > 0;
  }
  // 20000 Bernoulli(1/2): 5 standard deviations is 354.
  EXPECT_NEAR(static_cast<double>(with_a), 10000.0, 354.0);
  EXPECT_NEAR(static_cast<double>(with_c), 10000.0, 354.0);
  std::vector<char> not_t{1, 1, 1, 0};
  const auto greedy = greedy_max_coverage(sets, 4, {.k = 2, .allowed = not_t});
  ASSERT_EQ(greedy.chosen.size(), 2u);
  // a and b cover the same sets; the second pick must be c (or a/b first, c second).
  EXPECT_TRUE(std::count(greedy.chosen.begin(), greedy.chosen.end(), 2u) == 1);
  EXPECT_EQ(greedy.covered, count_covered(sets, greedy.chosen, 4));
  EXPECT_EQ(greedy.gains[0] + greedy.gains[1], greedy.covered);
}

// A target with 80 weak in-ties (strengths summing to about 3.4, under 80/16,
// some equal, one of strength 1) is sampled by geometric skipping: each source
// must appear in RR(t) with frequency s (within 5 standard deviations), and
// pairs independently.
TEST(PersuasionRRSets, SkippingSamplerIsExactInDistribution) {
  std::vector<std::string> people{"t"};
  std::vector<test::StrengthTie> ties;
  for (int i = 0; i < 80; ++i) {
    people.push_back("s" + std::to_string(i));
    ties.emplace_back(people.back(), "t", i < 5 ? 0.3 : (i == 79 ? 1.0 : 0.0005 * (i % 40) + 0.002));
  }
  const auto g = graph_of(people, ties);
  const std::size_t count = 40000;
  const RRSets sets = sample_rr_sets(g, count, {.root = 0, .seed = 11});
  std::vector<double> seen(81, 0.0);
  double both = 0.0;  // s0 and s1 together (independent: 0.3 * 0.3)
  for (std::size_t i = 0; i < sets.size(); ++i) {
    bool a = false, b = false;
    for (const vertex_id v : sets[i]) {
      seen[v] += 1.0;
      a = a || v == 1;
      b = b || v == 2;
    }
    both += a && b ? 1.0 : 0.0;
  }
  for (vertex_id v = 1; v <= 80; ++v) {
    const double s = g.strength(*g.find_edge(v, 0));
    const double sd = std::sqrt(static_cast<double>(count) * s * (1 - s));
    EXPECT_NEAR(seen[v], static_cast<double>(count) * s, 5 * sd + 1e-9) << "source " << v;
  }
  EXPECT_NEAR(both, count * 0.09, 5 * std::sqrt(count * 0.09 * 0.91));
}

// Exact values, worked by hand:
//   a -0.5-> t, b -0.5-> t:  P({a}) = 0.5, P({a, b}) = 1 - 0.5 * 0.5 = 0.75.
//   a -0.5-> b -0.4-> t:     P({a}) = 0.5 * 0.4 = 0.2; P({b}) = 0.4.
TEST(PersuasionWinOver, ExactHandWorked) {
  const auto fan = graph_of({"a", "b", "t"}, {{"a", "t", 0.5}, {"b", "t", 0.5}});
  const std::vector<vertex_id> a{0}, ab{0, 1}, t{2};
  EXPECT_DOUBLE_EQ(exact_win_probability(fan, 2, a), 0.5);
  EXPECT_DOUBLE_EQ(exact_win_probability(fan, 2, ab), 0.75);
  EXPECT_DOUBLE_EQ(exact_win_probability(fan, 2, t), 1.0);
  EXPECT_DOUBLE_EQ(exact_win_probability(fan, 2, {}), 0.0);
  const auto line = graph_of({"a", "b", "t"}, {{"a", "b", 0.5}, {"b", "t", 0.4}});
  const auto both = exact_win_probabilities(line, 2, {{0}, {1}});
  EXPECT_DOUBLE_EQ(both[0], 0.2);
  EXPECT_DOUBLE_EQ(both[1], 0.4);
  const auto big = random_graph(1, 12, 60);
  EXPECT_THROW((void)exact_win_probability(big, 0, a), orgnet::invalid_argument);
  EXPECT_THROW((void)exact_win_probability(fan, 2, a, {.max_uncertain = 31}), orgnet::invalid_argument);
}

TEST(PersuasionWinOver, HandWorkedPlan) {
  const auto fan = graph_of({"a", "b", "c", "t"}, {{"a", "t", 0.6}, {"b", "t", 0.5}, {"c", "b", 0.9}});
  const auto plan = win_over_plan(fan, 3, {.k = 2, .epsilon = 0.1, .delta = 0.01, .seed = 3});
  ASSERT_EQ(plan.steps.size(), 2u);
  EXPECT_EQ(plan.steps[0].person, 0u);  // a: 0.6, the best single person
  EXPECT_EQ(plan.steps[1].person, 1u);  // then b: 1 - 0.4 * 0.5 = 0.8
  EXPECT_LE(plan.lower, 0.8);
  EXPECT_GE(plan.upper, 0.8);
  EXPECT_TRUE(plan.guarantee);
  ASSERT_EQ(plan.steps[0].chains.size(), 1u);
  EXPECT_EQ(plan.steps[0].chains[0].people, (std::vector<vertex_id>{0, 3}));
  EXPECT_NEAR(plan.steps[0].gain + plan.steps[1].gain, plan.probability, 1e-12);
  EXPECT_DOUBLE_EQ(plan.steps[1].probability, plan.probability);
  // Restrictions: without a, b and c remain; b's reports rule.
  const auto no_a = win_over_plan(fan, 3, {.k = 1, .seed = 3, .candidates = {1, 2, 3}});
  EXPECT_EQ(no_a.people(), std::vector<vertex_id>{1});
  // c reaches only b within one step: candidates {c, b}.
  const auto from_c = win_over_plan(fan, 3, {.k = 2, .seed = 3, .source = 2, .source_steps = 1});
  EXPECT_EQ(from_c.candidates, 2u);
  EXPECT_EQ(from_c.people(), std::vector<vertex_id>{1});  // c adds nothing once b is convinced
  // Costs: a costs 5, budget 2: b (then c adds nothing).
  const auto cheap = win_over_plan(fan, 3, {.k = 3, .seed = 3, .costs = {5, 1, 1, 1}, .budget = 2});
  EXPECT_EQ(cheap.people(), std::vector<vertex_id>{1});
  // Nobody can reach the target: empty plan, probability 0, exactly.
  const auto alone = win_over_plan(fan, 2, {.k = 2});
  EXPECT_TRUE(alone.steps.empty());
  EXPECT_EQ(alone.probability, 0.0);
  EXPECT_THROW((void)win_over_plan(fan, 9), orgnet::out_of_range);
  EXPECT_THROW((void)win_over_plan(fan, 3, {.epsilon = 0}), orgnet::invalid_argument);
  EXPECT_THROW((void)win_over_plan(fan, 3, {.costs = {1, 1}}), orgnet::invalid_argument);
}

TEST(PersuasionWinOver, ReportsExcluded) {
  GraphBuilder b({.relations = [] {
    RelationMap m;
    m.set("tie", {InfluenceDirection::source_to_target, StrengthRule::as_is});
    return m;
  }()});
  b.add_person({.id = "boss"});
  b.add_person({.id = "report", .manager = "boss"});
  b.add_person({.id = "peer"});
  b.add_tie("report", "boss", "tie", 0.9);
  b.add_tie("peer", "boss", "tie", 0.3);
  const auto g = std::move(b).build();
  const vertex_id boss = g.index_of("boss");
  EXPECT_EQ(win_over_plan(g, boss, {.k = 1}).people(), std::vector<vertex_id>{g.index_of("report")});
  EXPECT_EQ(win_over_plan(g, boss, {.k = 1, .exclude_target_reports = true}).people(),
            std::vector<vertex_id>{g.index_of("peer")});
}

// Every seeded case: the exact value of the chosen set lies in the stated
// interval, and it is at least (1 - 1/e - epsilon) of the best set of the
// same size found by brute force.
TEST(PersuasionWinOver, EstimateWithinIntervalAndNearOptimal) {
  const double epsilon = 0.1, delta = 0.01;
  int cases = 0;
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const auto g = random_graph(seed, 7, 12);
    const vertex_id target = static_cast<vertex_id>(seed % 7);
    for (std::size_t k : {1, 2}) {
      const auto plan = win_over_plan(g, target, {.k = k, .epsilon = epsilon, .delta = delta, .seed = seed});
      const auto chosen = plan.people();
      const double exact = exact_win_probability(g, target, chosen);
      EXPECT_GE(exact, plan.lower - 1e-12) << "seed " << seed << " k " << k;
      EXPECT_LE(exact, plan.upper + 1e-12) << "seed " << seed << " k " << k;
      // Brute force over every k-set of non-targets.
      std::vector<std::vector<vertex_id>> all;
      for (vertex_id a = 0; a < 7; ++a) {
        if (a == target) continue;
        if (k == 1) {
          all.push_back({a});
          continue;
        }
        for (vertex_id b = a + 1; b < 7; ++b) {
          if (b != target) all.push_back({a, b});
        }
      }
      const auto values = exact_win_probabilities(g, target, all);
      const double best = *std::max_element(values.begin(), values.end());
      EXPECT_GE(exact, (1.0 - 1.0 / std::exp(1.0) - epsilon) * best) << "seed " << seed;
      ++cases;
    }
  }
  EXPECT_EQ(cases, 20);
}

TEST(PersuasionWinOver, SmallestSetAndThreads) {
  const auto g = random_graph(12, 7, 14);
  const vertex_id target = 0;
  const auto plan = smallest_win_over_set(g, target, 0.5, {.epsilon = 0.05, .delta = 0.01, .seed = 2});
  const double exact = exact_win_probability(g, target, plan.people());
  if (plan.goal_reached) {
    EXPECT_GE(exact, 0.5 - 0.05);
  }
  EXPECT_GE(exact, plan.lower - 1e-12);
  EXPECT_LE(exact, plan.upper + 1e-12);
  // One person fewer would not reach the goal on the samples: the greedy stops
  // at the first prefix that does.
  if (plan.steps.size() > 1) {
    EXPECT_LT(plan.steps[plan.steps.size() - 2].probability, 0.5 + 0.05);
  }
  const auto one = win_over_plan(g, target, {.k = 3, .seed = 7, .threads = 1});
  const auto two = win_over_plan(g, target, {.k = 3, .seed = 7, .threads = 2});
  EXPECT_EQ(one.people(), two.people());
  EXPECT_EQ(one.probability, two.probability);
  EXPECT_EQ(one.samples, two.samples);
}

}  // namespace
}  // namespace orgnet
