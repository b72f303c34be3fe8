#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <tuple>
#include <vector>

#include "orgnet/centrality/betweenness.hpp"
#include "orgnet/detail/random.hpp"
#include "orgnet/model/generators.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

using Tie = test::StrengthTie;
using test::graph_of;

double score_of(const InfluenceGraph& g, const std::vector<double>& score, const std::string& id) {
  return score.at(g.index_of(id));
}

double edge_score(const InfluenceGraph& g, const std::vector<double>& score, const std::string& u,
                  const std::string& v) {
  return score.at(*g.find_edge(g.index_of(u), g.index_of(v)));
}

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

//   a --> b --> d --> e
//   |           ^
//   +---> c ----+
//
// Shortest paths (hops): a->d twice (via b, via c), a->e twice, b->e and c->e
// through d. Raw betweenness: b = c = 1/2 + 1/2 = 1; d = 1 (a->e) + 1 (b->e)
// + 1 (c->e) = 3; a = e = 0.
TEST(Betweenness, HandWorkedDiamond) {
  const InfluenceGraph g =
      graph_of({"a", "b", "c", "d", "e"}, {{"a", "b", 1}, {"a", "c", 1}, {"b", "d", 1}, {"c", "d", 1}, {"d", "e", 1}});
  const auto raw = betweenness(g, {.distance = DistanceTransform::hops, .normalized = false}).score;
  EXPECT_EQ(raw, (std::vector<double>{0, 1, 1, 3, 0}));
  // NetworkX divides by (n - 1)(n - 2) = 12.
  const auto norm = betweenness(g, {.distance = DistanceTransform::hops}).score;
  EXPECT_DOUBLE_EQ(score_of(g, norm, "b"), 1.0 / 12);
  EXPECT_DOUBLE_EQ(score_of(g, norm, "d"), 3.0 / 12);
  // Endpoints: plus the people each reaches and the people who reach it.
  // a: 0 + 4 + 0, b: 1 + 2 + 1, c: 1 + 2 + 1, d: 3 + 1 + 3, e: 0 + 0 + 4.
  const auto ends = betweenness(g, {.distance = DistanceTransform::hops, .normalized = false, .endpoints = true});
  EXPECT_EQ(ends.score, (std::vector<double>{4, 4, 4, 7, 4}));
  const auto ends_norm = betweenness(g, {.distance = DistanceTransform::hops, .endpoints = true}).score;
  EXPECT_DOUBLE_EQ(score_of(g, ends_norm, "d"), 7.0 / 20);  // n (n - 1) = 20
  // Edges: a->b carries a->b, half of a->d and half of a->e; d->e carries
  // every path into e.
  const auto edges = edge_betweenness(g, {.distance = DistanceTransform::hops, .normalized = false}).score;
  EXPECT_DOUBLE_EQ(edge_score(g, edges, "a", "b"), 2.0);
  EXPECT_DOUBLE_EQ(edge_score(g, edges, "a", "c"), 2.0);
  EXPECT_DOUBLE_EQ(edge_score(g, edges, "b", "d"), 3.0);
  EXPECT_DOUBLE_EQ(edge_score(g, edges, "c", "d"), 3.0);
  EXPECT_DOUBLE_EQ(edge_score(g, edges, "d", "e"), 4.0);
  const auto edges_norm = edge_betweenness(g, {.distance = DistanceTransform::hops}).score;
  EXPECT_DOUBLE_EQ(edge_score(g, edges_norm, "d", "e"), 4.0 / 20);
}

//   a --0.9--> b --0.9--> c
//   |                     ^
//   +---------0.5---------+
//
// Under -ln s the chain through b is more probable (0.81 > 0.5): b lies on the
// only shortest path a -> c. With hops, or with 1/s (2 < 1/0.9 + 1/0.9), the
// direct tie wins and b lies on nothing.
TEST(Betweenness, DistanceTransformDecidesTheShortestPath) {
  const InfluenceGraph g = graph_of({"a", "b", "c"}, {{"a", "b", 0.9}, {"b", "c", 0.9}, {"a", "c", 0.5}});
  auto b_of = [&](DistanceTransform d) {
    return score_of(g, betweenness(g, {.distance = d, .normalized = false}).score, "b");
  };
  EXPECT_EQ(b_of(DistanceTransform::neg_log), 1.0);
  EXPECT_EQ(b_of(DistanceTransform::hops), 0.0);
  EXPECT_EQ(b_of(DistanceTransform::inverse), 0.0);
  // The default is -ln s.
  EXPECT_EQ(score_of(g, betweenness(g, {.normalized = false}).score, "b"), 1.0);
  const auto edges = edge_betweenness(g, {.normalized = false}).score;
  EXPECT_EQ(edge_score(g, edges, "a", "c"), 0.0);
  EXPECT_EQ(edge_score(g, edges, "a", "b"), 2.0);  // a->b and a->c
}

