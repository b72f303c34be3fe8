// Reverse-reachable sets and greedy maximum coverage (see reverse_reachable.hpp).

#include "orgnet/diffusion/reverse_reachable.hpp"
#include "support/progress.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <string>

#include "live_edge.hpp"
#include "orgnet/centrality/detail/parallel_reduce.hpp"
#include "orgnet/detail/random.hpp"
#include "orgnet/error.hpp"

namespace orgnet {

void RRSets::append(const RRSets& other) {
  const std::uint64_t base = members.size();
  members.insert(members.end(), other.members.begin(), other.members.end());
  offsets.reserve(offsets.size() + other.size());
  for (std::size_t i = 1; i < other.offsets.size(); ++i) offsets.push_back(base + other.offsets[i]);
}

namespace {

// Samples per work item: a constant, so the cut never depends on the threads.
constexpr std::uint64_t block_samples = 512;

struct Scratch {
  std::vector<std::uint32_t> stamp;  // stamp[v] == epoch: v is in the current set
  std::uint32_t epoch = 0;
  explicit Scratch(std::size_t n) : stamp(n, 0) {}
};

// In-degrees from which ties are drawn by geometric skipping.
constexpr std::size_t skip_degree = 16;

}  // namespace

RRSampler::RRSampler(const InfluenceGraph& g, CascadeModel model, LinearThresholdWeights lt_weights,
                     const std::string& caller)
    : graph_(&g), model_(model), lt_weights_(lt_weights) {
  const auto offsets = g.in_offsets();
  const auto sources = g.in_sources();
  if (model == CascadeModel::linear_threshold) {
    // The simulation's validation and normalization, and its running sums.
    const detail::diffusion::LiveEdgeModel live(g, model, lt_weights, caller);
    source_.assign(sources.begin(), sources.end());
    strength_.assign(live.cumulative().begin(), live.cumulative().end());
    return;
  }
  const auto ids = g.in_edge_ids();
  const auto strengths = g.strengths();
  source_.resize(sources.size());
  strength_.resize(sources.size());
  log_miss_.resize(sources.size());
  skip_.assign(offsets.empty() ? 0 : offsets.size() - 1, 0);
  std::vector<std::pair<double, vertex_id>> list;
  for (std::size_t v = 0; v + 1 < offsets.size(); ++v) {
    list.clear();
    for (edge_id k = offsets[v]; k < offsets[v + 1]; ++k) list.emplace_back(strengths[ids[k]], sources[k]);
    // Decreasing strength; equal strengths by source id (a fixed order).
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
      return a.first > b.first || (a.first == b.first && a.second < b.second);
    });
    double sum = 0.0;
    for (std::size_t i = 0; i < list.size(); ++i) {
      strength_[offsets[v] + i] = list[i].first;
      source_[offsets[v] + i] = list[i].second;
      log_miss_[offsets[v] + i] = std::log1p(-list[i].first);
      sum += list[i].first;
    }
    // Skipping draws about one candidate per unit of strength (and a log
    // each); flipping costs one cheap draw per tie.
    skip_[v] = list.size() >= skip_degree && sum * 16.0 <= static_cast<double>(list.size()) ? 1 : 0;
  }
}

