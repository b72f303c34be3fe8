#include <gtest/gtest.h>

#include <cmath>

#include "../test_support.hpp"
#include "orgnet/io/datasets.hpp"
#include "orgnet/structure/mixing.hpp"

namespace orgnet {
namespace {

// a, b in X; c, d in Y; e has no department. Influence edges:
//   a->b  a->c  b->a  c->d  d->a  e->a  c->e
// e's two edges are left out. Labelled edges: a->b (X X), a->c (X Y),
// b->a (X X), c->d (Y Y), d->a (Y X).
//   person (out): a E1 I1 -> 0; b I1 -> -1; c I1 -> -1; d E1 -> +1; e NaN.
//   group (out): X E1 (a->c) I2 -> -1/3; Y E1 (d->a) I1 -> 0.
//   group (in):  X E1 (d->a) I2 -> -1/3; Y E1 (a->c) I1 -> 0.
//   group (total): X E2 I2 -> 0; Y E2 I1 -> 1/3.
//   network: E2 I3 -> -1/5.
// Relabelling: the 6 ways to pick X's two members among a, b, c, d give
// network EI -0.2 ({a,b} and {c,d}) or 0.6 (the other four), so the mean is
// 1/3 and P(EI <= -0.2) = 1/3.
InfluenceGraph silo_graph() {
  GraphBuilder b({.relations = [] {
    RelationMap map;
    map.set("tie", {InfluenceDirection::source_to_target, StrengthRule::as_is});
    return map;
  }()});
  b.add_person({.id = "a", .department = "X"});
  b.add_person({.id = "b", .department = "X"});
  b.add_person({.id = "c", .department = "Y"});
  b.add_person({.id = "d", .department = "Y"});
  b.add_person({.id = "e"});
  for (auto [u, v] : std::vector<std::pair<const char*, const char*>>{
           {"a", "b"}, {"a", "c"}, {"b", "a"}, {"c", "d"}, {"d", "a"}, {"e", "a"}, {"c", "e"}}) {
    b.add_tie(u, v, "tie", 0.5);
  }
  return std::move(b).build();
}

TEST(StructureMixing, HandWorked) {
  const InfluenceGraph g = silo_graph();
  const MixingResult r = mixing(g, {.permutations = 0});
  EXPECT_EQ(r.groups, (std::vector<std::string>{"X", "Y"}));
  EXPECT_EQ(r.ties, (std::vector<std::size_t>{2, 1, 1, 1}));
  EXPECT_EQ(r.strength, (std::vector<double>{1.0, 0.5, 0.5, 0.5}));
  EXPECT_EQ(r.person_ei[0], 0.0);
  EXPECT_EQ(r.person_ei[1], -1.0);
  EXPECT_EQ(r.person_ei[2], -1.0);
  EXPECT_EQ(r.person_ei[3], 1.0);
  EXPECT_TRUE(std::isnan(r.person_ei[4]));
  EXPECT_DOUBLE_EQ(r.group_ei[0], -1.0 / 3.0);
  EXPECT_DOUBLE_EQ(r.group_ei[1], 0.0);
  EXPECT_EQ(r.external, 2u);
  EXPECT_EQ(r.internal, 3u);
  EXPECT_DOUBLE_EQ(r.ei, -0.2);
  EXPECT_TRUE(std::isnan(r.p_less));

  const MixingResult in = mixing(g, {.direction = DegreeDirection::in, .permutations = 0});
  EXPECT_DOUBLE_EQ(in.group_ei[0], -1.0 / 3.0);
  EXPECT_DOUBLE_EQ(in.group_ei[1], 0.0);
  EXPECT_EQ(in.person_ei[0], 0.0);  // a receives b->a (I) and d->a (E); e->a is left out
  EXPECT_EQ(in.person_ei[2], 1.0);  // c receives a->c (E)
  const MixingResult total = mixing(g, {.direction = DegreeDirection::total, .permutations = 0});
  EXPECT_DOUBLE_EQ(total.group_ei[0], 0.0);
  EXPECT_DOUBLE_EQ(total.group_ei[1], 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(total.ei, -0.2);
}

TEST(StructureMixing, PermutationTestMatchesExactDistribution) {
  const InfluenceGraph g = silo_graph();
  const MixingResult r = mixing(g, {.permutations = 20000, .seed = 3});
  EXPECT_NEAR(r.expected_ei, 1.0 / 3.0, 0.01);
  EXPECT_NEAR(r.p_less, 1.0 / 3.0, 0.015);
  EXPECT_NEAR(r.p_greater, 1.0, 1e-12);  // every relabelling has EI >= -0.2
  EXPECT_EQ(r.permutations, 20000u);
  EXPECT_EQ(r.seed, 3u);
}

TEST(StructureMixing, SameForAnyThreadCount) {
  const InfluenceGraph g = load_dataset("lazega");
  const MixingResult one = mixing(g, {.permutations = 300, .seed = 9, .threads = 1});
  const MixingResult two = mixing(g, {.permutations = 300, .seed = 9, .threads = 2});
  EXPECT_EQ(one.p_less, two.p_less);
  EXPECT_EQ(one.expected_ei, two.expected_ei);
  EXPECT_EQ(one.group_p_less, two.group_p_less);
  // Lazega's offices are silos: far fewer external ties than chance.
  EXPECT_LT(one.ei, one.expected_ei);
  EXPECT_LT(one.p_less, 0.01);
}

TEST(StructureMixing, OtherGroupingsAndErrors) {
  const InfluenceGraph g = silo_graph();
  Labeling everyone{.label = {0, 0, 0, 0, 0}, .names = {"all"}};
  const MixingResult r = mixing(g, {.groups = everyone, .permutations = 10});
  EXPECT_EQ(r.external, 0u);
  EXPECT_EQ(r.internal, 7u);
  EXPECT_EQ(r.ei, -1.0);
  Labeling bad{.label = {0, 0}, .names = {"x"}};
  EXPECT_THROW((void)mixing(g, {.groups = bad}), invalid_argument);
  EXPECT_THROW((void)mixing(g, {.threads = -1}), invalid_argument);
  const MixingResult empty = mixing(test::graph_of({}, {}));
  EXPECT_TRUE(std::isnan(empty.ei));
  EXPECT_EQ(empty.num_groups(), 0u);
}

}  // namespace
}  // namespace orgnet
