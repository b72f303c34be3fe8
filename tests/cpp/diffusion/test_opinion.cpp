#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <vector>

#include "orgnet/detail/random.hpp"
#include "orgnet/diffusion/opinion.hpp"
#include "orgnet/error.hpp"
#include "orgnet/model/generators.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

using test::graph_of;

std::vector<double> random_stances(std::size_t n, std::uint64_t seed) {
  detail::SplitMix64 rng(seed);
  std::vector<double> x(n);
  for (auto& v : x) v = 2.0 * rng.uniform() - 1.0;
  return x;
}

TEST(DiffusionOpinion, HandWorkedPair) {
  // a -> b (b listens to a only); a listens to nobody and keeps 1.
  // stubbornness 0.5: x_b = 0.5 x_a + 0.5 x0_b = 0.5 * 1 + 0.5 * (-1) = 0.
  // Mean = (x0_a + 0.5 x0_a + 0.5 x0_b) / 2: leverage a 0.75, b 0.25.
  const auto g = graph_of({"a", "b"}, {{"a", "b", 0.3}});
  const std::vector<double> x0{1.0, -1.0};
  const auto r = friedkin_johnsen(g, x0);
  EXPECT_NEAR(r.equilibrium[0], 1.0, 1e-15);
  EXPECT_NEAR(r.equilibrium[1], 0.0, 1e-15);
  EXPECT_NEAR(r.leverage[0], 0.75, 1e-15);
  EXPECT_NEAR(r.leverage[1], 0.25, 1e-15);
  EXPECT_LT(r.residual, 1e-15);
  EXPECT_TRUE(r.converges);
  EXPECT_TRUE(r.solved);
  EXPECT_DOUBLE_EQ(r.mean_initial, 0.0);
  EXPECT_DOUBLE_EQ(r.mean_equilibrium, 0.5);
  // Leverage on b alone: x_b = 0.5 x0_a + 0.5 x0_b.
  const auto on_b = friedkin_johnsen(g, x0, {.leverage = LeverageTarget::person, .target_person = 1});
  EXPECT_NEAR(on_b.leverage[0], 0.5, 1e-15);
  EXPECT_NEAR(on_b.leverage[1], 0.5, 1e-15);
}

TEST(DiffusionOpinion, LeverageEqualsFiniteDifferences) {
  const auto g = test::random_exact_graph(7, 12, 30);
  const auto x0 = random_stances(12, 3);
  detail::SplitMix64 rng(11);
  std::vector<double> stubborn(12);
  for (auto& s : stubborn) s = 0.1 + 0.8 * rng.uniform();
  for (auto target : {LeverageTarget::mean, LeverageTarget::person}) {
    OpinionOptions o{.stubbornness_by_person = stubborn, .leverage = target};
    if (target == LeverageTarget::person) o.target_person = 4;
    const auto base = friedkin_johnsen(g, x0, o);
    auto objective = [&](const OpinionResult& r) {
      if (target == LeverageTarget::person) return r.equilibrium[4];
      return std::accumulate(r.equilibrium.begin(), r.equilibrium.end(), 0.0) / 12.0;
    };
    const double h = 1e-3;
    for (std::size_t j = 0; j < 12; ++j) {
      auto moved = x0;
      moved[j] += (moved[j] > 0 ? -h : h);
      const double step = moved[j] - x0[j];
      const double fd = (objective(friedkin_johnsen(g, moved, o)) - objective(base)) / step;
      EXPECT_NEAR(base.leverage[j], fd, 1e-9) << "person " << j;
    }
    // Every equilibrium stance is a weighted average of initial stances.
    EXPECT_NEAR(std::accumulate(base.leverage.begin(), base.leverage.end(), 0.0), 1.0, 1e-12);
    for (double l : base.leverage) EXPECT_GE(l, -1e-15);
  }
}

TEST(DiffusionOpinion, EquilibriumIsTheLimitOfTheTrajectory) {
  const auto g = generate_company({.people = 150, .departments = 3, .ties_per_person = 6, .seed = 4});
  const auto x0 = random_stances(150, 9);
  const auto r = friedkin_johnsen(g, x0, {.stubbornness = 0.3, .trajectory_steps = 200});
  ASSERT_EQ(r.trajectory.size(), 201u * 150u);
  for (std::size_t v = 0; v < 150; ++v) {
    EXPECT_EQ(r.trajectory[v], x0[v]);
    EXPECT_NEAR(r.trajectory[200 * 150 + v], r.equilibrium[v], 1e-12);
  }
  EXPECT_LT(r.residual, 1e-12);
}

