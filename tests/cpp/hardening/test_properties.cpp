// Algorithm invariants over many seeded random graphs (issue 8): identities
// every correct implementation satisfies, checked against independent
// computations written here (plain breadth-first search), never against
// orgnet's own output of the same function.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <queue>
#include <string>
#include <vector>

#include "orgnet/detail/random.hpp"
#include "orgnet/orgnet.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

constexpr int graphs_per_property = 40;

// A random graph with 2..40 people and up to 4 ties per person.
InfluenceGraph random_graph(std::uint64_t seed) {
  detail::SplitMix64 rng(seed);
  const std::size_t n = 2 + rng.below(39);
  const std::size_t ties = rng.below(std::min<std::size_t>(4 * n, n * (n - 1)) + 1);
  return test::random_exact_graph(seed, n, ties);
}

// Hop distances from s by breadth-first search; -1 when unreachable.
std::vector<int> hops_from(const InfluenceGraph& g, vertex_id s) {
  std::vector<int> dist(g.num_vertices(), -1);
  std::queue<vertex_id> queue;
  dist[s] = 0;
  queue.push(s);
  while (!queue.empty()) {
    const vertex_id u = queue.front();
    queue.pop();
    for (vertex_id v : g.out_neighbors(u)) {
      if (dist[v] < 0) {
        dist[v] = dist[u] + 1;
        queue.push(v);
      }
    }
  }
  return dist;
}

TEST(Properties, BetweennessSumsToTotalPairDependency) {
  // With hops every shortest s-t path has d(s, t) - 1 interior people, so the
  // raw betweenness summed over people is the sum of d(s, t) - 1 over the
  // ordered pairs with t reachable from s.
  for (int seed = 1; seed <= graphs_per_property; ++seed) {
    const InfluenceGraph g = random_graph(static_cast<std::uint64_t>(seed));
    const std::size_t n = g.num_vertices();
    double expected = 0.0;
    for (vertex_id s = 0; s < n; ++s) {
      for (int d : hops_from(g, s)) {
        if (d > 1) expected += d - 1;
      }
    }
    const auto raw = betweenness(g, {.distance = DistanceTransform::hops, .normalized = false});
    const double total = std::accumulate(raw.score.begin(), raw.score.end(), 0.0);
    EXPECT_NEAR(total, expected, 1e-9 * std::max(1.0, expected)) << "seed " << seed;
    for (double b : raw.score) {
      EXPECT_GE(b, 0.0);
      EXPECT_LE(b, static_cast<double>((n - 1) * (n - 2)) + 1e-9);
    }
  }
}

TEST(Properties, PageRankIsADistribution) {
  for (int seed = 1; seed <= graphs_per_property; ++seed) {
    const InfluenceGraph g = random_graph(static_cast<std::uint64_t>(seed));
    for (InfluenceFlow flow : {InfluenceFlow::received, InfluenceFlow::exerted}) {
      const auto pr = pagerank(g, {.flow = flow});
      ASSERT_TRUE(pr.convergence.converged);
      EXPECT_NEAR(std::accumulate(pr.score.begin(), pr.score.end(), 0.0), 1.0, 1e-12) << "seed " << seed;
      for (double x : pr.score) EXPECT_GT(x, 0.0);
    }
  }
}

TEST(Properties, RelabellingPeoplePermutesEveryResult) {
  // The same ties with the people added in a shuffled order: every score,
  // looked up by person id, is unchanged.
  for (int seed = 1; seed <= graphs_per_property / 2; ++seed) {
    const InfluenceGraph g = random_graph(static_cast<std::uint64_t>(seed));
    const std::size_t n = g.num_vertices();
    std::vector<std::string> order;
    for (vertex_id v = 0; v < n; ++v) order.push_back(g.id(v));
    detail::SplitMix64 rng(1000 + seed);
    for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
    std::vector<test::StrengthTie> ties;
    for (vertex_id u = 0; u < n; ++u) {
      for (edge_id e = g.out_begin(u); e < g.out_end(u); ++e) {
        ties.emplace_back(g.id(u), g.id(g.edge_target(e)), g.strength(e));
      }
    }
    std::reverse(ties.begin(), ties.end());
    const InfluenceGraph h = test::graph_of(order, ties);

    const auto compare = [&](const std::vector<double>& a, const std::vector<double>& b, const char* what) {
      for (vertex_id v = 0; v < n; ++v) {
        const double expected = a[v];
        const double actual = b[h.index_of(g.id(v))];
        EXPECT_NEAR(actual, expected, 1e-12 * std::max(1.0, std::abs(expected))) << what << " seed " << seed;
      }
    };
    compare(betweenness(g).score, betweenness(h).score, "betweenness");
    compare(closeness(g).score, closeness(h).score, "closeness");
    compare(harmonic_closeness(g).score, harmonic_closeness(h).score, "harmonic");
    compare(pagerank(g).score, pagerank(h).score, "pagerank");
    compare(degree_centrality(g).score, degree_centrality(h).score, "degree");
  }
}

TEST(Properties, UnitLengthsEqualHops) {
  // All strengths 1: under 1/s every tie has length 1, exactly hops.
  for (int seed = 1; seed <= graphs_per_property; ++seed) {
    const InfluenceGraph g = random_graph(static_cast<std::uint64_t>(seed));
    std::vector<test::StrengthTie> ties;
    std::vector<std::string> people;
    for (vertex_id u = 0; u < g.num_vertices(); ++u) {
      people.push_back(g.id(u));
      for (vertex_id v : g.out_neighbors(u)) ties.emplace_back(g.id(u), g.id(v), 1.0);
    }
    const InfluenceGraph ones = test::graph_of(people, ties);
    const auto weighted = betweenness(ones, {.distance = DistanceTransform::inverse});
    const auto hops = betweenness(ones, {.distance = DistanceTransform::hops});
    EXPECT_EQ(weighted.score, hops.score) << "seed " << seed;
    EXPECT_EQ(closeness(ones, {.distance = DistanceTransform::inverse}).score,
              closeness(ones, {.distance = DistanceTransform::hops}).score)
        << "seed " << seed;
  }
}

TEST(Properties, OneAndTwoThreadsGiveIdenticalResults) {
  for (int seed = 1; seed <= graphs_per_property / 4; ++seed) {
    const InfluenceGraph g = random_graph(static_cast<std::uint64_t>(seed));
    EXPECT_EQ(betweenness(g, {.threads = 1}).score, betweenness(g, {.threads = 2}).score);
    EXPECT_EQ(closeness(g, {.threads = 1}).score, closeness(g, {.threads = 2}).score);
    EXPECT_EQ(pagerank(g, {.threads = 1}).score, pagerank(g, {.threads = 2}).score);
    const auto a1 = approximate_betweenness(g, {.epsilon = 0.05, .delta = 0.1, .seed = 7, .threads = 1});
    const auto a2 = approximate_betweenness(g, {.epsilon = 0.05, .delta = 0.1, .seed = 7, .threads = 2});
    EXPECT_EQ(a1.score, a2.score);
  }
}

}  // namespace
}  // namespace orgnet
