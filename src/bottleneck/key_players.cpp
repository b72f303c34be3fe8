#include "orgnet/bottleneck/key_players.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include "bottleneck/undirected.hpp"
#include "orgnet/centrality/detail/parallel_reduce.hpp"
#include "orgnet/error.hpp"

namespace orgnet {

std::string_view to_string(KeyPlayerObjective objective) {
  switch (objective) {
    case KeyPlayerObjective::fragmentation:
      return "fragmentation";
    case KeyPlayerObjective::distance_fragmentation:
      return "distance_fragmentation";
  }
  return "fragmentation";
}

KeyPlayerObjective parse_key_player_objective(std::string_view text) {
  if (text == "fragmentation") return KeyPlayerObjective::fragmentation;
  if (text == "distance_fragmentation") return KeyPlayerObjective::distance_fragmentation;
  throw invalid_argument("unknown key-player objective '" + std::string(text) +
                         "' (expected fragmentation or distance_fragmentation)");
}

namespace {

using bottleneck_detail::Contacts;

void check_threads(const char* function, int threads) {
  if (threads < 0) {
    throw invalid_argument(std::string(function) + ": threads must be >= 0 (0 = all available), got " +
                           std::to_string(threads));
  }
}

// Breadth-first searches on the contact view without the removed people.
struct HopScratch {
  explicit HopScratch(std::size_t n) : level(n, unseen), queue(n) {}
  static constexpr std::uint32_t unseen = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> level;
  std::vector<vertex_id> queue;
  std::vector<std::uint64_t> histogram;  // pairs per distance
  std::vector<char> removed;
};

// DF of G - removed: BFS from every remaining person, pairs counted per
// distance (integers), then summed in distance order (deterministic).
double distance_fragmentation_of(const Contacts& c, HopScratch& s) {
  const std::size_t n = c.num_vertices();
  std::size_t present = 0;
  std::fill(s.histogram.begin(), s.histogram.end(), 0);
  for (vertex_id source = 0; source < n; ++source) {
    if (s.removed[source]) continue;
    ++present;
    std::size_t head = 0, tail = 0;
    s.queue[tail++] = source;
    s.level[source] = 0;
    while (head < tail) {
      const vertex_id u = s.queue[head++];
      const std::uint32_t next = s.level[u] + 1;
      for (const vertex_id w : c.neighbors(u)) {
        if (s.removed[w] || s.level[w] != HopScratch::unseen) continue;
        s.level[w] = next;
        s.queue[tail++] = w;
        if (s.histogram.size() <= next) s.histogram.resize(next + 1, 0);
        ++s.histogram[next];
      }
    }
    for (std::size_t i = 0; i < tail; ++i) s.level[s.queue[i]] = HopScratch::unseen;
  }
  double inverse = 0.0;
  for (std::size_t d = 1; d < s.histogram.size(); ++d)
    inverse += static_cast<double>(s.histogram[d]) / static_cast<double>(d);
  if (present < 2) return std::numeric_limits<double>::quiet_NaN();
  const double np = static_cast<double>(present);
  return 1.0 - inverse / (np * (np - 1.0));
}

double fragmentation_of_set(const Contacts& c, const std::vector<char>& removed) {
  const auto scan = bottleneck_detail::scan_pieces(c, removed);
  return bottleneck_detail::fragmentation_of(scan.connected_pairs, scan.present);
}

double measure(const Contacts& c, const std::vector<char>& removed, KeyPlayerObjective objective) {
  if (objective == KeyPlayerObjective::fragmentation) return fragmentation_of_set(c, removed);
  HopScratch s(c.num_vertices());
  s.removed = removed;
  return distance_fragmentation_of(c, s);
}

// Larger is better; NaN never wins.
bool better(double candidate, double best) {
  return candidate > best + 1e-12 || (!(best == best) && candidate == candidate);
}

// The best person to remove next from G - removed (lowest vertex on ties),
// with the resulting measure; no_vertex when nobody is left.
std::pair<vertex_id, double> best_addition(const Contacts& c, const std::vector<char>& removed,
                                           KeyPlayerObjective objective, int threads) {
  const std::size_t n = c.num_vertices();
  std::vector<double> value(n, std::numeric_limits<double>::quiet_NaN());
  if (objective == KeyPlayerObjective::fragmentation) {
    const auto scan = bottleneck_detail::scan_pieces(c, removed);
    for (vertex_id v = 0; v < n; ++v) {
      if (removed[v]) continue;
      const double size = static_cast<double>(scan.component_size[scan.component[v]]);
      const double pairs = scan.connected_pairs - size * (size - 1.0) + scan.piece_pairs[v];
      value[v] = bottleneck_detail::fragmentation_of(pairs, scan.present - 1);
    }
  } else {
    const std::size_t work = n * n * (n + c.neighbor.size());
    const int team = work < 2000000 ? 1 : detail::resolve_threads(threads);
    detail::parallel_for_items(
        n, team, 1,
        [&] {
          HopScratch s(n);
          s.removed = removed;
          return s;
        },
        [&](HopScratch& s, std::size_t item) {
          const auto v = static_cast<vertex_id>(item);
          if (removed[v]) return;
          s.removed[v] = 1;
          value[v] = distance_fragmentation_of(c, s);
          s.removed[v] = 0;
        });
  }
  vertex_id best = no_vertex;
  double best_value = std::numeric_limits<double>::quiet_NaN();
  for (vertex_id v = 0; v < n; ++v) {
    if (removed[v]) continue;
    if (best == no_vertex || better(value[v], best_value)) {
      best = v;
      best_value = value[v];
    }
  }
  return {best, best_value};
}

}  // namespace

KeyPlayerResult key_players(const InfluenceGraph& graph, const KeyPlayerOptions& options) {
  check_threads("key_players", options.threads);
  const std::size_t n = graph.num_vertices();
  if (options.k > n) {
    throw invalid_argument("key_players: k must be <= the number of people (" + std::to_string(n) + "), got " +
                           std::to_string(options.k));
  }
  const auto c = bottleneck_detail::make_contacts(graph, false);
  KeyPlayerResult r;
  r.objective = options.objective;
  std::vector<char> removed(n, 0);
  // DF costs O(n (n + m)): reported with the fragmentation objective only up
  // to distance_report_limit people (NaN above).
  const bool report_df = options.objective == KeyPlayerObjective::distance_fragmentation || n <= distance_report_limit;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  r.fragmentation_before = measure(c, removed, KeyPlayerObjective::fragmentation);
  r.distance_fragmentation_before = report_df ? measure(c, removed, KeyPlayerObjective::distance_fragmentation) : nan;

  double current = measure(c, removed, options.objective);
  for (std::size_t step = 0; step < options.k; ++step) {
    const auto [v, value] = best_addition(c, removed, options.objective, options.threads);
    removed[v] = 1;
    r.people.push_back(v);
    current = value;
  }
  // Local swaps: put member i back, find the best replacement.
  for (std::size_t round = 0; round < options.max_swap_rounds && options.k > 0 && options.k < n; ++round) {
    ++r.rounds;
    bool changed = false;
    for (std::size_t i = 0; i < r.people.size(); ++i) {
      const vertex_id u = r.people[i];
      removed[u] = 0;
      const auto [v, value] = best_addition(c, removed, options.objective, options.threads);
      if (v != u && better(value, current)) {
        r.people[i] = v;
        current = value;
        ++r.swaps;
        changed = true;
      }
      removed[r.people[i]] = 1;
    }
    if (!changed) break;
  }
  r.fragmentation = measure(c, removed, KeyPlayerObjective::fragmentation);
  r.distance_fragmentation = report_df ? measure(c, removed, KeyPlayerObjective::distance_fragmentation) : nan;
  return r;
}

double fragmentation(const InfluenceGraph& graph, std::span<const vertex_id> removed_people,
                     KeyPlayerObjective objective) {
  const std::size_t n = graph.num_vertices();
  std::vector<char> removed(n, 0);
  for (const vertex_id v : removed_people) {
    if (v >= n) {
      throw out_of_range("fragmentation: vertex " + std::to_string(v) + " is out of range (graph has " +
                         std::to_string(n) + " people)");
    }
    removed[v] = 1;
  }
  const auto c = bottleneck_detail::make_contacts(graph, false);
  return measure(c, removed, objective);
}

namespace {

struct ReachScratch {
  explicit ReachScratch(std::size_t n) : seen(n, 0), queue(n) {}
  std::vector<std::uint32_t> seen;  // stamp
  std::vector<vertex_id> queue;
  std::uint32_t stamp = 0;
  std::uint64_t before = 0, after = 0;
};

// People reached from `source` along out-edges (in-edges when `backward`),
// never entering `avoid`, excluding the source and `skip`.
std::uint64_t count_reach(const InfluenceGraph& g, ReachScratch& s, vertex_id source, vertex_id avoid, vertex_id skip,
                          bool backward) {
  ++s.stamp;
  std::size_t head = 0, tail = 0;
  s.queue[tail++] = source;
  s.seen[source] = s.stamp;
  std::uint64_t count = 0;
  while (head < tail) {
    const vertex_id u = s.queue[head++];
    const auto next = backward ? g.in_neighbors(u) : g.out_neighbors(u);
    for (const vertex_id w : next) {
      if (w == avoid || s.seen[w] == s.stamp) continue;
      s.seen[w] = s.stamp;
      s.queue[tail++] = w;
      if (w != skip) ++count;
    }
  }
  return count;
}

}  // namespace

RemovalImpact removal_impact(const InfluenceGraph& graph, vertex_id person, const RemovalImpactOptions& options) {
  check_threads("removal_impact", options.threads);
  const std::size_t n = graph.num_vertices();
  if (person >= n) {
    throw out_of_range("removal_impact: person " + std::to_string(person) + " is out of range (graph has " +
                       std::to_string(n) + " people)");
  }
  RemovalImpact r;
  r.person = person;
  const auto c = bottleneck_detail::make_contacts(graph, false);
  const auto scan = bottleneck_detail::scan_pieces(c);
  r.fragmentation_before = bottleneck_detail::fragmentation_of(scan.connected_pairs, n);
  const double size = static_cast<double>(scan.component_size[scan.component[person]]);
  r.fragmentation_after =
      bottleneck_detail::fragmentation_of(scan.connected_pairs - size * (size - 1.0) + scan.piece_pairs[person], n - 1);
  if (scan.pieces[person] >= 2) {
    r.cut_off = static_cast<std::uint32_t>(size - 1.0 - scan.largest_piece[person]);
  }
  const std::size_t work = n * (n + graph.num_edges());
  const int team = work < 200000 ? 1 : detail::resolve_threads(options.threads);
  std::uint64_t before = 0, after = 0;
  detail::parallel_for_items(
      n, team, 16, [n] { return ReachScratch(n); },
      [&](ReachScratch& s, std::size_t item) {
        const auto a = static_cast<vertex_id>(item);
        if (a == person) return;
        s.before += count_reach(graph, s, a, no_vertex, person, false);
        s.after += count_reach(graph, s, a, person, person, false);
      },
      [&](ReachScratch& s) {
        before += s.before;
        after += s.after;
      });
  r.reach_before = before;
  r.reach_after = after;
  ReachScratch s(n);
  r.reaches = count_reach(graph, s, person, no_vertex, no_vertex, false);
  r.reached_by = count_reach(graph, s, person, no_vertex, no_vertex, true);
  return r;
}

}  // namespace orgnet
