#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <vector>

#include "../test_support.hpp"
#include "orgnet/detail/random.hpp"
#include "orgnet/model/generators.hpp"
#include "orgnet/persuasion/network_plan.hpp"

namespace orgnet {
namespace {

RelationMap as_is_map() {
  RelationMap m;
  m.set("tie", {InfluenceDirection::source_to_target, StrengthRule::as_is});
  return m;
}

// Drawn example (strengths as given; p = 0.1, h = 3, t = 0.5):
//
//   top (Board, level 0) is everyone's manager; everyone else is level 1.
//   me (A) -0.9-> u (A) -0.1-> c (C)        me reaches C with 0.9*0.1 = 0.09 < 0.1
//   me -0.2-> b (B) -0.3-> top              B: 0.2 (covered); Board and the top:
//   c -0.4-> me                                0.2*0.3 = 0.06 < 0.1
//   d (D) has no ties at all: cut off.
//
// Gaps: Board 0.06, C 0.09, D 0 and the top (level 0) 0.06.
// Candidates (everyone but me; u is excluded, me -> u is 0.9 >= t):
//   b: q(Board) = q(top) = 0.3 -> 0.5*0.3 = 0.15 >= 0.1: covers Board, top
//   c: in C, q = 1: covers C;  d: covers D;  top: q = 1, covers Board, top.
// Greedy: round 1 top and b both cover 2; sums 1.0 vs 0.3: top. Round 2: c
// and d cover one each, sums 0.5 = 0.5: the smaller vertex id, c (added
// before d). Round 3: d. Optimum: 3 (C, D and the top need different people).
// With candidates within 2 steps (undirected), d is out of reach: D is
// reported unreachable and the plan is top, c.
InfluenceGraph drawn() {
  GraphBuilder b({.relations = as_is_map()});
  b.add_person({.id = "top", .department = "Board"});
  b.add_person({.id = "me", .department = "A", .manager = "top"});
  b.add_person({.id = "u", .department = "A", .manager = "top"});
  b.add_person({.id = "b", .department = "B", .manager = "top"});
  b.add_person({.id = "c", .department = "C", .manager = "top"});
  b.add_person({.id = "d", .department = "D", .manager = "top"});
  b.add_tie("me", "u", "tie", 0.9);
  b.add_tie("u", "c", "tie", 0.1);
  b.add_tie("me", "b", "tie", 0.2);
  b.add_tie("b", "top", "tie", 0.3);
  b.add_tie("c", "me", "tie", 0.4);
  return std::move(b).build();
}

const GroupReach& department_reach(const InfluenceGraph& g, const StakeholderMap& m, const char* name) {
  const department_id d = *g.find_department(name);
  return m.departments.at(static_cast<std::size_t>(d));
}

std::vector<std::string> ids(const InfluenceGraph& g, const std::vector<vertex_id>& vs) {
  std::vector<std::string> out;
  for (const vertex_id v : vs) out.push_back(g.id(v));
  return out;
}

TEST(NetworkPlan, StakeholderMapOfTheDrawnExample) {
  const InfluenceGraph g = drawn();
  const vertex_id me = g.index_of("me");
  NetworkPlanOptions o;
  o.top_members = 1;
  const NetworkPlanResult r = network_plan(g, me, o);
  const StakeholderMap& m = r.map;
  ASSERT_EQ(m.influences.size(), 2u);
  EXPECT_EQ(g.id(m.influences[0].person), "u");
  EXPECT_DOUBLE_EQ(m.influences[0].strength, 0.9);
  EXPECT_EQ(m.influences[0].relations, std::vector<std::string>{"tie"});
  EXPECT_EQ(g.id(m.influences[1].person), "b");
  ASSERT_EQ(m.influenced_by.size(), 1u);
  EXPECT_EQ(g.id(m.influenced_by[0].person), "c");
  EXPECT_DOUBLE_EQ(m.influenced_by[0].strength, 0.4);
  // Direct contacts u, b, c; two ties away only the top (via b).
  ASSERT_EQ(m.second_degree.size(), 1u);
  EXPECT_EQ(g.id(m.second_degree[0].person), "top");
  EXPECT_EQ(m.second_degree[0].common_contacts, 1u);
  EXPECT_EQ(g.id(m.second_degree[0].via), "b");
  EXPECT_EQ(ids(g, m.chain_of_command), std::vector<std::string>{"top"});

  EXPECT_DOUBLE_EQ(department_reach(g, m, "A").probability, 1.0);
  EXPECT_EQ(department_reach(g, m, "A").chain.steps(), 0u);
  EXPECT_DOUBLE_EQ(department_reach(g, m, "B").probability, 0.2);
  EXPECT_TRUE(department_reach(g, m, "B").covered);
  EXPECT_NEAR(department_reach(g, m, "C").probability, 0.09, 1e-15);
  EXPECT_FALSE(department_reach(g, m, "C").covered);
  EXPECT_EQ(ids(g, department_reach(g, m, "C").chain.people), (std::vector<std::string>{"me", "u", "c"}));
  EXPECT_NEAR(department_reach(g, m, "Board").probability, 0.06, 1e-15);
  EXPECT_EQ(department_reach(g, m, "D").probability, 0.0);
  EXPECT_TRUE(department_reach(g, m, "D").chain.people.empty());
  ASSERT_EQ(department_reach(g, m, "A").influential.size(), 1u);
  ASSERT_EQ(m.levels.size(), 2u);
  EXPECT_EQ(m.levels[0].group.label, "top (level 0)");
  EXPECT_NEAR(m.levels[0].probability, 0.06, 1e-15);
  EXPECT_DOUBLE_EQ(m.levels[1].probability, 1.0);
}

TEST(NetworkPlan, GapsAndBridges) {
  const InfluenceGraph g = drawn();
  NetworkPlanOptions o;
  o.candidates = CandidatePool::everyone;
  const NetworkPlanResult r = network_plan(g, g.index_of("me"), o);
  std::vector<std::string> labels;
  for (const CoverageGap& gap : r.gaps) labels.push_back(gap.group.label);
  EXPECT_EQ(labels, (std::vector<std::string>{"Board", "C", "D", "top (level 0)"}));
  // The top's bridges: the top themself (1, 0 steps), then b (0.3, 1 step).
  const CoverageGap& top = r.gaps[3];
  ASSERT_EQ(top.bridges.size(), 2u);
  EXPECT_EQ(g.id(top.bridges[0].person), "top");
  EXPECT_DOUBLE_EQ(top.bridges[0].probability, 1.0);
  EXPECT_EQ(g.id(top.bridges[1].person), "b");
  EXPECT_DOUBLE_EQ(top.bridges[1].probability, 0.3);
  EXPECT_EQ(top.bridges[1].steps, 1u);
  EXPECT_DOUBLE_EQ(top.bridges[1].current_reach, 0.2);
  ASSERT_EQ(r.gaps[1].bridges.size(), 1u);
  EXPECT_EQ(g.id(r.gaps[1].bridges[0].person), "c");
}

TEST(NetworkPlan, PlanOfTheDrawnExample) {
  const InfluenceGraph g = drawn();
  NetworkPlanOptions o;
  o.candidates = CandidatePool::everyone;
  const NetworkPlanResult r = network_plan(g, g.index_of("me"), o);
  const NetworkingPlan& plan = r.plan;
  EXPECT_EQ(plan.targets, 4u);
  EXPECT_EQ(plan.candidates, 4u);  // b, c, d, top (u already strong)
  ASSERT_EQ(plan.steps.size(), 3u);
  EXPECT_TRUE(plan.complete());
  EXPECT_EQ(g.id(plan.steps[0].contact), "top");
  EXPECT_FALSE(plan.steps[0].strengthen);
  ASSERT_EQ(plan.steps[0].opens.size(), 2u);
  EXPECT_EQ(plan.steps[0].opens[0].group.label, "Board");
  EXPECT_DOUBLE_EQ(plan.steps[0].opens[0].probability, 0.5);
  EXPECT_NEAR(plan.steps[0].opens[0].previous_probability, 0.06, 1e-15);
  EXPECT_EQ(plan.steps[0].opens[1].group.label, "top (level 0)");
  EXPECT_EQ(g.id(plan.steps[1].contact), "c");  // tie with d broken by vertex id
  EXPECT_EQ(g.id(plan.steps[2].contact), "d");
  EXPECT_EQ(plan.largest_coverage, 2u);
  EXPECT_DOUBLE_EQ(plan.bound_factor, 1.5);
}

TEST(NetworkPlan, CutOffDepartmentIsReportedUnreachable) {
  const InfluenceGraph g = drawn();
  const NetworkPlanResult r = network_plan(g, g.index_of("me"));  // within 2 steps
  const NetworkingPlan& plan = r.plan;
  ASSERT_EQ(plan.steps.size(), 2u);
  EXPECT_EQ(g.id(plan.steps[0].contact), "top");
  EXPECT_EQ(g.id(plan.steps[1].contact), "c");
  ASSERT_EQ(plan.unreachable.size(), 1u);
  EXPECT_EQ(plan.unreachable[0].label, "D");
  EXPECT_NE(plan.reason.find("D"), std::string::npos);
  EXPECT_NE(plan.reason.find("p / t"), std::string::npos);
}

// Strengthening: with t = 0.9 the existing tie me -> b (0.2) can be raised:
// b then gives 0.9 * 0.3 = 0.27 into Board and the top, the same count as
// the top (0.9 each, larger sum: the top still wins). Peers at level 1 only
// (peer_levels 0) exclude the top: then b, strengthened, is the first step.
TEST(NetworkPlan, StrengthenedTieAndPeers) {
  const InfluenceGraph g = drawn();
  NetworkPlanOptions o;
  o.new_tie_strength = 0.9;
  o.candidates = CandidatePool::peers;
  o.peer_levels = 0;
  const NetworkPlanResult r = network_plan(g, g.index_of("me"), o);
  ASSERT_GE(r.plan.steps.size(), 1u);
  EXPECT_EQ(g.id(r.plan.steps[0].contact), "b");
  EXPECT_TRUE(r.plan.steps[0].strengthen);
  EXPECT_DOUBLE_EQ(r.plan.steps[0].current_strength, 0.2);
  EXPECT_DOUBLE_EQ(r.plan.steps[0].opens[0].probability, 0.9 * 0.3);
}

// A tie in probabilities: me (A) has no ties; y and x (both B, added y then
// x) would each open B with exactly t * 1. The smaller vertex id, y, is chosen
// and listed first among the bridges.
TEST(NetworkPlan, TieBrokenByVertexId) {
  GraphBuilder b({.relations = as_is_map()});
  b.add_person({.id = "me", .department = "A"});
  b.add_person({.id = "y", .department = "B"});
  b.add_person({.id = "x", .department = "B"});
  const InfluenceGraph g = std::move(b).build();
  NetworkPlanOptions o;
  o.candidates = CandidatePool::everyone;
  const NetworkPlanResult r = network_plan(g, g.index_of("me"), o);
  ASSERT_EQ(r.plan.steps.size(), 1u);
  EXPECT_EQ(g.id(r.plan.steps[0].contact), "y");
  ASSERT_EQ(r.gaps.size(), 1u);  // everyone is at level 0 with me: the top is covered
  ASSERT_EQ(r.gaps[0].bridges.size(), 2u);
  EXPECT_EQ(g.id(r.gaps[0].bridges[0].person), "y");
  EXPECT_EQ(g.id(r.gaps[0].bridges[1].person), "x");
}

TEST(NetworkPlan, RejectsBadOptions) {
  const InfluenceGraph g = drawn();
  NetworkPlanOptions o;
  o.min_probability = 0.0;
  EXPECT_THROW((void)network_plan(g, 0, o), invalid_argument);
  o = {};
  o.new_tie_strength = 1.5;
  EXPECT_THROW((void)network_plan(g, 0, o), invalid_argument);
  o = {};
  o.max_steps = 0;
  EXPECT_THROW((void)network_plan(g, 0, o), invalid_argument);
  EXPECT_THROW((void)network_plan(g, 99), out_of_range);
  EXPECT_THROW((void)parse_candidate_pool("friends"), invalid_argument);
  EXPECT_EQ(parse_candidate_pool("peers"), CandidatePool::peers);
}

// Management attention on the drawn example. Chains to the top: b -> top
// 0.3; me -> b -> top 0.06; c -> me -> b -> top 0.024; u -> c -> me -> b ->
// top 0.0024; d none. Ranked by chain: b, me, c, u (d left out).
// Personalized PageRank against the edges: the walk from the top can only go
// to b, b only to me (b's one influencer), and me, c, u form a loop (c -> me,
// u -> c, me -> u) that keeps the walk until it restarts. So me, c and u
// each outscore b: ranked by PageRank b is not in the top two (the exact
// scores are checked against NetworkX in Python).
TEST(NetworkPlan, ManagementAttention) {
  const InfluenceGraph g = drawn();
  const ManagementAttention a = management_attention(g);
  EXPECT_EQ(g.id(a.decision_maker), "top");
  ASSERT_EQ(a.people.size(), 4u);
  EXPECT_EQ(ids(g, {a.people[0].person, a.people[1].person, a.people[2].person, a.people[3].person}),
            (std::vector<std::string>{"b", "me", "c", "u"}));
  EXPECT_DOUBLE_EQ(a.people[0].chain.probability, 0.3);
  EXPECT_NEAR(a.people[2].chain.probability, 0.4 * 0.2 * 0.3, 1e-15);
  EXPECT_NEAR(a.people[3].chain.probability, 0.1 * 0.4 * 0.2 * 0.3, 1e-15);
  ManagementAttentionOptions o;
  o.rank_by = AttentionRanking::pagerank;
  o.top = 2;
  const ManagementAttention p = management_attention(g, o);
  ASSERT_EQ(p.people.size(), 2u);
  EXPECT_NE(g.id(p.people[0].person), "b");
  EXPECT_NE(g.id(p.people[1].person), "b");
  EXPECT_GE(p.people[0].score, p.people[1].score);
  o.decision_maker = 99;
  EXPECT_THROW((void)management_attention(g, o), out_of_range);
}

// Random organizations small enough for brute force: the greedy plan covers
// every coverable target and is at most H(d) times the optimum. The coverage
// sets are recomputed here with best_chains_from (the public chain tree).
TEST(NetworkPlan, GreedyWithinBoundOfBruteForce) {
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    detail::SplitMix64 rng(seed);
    GraphBuilder b({.relations = as_is_map()});
    const std::size_t n = 12;
    b.add_person({.id = "p0", .department = "D0"});
    for (std::size_t i = 1; i < n; ++i) {
      const std::size_t mgr = rng.next() % i;
      b.add_person({.id = "p" + std::to_string(i),
                    .department = "D" + std::to_string(rng.next() % 6),
                    .manager = "p" + std::to_string(mgr)});
    }
    for (std::size_t k = 0; k < 22; ++k) {
      const std::size_t u = rng.next() % n, v = rng.next() % n;
      if (u == v) continue;
      const double s = 0.1 + 0.8 * static_cast<double>(rng.next() % 1000) / 1000.0;
      b.add_tie("p" + std::to_string(u), "p" + std::to_string(v), "tie", s);
    }
    const InfluenceGraph g = std::move(b).build();
    const vertex_id me = static_cast<vertex_id>(rng.next() % n);
    NetworkPlanOptions o;
    o.candidates = CandidatePool::everyone;
    o.min_probability = 0.2;
    o.max_steps = 3;
    o.new_tie_strength = 0.6;
    const NetworkPlanResult r = network_plan(g, me, o);
    // Targets: departments not covered, and the top.
    std::vector<std::vector<vertex_id>> target_members;
    for (const GroupReach& d : r.map.departments) {
      if (!d.covered && d.size > 0) {
        target_members.emplace_back(g.department_members(d.group.value).begin(),
                                    g.department_members(d.group.value).end());
      }
    }
    if (!r.map.levels.empty() && r.map.levels[0].group.value == 0 && !r.map.levels[0].covered) {
      std::vector<vertex_id> tops;
      for (vertex_id v = 0; v < n; ++v) {
        if (g.level(v) == 0) tops.push_back(v);
      }
      target_members.push_back(tops);
    }
    ASSERT_EQ(r.plan.targets, target_members.size()) << "seed " << seed;
    const std::size_t T = target_members.size();
    std::vector<std::uint32_t> cover;  // bitmask per candidate
    std::uint32_t coverable = 0;
    for (vertex_id c = 0; c < n; ++c) {
      if (c == me) continue;
      const auto e = g.find_edge(me, c);
      if (e && g.strength(*e) >= o.new_tie_strength) continue;
      ChainOptions co;
      co.constraints.max_steps = 2;
      co.constraints.avoid = {me};
      const ChainTree tree = best_chains_from(g, c, co);
      std::uint32_t mask = 0;
      for (std::size_t k = 0; k < T; ++k) {
        double q = 0.0;
        for (const vertex_id v : target_members[k]) q = std::max(q, tree.probability[v]);
        if (o.new_tie_strength * q >= o.min_probability) mask |= 1u << k;
      }
      cover.push_back(mask);
      coverable |= mask;
    }
    // Brute force: the fewest candidates covering everything coverable.
    std::size_t best = SIZE_MAX;
    const std::size_t m = cover.size();
    for (std::uint32_t subset = 0; subset < (1u << m); ++subset) {
      const auto size = static_cast<std::size_t>(std::popcount(subset));
      if (size >= best) continue;
      std::uint32_t got = 0;
      for (std::size_t i = 0; i < m; ++i) {
        if (subset & (1u << i)) got |= cover[i];
      }
      if (got == coverable) best = size;
    }
    EXPECT_EQ(r.plan.unreachable.size(), static_cast<std::size_t>(T - std::popcount(coverable))) << "seed " << seed;
    EXPECT_GE(r.plan.steps.size(), best) << "seed " << seed;
    EXPECT_LE(static_cast<double>(r.plan.steps.size()), r.plan.bound_factor * static_cast<double>(best) + 1e-12)
        << "seed " << seed;
    const double ln_bound = std::log(static_cast<double>(std::max<std::size_t>(T, 1))) + 1.0;
    EXPECT_LE(r.plan.bound_factor, ln_bound + 1e-12);
  }
}

// Coverage on a generated company, with and without a step limit, equals the
// best chain tree's maximum over each department's members.
TEST(NetworkPlan, CoverageMatchesChainTreeOnGeneratedCompany) {
  const InfluenceGraph g = generate_company({.people = 400, .departments = 6, .ties_per_person = 6, .seed = 7});
  for (const std::optional<std::size_t> h : {std::optional<std::size_t>(2), std::optional<std::size_t>()}) {
    NetworkPlanOptions o;
    o.max_steps = h;
    o.top_members = 0;
    const NetworkPlanResult r = network_plan(g, 123, o);
    ChainOptions co;
    co.constraints.max_steps = h;
    const ChainTree tree = best_chains_from(g, 123, co);
    for (const GroupReach& d : r.map.departments) {
      double q = 0.0;
      for (const vertex_id v : g.department_members(d.group.value)) q = std::max(q, tree.probability[v]);
      EXPECT_EQ(d.probability, q);
      EXPECT_EQ(d.covered, q >= o.min_probability);
    }
    for (const PlanStep& s : r.plan.steps) {
      for (const Opening& op : s.opens) EXPECT_GE(op.probability, o.min_probability);
    }
  }
}

}  // namespace
}  // namespace orgnet