TEST(DiffusionOpinion, DeGrootConsensusAndPeriodicGroups) {
  // a -> b -> c -> a plus a -> c: strongly connected with cycles of length 3
  // and 2 (a -> c -> a), so aperiodic: everyone converges to one value.
  const auto g = graph_of({"a", "b", "c"}, {{"a", "b", 1.0}, {"b", "c", 0.5}, {"c", "a", 1.0}, {"a", "c", 0.5}});
  const std::vector<double> x0{1.0, 0.0, -0.5};
  const auto r = degroot(g, x0, {.trajectory_steps = 400});
  EXPECT_TRUE(r.converges);
  EXPECT_EQ(r.consensus_groups, 1u);
  for (std::size_t v = 0; v < 3; ++v) {
    EXPECT_NEAR(r.equilibrium[v], r.equilibrium[0], 1e-14);
    EXPECT_NEAR(r.trajectory[400 * 3 + v], r.equilibrium[v], 1e-12);
  }
  // Hand-worked stationary distribution: W rows (whom each listens to):
  // a <- c (1); b <- a (1); c <- b, a (1/2 each). pi^T W = pi^T gives
  // pi_a = pi_b + pi_c / 2, pi_b = pi_c / 2, pi_c = pi_a: pi = (2/5, 1/5, 2/5),
  // so x* = (2 * 1 + 0 + 2 * (-0.5)) / 5 = 0.2 and the leverage is pi.
  EXPECT_NEAR(r.equilibrium[0], 0.2, 1e-14);
  EXPECT_NEAR(r.leverage[0], 0.4, 1e-14);
  EXPECT_NEAR(r.leverage[1], 0.2, 1e-14);
  EXPECT_NEAR(r.leverage[2], 0.4, 1e-14);

  // Two people who listen only to each other oscillate: the reported value is
  // the long-run average, flagged as not converging.
  const auto pair = graph_of({"a", "b"}, {{"a", "b", 1.0}, {"b", "a", 1.0}});
  const std::vector<double> y0{1.0, -0.5};
  const auto p = degroot(pair, y0);
  EXPECT_FALSE(p.converges);
  EXPECT_NEAR(p.equilibrium[0], 0.25, 1e-15);
  EXPECT_NEAR(p.equilibrium[1], 0.25, 1e-15);
}

TEST(DiffusionOpinion, ZeroStubbornnessWithDisconnectedGroups) {
  // Group {a, b} (a <-> b plus nothing else: periodic), group {c} (no in-ties),
  // and d listening to b and c equally: d ends halfway between the groups.
  // e is isolated and keeps its stance.
  const auto g =
      graph_of({"a", "b", "c", "d", "e"}, {{"a", "b", 1.0}, {"b", "a", 1.0}, {"b", "d", 0.5}, {"c", "d", 0.5}});
  const std::vector<double> x0{1.0, 0.0, -1.0, 0.7, 0.3};
  const auto r = degroot(g, x0);
  EXPECT_EQ(r.consensus_groups, 3u);  // {a, b}, {c}, {e}
  EXPECT_NEAR(r.equilibrium[0], 0.5, 1e-15);
  EXPECT_NEAR(r.equilibrium[2], -1.0, 1e-15);
  EXPECT_NEAR(r.equilibrium[3], (0.5 - 1.0) / 2.0, 1e-15);
  EXPECT_NEAR(r.equilibrium[4], 0.3, 1e-15);
  // d's own stance has no weight (stubbornness 0); mean leverage:
  // a, b: (2 + 1/2 * 1/2 * 2) / 5 / 2 ... computed as: the {a,b} group counts
  // for a, b and half of d: (2 + 0.5) / 5 split equally = 0.25 each.
  EXPECT_NEAR(r.leverage[0], 0.25, 1e-15);
  EXPECT_NEAR(r.leverage[1], 0.25, 1e-15);
  EXPECT_NEAR(r.leverage[2], 1.5 / 5.0, 1e-15);
  EXPECT_NEAR(r.leverage[3], 0.0, 1e-15);
  EXPECT_NEAR(r.leverage[4], 0.2, 1e-15);
}

