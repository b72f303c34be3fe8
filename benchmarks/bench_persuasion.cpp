// Persuasion on a seeded generated company of 100,000 people and about
// 1,000,000 ties (generate_company, 10 ties per person):
//   BM_WinOverPlan    win-over plan, k = 10, epsilon = 0.05, delta = 0.05, one
//                     chain per person (target: issue 5, under 5 s), on the
//                     standard weighted-cascade graph of the same ties: one
//                     relation "influence" (advice reversed as in the default
//                     map), s(u, v) = w(u, v) / sum_x w(x, v), so the
//                     strengths into each person sum to 1 as in the IMM
//                     literature. (The default map applies the weighted cascade
//                     per relation, so strengths into a person sum to about 2:
//                     the cascade is supercritical, RR sets hold ~60% of the
//                     company and the same plan takes minutes; see
//                     docs/benchmarks.md.)
//   BM_KBestChains    the 10 most probable loopless chains (target: under 100 ms);
//   BM_BestChain      one most probable chain (for scale);
//   BM_SampleRRSets   100,000 RR sets rooted at the target (weighted-cascade graph).
//   BM_NetworkPlan    the networking plan of person 99,999 with the defaults
//                     (p = 0.1, h = 3, t = 0.5, candidates within 2 ties,
//                     PageRank for the influential members, management
//                     attention of the top; target: issue 9, under 1 s).
// Arguments: threads. The target is the person with the most in-ties among
// the first 1,000 (a busy manager), the source of the chains person 99,999.

#include <benchmark/benchmark.h>

#include <map>

#include "orgnet/diffusion/reverse_reachable.hpp"
#include "orgnet/model/generators.hpp"
#include "orgnet/model/graph_builder.hpp"
#include "orgnet/persuasion/chains.hpp"
#include "orgnet/persuasion/network_plan.hpp"
#include "orgnet/persuasion/win_over.hpp"

namespace {

const orgnet::InfluenceGraph& company() {
  static const orgnet::InfluenceGraph g =
      orgnet::generate_company({.people = 100000, .ties_per_person = 10.0, .seed = 42});
  return g;
}

// The same ties as one weighted-cascade relation (see the top comment).
const orgnet::InfluenceGraph& weighted_cascade_company() {
  static const orgnet::InfluenceGraph g = [] {
    const auto& base = company();
    orgnet::RelationMap map;
    map.set("influence", {orgnet::InfluenceDirection::source_to_target, orgnet::StrengthRule::weighted_cascade});
    orgnet::GraphBuilder b({.relations = map});
    for (orgnet::vertex_id v = 0; v < base.num_vertices(); ++v) {
      orgnet::Person p{.id = base.id(v)};
      if (base.manager(v) != orgnet::no_vertex) p.manager = base.id(base.manager(v));
      b.add_person(std::move(p));
    }
    for (const orgnet::TieRecord& t : base.ties()) {
      const bool reversed = base.relation_spec(t.relation).direction == orgnet::InfluenceDirection::target_to_source;
      b.add_tie(base.id(reversed ? t.target : t.source), base.id(reversed ? t.source : t.target), "influence",
                t.weight);
    }
    return std::move(b).build();
  }();
  return g;
}

orgnet::vertex_id busy_target(const orgnet::InfluenceGraph& g) {
  orgnet::vertex_id best = 1;
  for (orgnet::vertex_id v = 1; v < 1000; ++v) {
    if (g.in_degree(v) > g.in_degree(best)) best = v;
  }
  return best;
}

void count_graph(benchmark::State& state, const orgnet::InfluenceGraph& g) {
  state.counters["people"] = static_cast<double>(g.num_vertices());
  state.counters["ties"] = static_cast<double>(g.num_ties());
  state.counters["edges"] = static_cast<double>(g.num_edges());
}

void BM_WinOverPlan(benchmark::State& state) {
  const auto& g = weighted_cascade_company();
  const auto target = busy_target(g);
  const orgnet::WinOverOptions options{
      .k = 10, .epsilon = 0.05, .delta = 0.05, .seed = 1, .threads = static_cast<int>(state.range(0))};
  orgnet::WinOverPlan plan;
  for (auto _ : state) {
    plan = orgnet::win_over_plan(g, target, options);
    benchmark::DoNotOptimize(plan.probability);
  }
  count_graph(state, g);
  state.counters["samples"] = static_cast<double>(plan.samples);
  state.counters["probability"] = plan.probability;
  state.counters["guarantee"] = plan.guarantee ? 1.0 : 0.0;
}
BENCHMARK(BM_WinOverPlan)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_KBestChains(benchmark::State& state) {
  const auto& g = company();
  const auto target = busy_target(g);
  std::size_t found = 0;
  for (auto _ : state) {
    const auto r = orgnet::k_best_chains(g, 99999, target, 10);
    found = r.chains.size();
    benchmark::DoNotOptimize(r.chains.data());
  }
  count_graph(state, g);
  state.counters["chains"] = static_cast<double>(found);
}
BENCHMARK(BM_KBestChains)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_BestChain(benchmark::State& state) {
  const auto& g = company();
  const auto target = busy_target(g);
  for (auto _ : state) benchmark::DoNotOptimize(orgnet::best_chain(g, 99999, target).chain.probability);
  count_graph(state, g);
}
BENCHMARK(BM_BestChain)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_SampleRRSets(benchmark::State& state) {
  const auto& g = weighted_cascade_company();
  const auto target = busy_target(g);
  double mean = 0.0;
  for (auto _ : state) {
    const auto sets =
        orgnet::sample_rr_sets(g, 100000, {.root = target, .seed = 1, .threads = static_cast<int>(state.range(0))});
    mean = static_cast<double>(sets.total_size()) / static_cast<double>(sets.size());
    benchmark::DoNotOptimize(sets.members.data());
  }
  count_graph(state, g);
  state.counters["mean_set_size"] = mean;
}
BENCHMARK(BM_SampleRRSets)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_NetworkPlan(benchmark::State& state) {
  const auto& g = company();
  orgnet::NetworkPlanResult r;
  for (auto _ : state) {
    r = orgnet::network_plan(g, 99999);
    benchmark::DoNotOptimize(r.plan.steps.data());
  }
  count_graph(state, g);
  state.counters["candidates"] = static_cast<double>(r.plan.candidates);
  state.counters["gaps"] = static_cast<double>(r.gaps.size());
  state.counters["plan_size"] = static_cast<double>(r.plan.steps.size());
}
BENCHMARK(BM_NetworkPlan)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
