// Diffusion on a real organization (Lazega's law firm, bundled): whom to start
// with, how far the idea spreads, which offices resist, and whose opinion
// moves the firm most.
//
//   build/release/examples/example_diffusion

#include <orgnet/orgnet.hpp>

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <vector>

int main() {
  try {
    const orgnet::InfluenceGraph g = orgnet::load_dataset("lazega");

    // 1. Whom to start with: three people by the CELF greedy (1,000 worlds).
    const orgnet::CelfResult pick = orgnet::celf_seeds(g, {.k = 3, .simulations = 1000, .seed = 1});
    std::printf("Start with:");
    for (std::size_t i = 0; i < pick.seeds.size(); ++i) {
      std::printf(" %s (+%.1f)", g.id(pick.seeds[i]).c_str(), pick.marginal_gain[i]);
    }
    std::printf("\n");

    // 2. How far it spreads: a fresh, independent simulation of those seeds.
    const orgnet::SimulationResult spread = orgnet::simulate_spread(g, pick.seeds, {.simulations = 10000, .seed = 2});
    std::printf("Expected reach %.1f of %zu people (95%% interval %.1f .. %.1f)\n", spread.expected_reach,
                g.num_vertices(), spread.reach_low, spread.reach_high);
    std::printf("By step:");
    for (double x : spread.adoption_curve) std::printf(" %.1f", x);
    std::printf("\n");

    // 3. Which offices resist: lowest expected adoption first.
    std::vector<orgnet::department_id> offices(g.num_departments());
    std::iota(offices.begin(), offices.end(), 0);
    std::sort(offices.begin(), offices.end(),
              [&](auto a, auto b) { return spread.department_adoption[a] < spread.department_adoption[b]; });
    for (auto d : offices) {
      std::printf("  %-12s %5.1f%% of %zu\n", g.department_name(d).c_str(), 100.0 * spread.department_adoption[d],
                  g.department_members(d).size());
    }

    // 4. Whose opinion moves the firm most: leverage on the mean equilibrium
    //    stance (Friedkin-Johnsen, stubbornness 0.3; no stances needed).
    const std::vector<double> unknown(g.num_vertices(), 0.0);
    const orgnet::OpinionResult opinion = orgnet::friedkin_johnsen(g, unknown, {.stubbornness = 0.3});
    const auto top = orgnet::top_k(g, opinion.leverage, {.k = 3});
    std::printf("Most leverage on the firm's mean stance:");
    for (const auto& row : top) std::printf(" %s (%.3f)", row.id.c_str(), row.score);
    std::printf("\n");
    return spread.expected_reach >= static_cast<double>(pick.seeds.size()) ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 2;
  }
}
