// Loader benchmarks: people + ties CSV into an InfluenceGraph.
//
// Budget (issue: Foundation): a 1,000,000-tie CSV loads in under 1 s and the
// built graph uses under 64 bytes per tie. The counters report both:
// `bytes_per_tie` = InfluenceGraph::memory_bytes() / ties.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <map>

#include "orgnet/io/csv.hpp"
#include "synthetic_org.hpp"

namespace {

const orgnet::bench::SyntheticOrg& synthetic(std::size_t people, std::size_t ties) {
  static std::map<std::pair<std::size_t, std::size_t>, orgnet::bench::SyntheticOrg> cache;
  auto key = std::make_pair(people, ties);
  auto it = cache.find(key);
  if (it == cache.end()) {
    auto dir = std::filesystem::temp_directory_path() /
               ("orgnet_bench_" + std::to_string(people) + "_" + std::to_string(ties));
    it = cache.emplace(key, orgnet::bench::write_synthetic_org(dir, people, ties)).first;
  }
  return it->second;
}

void BM_LoadCsv(benchmark::State& state) {
  const auto people = static_cast<std::size_t>(state.range(0));
  const auto ties = static_cast<std::size_t>(state.range(1));
  const auto& files = synthetic(people, ties);
  std::size_t bytes = 0;
  for (auto _ : state) {
    orgnet::InfluenceGraph g = orgnet::load_csv(files.people, files.ties);
    bytes = g.memory_bytes();
    benchmark::DoNotOptimize(g.num_edges());
  }
  state.counters["ties"] = static_cast<double>(ties);
  state.counters["bytes_per_tie"] = static_cast<double>(bytes) / static_cast<double>(ties);
  state.counters["ties_per_second"] =
      benchmark::Counter(static_cast<double>(ties), benchmark::Counter::kIsIterationInvariantRate);
  state.SetBytesProcessed(
      static_cast<std::int64_t>(state.iterations()) *
      static_cast<std::int64_t>(std::filesystem::file_size(files.ties) + std::filesystem::file_size(files.people)));
}
BENCHMARK(BM_LoadCsv)
    ->ArgNames({"people", "ties"})
    ->Args({1000, 10000})
    ->Args({100000, 1000000})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
