// InfluenceFlow::exerted on a graph equals InfluenceFlow::received on the same
// graph with every edge reversed (and the same strengths).

#include <gtest/gtest.h>

#include "orgnet/centrality/eigenvector.hpp"
#include "orgnet/centrality/flow.hpp"
#include "orgnet/centrality/katz.hpp"
#include "orgnet/centrality/pagerank.hpp"
#include "orgnet/io/datasets.hpp"
#include "orgnet/model/graph_builder.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

InfluenceGraph reversed(const InfluenceGraph& g) {
  RelationMap map;
  map.set("edge", {InfluenceDirection::source_to_target, StrengthRule::as_is});
  GraphBuilder b({.relations = map});
  for (vertex_id v = 0; v < g.num_vertices(); ++v) b.add_person({.id = g.id(v)});
  for (vertex_id u = 0; u < g.num_vertices(); ++u) {
    for (edge_id e = g.out_begin(u); e < g.out_end(u); ++e)
      b.add_tie(g.id(g.edge_target(e)), g.id(u), "edge", g.strength(e));
  }
  return std::move(b).build();
}

void expect_near_all(const std::vector<double>& a, const std::vector<double>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_NEAR(a[i], b[i], 1e-12 * std::max(1.0, std::abs(b[i]))) << i;
}

class Flow : public ::testing::TestWithParam<bool> {};

TEST_P(Flow, ExertedEqualsReceivedOnTheReversedGraph) {
  const bool weighted = GetParam();
  for (const char* name : {"krackhardt", "lazega"}) {
    const InfluenceGraph g = load_dataset(name);
    const InfluenceGraph r = reversed(g);
    expect_near_all(pagerank(g, {.weighted = weighted, .flow = InfluenceFlow::exerted}).score,
                    pagerank(r, {.weighted = weighted}).score);
    expect_near_all(eigenvector_centrality(g, {.weighted = weighted, .flow = InfluenceFlow::exerted}).score,
                    eigenvector_centrality(r, {.weighted = weighted}).score);
    const double alpha = weighted ? 0.1 : 0.01;
    expect_near_all(katz_centrality(g, {.alpha = alpha, .weighted = weighted, .flow = InfluenceFlow::exerted}).score,
                    katz_centrality(r, {.alpha = alpha, .weighted = weighted}).score);
  }
}

INSTANTIATE_TEST_SUITE_P(WeightedAndNot, Flow, ::testing::Bool());

TEST(Flow, Names) {
  EXPECT_EQ(parse_influence_flow(to_string(InfluenceFlow::exerted)), InfluenceFlow::exerted);
  EXPECT_EQ(parse_influence_flow("received"), InfluenceFlow::received);
  EXPECT_THROW((void)parse_influence_flow("sideways"), orgnet::invalid_argument);
}

// A star where the hub influences three people: received flow gives the hub
// the least PageRank, exerted the most.
TEST(Flow, HubThatInfluencesScoresHighOnlyWhenExerted) {
  GraphBuilder b({.unknown_people = UnknownPersonPolicy::create});
  for (const char* leaf : {"x", "y", "z"}) b.add_tie("hub", leaf, "email", 1.0);
  const InfluenceGraph g = std::move(b).build();
  const auto received = pagerank(g).score;
  const auto exerted = pagerank(g, {.flow = InfluenceFlow::exerted}).score;
  EXPECT_LT(received[0], received[1]);
  EXPECT_GT(exerted[0], exerted[1]);
}

}  // namespace
}  // namespace orgnet
