#include <gtest/gtest.h>

#include "orgnet/model/generators.hpp"
#include "orgnet/model/hierarchy.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

TEST(GenerateCompany, ShapeFollowsTheOptions) {
  InfluenceGraph g = generate_company({.people = 1000, .departments = 10, .levels = 4, .ties_per_person = 25});
  EXPECT_EQ(g.num_vertices(), 1000u);
  EXPECT_EQ(g.num_ties(), 25000u);  // a whole number of ties per person: exactly 25 each
  EXPECT_EQ(g.num_departments(), 10u);
  EXPECT_EQ(g.department(0), no_department);  // the CEO
  EXPECT_EQ(hierarchy_stats(g).depth, 4u);
  EXPECT_EQ(g.manager(0), no_vertex);
  // Within-department share: about 80% of the ties that do not go upward.
  std::size_t same = 0, total = 0;
  for (const TieRecord& t : g.ties()) {
    if (t.source == 0 || t.target == 0) continue;
    ++total;
    same += g.department(t.source) == g.department(t.target);
  }
  EXPECT_GT(static_cast<double>(same) / static_cast<double>(total), 0.75);
}

TEST(GenerateCompany, SameSeedSameGraphOtherSeedOtherGraph) {
  auto a = generate_company({.people = 300, .seed = 7});
  auto b = generate_company({.people = 300, .seed = 7});
  auto c = generate_company({.people = 300, .seed = 8});
  ASSERT_EQ(a.num_edges(), b.num_edges());
  EXPECT_TRUE(std::equal(a.strengths().begin(), a.strengths().end(), b.strengths().begin()));
  EXPECT_TRUE(std::equal(a.out_targets().begin(), a.out_targets().end(), b.out_targets().begin()));
  EXPECT_FALSE(a.num_edges() == c.num_edges() &&
               std::equal(a.out_targets().begin(), a.out_targets().end(), c.out_targets().begin()));
}

TEST(GenerateCompany, RejectsBadOptions) {
  EXPECT_THROW((void)generate_company({.people = 1}), orgnet::invalid_argument);
  EXPECT_THROW((void)generate_company({.levels = 1}), orgnet::invalid_argument);
  EXPECT_THROW((void)generate_company({.within_department = 1.5}), orgnet::invalid_argument);
}

}  // namespace
}  // namespace orgnet
