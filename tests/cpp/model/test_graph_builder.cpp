#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <limits>
#include <utility>

#include "orgnet/model/graph_builder.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

double strength_of(const InfluenceGraph& g, const char* u, const char* v) {
  auto e = g.find_edge(g.index_of(u), g.index_of(v));
  return e ? g.strength(*e) : -1.0;
}

TEST(GraphBuilder, HandWorkedStrengthsAndMerges) {
  InfluenceGraph g = test::hand_worked_graph();
  ASSERT_EQ(g.num_vertices(), 4u);
  EXPECT_EQ(g.num_ties(), 9u);
  EXPECT_EQ(g.num_edges(), 7u);
  EXPECT_DOUBLE_EQ(strength_of(g, "a", "b"), 7.0 / 16.0);
  // a -> c: trust (c trusts a and b, weight 2 each: cascade 1/2) merged with
  // reports_to (as_is 0.5 times the default scale 0.5 = 1/4): 1 - (1/2)(3/4).
  EXPECT_DOUBLE_EQ(strength_of(g, "a", "c"), 0.625);
  EXPECT_DOUBLE_EQ(strength_of(g, "b", "c"), 0.5);
  EXPECT_DOUBLE_EQ(strength_of(g, "c", "b"), 0.75);
  EXPECT_DOUBLE_EQ(strength_of(g, "c", "d"), 1.0);
  EXPECT_DOUBLE_EQ(strength_of(g, "d", "c"), 1.0);
  EXPECT_DOUBLE_EQ(strength_of(g, "d", "b"), 0.75);
  EXPECT_FALSE(g.find_edge(g.index_of("b"), g.index_of("a")));
  EXPECT_FALSE(g.find_edge(g.index_of("a"), g.index_of("a")));

  const LoadReport& r = g.load_report();
  EXPECT_EQ(r.ties, 9u);
  EXPECT_EQ(r.self_ties, 1u);
  EXPECT_EQ(r.influence_arcs, 9u);  // 8 non-self ties, cowork gives two
  EXPECT_EQ(r.merged_arcs, 2u);
  EXPECT_EQ(r.influence_edges, 7u);
  EXPECT_TRUE(r.relations_using_fallback.empty());
}

TEST(GraphBuilder, CsrIsConsistentBothWays) {
  InfluenceGraph g = test::hand_worked_graph();
  std::size_t seen = 0;
  for (vertex_id v = 0; v < g.num_vertices(); ++v) {
    auto in = g.in_neighbors(v);
    auto ids = g.in_edges(v);
    for (std::size_t k = 0; k < in.size(); ++k) {
      EXPECT_EQ(g.edge_source(ids[k]), in[k]);
      EXPECT_EQ(g.edge_target(ids[k]), v);
      if (k > 0) {
        EXPECT_LT(in[k - 1], in[k]);
      }
      ++seen;
    }
    auto out = g.out_neighbors(v);
    for (std::size_t k = 1; k < out.size(); ++k) EXPECT_LT(out[k - 1], out[k]);
  }
  EXPECT_EQ(seen, g.num_edges());
}

TEST(GraphBuilder, InStrengthsFollowInEdgesAndAreShared) {
  InfluenceGraph g = test::hand_worked_graph();
  const std::size_t before = g.memory_bytes();
  const InfluenceGraph copy = g;  // shares the data, so the cache too
  const auto in = g.in_strengths();
  ASSERT_EQ(in.size(), g.num_edges());
  for (std::size_t k = 0; k < in.size(); ++k) EXPECT_EQ(in[k], g.strength(g.in_edge_ids()[k]));
  EXPECT_EQ(copy.in_strengths().data(), in.data());
  EXPECT_EQ(g.memory_bytes(), before + g.num_edges() * sizeof(double));
}

