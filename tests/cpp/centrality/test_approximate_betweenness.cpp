#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <string>
#include <tuple>
#include <vector>

#include "orgnet/centrality/approximate_betweenness.hpp"
#include "orgnet/centrality/betweenness.hpp"
#include "orgnet/detail/random.hpp"
#include "orgnet/model/generators.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

using Tie = test::StrengthTie;
using test::graph_of;

// The exact betweenness on the estimate's scale, b(v) / (n (n - 1)).
std::vector<double> exact_scale(const InfluenceGraph& g, DistanceTransform d) {
  auto score = betweenness(g, {.distance = d, .normalized = false}).score;
  const auto n = static_cast<double>(g.num_vertices());
  for (double& x : score) x /= n * (n - 1);
  return score;
}

double max_error(const std::vector<double>& a, const std::vector<double>& b) {
  double worst = 0;
  for (std::size_t i = 0; i < a.size(); ++i) worst = std::max(worst, std::abs(a[i] - b[i]));
  return worst;
}

std::size_t expected_samples(std::size_t vd, double epsilon, double delta) {
  const double vc = std::floor(std::log2(static_cast<double>(vd - 2))) + 1;
  return static_cast<std::size_t>(std::ceil(0.5 / (epsilon * epsilon) * (vc + std::log(1 / delta))));
}

TEST(ApproximateBetweenness, WithinEpsilonOfExactOnCompanies) {
  for (std::uint64_t seed : {1u, 2u}) {
    const InfluenceGraph g = generate_company({.people = 300, .ties_per_person = 8, .seed = seed});
    for (DistanceTransform d : {DistanceTransform::hops, DistanceTransform::neg_log, DistanceTransform::inverse}) {
      const auto approx = approximate_betweenness(g, {.epsilon = 0.02, .distance = d});
      ASSERT_EQ(approx.score.size(), g.num_vertices());
      EXPECT_LE(max_error(approx.score, exact_scale(g, d)), 0.02) << "seed " << seed;
      for (double x : approx.score) EXPECT_TRUE(x >= 0 && x <= 1);
      EXPECT_EQ(approx.samples, expected_samples(approx.vertex_diameter_bound, 0.02, 0.1));
      EXPECT_EQ(approx.epsilon, 0.02);
      EXPECT_EQ(approx.delta, 0.1);
      EXPECT_EQ(approx.seed, 42u);
    }
  }
}

// A chain of 8 diamonds h_j -> {a_j, b_j} -> h_{j+1}: many tied shortest
// paths, so this checks that paths are drawn uniformly (each middle must get
// half of the pairs across its diamond).
TEST(ApproximateBetweenness, UniformAmongTiedPaths) {
  std::vector<std::string> people;
  std::vector<Tie> ties;
  for (int j = 0; j < 8; ++j) {
    const std::string h = "h" + std::to_string(j), a = "a" + std::to_string(j), b = "b" + std::to_string(j),
                      next = "h" + std::to_string(j + 1);
    people.insert(people.end(), {h, a, b});
    ties.insert(ties.end(), {{h, a, 0.5}, {h, b, 0.5}, {a, next, 0.5}, {b, next, 0.5}});
  }
  people.push_back("h8");
  const InfluenceGraph g = graph_of(people, ties);
  for (DistanceTransform d : {DistanceTransform::hops, DistanceTransform::neg_log}) {
    const auto approx = approximate_betweenness(g, {.epsilon = 0.01, .distance = d, .threads = 2});
    EXPECT_LE(max_error(approx.score, exact_scale(g, d)), 0.01);
    EXPECT_EQ(approx.vertex_diameter_bound, 17u);  // h0, a0, h1, ..., a7, h8
  }
}

//   s --0.5--> c <==1==> d        (strength 1 both ways: length 0 under -ln s)
TEST(ApproximateBetweenness, ZeroLengthTies) {
  const InfluenceGraph g = graph_of({"s", "c", "d"}, {{"s", "c", 0.5}, {"c", "d", 1.0}, {"d", "c", 1.0}});
  const auto approx = approximate_betweenness(g, {.epsilon = 0.01});
  EXPECT_LE(max_error(approx.score, exact_scale(g, DistanceTransform::neg_log)), 0.01);
  EXPECT_NEAR(approx.score[1], 1.0 / 6, 0.01);  // c is inside s -> c -> d, one of the 6 pairs
  EXPECT_EQ(approx.score[2], 0.0);
}