//   s --0.5--> c <==1==> d        (c and d: strength 1 both ways, length 0)
//
// Under -ln s, d is at the same distance from s as c (ln 2). Counting every
// equal-length walk would go round c -> d -> c forever; orgnet counts the
// paths with the fewest zero-length steps: s -> c -> d only, so c lies on the
// one shortest path s -> d and d on none. (NetworkX answers 2 for c here: it
// adds path counts to c after c was already accumulated.)
TEST(Betweenness, ZeroLengthTiesInBothDirections) {
  const InfluenceGraph g = graph_of({"s", "c", "d"}, {{"s", "c", 0.5}, {"c", "d", 1.0}, {"d", "c", 1.0}});
  const auto raw = betweenness(g, {.normalized = false}).score;
  EXPECT_EQ(raw, (std::vector<double>{0, 1, 0}));
  const auto edges = edge_betweenness(g, {.normalized = false}).score;
  EXPECT_EQ(edge_score(g, edges, "s", "c"), 2.0);  // s->c, s->d
  EXPECT_EQ(edge_score(g, edges, "c", "d"), 2.0);  // s->d, c->d
  EXPECT_EQ(edge_score(g, edges, "d", "c"), 1.0);  // d->c
}

//   s ==1==> a ==1==> t      all three ties have strength 1 (length 0)
//   s =====1========> t
//
// Both chains s -> t have length 0; the direct one has fewer zero-length
// steps and is the only shortest path, so a lies on nothing.
TEST(Betweenness, ZeroLengthChainsPreferFewerSteps) {
  const InfluenceGraph g = graph_of({"s", "a", "t"}, {{"s", "a", 1.0}, {"a", "t", 1.0}, {"s", "t", 1.0}});
  EXPECT_EQ(betweenness(g, {.normalized = false}).score, (std::vector<double>{0, 0, 0}));
}

// With every strength 1, -ln s makes every tie length 0, and "fewest zero
// steps" is "fewest hops": the same scores as hops. With 1/s every tie has
// length 1: hops again. (Three different kernels: the direction-optimizing
// breadth-first search, Dijkstra over zero-length ties, Dijkstra with buckets;
// the graph is dense enough for the search to go bottom-up.)
TEST(Betweenness, AllStrengthOneEqualsHops) {
  InfluenceGraph g0 = generate_company({.people = 200, .ties_per_person = 20, .seed = 3});
  std::vector<Tie> ties;
  std::vector<std::string> people;
  for (vertex_id v = 0; v < g0.num_vertices(); ++v) people.push_back(g0.id(v));
  for (vertex_id u = 0; u < g0.num_vertices(); ++u) {
    for (vertex_id v : g0.out_neighbors(u)) ties.emplace_back(g0.id(u), g0.id(v), 1.0);
  }
  const InfluenceGraph g = graph_of(people, ties);
  const auto hops = betweenness(g, {.distance = DistanceTransform::hops}).score;
  const auto neg_log = betweenness(g, {.distance = DistanceTransform::neg_log}).score;
  const auto inverse = betweenness(g, {.distance = DistanceTransform::inverse}).score;
  ASSERT_EQ(hops.size(), g.num_vertices());
  for (std::size_t v = 0; v < hops.size(); ++v) {
    EXPECT_NEAR(neg_log[v], hops[v], 1e-12) << v;
    EXPECT_NEAR(inverse[v], hops[v], 1e-12) << v;
  }
  const auto edge_hops = edge_betweenness(g, {.distance = DistanceTransform::hops}).score;
  const auto edge_inverse = edge_betweenness(g, {.distance = DistanceTransform::inverse}).score;
  for (std::size_t e = 0; e < edge_hops.size(); ++e) EXPECT_NEAR(edge_inverse[e], edge_hops[e], 1e-12) << e;
}