TEST(DiffusionOpinion, IterativeAgreesWithDirect) {
  const auto g = generate_company({.people = 600, .departments = 5, .ties_per_person = 10, .seed = 6});
  const auto x0 = random_stances(600, 2);
  const auto direct = friedkin_johnsen(g, x0, {.stubbornness = 0.2, .solver = OpinionSolver::direct});
  const auto iterative =
      friedkin_johnsen(g, x0, {.stubbornness = 0.2, .solver = OpinionSolver::iterative, .tolerance = 1e-12});
  EXPECT_EQ(direct.solver, OpinionSolver::direct);
  EXPECT_EQ(iterative.solver, OpinionSolver::iterative);
  EXPECT_GT(iterative.iterations, 0u);
  EXPECT_TRUE(iterative.solved);
  for (std::size_t v = 0; v < 600; ++v) {
    EXPECT_NEAR(direct.equilibrium[v], iterative.equilibrium[v], 1e-9);
    EXPECT_NEAR(direct.leverage[v], iterative.leverage[v], 1e-9);
  }
  EXPECT_LT(direct.residual, 1e-12);
  EXPECT_LT(iterative.residual, 1e-9);
  // A department as the target: leverage still sums to 1.
  const auto dept = friedkin_johnsen(g, x0, {.leverage = LeverageTarget::department, .target_department = 2});
  EXPECT_NEAR(std::accumulate(dept.leverage.begin(), dept.leverage.end(), 0.0), 1.0, 1e-10);
}

TEST(DiffusionOpinion, DegenerateInputs) {
  const auto empty = friedkin_johnsen(InfluenceGraph{}, {});
  EXPECT_TRUE(empty.equilibrium.empty());
  EXPECT_EQ(empty.residual, 0.0);
  // Everyone fully stubborn: x* = x0, leverage = c.
  const auto g = test::random_exact_graph(3, 6, 10);
  const auto x0 = random_stances(6, 1);
  const auto fixed = friedkin_johnsen(g, x0, {.stubbornness = 1.0});
  for (std::size_t v = 0; v < 6; ++v) {
    EXPECT_NEAR(fixed.equilibrium[v], x0[v], 1e-15);
    EXPECT_NEAR(fixed.leverage[v], 1.0 / 6.0, 1e-15);
  }
  // One isolated person.
  const auto lone = graph_of({"x"}, {});
  const std::vector<double> one{0.4};
  const auto r = degroot(lone, one);
  EXPECT_EQ(r.equilibrium, std::vector<double>{0.4});
  EXPECT_EQ(r.leverage, std::vector<double>{1.0});
}

TEST(DiffusionOpinion, Errors) {
  const auto g = graph_of({"a", "b"}, {{"a", "b", 0.3}});
  const std::vector<double> ok{0.0, 0.5};
  const std::vector<double> short_x{0.0};
  const std::vector<double> big{0.0, 1.5};
  EXPECT_NE(test::invalid_argument_message([&] { (void)friedkin_johnsen(g, short_x); }).find("initial"),
            std::string::npos);
  EXPECT_NE(test::invalid_argument_message([&] { (void)friedkin_johnsen(g, big); }).find("'b'"), std::string::npos);
  EXPECT_NE(test::invalid_argument_message([&] {
              (void)friedkin_johnsen(g, ok, {.stubbornness = -0.1});
            }).find("stubbornness"),
            std::string::npos);
  EXPECT_NE(test::invalid_argument_message([&] {
              (void)friedkin_johnsen(g, ok, {.stubbornness_by_person = {0.5, 2.0}});
            }).find("'b'"),
            std::string::npos);
  EXPECT_NE(test::invalid_argument_message([&] {
              (void)friedkin_johnsen(g, ok, {.leverage = LeverageTarget::person});
            }).find("target_person"),
            std::string::npos);
  EXPECT_THROW((void)friedkin_johnsen(g, ok, {.leverage = LeverageTarget::person, .target_person = 5}), out_of_range);
  EXPECT_THROW((void)friedkin_johnsen(g, ok, {.leverage = LeverageTarget::department, .target_department = 0}),
               out_of_range);
  EXPECT_THROW((void)friedkin_johnsen(g, ok, {.tolerance = 0.0}), invalid_argument);
  EXPECT_THROW((void)parse_leverage_target("max"), invalid_argument);
  EXPECT_EQ(parse_opinion_solver("iterative"), OpinionSolver::iterative);
}

}  // namespace
}  // namespace orgnet
