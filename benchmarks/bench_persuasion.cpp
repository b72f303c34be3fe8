// Persuasion on a seeded generated company of 100,000 people and about
// 1,000,000 ties (generate_company, 10 ties per person, default relation map):
//   BM_WinOverPlan    win-over plan, k = 10, epsilon = 0.05, delta = 0.05, one
//                     chain per person (target: issue 5, under 5 s);
//   BM_KBestChains    the 10 most probable loopless chains (target: under 100 ms);
//   BM_BestChain      one most probable chain (for scale);
//   BM_SampleRRSets   100,000 RR sets rooted at the target.
// Arguments: threads. The target is the person with the most in-ties among
// the first 1,000 (a busy manager), the source of the chains person 99,999.

#include <benchmark/benchmark.h>

#include <map>

#include "orgnet/diffusion/reverse_reachable.hpp"
#include "orgnet/model/generators.hpp"
#include "orgnet/persuasion/chains.hpp"
#include "orgnet/persuasion/win_over.hpp"

namespace {

const orgnet::InfluenceGraph& company() {
  static const orgnet::InfluenceGraph g =
      orgnet::generate_company({.people = 100000, .ties_per_person = 10.0, .seed = 42});
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
  const auto& g = company();
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
BENCHMARK(BM_WinOverPlan)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();

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
  const auto& g = company();
  const auto target = busy_target(g);
  double mean = 0.0;
  for (auto _ : state) {
    const auto sets = orgnet::sample_rr_sets(
        g, 100000, {.root = target, .seed = 1, .threads = static_cast<int>(state.range(0))});
    mean = static_cast<double>(sets.total_size()) / static_cast<double>(sets.size());
    benchmark::DoNotOptimize(sets.members.data());
  }
  count_graph(state, g);
  state.counters["mean_set_size"] = mean;
}
BENCHMARK(BM_SampleRRSets)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
