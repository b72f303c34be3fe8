#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "diffusion/live_edge_oracle.hpp"
#include "orgnet/diffusion/simulation.hpp"
#include "orgnet/error.hpp"
#include "orgnet/model/generators.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

using test::graph_of;

// The hand-worked cascade graph (strength on each edge):
//
//        0.5        0.7        0.6
//     a -----> b -----> d -----> e
//      \       | 0.2   ^
//   0.4 \      v      / 0.3
//        '---> c ----'
//
// IC from {a}: P(b) = 0.5; c is reached directly (0.4) or through b
// (0.5 * 0.2 = 0.1), independently: P(c) = 1 - 0.6 * 0.9 = 0.46.
// In-strength sums: b 0.5, c 0.6, d 1.0, e 0.6, so LT accepts the strengths.
// LT from {a}: b keeps a -> b with 0.5, so P(b) = 0.5; c keeps a -> c (0.4) or
// b -> c (0.2, then needs b): P(c) = 0.4 + 0.2 * 0.5 = 0.5.
InfluenceGraph cascade_graph() {
  return graph_of(
      {"a", "b", "c", "d", "e"},
      {{"a", "b", 0.5}, {"a", "c", 0.4}, {"b", "c", 0.2}, {"b", "d", 0.7}, {"c", "d", 0.3}, {"d", "e", 0.6}});
}

void expect_consistent_with_exact(const SimulationResult& r, const test::ExactSpread& exact) {
  // (1e-9: the exact sum over worlds carries rounding; with sd 0 the interval is a point.)
  EXPECT_LE(r.reach_low, exact.expected_reach + 1e-9) << to_string(r.model) << " seed " << r.seed;
  EXPECT_GE(r.reach_high, exact.expected_reach - 1e-9) << to_string(r.model) << " seed " << r.seed;
  for (std::size_t v = 0; v < exact.probability.size(); ++v) {
    EXPECT_NEAR(r.probability[v], exact.probability[v], r.probability_margin) << "vertex " << v;
  }
  // Each curve point is a mean of counts in [0, n]: within n * margin (Hoeffding).
  const double n = static_cast<double>(exact.probability.size());
  for (std::size_t t = 0; t < r.adoption_curve.size(); ++t) {
    EXPECT_NEAR(r.adoption_curve[t], exact.within[t], n * r.probability_margin) << "step " << t;
  }
}

TEST(DiffusionSimulation, HandWorkedProbabilities) {
  const auto g = cascade_graph();
  const auto exact_ic = test::exact_spread(g, {0}, false);
  EXPECT_NEAR(exact_ic.probability[1], 0.5, 1e-12);
  EXPECT_NEAR(exact_ic.probability[2], 0.46, 1e-12);
  const auto exact_lt = test::exact_spread(g, {0}, true);
  EXPECT_NEAR(exact_lt.probability[1], 0.5, 1e-12);
  EXPECT_NEAR(exact_lt.probability[2], 0.5, 1e-12);
}

TEST(DiffusionSimulation, IndependentCascadeWithinConfidenceInterval) {
  const auto g = cascade_graph();
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    const std::vector<vertex_id> seeds{0};
    const auto r = simulate_spread(g, seeds, {.simulations = 20000, .seed = seed, .delta = 0.001});
    expect_consistent_with_exact(r, test::exact_spread(g, seeds, false));
    EXPECT_EQ(r.probability[0], 1.0);
    EXPECT_GT(r.reach_high, r.reach_low);
  }
  const std::vector<vertex_id> two{1, 2};
  const auto r = simulate_spread(g, two, {.simulations = 20000, .seed = 9, .delta = 0.001});
  expect_consistent_with_exact(r, test::exact_spread(g, two, false));
}

TEST(DiffusionSimulation, LinearThresholdWithinConfidenceInterval) {
  const auto g = cascade_graph();
  for (std::uint64_t seed : {4u, 5u}) {
    const std::vector<vertex_id> seeds{0};
    const auto r = simulate_spread(
        g, seeds, {.model = CascadeModel::linear_threshold, .simulations = 20000, .seed = seed, .delta = 0.001});
    expect_consistent_with_exact(r, test::exact_spread(g, seeds, true));
  }
}