TEST(GraphBuilder, StrengthSummaries) {
  // Hand-worked graph (test_support.hpp): a -> b 7/16, a -> c 3/4, b -> c 1/2,
  // c -> b 3/4, c -> d 1, d -> c 1, d -> b 3/4.
  const InfluenceGraph g = test::hand_worked_graph();
  const auto [a, b, c, d] = std::array{g.index_of("a"), g.index_of("b"), g.index_of("c"), g.index_of("d")};
  const auto out = g.out_strength_totals();
  const auto in = g.in_strength_totals();
  ASSERT_EQ(out.size(), 4u);
  ASSERT_EQ(in.size(), 4u);
  EXPECT_DOUBLE_EQ(out[a], 7.0 / 16 + 0.625);
  EXPECT_DOUBLE_EQ(out[b], 0.5);
  EXPECT_DOUBLE_EQ(out[c], 0.75 + 1.0);
  EXPECT_DOUBLE_EQ(out[d], 1.0 + 0.75);
  EXPECT_DOUBLE_EQ(in[a], 0.0);
  EXPECT_DOUBLE_EQ(in[b], 7.0 / 16 + 0.75 + 0.75);
  EXPECT_DOUBLE_EQ(in[c], 0.625 + 0.5 + 1.0);
  EXPECT_DOUBLE_EQ(in[d], 1.0);
  // b's in-edges differ (7/16, 3/4, 3/4), a's out-edges too (7/16, 5/8).
  EXPECT_TRUE(g.shared_in_strengths().empty());
  EXPECT_TRUE(g.shared_out_strengths().empty());

  // Weighted cascade on unit email ties: v's in-edges all carry 1/in-degree(v).
  GraphBuilder builder;
  for (const char* p : {"p", "q", "r", "s"}) builder.add_person({.id = p});
  for (auto [u, v] : {std::pair{"p", "q"}, {"p", "r"}, {"q", "r"}, {"s", "r"}, {"r", "p"}}) {
    builder.add_tie(u, v, "email", 1);
  }
  const InfluenceGraph cascade = std::move(builder).build();
  const InfluenceGraph copy = cascade;  // shares the data, so the summaries too
  const auto shared = cascade.shared_in_strengths();
  ASSERT_EQ(shared.size(), 4u);
  EXPECT_DOUBLE_EQ(shared[cascade.index_of("p")], 1.0);
  EXPECT_DOUBLE_EQ(shared[cascade.index_of("q")], 1.0);
  EXPECT_DOUBLE_EQ(shared[cascade.index_of("r")], 1.0 / 3);
  EXPECT_DOUBLE_EQ(shared[cascade.index_of("s")], 1.0);  // no in-edges
  EXPECT_EQ(copy.shared_in_strengths().data(), shared.data());
  // p's out-edges carry 1 (to q) and 1/3 (to r); r, q and s send one each.
  EXPECT_TRUE(cascade.shared_out_strengths().empty());
  EXPECT_DOUBLE_EQ(cascade.out_strength_totals()[cascade.index_of("p")], 1.0 + 1.0 / 3);
}

TEST(GraphBuilder, StrengthSummariesOfTheEmptyGraph) {
  const InfluenceGraph g;
  EXPECT_TRUE(g.out_strength_totals().empty());
  EXPECT_TRUE(g.in_strength_totals().empty());
  EXPECT_TRUE(g.shared_in_strengths().empty());
}

TEST(GraphBuilder, RelationMaskNamesContributingRelations) {
  InfluenceGraph g = test::hand_worked_graph();
  const edge_id ab = *g.find_edge(g.index_of("a"), g.index_of("b"));
  const RelationMask expected =
      (RelationMask{1} << *g.find_relation("advice")) | (RelationMask{1} << *g.find_relation("email"));
  EXPECT_EQ(edge_relation_masks(g)[ab], expected);
  const edge_id cd = *g.find_edge(g.index_of("c"), g.index_of("d"));
  EXPECT_EQ(edge_relation_masks(g)[cd], RelationMask{1} << *g.find_relation("cowork"));
}