void RRSampler::sample(std::uint64_t count, const RRSampleOptions& options, RRSets& out) const {
  const InfluenceGraph& g = *graph_;
  const std::size_t n = g.num_vertices();
  if (options.threads < 0) {
    throw invalid_argument("sample_rr_sets: threads must be >= 0, got " + std::to_string(options.threads));
  }
  if (options.root && *options.root >= n) {
    throw out_of_range("sample_rr_sets: root " + std::to_string(*options.root) + " is out of range (graph has " +
                       std::to_string(n) + " people)");
  }
  if (!options.root && n == 0 && count > 0) {
    throw invalid_argument("sample_rr_sets: random roots need at least one person");
  }
  if (options.model != model_ || (model_ == CascadeModel::linear_threshold && options.lt_weights != lt_weights_)) {
    throw invalid_argument("RRSampler::sample: options ask for model " + std::string(to_string(options.model)) +
                           " but the sampler was built for " + std::string(to_string(model_)));
  }
  if (count == 0) return;
  const edge_id* offsets = g.in_offsets().data();
  const vertex_id* sources = source_.data();
  const double* strength = strength_.data();
  const double* log_miss = log_miss_.data();
  const char* skip = skip_.data();
  // One RR set from `root`, appended to part.members (the root first).
  auto one_set = [&](vertex_id root, detail::SplitMix64& rng, Scratch& scratch, RRSets& part) {
    if (++scratch.epoch == 0) {  // wrapped: clear the stamps
      std::fill(scratch.stamp.begin(), scratch.stamp.end(), 0);
      scratch.epoch = 1;
    }
    const std::uint32_t epoch = scratch.epoch;
    std::uint32_t* stamp = scratch.stamp.data();
    std::vector<vertex_id>& members = part.members;
    std::size_t head = members.size();
    members.push_back(root);
    stamp[root] = epoch;
    auto reach = [&](vertex_id u) {
      if (stamp[u] != epoch) {
        stamp[u] = epoch;
        members.push_back(u);
      }
    };
    if (model_ == CascadeModel::linear_threshold) {
      // Reverse random walk: one in-tie with probability w, none with 1 - sum.
      vertex_id v = root;
      for (;;) {
        const edge_id begin = offsets[v], end = offsets[v + 1];
        if (begin == end) break;
        const double u = rng.uniform();
        const double* it = std::upper_bound(strength + begin, strength + end, u);
        if (it == strength + end) break;
        const vertex_id w = sources[it - strength];
        if (stamp[w] == epoch) break;  // closed a cycle
        stamp[w] = epoch;
        members.push_back(w);
        v = w;
      }
      part.offsets.push_back(members.size());
      return;
    }
    while (head < members.size()) {
      const vertex_id v = members[head++];
      const edge_id begin = offsets[v], end = offsets[v + 1];
      if (!skip[v]) {
        for (edge_id k = begin; k < end; ++k) {
          if (stamp[sources[k]] == epoch) continue;  // already in: its coin cannot matter
          if (rng.uniform() < strength[k]) reach(sources[k]);
        }
        continue;
      }
      // Geometric skipping over the ties sorted by decreasing strength.
      edge_id k = begin;
      while (k < end) {
        const double q = strength[k];
        if (q >= 1.0) {
          reach(sources[k++]);
          continue;
        }
        // Ties k, k+1, ... are candidates with probability q each: skip to the first.
        const double u = rng.uniform();
        const double jump = std::floor(std::log1p(-u) / log_miss[k]);
        if (!(jump < static_cast<double>(end - k))) break;
        k += static_cast<edge_id>(jump);
        if (strength[k] >= q || rng.uniform() * q < strength[k]) reach(sources[k]);
        ++k;
      }
    }
    part.offsets.push_back(members.size());
  };
  const std::uint64_t blocks = (count + block_samples - 1) / block_samples;
  std::vector<RRSets> parts(blocks);
  detail::ProgressTask progress("reverse-reachable sets", count);
  detail::parallel_for_items(
      blocks, detail::resolve_threads(options.threads), 1, [n] { return Scratch(n); },
      [&](Scratch& scratch, std::size_t b) {
        RRSets& part = parts[b];
        const std::uint64_t first = b * block_samples, last = std::min(count, first + block_samples);
        for (std::uint64_t i = first; i < last; ++i) {
          detail::SplitMix64 rng(detail::stream_seed(options.seed, options.first + i));
          const vertex_id root = options.root ? *options.root : static_cast<vertex_id>(rng.below(n));
          one_set(root, rng, scratch, part);
        }
        progress.advance(last - first);
      },
      [](Scratch&) {});
  std::uint64_t total = 0;
  for (const RRSets& p : parts) total += p.members.size();
  out.members.reserve(out.members.size() + total);
  out.offsets.reserve(out.offsets.size() + count);
  for (RRSets& p : parts) {
    out.append(p);
    p = RRSets{};
  }
}

void sample_rr_sets(const InfluenceGraph& g, std::uint64_t count, const RRSampleOptions& options, RRSets& out) {
  RRSampler(g, options.model, options.lt_weights, "sample_rr_sets").sample(count, options, out);
}
RRSets sample_rr_sets(const InfluenceGraph& g, std::uint64_t count, const RRSampleOptions& options) {
  RRSets out;
  sample_rr_sets(g, count, options, out);
  return out;
}