TEST(DiffusionSimulation, RandomGraphsAgainstEnumeration) {
  // Random graphs with 10 edges on 6 people (1024 IC worlds).
  for (std::uint64_t s = 0; s < 3; ++s) {
    const auto g = test::random_exact_graph(100 + s, 6, 10);
    const std::vector<vertex_id> seeds{0, 3};
    const auto r = simulate_spread(g, seeds, {.simulations = 20000, .seed = s, .delta = 0.001});
    expect_consistent_with_exact(r, test::exact_spread(g, seeds, false));
    const auto lt = simulate_spread(g, seeds,
                                    {.model = CascadeModel::linear_threshold,
                                     .simulations = 20000,
                                     .seed = s,
                                     .delta = 0.001,
                                     .lt_weights = LinearThresholdWeights::normalize});
    expect_consistent_with_exact(lt, test::exact_spread(g, seeds, true, /*normalize=*/true));
  }
}

TEST(DiffusionSimulation, MaxStepsCutsTheCurve) {
  const auto g = cascade_graph();
  const std::vector<vertex_id> seeds{0};
  const auto full = simulate_spread(g, seeds, {.simulations = 5000, .seed = 3});
  const auto cut = simulate_spread(g, seeds, {.simulations = 5000, .seed = 3, .max_steps = 1});
  ASSERT_EQ(cut.adoption_curve.size(), 2u);
  // The same worlds: the first two points agree exactly.
  EXPECT_EQ(cut.adoption_curve[0], 1.0);
  EXPECT_EQ(cut.adoption_curve[1], full.adoption_curve[1]);
  EXPECT_EQ(cut.expected_reach, cut.adoption_curve[1]);
  EXPECT_EQ(cut.probability[3], 0.0);  // d is two steps away
  EXPECT_EQ(full.adoption_curve.back(), full.expected_reach);
  // The curve never decreases.
  for (std::size_t t = 1; t < full.adoption_curve.size(); ++t) {
    EXPECT_GE(full.adoption_curve[t], full.adoption_curve[t - 1]);
  }
}

TEST(DiffusionSimulation, IdenticalForAnyThreadCount) {
  const auto g = generate_company({.people = 300, .departments = 4, .ties_per_person = 6, .seed = 5});
  const std::vector<vertex_id> seeds{0, 17, 250};
  for (auto model : {CascadeModel::independent_cascade, CascadeModel::linear_threshold}) {
    SimulationOptions o{
        .model = model, .simulations = 1000, .seed = 77, .lt_weights = LinearThresholdWeights::normalize, .threads = 1};
    const auto one = simulate_spread(g, seeds, o);
    o.threads = 2;
    const auto two = simulate_spread(g, seeds, o);
    o.threads = 3;
    const auto three = simulate_spread(g, seeds, o);
    EXPECT_EQ(one.expected_reach, two.expected_reach);
    EXPECT_EQ(one.reach_stddev, two.reach_stddev);
    EXPECT_EQ(one.probability, two.probability);
    EXPECT_EQ(one.probability, three.probability);
    EXPECT_EQ(one.adoption_curve, three.adoption_curve);
    EXPECT_EQ(one.department_adoption, two.department_adoption);
    // Another seed gives other worlds.
    o.seed = 78;
    EXPECT_NE(simulate_spread(g, seeds, o).probability, one.probability);
  }
}

TEST(DiffusionSimulation, DepartmentAdoptionIsTheMeanOfMembers) {
  const auto g = generate_company({.people = 200, .departments = 3, .ties_per_person = 6, .seed = 2});
  const std::vector<vertex_id> seeds{5};
  const auto r = simulate_spread(g, seeds, {.simulations = 2000, .seed = 1});
  ASSERT_EQ(r.department_adoption.size(), g.num_departments());
  double total = r.no_department_reach;
  for (department_id d = 0; d < static_cast<department_id>(g.num_departments()); ++d) {
    double sum = 0;
    for (auto v : g.department_members(d)) sum += r.probability[v];
    EXPECT_NEAR(r.department_adoption[d], sum / static_cast<double>(g.department_members(d).size()), 1e-12);
    total += sum;
  }
  EXPECT_NEAR(total, r.expected_reach, 1e-9);
}

