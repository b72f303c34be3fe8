#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "orgnet/bottleneck/key_players.hpp"
#include "orgnet/bottleneck/overload.hpp"
#include "orgnet/model/generators.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

using test::graph_of;

// Path a - b - c - d - e (edges a->b, b->c, c->d, d->e).
//   F(empty) = 0 (connected). Without c: pieces {a, b}, {d, e}, n' = 4:
//   F = 1 - (2 + 2) / 12 = 2/3. Without b: {a}, {c, d, e}: 1 - 6/12 = 1/2.
//   DF(empty): pair distances 1 (x4), 2 (x3), 3 (x2), 4 (x1), each twice:
//   sum 1/d = 2 (4 + 3/2 + 2/3 + 1/4) = 77/6; DF = 1 - (77/6) / 20 = 43/120.
InfluenceGraph path5() {
  return graph_of({"a", "b", "c", "d", "e"}, {{"a", "b", 1}, {"b", "c", 1}, {"c", "d", 1}, {"d", "e", 1}});
}

TEST(BottleneckKeyPlayers, HandWorkedPath) {
  const auto g = path5();
  EXPECT_NEAR(fragmentation(g, {}), 0.0, 1e-15);
  EXPECT_NEAR(fragmentation(g, std::vector<vertex_id>{2}), 2.0 / 3.0, 1e-15);
  EXPECT_NEAR(fragmentation(g, std::vector<vertex_id>{1}), 0.5, 1e-15);
  EXPECT_NEAR(fragmentation(g, {}, KeyPlayerObjective::distance_fragmentation), 43.0 / 120.0, 1e-15);
  const auto k1 = key_players(g, {.k = 1});
  EXPECT_EQ(k1.people, std::vector<vertex_id>{2});
  EXPECT_NEAR(k1.fragmentation, 2.0 / 3.0, 1e-15);
  EXPECT_NEAR(k1.fragmentation_before, 0.0, 1e-15);
  // k = 2: greedy takes c, then a (a, b, d, e all give 1 - 2/6 = 2/3; lowest
  // vertex first). No single swap improves {c, a} (each gives 2/3 again), so
  // the search stops at this local optimum although {b, d} reaches F = 1:
  // the search is a heuristic, as documented.
  const auto k2 = key_players(g, {.k = 2});
  EXPECT_EQ(k2.people, (std::vector<vertex_id>{2, 0}));
  EXPECT_NEAR(k2.fragmentation, 2.0 / 3.0, 1e-15);
  EXPECT_EQ(k2.swaps, 0u);
  EXPECT_NEAR(fragmentation(g, std::vector<vertex_id>{1, 3}), 1.0, 1e-15);
  const auto df = key_players(g, {.k = 1, .objective = KeyPlayerObjective::distance_fragmentation});
  EXPECT_EQ(df.people, std::vector<vertex_id>{2});
}

// Brute force: the measure reported equals a direct recount, and the set is a
// local optimum: no single swap of a member for an outsider does better.
TEST(BottleneckKeyPlayers, LocalOptimumOnSmallRandomGraphs) {
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    const std::size_t n = 11;
    const auto g = test::random_exact_graph(seed, n, 14);
    for (const auto objective : {KeyPlayerObjective::fragmentation, KeyPlayerObjective::distance_fragmentation}) {
      const auto r = key_players(g, {.k = 3, .objective = objective});
      const double got = objective == KeyPlayerObjective::fragmentation ? r.fragmentation : r.distance_fragmentation;
      EXPECT_NEAR(got, fragmentation(g, r.people, objective), 1e-12);
      for (std::size_t i = 0; i < r.people.size(); ++i) {
        for (vertex_id v = 0; v < n; ++v) {
          if (std::find(r.people.begin(), r.people.end(), v) != r.people.end()) continue;
          auto other = r.people;
          other[i] = v;
          EXPECT_LE(fragmentation(g, other, objective), got + 1e-12)
              << "seed " << seed << " " << to_string(objective) << " swap " << r.people[i] << " -> " << v;
        }
      }
    }
  }
}

