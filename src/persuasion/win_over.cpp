// The win-over plan (see persuasion/win_over.hpp).

#include "orgnet/persuasion/win_over.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

#include "orgnet/diffusion/reverse_reachable.hpp"
#include "orgnet/error.hpp"

namespace orgnet {

std::vector<vertex_id> WinOverPlan::people() const {
  std::vector<vertex_id> out;
  out.reserve(steps.size());
  for (const ApproachStep& s : steps) out.push_back(s.person);
  return out;
}

namespace {

// Stream ranges of the three kinds of samples (disjoint, so independent).
constexpr std::uint64_t phase2_first = std::uint64_t{1} << 40;
constexpr std::uint64_t evaluation_first = std::uint64_t{1} << 41;

void check_vertex(const InfluenceGraph& g, vertex_id v, const char* what) {
  if (v >= g.num_vertices()) {
    throw out_of_range(std::string(what) + " " + std::to_string(v) + " is out of range (graph has " +
                       std::to_string(g.num_vertices()) + " people)");
  }
}

void validate(const InfluenceGraph& g, vertex_id target, const WinOverOptions& o, const char* function) {
  check_vertex(g, target, (std::string(function) + ": target").c_str());
  if (!(o.epsilon > 0.0 && o.epsilon < 1.0)) {
    throw invalid_argument(std::string(function) + ": epsilon must lie in (0, 1), got " + std::to_string(o.epsilon));
  }
  if (!(o.delta > 0.0 && o.delta < 1.0)) {
    throw invalid_argument(std::string(function) + ": delta must lie in (0, 1), got " + std::to_string(o.delta));
  }
  if (o.threads < 0) throw invalid_argument(std::string(function) + ": threads must be >= 0");
  if (o.max_samples == 0) throw invalid_argument(std::string(function) + ": max_samples must be > 0");
  if (!o.costs.empty() && o.costs.size() != g.num_vertices()) {
    throw invalid_argument(std::string(function) + ": costs has " + std::to_string(o.costs.size()) +
                           " entries, expected one per person (" + std::to_string(g.num_vertices()) + ")");
  }
  for (std::size_t v = 0; v < o.costs.size(); ++v) {
    if (!(o.costs[v] > 0.0) || !std::isfinite(o.costs[v])) {
      throw invalid_argument(std::string(function) + ": the cost of '" + g.id(static_cast<vertex_id>(v)) +
                             "' must be finite and > 0");
    }
  }
  for (const vertex_id v : o.candidates) check_vertex(g, v, (std::string(function) + ": candidate").c_str());
  if (o.source) check_vertex(g, *o.source, (std::string(function) + ": source").c_str());
}

// People who can reach `target` (itself included): BFS over in-edges.
std::vector<char> reaching(const InfluenceGraph& g, vertex_id target) {
  std::vector<char> mark(g.num_vertices(), 0);
  std::vector<vertex_id> queue{target};
  mark[target] = 1;
  for (std::size_t head = 0; head < queue.size(); ++head) {
    for (const vertex_id u : g.in_neighbors(queue[head])) {
      if (!mark[u]) {
        mark[u] = 1;
        queue.push_back(u);
      }
    }
  }
  return mark;
}

std::vector<char> candidate_mask(const InfluenceGraph& g, vertex_id target, const WinOverOptions& o) {
  const std::size_t n = g.num_vertices();
  std::vector<char> allowed(n, o.candidates.empty() ? 1 : 0);
  for (const vertex_id v : o.candidates) allowed[v] = 1;
  allowed[target] = 0;
  if (o.source) {
    // People the source reaches within source_steps steps.
    std::vector<std::uint32_t> hops(n, UINT32_MAX);
    std::vector<vertex_id> queue{*o.source};
    hops[*o.source] = 0;
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const vertex_id v = queue[head];
      if (hops[v] >= o.source_steps) continue;
      for (const vertex_id w : g.out_neighbors(v)) {
        if (hops[w] == UINT32_MAX) {
          hops[w] = hops[v] + 1;
          queue.push_back(w);
        }
      }
    }
    for (std::size_t v = 0; v < n; ++v) {
      if (hops[v] == UINT32_MAX) allowed[v] = 0;
    }
  }
  if (o.exclude_target_reports) {
    for (const vertex_id r : g.direct_reports(target)) allowed[r] = 0;
  }
  return allowed;
}

double log_choose(double n, double k) { return std::lgamma(n + 1) - std::lgamma(k + 1) - std::lgamma(n - k + 1); }

// z with P(|Z| > z) = delta for a standard normal Z (bisection on erfc).
double two_sided_z(double delta) {
  double lo = 0.0, hi = 40.0;
  for (int i = 0; i < 200; ++i) {
    const double mid = 0.5 * (lo + hi);
    if (std::erfc(mid / std::sqrt(2.0)) > delta) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return 0.5 * (lo + hi);
}

// Wilson score interval for `hits` successes in `trials`.
void wilson(std::uint64_t hits, std::uint64_t trials, double delta, double& lower, double& upper) {
  if (trials == 0) {
    lower = 0.0;
    upper = 1.0;
    return;
  }
  const double n = static_cast<double>(trials), p = static_cast<double>(hits) / n, z = two_sided_z(delta);
  const double z2 = z * z, denominator = 1.0 + z2 / n;
  const double center = (p + z2 / (2 * n)) / denominator;
  const double half = z / denominator * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n));
  lower = std::max(0.0, center - half);
  upper = std::min(1.0, center + half);
  if (hits == 0) lower = 0.0;
  if (hits == trials) upper = 1.0;
}

