#include "orgnet/bottleneck/min_cut.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>

#include "orgnet/error.hpp"

namespace orgnet {

std::string_view to_string(CutStatus status) {
  switch (status) {
    case CutStatus::ok:
      return "ok";
    case CutStatus::overlap:
      return "overlap";
    case CutStatus::adjacent:
      return "adjacent";
  }
  return "ok";
}

namespace {

// Dinic's algorithm on an arc list; arc 2k is forward, 2k + 1 its reverse.
class FlowNetwork {
 public:
  explicit FlowNetwork(std::size_t nodes) : first_(nodes, none) {}

  std::size_t add_arc(std::size_t from, std::size_t to, double capacity) {
    const std::size_t id = head_.size();
    head_.push_back(to);
    residual_.push_back(capacity);
    next_.push_back(first_[from]);
    first_[from] = id;
    head_.push_back(from);
    residual_.push_back(0.0);
    next_.push_back(first_[to]);
    first_[to] = id + 1;
    largest_ = std::max(largest_, capacity);
    return id;
  }

  double max_flow(std::size_t s, std::size_t t) {
    eps_ = largest_ * 1e-12;
    double flow = 0.0;
    level_.resize(first_.size());
    cursor_.resize(first_.size());
    while (bfs(s, t)) {
      cursor_ = first_;
      while (true) {
        const double pushed = augment(s, t);
        if (pushed <= 0.0) break;
        flow += pushed;
      }
    }
    return flow;
  }

  /// Nodes reachable from s through arcs with residual capacity (after max_flow).
  std::vector<char> reachable(std::size_t s) const {
    std::vector<char> seen(first_.size(), 0);
    std::vector<std::size_t> stack{s};
    seen[s] = 1;
    while (!stack.empty()) {
      const std::size_t u = stack.back();
      stack.pop_back();
      for (std::size_t a = first_[u]; a != none; a = next_[a]) {
        if (residual_[a] > eps_ && !seen[head_[a]]) {
          seen[head_[a]] = 1;
          stack.push_back(head_[a]);
        }
      }
    }
    return seen;
  }

 private:
  static constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

  bool bfs(std::size_t s, std::size_t t) {
    std::fill(level_.begin(), level_.end(), -1);
    std::vector<std::size_t> queue{s};
    level_[s] = 0;
    for (std::size_t i = 0; i < queue.size(); ++i) {
      const std::size_t u = queue[i];
      for (std::size_t a = first_[u]; a != none; a = next_[a]) {
        if (residual_[a] > eps_ && level_[head_[a]] < 0) {
          level_[head_[a]] = level_[u] + 1;
          queue.push_back(head_[a]);
        }
      }
    }
    return level_[t] >= 0;
  }

  // One augmenting path in the level graph (iterative DFS with arc cursors).
  double augment(std::size_t s, std::size_t t) {
    path_.clear();
    std::size_t u = s;
    while (true) {
      if (u == t) {
        double bottleneck = std::numeric_limits<double>::infinity();
        for (const std::size_t a : path_) bottleneck = std::min(bottleneck, residual_[a]);
        for (const std::size_t a : path_) {
          residual_[a] -= bottleneck;
          residual_[a ^ 1] += bottleneck;
        }
        return bottleneck;
      }
      std::size_t& a = cursor_[u];
      while (a != none && !(residual_[a] > eps_ && level_[head_[a]] == level_[u] + 1)) a = next_[a];
      if (a != none) {
        path_.push_back(a);
        u = head_[a];
        continue;
      }
      // Dead end: retreat.
      level_[u] = -1;
      if (path_.empty()) return 0.0;
      const std::size_t back = path_.back();
      path_.pop_back();
      u = head_[back ^ 1];
      cursor_[u] = next_[cursor_[u]];
    }
  }

