#include <gtest/gtest.h>

#include <vector>

#include "diffusion/live_edge_oracle.hpp"
#include "orgnet/diffusion/celf.hpp"
#include "orgnet/diffusion/simulation.hpp"
#include "orgnet/error.hpp"
#include "orgnet/model/generators.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

using test::graph_of;

/// Plain (non-lazy) greedy on the sampled spread: simulate_spread with the
/// same seed and number of simulations explores exactly the same worlds.
std::vector<vertex_id> plain_greedy(const InfluenceGraph& g, std::size_t k, const SimulationOptions& sim,
                                    std::vector<vertex_id> chosen = {}) {
  const std::size_t fixed = chosen.size();
  while (chosen.size() < fixed + k) {
    double best = -1.0;
    vertex_id pick = no_vertex;
    for (vertex_id v = 0; v < g.num_vertices(); ++v) {
      if (std::find(chosen.begin(), chosen.end(), v) != chosen.end()) continue;
      auto with = chosen;
      with.push_back(v);
      const double f = simulate_spread(g, with, sim).expected_reach;
      if (f > best) {
        best = f;
        pick = v;
      }
    }
    chosen.push_back(pick);
  }
  return std::vector<vertex_id>(chosen.begin() + static_cast<std::ptrdiff_t>(fixed), chosen.end());
}

TEST(DiffusionCelf, EqualsPlainGreedyOnTheSameWorlds) {
  const auto g = generate_company({.people = 40, .departments = 3, .ties_per_person = 4, .seed = 3});
  for (auto model : {CascadeModel::independent_cascade, CascadeModel::linear_threshold}) {
    const CelfOptions o{
        .k = 3, .model = model, .lt_weights = LinearThresholdWeights::normalize, .simulations = 200, .seed = 5};
    const auto r = celf_seeds(g, o);
    const SimulationOptions sim{
        .model = model, .simulations = 200, .seed = 5, .lt_weights = LinearThresholdWeights::normalize, .threads = 1};
    EXPECT_EQ(r.seeds, plain_greedy(g, 3, sim));
    EXPECT_DOUBLE_EQ(r.spread, simulate_spread(g, r.seeds, sim).expected_reach);
    double sum = r.base_spread;
    for (std::size_t i = 0; i < r.marginal_gain.size(); ++i) {
      sum += r.marginal_gain[i];
      if (i > 0) {
        EXPECT_LE(r.marginal_gain[i], r.marginal_gain[i - 1]);
      }
    }
    EXPECT_NEAR(sum, r.spread, 1e-9);
    EXPECT_EQ(r.base_spread, 0.0);
    // Laziness pays: fewer evaluations than n per round after the first.
    EXPECT_LT(r.evaluations, 40u * 3u);
  }
}

TEST(DiffusionCelf, NearTheExactOptimumOnATinyGraph) {
  // Exhaustive search over all pairs with exact (enumerated) spread.
  const auto g = test::random_exact_graph(21, 7, 11);
  const auto r = celf_seeds(g, {.k = 2, .simulations = 4000, .seed = 2});
  ASSERT_EQ(r.seeds.size(), 2u);
  double best = 0.0;
  for (vertex_id a = 0; a < 7; ++a) {
    for (vertex_id b = a + 1; b < 7; ++b) best = std::max(best, test::exact_spread(g, {a, b}, false).expected_reach);
  }
  const double mine = test::exact_spread(g, r.seeds, false).expected_reach;
  EXPECT_GE(mine, 0.95 * best) << "CELF " << mine << " vs optimum " << best;
  EXPECT_GE(mine, (1.0 - 1.0 / 2.718281828459045) * best);
}

TEST(DiffusionCelf, CandidatesConvincedAndThreads) {
  const auto g = generate_company({.people = 80, .departments = 4, .ties_per_person = 5, .seed = 9});
  const std::vector<vertex_id> candidates{3, 10, 20, 30, 40, 50};
  const std::vector<vertex_id> convinced{0, 10};
  const CelfOptions o{
      .k = 3, .simulations = 200, .seed = 4, .candidates = candidates, .convinced = convinced, .threads = 1};
  const auto one = celf_seeds(g, o);
  auto o2 = o;
  o2.threads = 2;
  const auto two = celf_seeds(g, o2);
  EXPECT_EQ(one.seeds, two.seeds);
  EXPECT_EQ(one.marginal_gain, two.marginal_gain);
  ASSERT_EQ(one.seeds.size(), 3u);
  for (vertex_id s : one.seeds) {
    EXPECT_NE(std::find(candidates.begin(), candidates.end(), s), candidates.end());
    EXPECT_NE(s, 10u);  // convinced people are never chosen
  }
  const SimulationOptions sim{.simulations = 200, .seed = 4};
  EXPECT_DOUBLE_EQ(one.base_spread, simulate_spread(g, convinced, sim).expected_reach);
  auto all = convinced;
  all.insert(all.end(), one.seeds.begin(), one.seeds.end());
  EXPECT_DOUBLE_EQ(one.spread, simulate_spread(g, all, sim).expected_reach);
}

TEST(DiffusionCelf, DegenerateInputs) {
  const auto g = graph_of({"a", "b", "c"}, {{"a", "b", 1.0}});
  // k larger than the candidates: everyone, in greedy order (a reaches b; then c; then b adds nothing).
  const auto r = celf_seeds(g, {.k = 10, .simulations = 10});
  EXPECT_EQ(r.seeds, (std::vector<vertex_id>{0, 2, 1}));
  EXPECT_EQ(r.marginal_gain, (std::vector<double>{2.0, 1.0, 0.0}));
  EXPECT_EQ(r.spread, 3.0);
  const auto none = celf_seeds(g, {.k = 0});
  EXPECT_TRUE(none.seeds.empty());
  EXPECT_EQ(none.spread, 0.0);
  const auto empty = celf_seeds(InfluenceGraph{}, {});
  EXPECT_TRUE(empty.seeds.empty());
  // Everyone already convinced: nothing to choose.
  const auto done = celf_seeds(g, {.convinced = {0, 1, 2}});
  EXPECT_TRUE(done.seeds.empty());
  EXPECT_EQ(done.spread, 3.0);
  EXPECT_THROW((void)celf_seeds(g, {.candidates = {5}}), out_of_range);
  EXPECT_THROW((void)celf_seeds(g, {.simulations = 0}), invalid_argument);
}

}  // namespace
}  // namespace orgnet