TEST(Betweenness, DegenerateGraphs) {
  const InfluenceGraph empty;
  EXPECT_TRUE(betweenness(empty).score.empty());
  EXPECT_TRUE(edge_betweenness(empty).score.empty());

  const InfluenceGraph one = graph_of({"x"}, {});
  EXPECT_EQ(betweenness(one).score, (std::vector<double>{0}));
  EXPECT_EQ(betweenness(one, {.endpoints = true}).score, (std::vector<double>{0}));

  // Two people: nobody can be in between; NetworkX leaves the scores unscaled.
  const InfluenceGraph two = graph_of({"a", "b"}, {{"a", "b", 0.5}});
  EXPECT_EQ(betweenness(two).score, (std::vector<double>{0, 0}));
  // With endpoints: a starts one path and b ends it; divided by n (n - 1) = 2.
  EXPECT_EQ(betweenness(two, {.endpoints = true}).score, (std::vector<double>{0.5, 0.5}));
  EXPECT_EQ(edge_betweenness(two).score, (std::vector<double>{0.5}));  // 1 / (2 * 1)

  // No ties, and a self-tie (never an edge): all zero.
  const InfluenceGraph lonely = graph_of({"a", "b", "c"}, {{"a", "a", 0.5}});
  EXPECT_EQ(lonely.num_edges(), 0u);
  EXPECT_EQ(betweenness(lonely).score, (std::vector<double>{0, 0, 0}));
  EXPECT_EQ(betweenness(lonely, {.normalized = false, .endpoints = true}).score, (std::vector<double>{0, 0, 0}));
  EXPECT_TRUE(edge_betweenness(lonely).score.empty());
}

//   a -> b -> c      d -> e -> f      (two separate chains)
TEST(Betweenness, DisconnectedPartsAreIndependent) {
  const InfluenceGraph g =
      graph_of({"a", "b", "c", "d", "e", "f"}, {{"a", "b", 1}, {"b", "c", 1}, {"d", "e", 1}, {"e", "f", 1}});
  const auto raw = betweenness(g, {.distance = DistanceTransform::hops, .normalized = false}).score;
  EXPECT_EQ(raw, (std::vector<double>{0, 1, 0, 0, 1, 0}));
  const auto norm = betweenness(g, {.distance = DistanceTransform::hops}).score;
  EXPECT_DOUBLE_EQ(norm[1], 1.0 / 20);  // (n - 1)(n - 2) = 20 counts every pair, reachable or not
}

// A chain of K = 70 diamonds h_j -> {a_j, b_j} -> h_{j+1}: 2^70 shortest paths
// from h_0 to h_70, more than a 64-bit integer holds. Every path between a
// person before hub h_j and one after it passes through h_j: 3j people before
// (hubs h_0..h_{j-1} and the middles of diamonds 0..j-1), 3(K - j) after, so
// b(h_j) = 9 j (K - j). A middle a_j lies on half the paths from the 3j + 1
// people up to h_j to the 3(K - j) - 2 people from h_{j+1} on.
TEST(Betweenness, MoreThanTwoToTheSixtyFourShortestPaths) {
  constexpr int K = 70;
  std::vector<std::string> people;
  std::vector<Tie> ties;
  auto hub = [](int j) { return "h" + std::to_string(j); };
  for (int j = 0; j < K; ++j) {
    const std::string a = "a" + std::to_string(j), b = "b" + std::to_string(j);
    people.insert(people.end(), {hub(j), a, b});
    ties.insert(ties.end(), {{hub(j), a, 0.5}, {hub(j), b, 0.5}, {a, hub(j + 1), 0.5}, {b, hub(j + 1), 0.5}});
  }
  people.push_back(hub(K));
  const InfluenceGraph g = graph_of(people, ties);
  for (DistanceTransform d : {DistanceTransform::hops, DistanceTransform::neg_log}) {
    const auto raw = betweenness(g, {.distance = d, .normalized = false}).score;
    for (int j = 1; j < K; ++j) {
      const double expected = 9.0 * j * (K - j);
      EXPECT_NEAR(score_of(g, raw, hub(j)), expected, 1e-12 * expected) << j;
    }
    for (int j = 0; j < K; ++j) {
      const double expected = (3.0 * j + 1) * (3.0 * (K - j) - 2) / 2;
      EXPECT_NEAR(score_of(g, raw, "a" + std::to_string(j)), expected, 1e-12 * expected) << j;
      EXPECT_NEAR(score_of(g, raw, "b" + std::to_string(j)), expected, 1e-12 * expected) << j;
    }
    EXPECT_EQ(score_of(g, raw, hub(0)), 0.0);
    // The tie h_j -> a_j carries every path from the 3j + 1 people up to h_j
    // to a_j, and half of their paths to the people after the diamond.
    const auto edges = edge_betweenness(g, {.distance = d, .normalized = false}).score;
    for (int j = 0; j < K; ++j) {
      const double before = 3.0 * j + 1, after = 3.0 * (K - j) - 2;
      const double expected = before * (1.0 + after / 2);
      EXPECT_NEAR(edge_score(g, edges, hub(j), "a" + std::to_string(j)), expected, 1e-12 * expected) << j;
    }
  }
}

