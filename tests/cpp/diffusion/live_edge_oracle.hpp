#pragma once
// Exact IC / LT spread by enumerating every live-edge world of a tiny graph
// (test oracle; shares nothing with src/diffusion).
//
// IC: each edge is live with probability s, independently: 2^m worlds.
// LT: each person keeps one in-edge u -> v with probability w(u, v), or none
//     with 1 - sum: prod_v (indeg(v) + 1) worlds.
// In each world, the people within t live hops of a seed are those active
// after t steps (Kempe, Kleinberg, Tardos 2003).

#include <cstddef>
#include <functional>
#include <vector>

#include "orgnet/model/influence_graph.hpp"

namespace orgnet::test {

struct ExactSpread {
  double expected_reach = 0.0;
  std::vector<double> probability;  // by vertex
  std::vector<double> within;       // within[t]: expected number within t hops, t = 0..n
};

/// Hop distances from `seeds` over the live edges (SIZE_MAX = unreached).
inline std::vector<std::size_t> live_distances(std::size_t n, const std::vector<std::vector<std::size_t>>& out,
                                               const std::vector<vertex_id>& seeds) {
  std::vector<std::size_t> dist(n, static_cast<std::size_t>(-1));
  std::vector<std::size_t> queue;
  for (auto s : seeds) {
    if (dist[s] == static_cast<std::size_t>(-1)) {
      dist[s] = 0;
      queue.push_back(s);
    }
  }
  for (std::size_t i = 0; i < queue.size(); ++i) {
    for (auto v : out[queue[i]]) {
      if (dist[v] == static_cast<std::size_t>(-1)) {
        dist[v] = dist[queue[i]] + 1;
        queue.push_back(v);
      }
    }
  }
  return dist;
}

inline ExactSpread exact_spread(const InfluenceGraph& g, const std::vector<vertex_id>& seeds, bool linear_threshold,
                                bool normalize = false) {
  const std::size_t n = g.num_vertices();
  struct Arc {
    std::size_t u, v;
    double p;
  };
  std::vector<Arc> arcs;
  for (vertex_id u = 0; u < n; ++u) {
    const auto targets = g.out_neighbors(u);
    const auto strengths = g.out_strengths(u);
    for (std::size_t k = 0; k < targets.size(); ++k) arcs.push_back({u, targets[k], strengths[k]});
  }
  ExactSpread out;
  out.probability.assign(n, 0.0);
  out.within.assign(n + 1, 0.0);
  auto add_world = [&](const std::vector<std::vector<std::size_t>>& live, double weight) {
    const auto dist = live_distances(n, live, seeds);
    for (std::size_t v = 0; v < n; ++v) {
      if (dist[v] == static_cast<std::size_t>(-1)) continue;
      out.expected_reach += weight;
      out.probability[v] += weight;
      for (std::size_t t = dist[v]; t <= n; ++t) out.within[t] += weight;
    }
  };
  if (!linear_threshold) {
    const std::size_t m = arcs.size();
    for (std::size_t mask = 0; mask < (std::size_t{1} << m); ++mask) {
      double weight = 1.0;
      std::vector<std::vector<std::size_t>> live(n);
      for (std::size_t e = 0; e < m; ++e) {
        if (mask >> e & 1) {
          weight *= arcs[e].p;
          live[arcs[e].u].push_back(arcs[e].v);
        } else {
          weight *= 1.0 - arcs[e].p;
        }
      }
      add_world(live, weight);
    }
    return out;
  }
  // LT: choice[v] in {none, in-arc 0, in-arc 1, ...}.
  std::vector<std::vector<std::size_t>> in(n);
  std::vector<double> total(n, 0.0);
  for (std::size_t a = 0; a < arcs.size(); ++a) {
    in[arcs[a].v].push_back(a);
    total[arcs[a].v] += arcs[a].p;
  }
  std::vector<std::size_t> choice(n, 0);
  std::function<void(std::size_t, double)> recurse = [&](std::size_t v, double weight) {
    if (v == n) {
      std::vector<std::vector<std::size_t>> live(n);
      for (std::size_t x = 0; x < n; ++x) {
        if (choice[x] > 0) live[arcs[in[x][choice[x] - 1]].u].push_back(x);
      }
      add_world(live, weight);
      return;
    }
    const double scale = normalize && total[v] > 0 ? 1.0 / total[v] : 1.0;
    choice[v] = 0;
    const double none = 1.0 - total[v] * scale;
    if (none > 1e-15) recurse(v + 1, weight * none);
    for (std::size_t k = 0; k < in[v].size(); ++k) {
      choice[v] = k + 1;
      recurse(v + 1, weight * arcs[in[v][k]].p * scale);
    }
    choice[v] = 0;
  };
  recurse(0, 1.0);
  return out;
}

}  // namespace orgnet::test
