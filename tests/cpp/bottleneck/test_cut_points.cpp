#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "orgnet/bottleneck/cut_points.hpp"
#include "orgnet/structure/components.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

using test::graph_of;

// a -> b -> c -> d -> e -> c, f alone. Undirected: a - b - c, triangle c d e.
//   without b: {a}, {c, d, e}      -> 2 pieces, cut off 4 - 3 = 1
//   without c: {a, b}, {d, e}      -> 2 pieces, cut off 4 - 2 = 2
//   bridges: a-b (sides 1 | 4 -> 1), b-c (sides 2 | 3 -> 2)
InfluenceGraph chain_and_triangle() {
  return graph_of({"a", "b", "c", "d", "e", "f"},
                  {{"a", "b", 1}, {"b", "c", 1}, {"c", "d", 1}, {"d", "e", 1}, {"e", "c", 1}});
}

TEST(BottleneckCutPoints, HandWorkedChainAndTriangle) {
  const auto r = cut_points(chain_and_triangle());
  EXPECT_EQ(r.articulation_points, (std::vector<vertex_id>{1, 2}));
  EXPECT_EQ(r.cut_off, (std::vector<std::uint32_t>{0, 1, 2, 0, 0, 0}));
  EXPECT_EQ(r.pieces, (std::vector<std::uint32_t>{1, 2, 2, 1, 1, 0}));
  EXPECT_EQ(r.component_size, (std::vector<std::uint32_t>{5, 5, 5, 5, 5, 1}));
  ASSERT_EQ(r.bridges.size(), 2u);
  EXPECT_EQ(r.bridges[0].u, 0u);
  EXPECT_EQ(r.bridges[0].v, 1u);
  EXPECT_EQ(r.bridges[0].cut_off, 1u);
  EXPECT_EQ(r.bridges[1].u, 1u);
  EXPECT_EQ(r.bridges[1].v, 2u);
  EXPECT_EQ(r.bridges[1].cut_off, 2u);
}

TEST(BottleneckCutPoints, DegenerateGraphs) {
  const auto empty = cut_points(InfluenceGraph{});
  EXPECT_TRUE(empty.articulation_points.empty());
  EXPECT_TRUE(empty.cut_off.empty());
  EXPECT_TRUE(empty.bridges.empty());
  const auto one = cut_points(graph_of({"a"}, {}));
  EXPECT_EQ(one.cut_off, std::vector<std::uint32_t>{0});
  EXPECT_EQ(one.pieces, std::vector<std::uint32_t>{0});
  EXPECT_TRUE(one.bridges.empty());
  // A reciprocal pair is one contact: a bridge with one person on each side.
  const auto pair = cut_points(graph_of({"a", "b"}, {{"a", "b", 1}, {"b", "a", 0.5}}));
  EXPECT_TRUE(pair.articulation_points.empty());
  ASSERT_EQ(pair.bridges.size(), 1u);
  EXPECT_EQ(pair.bridges[0].cut_off, 1u);
}

// Brute force: remove each person / contact and recount the components.
TEST(BottleneckCutPoints, MatchesBruteForceOnRandomGraphs) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const std::size_t n = 12;
    const auto g = test::random_exact_graph(seed, n, 10 + seed % 8);
    const auto r = cut_points(g);
    // Components of the undirected view without `gone` (and without contact {x, y}).
    auto pieces_without = [&](vertex_id gone, vertex_id x, vertex_id y) {
      std::vector<int> comp(n, -1);
      std::vector<std::size_t> sizes;
      for (vertex_id s = 0; s < n; ++s) {
        if (s == gone || comp[s] >= 0) continue;
        comp[s] = static_cast<int>(sizes.size());
        std::vector<vertex_id> stack{s};
        std::size_t size = 0;
        while (!stack.empty()) {
          const vertex_id u = stack.back();
          stack.pop_back();
          ++size;
          for (vertex_id w = 0; w < n; ++w) {
            if (w == gone || comp[w] >= 0) continue;
            const bool tied = g.find_edge(u, w).has_value() || g.find_edge(w, u).has_value();
            const bool cut = (u == x && w == y) || (u == y && w == x);
            if (tied && !cut) {
              comp[w] = comp[s];
              stack.push_back(w);
            }
          }
        }
        sizes.push_back(size);
      }
      return std::make_pair(comp, sizes);
    };
    const auto [base_comp, base_sizes] = pieces_without(no_vertex, no_vertex, no_vertex);
    for (vertex_id v = 0; v < n; ++v) {
      const auto [comp, sizes] = pieces_without(v, no_vertex, no_vertex);
      // Pieces of v's old component.
      std::set<int> parts;
      std::size_t largest = 0;
      for (vertex_id w = 0; w < n; ++w) {
        if (w != v && base_comp[w] == base_comp[v]) {
          parts.insert(comp[w]);
          largest = std::max(largest, sizes[comp[w]]);
        }
      }
      const bool articulation = parts.size() >= 2;
      EXPECT_EQ(std::count(r.articulation_points.begin(), r.articulation_points.end(), v), articulation ? 1 : 0);
      EXPECT_EQ(r.pieces[v], parts.size()) << "seed " << seed << " v " << v;
      const std::size_t expected = articulation ? base_sizes[base_comp[v]] - 1 - largest : 0;
      EXPECT_EQ(r.cut_off[v], expected) << "seed " << seed << " v " << v;
    }
    std::size_t bridges = 0;
    for (vertex_id x = 0; x < n; ++x) {
      for (vertex_id y = x + 1; y < n; ++y) {
        if (!g.find_edge(x, y) && !g.find_edge(y, x)) continue;
        const auto [comp, sizes] = pieces_without(no_vertex, x, y);
        if (comp[x] == comp[y]) continue;
        ++bridges;
        const auto it =
            std::find_if(r.bridges.begin(), r.bridges.end(), [&](const Bridge& b) { return b.u == x && b.v == y; });
        ASSERT_NE(it, r.bridges.end()) << "seed " << seed << " missing bridge " << x << "-" << y;
        EXPECT_EQ(it->cut_off, std::min(sizes[comp[x]], sizes[comp[y]]));
      }
    }
    EXPECT_EQ(r.bridges.size(), bridges) << "seed " << seed;
  }
}

}  // namespace
}  // namespace orgnet
