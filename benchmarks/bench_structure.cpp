// Communities (Louvain, Leiden), E-I index with its permutation test, and QAP
// on seeded synthetic companies (generate_company, 10 ties per person: the
// 100,000-person company has 1,000,000 ties, about 970,000 influence edges
// after merging).
//
// Performance target (issue 7): Louvain on the 100,000-person, 1,000,000-tie
// company under 2 s, at least 10x faster than NetworkX's louvain_communities
// and no slower than igraph's community_multilevel (measured by
// benchmarks/compare_peers.py with benchmarks/peers/structure.py).

#include <benchmark/benchmark.h>

#include <cstddef>
#include <map>

#include "orgnet/model/generators.hpp"
#include "orgnet/structure/communities.hpp"
#include "orgnet/structure/formal_informal.hpp"
#include "orgnet/structure/mixing.hpp"

namespace {

const orgnet::InfluenceGraph& company(std::size_t people) {
  static std::map<std::size_t, orgnet::InfluenceGraph> cache;
  auto it = cache.find(people);
  if (it == cache.end()) {
    it = cache.emplace(people, orgnet::generate_company({.people = people, .ties_per_person = 10.0, .seed = 42})).first;
  }
  return it->second;
}

void communities(benchmark::State& state, orgnet::CommunityAlgorithm algorithm, orgnet::ModularityKind kind) {
  const auto& g = company(static_cast<std::size_t>(state.range(0)));
  double q = 0;
  std::size_t count = 0;
  for (auto _ : state) {
    auto r = orgnet::communities(g, {.algorithm = algorithm, .kind = kind, .seed = 1});
    q = r.modularity;
    count = r.count();
    benchmark::DoNotOptimize(r.community.data());
  }
  state.counters["edges"] = static_cast<double>(g.num_edges());
  state.counters["modularity"] = q;
  state.counters["communities"] = static_cast<double>(count);
}

void BM_Louvain(benchmark::State& state) {
  communities(state, orgnet::CommunityAlgorithm::louvain, orgnet::ModularityKind::undirected);
}
void BM_LouvainDirected(benchmark::State& state) {
  communities(state, orgnet::CommunityAlgorithm::louvain, orgnet::ModularityKind::directed);
}
void BM_Leiden(benchmark::State& state) {
  communities(state, orgnet::CommunityAlgorithm::leiden, orgnet::ModularityKind::undirected);
}

// E-I index with 100 relabellings of the departments.
void BM_MixingPermutations(benchmark::State& state) {
  const auto& g = company(static_cast<std::size_t>(state.range(0)));
  const int threads = static_cast<int>(state.range(1));
  for (auto _ : state) {
    auto r = orgnet::mixing(g, {.permutations = 100, .seed = 1, .threads = threads});
    benchmark::DoNotOptimize(r.p_less);
  }
  state.counters["edges"] = static_cast<double>(g.num_edges());
}

// QAP: reporting lines against the influence edges, 1,000 permutations.
void BM_Qap(benchmark::State& state) {
  const auto& g = company(static_cast<std::size_t>(state.range(0)));
  const orgnet::Dyads formal = orgnet::reporting_dyads(g);
  const orgnet::Dyads informal = orgnet::edge_dyads(g);
  const int threads = static_cast<int>(state.range(1));
  for (auto _ : state) {
    auto r = orgnet::qap_correlation(formal, informal, {.permutations = 1000, .seed = 1, .threads = threads});
    benchmark::DoNotOptimize(r.p_greater);
  }
}

}  // namespace

BENCHMARK(BM_Louvain)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LouvainDirected)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Leiden)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MixingPermutations)->Args({10000, 1})->Args({10000, 2})->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Qap)->Args({10000, 1})->Args({10000, 2})->Unit(benchmark::kMillisecond);