CoverageOptions coverage_options(const WinOverOptions& o, const std::vector<char>& allowed, std::size_t k) {
  CoverageOptions c;
  c.k = k;
  c.allowed = allowed;
  c.costs = o.costs;
  c.budget = o.budget;
  return c;
}

// Evaluates `chosen` on fresh sets and fills the plan's estimate and steps.
void evaluate(const RRSampler& sampler, vertex_id target, const WinOverOptions& o, const std::vector<vertex_id>& chosen,
              std::uint64_t count, WinOverPlan& plan) {
  const InfluenceGraph& g = sampler.graph();
  RRSets sets;
  sampler.sample(count, {.root = target, .seed = o.seed, .first = evaluation_first, .threads = o.threads}, sets);
  const auto first = first_cover(sets, chosen, g.num_vertices());
  std::vector<std::uint64_t> hits(chosen.size() + 1, 0);
  for (const std::uint32_t p : first) ++hits[p];
  // Sets containing each chosen person (their probability alone).
  std::vector<std::uint64_t> alone(chosen.size(), 0);
  {
    std::vector<std::int32_t> position(g.num_vertices(), -1);
    for (std::size_t i = 0; i < chosen.size(); ++i) position[chosen[i]] = static_cast<std::int32_t>(i);
    for (const vertex_id v : sets.members) {
      if (position[v] >= 0) ++alone[static_cast<std::size_t>(position[v])];
    }
  }
  std::uint64_t covered = 0;
  plan.steps.clear();
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    covered += hits[i];
    ApproachStep step;
    step.person = chosen[i];
    step.gain = static_cast<double>(hits[i]) / static_cast<double>(count);
    step.probability = static_cast<double>(covered) / static_cast<double>(count);
    step.alone = static_cast<double>(alone[i]) / static_cast<double>(count);
    step.cost = o.costs.empty() ? 1.0 : o.costs[chosen[i]];
    if (o.chains_per_person > 0) step.chains = k_best_chains(g, chosen[i], target, o.chains_per_person).chains;
    plan.steps.push_back(std::move(step));
  }
  plan.evaluation_samples = count;
  plan.probability = static_cast<double>(covered) / static_cast<double>(count);
  wilson(covered, count, o.delta, plan.lower, plan.upper);
}

WinOverPlan empty_plan(vertex_id target, const WinOverOptions& o, std::size_t candidates) {
  WinOverPlan plan;
  plan.target = target;
  plan.confidence = 1.0 - o.delta;
  plan.guarantee = true;
  plan.candidates = candidates;
  plan.epsilon = o.epsilon;
  plan.delta = o.delta;
  plan.seed = o.seed;
  return plan;
}

}  // namespace

