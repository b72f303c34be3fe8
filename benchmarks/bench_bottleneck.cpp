// Bottlenecks and brokerage: structural holes (all four measures), Gould-
// Fernandez brokerage, articulation points and bridges, and key players on
// email-Eu-core (1,005 people) and on seeded synthetic companies up to
// 100,000 people (generate_company: departments x levels, about 25 ties per
// person).
//
// Arguments: people (0 = email-Eu-core), threads.
// Target (issue 4): structural holes at least 100x faster than NetworkX's
// constraint + effective_size on the same graph; benchmarks/compare_peers.py
// (peers/bottleneck.py) times NetworkX in the same run.

#include <benchmark/benchmark.h>

#include <map>

#include "orgnet/bottleneck/brokerage.hpp"
#include "orgnet/bottleneck/cut_points.hpp"
#include "orgnet/bottleneck/dominators.hpp"
#include "orgnet/bottleneck/key_players.hpp"
#include "orgnet/bottleneck/structural_holes.hpp"
#include "orgnet/io/datasets.hpp"
#include "orgnet/model/generators.hpp"

namespace {

const orgnet::InfluenceGraph& graph(std::size_t people) {
  static std::map<std::size_t, orgnet::InfluenceGraph> cache;
  auto it = cache.find(people);
  if (it == cache.end()) {
    it = cache
             .emplace(people, people == 0 ? orgnet::load_dataset("email_eu_core")
                                          : orgnet::generate_company({.people = people, .seed = 42}))
             .first;
  }
  return it->second;
}

void count_graph(benchmark::State& state, const orgnet::InfluenceGraph& g) {
  state.counters["people"] = static_cast<double>(g.num_vertices());
  state.counters["edges"] = static_cast<double>(g.num_edges());
}

void BM_StructuralHoles(benchmark::State& state) {
  const auto& g = graph(static_cast<std::size_t>(state.range(0)));
  const orgnet::StructuralHolesOptions options{.threads = static_cast<int>(state.range(1))};
  for (auto _ : state) benchmark::DoNotOptimize(orgnet::structural_holes(g, options).constraint.data());
  count_graph(state, g);
}
BENCHMARK(BM_StructuralHoles)
    ->ArgNames({"people", "threads"})
    ->Args({0, 1})
    ->Args({0, 2})
    ->Args({10000, 1})
    ->Args({100000, 1})
    ->Args({100000, 2})
    ->Unit(benchmark::kMillisecond);

void BM_Brokerage(benchmark::State& state) {
  const auto& g = graph(static_cast<std::size_t>(state.range(0)));
  const orgnet::BrokerageOptions options{.threads = static_cast<int>(state.range(1))};
  for (auto _ : state) benchmark::DoNotOptimize(orgnet::brokerage(g, options).observed[5].data());
  count_graph(state, g);
}
BENCHMARK(BM_Brokerage)
    ->ArgNames({"people", "threads"})
    ->Args({0, 1})
    ->Args({0, 2})
    ->Args({10000, 1})
    ->Args({100000, 1})
    ->Args({100000, 2})
    ->Unit(benchmark::kMillisecond);

void BM_CutPoints(benchmark::State& state) {
  const auto& g = graph(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(orgnet::cut_points(g).cut_off.data());
  count_graph(state, g);
}
BENCHMARK(BM_CutPoints)->ArgNames({"people"})->Arg(0)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_DominatorTree(benchmark::State& state) {
  const auto& g = graph(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(orgnet::dominator_tree(g, 0).immediate_dominator.data());
  count_graph(state, g);
}
BENCHMARK(BM_DominatorTree)->ArgNames({"people"})->Arg(0)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_KeyPlayersFragmentation(benchmark::State& state) {
  const auto& g = graph(static_cast<std::size_t>(state.range(0)));
  const orgnet::KeyPlayerOptions options{.k = 5};
  for (auto _ : state) benchmark::DoNotOptimize(orgnet::key_players(g, options).people.data());
  count_graph(state, g);
}
BENCHMARK(BM_KeyPlayersFragmentation)->ArgNames({"people"})->Arg(0)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
