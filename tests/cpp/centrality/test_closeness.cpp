#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <tuple>
#include <vector>

#include "orgnet/centrality/closeness.hpp"
#include "orgnet/detail/random.hpp"
#include "orgnet/model/generators.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

using Tie = test::StrengthTie;
using test::graph_of;

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

void expect_near(const std::vector<double>& actual, const std::vector<double>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t v = 0; v < actual.size(); ++v) EXPECT_NEAR(actual[v], expected[v], 1e-15) << "vertex " << v;
}

//   a ---> b ---> c
//   ^      |
//   |      v
//   +----- d          e (no ties)
//
// Hop distances to each person (incoming):   from each person (outgoing):
//   a: d 1, b 2          r 2, D 3            a: b 1, c 2, d 2    r 3, D 5
//   b: a 1, d 2          r 2, D 3            b: c 1, d 1, a 2    r 3, D 4
//   c: b 1, a 2, d 3     r 3, D 6            c: nobody
//   d: b 1, a 2          r 2, D 3            d: a 1, b 2, c 3    r 3, D 6
//   e: nobody                                e: nobody
// Closeness r / D; Wasserman-Faust multiplies by r / (n - 1) = r / 4.
InfluenceGraph hand_graph() {
  return graph_of({"a", "b", "c", "d", "e"}, {{"a", "b", 1}, {"b", "c", 1}, {"b", "d", 1}, {"d", "a", 1}});
}

TEST(Closeness, HandWorkedIncoming) {
  const InfluenceGraph g = hand_graph();
  const auto plain = closeness(g, {.distance = DistanceTransform::hops, .wf_improved = false});
  expect_near(plain.score, {2.0 / 3, 2.0 / 3, 3.0 / 6, 2.0 / 3, 0});
  EXPECT_EQ(plain.reached, (std::vector<std::uint32_t>{2, 2, 3, 2, 0}));
  const auto wf = closeness(g, {.distance = DistanceTransform::hops});
  expect_near(wf.score, {(2.0 / 3) * (2.0 / 4), (2.0 / 3) * (2.0 / 4), 0.5 * (3.0 / 4), (2.0 / 3) * (2.0 / 4), 0});
}

TEST(Closeness, HandWorkedOutgoing) {
  const InfluenceGraph g = hand_graph();
  const auto plain =
      closeness(g, {.distance = DistanceTransform::hops, .direction = PathDirection::outgoing, .wf_improved = false});
  expect_near(plain.score, {3.0 / 5, 3.0 / 4, 0, 3.0 / 6, 0});
  EXPECT_EQ(plain.reached, (std::vector<std::uint32_t>{3, 3, 0, 3, 0}));
  const auto wf = closeness(g, {.distance = DistanceTransform::hops, .direction = PathDirection::outgoing});
  expect_near(wf.score, {0.6 * 0.75, 0.75 * 0.75, 0, 0.5 * 0.75, 0});
}

TEST(HarmonicCloseness, HandWorked) {
  const InfluenceGraph g = hand_graph();
  const auto in = harmonic_closeness(g, {.distance = DistanceTransform::hops}).score;
  expect_near(in, {1.5, 1.5, 1 + 1.0 / 2 + 1.0 / 3, 1.5, 0});
  const auto out = harmonic_closeness(g, {.distance = DistanceTransform::hops, .direction = PathDirection::outgoing});
  expect_near(out.score, {2, 2.5, 0, 1 + 1.0 / 2 + 1.0 / 3, 0});
  const auto normalized = harmonic_closeness(g, {.distance = DistanceTransform::hops, .normalized = true});
  expect_near(normalized.score, {1.5 / 4, 1.5 / 4, (1 + 1.0 / 2 + 1.0 / 3) / 4, 1.5 / 4, 0});
}

//   a --0.5--> b --0.25--> c
//   |                      ^
//   +---------0.1----------+
//
// Under 1/s: a -> b 2, b -> c 4, a -> c min(10, 2 + 4) = 6 (through b).
// Under -ln s: ln 2 + ln 4 = ln 8 < ln 10, through b as well.
TEST(Closeness, Weighted) {
  const InfluenceGraph g = graph_of({"a", "b", "c"}, {{"a", "b", 0.5}, {"b", "c", 0.25}, {"a", "c", 0.1}});
  const auto inverse = closeness(g, {.distance = DistanceTransform::inverse, .wf_improved = false}).score;
  expect_near(inverse, {0, 1.0 / 2, 2.0 / (6 + 4)});
  const auto inverse_wf = closeness(g, {.distance = DistanceTransform::inverse}).score;
  expect_near(inverse_wf, {0, 0.5 * 0.5, 0.2 * 1.0});
  const auto neg_log = closeness(g, {.wf_improved = false}).score;  // the default transform
  EXPECT_NEAR(neg_log[2], 2.0 / (std::log(2.0) + std::log(4.0) + std::log(4.0)), 1e-15);
  const auto harmonic = harmonic_closeness(g, {.distance = DistanceTransform::inverse}).score;
  expect_near(harmonic, {0, 0.5, 1.0 / 6 + 1.0 / 4});
  const auto out =
      harmonic_closeness(g, {.distance = DistanceTransform::inverse, .direction = PathDirection::outgoing}).score;
  expect_near(out, {0.5 + 1.0 / 6, 0.25, 0});
}