WinOverPlan win_over_plan(const InfluenceGraph& g, vertex_id target, const WinOverOptions& o) {
  validate(g, target, o, "win_over_plan");
  const std::size_t n = g.num_vertices();
  std::vector<char> allowed = candidate_mask(g, target, o);
  const auto can_reach = reaching(g, target);
  std::size_t candidates = 0, useful = 0;
  for (std::size_t v = 0; v < n; ++v) {
    candidates += allowed[v] ? 1 : 0;
    useful += allowed[v] && can_reach[v] ? 1 : 0;
  }
  WinOverPlan plan = empty_plan(target, o, candidates);
  // Nobody allowed can reach the target: the probability is exactly 0.
  if (o.k == 0 || useful == 0) return plan;

  const double k = static_cast<double>(std::min(o.k, useful));
  const double c = static_cast<double>(useful);  // people outside the target's reach never help
  const double log_sets = log_choose(c, k);
  const double e1 = 1.0 - 1.0 / std::exp(1.0);
  const double max_samples = static_cast<double>(o.max_samples);
  const CoverageOptions cover = coverage_options(o, allowed, o.k);
  const RRSampler sampler(g);

  // A deterministic floor under OPT: the strongest direct ties into the
  // target from allowed people, 1 - prod (1 - s) over the k strongest (their
  // coins are independent), or one sampled set's worth when there are none.
  std::vector<double> direct;
  for (const edge_id e : g.in_edges(target)) {
    const vertex_id u = g.edge_source(e);
    if (allowed[u]) direct.push_back(g.strength(e));
  }
  std::sort(direct.begin(), direct.end(), std::greater<>());
  double miss = 1.0;
  for (std::size_t i = 0; i < direct.size() && i < static_cast<std::size_t>(k); ++i) miss *= 1.0 - direct[i];
  const double floor = std::max(1.0 - miss, 1.0 / max_samples);

  // theta_max: IMM's sample size for OPT >= floor (enough on its own).
  const double log6 = std::log(6.0 / o.delta);
  const double theta_max =
      std::min(max_samples, std::ceil(2.0 * std::pow(e1 * std::sqrt(log6) + std::sqrt(e1 * (log_sets + log6)), 2) /
                                      (o.epsilon * o.epsilon * floor)));
  const double theta_0 = std::min(theta_max, std::ceil(std::max(1000.0, log6 / (o.epsilon * o.epsilon))));
  const double rounds = std::max(1.0, std::ceil(std::log2(theta_max / theta_0)) + 1.0);
  const double a = std::log(3.0 * rounds / o.delta);
  // OPIM-C: select on R1, certify on R2, double both until the certified
  // ratio reaches 1 - 1/e - epsilon (or theta_max is reached).
  RRSets r1, r2;
  CoverageResult chosen;
  double theta = theta_0;
  while (true) {
    const auto want = static_cast<std::uint64_t>(theta);
    sampler.sample(want - r1.size(), {.root = target, .seed = o.seed, .first = r1.size(), .threads = o.threads}, r1);
    sampler.sample(want - r2.size(),
                   {.root = target, .seed = o.seed, .first = phase2_first + r2.size(), .threads = o.threads}, r2);
    chosen = greedy_max_coverage(r1, n, cover);
    const double n1 = static_cast<double>(r1.size()), n2 = static_cast<double>(r2.size());
    const double covered2 = static_cast<double>(count_covered(r2, chosen.chosen, n));
    const double upper_cover =
        std::isfinite(chosen.optimum_upper) ? chosen.optimum_upper : static_cast<double>(chosen.covered) / e1;
    const double upper = std::pow(std::sqrt(upper_cover + a / 2.0) + std::sqrt(a / 2.0), 2) / n1;
    const double lower =
        std::max(0.0, (std::pow(std::sqrt(covered2 + 2.0 * a / 9.0) - std::sqrt(a / 2.0), 2) - a / 18.0) / n2);
    plan.optimum_lower_bound = std::max(lower, plan.optimum_lower_bound);
    plan.optimum_upper_bound = std::min(1.0, upper);
    const bool certified = upper > 0.0 && lower / upper >= e1 - o.epsilon;
    if (certified || theta >= theta_max) {
      plan.guarantee = certified || theta_max < max_samples;
      break;
    }
    theta = std::min(theta_max, 2.0 * theta);
  }
  plan.samples = r1.size() + r2.size();
  plan.selection_probability = static_cast<double>(chosen.covered) / static_cast<double>(r1.size());
  // Fresh sets for the estimate: as many as R2, and enough for an interval
  // of half-width at most epsilon / 4 (Wilson, z^2 / (4 N) <= (epsilon/4)^2).
  const double z = two_sided_z(o.delta);
  const auto evaluation = static_cast<std::uint64_t>(std::min(
      max_samples, std::max(static_cast<double>(r2.size()), std::ceil(4.0 * z * z / (o.epsilon * o.epsilon)))));
  r1 = RRSets{};
  r2 = RRSets{};
  evaluate(sampler, target, o, chosen.chosen, evaluation, plan);
  return plan;
}

