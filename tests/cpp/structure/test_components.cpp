#include <gtest/gtest.h>

#include "orgnet/model/graph_builder.hpp"
#include "orgnet/structure/components.hpp"

namespace orgnet {
namespace {

InfluenceGraph from_edges(std::initializer_list<std::pair<const char*, const char*>> edges,
                          std::initializer_list<const char*> isolated = {}) {
  GraphBuilder b({.unknown_people = UnknownPersonPolicy::create});
  for (const char* v : isolated) b.add_person({.id = v});
  for (auto [u, v] : edges) b.add_tie(u, v, "email", 1.0);  // email: u influences v
  return std::move(b).build();
}

//   a -> b -> c -> a   d -> e   f (alone)
TEST(Components, HandWorked) {
  InfluenceGraph g = from_edges({{"a", "b"}, {"b", "c"}, {"c", "a"}, {"c", "d"}, {"d", "e"}}, {"f"});
  ComponentsResult weak = weak_components(g);
  EXPECT_EQ(weak.count(), 2u);
  EXPECT_EQ(weak.largest(), 5u);
  EXPECT_EQ(weak.component[g.index_of("e")], weak.component[g.index_of("a")]);
  ComponentsResult strong = strong_components(g);
  EXPECT_EQ(strong.count(), 4u);  // {a,b,c}, {d}, {e}, {f}
  EXPECT_EQ(strong.largest(), 3u);
  EXPECT_EQ(strong.component[g.index_of("a")], strong.component[g.index_of("c")]);
  EXPECT_NE(strong.component[g.index_of("c")], strong.component[g.index_of("d")]);
  // Canonical numbering: by lowest vertex.
  EXPECT_EQ(strong.component[0], 0u);
}

TEST(Components, EmptyAndSingleton) {
  InfluenceGraph empty;
  EXPECT_EQ(weak_components(empty).count(), 0u);
  EXPECT_EQ(strong_components(empty).largest(), 0u);
  InfluenceGraph one = from_edges({}, {"x"});
  EXPECT_EQ(strong_components(one).count(), 1u);
}

TEST(Components, LongCycleWithoutRecursion) {
  GraphBuilder b({.unknown_people = UnknownPersonPolicy::create});
  constexpr int n = 200000;
  for (int i = 0; i < n; ++i) b.add_tie(std::to_string(i), std::to_string((i + 1) % n), "email", 1.0);
  InfluenceGraph g = std::move(b).build();
  EXPECT_EQ(strong_components(g).count(), 1u);
  EXPECT_EQ(weak_components(g).largest(), static_cast<std::size_t>(n));
}

}  // namespace
}  // namespace orgnet
