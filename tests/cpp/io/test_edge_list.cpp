#include <gtest/gtest.h>

#include "orgnet/io/edge_list.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

TEST(EdgeList, WeightsCommentsAndWhitespace) {
  test::TempDir dir;
  auto file = dir.write("g.txt", "# SNAP style\n% pajek style comment\n0 1\n1\t2  0.5\r\n\n2 0 +2\n");
  InfluenceGraph g = load_edge_list(file, {.relation = "email"});
  EXPECT_EQ(g.num_vertices(), 3u);
  EXPECT_EQ(g.num_ties(), 3u);
  EXPECT_EQ(g.ties()[1].weight, 0.5);
  EXPECT_EQ(g.ties()[2].weight, 2.0);
  EXPECT_TRUE(g.find_edge(g.index_of("0"), g.index_of("1")));  // email: sender influences
}

TEST(EdgeList, ErrorsNameLineAndColumn) {
  test::TempDir dir;
  auto one = dir.write("one.txt", "0 1\n  7\n");
  EXPECT_EQ(test::invalid_argument_message([&] { (void)load_edge_list(one); }),
            one.string() + ":2:3: field 'target': expected 'source target [weight]', got only one field");
  auto bad = dir.write("bad.txt", "0 1 x1\n");
  EXPECT_EQ(test::invalid_argument_message([&] { (void)load_edge_list(bad); }),
            bad.string() + ":1:5: field 'weight': expected a number > 0, got 'x1'");
  auto negative = dir.write("neg.txt", "0 1 -3\n");
  EXPECT_EQ(test::invalid_argument_message([&] { (void)load_edge_list(negative); }),
            negative.string() + ":1:5: field 'weight': expected a finite number > 0, got -3");
  auto many = dir.write("many.txt", "0 1 1 extra\n");
  EXPECT_EQ(test::invalid_argument_message([&] { (void)load_edge_list(many); }),
            many.string() + ":1:7: expected 'source target [weight]', got more than three fields");
}

}  // namespace
}  // namespace orgnet
