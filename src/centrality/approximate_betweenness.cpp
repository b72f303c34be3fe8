#include "orgnet/centrality/approximate_betweenness.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>

#include "orgnet/centrality/detail/parallel_reduce.hpp"
#include "orgnet/centrality/detail/shortest_paths.hpp"
#include "orgnet/detail/random.hpp"
#include "orgnet/error.hpp"
#include "orgnet/structure/components.hpp"
#include "support/progress.hpp"

namespace orgnet {

namespace {

using detail::Arcs;
using detail::PathKey;
using detail::SplitMix64;

// Riondato and Kornaropoulos' constant c (from Loeffler and Phillips).
constexpr double rk_constant = 0.5;

// ---- the vertex-diameter bound ------------------------------------------------------

// Largest distance from `source` (over `arcs`) to the people of its strongly
// connected component `component`; arcs leaving the component are ignored
// (shortest paths between two people of one component stay inside it).
// Hops when the arcs have no lengths.
double eccentricity_within(const Arcs& arcs, const std::vector<std::uint32_t>& comp, vertex_id source,
                           std::vector<double>& dist, std::vector<vertex_id>& seen, detail::RadixHeap<double>& heap) {
  const std::uint32_t c = comp[source];
  double farthest = 0.0;
  seen.clear();
  dist[source] = 0.0;
  seen.push_back(source);
  if (arcs.unit()) {
    for (std::size_t head = 0; head < seen.size(); ++head) {
      const vertex_id x = seen[head];
      farthest = dist[x];
      for (edge_id k = arcs.offsets[x]; k < arcs.offsets[x + 1]; ++k) {
        const vertex_id y = arcs.heads[k];
        if (comp[y] == c && dist[y] == detail::unreached_distance) {
          dist[y] = dist[x] + 1.0;
          seen.push_back(y);
        }
      }
    }
  } else {
    heap.clear();
    heap.push(0.0, source);
    while (!heap.empty()) {
      const auto entry = heap.pop();
      const double d = entry.key();
      const vertex_id x = entry.vertex;
      if (d != dist[x]) continue;
      farthest = std::max(farthest, d);
      for (edge_id k = arcs.offsets[x]; k < arcs.offsets[x + 1]; ++k) {
        const vertex_id y = arcs.heads[k];
        if (comp[y] != c) continue;
        const double nd = d + arcs.length[k];
        if (nd < dist[y]) {
          if (dist[y] == detail::unreached_distance) seen.push_back(y);
          dist[y] = nd;
          heap.push(nd, y);
        }
      }
    }
  }
  for (vertex_id y : seen) dist[y] = detail::unreached_distance;
  return farthest;
}

// Most steps a path of length at most `reach` can take when each step leaves
// a different person: with `shortest` the shortest arc of each person,
// sorted, the largest h whose h smallest values sum to at most `reach`
// (with a relative margin of 1e-9 against rounding).
std::size_t most_steps(std::vector<double>& shortest, double reach) {
  std::sort(shortest.begin(), shortest.end());
  const double limit = reach * (1.0 + 1e-9);
  double sum = 0.0;
  std::size_t h = 0;
  for (double l : shortest) {
    sum += l;
    if (sum > limit) break;
    ++h;
  }
  return h;
}

// Upper bound on the number of people on any shortest path (see the header).
std::size_t vertex_diameter_bound(const InfluenceGraph& graph, const Arcs& out, const Arcs& in) {
  const std::size_t n = graph.num_vertices();
  const ComponentsResult scc = strong_components(graph);
  const std::vector<std::uint32_t>& comp = scc.component;
  const std::size_t k = scc.count();
  const bool weighted = !out.unit();
  constexpr double infinity = std::numeric_limits<double>::infinity();

  // Members of each component, grouped.
  std::vector<std::size_t> first(k + 1, 0);
  for (vertex_id v = 0; v < n; ++v) ++first[comp[v] + 1];
  std::partial_sum(first.begin(), first.end(), first.begin());
  std::vector<vertex_id> members(n);
  {
    std::vector<std::size_t> fill(first.begin(), first.end() - 1);
    for (vertex_id v = 0; v < n; ++v) members[fill[comp[v]]++] = v;
  }

  // Inside each component: every person's shortest arc out and in, the
  // shortest positive arc, and the weak components of zero-length arcs
  // (union-find).
  std::vector<double> shortest_out(weighted ? n : 0, infinity), shortest_in(weighted ? n : 0, infinity);
  std::vector<double> min_positive(k, infinity);
  std::vector<vertex_id> parent(n);
  std::iota(parent.begin(), parent.end(), vertex_id{0});
  auto find = [&](vertex_id v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  if (weighted) {
    for (vertex_id x = 0; x < n; ++x) {
      for (edge_id e = out.offsets[x]; e < out.offsets[x + 1]; ++e) {
        const vertex_id y = out.heads[e];
        if (comp[x] != comp[y]) continue;
        const double l = out.length[e];
        shortest_out[x] = std::min(shortest_out[x], l);
        shortest_in[y] = std::min(shortest_in[y], l);
        if (l > 0.0) {
          min_positive[comp[x]] = std::min(min_positive[comp[x]], l);
        } else {
          const vertex_id a = find(x), b = find(y);
          if (a != b) parent[std::max(a, b)] = std::min(a, b);
        }
      }
    }
  }
  std::vector<std::size_t> zero_size(n, 0);
  for (vertex_id v = 0; v < n; ++v) ++zero_size[find(v)];

  std::vector<double> dist(n, detail::unreached_distance);
  std::vector<vertex_id> seen;
  seen.reserve(n);
  detail::RadixHeap<double> heap;
  std::vector<double> values;
  std::vector<double> bound(k, 1.0);
  for (std::size_t c = 0; c < k; ++c) {
    const std::size_t size = first[c + 1] - first[c];
    if (size == 1) continue;
    const std::span<const vertex_id> group(members.data() + first[c], size);
    vertex_id hub = group.front();
    std::size_t largest_zero = 1;
    for (vertex_id v : group) {
      if (graph.out_degree(v) + graph.in_degree(v) > graph.out_degree(hub) + graph.in_degree(hub)) hub = v;
      largest_zero = std::max(largest_zero, zero_size[find(v)]);
    }
    // Any distance inside C is at most reach (through the hub).
    const double reach =
        eccentricity_within(out, comp, hub, dist, seen, heap) + eccentricity_within(in, comp, hub, dist, seen, heap);
    double people = 0.0;
    if (!weighted) {
      people = reach + 1.0;
    } else {
      // A path of h steps leaves h different people and enters h different
      // people, so its length is at least the sum of the h smallest
      // shortest-out (and shortest-in) arcs.
      values.clear();
      for (vertex_id v : group) values.push_back(shortest_out[v]);
      std::size_t steps = most_steps(values, reach);
      values.clear();
      for (vertex_id v : group) values.push_back(shortest_in[v]);
      steps = std::min(steps, most_steps(values, reach));
      // Each of the h - 1 people inside the path has an arc in and an arc
      // out on it, and each arc serves at most two of them: the sum over the
      // inside people of (shortest in + shortest out) is at most 2 * reach.
      values.clear();
      for (vertex_id v : group) values.push_back(shortest_in[v] + shortest_out[v]);
      steps = std::min(steps, most_steps(values, 2.0 * reach) + 1);
      people = static_cast<double>(steps) + 1.0;
      // Or: at most reach / (shortest positive arc) positive steps, and the
      // runs of zero-length steps between them stay inside one weak component
      // of zero-length arcs.
      if (min_positive[c] < infinity) {
        const double positive = std::floor(reach * (1.0 + 1e-9) / min_positive[c]);
        people = std::min(people, (positive + 1.0) * static_cast<double>(largest_zero));
      } else {
        people = std::min(people, static_cast<double>(largest_zero));
      }
    }
    bound[c] = std::min(people, static_cast<double>(size));
  }

  // Longest path in the condensation, weighted by the component bounds
  // (Kahn's topological order over the arcs between components).
  std::vector<std::size_t> indegree(k, 0);
  std::vector<std::size_t> arc_first(k + 1, 0);
  for (vertex_id x = 0; x < n; ++x) {
    for (edge_id e = out.offsets[x]; e < out.offsets[x + 1]; ++e) {
      if (comp[out.heads[e]] != comp[x]) {
        ++arc_first[comp[x] + 1];
        ++indegree[comp[out.heads[e]]];
      }
    }
  }
  std::partial_sum(arc_first.begin(), arc_first.end(), arc_first.begin());
  std::vector<std::uint32_t> arc_head(arc_first[k]);
  {
    std::vector<std::size_t> fill(arc_first.begin(), arc_first.end() - 1);
    for (vertex_id x = 0; x < n; ++x) {
      for (edge_id e = out.offsets[x]; e < out.offsets[x + 1]; ++e) {
        if (comp[out.heads[e]] != comp[x]) arc_head[fill[comp[x]]++] = comp[out.heads[e]];
      }
    }
  }
  std::vector<double> longest(bound);
  std::vector<std::uint32_t> ready;
  for (std::uint32_t c = 0; c < k; ++c) {
    if (indegree[c] == 0) ready.push_back(c);
  }
  double best = 0.0;
  while (!ready.empty()) {
    const std::uint32_t c = ready.back();
    ready.pop_back();
    best = std::max(best, longest[c]);
    for (std::size_t a = arc_first[c]; a < arc_first[c + 1]; ++a) {
      const std::uint32_t d = arc_head[a];
      longest[d] = std::max(longest[d], longest[c] + bound[d]);
      if (--indegree[d] == 0) ready.push_back(d);
    }
  }
  return static_cast<std::size_t>(std::min(best, static_cast<double>(n)));
}

// ---- drawing one shortest path between two people --------------------------------

// Picks an index with probability proportional to weight(i) among the i for
// which eligible(i) holds, given their total; the last eligible one absorbs
// rounding.
template <class Range, class Eligible, class Weight>
auto pick(const Range& candidates, double total, SplitMix64& rng, Eligible&& eligible, Weight&& weight) {
  const double target = rng.uniform() * total;
  double sum = 0.0;
  auto chosen = *candidates.begin();
  for (auto c : candidates) {
    if (!eligible(c)) continue;
    chosen = c;
    sum += weight(c);
    if (sum > target) break;
  }
  return chosen;
}

// A range of arc positions [begin, end).
struct ArcRange {
  edge_id first, last;
  struct iterator {
    edge_id k;
    edge_id operator*() const { return k; }
    iterator& operator++() {
      ++k;
      return *this;
    }
    bool operator!=(const iterator& o) const { return k != o.k; }
  };
  [[nodiscard]] iterator begin() const { return {first}; }
  [[nodiscard]] iterator end() const { return {last}; }
};

ArcRange arcs_of(const Arcs& arcs, vertex_id v) { return {arcs.offsets[v], arcs.offsets[v + 1]}; }

// Balanced bidirectional breadth-first search (hops). Each side expands whole
// levels, the side whose frontier has the smaller degree sum first. When a
// vertex is known to both sides, every shortest path crosses the level just
// completed at exactly one vertex y, and there are sigma_f(y) * sigma_b(y) of
// them through y.
class BfsSampler {
 public:
  BfsSampler(const Arcs& out, const Arcs& in, std::size_t n)
      : out_(out), in_(in), lf_(n, detail::unreached_level), lb_(n, detail::unreached_level), sf_(n, 0.0), sb_(n, 0.0) {
    tf_.reserve(n);
    tb_.reserve(n);
  }

  template <class Credit>
  void sample(vertex_id u, vertex_id v, SplitMix64& rng, Credit&& credit) {
    reset();
    lf_[u] = 0, sf_[u] = 1.0, tf_.push_back(u);
    lb_[v] = 0, sb_[v] = 1.0, tb_.push_back(v);
    std::size_t ff = 0, fb = 0;  // first vertex of each side's frontier in tf_ / tb_
    std::size_t cost_f = degree(out_, u), cost_b = degree(in_, v);
    std::uint32_t df = 0, db = 0;
    bool forward_met = false, backward_met = false;
    while (!forward_met && !backward_met) {
      if (ff == tf_.size() || fb == tb_.size()) return;  // a side ran out: v is unreachable
      if (cost_f <= cost_b) {
        forward_met = expand(out_, lf_, sf_, lb_, tf_, ff, df, cost_f);
      } else {
        backward_met = expand(in_, lb_, sb_, lf_, tb_, fb, db, cost_b);
      }
    }
    // Meeting vertices: the level just completed, known to the other side.
    const std::vector<vertex_id>& level = forward_met ? tf_ : tb_;
    const std::size_t begin = forward_met ? ff : fb;
    const std::vector<std::uint32_t>& other = forward_met ? lb_ : lf_;
    double total = 0.0;
    for (std::size_t i = begin; i < level.size(); ++i) {
      if (other[level[i]] != detail::unreached_level) total += sf_[level[i]] * sb_[level[i]];
    }
    struct Index {
      std::size_t first, last;
      struct iterator {
        std::size_t i;
        std::size_t operator*() const { return i; }
        iterator& operator++() {
          ++i;
          return *this;
        }
        bool operator!=(const iterator& o) const { return i != o.i; }
      };
      iterator begin() const { return {first}; }
      iterator end() const { return {last}; }
    };
    const std::size_t at = pick(
        Index{begin, level.size()}, total, rng,
        [&](std::size_t i) { return other[level[i]] != detail::unreached_level; },
        [&](std::size_t i) { return sf_[level[i]] * sb_[level[i]]; });
    const vertex_id y = level[at];
    if (y != u && y != v) credit(y);
    // Towards u: predecessors p of x with lf(p) = lf(x) - 1, weight sigma_f(p).
    for (vertex_id x = y; x != u;) {
      const std::uint32_t want = lf_[x] - 1;
      const edge_id k = pick(
          arcs_of(in_, x), sf_[x], rng, [&](edge_id a) { return lf_[in_.heads[a]] == want; },
          [&](edge_id a) { return sf_[in_.heads[a]]; });
      x = in_.heads[k];
      if (x != u) credit(x);
    }
    // Towards v: successors q of x with lb(q) = lb(x) - 1, weight sigma_b(q).
    for (vertex_id x = y; x != v;) {
      const std::uint32_t want = lb_[x] - 1;
      const edge_id k = pick(
          arcs_of(out_, x), sb_[x], rng, [&](edge_id a) { return lb_[out_.heads[a]] == want; },
          [&](edge_id a) { return sb_[out_.heads[a]]; });
      x = out_.heads[k];
      if (x != v) credit(x);
    }
  }

 private:
  static std::size_t degree(const Arcs& arcs, vertex_id v) { return arcs.offsets[v + 1] - arcs.offsets[v]; }

  // Expands one whole level of one side; returns whether a vertex it found is
  // known to the other side. `first` becomes the start of the new frontier.
  static bool expand(const Arcs& arcs, std::vector<std::uint32_t>& level, std::vector<double>& sigma,
                     const std::vector<std::uint32_t>& other, std::vector<vertex_id>& known, std::size_t& first,
                     std::uint32_t& depth, std::size_t& cost) {
    const std::size_t begin = first, end = known.size();
    const std::uint32_t next = depth + 1;
    bool met = false;
    cost = 0;
    for (std::size_t i = begin; i < end; ++i) {
      const vertex_id x = known[i];
      const double s = sigma[x];
      for (edge_id k = arcs.offsets[x]; k < arcs.offsets[x + 1]; ++k) {
        const vertex_id y = arcs.heads[k];
        if (level[y] == detail::unreached_level) {
          level[y] = next;
          known.push_back(y);
          cost += degree(arcs, y);
          met = met || other[y] != detail::unreached_level;
        }
        if (level[y] == next) sigma[y] += s;
      }
    }
    first = end;
    depth = next;
    return met;
  }

  void reset() {
    for (vertex_id x : tf_) lf_[x] = detail::unreached_level, sf_[x] = 0.0;
    for (vertex_id x : tb_) lb_[x] = detail::unreached_level, sb_[x] = 0.0;
    tf_.clear();
    tb_.clear();
  }

  const Arcs& out_;
  const Arcs& in_;
  std::vector<std::uint32_t> lf_, lb_;
  std::vector<double> sf_, sb_;
  std::vector<vertex_id> tf_, tb_;  // vertices known to each side, by level
};

// Each vertex's arcs sorted by length (then head), for the lazy relaxation of
// DijkstraSampler.
struct SortedArcs {
  std::span<const edge_id> offsets;
  std::vector<vertex_id> heads;
  std::vector<double> lengths;
  /// The same arcs in head order (as in the graph), for binary search.
  const Arcs& by_head;

  explicit SortedArcs(const Arcs& source)
      : offsets(source.offsets), heads(source.heads.size()), lengths(source.heads.size()), by_head(source) {
    std::vector<std::pair<double, vertex_id>> segment;
    for (std::size_t v = 0; v + 1 < offsets.size(); ++v) {
      segment.clear();
      for (edge_id k = offsets[v]; k < offsets[v + 1]; ++k) segment.emplace_back(source.length[k], source.heads[k]);
      std::sort(segment.begin(), segment.end());
      for (std::size_t i = 0; i < segment.size(); ++i) {
        lengths[offsets[v] + i] = segment[i].first;
        heads[offsets[v] + i] = segment[i].second;
      }
    }
  }

  [[nodiscard]] vertex_id head(edge_id k) const noexcept { return heads[k]; }
  [[nodiscard]] double length(edge_id k) const noexcept { return lengths[k]; }
};

// Balanced bidirectional Dijkstra (lengths), with path keys as in
// shortest_paths.hpp.
//
// Lazy relaxation: each vertex's arcs are sorted by length, and the heap holds
// one candidate per settled vertex, its next unexamined arc, keyed by the key
// the arc would give its head. Popping a candidate settles the head (if new)
// at that key, or adds to its path count (if the key ties), and queues the
// tail's next arc. This is Dijkstra's algorithm (each vertex settles at its
// smallest key, in order), but arcs longer than the search radius are never
// touched and the heap stays as small as the settled set.
//
// Meeting: when a side settles a vertex it scans all of its arcs (a flag test
// each) for vertices the other side has settled, so mu, the best key of a
// path u ~> x -> y ~> v with x settled forward and y settled backward, has
// seen every such arc once both ends are settled. The search stops when
// top_f + top_b > mu (the smallest queued keys). Then every shortest path has
// exactly one arc x -> y with key_f(x) < top_f <= key_f(x) + length (its
// crossing arc), with x settled forward and y settled backward and both path
// counts final, and there are sigma_f(x) * sigma_b(y) shortest paths through
// it. When a side runs out of candidates first, it has settled everything it
// can reach and its own counts suffice. The side with the smaller queued key
// moves next, so both radii grow alike (balancing by work instead lets a
// side stall on a hub's thousands of arcs while the other side grows: four
// times more vertices settled on the synthetic companies).
class DijkstraSampler {
 public:
  DijkstraSampler(const SortedArcs& out, const SortedArcs& in, std::size_t n)
      : out_(out), in_(in), f_(n), b_(n), done_f_(n), done_b_(n) {}

  template <class Credit>
  void sample(vertex_id u, vertex_id v, SplitMix64& rng, Credit&& credit) {
    reset();
    Side forward{f_, done_f_, hf_, settled_f_, out_}, backward{b_, done_b_, hb_, settled_b_, in_};
    mu_ = PathKey{detail::unreached_distance, 0};
    best_.clear();
    settle(forward, u, PathKey{0.0, 0}, 1.0);
    check_meetings_forward(u);
    settle(backward, v, PathKey{0.0, 0}, 1.0);
    check_meetings_backward(v);
    while (true) {
      if (hf_.empty()) {
        if (done_f_[v]) walk_to_source(v, u, rng, credit);
        return;
      }
      if (hb_.empty()) {
        if (done_b_[u]) walk_to_target(u, v, rng, credit);
        return;
      }
      if (mu_ < combine(hf_.top().key, hb_.top().key)) break;
      if (!(hb_.top().key < hf_.top().key)) {
        advance(forward, true);
      } else {
        advance(backward, false);
      }
    }

    // The crossing arcs and their path counts: among the arcs that achieve
    // mu (recorded as they were checked; each arc between the two settled
    // sets is checked exactly once), those whose forward key crosses the
    // threshold.
    const PathKey threshold = hf_.top().key;
    crossing_.clear();
    double total = 0.0;
    for (const Meeting& c : best_) {
      const PathKey kx = key(f_[c.x]);
      if (!(kx < threshold) || detail::extend(kx, c.length) < threshold) continue;
      const double weight = f_[c.x].sigma * b_[c.y].sigma;
      crossing_.push_back({c.x, c.y, weight});
      total += weight;
    }
    // (If rounding hid every crossing arc, any arc achieving mu will do.)
    vertex_id x = best_.front().x, y = best_.front().y;
    if (!crossing_.empty()) {
      const double target = rng.uniform() * total;
      double sum = 0.0;
      for (const Crossing& c : crossing_) {
        x = c.x, y = c.y;
        sum += c.weight;
        if (sum > target) break;
      }
    }
    if (x != u && x != v) credit(x);
    walk_to_source(x, u, rng, credit);
    if (y != u && y != v) credit(y);
    walk_to_target(y, v, rng, credit);
  }

 private:
  struct Node {
    double length = detail::unreached_distance;
    double sigma = 0.0;
    std::uint32_t zero_steps = 0;
  };
  // One bit per vertex (the "settled" flags: tested for every arc a settled
  // vertex has, so they must stay in the first-level cache).
  class VertexBits {
   public:
    explicit VertexBits(std::size_t n) : words_((n + 63) / 64, 0) {}
    bool operator[](vertex_id v) const { return (words_[v >> 6] >> (v & 63)) & 1u; }
    void set(vertex_id v) { words_[v >> 6] |= std::uint64_t{1} << (v & 63); }
    void clear(vertex_id v) { words_[v >> 6] &= ~(std::uint64_t{1} << (v & 63)); }

   private:
    std::vector<std::uint64_t> words_;
  };
  // An arc x -> y joining the two settled sets.
  struct Meeting {
    vertex_id x, y;
    double length;
  };
  // A crossing arc and the number of shortest paths through it.
  struct Crossing {
    vertex_id x, y;
    double weight;
  };
  // The next unexamined arc `arc` of a settled vertex, keyed by the key it
  // would give its head.
  struct Candidate {
    PathKey key;
    edge_id arc;
    vertex_id tail;
  };
  class Heap {
   public:
    [[nodiscard]] bool empty() const noexcept { return heap_.empty(); }
    [[nodiscard]] const Candidate& top() const noexcept { return heap_.front(); }
    void clear() noexcept { heap_.clear(); }
    void push(const Candidate& c) {
      heap_.push_back(c);
      std::push_heap(heap_.begin(), heap_.end(), later);
    }
    Candidate pop() {
      std::pop_heap(heap_.begin(), heap_.end(), later);
      const Candidate c = heap_.back();
      heap_.pop_back();
      return c;
    }

   private:
    static bool later(const Candidate& a, const Candidate& b) { return b.key < a.key; }
    std::vector<Candidate> heap_;
  };
  struct Side {
    std::vector<Node>& node;
    VertexBits& done;
    Heap& heap;
    std::vector<vertex_id>& settled;
    const SortedArcs& arcs;
  };

  // Scan a vertex's arcs for meetings when it has at most this many times as
  // many arcs as the other side has settled vertices; else binary search.
  static constexpr std::size_t lookup_factor = 16;

  static PathKey key(const Node& node) { return {node.length, node.zero_steps}; }
  static PathKey combine(PathKey a, PathKey b) { return {a.length + b.length, a.zero_steps + b.zero_steps}; }

  static void queue_arc(Side& side, vertex_id tail, edge_id arc) {
    if (arc < side.arcs.offsets[tail + 1]) {
      side.heap.push({detail::extend(key(side.node[tail]), side.arcs.length(arc)), arc, tail});
    }
  }

  static void settle(Side& side, vertex_id x, PathKey k, double sigma) {
    Node& node = side.node[x];
    node.length = k.length;
    node.zero_steps = k.zero_steps;
    node.sigma = sigma;
    side.done.set(x);
    side.settled.push_back(x);
    queue_arc(side, x, side.arcs.offsets[x]);
  }

  // Pops one candidate of `side`.
  void advance(Side& side, bool is_forward) {
    const Candidate c = side.heap.pop();
    queue_arc(side, c.tail, c.arc + 1);
    const vertex_id y = side.arcs.head(c.arc);
    Node& node = side.node[y];
    if (side.done[y]) {
      if (key(node) == c.key) node.sigma += side.node[c.tail].sigma;
      return;
    }
    settle(side, y, c.key, side.node[c.tail].sigma);
    if (is_forward) {
      check_meetings_forward(y);
    } else {
      check_meetings_backward(y);
    }
  }

  // The arc x -> y of length `length` joins the two settled sets with a path
  // of key `total`: keep the arcs achieving the smallest key.
  void record(vertex_id x, vertex_id y, double length, PathKey total) {
    if (total < mu_) {
      mu_ = total;
      best_.clear();
    }
    if (total == mu_) best_.push_back({x, y, length});
  }

  // x was just settled forward: its arcs x -> y to vertices settled backward.
  // A person with many ties (a CEO can influence half the company) is
  // checked the other way round: each vertex settled backward is looked up
  // among x's arcs by binary search.
  void check_meetings_forward(vertex_id x) {
    const PathKey kx = key(f_[x]);
    auto meet = [&](vertex_id y, double length) {
      record(x, y, length, combine(detail::extend(kx, length), key(b_[y])));
    };
    const edge_id begin = out_.offsets[x], end = out_.offsets[x + 1];
    if (end - begin <= lookup_factor * settled_b_.size()) {
      for (edge_id k = begin; k < end; ++k) {
        if (done_b_[out_.head(k)]) meet(out_.head(k), out_.length(k));
      }
    } else {
      const Arcs& arcs = out_.by_head;
      for (vertex_id y : settled_b_) {
        const auto* at = std::lower_bound(arcs.heads.data() + begin, arcs.heads.data() + end, y);
        if (at != arcs.heads.data() + end && *at == y)
          meet(y, arcs.length[static_cast<std::size_t>(at - arcs.heads.data())]);
      }
    }
  }

  // y was just settled backward: its arcs x -> y from vertices settled forward.
  void check_meetings_backward(vertex_id y) {
    const PathKey ky = key(b_[y]);
    auto meet = [&](vertex_id x, double length) {
      record(x, y, length, combine(detail::extend(key(f_[x]), length), ky));
    };
    const edge_id begin = in_.offsets[y], end = in_.offsets[y + 1];
    if (end - begin <= lookup_factor * settled_f_.size()) {
      for (edge_id k = begin; k < end; ++k) {
        if (done_f_[in_.head(k)]) meet(in_.head(k), in_.length(k));
      }
    } else {
      const Arcs& arcs = in_.by_head;
      for (vertex_id x : settled_f_) {
        const auto* at = std::lower_bound(arcs.heads.data() + begin, arcs.heads.data() + end, x);
        if (at != arcs.heads.data() + end && *at == x)
          meet(x, arcs.length[static_cast<std::size_t>(at - arcs.heads.data())]);
      }
    }
  }

  // The arcs of x no longer than `limit`: the only ones that can end a path
  // of length `limit` at x (a hub's other thousands are never looked at).
  static ArcRange within(const SortedArcs& arcs, vertex_id x, double limit) {
    const double* lengths = arcs.lengths.data();
    const double* last = std::upper_bound(lengths + arcs.offsets[x], lengths + arcs.offsets[x + 1], limit);
    return {arcs.offsets[x], static_cast<edge_id>(last - lengths)};
  }

  // From x back to u along the forward shortest-path graph: a settled
  // in-neighbour p whose key extended by the arc gives x's key, with
  // probability sigma_f(p) / sigma_f(x).
  template <class Credit>
  void walk_to_source(vertex_id x, vertex_id u, SplitMix64& rng, Credit& credit) {
    while (x != u) {
      const PathKey kx = key(f_[x]);
      const edge_id k = pick(
          within(in_, x, kx.length), f_[x].sigma, rng,
          [&](edge_id a) {
            const vertex_id p = in_.head(a);
            return done_f_[p] && detail::extend(key(f_[p]), in_.length(a)) == kx;
          },
          [&](edge_id a) { return f_[in_.head(a)].sigma; });
      x = in_.head(k);
      if (x != u) credit(x);
    }
  }

  // From y on to v along the backward shortest-path graph.
  template <class Credit>
  void walk_to_target(vertex_id y, vertex_id v, SplitMix64& rng, Credit& credit) {
    while (y != v) {
      const PathKey ky = key(b_[y]);
      const edge_id k = pick(
          within(out_, y, ky.length), b_[y].sigma, rng,
          [&](edge_id a) {
            const vertex_id q = out_.head(a);
            return done_b_[q] && detail::extend(key(b_[q]), out_.length(a)) == ky;
          },
          [&](edge_id a) { return b_[out_.head(a)].sigma; });
      y = out_.head(k);
      if (y != v) credit(y);
    }
  }

  void reset() {
    for (vertex_id x : settled_f_) f_[x] = Node{}, done_f_.clear(x);
    for (vertex_id x : settled_b_) b_[x] = Node{}, done_b_.clear(x);
    settled_f_.clear();
    settled_b_.clear();
    hf_.clear();
    hb_.clear();
  }

  const SortedArcs& out_;
  const SortedArcs& in_;
  std::vector<Node> f_, b_;
  VertexBits done_f_, done_b_;
  std::vector<vertex_id> settled_f_, settled_b_;  // settled by each side, in order
  Heap hf_, hb_;
  std::vector<Crossing> crossing_;
  PathKey mu_{detail::unreached_distance, 0};
  std::vector<Meeting> best_;  // the arcs achieving mu
};

template <class Sampler, class ArcsType>
std::vector<std::uint64_t> count_samples(const ArcsType& out, const ArcsType& in, std::size_t samples,
                                         std::uint64_t seed, int threads) {
  const std::size_t n = out.offsets.size() - 1;
  std::vector<std::uint64_t> counts(n, 0);
  struct Scratch {
    Sampler sampler;
    std::vector<std::uint64_t> counts;
  };
  detail::ProgressTask progress("approximate betweenness", samples);
  detail::parallel_for_items(
      samples, threads, 64,
      [&] {
        return Scratch{Sampler(out, in, n), std::vector<std::uint64_t>(n, 0)};
      },
      [&](Scratch& scratch, std::size_t i) {
        SplitMix64 rng(detail::stream_seed(seed, i));
        const auto u = static_cast<vertex_id>(rng.below(n));
        auto v = static_cast<vertex_id>(rng.below(n - 1));
        if (v >= u) ++v;
        scratch.sampler.sample(u, v, rng, [&](vertex_id x) { ++scratch.counts[x]; });
        progress.advance();
      },
      [&](Scratch& scratch) {
        for (std::size_t x = 0; x < n; ++x) counts[x] += scratch.counts[x];
      });
  return counts;
}

}  // namespace

ApproximateBetweennessResult approximate_betweenness(const InfluenceGraph& graph,
                                                     const ApproximateBetweennessOptions& options) {
  auto fail = [](const std::string& field, const std::string& rule, double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", value);
    throw invalid_argument("approximate_betweenness: " + field + " must " + rule + ", got " + text);
  };
  if (!(options.epsilon > 0.0 && options.epsilon < 1.0)) fail("epsilon", "lie in (0, 1)", options.epsilon);
  if (!(options.delta > 0.0 && options.delta < 1.0)) fail("delta", "lie in (0, 1)", options.delta);
  if (options.threads < 0) fail("threads", "be >= 0 (0 = all available)", options.threads);

  const std::size_t n = graph.num_vertices();
  ApproximateBetweennessResult result;
  result.score.assign(n, 0.0);
  result.epsilon = options.epsilon;
  result.delta = options.delta;
  result.seed = options.seed;
  result.vertex_diameter_bound = n;
  if (n < 3) return result;

  const Arcs out = detail::make_arcs(graph, detail::Traversal::forward, options.distance);
  const Arcs in = detail::make_arcs(graph, detail::Traversal::backward, options.distance);
  const std::size_t vd = vertex_diameter_bound(graph, out, in);
  result.vertex_diameter_bound = vd;
  if (vd < 3) return result;

  // r = ceil((c / eps^2) (floor(log2(VD - 2)) + 1 + ln(1 / delta))).
  const auto vc_dimension = static_cast<double>(std::bit_width(vd - 2) - 1) + 1.0;
  const double r =
      std::ceil(rk_constant / (options.epsilon * options.epsilon) * (vc_dimension + std::log(1.0 / options.delta)));
  if (!(r <= 1e15)) fail("epsilon", "be large enough for at most 1e15 samples", options.epsilon);
  result.samples = static_cast<std::size_t>(r);

  const int threads = detail::resolve_threads(options.threads);
  std::vector<std::uint64_t> counts;
  if (out.unit()) {
    counts = count_samples<BfsSampler>(out, in, result.samples, options.seed, threads);
  } else {
    const SortedArcs sorted_out(out), sorted_in(in);
    counts = count_samples<DijkstraSampler>(sorted_out, sorted_in, result.samples, options.seed, threads);
  }
  for (std::size_t x = 0; x < n; ++x) result.score[x] = static_cast<double>(counts[x]) / r;
  return result;
}

}  // namespace orgnet