WinOverPlan smallest_win_over_set(const InfluenceGraph& g, vertex_id target, double goal, const WinOverOptions& o) {
  validate(g, target, o, "smallest_win_over_set");
  if (!(goal > 0.0 && goal <= 1.0)) {
    throw invalid_argument("smallest_win_over_set: goal must lie in (0, 1], got " + std::to_string(goal));
  }
  const std::size_t n = g.num_vertices();
  std::vector<char> allowed = candidate_mask(g, target, o);
  const auto can_reach = reaching(g, target);
  std::size_t candidates = 0, useful = 0;
  for (std::size_t v = 0; v < n; ++v) {
    candidates += allowed[v] ? 1 : 0;
    useful += allowed[v] && can_reach[v] ? 1 : 0;
  }
  WinOverPlan plan = empty_plan(target, o, candidates);
  plan.goal = goal;
  if (useful == 0) return plan;
  const std::size_t max_size = o.k == 0 ? useful : std::min(o.k, useful);
  const double theta = std::ceil(std::log(2.0 * static_cast<double>(useful) * static_cast<double>(max_size) / o.delta) /
                                 (2.0 * o.epsilon * o.epsilon));
  const auto count = static_cast<std::uint64_t>(std::min(theta, static_cast<double>(o.max_samples)));
  plan.guarantee = theta <= static_cast<double>(o.max_samples);
  const RRSampler sampler(g);
  RRSets sets;
  sampler.sample(count, {.root = target, .seed = o.seed, .first = phase2_first, .threads = o.threads}, sets);
  CoverageOptions cover = coverage_options(o, allowed, max_size);
  cover.stop_at = static_cast<std::uint64_t>(std::ceil(goal * static_cast<double>(count)));
  const CoverageResult chosen = greedy_max_coverage(sets, n, cover);
  plan.samples = count;
  plan.selection_probability = static_cast<double>(chosen.covered) / static_cast<double>(count);
  plan.goal_reached = chosen.covered >= cover.stop_at;
  sets = RRSets{};
  evaluate(sampler, target, o, chosen.chosen, count, plan);
  return plan;
}

std::vector<double> exact_win_probabilities(const InfluenceGraph& g, vertex_id target,
                                            const std::vector<std::vector<vertex_id>>& seed_sets,
                                            const ExactWinOptions& options) {
  check_vertex(g, target, "exact_win_probabilities: target");
  if (options.max_uncertain > 30) {
    throw invalid_argument("exact_win_probabilities: max_uncertain must be at most 30, got " +
                           std::to_string(options.max_uncertain));
  }
  for (const auto& set : seed_sets) {
    for (const vertex_id v : set) check_vertex(g, v, "exact_win_probabilities: seed");
  }
  const std::size_t n = g.num_vertices();
  const auto can_reach = reaching(g, target);
  // The uncertain ties that can matter: in-ties of people who reach the target.
  std::vector<std::int32_t> bit_of;
  std::vector<double> p_live;
  std::size_t uncertain = 0;
  for (std::size_t v = 0; v < n; ++v) {
    if (!can_reach[v]) continue;
    for (const edge_id e : g.in_edges(static_cast<vertex_id>(v))) {
      if (g.strength(e) < 1.0) ++uncertain;
    }
  }
  if (uncertain > options.max_uncertain) {
    throw invalid_argument("exact_win_probabilities: " + std::to_string(uncertain) +
                           " uncertain ties can matter, more than max_uncertain = " +
                           std::to_string(options.max_uncertain) + " (2^" + std::to_string(uncertain) + " worlds)");
  }
  bit_of.assign(g.num_edges(), -1);
  for (std::size_t v = 0; v < n; ++v) {
    if (!can_reach[v]) continue;
    for (const edge_id e : g.in_edges(static_cast<vertex_id>(v))) {
      if (g.strength(e) < 1.0) {
        bit_of[e] = static_cast<std::int32_t>(p_live.size());
        p_live.push_back(g.strength(e));
      }
    }
  }
  std::vector<double> result(seed_sets.size(), 0.0);
  std::vector<char> reached(n, 0);
  std::vector<vertex_id> queue;
  const std::uint64_t worlds = std::uint64_t{1} << uncertain;
  for (std::uint64_t world = 0; world < worlds; ++world) {
    double p = 1.0;
    for (std::size_t b = 0; b < uncertain; ++b) p *= (world >> b) & 1 ? p_live[b] : 1.0 - p_live[b];
    queue.assign(1, target);
    reached[target] = 1;
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const vertex_id v = queue[head];
      const auto sources = g.in_neighbors(v);
      const auto edges = g.in_edges(v);
      for (std::size_t i = 0; i < sources.size(); ++i) {
        const std::int32_t b = bit_of[edges[i]];
        if (b >= 0 && !((world >> b) & 1)) continue;
        if (!reached[sources[i]]) {
          reached[sources[i]] = 1;
          queue.push_back(sources[i]);
        }
      }
    }
    for (std::size_t s = 0; s < seed_sets.size(); ++s) {
      for (const vertex_id v : seed_sets[s]) {
        if (reached[v]) {
          result[s] += p;
          break;
        }
      }
    }
    for (const vertex_id v : queue) reached[v] = 0;
  }
  return result;
}

double exact_win_probability(const InfluenceGraph& g, vertex_id target, std::span<const vertex_id> seeds,
                             const ExactWinOptions& options) {
  return exact_win_probabilities(g, target, {std::vector<vertex_id>(seeds.begin(), seeds.end())}, options)[0];
}

}  // namespace orgnet
