// Diffusion: cascade simulation on email-Eu-core, Friedkin–Johnsen equilibrium
// plus leverage and best-chain reachability on a seeded 100,000-person company
// (generate_company with 10 ties per person: about 1,000,000 influence edges),
// CELF on Lazega's law firm, IMM (k = 10, 50) on the company under IC and LT.
//
// Performance targets (issue 6): 10,000 IC simulations on email-Eu-core under
// 1 s; the Friedkin–Johnsen equilibrium plus leverage on the 100,000-person,
// 1,000,000-tie company under 2 s; IMM with k = 50, epsilon = 0.1 under IC on
// the weighted-cascade company (one relation, in-strengths summing to 1) under 10 s. Peer timings (a pure-Python /
// NetworkX IC loop, a dense NumPy solve) come from benchmarks/compare_peers.py with benchmarks/peers/diffusion.py.

#include <benchmark/benchmark.h>

#include <cstddef>
#include <map>
#include <vector>

#include "orgnet/detail/random.hpp"
#include "orgnet/diffusion/celf.hpp"
#include "orgnet/diffusion/influence_maximization.hpp"
#include "orgnet/diffusion/opinion.hpp"
#include "orgnet/diffusion/reachability.hpp"
#include "orgnet/diffusion/simulation.hpp"
#include "orgnet/io/datasets.hpp"
#include "orgnet/model/generators.hpp"
#include "orgnet/model/graph_builder.hpp"