  std::vector<std::size_t> first_, head_, next_, cursor_, path_;
  std::vector<double> residual_;
  std::vector<int> level_;
  double largest_ = 0.0, eps_ = 0.0;
};

struct Ends {
  std::vector<char> is_source, is_target;
  bool overlap = false;
};

Ends check_ends(const InfluenceGraph& graph, std::span<const vertex_id> sources, std::span<const vertex_id> targets,
                const char* function) {
  if (sources.empty()) throw invalid_argument(std::string(function) + ": sources must not be empty");
  if (targets.empty()) throw invalid_argument(std::string(function) + ": targets must not be empty");
  const std::size_t n = graph.num_vertices();
  Ends e;
  e.is_source.assign(n, 0);
  e.is_target.assign(n, 0);
  auto check = [&](vertex_id v, const char* what) {
    if (v >= n) {
      throw out_of_range(std::string(function) + ": " + what + " vertex " + std::to_string(v) +
                         " is out of range (graph has " + std::to_string(n) + " people)");
    }
  };
  for (const vertex_id s : sources) {
    check(s, "source");
    e.is_source[s] = 1;
  }
  for (const vertex_id t : targets) {
    check(t, "target");
    if (e.is_source[t]) e.overlap = true;
    e.is_target[t] = 1;
  }
  return e;
}

}  // namespace

EdgeCutResult minimum_edge_cut(const InfluenceGraph& graph, std::span<const vertex_id> sources,
                               std::span<const vertex_id> targets, const EdgeCutOptions& options) {
  const Ends ends = check_ends(graph, sources, targets, "minimum_edge_cut");
  EdgeCutResult r;
  if (ends.overlap) {
    r.status = CutStatus::overlap;
    return r;
  }
  const std::size_t n = graph.num_vertices();
  const std::size_t super_source = n, super_sink = n + 1;
  FlowNetwork net(n + 2);
  double total = 0.0;
  const auto strengths = graph.strengths();
  for (const double s : strengths) total += options.weighted ? s : 1.0;
  const double infinite = 2.0 * total + 2.0;
  for (vertex_id u = 0; u < n; ++u) {
    const auto out = graph.out_neighbors(u);
    for (std::size_t i = 0; i < out.size(); ++i) {
      net.add_arc(u, out[i], options.weighted ? strengths[graph.out_begin(u) + i] : 1.0);
    }
  }
  for (vertex_id v = 0; v < n; ++v) {
    if (ends.is_source[v]) net.add_arc(super_source, v, infinite);
    if (ends.is_target[v]) net.add_arc(v, super_sink, infinite);
  }
  net.max_flow(super_source, super_sink);
  const std::vector<char> side = net.reachable(super_source);
  for (vertex_id u = 0; u < n; ++u) {
    if (!side[u]) continue;
    r.source_side.push_back(u);
    const auto out = graph.out_neighbors(u);
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (!side[out[i]]) {
        const edge_id e = graph.out_begin(u) + static_cast<edge_id>(i);
        r.edges.push_back(e);
        r.value += options.weighted ? strengths[e] : 1.0;
      }
    }
  }
  return r;
}

VertexCutResult minimum_vertex_cut(const InfluenceGraph& graph, std::span<const vertex_id> sources,
                                   std::span<const vertex_id> targets) {
  const Ends ends = check_ends(graph, sources, targets, "minimum_vertex_cut");
  VertexCutResult r;
  if (ends.overlap) {
    r.status = CutStatus::overlap;
    return r;
  }
  const std::size_t n = graph.num_vertices();
  for (const vertex_id s : sources) {
    for (const vertex_id v : graph.out_neighbors(s)) {
      if (ends.is_target[v]) {
        r.status = CutStatus::adjacent;
        return r;
      }
    }
  }
  // Node v: entry 2v, exit 2v + 1.
  const std::size_t super_source = 2 * n, super_sink = 2 * n + 1;
  FlowNetwork net(2 * n + 2);
  const double infinite = static_cast<double>(n) + 1.0;
  for (vertex_id v = 0; v < n; ++v) {
    const bool end = ends.is_source[v] || ends.is_target[v];
    net.add_arc(2 * std::size_t{v}, 2 * std::size_t{v} + 1, end ? infinite : 1.0);
    for (const vertex_id w : graph.out_neighbors(v)) net.add_arc(2 * std::size_t{v} + 1, 2 * std::size_t{w}, infinite);
    if (ends.is_source[v]) net.add_arc(super_source, 2 * std::size_t{v}, infinite);
    if (ends.is_target[v]) net.add_arc(2 * std::size_t{v} + 1, super_sink, infinite);
  }
  net.max_flow(super_source, super_sink);
  const std::vector<char> side = net.reachable(super_source);
  for (vertex_id v = 0; v < n; ++v) {
    const bool entry = side[2 * std::size_t{v}] != 0, exit = side[2 * std::size_t{v} + 1] != 0;
    if (entry && !exit) {
      r.people.push_back(v);
    } else if (entry) {
      r.source_side.push_back(v);
    }
  }
  return r;
}

}  // namespace orgnet
