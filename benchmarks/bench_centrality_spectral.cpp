// Degree, PageRank, Katz, eigenvector, HITS and k-core on seeded synthetic
// companies (generate_company: departments x levels, about 25 ties per
// person) of 1,000 / 10,000 / 100,000 people and on email-Eu-core (people:0),
// with 1 and 2 threads.
//
// Counters: `edges` (influence edges), `iterations` of the last run (the
// iterative measures use their default tolerance 1e-10, criterion
// ||x' - x||_1 < n * tolerance), and `edges_per_second` = edges * iterations /
// time (the throughput of the sparse products).
//
// Performance targets (issue 3, measured by benchmarks/compare_peers.py with
// benchmarks/peers/spectral.py): PageRank and Katz at least 2x faster than
// igraph's PageRank (PRPACK) on the 100,000-person graph; every measure at
// least 50x faster than NetworkX.

#include <benchmark/benchmark.h>

#include <cstddef>
#include <map>

#include "orgnet/centrality/degree.hpp"
#include "orgnet/centrality/eigenvector.hpp"
#include "orgnet/centrality/hits.hpp"
#include "orgnet/centrality/katz.hpp"
#include "orgnet/centrality/kcore.hpp"
#include "orgnet/centrality/pagerank.hpp"
#include "orgnet/io/datasets.hpp"
#include "orgnet/model/generators.hpp"

namespace {

// people = 0 stands for the bundled email-Eu-core graph (1,005 people, 25,571
// edges), the real network compare_peers.py also times.
const orgnet::InfluenceGraph& company(std::size_t people) {
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

void report(benchmark::State& state, const orgnet::InfluenceGraph& g, std::size_t iterations) {
  const double edges = static_cast<double>(g.num_edges());
  state.counters["edges"] = edges;
  state.counters["iterations"] = static_cast<double>(iterations);
  state.counters["edges_per_second"] =
      benchmark::Counter(edges * static_cast<double>(iterations), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_DegreeStrength(benchmark::State& state) {
  const auto& g = company(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto r = orgnet::degree_centrality(g, {.direction = orgnet::DegreeDirection::total, .weighted = true});
    benchmark::DoNotOptimize(r.score.data());
  }
  report(state, g, 1);
}

void BM_InDegree(benchmark::State& state) {
  const auto& g = company(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto r = orgnet::degree_centrality(g, {.direction = orgnet::DegreeDirection::in});
    benchmark::DoNotOptimize(r.score.data());
  }
  report(state, g, 1);
}

void BM_PageRank(benchmark::State& state) {
  const auto& g = company(static_cast<std::size_t>(state.range(0)));
  std::size_t iterations = 0;
  for (auto _ : state) {
    auto r = orgnet::pagerank(g, {.threads = static_cast<int>(state.range(1))});
    iterations = r.convergence.iterations;
    benchmark::DoNotOptimize(r.score.data());
  }
  report(state, g, iterations);
}

void BM_Katz(benchmark::State& state) {
  const auto& g = company(static_cast<std::size_t>(state.range(0)));
  std::size_t iterations = 0;
  for (auto _ : state) {
    auto r = orgnet::katz_centrality(g, {.threads = static_cast<int>(state.range(1))});
    iterations = r.convergence.iterations;
    benchmark::DoNotOptimize(r.score.data());
  }
  report(state, g, iterations);
}

void BM_Eigenvector(benchmark::State& state) {
  const auto& g = company(static_cast<std::size_t>(state.range(0)));
  std::size_t iterations = 0;
  for (auto _ : state) {
    auto r = orgnet::eigenvector_centrality(g, {.threads = static_cast<int>(state.range(1))});
    iterations = r.convergence.iterations;
    benchmark::DoNotOptimize(r.score.data());
  }
  report(state, g, iterations);
}

void BM_Hits(benchmark::State& state) {
  const auto& g = company(static_cast<std::size_t>(state.range(0)));
  std::size_t iterations = 0;
  for (auto _ : state) {
    auto r = orgnet::hits(g, {.threads = static_cast<int>(state.range(1))});
    iterations = r.convergence.iterations;
    benchmark::DoNotOptimize(r.hubs.data());
  }
  report(state, g, 2 * iterations);  // two products per iteration
}

void BM_CoreNumber(benchmark::State& state) {
  const auto& g = company(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto r = orgnet::core_number(g);
    benchmark::DoNotOptimize(r.core.data());
  }
  report(state, g, 1);
}

void sizes(benchmark::internal::Benchmark* b) {
  b->ArgNames({"people"})->Arg(0)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime();
}

void sizes_threads(benchmark::internal::Benchmark* b) {
  b->ArgNames({"people", "threads"});
  for (long people : {0L, 1000L, 10000L, 100000L}) {
    for (long threads : {1L, 2L}) b->Args({people, threads});
  }
  b->Unit(benchmark::kMillisecond)->UseRealTime();
}

BENCHMARK(BM_DegreeStrength)->Apply(sizes);
BENCHMARK(BM_InDegree)->Apply(sizes);
BENCHMARK(BM_PageRank)->Apply(sizes_threads);
BENCHMARK(BM_Katz)->Apply(sizes_threads);
BENCHMARK(BM_Eigenvector)->Apply(sizes_threads);
BENCHMARK(BM_Hits)->Apply(sizes_threads);
BENCHMARK(BM_CoreNumber)->Apply(sizes);

}  // namespace
