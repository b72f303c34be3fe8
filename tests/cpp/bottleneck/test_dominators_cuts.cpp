#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>

#include "orgnet/bottleneck/dominators.hpp"
#include "orgnet/bottleneck/min_cut.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

using test::graph_of;

// s -> a, s -> b, a -> c, b -> c, c -> d, d -> t; e -> s (e unreachable from s).
//   idom: a = s, b = s, c = s (two ways in), d = c, t = d; must-pass s..t: c, d.
InfluenceGraph diamond_then_chain() {
  return graph_of(
      {"s", "a", "b", "c", "d", "t", "e"},
      {{"s", "a", 1}, {"s", "b", 1}, {"a", "c", 1}, {"b", "c", 1}, {"c", "d", 1}, {"d", "t", 1}, {"e", "s", 1}});
}

TEST(BottleneckDominators, HandWorkedTree) {
  const auto t = dominator_tree(diamond_then_chain(), 0);
  EXPECT_EQ(t.immediate_dominator, (std::vector<vertex_id>{no_vertex, 0, 0, 0, 3, 4, no_vertex}));
  EXPECT_EQ(t.reachable, (std::vector<char>{1, 1, 1, 1, 1, 1, 0}));
  const auto m = must_pass(diamond_then_chain(), 0, 5);
  EXPECT_EQ(m.status, MustPassStatus::ok);
  EXPECT_EQ(m.people, (std::vector<vertex_id>{3, 4}));
  EXPECT_EQ(must_pass(diamond_then_chain(), 0, 1).people, std::vector<vertex_id>{});
  EXPECT_EQ(must_pass(diamond_then_chain(), 0, 6).status, MustPassStatus::unreachable);
  EXPECT_EQ(must_pass(diamond_then_chain(), 2, 2).status, MustPassStatus::same_person);
  EXPECT_THROW((void)dominator_tree(diamond_then_chain(), 7), orgnet::out_of_range);
  const auto one = dominator_tree(graph_of({"a"}, {}), 0);
  EXPECT_EQ(one.immediate_dominator, std::vector<vertex_id>{no_vertex});
}

// Brute force: d dominates v iff v is unreachable from the root without d.
TEST(BottleneckDominators, MatchesBruteForce) {
  for (std::uint64_t seed = 1; seed <= 10; ++seed) {
    const std::size_t n = 14;
    const auto g = test::random_exact_graph(seed, n, 24);
    auto reach = [&](vertex_id root, vertex_id gone) {
      std::vector<char> seen(n, 0);
      if (root == gone) return seen;
      std::vector<vertex_id> stack{root};
      seen[root] = 1;
      while (!stack.empty()) {
        const vertex_id u = stack.back();
        stack.pop_back();
        for (const vertex_id w : g.out_neighbors(u)) {
          if (w != gone && !seen[w]) {
            seen[w] = 1;
            stack.push_back(w);
          }
        }
      }
      return seen;
    };
    for (vertex_id root = 0; root < n; root += 3) {
      const auto t = dominator_tree(g, root);
      const auto base = reach(root, no_vertex);
      for (vertex_id v = 0; v < n; ++v) {
        if (v == root || !base[v]) {
          EXPECT_EQ(t.immediate_dominator[v], no_vertex);
          continue;
        }
        // Strict dominators of v other than the root.
        std::vector<vertex_id> doms;
        for (vertex_id d = 0; d < n; ++d) {
          if (d != root && d != v && !reach(root, d)[v]) doms.push_back(d);
        }
        // The immediate dominator is the one all others dominate: the last on the chain.
        std::vector<vertex_id> chain;
        for (vertex_id d = t.immediate_dominator[v]; d != root; d = t.immediate_dominator[d]) chain.push_back(d);
        std::sort(chain.begin(), chain.end());
        EXPECT_EQ(chain, doms) << "seed " << seed << " root " << root << " v " << v;
        const auto m = must_pass(g, root, v);
        std::vector<vertex_id> people = m.people;
        std::sort(people.begin(), people.end());
        EXPECT_EQ(people, doms);
      }
    }
  }
}

