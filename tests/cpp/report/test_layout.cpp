#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "orgnet/detail/random.hpp"
#include "orgnet/report/layout.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

// Planted partition: `groups` groups of `size` people, each inside pair tied
// with probability 0.5 (both directions), each outside pair with 0.02.
InfluenceGraph planted(std::size_t groups, std::size_t size, std::uint64_t seed) {
  detail::SplitMix64 rng(seed);
  std::vector<std::string> people;
  for (std::size_t i = 0; i < groups * size; ++i) people.push_back("v" + std::to_string(i));
  std::vector<test::StrengthTie> ties;
  for (std::size_t u = 0; u < people.size(); ++u) {
    for (std::size_t v = u + 1; v < people.size(); ++v) {
      const double p = u / size == v / size ? 0.5 : 0.02;
      if (rng.uniform() < p) {
        ties.emplace_back(people[u], people[v], 0.8);
        ties.emplace_back(people[v], people[u], 0.8);
      }
    }
  }
  return test::graph_of(people, ties);
}

double distance(const LayoutResult& r, vertex_id a, vertex_id b) {
  return std::hypot(r.x[a] - r.x[b], r.y[a] - r.y[b]);
}

TEST(LayoutForce, SameSeedSameLayoutOtherSeedOther) {
  const InfluenceGraph g = test::random_exact_graph(3, 40, 120);
  const LayoutResult a = force_layout(g, {.seed = 7});
  const LayoutResult b = force_layout(g, {.seed = 7});
  const LayoutResult c = force_layout(g, {.seed = 8});
  EXPECT_EQ(a.x, b.x);
  EXPECT_EQ(a.y, b.y);
  EXPECT_NE(a.x, c.x);
  EXPECT_EQ(a.seed, 7u);
  EXPECT_EQ(a.iterations, 300u);  // automatic: 3e7 / 40^2 above the cap of 300
}

TEST(LayoutForce, ThreadCountDoesNotChangeTheLayout) {
  // 2,000 people: the size from which the force loop runs in parallel.
  const InfluenceGraph g = test::random_exact_graph(5, 2000, 6000);
  const LayoutResult one = force_layout(g, {.iterations = 3, .threads = 1});
  const LayoutResult two = force_layout(g, {.iterations = 3, .threads = 2});
  EXPECT_EQ(one.x, two.x);
  EXPECT_EQ(one.y, two.y);
}

TEST(LayoutForce, CoordinatesAreFiniteAndInsideTheBox) {
  const InfluenceGraph g = test::random_exact_graph(11, 60, 150);
  const LayoutResult r = force_layout(g, {.width = 800, .height = 300, .margin = 20});
  ASSERT_EQ(r.x.size(), 60u);
  double min_x = 1e9, max_x = -1e9, min_y = 1e9, max_y = -1e9;
  for (vertex_id v = 0; v < 60; ++v) {
    ASSERT_TRUE(std::isfinite(r.x[v]) && std::isfinite(r.y[v]));
    EXPECT_GE(r.x[v], 20.0);
    EXPECT_LE(r.x[v], 780.0);
    EXPECT_GE(r.y[v], 20.0);
    EXPECT_LE(r.y[v], 280.0);
    min_x = std::min(min_x, r.x[v]);
    max_x = std::max(max_x, r.x[v]);
    min_y = std::min(min_y, r.y[v]);
    max_y = std::max(max_y, r.y[v]);
  }
  // Uniform scaling fills one side of the inner box exactly.
  EXPECT_TRUE(std::abs((max_x - min_x) - 760.0) < 1e-6 || std::abs((max_y - min_y) - 260.0) < 1e-6);
}

TEST(LayoutForce, NeighboursAreCloserThanOthersOnAPlantedGraph) {
  const InfluenceGraph g = planted(4, 15, 1);
  const LayoutResult r = force_layout(g, {.seed = 3});
  double tied = 0, untied = 0, same_group = 0, other_group = 0;
  std::size_t n_tied = 0, n_untied = 0, n_same = 0, n_other = 0;
  for (vertex_id u = 0; u < 60; ++u) {
    for (vertex_id v = u + 1; v < 60; ++v) {
      const double d = distance(r, u, v);
      if (g.find_edge(u, v)) {
        tied += d;
        ++n_tied;
      } else {
        untied += d;
        ++n_untied;
      }
      if (u / 15 == v / 15) {
        same_group += d;
        ++n_same;
      } else {
        other_group += d;
        ++n_other;
      }
    }
  }
  EXPECT_LT(tied / static_cast<double>(n_tied), 0.7 * untied / static_cast<double>(n_untied));
  EXPECT_LT(same_group / static_cast<double>(n_same), 0.6 * other_group / static_cast<double>(n_other));
}

TEST(LayoutForce, DegenerateGraphs) {
  const LayoutResult empty = force_layout(InfluenceGraph{});
  EXPECT_TRUE(empty.x.empty());
  const LayoutResult one = force_layout(test::graph_of({"a"}, {}), {.width = 10, .height = 4});
  EXPECT_DOUBLE_EQ(one.x[0], 5.0);
  EXPECT_DOUBLE_EQ(one.y[0], 2.0);
  // No ties: people still spread out, all different and finite.
  const LayoutResult lonely = force_layout(test::graph_of({"a", "b", "c"}, {}));
  EXPECT_GT(distance(lonely, 0, 1), 0.05);
  EXPECT_GT(distance(lonely, 1, 2), 0.05);
  // Two people: scaled so that the larger of their x and y gaps fills the
  // unit box, hence 1 <= distance <= sqrt(2).
  const LayoutResult pair = force_layout(test::graph_of({"a", "b"}, {{"a", "b", 1.0}}));
  EXPECT_GE(distance(pair, 0, 1), 1.0 - 1e-12);
  EXPECT_LE(distance(pair, 0, 1), std::sqrt(2.0) + 1e-12);
}

TEST(LayoutForce, SubsetLeavesOthersNaN) {
  const InfluenceGraph g = test::random_exact_graph(2, 10, 30);
  std::vector<char> include(10, 0);
  include[1] = include[4] = include[7] = 1;
  const LayoutResult r = force_layout(g, {.include = include});
  for (vertex_id v = 0; v < 10; ++v) {
    EXPECT_EQ(std::isfinite(r.x[v]), include[v] != 0) << v;
    EXPECT_EQ(std::isnan(r.y[v]), include[v] == 0) << v;
  }
}

TEST(LayoutForce, RejectsBadOptions) {
  const InfluenceGraph g = test::graph_of({"a", "b"}, {{"a", "b", 1.0}});
  EXPECT_NE(test::invalid_argument_message([&] { (void)force_layout(g, {.width = 0}); }).find("width"),
            std::string::npos);
  EXPECT_NE(test::invalid_argument_message([&] { (void)force_layout(g, {.margin = 0.5}); }).find("margin"),
            std::string::npos);
  EXPECT_NE(test::invalid_argument_message([&] { (void)force_layout(g, {.gravity = -1}); }).find("gravity"),
            std::string::npos);
  EXPECT_NE(test::invalid_argument_message([&] { (void)force_layout(g, {.include = {1}}); }).find("include"),
            std::string::npos);
  EXPECT_NE(test::invalid_argument_message([&] { (void)force_layout(g, {.threads = -1}); }).find("threads"),
            std::string::npos);
}

}  // namespace
}  // namespace orgnet