TEST(BottleneckKeyPlayers, DegenerateAndErrors) {
  const auto empty = key_players(InfluenceGraph{}, {.k = 0});
  EXPECT_TRUE(empty.people.empty());
  EXPECT_TRUE(std::isnan(empty.fragmentation));
  EXPECT_THROW((void)key_players(path5(), {.k = 6}), orgnet::invalid_argument);
  const auto all = key_players(path5(), {.k = 5});
  EXPECT_EQ(all.people.size(), 5u);
  EXPECT_TRUE(std::isnan(all.fragmentation));
  // Isolated people: F = 1 already.
  EXPECT_NEAR(fragmentation(graph_of({"a", "b", "c"}, {}), {}), 1.0, 1e-15);
  EXPECT_EQ(parse_key_player_objective("distance_fragmentation"), KeyPlayerObjective::distance_fragmentation);
  EXPECT_THROW((void)parse_key_player_objective("x"), orgnet::invalid_argument);
  const auto g = generate_company({.people = 100, .seed = 3});
  const auto one = key_players(
      g, {.k = 2, .objective = KeyPlayerObjective::distance_fragmentation, .max_swap_rounds = 1, .threads = 1});
  const auto two = key_players(
      g, {.k = 2, .objective = KeyPlayerObjective::distance_fragmentation, .max_swap_rounds = 1, .threads = 2});
  EXPECT_EQ(one.people, two.people);
  EXPECT_EQ(one.distance_fragmentation, two.distance_fragmentation);
}

// Removing c from a -> b -> c -> d -> e: reach before counts ordered pairs of
// the others with a chain: a reaches b, d, e; b reaches d, e; d reaches e: 6.
// After: a reaches b; d reaches e: 2. c reaches d, e; a, b reach c.
TEST(BottleneckKeyPlayers, RemovalImpactOnPath) {
  const auto r = removal_impact(path5(), 2, {.threads = 1});
  EXPECT_EQ(r.reach_before, 6u);
  EXPECT_EQ(r.reach_after, 2u);
  EXPECT_EQ(r.reaches, 2u);
  EXPECT_EQ(r.reached_by, 2u);
  EXPECT_EQ(r.cut_off, 2u);
  EXPECT_NEAR(r.fragmentation_before, 0.0, 1e-15);
  EXPECT_NEAR(r.fragmentation_after, 2.0 / 3.0, 1e-15);
  EXPECT_THROW((void)removal_impact(path5(), 5), orgnet::out_of_range);
}

// Hand-worked graph (test_support.hpp): advice ties b asks a, b asks c, so
// the advice edges are a -> b (merged with email: 7/16) and c -> b (3/4).
//   loads: a 7/16, c 3/4, others 0; median of the positive = 19/32;
//   ratios a 14/19, c 24/19.
TEST(BottleneckOverload, AdviceLoadOnHandWorkedGraph) {
  const auto g = test::hand_worked_graph();
  const auto r = overload(g);
  EXPECT_EQ(r.relations, std::vector<std::string>{"advice"});
  EXPECT_NEAR(r.load[0], 7.0 / 16.0, 1e-15);
  EXPECT_NEAR(r.load[2], 0.75, 1e-15);
  EXPECT_EQ(r.load[1], 0.0);
  EXPECT_EQ(r.load[3], 0.0);
  EXPECT_NEAR(r.median_load, 19.0 / 32.0, 1e-15);
  EXPECT_NEAR(r.load_ratio[0], 14.0 / 19.0, 1e-14);
  EXPECT_NEAR(r.load_ratio[2], 24.0 / 19.0, 1e-14);
  for (std::size_t v = 0; v < 4; ++v) {
    EXPECT_GE(r.score[v], 0.0);
    EXPECT_LE(r.score[v], 1.0);
  }
  EXPECT_EQ(r.ranking.size(), 4u);
  for (std::size_t i = 1; i < 4; ++i) EXPECT_GE(r.score[r.ranking[i - 1]], r.score[r.ranking[i]]);
  EXPECT_THROW((void)overload(g, {.relations = {"gossip"}}), orgnet::invalid_argument);
  // Every relation: the out-strength.
  const auto all = overload(test::graph_of({"x", "y"}, {{"x", "y", 0.5}}));
  EXPECT_EQ(all.load, (std::vector<double>{0.5, 0.0}));
  EXPECT_EQ(all.chain_share, (std::vector<double>{0.0, 0.0}));
  const auto empty = overload(InfluenceGraph{});
  EXPECT_TRUE(std::isnan(empty.median_load));
}

}  // namespace
}  // namespace orgnet