//   a ==1==> b        (strength 1: length 0 under -ln s)
//
// NetworkX's conventions: b's only connection is at distance 0, so its
// closeness is 0 (the sum of distances is 0) and the pair adds nothing to
// harmonic closeness. With hops the tie counts 1.
TEST(Closeness, ZeroDistances) {
  const InfluenceGraph g = graph_of({"a", "b"}, {{"a", "b", 1.0}});
  const auto neg_log = closeness(g);
  EXPECT_EQ(neg_log.score, (std::vector<double>{0, 0}));
  EXPECT_EQ(neg_log.reached, (std::vector<std::uint32_t>{0, 1}));
  EXPECT_EQ(harmonic_closeness(g).score, (std::vector<double>{0, 0}));
  EXPECT_EQ(closeness(g, {.distance = DistanceTransform::hops}).score, (std::vector<double>{0, 1}));
  EXPECT_EQ(harmonic_closeness(g, {.distance = DistanceTransform::hops}).score, (std::vector<double>{0, 1}));
}

TEST(Closeness, DegenerateGraphs) {
  const InfluenceGraph empty;
  EXPECT_TRUE(closeness(empty).score.empty());
  EXPECT_TRUE(closeness(empty).reached.empty());
  EXPECT_TRUE(harmonic_closeness(empty, {.normalized = true}).score.empty());

  const InfluenceGraph one = graph_of({"x"}, {});
  for (DistanceTransform d : {DistanceTransform::hops, DistanceTransform::neg_log}) {
    EXPECT_EQ(closeness(one, {.distance = d}).score, (std::vector<double>{0}));
    EXPECT_EQ(harmonic_closeness(one, {.distance = d, .normalized = true}).score, (std::vector<double>{0}));
  }

  // No ties (a self-tie is not an edge): everyone scores 0.
  const InfluenceGraph lonely = graph_of({"a", "b", "c"}, {{"b", "b", 0.5}});
  for (DistanceTransform d : {DistanceTransform::hops, DistanceTransform::inverse}) {
    for (PathDirection dir : {PathDirection::incoming, PathDirection::outgoing}) {
      const auto c = closeness(lonely, {.distance = d, .direction = dir});
      EXPECT_EQ(c.score, (std::vector<double>{0, 0, 0}));
      EXPECT_EQ(c.reached, (std::vector<std::uint32_t>{0, 0, 0}));
      EXPECT_EQ(harmonic_closeness(lonely, {.distance = d, .direction = dir}).score, (std::vector<double>{0, 0, 0}));
    }
  }
}

// ---- a brute-force oracle -----------------------------------------------------------

std::vector<std::vector<double>> all_distances(const InfluenceGraph& g, DistanceTransform transform) {
  const std::size_t n = g.num_vertices();
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<std::vector<double>> d(n, std::vector<double>(n, inf));
  for (vertex_id u = 0; u < n; ++u) {
    d[u][u] = 0;
    for (edge_id e = g.out_begin(u); e < g.out_end(u); ++e) {
      d[u][g.edge_target(e)] = to_distance(g.strength(e), transform);
    }
  }
  for (std::size_t k = 0; k < n; ++k) {
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < n; ++j) d[i][j] = std::min(d[i][j], d[i][k] + d[k][j]);
    }
  }
  return d;
}

