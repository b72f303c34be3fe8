// Degree and strength centrality (centrality/degree.hpp).

#include <gtest/gtest.h>

#include <tuple>
#include <vector>

#include "orgnet/centrality/degree.hpp"
#include "orgnet/model/graph_builder.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

// People in the order given; each edge u -> v carries strength s as is.
InfluenceGraph graph_of(std::initializer_list<const char*> people,
                        std::initializer_list<std::tuple<const char*, const char*, double>> edges) {
  RelationMap relations;
  relations.set("influence", {InfluenceDirection::source_to_target, StrengthRule::as_is});
  GraphBuilder b({.relations = relations, .hierarchy_relation = ""});
  for (const char* p : people) b.add_person({.id = p});
  for (auto [u, v, s] : edges) b.add_tie(u, v, "influence", s);
  return std::move(b).build();
}

std::vector<double> scores(const InfluenceGraph& g, DegreeDirection direction, bool weighted, bool normalized) {
  return degree_centrality(g, {.direction = direction, .weighted = weighted, .normalized = normalized}).score;
}

//      0.5         a -> b 0.5, a -> c 1, b -> c 0.25, c -> a 0.5, d alone
//   a ----> b
//   ^ \     |          in-degree   a 1  b 1  c 2  d 0
//   |  \1   | 0.25     out-degree  a 2  b 1  c 1  d 0
//   |0.5 \  v          in-strength  a 0.5  b 0.5  c 1.25
//   +----- c   d       out-strength a 1.5  b 0.25 c 0.5
InfluenceGraph small() {
  return graph_of({"a", "b", "c", "d"}, {{"a", "b", 0.5}, {"a", "c", 1.0}, {"b", "c", 0.25}, {"c", "a", 0.5}});
}

TEST(Degree, HandWorkedCounts) {
  const InfluenceGraph g = small();
  EXPECT_EQ(scores(g, DegreeDirection::in, false, false), (std::vector<double>{1, 1, 2, 0}));
  EXPECT_EQ(scores(g, DegreeDirection::out, false, false), (std::vector<double>{2, 1, 1, 0}));
  EXPECT_EQ(scores(g, DegreeDirection::total, false, false), (std::vector<double>{3, 2, 3, 0}));
  // Normalized by n - 1 = 3, as NetworkX's degree centralities.
  EXPECT_EQ(scores(g, DegreeDirection::total, false, true), (std::vector<double>{1.0, 2.0 / 3, 1.0, 0.0}));
  EXPECT_EQ(scores(g, DegreeDirection::in, false, true), (std::vector<double>{1.0 / 3, 1.0 / 3, 2.0 / 3, 0.0}));
}

TEST(Degree, HandWorkedStrengths) {
  const InfluenceGraph g = small();
  EXPECT_EQ(scores(g, DegreeDirection::in, true, false), (std::vector<double>{0.5, 0.5, 1.25, 0}));
  EXPECT_EQ(scores(g, DegreeDirection::out, true, false), (std::vector<double>{1.5, 0.25, 0.5, 0}));
  EXPECT_EQ(scores(g, DegreeDirection::total, true, false), (std::vector<double>{2.0, 0.75, 1.75, 0}));
  // Normalized by n - 1 = 3: in- and out-strengths then lie in [0, 1].
  const auto in = scores(g, DegreeDirection::in, true, true);
  EXPECT_DOUBLE_EQ(in[2], 1.25 / 3);
}

TEST(Degree, DefaultsAreNormalizedTotalDegree) {
  const InfluenceGraph g = small();
  EXPECT_EQ(degree_centrality(g).score, scores(g, DegreeDirection::total, false, true));
}

TEST(Degree, SharedHandWorkedGraph) {
  // test_support.hpp: b's influencers are a (7/16), c (3/4) and d (3/4).
  const InfluenceGraph g = test::hand_worked_graph();
  const vertex_id b = g.index_of("b");
  EXPECT_DOUBLE_EQ(scores(g, DegreeDirection::in, true, false)[b], 7.0 / 16 + 0.75 + 0.75);
  EXPECT_EQ(scores(g, DegreeDirection::in, false, false)[b], 3.0);
}

TEST(Degree, DegenerateGraphs) {
  const InfluenceGraph empty;
  EXPECT_TRUE(degree_centrality(empty).score.empty());
  // One person: NetworkX's convention, normalized score 1; raw 0.
  const InfluenceGraph one = graph_of({"x"}, {});
  EXPECT_EQ(degree_centrality(one).score, std::vector<double>{1.0});
  EXPECT_EQ(scores(one, DegreeDirection::in, true, true), std::vector<double>{1.0});
  EXPECT_EQ(scores(one, DegreeDirection::total, false, false), std::vector<double>{0.0});
  // Two people, no ties.
  const InfluenceGraph two = graph_of({"x", "y"}, {});
  EXPECT_EQ(degree_centrality(two).score, (std::vector<double>{0.0, 0.0}));
  // Two people, one tie: each touches the only other person.
  const InfluenceGraph pair = graph_of({"x", "y"}, {{"x", "y", 0.5}});
  EXPECT_EQ(degree_centrality(pair).score, (std::vector<double>{1.0, 1.0}));
  EXPECT_EQ(scores(pair, DegreeDirection::out, true, true), (std::vector<double>{0.5, 0.0}));
}

TEST(Degree, DirectionNames) {
  for (auto d : {DegreeDirection::in, DegreeDirection::out, DegreeDirection::total}) {
    EXPECT_EQ(parse_degree_direction(to_string(d)), d);
  }
  const std::string message = test::invalid_argument_message([] { (void)parse_degree_direction("all"); });
  EXPECT_NE(message.find("'all'"), std::string::npos) << message;
  EXPECT_NE(message.find("in, out or total"), std::string::npos) << message;
}

}  // namespace
}  // namespace orgnet