// A chain of 1,200 people whose first tie has strength 1 and the others
// 0.001: under 1/s lengths of 1 and 1000, so distances pass 2^20 times the
// shortest length and Dijkstra's bucket queue hands over to the radix heap
// mid-search. On a chain, b(p_i) = i (n - 1 - i) whatever the lengths.
TEST(Betweenness, LongDistancesLeaveTheBucketQueue) {
  constexpr int n = 1200;
  std::vector<std::string> people;
  std::vector<Tie> ties;
  for (int i = 0; i < n; ++i) people.push_back("p" + std::to_string(i));
  for (int i = 0; i + 1 < n; ++i) ties.emplace_back(people[i], people[i + 1], i == 0 ? 1.0 : 0.001);
  const InfluenceGraph g = graph_of(people, ties);
  const auto raw = betweenness(g, {.distance = DistanceTransform::inverse, .normalized = false}).score;
  for (int i = 0; i < n; ++i) EXPECT_EQ(raw[i], static_cast<double>(i) * (n - 1 - i)) << i;
}

// ---- a brute-force oracle -----------------------------------------------------------

// All-pairs distances (Floyd-Warshall), path counts by dynamic programming
// over the vertices in order of distance, and b(v) = sum over pairs with
// d(s, v) + d(v, t) = d(s, t) of sigma(s, v) sigma(v, t) / sigma(s, t).
// Lengths must be positive and their sums exact (small integers).
std::vector<double> brute_force(const InfluenceGraph& g, DistanceTransform transform) {
  const std::size_t n = g.num_vertices();
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<std::vector<double>> d(n, std::vector<double>(n, inf)), sigma(n, std::vector<double>(n, 0.0));
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
  for (vertex_id s = 0; s < n; ++s) {
    std::vector<vertex_id> by_distance(n);
    for (vertex_id v = 0; v < n; ++v) by_distance[v] = v;
    std::sort(by_distance.begin(), by_distance.end(), [&](vertex_id a, vertex_id b) { return d[s][a] < d[s][b]; });
    sigma[s][s] = 1;
    for (vertex_id t : by_distance) {
      if (t == s || d[s][t] == inf) continue;
      for (edge_id e = 0; e < g.num_edges(); ++e) {
        if (g.edge_target(e) != t) continue;
        const vertex_id u = g.edge_source(e);
        if (d[s][u] + to_distance(g.strength(e), transform) == d[s][t]) sigma[s][t] += sigma[s][u];
      }
    }
  }
  std::vector<double> b(n, 0.0);
  for (vertex_id s = 0; s < n; ++s) {
    for (vertex_id t = 0; t < n; ++t) {
      if (s == t || d[s][t] == inf) continue;
      for (vertex_id v = 0; v < n; ++v) {
        if (v != s && v != t && d[s][v] + d[v][t] == d[s][t]) b[v] += sigma[s][v] * sigma[v][t] / sigma[s][t];
      }
    }
  }
  return b;
}