namespace {

const orgnet::InfluenceGraph& dataset(const char* name) {
  static std::map<std::string, orgnet::InfluenceGraph> cache;
  auto it = cache.find(name);
  if (it == cache.end()) it = cache.emplace(name, orgnet::load_dataset(name)).first;
  return it->second;
}

const orgnet::InfluenceGraph& company(std::size_t people) {
  static std::map<std::size_t, orgnet::InfluenceGraph> cache;
  auto it = cache.find(people);
  if (it == cache.end()) {
    it = cache.emplace(people, orgnet::generate_company({.people = people, .ties_per_person = 10.0, .seed = 42})).first;
  }
  return it->second;
}

/// `count` distinct people drawn with a fixed seed.
std::vector<orgnet::vertex_id> some_people(const orgnet::InfluenceGraph& g, std::size_t count) {
  orgnet::detail::SplitMix64 rng(7);
  std::vector<orgnet::vertex_id> out;
  while (out.size() < count) {
    const auto v = static_cast<orgnet::vertex_id>(rng.below(g.num_vertices()));
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  }
  return out;
}

// args: seeds, threads
void BM_SpreadIC_EmailEuCore(benchmark::State& state) {
  const auto& g = dataset("email_eu_core");
  const auto seeds = some_people(g, static_cast<std::size_t>(state.range(0)));
  double reach = 0;
  for (auto _ : state) {
    auto r = orgnet::simulate_spread(g, seeds, {.simulations = 10000, .threads = static_cast<int>(state.range(1))});
    reach = r.expected_reach;
    benchmark::DoNotOptimize(r.probability.data());
  }
  state.counters["expected_reach"] = reach;
  state.counters["edges"] = static_cast<double>(g.num_edges());
}
BENCHMARK(BM_SpreadIC_EmailEuCore)->Args({1, 1})->Args({10, 1})->Args({10, 2})->Unit(benchmark::kMillisecond);

void BM_SpreadLT_EmailEuCore(benchmark::State& state) {
  const auto& g = dataset("email_eu_core");
  const auto seeds = some_people(g, static_cast<std::size_t>(state.range(0)));
  double reach = 0;
  for (auto _ : state) {
    auto r = orgnet::simulate_spread(g, seeds,
                                     {.model = orgnet::CascadeModel::linear_threshold,
                                      .simulations = 10000,
                                      .lt_weights = orgnet::LinearThresholdWeights::normalize,
                                      .threads = static_cast<int>(state.range(1))});
    reach = r.expected_reach;
    benchmark::DoNotOptimize(r.probability.data());
  }
  state.counters["expected_reach"] = reach;
}
BENCHMARK(BM_SpreadLT_EmailEuCore)->Args({10, 1})->Args({10, 2})->Unit(benchmark::kMillisecond);

// args: people, solver (0 automatic, 2 iterative)
void BM_FriedkinJohnsenWithLeverage(benchmark::State& state) {
  const auto& g = company(static_cast<std::size_t>(state.range(0)));
  const std::size_t n = g.num_vertices();
  std::vector<double> x0(n), stubborn(n);
  orgnet::detail::SplitMix64 rng(3);
  for (std::size_t v = 0; v < n; ++v) {
    x0[v] = 2 * rng.uniform() - 1;
    stubborn[v] = 0.1 + 0.8 * rng.uniform();
  }
  const auto solver = static_cast<orgnet::OpinionSolver>(state.range(1));
  double residual = 0, iterations = 0;
  for (auto _ : state) {
    auto r = orgnet::friedkin_johnsen(g, x0, {.stubbornness_by_person = stubborn, .solver = solver});
    residual = r.residual;
    iterations = static_cast<double>(r.iterations);
    benchmark::DoNotOptimize(r.leverage.data());
  }
  state.counters["edges"] = static_cast<double>(g.num_edges());
  state.counters["residual"] = residual;
  state.counters["iterations"] = iterations;
}
BENCHMARK(BM_FriedkinJohnsenWithLeverage)
    ->Args({1000, 0})
    ->Args({10000, 2})
    ->Args({100000, 2})
    ->Unit(benchmark::kMillisecond);

void BM_BestChainWithin3Steps(benchmark::State& state) {
  const auto& g = company(static_cast<std::size_t>(state.range(0)));
  const auto seeds = some_people(g, 10);
  for (auto _ : state) {
    auto r = orgnet::reachable_within(
        g, seeds, {.max_steps = 3, .min_probability = 0.1, .method = orgnet::ReachabilityMethod::best_chain});
    benchmark::DoNotOptimize(r.probability.data());
  }
}
BENCHMARK(BM_BestChainWithin3Steps)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_CelfLazega(benchmark::State& state) {
  const auto& g = dataset("lazega");
  std::size_t evaluations = 0;
  for (auto _ : state) {
    auto r = orgnet::celf_seeds(g, {.k = static_cast<std::size_t>(state.range(0)), .simulations = 1000});
    evaluations = r.evaluations;
    benchmark::DoNotOptimize(r.seeds.data());
  }
  state.counters["evaluations"] = static_cast<double>(evaluations);
}
BENCHMARK(BM_CelfLazega)->Arg(5)->Unit(benchmark::kMillisecond);

// The company's ties as one weighted-cascade relation (each person's
// in-strengths sum to 1; as benchmarks/bench_persuasion.cpp does): the
// default map merges advice and communication by noisy-or, in-sums up to 2,
// and one seed then reaches a large share of the company.
const orgnet::InfluenceGraph& weighted_cascade_company(std::size_t people) {
  static std::map<std::size_t, orgnet::InfluenceGraph> cache;
  auto it = cache.find(people);
  if (it != cache.end()) return it->second;
  const auto& base = company(people);
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
    b.add_tie(base.id(reversed ? t.target : t.source), base.id(reversed ? t.source : t.target), "influence", t.weight);
  }
  return cache.emplace(people, std::move(b).build()).first->second;
}

// args: people, k, model (0 = IC, 1 = LT normalized), threads; epsilon 0.1, delta 0.05.
void BM_Imm(benchmark::State& state) {
  const auto& g = weighted_cascade_company(static_cast<std::size_t>(state.range(0)));
  orgnet::ImmResult r;
  for (auto _ : state) {
    r = orgnet::imm_seeds(g, {.model = state.range(2) ? orgnet::CascadeModel::linear_threshold
                                                      : orgnet::CascadeModel::independent_cascade,
                              .lt_weights = orgnet::LinearThresholdWeights::normalize,
                              .k = static_cast<std::size_t>(state.range(1)),
                              .epsilon = 0.1,
                              .threads = static_cast<int>(state.range(3))});
    benchmark::DoNotOptimize(r.seeds.data());
  }
  state.counters["spread"] = r.spread;
  state.counters["rr_sets"] = static_cast<double>(r.rr_sets);
  state.counters["theta"] = static_cast<double>(r.theta);
  state.counters["lower_bound"] = r.lower_bound;
}
BENCHMARK(BM_Imm)
    ->Args({100000, 10, 0, 2})
    ->Args({100000, 50, 0, 2})
    ->Args({100000, 50, 0, 1})
    ->Args({100000, 50, 1, 2})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

}  // namespace
