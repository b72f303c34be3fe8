#include "orgnet/diffusion/reachability.hpp"

#include <algorithm>
#include <string>

#include "live_edge.hpp"
#include "orgnet/error.hpp"
#include "orgnet/io/csv_writer.hpp"

namespace orgnet {

std::string_view to_string(ReachabilityMethod method) {
  switch (method) {
    case ReachabilityMethod::cascade:
      return "cascade";
    case ReachabilityMethod::best_chain:
      return "best_chain";
  }
  return "?";
}

ReachabilityMethod parse_reachability_method(std::string_view text) {
  if (text == "cascade") return ReachabilityMethod::cascade;
  if (text == "best_chain") return ReachabilityMethod::best_chain;
  throw invalid_argument("unknown reachability method '" + std::string(text) + "' (expected cascade or best_chain)");
}

namespace {

/// Hop-limited Bellman–Ford over products: best[v] after round k is the best
/// chain of at most k steps; round k relaxes only from people whose value
/// changed in round k - 1, using their round k - 1 value.
void best_chains(const InfluenceGraph& g, const std::vector<vertex_id>& seeds, std::size_t max_steps,
                 std::vector<double>& best, std::vector<std::size_t>& steps) {
  const std::size_t n = g.num_vertices();
  best.assign(n, 0.0);
  steps.assign(n, unreached);
  std::vector<vertex_id> frontier;
  for (vertex_id s : seeds) {
    best[s] = 1.0;
    steps[s] = 0;
    frontier.push_back(s);
  }
  std::vector<double> previous;
  std::vector<char> changed(n, 0);
  const auto offsets = g.out_offsets();
  const auto targets = g.out_targets();
  const auto strengths = g.strengths();
  for (std::size_t round = 1; !frontier.empty() && (max_steps == 0 || round <= max_steps); ++round) {
    previous = best;
    std::vector<vertex_id> next;
    for (vertex_id u : frontier) {
      for (edge_id e = offsets[u]; e < offsets[u + 1]; ++e) {
        const vertex_id v = targets[e];
        const double candidate = previous[u] * strengths[e];
        if (candidate > best[v]) {
          best[v] = candidate;
          steps[v] = round;
          if (!changed[v]) {
            changed[v] = 1;
            next.push_back(v);
          }
        }
      }
    }
    std::sort(next.begin(), next.end());
    for (vertex_id v : next) changed[v] = 0;
    frontier = std::move(next);
  }
}

}  // namespace

ReachabilityResult reachable_within(const InfluenceGraph& graph, std::span<const vertex_id> seeds,
                                    const ReachabilityOptions& options) {
  const std::string function = "reachable_within";
  if (!(options.min_probability > 0.0 && options.min_probability <= 1.0)) {
    throw invalid_argument(function + ": min_probability = " + format_number(options.min_probability) +
                           " must lie in (0, 1]");
  }
  const auto distinct = detail::diffusion::checked_seeds(graph, seeds, function);
  ReachabilityResult result;
  result.method = options.method;
  result.max_steps = options.max_steps;
  result.min_probability = options.min_probability;
  const double p = options.min_probability;
  if (options.method == ReachabilityMethod::best_chain) {
    best_chains(graph, distinct, options.max_steps, result.probability, result.steps);
  } else {
    SimulationOptions simulation = options.simulation;
    simulation.max_steps = options.max_steps;
    SimulationResult s = simulate_spread(graph, distinct, simulation);
    result.probability = std::move(s.probability);
    result.margin = s.probability_margin;
    std::vector<char> is_seed(graph.num_vertices(), 0);
    for (vertex_id v : distinct) is_seed[v] = 1;
    for (vertex_id v = 0; v < graph.num_vertices(); ++v) {
      const double x = result.probability[v];
      if (!is_seed[v] && x - result.margin < p && p <= x + result.margin) result.uncertain.push_back(v);
    }
  }
  for (vertex_id v = 0; v < graph.num_vertices(); ++v) {
    if (result.probability[v] >= p) result.reached.push_back(v);
  }
  std::stable_sort(result.reached.begin(), result.reached.end(),
                   [&](vertex_id a, vertex_id b) { return result.probability[a] > result.probability[b]; });
  return result;
}

}  // namespace orgnet