// Two people, s = 0 and t = 5, cut by brute force over every vertex subset.
TEST(BottleneckMinCut, MatchesBruteForceBetweenTwoPeople) {
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    const std::size_t n = 9;
    const auto g = test::random_exact_graph(seed, n, 22);
    const vertex_id s = 0, t = 5;
    const std::vector<vertex_id> S{s}, T{t};
    auto connected = [&](std::uint32_t gone_mask, const std::vector<char>* cut_edges) {
      std::vector<char> seen(n, 0);
      std::vector<vertex_id> stack{s};
      seen[s] = 1;
      while (!stack.empty()) {
        const vertex_id u = stack.back();
        stack.pop_back();
        for (edge_id e = g.out_begin(u); e < g.out_end(u); ++e) {
          const vertex_id w = g.edge_target(e);
          if ((gone_mask >> w & 1) || seen[w] || (cut_edges && (*cut_edges)[e])) continue;
          seen[w] = 1;
          stack.push_back(w);
        }
      }
      return seen[t] != 0;
    };
    // Vertex cut.
    const auto vc = minimum_vertex_cut(g, S, T);
    if (g.find_edge(s, t)) {
      EXPECT_EQ(vc.status, CutStatus::adjacent);
    } else {
      ASSERT_EQ(vc.status, CutStatus::ok);
      int best = 100;
      for (std::uint32_t mask = 0; mask < (1u << n); ++mask) {
        if ((mask >> s & 1) || (mask >> t & 1)) continue;
        if (!connected(mask, nullptr)) best = std::min(best, std::popcount(mask));
      }
      EXPECT_EQ(static_cast<int>(vc.people.size()), best) << "seed " << seed;
      std::uint32_t cut = 0;
      for (const vertex_id v : vc.people) cut |= 1u << v;
      EXPECT_FALSE(connected(cut, nullptr)) << "the cut separates";
    }
    // Edge cut: min over vertex bipartitions with s inside, t outside.
    const auto ec = minimum_edge_cut(g, S, T);
    ASSERT_EQ(ec.status, CutStatus::ok);
    double best = 1e9;
    for (std::uint32_t mask = 0; mask < (1u << n); ++mask) {
      if (!(mask >> s & 1) || (mask >> t & 1)) continue;
      double value = 0;
      for (vertex_id u = 0; u < n; ++u) {
        if (!(mask >> u & 1)) continue;
        for (edge_id e = g.out_begin(u); e < g.out_end(u); ++e) {
          if (!(mask >> g.edge_target(e) & 1)) value += g.strength(e);
        }
      }
      best = std::min(best, value);
    }
    EXPECT_NEAR(ec.value, best, 1e-12) << "seed " << seed;
    std::vector<char> cut_edges(g.num_edges(), 0);
    for (const edge_id e : ec.edges) cut_edges[e] = 1;
    EXPECT_FALSE(connected(0, &cut_edges));
    const auto unweighted = minimum_edge_cut(g, S, T, {.weighted = false});
    EXPECT_EQ(unweighted.value, static_cast<double>(unweighted.edges.size()));
  }
}

// Departments as groups: {0, 1} -> {4, 5} through 2 and 3.
//   0 -> 2, 1 -> 2, 1 -> 3, 2 -> 4, 3 -> 5, 2 -> 3, 3 -> 0 (back, irrelevant)
//   vertex cut: {2, 3} (both needed: 1 -> 3 -> 5 and 0 -> 2 -> 4);
//   edge cut (strengths): 0->2 .5, 1->2 .25, 1->3 1, 2->4 .5, 3->5 .25, 2->3 1:
//     cut {2->4, 3->5} = 0.75 is the least (any cut must stop 2->4 or both
//     feeds of 2 (.75), and 3->5 or both feeds of 3 (1->3 + 2->3 = 2)).
TEST(BottleneckMinCut, BetweenGroups) {
  const auto g = graph_of({"0", "1", "2", "3", "4", "5"}, {{"0", "2", 0.5},
                                                           {"1", "2", 0.25},
                                                           {"1", "3", 1},
                                                           {"2", "4", 0.5},
                                                           {"3", "5", 0.25},
                                                           {"2", "3", 1},
                                                           {"3", "0", 1}});
  const std::vector<vertex_id> A{0, 1}, B{4, 5};
  const auto vc = minimum_vertex_cut(g, A, B);
  EXPECT_EQ(vc.status, CutStatus::ok);
  EXPECT_EQ(vc.people, (std::vector<vertex_id>{2, 3}));
  const auto ec = minimum_edge_cut(g, A, B);
  EXPECT_NEAR(ec.value, 0.75, 1e-15);
  ASSERT_EQ(ec.edges.size(), 2u);
  EXPECT_EQ(g.edge_source(ec.edges[0]), 2u);
  EXPECT_EQ(g.edge_target(ec.edges[0]), 4u);
  EXPECT_EQ(g.edge_source(ec.edges[1]), 3u);
  EXPECT_EQ(g.edge_target(ec.edges[1]), 5u);
  // Overlap and adjacency are answered, not thrown.
  EXPECT_EQ(minimum_vertex_cut(g, std::vector<vertex_id>{0, 4}, B).status, CutStatus::overlap);
  EXPECT_EQ(minimum_edge_cut(g, std::vector<vertex_id>{0, 4}, B).status, CutStatus::overlap);
  EXPECT_EQ(minimum_vertex_cut(g, std::vector<vertex_id>{2}, B).status, CutStatus::adjacent);
  // Already separated: empty cut.
  const auto none = minimum_edge_cut(g, B, A);
  EXPECT_EQ(none.value, 0.0);
  EXPECT_TRUE(none.edges.empty());
  EXPECT_THROW((void)minimum_edge_cut(g, std::vector<vertex_id>{}, B), orgnet::invalid_argument);
  EXPECT_THROW((void)minimum_vertex_cut(g, std::vector<vertex_id>{9}, B), orgnet::out_of_range);
}

}  // namespace
}  // namespace orgnet
