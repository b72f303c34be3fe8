#include "orgnet/structure/communities.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

#include "orgnet/detail/random.hpp"
#include "orgnet/error.hpp"

namespace orgnet {

std::string_view to_string(ModularityKind kind) {
  switch (kind) {
    case ModularityKind::undirected:
      return "undirected";
    case ModularityKind::directed:
      return "directed";
  }
  return "?";
}

ModularityKind parse_modularity_kind(std::string_view text) {
  for (auto k : {ModularityKind::undirected, ModularityKind::directed}) {
    if (text == to_string(k)) return k;
  }
  throw invalid_argument("unknown modularity kind '" + std::string(text) + "' (expected undirected or directed)");
}

std::string_view to_string(CommunityAlgorithm algorithm) {
  switch (algorithm) {
    case CommunityAlgorithm::louvain:
      return "louvain";
    case CommunityAlgorithm::leiden:
      return "leiden";
  }
  return "?";
}

CommunityAlgorithm parse_community_algorithm(std::string_view text) {
  for (auto a : {CommunityAlgorithm::louvain, CommunityAlgorithm::leiden}) {
    if (text == to_string(a)) return a;
  }
  throw invalid_argument("unknown community algorithm '" + std::string(text) + "' (expected louvain or leiden)");
}

namespace {

void check_resolution(const char* function, double resolution) {
  if (!std::isfinite(resolution) || resolution <= 0) {
    throw invalid_argument(std::string(function) + ": resolution must be finite and > 0, got " +
                           std::to_string(resolution));
  }
}

/// Weight of edge e under the options.
inline double edge_weight(const InfluenceGraph& graph, edge_id e, bool weighted) {
  return weighted ? graph.strengths()[e] : 1.0;
}

// The working graph of Louvain and Leiden: the undirected view with summed
// weights A(i, j) = w(i, j) + w(j, i) (no self entries in the lists), each
// vertex's internal weight `self` (the directed weight inside an aggregate
// vertex), and the null-model weights k_out, k_in (both k / 2 for the
// undirected modularity; see the header comment).
struct Net {
  std::vector<std::size_t> offsets;
  std::vector<std::uint32_t> neighbor;
  std::vector<double> weight;
  std::vector<double> self;
  std::vector<double> k_out, k_in;
  std::vector<std::size_t> size;  // original vertices inside
  double total = 0;               // W

