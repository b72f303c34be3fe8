#include <gtest/gtest.h>

#include <cmath>

#include "orgnet/bottleneck/brokerage.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

constexpr auto W_I = static_cast<std::size_t>(BrokerageRole::coordinator);
constexpr auto W_O = static_cast<std::size_t>(BrokerageRole::itinerant);
constexpr auto B_IO = static_cast<std::size_t>(BrokerageRole::representative);
constexpr auto B_OI = static_cast<std::size_t>(BrokerageRole::gatekeeper);
constexpr auto B_O = static_cast<std::size_t>(BrokerageRole::liaison);
constexpr auto T = static_cast<std::size_t>(BrokerageRole::total);

InfluenceGraph grouped(const std::vector<std::pair<std::string, std::string>>& people,
                       const std::vector<std::pair<std::string, std::string>>& edges) {
  RelationMap map;
  map.set("tie", {InfluenceDirection::source_to_target, StrengthRule::as_is});
  GraphBuilder b({.relations = map});
  for (const auto& [id, dept] : people) b.add_person({.id = id, .department = dept});
  for (const auto& [u, v] : edges) b.add_tie(u, v, "tie", 0.5);
  return std::move(b).build();
}

// Groups A = {a1, a2, a3}, B = {b1, b2}, C = {c1}; edges
//   a1->a2, a2->a3, a1->b1, b1->a3, a2->b2, b1->b2, b1->c1.
// Broker a2: in {a1}, out {a3, b2}:
//   a1->a2->a3 (no a1->a3): A A A coordinator; a1->a2->b2: A A B representative.
// Broker b1: in {a1}, out {a3, b2, c1}:
//   a1->b1->a3: A B A itinerant; a1->b1->b2: A B B gatekeeper; a1->b1->c1: liaison.
// Nobody else has both an in- and an out-neighbour.
InfluenceGraph five_roles() {
  return grouped({{"a1", "A"}, {"a2", "A"}, {"a3", "A"}, {"b1", "B"}, {"b2", "B"}, {"c1", "C"}},
                 {{"a1", "a2"}, {"a2", "a3"}, {"a1", "b1"}, {"b1", "a3"}, {"a2", "b2"}, {"b1", "b2"}, {"b1", "c1"}});
}

TEST(BottleneckBrokerage, FiveRolesOnADrawnGraph) {
  const auto r = brokerage(five_roles());
  const vertex_id a2 = 1, b1 = 3;
  EXPECT_EQ(r.observed[W_I][a2], 1u);
  EXPECT_EQ(r.observed[B_IO][a2], 1u);
  EXPECT_EQ(r.observed[T][a2], 2u);
  EXPECT_EQ(r.observed[W_O][b1], 1u);
  EXPECT_EQ(r.observed[B_OI][b1], 1u);
  EXPECT_EQ(r.observed[B_O][b1], 1u);
  EXPECT_EQ(r.observed[T][b1], 3u);
  for (vertex_id v : {0u, 2u, 4u, 5u}) EXPECT_EQ(r.observed[T][v], 0u);
  EXPECT_EQ(r.network_observed[T], 5u);
  EXPECT_EQ(r.group_names, (std::vector<std::string>{"A", "B", "C"}));
  EXPECT_EQ(r.group_sizes, (std::vector<std::size_t>{3, 2, 1}));
}

// Expected values, N = 6, m = 7, d = 7/30, p = d^2 (1 - d):
//   broker in A (n = 3): w_I p 2*1, w_O p (2*1 + 1*0), b_IO = b_OI p 3*2,
//     b_O p (3^2 - (4 + 1)) = 4p, total p 5*4 (2 + 2 + 6 + 6 + 4 = 20);
//   broker in B (n = 2): w_I 0, w_O p (3*2 + 0) = 6p, b_IO = b_OI p 4*1, b_O p (16 - 10) = 6p.
// Variances (q = d^3 (1 - d)^3): w_I in A: E (1 - p) + 2*2*1*0 q;
//   b_IO in B: E (1 - p) + 2 (1 * C(4,2) + 4 * C(1,2)) q = E (1 - p) + 12 q.
TEST(BottleneckBrokerage, ExpectedCountsAndVariances) {
  const auto r = brokerage(five_roles());
  const double d = 7.0 / 30.0, p = d * d * (1 - d), q = std::pow(d * (1 - d), 3);
  EXPECT_DOUBLE_EQ(r.density, d);
  const vertex_id a2 = 1, b1 = 3;
  EXPECT_NEAR(r.expected[W_I][a2], 2 * p, 1e-15);
  EXPECT_NEAR(r.expected[W_O][a2], 2 * p, 1e-15);
  EXPECT_NEAR(r.expected[B_IO][a2], 6 * p, 1e-15);
  EXPECT_NEAR(r.expected[B_OI][a2], 6 * p, 1e-15);
  EXPECT_NEAR(r.expected[B_O][a2], 4 * p, 1e-15);
  EXPECT_NEAR(r.expected[T][a2], 20 * p, 1e-14);
  EXPECT_NEAR(r.expected[W_I][b1], 0.0, 1e-15);
  EXPECT_NEAR(r.expected[W_O][b1], 6 * p, 1e-15);
  EXPECT_NEAR(r.expected[B_IO][b1], 4 * p, 1e-15);
  EXPECT_NEAR(r.expected[B_O][b1], 6 * p, 1e-15);
  EXPECT_NEAR(r.sd[W_I][a2], std::sqrt(2 * p * (1 - p)), 1e-15);
  EXPECT_NEAR(r.sd[B_IO][b1], std::sqrt(4 * p * (1 - p) + 12 * q), 1e-15);
  EXPECT_NEAR(r.z[B_IO][b1], (0 - 4 * p) / std::sqrt(4 * p * (1 - p) + 12 * q), 1e-13);
  // A broker in B can never coordinate: observed 0, expected 0, sd 0 -> NaN.
  EXPECT_TRUE(std::isnan(r.z[W_I][b1]));
  // Network expected total: p N (N-1)(N-2) = 120 p; the roles add up to it.
  EXPECT_NEAR(r.network_expected[T], 120 * p, 1e-13);
  double sum = 0;
  for (std::size_t k = 0; k < 5; ++k) sum += r.network_expected[k];
  EXPECT_NEAR(sum, r.network_expected[T], 1e-13);
}