TEST(DiffusionSimulation, DegenerateInputs) {
  const auto g = cascade_graph();
  // No seeds.
  const auto none = simulate_spread(g, {}, {.simulations = 10});
  EXPECT_EQ(none.expected_reach, 0.0);
  EXPECT_EQ(none.reach_low, 0.0);
  EXPECT_EQ(none.reach_high, 0.0);
  EXPECT_EQ(none.adoption_curve, std::vector<double>{0.0});
  EXPECT_EQ(none.probability, std::vector<double>(5, 0.0));
  // Everyone a seed (with duplicates).
  const std::vector<vertex_id> all{4, 3, 2, 1, 0, 0};
  const auto everyone = simulate_spread(g, all, {.simulations = 10});
  EXPECT_EQ(everyone.seeds, (std::vector<vertex_id>{0, 1, 2, 3, 4}));
  EXPECT_EQ(everyone.expected_reach, 5.0);
  EXPECT_EQ(everyone.reach_stddev, 0.0);
  EXPECT_EQ(everyone.adoption_curve, std::vector<double>{5.0});
  // Empty graph.
  const auto empty = simulate_spread(InfluenceGraph{}, {}, {});
  EXPECT_EQ(empty.expected_reach, 0.0);
  EXPECT_TRUE(empty.probability.empty());
  // An isolated person reaches only themself; one simulation has sd 0.
  const auto lone = graph_of({"x", "y"}, {});
  const std::vector<vertex_id> x{0};
  const auto r = simulate_spread(lone, x, {.simulations = 1});
  EXPECT_EQ(r.expected_reach, 1.0);
  EXPECT_EQ(r.probability, (std::vector<double>{1.0, 0.0}));
  // Strength 1 everywhere: everyone downstream, every time.
  const auto sure = graph_of({"a", "b", "c"}, {{"a", "b", 1.0}, {"b", "c", 1.0}});
  const auto chain = simulate_spread(sure, x, {.simulations = 50});
  EXPECT_EQ(chain.expected_reach, 3.0);
  EXPECT_EQ(chain.adoption_curve, (std::vector<double>{1.0, 2.0, 3.0}));
}

TEST(DiffusionSimulation, Errors) {
  const auto g = cascade_graph();
  const std::vector<vertex_id> bad{7};
  EXPECT_THROW((void)simulate_spread(g, bad), out_of_range);
  const std::vector<vertex_id> a{0};
  EXPECT_NE(
      test::invalid_argument_message([&] { (void)simulate_spread(g, a, {.simulations = 0}); }).find("simulations"),
      std::string::npos);
  EXPECT_NE(test::invalid_argument_message([&] { (void)simulate_spread(g, a, {.delta = 1.0}); }).find("delta"),
            std::string::npos);
  EXPECT_NE(test::invalid_argument_message([&] { (void)simulate_spread(g, a, {.threads = -1}); }).find("threads"),
            std::string::npos);
  // LT rejects in-strengths above 1, naming the person; normalize accepts them.
  const auto heavy = graph_of({"a", "b", "c"}, {{"a", "c", 0.8}, {"b", "c", 0.7}});
  const auto message = test::invalid_argument_message(
      [&] { (void)simulate_spread(heavy, a, {.model = CascadeModel::linear_threshold}); });
  EXPECT_NE(message.find("'c'"), std::string::npos) << message;
  EXPECT_NE(message.find("1.5"), std::string::npos) << message;
  const auto normalized = simulate_spread(
      heavy, a,
      {.model = CascadeModel::linear_threshold, .simulations = 20000, .lt_weights = LinearThresholdWeights::normalize});
  // c keeps a -> c with 0.8 / 1.5.
  EXPECT_NEAR(normalized.probability[2], 0.8 / 1.5, normalized.probability_margin);
  EXPECT_THROW((void)parse_cascade_model("sir"), invalid_argument);
  EXPECT_EQ(parse_cascade_model("lt"), CascadeModel::linear_threshold);
  EXPECT_EQ(parse_cascade_model(to_string(CascadeModel::independent_cascade)), CascadeModel::independent_cascade);
}

TEST(DiffusionSimulation, NormalQuantile) {
  EXPECT_NEAR(normal_two_sided_quantile(0.05), 1.959963984540054, 1e-12);
  EXPECT_NEAR(normal_two_sided_quantile(0.01), 2.5758293035489004, 1e-12);
  EXPECT_THROW((void)normal_two_sided_quantile(0.0), invalid_argument);
}

}  // namespace
}  // namespace orgnet