  [[nodiscard]] std::uint32_t n() const noexcept { return static_cast<std::uint32_t>(self.size()); }
};

Net base_net(const InfluenceGraph& graph, const CommunityOptions& options) {
  const std::size_t n = graph.num_vertices();
  Net net;
  net.offsets.assign(n + 1, 0);
  net.self.assign(n, 0.0);
  net.k_out.assign(n, 0.0);
  net.k_in.assign(n, 0.0);
  net.size.assign(n, 1);
  net.neighbor.reserve(2 * graph.num_edges());
  net.weight.reserve(2 * graph.num_edges());
  const auto strengths = graph.strengths();
  for (vertex_id u = 0; u < n; ++u) {
    auto out = graph.out_neighbors(u);
    auto in = graph.in_neighbors(u);
    auto in_ids = graph.in_edges(u);
    const edge_id out_begin = graph.out_begin(u);
    std::size_t a = 0, b = 0;
    // Merge the sorted out- and in-lists, summing the two directions of a pair.
    while (a < out.size() || b < in.size()) {
      const std::uint32_t x = a < out.size() ? out[a] : std::numeric_limits<std::uint32_t>::max();
      const std::uint32_t y = b < in.size() ? in[b] : std::numeric_limits<std::uint32_t>::max();
      double w = 0;
      std::uint32_t v = 0;
      if (x <= y) {
        const double wo = options.weighted ? strengths[out_begin + a] : 1.0;
        w += wo;
        net.k_out[u] += wo;
        v = x;
        ++a;
      } else {
        v = y;
      }
      if (y == v) {
        const double wi = options.weighted ? strengths[in_ids[b]] : 1.0;
        w += wi;
        net.k_in[u] += wi;
        ++b;
      }
      net.neighbor.push_back(v);
      net.weight.push_back(w);
    }
    net.offsets[u + 1] = net.neighbor.size();
    net.total += net.k_out[u];
  }
  if (options.kind == ModularityKind::undirected) {
    for (std::size_t u = 0; u < n; ++u) net.k_out[u] = net.k_in[u] = (net.k_out[u] + net.k_in[u]) / 2;
  }
  return net;
}

/// Leiden runs when CommunityOptions::iterations is 0 (until no improvement).
constexpr std::size_t max_leiden_iterations = 20;

/// Renumbers labels (< bound) to 0..k-1 in order of first appearance; returns k.
std::uint32_t renumber(std::vector<std::uint32_t>& label, std::size_t bound) {
  constexpr auto unset = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> map(bound, unset);
  std::uint32_t next = 0;
  for (auto& l : label) {
    if (map[l] == unset) map[l] = next++;
    l = map[l];
  }
  return next;
}

/// Modularity of a partition (labels 0..k-1) of the working graph.
double net_modularity(const Net& net, const std::vector<std::uint32_t>& comm, std::uint32_t k, double gamma) {
  if (net.total <= 0) return 0.0;
  std::vector<double> inside(k, 0.0), k_out(k, 0.0), k_in(k, 0.0);
  for (std::uint32_t i = 0; i < net.n(); ++i) {
    const std::uint32_t c = comm[i];
    inside[c] += net.self[i];
    k_out[c] += net.k_out[i];
    k_in[c] += net.k_in[i];
    for (std::size_t e = net.offsets[i]; e < net.offsets[i + 1]; ++e) {
      if (comm[net.neighbor[e]] == c) inside[c] += net.weight[e] / 2;  // each pair is seen from both ends
    }
  }
  const double W = net.total;
  double q = 0;
  for (std::uint32_t c = 0; c < k; ++c) q += inside[c] / W - gamma * k_out[c] * k_in[c] / (W * W);
  return q;
}

/// One community per label (0..k-1): the aggregate graph.
Net aggregate(const Net& net, const std::vector<std::uint32_t>& comm, std::uint32_t k) {
  Net agg;
  agg.total = net.total;
  agg.self.assign(k, 0.0);
  agg.k_out.assign(k, 0.0);
  agg.k_in.assign(k, 0.0);
  agg.size.assign(k, 0);
  agg.offsets.assign(k + 1, 0);
  // Members of each community (counting sort).
  std::vector<std::size_t> start(k + 1, 0);
  for (std::uint32_t i = 0; i < net.n(); ++i) ++start[comm[i] + 1];
  for (std::uint32_t c = 0; c < k; ++c) start[c + 1] += start[c];
  std::vector<std::uint32_t> members(net.n());
  {
    std::vector<std::size_t> fill(start.begin(), start.end() - 1);
    for (std::uint32_t i = 0; i < net.n(); ++i) members[fill[comm[i]]++] = i;
  }
  std::vector<double> acc(k, 0.0);
  std::vector<std::uint32_t> touched;
  for (std::uint32_t c = 0; c < k; ++c) {
    double inside = 0;
    for (std::size_t p = start[c]; p < start[c + 1]; ++p) {
      const std::uint32_t i = members[p];
      inside += net.self[i];
      agg.k_out[c] += net.k_out[i];
      agg.k_in[c] += net.k_in[i];
      agg.size[c] += net.size[i];
      for (std::size_t e = net.offsets[i]; e < net.offsets[i + 1]; ++e) {
        const std::uint32_t d = comm[net.neighbor[e]];
        if (d == c) {
          inside += net.weight[e] / 2;
          continue;
        }
        if (acc[d] == 0) touched.push_back(d);
        acc[d] += net.weight[e];
      }
    }
    agg.self[c] = inside;
    std::sort(touched.begin(), touched.end());
    for (std::uint32_t d : touched) {
      agg.neighbor.push_back(d);
      agg.weight.push_back(acc[d]);
      acc[d] = 0;
    }
    touched.clear();
    agg.offsets[c + 1] = agg.neighbor.size();
  }
  return agg;
}

/// A seeded random permutation of 0..n-1 (Fisher-Yates with SplitMix64).
std::vector<std::uint32_t> shuffled(std::uint32_t n, detail::SplitMix64& rng) {
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  for (std::uint32_t i = n; i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
  return order;
}

// Local moving on the working graph. `comm` holds labels < n (each label a
// community, possibly empty). A queue seeded with `order`; a vertex that moves
// re-queues its neighbours outside its new community; stops when the queue is
// empty, i.e. when no single move improves. Returns the number of moves.
class LocalMover {
 public:
  LocalMover(const Net& net, double gamma) : net_(net), gamma_(gamma) {
    const std::uint32_t n = net.n();
    acc_.assign(n, 0.0);
    seen_.assign(n, 0);
    k_out_.assign(n, 0.0);
    k_in_.assign(n, 0.0);
    members_.assign(n, 0);
  }

  std::size_t run(std::vector<std::uint32_t>& comm, const std::vector<std::uint32_t>& order) {
    const std::uint32_t n = net_.n();
    std::fill(k_out_.begin(), k_out_.end(), 0.0);
    std::fill(k_in_.begin(), k_in_.end(), 0.0);
    std::fill(members_.begin(), members_.end(), 0);
    for (std::uint32_t i = 0; i < n; ++i) {
      k_out_[comm[i]] += net_.k_out[i];
      k_in_[comm[i]] += net_.k_in[i];
      ++members_[comm[i]];
    }
    empty_.clear();
    for (std::uint32_t c = n; c-- > 0;) {
      if (members_[c] == 0) empty_.push_back(c);
    }
    std::size_t moves = 0;
    std::vector<std::uint32_t> ring(order.begin(), order.end());
    std::vector<char> queued(n, 1);
    std::size_t head = 0, count = n;
    ring.resize(std::max<std::size_t>(n, 1));
    // Every move raises modularity, so the queue empties; the cap only guards
    // against a vertex moving back and forth on rounding-level gains.
    const std::size_t max_moves = 1000 * static_cast<std::size_t>(n) + net_.neighbor.size();
    while (count > 0 && moves < max_moves) {
      const std::uint32_t i = ring[head];
      head = (head + 1) % ring.size();
      --count;
      queued[i] = 0;
      if (!move(i, comm)) continue;
      ++moves;
      const std::uint32_t c = comm[i];
      for (std::size_t e = net_.offsets[i]; e < net_.offsets[i + 1]; ++e) {
        const std::uint32_t j = net_.neighbor[e];
        if (queued[j] || comm[j] == c) continue;
        queued[j] = 1;
        ring[(head + count) % ring.size()] = j;
        ++count;
      }
    }
    return moves;
  }

 private:
  // Moves i to its best community; true when it changed community.
  bool move(std::uint32_t i, std::vector<std::uint32_t>& comm) {
    const std::uint32_t from = comm[i];
    touched_.clear();
    for (std::size_t e = net_.offsets[i]; e < net_.offsets[i + 1]; ++e) {
      const std::uint32_t c = comm[net_.neighbor[e]];
      if (!seen_[c]) {
        seen_[c] = 1;
        touched_.push_back(c);
      }
      acc_[c] += net_.weight[e];
    }
    const double ko = net_.k_out[i], ki = net_.k_in[i];
    // Take i out of its community.
    k_out_[from] -= ko;
    k_in_[from] -= ki;
    --members_[from];
    const double scale = gamma_ / net_.total;
    auto gain = [&](std::uint32_t c) { return acc_[c] - scale * (ko * k_in_[c] + ki * k_out_[c]); };
    std::uint32_t best = from;
    double best_gain = gain(from);
    for (std::uint32_t c : touched_) {
      if (c == from) continue;
      const double g = gain(c);
      if (g > best_gain || (g == best_gain && best != from && c < best)) {
        best = c;
        best_gain = g;
      }
    }
    // An empty community (gain 0) when staying alone beats everything else.
    if (best_gain < 0 && members_[from] > 0 && !empty_.empty()) {
      best = empty_.back();
      empty_.pop_back();
    }
    for (std::uint32_t c : touched_) {
      acc_[c] = 0;
      seen_[c] = 0;
    }
    k_out_[best] += ko;
    k_in_[best] += ki;
    ++members_[best];
    comm[i] = best;
    if (members_[from] == 0 && best != from) empty_.push_back(from);
    return best != from;
  }

  const Net& net_;
  double gamma_;
  std::vector<double> acc_, k_out_, k_in_;
  std::vector<char> seen_;
  std::vector<std::uint32_t> members_, touched_, empty_;
};

// Leiden's refinement of the partition `comm` (labels 0..k-1): returns the
// refined labels (< n), each refined community inside one community of comm.
std::vector<std::uint32_t> refine(const Net& net, const std::vector<std::uint32_t>& comm, std::uint32_t k, double gamma,
                                  double randomness, detail::SplitMix64& rng) {
  const std::uint32_t n = net.n();
  const double W = net.total;
  const double scale = gamma / W;
  std::vector<std::uint32_t> refined(n);
  std::iota(refined.begin(), refined.end(), 0u);
  // Totals of the communities S of comm.
  std::vector<double> s_out(k, 0.0), s_in(k, 0.0);
  for (std::uint32_t i = 0; i < n; ++i) {
    s_out[comm[i]] += net.k_out[i];
    s_in[comm[i]] += net.k_in[i];
  }
  // For each refined community r: totals, weight to the rest of its S, and
  // whether it is still one vertex.
  std::vector<double> r_out(net.k_out), r_in(net.k_in), external(n, 0.0);
  std::vector<char> singleton(n, 1);
  for (std::uint32_t i = 0; i < n; ++i) {
    for (std::size_t e = net.offsets[i]; e < net.offsets[i + 1]; ++e) {
      if (comm[net.neighbor[e]] == comm[i]) external[i] += net.weight[e];
    }
  }
  // Well connected: joining the rest of S (or staying with it) does not lower
  // the quality, i.e. E(r, S - r) >= gamma (k_out(r) K_in(S - r) + k_in(r) K_out(S - r)) / W.
  auto well_connected = [&](std::uint32_t r, std::uint32_t s) {
    return external[r] >= scale * (r_out[r] * (s_in[s] - r_in[r]) + r_in[r] * (s_out[s] - r_out[r]));
  };
  std::vector<double> acc(n, 0.0);
  std::vector<char> seen(n, 0);
  std::vector<std::uint32_t> touched, candidates;
  std::vector<double> weights, gains;
  const std::vector<std::uint32_t> order = shuffled(n, rng);
  for (std::uint32_t i : order) {
    const std::uint32_t s = comm[i];
    if (!singleton[refined[i]] || refined[i] != i) continue;
    if (!well_connected(i, s)) continue;
    touched.clear();
    for (std::size_t e = net.offsets[i]; e < net.offsets[i + 1]; ++e) {
      const std::uint32_t j = net.neighbor[e];
      if (comm[j] != s) continue;
      const std::uint32_t r = refined[j];
      if (!seen[r]) {
        seen[r] = 1;
        touched.push_back(r);
      }
      acc[r] += net.weight[e];
    }
    // Candidates: i's own singleton (gain 0) and the well-connected refined
    // communities it touches with gain >= 0.
    double best = 0;
    weights.clear();
    candidates.clear();
    gains.clear();
    for (std::uint32_t r : touched) {
      const double g = acc[r] - scale * (net.k_out[i] * r_in[r] + net.k_in[i] * r_out[r]);
      if (g >= 0 && well_connected(r, s)) {
        candidates.push_back(r);
        gains.push_back(g);
        best = std::max(best, g);
      }
    }
    for (std::uint32_t r : touched) {
      acc[r] = 0;
      seen[r] = 0;
    }
    const std::size_t kept = candidates.size();
    if (kept == 0) continue;
    // Probability proportional to exp(gain / (W theta)), relative to the best gain.
    double total = std::exp((0 - best) / (W * randomness));  // staying alone
    for (std::size_t c = 0; c < kept; ++c) {
      weights.push_back(std::exp((gains[c] - best) / (W * randomness)));
      total += weights.back();
    }
    double pick = rng.uniform() * total;
    std::uint32_t chosen = i;
    for (std::size_t c = 0; c < kept; ++c) {
      pick -= weights[c];
      if (pick < 0) {
        chosen = candidates[c];
        break;
      }
    }
    if (chosen == i) continue;
    // i joins refined community `chosen`: the pair's weight stops being external.
    double between = 0;
    for (std::size_t e = net.offsets[i]; e < net.offsets[i + 1]; ++e) {
      if (refined[net.neighbor[e]] == chosen) between += net.weight[e];
    }
    refined[i] = chosen;
    r_out[chosen] += net.k_out[i];
    r_in[chosen] += net.k_in[i];
    external[chosen] += external[i] - 2 * between;
    singleton[chosen] = 0;
    singleton[i] = 0;
  }
  return refined;
}

/// Labels of the original vertices in order of their lowest vertex, plus sizes.
void finish(CommunityResult& result, std::vector<std::uint32_t> labels) {
  const std::uint32_t k = renumber(labels, labels.size());
  result.sizes.assign(k, 0);
  for (std::uint32_t l : labels) ++result.sizes[l];
  result.community = std::move(labels);
}

}  // namespace

double modularity(const InfluenceGraph& graph, std::span<const std::uint32_t> community,
                  const ModularityOptions& options) {
  check_resolution("modularity", options.resolution);
  const std::size_t n = graph.num_vertices();
  if (community.size() != n) {
    throw invalid_argument("modularity: community has " + std::to_string(community.size()) + " labels, the graph has " +
                           std::to_string(n) + " people");
  }
  // Compact the labels: sort the distinct values.
  std::vector<std::uint32_t> distinct(community.begin(), community.end());
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  const std::size_t k = distinct.size();
  std::vector<std::uint32_t> label(n);
  for (std::size_t v = 0; v < n; ++v) {
    label[v] =
        static_cast<std::uint32_t>(std::lower_bound(distinct.begin(), distinct.end(), community[v]) - distinct.begin());
  }
  std::vector<double> inside(k, 0.0), k_out(k, 0.0), k_in(k, 0.0);
  double total = 0;
  for (vertex_id u = 0; u < n; ++u) {
    for (edge_id e = graph.out_begin(u); e < graph.out_end(u); ++e) {
      const double w = edge_weight(graph, e, options.weighted);
      const vertex_id v = graph.edge_target(e);
      total += w;
      k_out[label[u]] += w;
      k_in[label[v]] += w;
      if (label[u] == label[v]) inside[label[u]] += w;
    }
  }
  if (total <= 0) return 0.0;
  double q = 0;
  for (std::size_t c = 0; c < k; ++c) {
    if (options.kind == ModularityKind::undirected) {
      const double degree = (k_out[c] + k_in[c]) / (2 * total);  // K_c / 2m
      q += inside[c] / total - options.resolution * degree * degree;
    } else {
      q += inside[c] / total - options.resolution * k_out[c] * k_in[c] / (total * total);
    }
  }
  return q;
}

CommunityResult communities(const InfluenceGraph& graph, const CommunityOptions& options) {
  check_resolution("communities", options.resolution);
  if (!std::isfinite(options.threshold) || options.threshold < 0) {
    throw invalid_argument("communities: threshold must be finite and >= 0, got " + std::to_string(options.threshold));
  }
  if (!std::isfinite(options.randomness) || options.randomness <= 0) {
    throw invalid_argument("communities: randomness must be finite and > 0, got " + std::to_string(options.randomness));
  }
  const std::size_t n = graph.num_vertices();
  CommunityResult result;
  result.algorithm = options.algorithm;
  result.seed = options.seed;
  if (n == 0) return result;

  detail::SplitMix64 rng(detail::stream_seed(options.seed, 0));
  const double gamma = options.resolution;
  Net net = base_net(graph, options);
  // membership[v]: the vertex of the current working graph that holds v.
  std::vector<std::uint32_t> membership(n);
  std::iota(membership.begin(), membership.end(), 0u);
  std::vector<std::uint32_t> final_labels;

  if (net.total <= 0) {
    finish(result, membership);
    result.modularity = 0;
    return result;
  }

  if (options.algorithm == CommunityAlgorithm::louvain) {
    std::vector<std::uint32_t> comm(net.n());
    std::iota(comm.begin(), comm.end(), 0u);
    double q = net_modularity(net, comm, net.n(), gamma);
    while (true) {
      LocalMover mover(net, gamma);
      std::iota(comm.begin(), comm.end(), 0u);
      const std::size_t moves = mover.run(comm, shuffled(net.n(), rng));
      if (moves == 0) break;
      const std::uint32_t k = renumber(comm, net.n());
      for (auto& m : membership) m = comm[m];
      ++result.levels;
      const double q_new = net_modularity(net, comm, k, gamma);
      if (q_new - q <= options.threshold) break;
      q = q_new;
      if (options.max_levels != 0 && result.levels >= options.max_levels) break;
      net = aggregate(net, comm, k);
      comm.assign(k, 0);
    }
    final_labels = membership;
  } else {
    // One Leiden run from the partition `start` of the base graph.
    const Net base = net;
    auto run = [&](std::vector<std::uint32_t> comm, std::size_t& levels) {
      Net work = base;
      std::vector<std::uint32_t> member(n);
      std::iota(member.begin(), member.end(), 0u);
      while (true) {
        LocalMover mover(work, gamma);
        mover.run(comm, shuffled(work.n(), rng));
        const std::uint32_t k = renumber(comm, work.n());
        if (k == work.n()) break;  // every aggregate vertex alone: done
        ++levels;
        std::vector<std::uint32_t> refined = refine(work, comm, k, gamma, options.randomness, rng);
        const std::uint32_t kr = renumber(refined, work.n());
        std::vector<std::uint32_t> next(kr);
        for (std::uint32_t i = 0; i < work.n(); ++i) next[refined[i]] = comm[i];
        for (auto& m : member) m = refined[m];
        work = aggregate(work, refined, kr);
        comm = std::move(next);
        if (options.max_levels != 0 && levels >= options.max_levels) break;
      }
      std::vector<std::uint32_t> labels(n);
      for (std::size_t v = 0; v < n; ++v) labels[v] = comm[member[v]];
      return labels;
    };
    std::vector<std::uint32_t> start(n);
    std::iota(start.begin(), start.end(), 0u);
    double best_q = -std::numeric_limits<double>::infinity();
    const std::size_t runs = options.iterations == 0 ? max_leiden_iterations : options.iterations;
    for (std::size_t iteration = 0; iteration < runs; ++iteration) {
      std::vector<std::uint32_t> labels = run(start, result.levels);
      const std::uint32_t k = renumber(labels, n);
      const double q = net_modularity(base, labels, k, gamma);
      const bool improved = q - best_q > options.threshold;
      if (q > best_q) {
        best_q = q;
        final_labels = labels;
      }
      if (options.iterations == 0 && !improved) break;
      start = std::move(labels);
    }
  }
  finish(result, std::move(final_labels));
  result.modularity =
      modularity(graph, result.community, {.kind = options.kind, .resolution = gamma, .weighted = options.weighted});
  return result;
}

}  // namespace orgnet