TEST(Closeness, MatchesBruteForceOnRandomGraphs) {
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    const InfluenceGraph g = test::random_exact_graph(seed, 150, 330);
    const std::size_t n = g.num_vertices();
    for (DistanceTransform transform : {DistanceTransform::hops, DistanceTransform::inverse}) {
      const auto d = all_distances(g, transform);
      for (PathDirection dir : {PathDirection::incoming, PathDirection::outgoing}) {
        const auto c = closeness(g, {.distance = transform, .direction = dir, .wf_improved = false});
        const auto wf = closeness(g, {.distance = transform, .direction = dir});
        const auto h = harmonic_closeness(g, {.distance = transform, .direction = dir});
        for (std::size_t v = 0; v < n; ++v) {
          std::size_t r = 0;
          double total = 0, harmonic = 0;
          for (std::size_t u = 0; u < n; ++u) {
            const double x = dir == PathDirection::incoming ? d[u][v] : d[v][u];
            if (u == v || x == std::numeric_limits<double>::infinity()) continue;
            ++r;
            total += x;
            harmonic += 1 / x;
          }
          const double expected = total > 0 ? static_cast<double>(r) / total : 0.0;
          EXPECT_EQ(c.reached[v], r) << "seed " << seed << " v " << v;
          EXPECT_NEAR(c.score[v], expected, 1e-12) << "seed " << seed << " v " << v;
          EXPECT_NEAR(wf.score[v], expected * static_cast<double>(r) / static_cast<double>(n - 1), 1e-12);
          EXPECT_NEAR(h.score[v], harmonic, 1e-12 * std::max(1.0, harmonic)) << "seed " << seed << " v " << v;
        }
      }
    }
  }
}

// A chain of 1,200 people, first tie of strength 1, the others 0.001: under
// 1/s lengths 1 and 1000, long enough for Dijkstra's bucket queue to hand
// over to the radix heap mid-search. Distances to p_j: 1 + 1000 (j - 1) from
// p_0, 1000 (j - i) from p_i.
TEST(Closeness, LongDistancesLeaveTheBucketQueue) {
  constexpr int n = 1200;
  std::vector<std::string> people;
  std::vector<Tie> ties;
  for (int i = 0; i < n; ++i) people.push_back("p" + std::to_string(i));
  for (int i = 0; i + 1 < n; ++i) ties.emplace_back(people[i], people[i + 1], i == 0 ? 1.0 : 0.001);
  const InfluenceGraph g = graph_of(people, ties);
  const auto c = closeness(g, {.distance = DistanceTransform::inverse, .wf_improved = false});
  const auto h = harmonic_closeness(g, {.distance = DistanceTransform::inverse});
  for (int j = 1; j < n; ++j) {
    double total = 1.0 + 1000.0 * (j - 1), harmonic = 1.0 / total;
    for (int i = 1; i < j; ++i) {
      total += 1000.0 * (j - i);
      harmonic += 1.0 / (1000.0 * (j - i));
    }
    EXPECT_NEAR(c.score[j], j / total, 1e-12 * (j / total)) << j;
    EXPECT_NEAR(h.score[j], harmonic, 1e-12 * harmonic) << j;
  }
}

TEST(Closeness, IdenticalForEveryThreadCount) {
  const InfluenceGraph g = generate_company({.people = 700, .seed = 4});
  for (DistanceTransform d : {DistanceTransform::hops, DistanceTransform::neg_log}) {
    for (PathDirection dir : {PathDirection::incoming, PathDirection::outgoing}) {
      const auto c1 = closeness(g, {.distance = d, .direction = dir, .threads = 1}).score;
      EXPECT_TRUE(same_bits(c1, closeness(g, {.distance = d, .direction = dir, .threads = 2}).score));
      EXPECT_TRUE(same_bits(c1, closeness(g, {.distance = d, .direction = dir, .threads = 3}).score));
      const auto h1 = harmonic_closeness(g, {.distance = d, .direction = dir, .threads = 1}).score;
      EXPECT_TRUE(same_bits(h1, harmonic_closeness(g, {.distance = d, .direction = dir, .threads = 2}).score));
    }
  }
}

TEST(PathDirection, ParsesAndPrints) {
  EXPECT_EQ(parse_path_direction("incoming"), PathDirection::incoming);
  EXPECT_EQ(parse_path_direction("outgoing"), PathDirection::outgoing);
  EXPECT_EQ(to_string(PathDirection::incoming), "incoming");
  EXPECT_EQ(to_string(PathDirection::outgoing), "outgoing");
  EXPECT_EQ(test::invalid_argument_message([] { (void)parse_path_direction("in"); }),
            "unknown path direction 'in' (expected incoming or outgoing)");
}

TEST(Closeness, RejectsNegativeThreads) {
  const InfluenceGraph g = hand_graph();
  EXPECT_EQ(test::invalid_argument_message([&] { (void)closeness(g, {.threads = -1}); }),
            "closeness: threads must be >= 0 (0 = all available), got -1");
  EXPECT_EQ(test::invalid_argument_message([&] { (void)harmonic_closeness(g, {.threads = -1}); }),
            "harmonic_closeness: threads must be >= 0 (0 = all available), got -1");
}

}  // namespace
}  // namespace orgnet
