// Core numbers (centrality/kcore.hpp).

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "orgnet/centrality/kcore.hpp"
#include "orgnet/model/generators.hpp"
#include "orgnet/model/graph_builder.hpp"

namespace orgnet {
namespace {

InfluenceGraph graph_of(std::initializer_list<const char*> people,
                        std::initializer_list<std::pair<const char*, const char*>> edges) {
  GraphBuilder b({.unknown_people = UnknownPersonPolicy::create, .hierarchy_relation = ""});
  for (const char* p : people) b.add_person({.id = p});
  for (auto [u, v] : edges) b.add_tie(u, v, "email", 1.0);  // email: u influences v
  return std::move(b).build();
}

std::vector<std::uint32_t> cores(const InfluenceGraph& g, DegreeDirection direction) {
  return core_number(g, {.direction = direction}).core;
}

// Brute force from the definition: the k-core is what remains after removing,
// until none is left, every person whose degree among the remaining people is
// below k; core[v] is the largest k whose k-core contains v.
std::vector<std::uint32_t> brute_force(const InfluenceGraph& g, DegreeDirection direction) {
  const std::size_t n = g.num_vertices();
  std::vector<std::uint32_t> core(n, 0);
  for (std::uint32_t k = 1;; ++k) {
    std::vector<char> alive(n, 1);
    bool changed = true;
    while (changed) {
      changed = false;
      for (vertex_id v = 0; v < n; ++v) {
        if (!alive[v]) continue;
        std::uint32_t degree = 0;
        if (direction != DegreeDirection::out) {
          for (vertex_id u : g.in_neighbors(v)) degree += alive[u];
        }
        if (direction != DegreeDirection::in) {
          for (vertex_id w : g.out_neighbors(v)) degree += alive[w];
        }
        if (degree < k) {
          alive[v] = 0;
          changed = true;
        }
      }
    }
    bool any = false;
    for (vertex_id v = 0; v < n; ++v) {
      if (alive[v]) {
        core[v] = k;
        any = true;
      }
    }
    if (!any) return core;
  }
}

//   a <-> b <-> c <-> a  (every pair reciprocated),  d -> a
//
//   total: the triangle has in + out degree 4 inside itself -> core 4; d has
//          degree 1 -> core 1 (a's degree 5 does not lift it above 4).
//   in:    d has no influencer -> 0; inside the triangle each has 2 -> 2.
//   out:   d influences a, who stays in every core up to 2 -> d is in the
//          1-core but not the 2-core -> 1; the triangle -> 2.
TEST(CoreNumber, HandWorked) {
  const InfluenceGraph g = graph_of(
      {"a", "b", "c", "d"}, {{"a", "b"}, {"b", "a"}, {"b", "c"}, {"c", "b"}, {"a", "c"}, {"c", "a"}, {"d", "a"}});
  EXPECT_EQ(cores(g, DegreeDirection::total), (std::vector<std::uint32_t>{4, 4, 4, 1}));
  EXPECT_EQ(cores(g, DegreeDirection::in), (std::vector<std::uint32_t>{2, 2, 2, 0}));
  EXPECT_EQ(cores(g, DegreeDirection::out), (std::vector<std::uint32_t>{2, 2, 2, 1}));
  EXPECT_EQ(core_number(g).max_core(), 4u);
  EXPECT_EQ(core_number(g).core, cores(g, DegreeDirection::total));  // default: total
}

//   a -> b -> c   (a chain)        x -> y -> z -> x   (a cycle)
TEST(CoreNumber, ChainAndCycle) {
  const InfluenceGraph chain = graph_of({"a", "b", "c"}, {{"a", "b"}, {"b", "c"}});
  EXPECT_EQ(cores(chain, DegreeDirection::total), (std::vector<std::uint32_t>{1, 1, 1}));
  // Peeling a (no influencer) leaves b without one, then c.
  EXPECT_EQ(cores(chain, DegreeDirection::in), (std::vector<std::uint32_t>{0, 0, 0}));
  EXPECT_EQ(cores(chain, DegreeDirection::out), (std::vector<std::uint32_t>{0, 0, 0}));
  const InfluenceGraph cycle = graph_of({"x", "y", "z"}, {{"x", "y"}, {"y", "z"}, {"z", "x"}});
  EXPECT_EQ(cores(cycle, DegreeDirection::total), (std::vector<std::uint32_t>{2, 2, 2}));
  EXPECT_EQ(cores(cycle, DegreeDirection::in), (std::vector<std::uint32_t>{1, 1, 1}));
  EXPECT_EQ(cores(cycle, DegreeDirection::out), (std::vector<std::uint32_t>{1, 1, 1}));
}

TEST(CoreNumber, DegenerateGraphs) {
  const InfluenceGraph empty;
  EXPECT_TRUE(core_number(empty).core.empty());
  EXPECT_EQ(core_number(empty).max_core(), 0u);
  EXPECT_EQ(core_number(graph_of({"x"}, {})).core, std::vector<std::uint32_t>{0});
  EXPECT_EQ(core_number(graph_of({"x", "y"}, {})).core, (std::vector<std::uint32_t>{0, 0}));
  const InfluenceGraph pair = graph_of({"x", "y"}, {{"x", "y"}});
  EXPECT_EQ(cores(pair, DegreeDirection::total), (std::vector<std::uint32_t>{1, 1}));
  EXPECT_EQ(cores(pair, DegreeDirection::in), (std::vector<std::uint32_t>{0, 0}));
  // Disconnected: a directed triangle and a reciprocated pair, core 2 each.
  const InfluenceGraph two = graph_of({}, {{"a", "b"}, {"b", "c"}, {"c", "a"}, {"x", "y"}, {"y", "x"}});
  EXPECT_EQ(cores(two, DegreeDirection::total), (std::vector<std::uint32_t>{2, 2, 2, 2, 2}));
}

TEST(CoreNumber, MatchesBruteForceOnRandomGraphs) {
  std::mt19937_64 random(7);
  for (int trial = 0; trial < 30; ++trial) {
    GraphBuilder b({.unknown_people = UnknownPersonPolicy::create, .hierarchy_relation = ""});
    const int n = 5 + trial;
    for (int v = 0; v < n; ++v) b.add_person({.id = std::to_string(v)});
    std::uniform_int_distribution<int> pick(0, n - 1);
    const int ties = n * (1 + trial % 5);
    for (int t = 0; t < ties; ++t) {
      const int u = pick(random);
      const int v = pick(random);
      if (u != v) b.add_tie(std::to_string(u), std::to_string(v), "email", 1.0);
    }
    const InfluenceGraph g = std::move(b).build();
    for (auto d : {DegreeDirection::in, DegreeDirection::out, DegreeDirection::total}) {
      EXPECT_EQ(cores(g, d), brute_force(g, d)) << "trial " << trial << " direction " << to_string(d);
    }
  }
}

TEST(CoreNumber, MatchesBruteForceOnACompany) {
  const InfluenceGraph g = generate_company({.people = 300, .departments = 4, .ties_per_person = 6, .seed = 3});
  for (auto d : {DegreeDirection::in, DegreeDirection::out, DegreeDirection::total}) {
    EXPECT_EQ(cores(g, d), brute_force(g, d)) << to_string(d);
  }
}

}  // namespace
}  // namespace orgnet