CoverageResult greedy_max_coverage(const RRSets& sets, std::size_t n, const CoverageOptions& options) {
  if (!options.allowed.empty() && options.allowed.size() != n) {
    throw invalid_argument("greedy_max_coverage: allowed has " + std::to_string(options.allowed.size()) +
                           " entries, expected " + std::to_string(n));
  }
  if (!options.costs.empty()) {
    if (options.costs.size() != n) {
      throw invalid_argument("greedy_max_coverage: costs has " + std::to_string(options.costs.size()) +
                             " entries, expected " + std::to_string(n));
    }
    for (std::size_t v = 0; v < n; ++v) {
      if (!(options.costs[v] > 0.0) || !std::isfinite(options.costs[v])) {
        throw invalid_argument("greedy_max_coverage: the cost of vertex " + std::to_string(v) +
                               " must be finite and > 0");
      }
    }
  }
  const std::size_t count = sets.size();
  // Inverted index: the sets containing each person (CSR).
  std::vector<std::uint64_t> first(n + 1, 0);
  for (const vertex_id v : sets.members) ++first[v + 1];
  for (std::size_t v = 0; v < n; ++v) first[v + 1] += first[v];
  std::vector<std::uint32_t> in_sets(sets.members.size());
  {
    std::vector<std::uint64_t> at(first.begin(), first.end() - 1);
    for (std::size_t i = 0; i < count; ++i) {
      for (const vertex_id v : sets[i]) in_sets[at[v]++] = static_cast<std::uint32_t>(i);
    }
  }
  std::vector<std::uint64_t> gain(n);
  for (std::size_t v = 0; v < n; ++v) gain[v] = first[v + 1] - first[v];
  std::vector<char> covered(count, 0), taken(n, 0);
  auto allowed = [&](std::size_t v) { return options.allowed.empty() || options.allowed[v] != 0; };
  auto cost = [&](std::size_t v) { return options.costs.empty() ? 1.0 : options.costs[v]; };

  CoverageResult result;
  for (const vertex_id a : options.already) {
    if (a >= n) {
      throw out_of_range("greedy_max_coverage: already-convinced vertex " + std::to_string(a) + " is out of range (" +
                         std::to_string(n) + " people)");
    }
    if (taken[a]) continue;
    taken[a] = 1;
    for (std::uint64_t k = first[a]; k < first[a + 1]; ++k) {
      const std::uint32_t i = in_sets[k];
      if (covered[i]) continue;
      covered[i] = 1;
      ++result.already_covered;
      for (const vertex_id u : sets[i]) --gain[u];
    }
  }
  const bool unit = options.costs.empty();
  // Gains relative to the already-convinced people (0 for them), for the
  // single-person comparison with costs.
  const std::vector<std::uint64_t> start_gain = unit ? std::vector<std::uint64_t>{} : gain;
  result.optimum_upper =
      unit ? static_cast<double>(count - result.already_covered) : std::numeric_limits<double>::infinity();
  std::vector<std::uint64_t> top;
  // The k largest marginal gains among the allowed people not yet taken.
  auto bound_here = [&] {
    if (!unit || options.k == 0) return;
    top.clear();
    for (std::size_t v = 0; v < n; ++v) {
      if (!taken[v] && gain[v] > 0 && allowed(v)) top.push_back(gain[v]);
    }
    const std::size_t kk = std::min(top.size(), options.k);
    std::nth_element(top.begin(), top.begin() + static_cast<long>(kk), top.end(), std::greater<>());
    std::uint64_t sum = result.covered;
    for (std::size_t i = 0; i < kk; ++i) sum += top[i];
    result.optimum_upper = std::min(result.optimum_upper, static_cast<double>(sum));
  };
  while (result.chosen.size() < options.k) {
    if (options.stop_at != 0 && result.covered >= options.stop_at) break;
    bound_here();
    std::size_t best = n;
    double best_score = 0.0;
    for (std::size_t v = 0; v < n; ++v) {
      if (taken[v] || gain[v] == 0 || !allowed(v) || result.cost + cost(v) > options.budget) continue;
      const double score = static_cast<double>(gain[v]) / cost(v);
      if (score > best_score) {  // strict: ties keep the smallest id
        best_score = score;
        best = v;
      }
    }
    if (best == n) break;
    taken[best] = 1;
    result.chosen.push_back(static_cast<vertex_id>(best));
    result.gains.push_back(gain[best]);
    result.covered += gain[best];
    result.cost += cost(best);
    for (std::uint64_t k = first[best]; k < first[best + 1]; ++k) {
      const std::uint32_t i = in_sets[k];
      if (covered[i]) continue;
      covered[i] = 1;
      for (const vertex_id u : sets[i]) --gain[u];
    }
  }
  if (result.chosen.size() == options.k || options.stop_at == 0) bound_here();
  // With costs, the ratio greedy can lose to one expensive person: compare
  // with the best single affordable person (Khuller, Moss and Naor).
  if (!options.costs.empty() && options.k >= 1) {
    std::size_t single = n;
    std::uint64_t single_cover = 0;
    for (std::size_t v = 0; v < n; ++v) {
      const std::uint64_t c = start_gain[v];
      if (allowed(v) && cost(v) <= options.budget && c > single_cover) {
        single_cover = c;
        single = v;
      }
    }
    if (single != n && single_cover > result.covered) {
      const std::uint64_t already_covered = result.already_covered;
      result =
          CoverageResult{{static_cast<vertex_id>(single)}, {single_cover}, single_cover, already_covered, cost(single)};
    }
  }
  return result;
}

std::vector<std::uint32_t> first_cover(const RRSets& sets, std::span<const vertex_id> people, std::size_t n) {
  std::vector<std::uint32_t> position(n, static_cast<std::uint32_t>(people.size()));
  for (std::size_t i = people.size(); i-- > 0;) {
    if (people[i] >= n) {
      throw out_of_range("first_cover: vertex " + std::to_string(people[i]) + " is out of range (graph has " +
                         std::to_string(n) + " people)");
    }
    position[people[i]] = static_cast<std::uint32_t>(i);
  }
  std::vector<std::uint32_t> out(sets.size(), static_cast<std::uint32_t>(people.size()));
  for (std::size_t i = 0; i < sets.size(); ++i) {
    for (const vertex_id v : sets[i]) out[i] = std::min(out[i], position[v]);
  }
  return out;
}

std::uint64_t count_covered(const RRSets& sets, std::span<const vertex_id> people, std::size_t n) {
  const auto first = first_cover(sets, people, n);
  return static_cast<std::uint64_t>(
      std::count_if(first.begin(), first.end(), [&](std::uint32_t p) { return p < people.size(); }));
}

}  // namespace orgnet