TEST(ApproximateBetweenness, SameSeedSameResultForEveryThreadCount) {
  const InfluenceGraph g = generate_company({.people = 400, .seed = 3});
  for (DistanceTransform d : {DistanceTransform::hops, DistanceTransform::neg_log}) {
    const auto one = approximate_betweenness(g, {.epsilon = 0.05, .seed = 7, .distance = d, .threads = 1});
    for (int threads : {2, 3, 0}) {
      const auto other = approximate_betweenness(g, {.epsilon = 0.05, .seed = 7, .distance = d, .threads = threads});
      EXPECT_EQ(one.score, other.score) << threads;
      EXPECT_EQ(one.samples, other.samples);
    }
    const auto reseeded = approximate_betweenness(g, {.epsilon = 0.05, .seed = 8, .distance = d});
    EXPECT_NE(one.score, reseeded.score);
    EXPECT_EQ(reseeded.seed, 8u);
  }
}

// ---- the vertex-diameter bound ---------------------------------------------------------

TEST(ApproximateBetweenness, VertexDiameterBoundOnSmallShapes) {
  // A chain a -> b -> c -> d -> e: every component is one person; the
  // condensation's longest path has 5.
  const InfluenceGraph chain =
      graph_of({"a", "b", "c", "d", "e"}, {{"a", "b", 0.5}, {"b", "c", 0.5}, {"c", "d", 0.5}, {"d", "e", 0.5}});
  EXPECT_EQ(approximate_betweenness(chain, {.distance = DistanceTransform::hops}).vertex_diameter_bound, 5u);
  EXPECT_EQ(approximate_betweenness(chain).vertex_diameter_bound, 5u);
  EXPECT_EQ(approximate_betweenness(chain).samples, expected_samples(5, 0.01, 0.1));

  // A directed cycle of 6: ecc_out + ecc_in + 1 = 11, capped at the 6 people.
  std::vector<Tie> cycle;
  std::vector<std::string> people;
  for (int i = 0; i < 6; ++i) {
    people.push_back("p" + std::to_string(i));
    cycle.emplace_back("p" + std::to_string(i), "p" + std::to_string((i + 1) % 6), 0.5);
  }
  EXPECT_EQ(
      approximate_betweenness(graph_of(people, cycle), {.distance = DistanceTransform::hops}).vertex_diameter_bound,
      6u);

  // A directed cycle of 10 with chords back to p0: undirected diameter 2, yet
  // the shortest path p0 -> p9 goes through all 10 people. The bound must see it.
  std::vector<Tie> chords;
  people.clear();
  for (int i = 0; i < 10; ++i) {
    people.push_back("p" + std::to_string(i));
    chords.emplace_back("p" + std::to_string(i), "p" + std::to_string((i + 1) % 10), 0.5);
    if (i > 1) chords.emplace_back("p" + std::to_string(i), "p0", 0.5);
  }
  const InfluenceGraph wheel = graph_of(people, chords);
  EXPECT_EQ(approximate_betweenness(wheel, {.distance = DistanceTransform::hops}).vertex_diameter_bound, 10u);
  EXPECT_EQ(approximate_betweenness(wheel).vertex_diameter_bound, 10u);
}

// The largest number of people on a shortest path, by brute force: from each
// source, distances by a simple O(n^2) Dijkstra (lengths added in path order,
// as orgnet does), then the most hops among the shortest paths to each person
// (dynamic programming in order of distance). Lengths must be positive.
std::size_t true_vertex_diameter(const InfluenceGraph& g, DistanceTransform transform) {
  const std::size_t n = g.num_vertices();
  const double inf = std::numeric_limits<double>::infinity();
  std::size_t most = 1;
  for (vertex_id s = 0; s < n; ++s) {
    std::vector<double> d(n, inf);
    std::vector<char> done(n, 0);
    std::vector<vertex_id> order;
    d[s] = 0;
    while (true) {
      vertex_id u = 0;
      double best = inf;
      for (vertex_id v = 0; v < n; ++v) {
        if (!done[v] && d[v] < best) best = d[v], u = v;
      }
      if (best == inf) break;
      done[u] = 1;
      order.push_back(u);
      for (edge_id e = g.out_begin(u); e < g.out_end(u); ++e) {
        const vertex_id t = g.edge_target(e);
        d[t] = std::min(d[t], d[u] + to_distance(g.strength(e), transform));
      }
    }
    std::vector<std::size_t> hops(n, 0);
    for (vertex_id t : order) {
      for (edge_id e = 0; e < g.num_edges(); ++e) {
        if (g.edge_target(e) != t || t == s) continue;
        const vertex_id u = g.edge_source(e);
        if (done[u] && d[u] + to_distance(g.strength(e), transform) == d[t]) hops[t] = std::max(hops[t], hops[u] + 1);
      }
      most = std::max(most, hops[t] + 1);
    }
  }
  return most;
}