TEST(Betweenness, MatchesBruteForceOnRandomGraphs) {
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    const InfluenceGraph g = test::random_exact_graph(seed, 24, 70);
    for (DistanceTransform d : {DistanceTransform::hops, DistanceTransform::inverse}) {
      const auto expected = brute_force(g, d);
      const auto actual = betweenness(g, {.distance = d, .normalized = false}).score;
      for (std::size_t v = 0; v < expected.size(); ++v) {
        EXPECT_NEAR(actual[v], expected[v], 1e-9 * std::max(1.0, expected[v])) << "seed " << seed << " v " << v;
      }
    }
  }
}

// Relabelling the people permutes the scores.
TEST(Betweenness, PermutingPeoplePermutesScores) {
  const InfluenceGraph g = test::random_exact_graph(11, 30, 90);
  std::vector<std::string> reversed;
  for (vertex_id v = static_cast<vertex_id>(g.num_vertices()); v-- > 0;) reversed.push_back(g.id(v));
  std::vector<Tie> ties;
  for (edge_id e = 0; e < g.num_edges(); ++e) {
    ties.emplace_back(g.id(g.edge_source(e)), g.id(g.edge_target(e)), g.strength(e));
  }
  const InfluenceGraph h = graph_of(reversed, ties);
  const auto a = betweenness(g).score, b = betweenness(h).score;
  for (vertex_id v = 0; v < g.num_vertices(); ++v) EXPECT_NEAR(a[v], b[h.index_of(g.id(v))], 1e-12);
}

TEST(Betweenness, BitIdenticalForEveryThreadCount) {
  const InfluenceGraph g = generate_company({.people = 600, .seed = 5});
  for (DistanceTransform d : {DistanceTransform::hops, DistanceTransform::neg_log}) {
    const auto one = betweenness(g, {.distance = d, .threads = 1}).score;
    EXPECT_TRUE(same_bits(one, betweenness(g, {.distance = d, .threads = 2}).score));
    EXPECT_TRUE(same_bits(one, betweenness(g, {.distance = d, .threads = 3}).score));
    EXPECT_TRUE(same_bits(one, betweenness(g, {.distance = d, .threads = 0}).score));
    const auto edges = edge_betweenness(g, {.distance = d, .threads = 1}).score;
    EXPECT_TRUE(same_bits(edges, edge_betweenness(g, {.distance = d, .threads = 2}).score));
    EXPECT_TRUE(same_bits(edges, edge_betweenness(g, {.distance = d, .threads = 3}).score));
  }
}

// Sum rule (hops): a reachable pair at distance d adds d to the edges' scores
// and d - 1 to the people's, so sum_e b(e) = sum_v b(v) + (reachable pairs),
// and endpoints = true adds exactly 2 per reachable pair.
TEST(Betweenness, EdgeScoresSumToTotalDistance) {
  const InfluenceGraph g = generate_company({.people = 150, .ties_per_person = 6, .seed = 9});
  const auto edges = edge_betweenness(g, {.distance = DistanceTransform::hops, .normalized = false}).score;
  double total = 0;
  for (double x : edges) total += x;
  const auto vertices = betweenness(g, {.distance = DistanceTransform::hops, .normalized = false}).score;
  double inside = 0;
  for (double x : vertices) inside += x;
  // Each pair at distance d contributes d to the edges and d - 1 to the people.
  double pairs = 0;
  const auto ends = betweenness(g, {.distance = DistanceTransform::hops, .normalized = false, .endpoints = true}).score;
  for (std::size_t v = 0; v < ends.size(); ++v) pairs += ends[v] - vertices[v];
  pairs /= 2;  // each reachable pair counted at both ends
  EXPECT_NEAR(total, inside + pairs, 1e-9 * total);
}

TEST(Betweenness, RejectsNegativeThreads) {
  const InfluenceGraph g = graph_of({"a"}, {});
  EXPECT_EQ(test::invalid_argument_message([&] { (void)betweenness(g, {.threads = -1}); }),
            "betweenness: threads must be >= 0 (0 = all available), got -1");
  EXPECT_EQ(test::invalid_argument_message([&] { (void)edge_betweenness(g, {.threads = -2}); }),
            "edge_betweenness: threads must be >= 0 (0 = all available), got -2");
}

}  // namespace
}  // namespace orgnet
