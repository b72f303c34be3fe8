// Influence chains: hand-worked cases, constraints and a brute-force oracle.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <tuple>

#include "../test_support.hpp"
#include "orgnet/model/distance.hpp"
#include "orgnet/persuasion/chains.hpp"

namespace orgnet {
namespace {

using test::graph_of;

std::vector<std::string> ids(const InfluenceGraph& g, const Chain& c) {
  std::vector<std::string> out;
  for (const vertex_id v : c.people) out.push_back(g.id(v));
  return out;
}

//   a --0.9--> b --0.9--> d
//   a --0.5--> c --0.9--> d        b --0.5--> c
//   a --0.3--> d
// Chains a -> d: abd 0.81 (weakest 0.9), acd 0.45, abcd 0.405, ad 0.3.
InfluenceGraph diamond() {
  return graph_of(
      {"a", "b", "c", "d"},
      {{"a", "b", 0.9}, {"b", "d", 0.9}, {"a", "c", 0.5}, {"c", "d", 0.9}, {"a", "d", 0.3}, {"b", "c", 0.5}});
}

TEST(PersuasionChains, HandWorkedObjectives) {
  const auto g = diamond();
  const vertex_id a = g.index_of("a"), d = g.index_of("d");
  auto best = best_chain(g, a, d);
  ASSERT_TRUE(best.found());
  EXPECT_EQ(ids(g, best.chain), (std::vector<std::string>{"a", "b", "d"}));
  EXPECT_DOUBLE_EQ(best.chain.probability, 0.81);
  EXPECT_DOUBLE_EQ(best.chain.weakest, 0.9);
  EXPECT_EQ(best.chain.strengths, (std::vector<double>{0.9, 0.9}));
  EXPECT_DOUBLE_EQ(best.chain.length, -2 * std::log(0.9));

  auto fewest = best_chain(g, a, d, {.objective = ChainObjective::fewest_steps});
  ASSERT_TRUE(fewest.found());
  EXPECT_EQ(ids(g, fewest.chain), (std::vector<std::string>{"a", "d"}));
  EXPECT_DOUBLE_EQ(fewest.chain.probability, 0.3);

  auto widest = best_chain(g, a, d, {.objective = ChainObjective::widest});
  ASSERT_TRUE(widest.found());
  EXPECT_EQ(ids(g, widest.chain), (std::vector<std::string>{"a", "b", "d"}));

  // Avoid b: acd (0.45) beats ad (0.3).
  auto avoid = best_chain(g, a, d, {.constraints = {.avoid = {g.index_of("b")}}});
  ASSERT_TRUE(avoid.found());
  EXPECT_EQ(ids(g, avoid.chain), (std::vector<std::string>{"a", "c", "d"}));
  // One step at most: ad.
  auto short_chain = best_chain(g, a, d, {.constraints = {.max_steps = 1}});
  ASSERT_TRUE(short_chain.found());
  EXPECT_EQ(ids(g, short_chain.chain), (std::vector<std::string>{"a", "d"}));

  auto k = k_best_chains(g, a, d, 10);
  ASSERT_TRUE(k.found());
  ASSERT_EQ(k.chains.size(), 4u);
  EXPECT_EQ(ids(g, k.chains[0]), (std::vector<std::string>{"a", "b", "d"}));
  EXPECT_EQ(ids(g, k.chains[1]), (std::vector<std::string>{"a", "c", "d"}));
  EXPECT_EQ(ids(g, k.chains[2]), (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_EQ(ids(g, k.chains[3]), (std::vector<std::string>{"a", "d"}));
  EXPECT_DOUBLE_EQ(k.chains[2].probability, 0.405);
  // Two steps at most: abd, acd, ad.
  auto k2 = k_best_chains(g, a, d, 10, {.constraints = {.max_steps = 2}});
  ASSERT_EQ(k2.chains.size(), 3u);
  EXPECT_EQ(ids(g, k2.chains[2]), (std::vector<std::string>{"a", "d"}));
  EXPECT_TRUE(k_best_chains(g, a, d, 0).chains.empty());
}

TEST(PersuasionChains, DegenerateAndErrors) {
  const auto g = diamond();
  const vertex_id a = g.index_of("a"), d = g.index_of("d");
  auto self = best_chain(g, a, a);
  ASSERT_TRUE(self.found());
  EXPECT_EQ(self.chain.people, std::vector<vertex_id>{a});
  EXPECT_EQ(self.chain.steps(), 0u);
  EXPECT_DOUBLE_EQ(self.chain.probability, 1.0);

  auto back = best_chain(g, d, a);
  EXPECT_EQ(back.status, ChainStatus::no_chain);
  EXPECT_NE(back.reason.find("at all"), std::string::npos) << back.reason;

  auto avoided = best_chain(g, a, d, {.constraints = {.avoid = {d}}});
  EXPECT_EQ(avoided.status, ChainStatus::endpoint_avoided);
  EXPECT_NE(avoided.reason.find("'d'"), std::string::npos);

  auto too_short = best_chain(g, a, g.index_of("c"), {.constraints = {.avoid = {}, .max_steps = 0}});
  EXPECT_EQ(too_short.status, ChainStatus::no_chain);
  EXPECT_NE(too_short.reason.find("shortest chain has 1 steps"), std::string::npos) << too_short.reason;

  EXPECT_THROW((void)best_chain(g, a, 99), orgnet::out_of_range);
  EXPECT_THROW((void)best_chain(g, a, d, {.constraints = {.avoid = {77}}}), orgnet::out_of_range);
  EXPECT_THROW((void)best_chain(g, a, d, {.constraints = {.max_level_skip = -1}}), orgnet::invalid_argument);
  EXPECT_THROW((void)k_best_chains(g, a, d, 2, {.objective = ChainObjective::widest}), orgnet::invalid_argument);
  EXPECT_THROW((void)parse_chain_objective("best"), orgnet::invalid_argument);

  const auto single = graph_of({"x"}, {});
  EXPECT_TRUE(best_chain(single, 0, 0).found());
  const auto tree = best_chains_from(single, 0);
  EXPECT_TRUE(tree.reached(0));
  EXPECT_DOUBLE_EQ(tree.probability[0], 1.0);
}

// The hierarchy rule, drawn (level 0 = top):
//   ceo (0) <-0.9- emp (2)          emp -0.5-> mgr (1) -0.5-> ceo
//   emp -0.4-> peer (2) -0.9-> ceo  (a step rising 2 levels from the peer too)
// max_level_skip 1 forbids emp -> ceo and peer -> ceo: emp, mgr, ceo (0.25).
// max_level_skip 0 forbids every upward step: no chain, over someone's head.
TEST(PersuasionChains, HierarchyRule) {
  GraphBuilder b({.relations = [] {
    RelationMap m;
    m.set("tie", {InfluenceDirection::source_to_target, StrengthRule::as_is});
    return m;
  }()});
  b.add_person({.id = "ceo", .level = 0});
  b.add_person({.id = "mgr", .level = 1, .manager = "ceo"});
  b.add_person({.id = "emp", .level = 2, .manager = "mgr"});
  b.add_person({.id = "peer", .level = 2, .manager = "mgr"});
  b.add_tie("emp", "ceo", "tie", 0.9);
  b.add_tie("emp", "mgr", "tie", 0.5);
  b.add_tie("mgr", "ceo", "tie", 0.5);
  b.add_tie("emp", "peer", "tie", 0.4);
  b.add_tie("peer", "ceo", "tie", 0.9);
  const auto g = std::move(b).build();
  const vertex_id emp = g.index_of("emp"), ceo = g.index_of("ceo");
  EXPECT_EQ(ids(g, best_chain(g, emp, ceo).chain), (std::vector<std::string>{"emp", "ceo"}));
  auto polite = best_chain(g, emp, ceo, {.constraints = {.max_level_skip = 1}});
  ASSERT_TRUE(polite.found());
  EXPECT_EQ(ids(g, polite.chain), (std::vector<std::string>{"emp", "mgr", "ceo"}));
  EXPECT_DOUBLE_EQ(polite.chain.probability, 0.25);
  auto flat = best_chain(g, emp, ceo, {.constraints = {.max_level_skip = 0}});
  EXPECT_EQ(flat.status, ChainStatus::no_chain);
  EXPECT_NE(flat.reason.find("over someone's head"), std::string::npos) << flat.reason;
  // Downward steps stay allowed: ceo -> nobody here, but mgr -> emp would be fine.
  auto k = k_best_chains(g, emp, ceo, 5, {.constraints = {.max_level_skip = 1}});
  ASSERT_EQ(k.chains.size(), 1u);
}

TEST(PersuasionChains, RelationsConstraint) {
  RelationMap m;
  m.set("advice", {InfluenceDirection::source_to_target, StrengthRule::as_is});
  m.set("lunch", {InfluenceDirection::source_to_target, StrengthRule::as_is});
  GraphBuilder b({.relations = m});
  for (const char* p : {"a", "b", "c"}) b.add_person({.id = p});
  b.add_tie("a", "c", "lunch", 0.9);  // a -> c by lunch only
  b.add_tie("a", "b", "advice", 0.5);
  b.add_tie("b", "c", "advice", 0.5);
  const auto g = std::move(b).build();
  const relation_id advice = *g.find_relation("advice");
  const vertex_id a = g.index_of("a"), c = g.index_of("c");
  EXPECT_EQ(ids(g, best_chain(g, a, c).chain), (std::vector<std::string>{"a", "c"}));
  auto only_advice = best_chain(g, a, c, {.constraints = {.relations = {advice}}});
  EXPECT_EQ(ids(g, only_advice.chain), (std::vector<std::string>{"a", "b", "c"}));
  auto both = best_chain(g, a, c, {.constraints = {.avoid = {g.index_of("b")}, .relations = {advice}}});
  EXPECT_EQ(both.status, ChainStatus::no_chain);
  EXPECT_NE(both.reason.find("together"), std::string::npos) << both.reason;
  EXPECT_THROW((void)best_chain(g, a, c, {.constraints = {.relations = {9}}}), orgnet::invalid_argument);
}

// ---- brute force over every simple path --------------------------------------------

struct Path {
  std::vector<vertex_id> people;
  double length = 0.0;  // -ln s summed in path order
  double bottleneck = 0.0;
};

std::vector<Path> all_paths(const InfluenceGraph& g, vertex_id s, vertex_id t, const ChainConstraints& c) {
  std::vector<Path> out;
  std::vector<char> on(g.num_vertices(), 0), avoid(g.num_vertices(), 0);
  for (auto v : c.avoid) avoid[v] = 1;
  Path cur;
  cur.people.push_back(s);
  on[s] = 1;
  std::function<void(vertex_id)> dfs = [&](vertex_id v) {
    if (v == t) {
      out.push_back(cur);
      return;
    }
    if (c.max_steps && cur.people.size() - 1 >= *c.max_steps) return;
    for (edge_id e = g.out_begin(v); e < g.out_end(v); ++e) {
      const vertex_id w = g.edge_target(e);
      if (on[w] || avoid[w]) continue;
      if (c.max_level_skip && g.level(v) - g.level(w) > *c.max_level_skip) continue;
      const Path saved = cur;
      const double l = to_distance(g.strength(e), DistanceTransform::neg_log);
      cur.length += l;
      cur.bottleneck = std::max(cur.bottleneck, l);
      cur.people.push_back(w);
      on[w] = 1;
      dfs(w);
      on[w] = 0;
      cur = saved;
    }
  };
  if (!avoid[s] && !avoid[t]) dfs(s);
  return out;
}

std::vector<vertex_id> reversed(std::vector<vertex_id> p) {
  std::reverse(p.begin(), p.end());
  return p;
}

TEST(PersuasionChains, BruteForceOracleWithTies) {
  // Strengths 1, 1/2, 1/4: many chains tie exactly, which exercises the
  // documented tie rule (fewer steps, then the people read backwards by id).
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    const auto g = test::random_exact_graph(seed, 8, 22);
    for (vertex_id s = 0; s < 8; s += 3) {
      for (vertex_id t = 0; t < 8; ++t) {
        for (int variant = 0; variant < 3; ++variant) {
          ChainConstraints c;
          if (variant == 1) c.max_steps = 2;
          if (variant == 2) c.avoid = {static_cast<vertex_id>((s + 1) % 8)};
          auto paths = all_paths(g, s, t, c);
          auto probable = [](const Path& p) { return std::make_tuple(p.length, p.people.size(), reversed(p.people)); };
          auto widest = [](const Path& p) {
            return std::make_tuple(p.bottleneck, p.length, p.people.size(), reversed(p.people));
          };
          auto fewest = [](const Path& p) { return std::make_tuple(p.people.size(), p.length, reversed(p.people)); };
          for (auto objective : {ChainObjective::most_probable, ChainObjective::widest, ChainObjective::fewest_steps}) {
            const auto r = best_chain(g, s, t, {.objective = objective, .constraints = c});
            if (paths.empty()) {
              EXPECT_FALSE(r.found()) << seed << " " << s << " " << t;
              continue;
            }
            ASSERT_TRUE(r.found()) << seed << " " << s << " " << t << " " << r.reason;
            const Path* best = &paths[0];
            for (const Path& p : paths) {
              const bool better = objective == ChainObjective::most_probable ? probable(p) < probable(*best)
                                  : objective == ChainObjective::widest      ? widest(p) < widest(*best)
                                                                             : fewest(p) < fewest(*best);
              if (better) best = &p;
            }
            EXPECT_EQ(r.chain.people, best->people) << "seed " << seed << " " << s << "->" << t << " objective "
                                                    << to_string(objective) << " variant " << variant;
          }
          // k best: the lengths are the k smallest, in order.
          const auto k = k_best_chains(g, s, t, 6, {.constraints = c});
          std::vector<double> lengths;
          for (const Path& p : paths) lengths.push_back(p.length);
          std::sort(lengths.begin(), lengths.end());
          ASSERT_EQ(k.chains.size(), std::min<std::size_t>(6, paths.size()));
          for (std::size_t i = 0; i < k.chains.size(); ++i) EXPECT_EQ(k.chains[i].length, lengths[i]);
          for (std::size_t i = 0; i < k.chains.size(); ++i) {
            for (std::size_t j = 0; j < i; ++j) EXPECT_NE(k.chains[i].people, k.chains[j].people);
          }
        }
      }
    }
  }
}

TEST(PersuasionChains, TreeAgreesWithSingleChains) {
  for (std::uint64_t seed = 3; seed <= 6; ++seed) {
    const auto g = test::random_exact_graph(seed, 9, 30);
    for (auto objective : {ChainObjective::most_probable, ChainObjective::fewest_steps}) {
      for (int limited = 0; limited < 2; ++limited) {
        ChainOptions o{.objective = objective};
        if (limited) o.constraints.max_steps = 2;
        const auto tree = best_chains_from(g, 0, o);
        for (vertex_id t = 0; t < 9; ++t) {
          const auto r = best_chain(g, 0, t, o);
          ASSERT_EQ(tree.reached(t), r.found());
          if (!r.found()) continue;
          EXPECT_EQ(tree.chain_to(g, t).people, r.chain.people);
          EXPECT_DOUBLE_EQ(tree.probability[t], r.chain.probability);
        }
      }
    }
    // widest: every tree chain has the best weakest step.
    const auto tree = best_chains_from(g, 0, {.objective = ChainObjective::widest});
    for (vertex_id t = 0; t < 9; ++t) {
      const auto r = best_chain(g, 0, t, {.objective = ChainObjective::widest});
      ASSERT_EQ(tree.reached(t), r.found());
      if (r.found()) {
        EXPECT_EQ(tree.weakest[t], r.chain.weakest);
      }
    }
  }
}

}  // namespace
}  // namespace orgnet
