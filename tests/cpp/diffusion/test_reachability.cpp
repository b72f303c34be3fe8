#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "diffusion/live_edge_oracle.hpp"
#include "orgnet/diffusion/reachability.hpp"
#include "orgnet/error.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

using test::graph_of;

// a -> b 0.9, b -> c 0.9, a -> c 0.5, c -> d 0.8, e isolated.
// Best chains from a: b 0.9 (1 step); c max(0.5 in 1 step, 0.81 in 2 steps);
// d 0.81 * 0.8 = 0.648 (3 steps) or 0.5 * 0.8 = 0.4 (2 steps).
InfluenceGraph chain_graph() {
  return graph_of({"a", "b", "c", "d", "e"}, {{"a", "b", 0.9}, {"b", "c", 0.9}, {"a", "c", 0.5}, {"c", "d", 0.8}});
}

TEST(DiffusionReachability, BestChainRespectsTheStepLimit) {
  const auto g = chain_graph();
  const std::vector<vertex_id> a{0};
  const auto one =
      reachable_within(g, a, {.max_steps = 1, .min_probability = 0.5, .method = ReachabilityMethod::best_chain});
  EXPECT_EQ(one.probability, (std::vector<double>{1.0, 0.9, 0.5, 0.0, 0.0}));
  EXPECT_EQ(one.steps, (std::vector<std::size_t>{0, 1, 1, unreached, unreached}));
  EXPECT_EQ(one.reached, (std::vector<vertex_id>{0, 1, 2}));
  const auto two =
      reachable_within(g, a, {.max_steps = 2, .min_probability = 0.5, .method = ReachabilityMethod::best_chain});
  EXPECT_NEAR(two.probability[2], 0.81, 1e-15);
  EXPECT_EQ(two.steps[2], 2u);
  EXPECT_NEAR(two.probability[3], 0.4, 1e-15);
  EXPECT_EQ(two.reached, (std::vector<vertex_id>{0, 1, 2}));
  const auto any =
      reachable_within(g, a, {.max_steps = 0, .min_probability = 0.6, .method = ReachabilityMethod::best_chain});
  EXPECT_NEAR(any.probability[3], 0.648, 1e-15);
  EXPECT_EQ(any.steps[3], 3u);
  EXPECT_EQ(any.reached, (std::vector<vertex_id>{0, 1, 2, 3}));
}

TEST(DiffusionReachability, CascadeMatchesEnumeration) {
  const auto g = chain_graph();
  const std::vector<vertex_id> a{0};
  // Exact IC within 2 steps: b 0.9; c: 1 - (1 - 0.5)(1 - 0.81) = 0.905;
  // d needs c at step 1 (only a -> c): 0.5 * 0.8 = 0.4.
  const auto r = reachable_within(
      g, a, {.max_steps = 2, .min_probability = 0.45, .simulation = {.simulations = 20000, .seed = 3, .delta = 0.001}});
  EXPECT_NEAR(r.probability[1], 0.9, r.margin);
  EXPECT_NEAR(r.probability[2], 0.905, r.margin);
  EXPECT_NEAR(r.probability[3], 0.4, r.margin);
  // The seed first (probability 1), then b and c in the order of their estimates; d (0.4) is out.
  ASSERT_EQ(r.reached.size(), 3u);
  EXPECT_EQ(r.reached[0], 0u);
  EXPECT_EQ(r.probability[r.reached[1]] >= r.probability[r.reached[2]], true);
  EXPECT_EQ(std::min(r.reached[1], r.reached[2]), 1u);
  EXPECT_EQ(std::max(r.reached[1], r.reached[2]), 2u);
  EXPECT_TRUE(r.steps.empty());
}

TEST(DiffusionReachability, UncertainPeopleStraddleTheThreshold) {
  const auto g = chain_graph();
  const std::vector<vertex_id> a{0};
  const auto r =
      reachable_within(g, a, {.max_steps = 2, .min_probability = 0.4, .simulation = {.simulations = 2000, .seed = 1}});
  // d's true probability is exactly 0.4: its interval contains it.
  EXPECT_EQ(r.uncertain, (std::vector<vertex_id>{3}));
}

TEST(DiffusionReachability, DegenerateAndErrors) {
  const auto g = chain_graph();
  const auto none = reachable_within(g, {}, {.method = ReachabilityMethod::best_chain});
  EXPECT_TRUE(none.reached.empty());
  EXPECT_EQ(none.probability, std::vector<double>(5, 0.0));
  const auto nobody = reachable_within(g, {}, {});
  EXPECT_TRUE(nobody.reached.empty());
  const auto empty = reachable_within(InfluenceGraph{}, {}, {});
  EXPECT_TRUE(empty.probability.empty());
  const std::vector<vertex_id> a{0};
  EXPECT_THROW((void)reachable_within(g, a, {.min_probability = 0.0}), invalid_argument);
  EXPECT_THROW((void)reachable_within(g, a, {.min_probability = 1.5}), invalid_argument);
  const std::vector<vertex_id> bad{9};
  EXPECT_THROW((void)reachable_within(g, bad, {}), out_of_range);
  EXPECT_EQ(parse_reachability_method("best_chain"), ReachabilityMethod::best_chain);
  EXPECT_THROW((void)parse_reachability_method("bfs"), invalid_argument);
}

}  // namespace
}  // namespace orgnet
