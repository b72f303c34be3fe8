#include "orgnet/centrality/betweenness.hpp"

#include <string>

#include "orgnet/centrality/detail/parallel_reduce.hpp"
#include "orgnet/centrality/detail/shortest_paths.hpp"
#include "orgnet/error.hpp"

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
// sigma_s(v) in `value`; visiting the vertices in reverse settling order, each
// v sums over its successors w in the shortest-path graph the coefficient
// c(w) = (1 + delta_s(w)) / sigma_s(w), so that
//     delta_s(v) = sigma_s(v) * sum_w c(w)          (Brandes 2001, Theorem 6)
// and then overwrites its own sigma with c(v), which only its predecessors,
// visited later, read. The successors are the arcs the search recorded while
// scanning v (hops: those reaching the next level; lengths: those whose key
// is still the head's final key), so no predecessor lists are kept and the
// other arcs are not read again.
//
// Edge version: the share of arc v -> w is sigma_s(v) * c(w), and delta_s(v)
// is the sum of the shares of v's arcs.

template <bool Endpoints>
void vertex_dependencies(const Arcs& arcs, BfsWorkspace& ws, vertex_id s, double* score) {
  ws.run(arcs, s);
  const auto order = ws.order();
  BfsNode* node = ws.nodes();
  for (std::size_t i = order.size(); i-- > 1;) {  // order[0] is s
    BfsNode& nv = node[order[i]];
    double sum = 0.0;
    for (const detail::DagArc& a : ws.successors(i)) sum += node[a.head].value;
    const double delta = nv.value * sum;
    score[order[i]] += Endpoints ? delta + 1.0 : delta;
    nv.value = (1.0 + delta) / nv.value;
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

void edge_dependencies(const Arcs& arcs, BfsWorkspace& ws, vertex_id s, double* score) {
  ws.run(arcs, s);
  const auto order = ws.order();
  BfsNode* node = ws.nodes();
  for (std::size_t i = order.size(); i-- > 0;) {  // s too: its own arcs carry shares
    BfsNode& nv = node[order[i]];
    const double sigma = nv.value;
    double delta = 0.0;
    for (const detail::DagArc& a : ws.successors(i)) {
      const double share = sigma * node[a.head].value;
      score[a.arc] += share;  // forward arc positions are edge ids
      delta += share;
    }
    nv.value = (1.0 + delta) / sigma;
  }
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
std::vector<double> sum_over_sources(const Arcs& arcs, std::size_t length, int threads, Dependencies&& add) {
  const std::size_t n = arcs.num_vertices();
  const std::size_t work = n * (n + arcs.heads.size());
  const int team = work < 200000 ? 1 : detail::resolve_threads(threads);
  const std::size_t m = arcs.heads.size();
  return detail::deterministic_sum(
      n, length, team, [n, m] { return Workspace(n, m); },
      [&](Workspace& ws, std::size_t s, double* partial) { add(arcs, ws, static_cast<vertex_id>(s), partial); });
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
  const Arcs arcs = detail::make_arcs(graph, detail::Traversal::forward, options.distance);
  auto run = [&]<bool Endpoints>() {
    if (arcs.unit()) {
      return sum_over_sources<BfsWorkspace>(arcs, n, options.threads,
                                            [](const Arcs& a, BfsWorkspace& ws, vertex_id s, double* out) {
                                              vertex_dependencies<Endpoints>(a, ws, s, out);
                                            });
    }
    return sum_over_sources<DijkstraWorkspace>(arcs, n, options.threads,
                                               [](const Arcs& a, DijkstraWorkspace& ws, vertex_id s, double* out) {
                                                 vertex_dependencies<Endpoints>(a, ws, s, out);
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
    result.score = sum_over_sources<BfsWorkspace>(
        arcs, m, options.threads,
        [](const Arcs& a, BfsWorkspace& ws, vertex_id s, double* out) { edge_dependencies(a, ws, s, out); });
  } else {
    result.score = sum_over_sources<DijkstraWorkspace>(
        arcs, m, options.threads,
        [](const Arcs& a, DijkstraWorkspace& ws, vertex_id s, double* out) { edge_dependencies(a, ws, s, out); });
  }
  // NetworkX's _rescale_e for directed graphs.
  const auto nd = static_cast<double>(n);
  if (options.normalized && n > 1) scale(result.score, 1.0 / (nd * (nd - 1.0)));
  return result;
}

}  // namespace orgnet
