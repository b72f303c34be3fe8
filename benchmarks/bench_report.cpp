// The HTML report on every bundled dataset, and the force layout on seeded
// synthetic companies (generate_company, 10 ties per person).
//
// Target: every bundled dataset renders in a few seconds at most (email-Eu-core,
// 1,005 people, is the largest); the layout is O(iterations * n^2).

#include <benchmark/benchmark.h>

#include <cstddef>
#include <map>
#include <string>

#include "orgnet/io/datasets.hpp"
#include "orgnet/model/generators.hpp"
#include "orgnet/report/html_report.hpp"
#include "orgnet/report/layout.hpp"

namespace {

const orgnet::InfluenceGraph& dataset(const std::string& name) {
  static std::map<std::string, orgnet::InfluenceGraph> cache;
  auto it = cache.find(name);
  if (it == cache.end()) it = cache.emplace(name, orgnet::load_dataset(name)).first;
  return it->second;
}

void BM_HtmlReport(benchmark::State& state, const std::string& name) {
  const auto& g = dataset(name);
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto report = orgnet::build_html_report(g);
    bytes = report.html.size();
    benchmark::DoNotOptimize(report.html.data());
  }
  state.counters["people"] = static_cast<double>(g.num_vertices());
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK_CAPTURE(BM_HtmlReport, krackhardt, std::string("krackhardt"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_HtmlReport, lazega, std::string("lazega"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_HtmlReport, uk_faculty, std::string("uk_faculty"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_HtmlReport, enron, std::string("enron"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_HtmlReport, email_eu_core, std::string("email_eu_core"))->Unit(benchmark::kMillisecond);

void BM_ForceLayout(benchmark::State& state) {
  const auto people = static_cast<std::size_t>(state.range(0));
  const auto g = orgnet::generate_company({.people = people, .ties_per_person = 10.0, .seed = 42});
  std::size_t iterations = 0;
  for (auto _ : state) {
    auto r = orgnet::force_layout(g, {.seed = 1});
    iterations = r.iterations;
    benchmark::DoNotOptimize(r.x.data());
  }
  state.counters["iterations"] = static_cast<double>(iterations);
}
BENCHMARK(BM_ForceLayout)->Arg(100)->Arg(500)->Arg(1000)->Arg(2000)->Unit(benchmark::kMillisecond);

}  // namespace