TEST(ApproximateBetweenness, VertexDiameterBoundIsAnUpperBound) {
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    detail::SplitMix64 rng(seed);
    const std::size_t n = 10 + rng.below(30);
    std::vector<std::string> people;
    for (std::size_t i = 0; i < n; ++i) people.push_back("p" + std::to_string(i));
    std::vector<Tie> ties;
    const std::size_t m = n + rng.below(3 * n);
    for (std::size_t i = 0; i < m; ++i) {
      const double s = 0.05 + 0.95 * rng.uniform();
      ties.emplace_back(people[rng.below(n)], people[rng.below(n)], s);
    }
    const InfluenceGraph g = graph_of(people, ties);
    for (DistanceTransform d : {DistanceTransform::hops, DistanceTransform::neg_log, DistanceTransform::inverse}) {
      const auto bound = approximate_betweenness(g, {.epsilon = 0.5, .distance = d}).vertex_diameter_bound;
      EXPECT_GE(bound, true_vertex_diameter(g, d)) << "seed " << seed;
      EXPECT_LE(bound, n);
    }
  }
}

TEST(ApproximateBetweenness, DegenerateGraphs) {
  const InfluenceGraph empty;
  const auto none = approximate_betweenness(empty);
  EXPECT_TRUE(none.score.empty());
  EXPECT_EQ(none.samples, 0u);
  EXPECT_EQ(none.epsilon, 0.01);

  const InfluenceGraph two = graph_of({"a", "b"}, {{"a", "b", 0.5}});
  const auto pair = approximate_betweenness(two);
  EXPECT_EQ(pair.score, (std::vector<double>{0, 0}));
  EXPECT_EQ(pair.samples, 0u);

  // No ties: no shortest path has anyone inside, so no sample is needed.
  const InfluenceGraph lonely = graph_of({"a", "b", "c", "d"}, {{"a", "a", 0.5}});
  const auto alone = approximate_betweenness(lonely);
  EXPECT_EQ(alone.score, (std::vector<double>(4, 0.0)));
  EXPECT_EQ(alone.vertex_diameter_bound, 1u);
  EXPECT_EQ(alone.samples, 0u);

  // Two separate pairs a -> b, c -> d: paths of 2 people only.
  const InfluenceGraph pairs = graph_of({"a", "b", "c", "d"}, {{"a", "b", 0.5}, {"c", "d", 0.5}});
  EXPECT_EQ(approximate_betweenness(pairs).vertex_diameter_bound, 2u);
  EXPECT_EQ(approximate_betweenness(pairs).samples, 0u);
}

TEST(ApproximateBetweenness, RejectsBadOptions) {
  const InfluenceGraph g = graph_of({"a"}, {});
  EXPECT_EQ(test::invalid_argument_message([&] { (void)approximate_betweenness(g, {.epsilon = 0}); }),
            "approximate_betweenness: epsilon must lie in (0, 1), got 0");
  EXPECT_EQ(test::invalid_argument_message([&] { (void)approximate_betweenness(g, {.epsilon = 1}); }),
            "approximate_betweenness: epsilon must lie in (0, 1), got 1");
  EXPECT_FALSE(test::invalid_argument_message([&] {
                 (void)approximate_betweenness(g, {.epsilon = std::numeric_limits<double>::quiet_NaN()});
               }).empty());
  EXPECT_EQ(test::invalid_argument_message([&] { (void)approximate_betweenness(g, {.delta = 1.5}); }),
            "approximate_betweenness: delta must lie in (0, 1), got 1.5");
  EXPECT_EQ(test::invalid_argument_message([&] { (void)approximate_betweenness(g, {.threads = -1}); }),
            "approximate_betweenness: threads must be >= 0 (0 = all available), got -1");
}

}  // namespace
}  // namespace orgnet
