#include <gtest/gtest.h>

#include <cmath>

#include "orgnet/bottleneck/structural_holes.hpp"
#include "orgnet/model/generators.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

using test::graph_of;

// Ego 0 with contacts 1, 2, 3 (edges 0->1, 0->2, 0->3) and 1 -> 2; unweighted
// mutual weights are all 1.
//   p(0, j) = 1/3; p(1, 0) = p(1, 2) = p(2, 0) = p(2, 1) = 1/2; p(3, 0) = 1.
//   c(0,1) = (1/3 + p(0,2) p(2,1))^2 = (1/3 + 1/6)^2 = 1/4 = c(0,2);
//   c(0,3) = (1/3)^2 = 1/9;  C(0) = 1/2 + 1/9 = 11/18.
//   effective size = 3 - [p(0,2) r(1,2) + p(0,1) r(2,1)] = 3 - 2/3 = 7/3;
//   efficiency = 7/9.
//   hierarchy: cbar = C/3 = 11/54, ratios 27/22, 27/22, 6/11:
//   H = (2 (27/22) ln(27/22) + (6/11) ln(6/11)) / (3 ln 3).
InfluenceGraph ego_with_tied_pair() {
  return graph_of({"0", "1", "2", "3"}, {{"0", "1", 0.5}, {"0", "2", 0.25}, {"0", "3", 1}, {"1", "2", 0.5}});
}

TEST(BottleneckStructuralHoles, HandWorkedEgoUnweighted) {
  const auto r = structural_holes(ego_with_tied_pair(), {.weighted = false});
  EXPECT_NEAR(r.constraint[0], 11.0 / 18.0, 1e-14);
  EXPECT_NEAR(r.effective_size[0], 7.0 / 3.0, 1e-14);
  EXPECT_NEAR(r.efficiency[0], 7.0 / 9.0, 1e-14);
  const double h = (2 * (27.0 / 22) * std::log(27.0 / 22) + (6.0 / 11) * std::log(6.0 / 11)) / (3 * std::log(3.0));
  EXPECT_NEAR(r.hierarchy[0], h, 1e-14);
  EXPECT_EQ(r.contacts[0], 3u);
  // Person 3 has the single contact 0: c = p(3,0)^2 = 1, effective size 1,
  // hierarchy undefined.
  EXPECT_NEAR(r.constraint[3], 1.0, 1e-14);
  EXPECT_NEAR(r.effective_size[3], 1.0, 1e-14);
  EXPECT_TRUE(std::isnan(r.hierarchy[3]));
  // Person 1 (contacts 0 and 2, tied to each other; 0 has 3 contacts, 2 has 2):
  //   c(1,0) = (p(1,0) + p(1,2) p(2,0))^2 = (1/2 + 1/4)^2 = 9/16;
  //   c(1,2) = (p(1,2) + p(1,0) p(0,2))^2 = (1/2 + 1/6)^2 = 4/9; C = 145/144.
  //   cbar = 145/288, ratios 162/145 and 128/145:
  //   H = ((162/145) ln(162/145) + (128/145) ln(128/145)) / (2 ln 2).
  EXPECT_NEAR(r.constraint[1], 145.0 / 144.0, 1e-14);
  const double h1 =
      ((162.0 / 145) * std::log(162.0 / 145) + (128.0 / 145) * std::log(128.0 / 145)) / (2 * std::log(2.0));
  EXPECT_NEAR(r.hierarchy[1], h1, 1e-14);
}

// Weighted: strengths 0->1 0.5, 0->2 0.25, 0->3 1, 1->2 0.5.
//   sums: S0 = 1.75, S1 = 0.5 + 0.5 = 1, S2 = 0.25 + 0.5 = 0.75, S3 = 1.
//   p(0,1) = 2/7, p(0,2) = 1/7, p(0,3) = 4/7, p(1,2) = 1/2, p(2,1) = 2/3.
//   c(0,1) = (2/7 + (1/7)(2/3))^2 = (8/21)^2;  c(0,2) = (1/7 + (2/7)(1/2))^2 = (2/7)^2;
//   c(0,3) = (4/7)^2.
//   maxima: M1 = 0.5, M2 = 0.5; r(1,2) = 1, r(2,1) = 1.
//   effective size = 3 - (p(0,2) r(1,2) + p(0,1) r(2,1)) = 3 - 3/7 = 18/7.
TEST(BottleneckStructuralHoles, HandWorkedEgoWeighted) {
  const auto r = structural_holes(ego_with_tied_pair());
  const double c = (8.0 / 21) * (8.0 / 21) + (2.0 / 7) * (2.0 / 7) + (4.0 / 7) * (4.0 / 7);
  EXPECT_NEAR(r.constraint[0], c, 1e-14);
  EXPECT_NEAR(r.effective_size[0], 18.0 / 7.0, 1e-14);
  EXPECT_NEAR(r.efficiency[0], 6.0 / 7.0, 1e-14);
}

TEST(BottleneckStructuralHoles, DegenerateGraphs) {
  const auto empty = structural_holes(InfluenceGraph{});
  EXPECT_TRUE(empty.constraint.empty());
  const auto alone = structural_holes(graph_of({"a", "b"}, {}));
  for (int v = 0; v < 2; ++v) {
    EXPECT_TRUE(std::isnan(alone.constraint[v]));
    EXPECT_TRUE(std::isnan(alone.effective_size[v]));
    EXPECT_TRUE(std::isnan(alone.efficiency[v]));
    EXPECT_TRUE(std::isnan(alone.hierarchy[v]));
    EXPECT_EQ(alone.contacts[v], 0u);
  }
  EXPECT_NE(
      test::invalid_argument_message([] { (void)structural_holes(InfluenceGraph{}, {.threads = -1}); }).find("threads"),
      std::string::npos);
}

TEST(BottleneckStructuralHoles, SameResultForAnyThreadCount) {
  const auto g = generate_company({.people = 3000, .seed = 5});
  const auto one = structural_holes(g, {.threads = 1});
  const auto two = structural_holes(g, {.threads = 2});
  for (std::size_t v = 0; v < g.num_vertices(); ++v) {
    EXPECT_EQ(std::isnan(one.constraint[v]), std::isnan(two.constraint[v]));
    if (!std::isnan(one.constraint[v])) {
      EXPECT_EQ(one.constraint[v], two.constraint[v]);
      EXPECT_EQ(one.effective_size[v], two.effective_size[v]);
    }
  }
}

}  // namespace
}  // namespace orgnet