// x -> y -> z with x -> z: y brokers nothing; x -> y -> x (a == c) neither.
TEST(BottleneckBrokerage, ClosedTriadsAndReturnsAreNotBrokerage) {
  const auto r =
      brokerage(grouped({{"x", "A"}, {"y", "B"}, {"z", "C"}}, {{"x", "y"}, {"y", "z"}, {"x", "z"}, {"y", "x"}}));
  // Two-paths: x->y->z (closed by x->z), x->y->x (a == c), y->x->y (a == c),
  // y->x->z: y->z exists, closed. So nothing.
  EXPECT_EQ(r.network_observed[T], 0u);
}

// Brute force over all triples on seeded random graphs with three groups.
TEST(BottleneckBrokerage, MatchesBruteForce) {
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const auto base = test::random_exact_graph(seed, 30, 150);
    RelationMap map;
    map.set("tie", {InfluenceDirection::source_to_target, StrengthRule::as_is});
    GraphBuilder b({.relations = map});
    for (vertex_id v = 0; v < base.num_vertices(); ++v) {
      b.add_person({.id = base.id(v), .department = v % 4 == 3 ? "" : std::string(1, static_cast<char>('A' + v % 3))});
    }
    for (vertex_id u = 0; u < base.num_vertices(); ++u) {
      for (const vertex_id v : base.out_neighbors(u)) b.add_tie(base.id(u), base.id(v), "tie", 1);
    }
    const auto g = std::move(b).build();
    const auto r1 = brokerage(g, {.threads = 1});
    const auto r2 = brokerage(g, {.threads = 2});
    const std::size_t n = g.num_vertices();
    for (vertex_id bb = 0; bb < n; ++bb) {
      std::array<std::uint64_t, 6> count{};
      for (vertex_id a = 0; a < n; ++a) {
        for (vertex_id c = 0; c < n; ++c) {
          if (a == c || a == bb || c == bb) continue;
          if (!g.find_edge(a, bb) || !g.find_edge(bb, c) || g.find_edge(a, c)) continue;
          const auto ga = r1.group[a], gb = r1.group[bb], gc = r1.group[c];
          std::size_t role;
          if (ga == gb && gb == gc)
            role = W_I;
          else if (ga == gc)
            role = W_O;
          else if (ga == gb)
            role = B_IO;
          else if (gb == gc)
            role = B_OI;
          else
            role = B_O;
          ++count[role];
          ++count[T];
        }
      }
      for (std::size_t k = 0; k < 6; ++k) {
        EXPECT_EQ(r1.observed[k][bb], count[k]) << "seed " << seed << " broker " << bb << " role " << k;
        EXPECT_EQ(r2.observed[k][bb], count[k]);
      }
    }
    EXPECT_EQ(r1.group_names.size(), 4u);  // A, B, C and "" (no department)
  }
}

TEST(BottleneckBrokerage, DegenerateGraphs) {
  const auto empty = brokerage(InfluenceGraph{});
  EXPECT_TRUE(empty.observed[T].empty());
  EXPECT_EQ(empty.density, 0.0);
  const auto one = brokerage(test::graph_of({"a"}, {}));
  EXPECT_EQ(one.observed[T], std::vector<std::uint64_t>{0});
  EXPECT_EQ(one.expected[T], std::vector<double>{0.0});
  // No departments: one group, everything is coordination.
  const auto g = test::graph_of({"a", "b", "c"}, {{"a", "b", 1}, {"b", "c", 1}});
  const auto r = brokerage(g);
  EXPECT_EQ(r.group_names, std::vector<std::string>{""});
  EXPECT_EQ(r.observed[W_I][1], 1u);
  EXPECT_EQ(r.observed[T][1], 1u);
  EXPECT_EQ(r.expected[W_O][1], 0.0);
  EXPECT_TRUE(std::isnan(r.z[W_O][1]));
  EXPECT_THROW((void)brokerage(g, {.attribute = "nope"}), orgnet::out_of_range);
}

}  // namespace
}  // namespace orgnet