TEST(GraphBuilder, PeopleDepartmentsAndHierarchy) {
  InfluenceGraph g = test::hand_worked_graph();
  EXPECT_EQ(g.id(0), "a");
  EXPECT_EQ(g.num_departments(), 2u);
  EXPECT_EQ(g.department_name(g.department(g.index_of("c"))), "T");
  EXPECT_EQ(g.department(g.index_of("d")), no_department);
  ASSERT_EQ(g.department_members(0).size(), 2u);
  EXPECT_EQ(g.manager(g.index_of("b")), g.index_of("a"));
  EXPECT_EQ(g.manager(g.index_of("a")), no_vertex);
  EXPECT_EQ(g.level(g.index_of("a")), 0);
  EXPECT_EQ(g.level(g.index_of("c")), 1);
  EXPECT_EQ(g.level(g.index_of("d")), 0);
  EXPECT_FALSE(g.level_given(0));
  ASSERT_EQ(g.direct_reports(g.index_of("a")).size(), 2u);
}

TEST(GraphBuilder, EmptyAndSingletonGraphs) {
  InfluenceGraph empty = GraphBuilder{}.build();
  EXPECT_EQ(empty.num_vertices(), 0u);
  EXPECT_EQ(empty.num_edges(), 0u);
  EXPECT_EQ(empty.out_offsets().size(), 1u);

  GraphBuilder b;
  b.add_person({.id = "solo"});
  InfluenceGraph one = std::move(b).build();
  EXPECT_EQ(one.num_vertices(), 1u);
  EXPECT_EQ(one.out_degree(0), 0u);
  EXPECT_EQ(one.level(0), 0);
  EXPECT_THROW((void)one.id(1), orgnet::out_of_range);
  EXPECT_THROW((void)one.index_of("nobody"), std::out_of_range);
}

TEST(GraphBuilder, UnknownPersonIsAnErrorUnlessCreated) {
  {
    GraphBuilder b;
    b.add_person({.id = "a"});
    b.add_tie("a", "ghost", "advice");
    std::string message = test::invalid_argument_message([&] { (void)std::move(b).build(); });
    EXPECT_NE(message.find("unknown person id 'ghost'"), std::string::npos) << message;
  }
  GraphBuilder b({.unknown_people = UnknownPersonPolicy::create});
  b.add_person({.id = "a"});
  b.add_tie("a", "ghost", "advice");
  InfluenceGraph g = std::move(b).build();
  EXPECT_EQ(g.num_vertices(), 2u);
  EXPECT_EQ(g.load_report().people_from_ties, 1u);
}

TEST(GraphBuilder, RejectsBadWeightsAtOnce) {
  for (double w : {0.0, -1.0, std::nan(""), HUGE_VAL}) {
    GraphBuilder b;
    EXPECT_THROW(b.add_tie("a", "b", "advice", w), orgnet::invalid_argument) << w;
  }
}

TEST(GraphBuilder, AsIsWeightAboveOneIsAnError) {
  GraphBuilder b({.unknown_people = UnknownPersonPolicy::create});
  b.add_tie("a", "b", "reports_to", 2.0);
  std::string message = test::invalid_argument_message([&] { (void)std::move(b).build(); });
  EXPECT_NE(message.find("must lie in (0, 1]"), std::string::npos) << message;
}

TEST(GraphBuilder, DuplicateIdNamesFirstDefinition) {
  GraphBuilder b;
  b.add_person({.id = "a"}, {.file = "people.csv", .line = 2, .id_column = 1});
  std::string message = test::invalid_argument_message(
      [&] { b.add_person({.id = "a"}, {.file = "people.csv", .line = 5, .id_column = 1}); });
  EXPECT_EQ(message, "people.csv:5:1: field 'id': duplicate person id 'a' (first defined at people.csv:2)");
}

TEST(GraphBuilder, ManagerCycleNamesThePeople) {
  GraphBuilder b;
  b.add_person({.id = "x", .manager = "z"});
  b.add_person({.id = "y", .manager = "x"});
  b.add_person({.id = "z", .manager = "y"});
  b.add_person({.id = "free"});
  std::string message = test::invalid_argument_message([&] { (void)std::move(b).build(); });
  EXPECT_EQ(message,
            "field 'manager': the reporting lines form a cycle: 'x' -> 'z' -> 'y' -> 'x' (each reports to the next)");
}

