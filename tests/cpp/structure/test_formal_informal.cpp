#include <gtest/gtest.h>

#include <cmath>

#include "../test_support.hpp"
#include "orgnet/io/datasets.hpp"
#include "orgnet/structure/formal_informal.hpp"

namespace orgnet {
namespace {

TEST(StructureFormal, PercentileRanks) {
  // Ascending ranks 0..3 with the tie at positions 1 and 2 averaged to 1.5, over n - 1 = 3.
  EXPECT_EQ(percentile_ranks(std::vector<double>{3, 1, 2, 2}), (std::vector<double>{1.0, 0.0, 0.5, 0.5}));
  EXPECT_EQ(percentile_ranks(std::vector<double>{7}), std::vector<double>{0.5});
  EXPECT_TRUE(percentile_ranks(std::vector<double>{}).empty());
}

TEST(StructureFormal, QapHandWorked) {
  // n = 3, N = 6 off-diagonal cells. x: 0->1, 1->2; y: 0->1, 2->0.
  // Sx = Sy = Sxx = Syy = 2, Sxy = 1: r = (6*1 - 2*2) / sqrt((12 - 4)(12 - 4)) = 2/8.
  const Dyads x{.n = 3, .source = {0, 1}, .target = {1, 2}, .value = {1, 1}};
  const Dyads y{.n = 3, .source = {0, 2}, .target = {1, 0}, .value = {1, 1}};
  const QapResult r = qap_correlation(x, y, {.permutations = 0});
  EXPECT_DOUBLE_EQ(r.correlation, 0.25);
  EXPECT_TRUE(std::isnan(r.p_greater));
  // Repeated pairs add up: x with 0->1 given as 0.5 + 0.5 is the same matrix.
  const Dyads split{.n = 3, .source = {0, 0, 1}, .target = {1, 1, 2}, .value = {0.5, 0.5, 1}};
  EXPECT_DOUBLE_EQ(qap_correlation(split, y, {.permutations = 0}).correlation, 0.25);
  // Same for every thread count; p-values are proper.
  const QapResult one = qap_correlation(x, y, {.permutations = 500, .seed = 2, .threads = 1});
  const QapResult two = qap_correlation(x, y, {.permutations = 500, .seed = 2, .threads = 2});
  EXPECT_EQ(one.p_greater, two.p_greater);
  EXPECT_EQ(one.expected, two.expected);
  EXPECT_GT(one.p_greater, 0.0);
  EXPECT_LE(one.p_greater, 1.0);
  // Errors.
  EXPECT_THROW((void)qap_correlation(x, Dyads{.n = 4}), invalid_argument);
  EXPECT_THROW((void)qap_correlation(Dyads{.n = 2, .source = {1}, .target = {1}, .value = {1}}, Dyads{.n = 2}),
               invalid_argument);
  EXPECT_THROW((void)qap_correlation(Dyads{.n = 2, .source = {5}, .target = {1}, .value = {1}}, Dyads{.n = 2}),
               invalid_argument);
  // Constant matrix: NaN.
  EXPECT_TRUE(std::isnan(qap_correlation(x, Dyads{.n = 3}).correlation));
}

TEST(StructureFormal, RelationSubgraphKeepsPeopleAndManagers) {
  const InfluenceGraph g = test::hand_worked_graph();
  const std::vector<std::string> relations = {"advice"};
  const InfluenceGraph advice = relation_subgraph(g, relations);
  ASSERT_EQ(advice.num_vertices(), 4u);
  EXPECT_EQ(advice.manager(1), 0u);
  EXPECT_EQ(advice.department(2), g.department(2));
  // advice ties: b asks a (w 1), b asks c (w 3): a -> b 1/4, c -> b 3/4 (weighted cascade).
  EXPECT_EQ(advice.num_edges(), 2u);
  EXPECT_DOUBLE_EQ(advice.strength(*advice.find_edge(0, 1)), 0.25);
  EXPECT_DOUBLE_EQ(advice.strength(*advice.find_edge(2, 1)), 0.75);
  EXPECT_EQ(informal_relations(g), (std::vector<std::string>{"advice", "trust", "email", "cowork"}));
  const std::vector<std::string> unknown = {"gossip"};
  EXPECT_NE(test::invalid_argument_message([&] { (void)relation_subgraph(g, unknown); }).find("gossip"),
            std::string::npos);
}

TEST(StructureFormal, KrackhardtAccount) {
  const InfluenceGraph g = load_dataset("krackhardt");
  const FormalInformalResult r = formal_vs_informal(g, {.qap = {.permutations = 200, .seed = 1}});
  EXPECT_TRUE(r.has_reporting_lines);
  EXPECT_GT(r.qap.correlation, 0.0);
  EXPECT_LT(r.qap.p_greater, 0.05);
  ASSERT_EQ(r.level_correlations.size(), 4u);
  // Residuals are percentile minus the least-squares prediction, and sum to 0.
  double sum = 0;
  for (std::size_t v = 0; v < g.num_vertices(); ++v) {
    EXPECT_DOUBLE_EQ(r.residual[v], r.percentile[v] - (r.intercept + r.slope * r.level[v]));
    sum += r.residual[v];
  }
  EXPECT_NEAR(sum, 0.0, 1e-12);
  for (vertex_id v : r.hidden_influencers) EXPECT_GE(r.residual[v], 0.25);
  for (const BypassTie& t : r.bypass_ties) EXPECT_GE(t.gap, 2.0);
  EXPECT_THROW((void)formal_vs_informal(g, {.levels = {1.0}}), invalid_argument);
  EXPECT_THROW((void)formal_vs_informal(g, {.min_level_gap = 0}), invalid_argument);
}

TEST(StructureFormal, AttributeLevels) {
  const InfluenceGraph g = load_dataset("lazega");
  const std::vector<double> status = attribute_levels(g, "status");
  EXPECT_EQ(status.front(), 1.0);
  EXPECT_NE(test::invalid_argument_message([&] { (void)attribute_levels(g, "gender_label"); }).find("not a number"),
            std::string::npos);
  EXPECT_THROW((void)attribute_levels(g, "nope"), out_of_range);
}

}  // namespace
}  // namespace orgnet
