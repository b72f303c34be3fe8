#include "orgnet/centrality/betweenness.hpp"

#include <string>
#include <string_view>

#include "orgnet/centrality/detail/parallel_reduce.hpp"
#include "orgnet/centrality/detail/shortest_paths.hpp"
#include "orgnet/error.hpp"
#include "support/progress.hpp"

namespace orgnet {

namespace {

using detail::Arcs;
using detail::BfsNode;
using detail::BfsWorkspace;
using detail::DijkstraWorkspace;

void check_threads(const char* function, int threads) {
  if (threads < 0) {
    throw invalid_argument(std::string(function) + ": threads must be >= 0 (0 = all available), got " +
                           std::to_string(threads));
  }
}

// Brandes' accumulation. After the search from s, every reached vertex holds
// sigma_s(v) in `value`. Visiting the vertices from the deepest (hops) or
// farthest (lengths) back to s, each v's dependency is
//     delta_s(v) = sigma_s(v) * sum over successors w of c(w),
//     c(w) = (1 + delta_s(w)) / sigma_s(w)              (Brandes 2001, Theorem 6)
// and once delta_s(v) is known v overwrites its sigma with c(v), which only
// its predecessors, visited later, read. The successors are the arcs the
// search recorded (hops: the arcs into the next level; lengths: the arcs whose
// key is still the head's final key), so no predecessor lists are kept and
// the other arcs are not read again. Edge version: the share of arc v -> w is
// sigma_s(v) * c(w), and delta_s(v) is the sum of the shares of v's arcs.
//
// Hops, level by level from the deepest: a level expanded top-down has its
// arcs recorded as successors of its people, who gather c(w) from the next
// level; a level reached bottom-up has them recorded as predecessors of the
// people reached, who scatter their shares to the level before, whose
// dependencies are then complete.
template <bool Endpoints, bool Edges>
void bfs_dependencies(const Arcs& out, const Arcs& in, BfsWorkspace& ws, vertex_id s, double* score) {
  ws.run(out, in, s);
  const auto order = ws.order();
  BfsNode* node = ws.nodes();
  double* delta = ws.deltas();
  for (std::size_t level = ws.levels(); level-- > 0;) {
    const std::size_t first = ws.level_first(level), last = ws.level_last(level);
    if (ws.top_down(level)) {
      for (std::size_t i = first; i < last; ++i) {
        const vertex_id v = order[i];
        const double sigma = node[v].value;
        double sum = 0.0;
        for (const detail::DagArc& a : ws.successors(i)) {
          if constexpr (Edges) {
            const double share = sigma * node[a.other].value;
            score[a.arc] += share;
            sum += share;
          } else {
            sum += node[a.other].value;
          }
        }
        delta[v] = Edges ? sum : sigma * sum;
      }
    }
    for (std::size_t i = first; i < last; ++i) {
      const vertex_id v = order[i];
      if constexpr (!Edges) {
        if (level > 0) score[v] += Endpoints ? delta[v] + 1.0 : delta[v];
      }
      node[v].value = (1.0 + delta[v]) / node[v].value;
    }
    if (level > 0 && !ws.top_down(level - 1)) {
      for (std::size_t i = first; i < last; ++i) {
        const double c = node[order[i]].value;
        for (const detail::DagArc& a : ws.predecessors(i)) {
          const double share = node[a.other].value * c;
          delta[a.other] += share;
          if constexpr (Edges) score[a.arc] += share;
        }
      }
    }
  }
  if constexpr (Endpoints) score[s] += static_cast<double>(order.size() - 1);
}

template <bool Endpoints>
void vertex_dependencies(const Arcs& arcs, DijkstraWorkspace& ws, vertex_id s, double* score) {
  ws.run(arcs, s);
  const auto order = ws.order();
  double* value = ws.values();
  for (std::size_t i = order.size(); i-- > 1;) {
    const vertex_id v = order[i];
    double sum = 0.0;
    for (const detail::DagCandidate& c : ws.candidates(i)) {
      if (ws.on_dag(c)) sum += value[c.head];
    }
    const double delta = value[v] * sum;
    score[v] += Endpoints ? delta + 1.0 : delta;
    value[v] = (1.0 + delta) / value[v];
  }
  if constexpr (Endpoints) score[s] += static_cast<double>(order.size() - 1);
}

void edge_dependencies(const Arcs& arcs, DijkstraWorkspace& ws, vertex_id s, double* score) {
  ws.run(arcs, s);
  const auto order = ws.order();
  double* value = ws.values();
  for (std::size_t i = order.size(); i-- > 0;) {
    const vertex_id v = order[i];
    const double sigma = value[v];
    double delta = 0.0;
    for (const detail::DagCandidate& c : ws.candidates(i)) {
      if (!ws.on_dag(c)) continue;
      const double share = sigma * value[c.head];
      score[c.arc] += share;
      delta += share;
    }
    value[v] = (1.0 + delta) / sigma;
  }
}

// Sum of the per-source dependency vectors (of `length` entries), in parallel
// with a thread-count-independent result. Small graphs stay on one thread.
template <class Workspace, class Dependencies>
std::vector<double> sum_over_sources(std::string_view task, const Arcs& arcs, std::size_t length, int threads,
                                     Dependencies&& add) {
  const std::size_t n = arcs.num_vertices();
  const std::size_t work = n * (n + arcs.heads.size());
  const int team = work < 200000 ? 1 : detail::resolve_threads(threads);
  const std::size_t m = arcs.heads.size();
  detail::ProgressTask progress(task, n);
  return detail::deterministic_sum(
      n, length, team, [n, m] { return Workspace(n, m); },
      [&](Workspace& ws, std::size_t s, double* partial) {
        add(arcs, ws, static_cast<vertex_id>(s), partial);
        progress.advance();
      });
}

void scale(std::vector<double>& score, double factor) {
  for (double& x : score) x *= factor;
}

}  // namespace

BetweennessResult betweenness(const InfluenceGraph& graph, const BetweennessOptions& options) {
  check_threads("betweenness", options.threads);
  const std::size_t n = graph.num_vertices();
  BetweennessResult result;
  if (n == 0) return result;
  const Arcs out = detail::make_arcs(graph, detail::Traversal::forward, options.distance);
  auto run = [&]<bool Endpoints>() {
    if (out.unit()) {
      const Arcs in = detail::make_arcs(graph, detail::Traversal::backward, options.distance);
      return sum_over_sources<BfsWorkspace>("betweenness", out, n, options.threads,
                                            [&in](const Arcs& a, BfsWorkspace& ws, vertex_id s, double* score) {
                                              bfs_dependencies<Endpoints, false>(a, in, ws, s, score);
                                            });
    }
    return sum_over_sources<DijkstraWorkspace>("betweenness", out, n, options.threads,
                                               [](const Arcs& a, DijkstraWorkspace& ws, vertex_id s, double* score) {
                                                 vertex_dependencies<Endpoints>(a, ws, s, score);
                                               });
  };
  result.score = options.endpoints ? run.template operator()<true>() : run.template operator()<false>();

  // NetworkX's _rescale for directed graphs.
  const auto nd = static_cast<double>(n);
  if (options.normalized) {
    if (options.endpoints) {
      if (n >= 2) scale(result.score, 1.0 / (nd * (nd - 1.0)));
    } else if (n > 2) {
      scale(result.score, 1.0 / ((nd - 1.0) * (nd - 2.0)));
    }
  }
  return result;
}

EdgeBetweennessResult edge_betweenness(const InfluenceGraph& graph, const EdgeBetweennessOptions& options) {
  check_threads("edge_betweenness", options.threads);
  const std::size_t n = graph.num_vertices();
  EdgeBetweennessResult result;
  if (n == 0) return result;
  const std::size_t m = graph.num_edges();
  const Arcs arcs = detail::make_arcs(graph, detail::Traversal::forward, options.distance);
  if (arcs.unit()) {
    const Arcs in = detail::make_arcs(graph, detail::Traversal::backward, options.distance);
    result.score = sum_over_sources<BfsWorkspace>("edge betweenness", arcs, m, options.threads,
                                                  [&in](const Arcs& a, BfsWorkspace& ws, vertex_id s, double* score) {
                                                    bfs_dependencies<false, true>(a, in, ws, s, score);
                                                  });
  } else {
    result.score = sum_over_sources<DijkstraWorkspace>(
        "edge betweenness", arcs, m, options.threads,
        [](const Arcs& a, DijkstraWorkspace& ws, vertex_id s, double* out) { edge_dependencies(a, ws, s, out); });
  }
  // NetworkX's _rescale_e for directed graphs.
  const auto nd = static_cast<double>(n);
  if (options.normalized && n > 1) scale(result.score, 1.0 / (nd * (nd - 1.0)));
  return result;
}

}  // namespace orgnet