TEST(GraphBuilder, LongReportingChainDoesNotRecurse) {
  // 100,000 levels: a recursive depth computation would overflow the stack.
  constexpr int n = 100000;
  GraphBuilder b;
  for (int i = 0; i < n; ++i) {
    b.add_person({.id = std::to_string(i), .manager = i == 0 ? "" : std::to_string(i - 1)});
  }
  InfluenceGraph g = std::move(b).build();
  EXPECT_EQ(g.level(g.index_of(std::to_string(n - 1))), n - 1);
}

TEST(GraphBuilder, GivenLevelsAnchorDerivedOnes) {
  GraphBuilder b;
  b.add_person({.id = "ceo", .level = 2});  // e.g. levels counted from a board above
  b.add_person({.id = "vp", .manager = "ceo"});
  b.add_person({.id = "mgr", .level = 7, .manager = "vp"});
  b.add_person({.id = "ic", .manager = "mgr"});
  InfluenceGraph g = std::move(b).build();
  EXPECT_EQ(g.level(g.index_of("vp")), 3);
  EXPECT_EQ(g.level(g.index_of("mgr")), 7);
  EXPECT_EQ(g.level(g.index_of("ic")), 8);
  EXPECT_TRUE(g.level_given(g.index_of("ceo")));
  EXPECT_FALSE(g.level_given(g.index_of("vp")));
}

TEST(GraphBuilder, ConflictingManagersAreAnError) {
  GraphBuilder b;
  b.add_person({.id = "a"});
  b.add_person({.id = "b"});
  b.add_person({.id = "c", .manager = "a"});
  b.add_tie("c", "b", "reports_to", 1.0);
  std::string message = test::invalid_argument_message([&] { (void)std::move(b).build(); });
  EXPECT_NE(message.find("person 'c' reports to 'b' but the manager field names 'a'"), std::string::npos) << message;
}

TEST(GraphBuilder, UnlistedRelationUsesFallbackOrFails) {
  {
    GraphBuilder b({.unknown_people = UnknownPersonPolicy::create});
    b.add_tie("a", "b", "mentoring", 1.0);
    InfluenceGraph g = std::move(b).build();
    ASSERT_EQ(g.load_report().relations_using_fallback.size(), 1u);
    EXPECT_EQ(g.load_report().relations_using_fallback[0], "mentoring");
    EXPECT_TRUE(g.find_edge(0, 1));  // fallback: source influences target
  }
  RelationMap strict = RelationMap::defaults();
  strict.set_fallback(std::nullopt);
  GraphBuilder b({.relations = strict, .unknown_people = UnknownPersonPolicy::create});
  b.add_tie("a", "b", "mentoring", 1.0);
  EXPECT_THROW((void)std::move(b).build(), orgnet::invalid_argument);
}

TEST(GraphBuilder, ScaleByMaxAndStrengthOne) {
  RelationMap map;
  map.set("calls", {InfluenceDirection::source_to_target, StrengthRule::scale_by_max});
  GraphBuilder b({.relations = map, .unknown_people = UnknownPersonPolicy::create});
  b.add_tie("a", "b", "calls", 2);
  b.add_tie("b", "c", "calls", 8);
  InfluenceGraph g = std::move(b).build();
  EXPECT_DOUBLE_EQ(g.strength(*g.find_edge(0, 1)), 0.25);
  EXPECT_DOUBLE_EQ(g.strength(*g.find_edge(1, 2)), 1.0);
}

TEST(GraphBuilder, TinyStrengthsSurviveNoisyOr) {
  GraphBuilder b({.unknown_people = UnknownPersonPolicy::create});
  b.add_tie("a", "b", "reports_to", 1e-300);
  InfluenceGraph g = std::move(b).build();
  // 1 - (1 - 1e-300) rounds to 0 in double; the builder must not produce a zero
  // strength (a strength must stay in (0, 1]).
  EXPECT_GT(g.strength(0), 0.0);
}

