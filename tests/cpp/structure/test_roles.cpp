#include <gtest/gtest.h>

#include "../test_support.hpp"
#include "orgnet/io/datasets.hpp"
#include "orgnet/structure/roles.hpp"

namespace orgnet {
namespace {

// h, a1, a2, iso in A; b1, b2 in B; c1 in C. Influence edges:
//   h->a1 a1->h h->a2 h->b1 b1->b2 h->c1 c1->b2
// degree (in + out; the pair h<->a1 counts twice for each): h 5, a1 2, a2 1,
//   b1 2, b2 2, c1 2, iso 0 -> percentiles (average ranks / 6): iso 0,
//   a2 1/6, the four 2s 3.5/6, h 1.
// contacts / external / groups reached: h 4/2/2 (b1, c1), a1 1/0/0, a2 1/0/0,
//   b1 2/1/1, b2 2/1/1 (c1), c1 2/2/2, iso 0/0/0 -> external percentiles:
//   the three 0s 1/6, the 1s 3.5/6, the 2s 5.5/6.
// betweenness (hops): a1 reaches a2, b1, c1 through h (3) and b2 by two paths
//   a1-h-b1-b2, a1-h-c1-b2 (h 1, b1 1/2, c1 1/2); h reaches b2 through b1 or
//   c1 (1/2 each): h 4, b1 1, c1 1, others 0; normalized by (n-1)(n-2) = 30.
//   Percentiles: the four 0s 1.5/6, b1 and c1 4.5/6, h 1.
// Roles with the defaults: connector h (1 >= 0.9); spanners h and c1
//   (5.5/6 >= 0.8, 2 groups); broker h; peripheral iso (0 <= 0.1; a2's 1/6 is not).
InfluenceGraph roles_graph() {
  RelationMap map;
  map.set("tie", {InfluenceDirection::source_to_target, StrengthRule::as_is});
  GraphBuilder b({.relations = map});
  for (auto [id, dept] : std::vector<std::pair<const char*, const char*>>{
           {"h", "A"}, {"a1", "A"}, {"a2", "A"}, {"b1", "B"}, {"b2", "B"}, {"c1", "C"}, {"iso", "A"}}) {
    b.add_person({.id = id, .department = dept});
  }
  for (auto [u, v] : std::vector<std::pair<const char*, const char*>>{
           {"h", "a1"}, {"a1", "h"}, {"h", "a2"}, {"h", "b1"}, {"b1", "b2"}, {"h", "c1"}, {"c1", "b2"}}) {
    b.add_tie(u, v, "tie", 0.5);
  }
  return std::move(b).build();
}

TEST(StructureRoles, HandWorked) {
  const InfluenceGraph g = roles_graph();
  const RolesResult r = ona_roles(g, {.distance = DistanceTransform::hops});
  EXPECT_EQ(r.contacts, (std::vector<std::size_t>{4, 1, 1, 2, 2, 2, 0}));
  EXPECT_EQ(r.external, (std::vector<std::size_t>{2, 0, 0, 1, 1, 2, 0}));
  EXPECT_EQ(r.groups_reached, (std::vector<std::size_t>{2, 0, 0, 1, 1, 2, 0}));
  EXPECT_DOUBLE_EQ(r.degree[0], 5.0 / 6.0);
  EXPECT_DOUBLE_EQ(r.degree_percentile[2], 1.0 / 6.0);
  EXPECT_DOUBLE_EQ(r.degree_percentile[3], 3.5 / 6.0);
  EXPECT_DOUBLE_EQ(r.betweenness[0], 4.0 / 30.0);
  EXPECT_DOUBLE_EQ(r.betweenness[3], 1.0 / 30.0);
  EXPECT_DOUBLE_EQ(r.betweenness_percentile[5], 4.5 / 6.0);
  EXPECT_DOUBLE_EQ(r.external_percentile[5], 5.5 / 6.0);
  EXPECT_DOUBLE_EQ(r.external_share[0], 0.5);
  EXPECT_EQ(r.central_connector, (std::vector<char>{1, 0, 0, 0, 0, 0, 0}));
  EXPECT_EQ(r.boundary_spanner, (std::vector<char>{1, 0, 0, 0, 0, 1, 0}));
  EXPECT_EQ(r.information_broker, (std::vector<char>{1, 0, 0, 0, 0, 0, 0}));
  EXPECT_EQ(r.peripheral_specialist, (std::vector<char>{0, 0, 0, 0, 0, 0, 1}));
  EXPECT_EQ(role_names(r, 0), "central_connector,boundary_spanner,information_broker");
  EXPECT_EQ(role_names(r, 1), "");
  // Thresholds move people in and out of roles.
  const RolesResult loose =
      ona_roles(g, {.broker_percentile = 0.7, .peripheral_percentile = 0.2, .distance = DistanceTransform::hops});
  EXPECT_EQ(loose.information_broker, (std::vector<char>{1, 0, 0, 1, 0, 1, 0}));
  EXPECT_EQ(loose.peripheral_specialist, (std::vector<char>{0, 0, 1, 0, 0, 0, 1}));
  const RolesResult off = ona_roles(g, {.connector_percentile = 1.5, .distance = DistanceTransform::hops});
  EXPECT_EQ(off.central_connector, std::vector<char>(7, 0));
}

TEST(StructureRoles, ErrorsAndDegenerate) {
  const InfluenceGraph g = roles_graph();
  EXPECT_THROW((void)ona_roles(g, {.connector_percentile = -0.1}), invalid_argument);
  EXPECT_THROW((void)ona_roles(g, {.threads = -2}), invalid_argument);
  EXPECT_THROW((void)ona_roles(g, {.groups = Labeling{.label = {0}, .names = {"x"}}}), invalid_argument);
  const RolesResult empty = ona_roles(test::graph_of({}, {}));
  EXPECT_TRUE(empty.degree.empty());
  const RolesResult one = ona_roles(test::graph_of({"a"}, {}));
  EXPECT_EQ(one.central_connector, std::vector<char>{0});
  // Same numbers for any thread count.
  const InfluenceGraph lazega = load_dataset("lazega");
  EXPECT_EQ(ona_roles(lazega, {.threads = 1}).betweenness, ona_roles(lazega, {.threads = 2}).betweenness);
}

}  // namespace
}  // namespace orgnet