TEST(GraphBuilder, ScaleMultipliesEveryRule) {
  // calls (scale_by_max, scale 0.5): 2/8 and 8/8 halved; mail (weighted cascade
  // into d: 1/(1+3) and 3/(1+3), scale 0.2); reports_to keeps its default 0.5.
  RelationMap map = RelationMap::defaults();
  map.set("calls", {InfluenceDirection::source_to_target, StrengthRule::scale_by_max, 0.5});
  map.set("mail", {InfluenceDirection::source_to_target, StrengthRule::weighted_cascade, 0.2});
  GraphBuilder b({.relations = map, .unknown_people = UnknownPersonPolicy::create});
  b.add_tie("a", "b", "calls", 2);
  b.add_tie("b", "c", "calls", 8);
  b.add_tie("a", "d", "mail", 1);
  b.add_tie("c", "d", "mail", 3);
  b.add_tie("e", "a", "reports_to", 0.8);
  InfluenceGraph g = std::move(b).build();
  EXPECT_DOUBLE_EQ(strength_of(g, "a", "b"), 0.125);
  EXPECT_DOUBLE_EQ(strength_of(g, "b", "c"), 0.5);
  EXPECT_DOUBLE_EQ(strength_of(g, "a", "d"), 0.05);
  EXPECT_DOUBLE_EQ(strength_of(g, "c", "d"), 0.15);
  EXPECT_DOUBLE_EQ(strength_of(g, "a", "e"), 0.4);  // the manager a sways e: 0.8 x 0.5
}

TEST(GraphBuilder, ScaleOutsideUnitIntervalIsRefused) {
  RelationMap map;
  for (double bad : {0.0, -1.0, 1.5, std::nan("")}) {
    EXPECT_THROW(map.set("x", {InfluenceDirection::both, StrengthRule::as_is, bad}), orgnet::invalid_argument);
    EXPECT_THROW(map.set_fallback(RelationSpec{InfluenceDirection::both, StrengthRule::as_is, bad}),
                 orgnet::invalid_argument);
  }
  EXPECT_TRUE(map.specs().empty());
  try {
    map.set("x", {InfluenceDirection::both, StrengthRule::as_is, 2.0});
    FAIL();
  } catch (const orgnet::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "relation 'x': scale must lie in (0, 1], got 2");
  }
}

TEST(GraphBuilder, RelationSpecTextRoundTrips) {
  const RelationSpec spec = parse_relation_spec("target_to_source,as_is,0.3");
  EXPECT_EQ(spec, (RelationSpec{InfluenceDirection::target_to_source, StrengthRule::as_is, 0.3}));
  EXPECT_EQ(to_string(spec), "target_to_source,as_is,0.3");
  EXPECT_EQ(to_string(parse_relation_spec("both")), "both,weighted_cascade");
  EXPECT_EQ(parse_relation_spec("both,as_is,1").scale, 1.0);
  for (const char* bad : {"both,as_is,0", "both,as_is,1.01", "both,as_is,", "both,as_is,0.5x", "both,as_is,nan"}) {
    EXPECT_THROW((void)parse_relation_spec(bad), orgnet::invalid_argument) << bad;
  }
}

TEST(GraphBuilder, UnderflowingStrengthStaysPositive) {
  // 1e-300 over a cascade sum of 1e10 is 1e-310, times the scale 1e-20 it
  // underflows to 0 in double: the builder keeps the smallest positive double.
  RelationMap map;
  map.set("mail", {InfluenceDirection::source_to_target, StrengthRule::weighted_cascade, 1e-20});
  GraphBuilder b({.relations = map, .unknown_people = UnknownPersonPolicy::create});
  b.add_tie("a", "c", "mail", 1e-300);
  b.add_tie("b", "c", "mail", 1e10);
  InfluenceGraph g = std::move(b).build();
  EXPECT_EQ(strength_of(g, "a", "c"), std::numeric_limits<double>::denorm_min());
  EXPECT_DOUBLE_EQ(strength_of(g, "b", "c"), 1e-20);
}

}  // namespace
}  // namespace orgnet
