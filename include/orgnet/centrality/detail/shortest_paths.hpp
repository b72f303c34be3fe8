#pragma once
// Shortest-path searches shared by closeness, harmonic closeness and
// betweenness (and by anything else that needs them):
//   BatchBfs           breadth-first search from 64 sources at once (hops,
//                      distances only: closeness, harmonic closeness);
//   BfsWorkspace       direction-optimizing breadth-first search that counts
//                      shortest paths (Brandes' sigma) and records the arcs of
//                      the shortest-path graph (hops: betweenness);
//   DistanceWorkspace  Dijkstra, distances only (lengths: closeness);
//   DijkstraWorkspace  Dijkstra that counts shortest paths and records the
//                      candidate arcs of the shortest-path graph (lengths:
//                      betweenness).
// The Dijkstra searches take their vertices from a BucketQueue (Dial's
// buckets, O(1) per operation) when the lengths allow it, else from a
// RadixHeap; both are monotone queues with lazy deletion (no decrease-key:
// a vertex is pushed again when its key improves, and stale entries are
// skipped when popped). Each search lists the vertices it reached in an order
// that is topological for the shortest-path graph (Brandes' stack S).
//
// Lengths and ties. A path's length is the sum of its edges' lengths, added as
// doubles from the source in path order (as NetworkX does), and lengths are
// compared exactly, with no tolerance: two paths are tied only when their sums
// are the same double. A step that does not make the sum grow -- an edge of
// length 0, such as a tie of strength 1 under -ln s, or a length too small to
// change the sum -- needs care when counting paths: people joined by such
// steps in both directions would be each other's predecessors, and the
// counts would go round in circles. The counting variants therefore order
// tentative paths by the key (length, zero_steps), lexicographically, where
// zero_steps counts the steps that did not make the sum grow: among paths of
// equal length the ones with fewer such steps are the shortest. This is the
// limit of giving each zero-length tie a tiny positive length, it keeps the
// shortest-path graph acyclic, and it changes nothing when every step makes the
// sum grow (then zero_steps is always 0 and the paths counted are exactly
// NetworkX's). Distances (the `length` part) are the same either way.
//
// A path whose length overflows to +infinity counts as no path.
//
// Workspaces hold one entry per vertex (and per arc, for the recorded arcs)
// and are reset in O(vertices reached) after each search, so a thread
// allocates once and reuses them for every source. Searches follow `Arcs`:
// out-edges (paths from the source) or in-edges (paths into the source, i.e.
// the reversed graph).

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

#include "orgnet/model/distance.hpp"
#include "orgnet/model/influence_graph.hpp"

namespace orgnet::detail {

/// Which edges a search follows from a vertex.
enum class Traversal {
  forward,   ///< out-edges: distances from the source
  backward,  ///< in-edges: distances to the source
};

/// One direction of the graph as flat arrays: the arcs leaving v (in the
/// traversal's sense) are positions [offsets[v], offsets[v+1]) of `heads` and
/// `length`. For forward arcs the position is the edge id.
struct Arcs {
  std::span<const edge_id> offsets;
  std::span<const vertex_id> heads;
  /// Edge id of each arc (backward arcs); empty when the position is the id (forward arcs).
  std::span<const edge_id> ids;
  /// Length of each arc (aligned with heads); empty when every arc counts 1 (hops).
  std::vector<double> length;
  /// Smallest positive length and largest length (0 when there are none).
  double shortest = 0.0, longest = 0.0;
  /// zero_head[v] != 0 when an arc of length 0 leads to v; empty when no arc
  /// has length 0.
  std::vector<char> zero_head;

  [[nodiscard]] std::size_t num_vertices() const noexcept { return offsets.empty() ? 0 : offsets.size() - 1; }
  [[nodiscard]] bool unit() const noexcept { return length.empty(); }
  [[nodiscard]] edge_id id(edge_id k) const noexcept { return ids.empty() ? k : ids[k]; }
  [[nodiscard]] std::size_t degree(vertex_id v) const noexcept { return offsets[v + 1] - offsets[v]; }
};

/// The arcs of `graph` in direction `traversal`, with lengths from `transform`
/// (none for hops).
[[nodiscard]] inline Arcs make_arcs(const InfluenceGraph& graph, Traversal traversal, DistanceTransform transform) {
  Arcs arcs;
  const auto strengths = graph.strengths();
  if (traversal == Traversal::forward) {
    arcs.offsets = graph.out_offsets();
    arcs.heads = graph.out_targets();
    if (transform != DistanceTransform::hops) {
      arcs.length.resize(strengths.size());
      for (std::size_t e = 0; e < strengths.size(); ++e) arcs.length[e] = to_distance(strengths[e], transform);
    }
  } else {
    arcs.offsets = graph.in_offsets();
    arcs.heads = graph.in_sources();
    arcs.ids = graph.in_edge_ids();
    if (transform != DistanceTransform::hops) {
      const auto ids = graph.in_edge_ids();
      arcs.length.resize(ids.size());
      for (std::size_t k = 0; k < ids.size(); ++k) arcs.length[k] = to_distance(strengths[ids[k]], transform);
    }
  }
  for (std::size_t k = 0; k < arcs.length.size(); ++k) {
    const double l = arcs.length[k];
    arcs.longest = std::max(arcs.longest, l);
    if (l > 0.0) {
      arcs.shortest = arcs.shortest == 0.0 ? l : std::min(arcs.shortest, l);
    } else {
      if (arcs.zero_head.empty()) arcs.zero_head.assign(arcs.num_vertices(), 0);
      arcs.zero_head[arcs.heads[k]] = 1;
    }
  }
  return arcs;
}

inline constexpr std::uint32_t unreached_level = std::numeric_limits<std::uint32_t>::max();
inline constexpr double unreached_distance = std::numeric_limits<double>::infinity();

// ---- breadth-first search ------------------------------------------------------

/// Breadth-first searches from up to 64 sources at once (multi-source BFS,
/// Then et al., "The More the Merrier: Efficient Multi-Source Graph
/// Traversal", PVLDB 8(4), 2014): bit i of a vertex's words stands for
/// source i, so one pass over a vertex's arcs advances every search that has
/// the vertex in its frontier. Small-world graphs have few levels, so each arc
/// is read a few times per batch instead of once per source. Distances only.
class BatchBfs {
 public:
  static constexpr std::size_t width = 64;

  explicit BatchBfs(std::size_t n) : seen_(n, 0), frontier_(n, 0), next_(n, 0) {}

  /// BFS from `sources` (at most 64, distinct). For every level l >= 1 and
  /// every vertex w first reached at level l by some of the searches, calls
  /// reach(l, w, bits) with bit i set for each such sources[i]; then
  /// level_done(l) once the level is complete.
  template <class Reach, class LevelDone>
  void run(const Arcs& arcs, std::span<const vertex_id> sources, Reach&& reach, LevelDone&& level_done) {
    const std::size_t n = seen_.size();
    std::fill(seen_.begin(), seen_.end(), 0);
    active_.clear();
    for (std::size_t i = 0; i < sources.size(); ++i) {
      seen_[sources[i]] |= std::uint64_t{1} << i;
      frontier_[sources[i]] |= std::uint64_t{1} << i;
      active_.push_back(sources[i]);
    }
    const edge_id* offsets = arcs.offsets.data();
    const vertex_id* heads = arcs.heads.data();
    std::uint64_t* seen = seen_.data();
    std::uint64_t* frontier = frontier_.data();
    std::uint64_t* next = next_.data();
    for (std::uint32_t level = 1; !active_.empty(); ++level) {
      for (vertex_id v : active_) {
        const std::uint64_t bits = frontier[v];
        frontier[v] = 0;
        for (edge_id k = offsets[v], end = offsets[v + 1]; k < end; ++k) next[heads[k]] |= bits;
      }
      active_.clear();
      for (vertex_id w = 0; w < n; ++w) {
        const std::uint64_t fresh = next[w] & ~seen[w];
        next[w] = 0;
        if (fresh == 0) continue;
        seen[w] |= fresh;
        frontier[w] = fresh;
        active_.push_back(w);
        reach(level, w, fresh);
      }
      level_done(level);
    }
  }

 private:
  std::vector<std::uint64_t> seen_, frontier_, next_;
  std::vector<vertex_id> active_;
};

/// Per-vertex state of a counting BFS. `value` holds sigma (the number of
/// shortest paths from the source) after the search; Brandes' accumulation
/// may overwrite it (see betweenness).
struct BfsNode {
  double value;
  std::uint32_t level;
};

/// An arc of the shortest-path graph: its other end (the head of a
/// successor, the tail of a predecessor) and its edge id.
struct DagArc {
  vertex_id other;
  edge_id arc;
};

/// Hop distances and shortest-path counts, by a direction-optimizing
/// breadth-first search (Beamer, Asanovic and Patterson, SC 2012). Each level
/// is expanded the cheaper way:
///   top-down:  scan the out-arcs of the frontier (cost: their number);
///   bottom-up: scan the in-arcs of every person not yet reached, summing the
///              path counts of the ones in the frontier (cost: their number).
/// Unlike a plain BFS the bottom-up step cannot stop at the first parent
/// (sigma needs them all), but on small-world graphs it still reads about a
/// third of the arcs a top-down search reads: most people are reached in the
/// middle levels, after which the frontier is huge and the rest is small.
///
/// The arcs of the shortest-path graph are recorded while scanning, so that
/// Brandes' accumulation reads only them (about a quarter of the arcs): for a
/// level expanded top-down, as successors of its people; for a level reached
/// bottom-up, as predecessors of the people reached.
class BfsWorkspace {
 public:
  BfsWorkspace(std::size_t n, std::size_t m)
      : node_(n, BfsNode{0.0, unreached_level}),
        delta_(n, 0.0),
        order_(n),
        succ_first_(n, 0),
        succ_end_(n, 0),
        pred_first_(n, 0),
        pred_end_(n, 0),
        succ_(m),
        pred_(m) {}

  /// BFS from `source` over `out` (with `in`, the same graph's in-arcs)
  /// counting shortest paths: sigma(source) = 1 and sigma(w) = sum of
  /// sigma(v) over arcs v -> w with level(w) = level(v) + 1.
  void run(const Arcs& out, const Arcs& in, vertex_id source) {
    clear();
    BfsNode* node = node_.data();
    vertex_id* order = order_.data();
    std::size_t tail = 0, succ_count = 0, pred_count = 0;
    node[source] = {1.0, 0};
    order[tail++] = source;
    level_begin_.push_back(0);
    std::size_t top_down_cost = out.degree(source);
    std::size_t bottom_up_cost = in.heads.size() - in.degree(source);
    bool unreached_listed = false;
    // The frontier is [level_begin_.back(), tail): the people reached last.
    for (std::uint32_t level = 0; level_begin_.back() < tail; ++level) {
      const std::size_t begin = level_begin_.back(), end = tail;
      const std::uint32_t next = level + 1;
      std::size_t next_cost = 0;
      if (bottom_up_cost < top_down_cost) {
        top_down_.push_back(0);
        if (!unreached_listed) {
          for (vertex_id v = 0; v < node_.size(); ++v) {
            if (node[v].level == unreached_level) unreached_.push_back(v);
          }
          unreached_listed = true;
        }
        std::size_t kept = 0;
        for (const vertex_id w : unreached_) {
          if (node[w].level != unreached_level) continue;  // reached top-down since listed
          double sigma = 0.0;
          const std::size_t first = pred_count;
          for (edge_id k = in.offsets[w], stop = in.offsets[w + 1]; k < stop; ++k) {
            const BfsNode& v = node[in.heads[k]];
            if (v.level == level) {
              sigma += v.value;
              pred_[pred_count++] = {in.heads[k], in.id(k)};
            }
          }
          if (pred_count == first) {
            unreached_[kept++] = w;
            continue;
          }
          node[w] = {sigma, next};
          pred_first_[tail] = static_cast<std::uint32_t>(first);
          pred_end_[tail] = static_cast<std::uint32_t>(pred_count);
          order[tail++] = w;
          next_cost += out.degree(w);
          bottom_up_cost -= in.degree(w);
        }
        unreached_.resize(kept);
      } else {
        top_down_.push_back(1);
        const edge_id* offsets = out.offsets.data();
        const vertex_id* heads = out.heads.data();
        for (std::size_t i = begin; i < end; ++i) {
          const vertex_id v = order[i];
          const double sigma = node[v].value;
          succ_first_[i] = static_cast<std::uint32_t>(succ_count);
          for (edge_id k = offsets[v], stop = offsets[v + 1]; k < stop; ++k) {
            const vertex_id x = heads[k];
            BfsNode& w = node[x];
            if (w.level == unreached_level) {
              w.level = next;
              order[tail++] = x;
              next_cost += out.degree(x);
              bottom_up_cost -= in.degree(x);
            }
            if (w.level == next) {
              w.value += sigma;
              succ_[succ_count++] = {x, k};
            }
          }
          succ_end_[i] = static_cast<std::uint32_t>(succ_count);
        }
      }
      top_down_cost = next_cost;
      level_begin_.push_back(end);  // where the next level starts (the last entry ends the last level)
    }
    reached_ = tail;
  }

  [[nodiscard]] BfsNode* nodes() noexcept { return node_.data(); }
  [[nodiscard]] const BfsNode* nodes() const noexcept { return node_.data(); }
  /// A zeroed accumulator per reached vertex, for Brandes' dependencies.
  [[nodiscard]] double* deltas() noexcept { return delta_.data(); }
  /// The reached vertices, level by level.
  [[nodiscard]] std::span<const vertex_id> order() const noexcept { return {order_.data(), reached_}; }
  /// Number of levels (the source's is level 0).
  [[nodiscard]] std::size_t levels() const noexcept { return level_begin_.size() - 1; }
  /// Positions in order() of the people at `level`: [first, last).
  [[nodiscard]] std::size_t level_first(std::size_t level) const noexcept { return level_begin_[level]; }
  [[nodiscard]] std::size_t level_last(std::size_t level) const noexcept { return level_begin_[level + 1]; }
  /// Whether the arcs from `level` to the next were found top-down (as
  /// successors(i) of the people at `level`) or bottom-up (as predecessors(i)
  /// of the people at the next level).
  [[nodiscard]] bool top_down(std::size_t level) const noexcept { return top_down_[level] != 0; }
  [[nodiscard]] std::span<const DagArc> successors(std::size_t i) const noexcept {
    return {succ_.data() + succ_first_[i], succ_end_[i] - succ_first_[i]};
  }
  [[nodiscard]] std::span<const DagArc> predecessors(std::size_t i) const noexcept {
    return {pred_.data() + pred_first_[i], pred_end_[i] - pred_first_[i]};
  }

 private:
  void clear() noexcept {
    for (std::size_t i = 0; i < reached_; ++i) {
      node_[order_[i]] = BfsNode{0.0, unreached_level};
      delta_[order_[i]] = 0.0;
      succ_first_[i] = succ_end_[i] = 0;
      pred_first_[i] = pred_end_[i] = 0;
    }
    level_begin_.clear();
    top_down_.clear();
    unreached_.clear();
    reached_ = 0;
  }

  std::vector<BfsNode> node_;
  std::vector<double> delta_;
  std::vector<vertex_id> order_;
  std::vector<std::uint32_t> succ_first_, succ_end_, pred_first_, pred_end_;
  std::vector<DagArc> succ_, pred_;
  std::vector<std::size_t> level_begin_;
  std::vector<char> top_down_;
  std::vector<vertex_id> unreached_;
  std::size_t reached_ = 0;
};

// ---- Dijkstra -------------------------------------------------------------------

/// Tentative path key (see the header comment).
struct PathKey {
  double length;
  std::uint32_t zero_steps;
};

[[nodiscard]] inline bool operator<(const PathKey& a, const PathKey& b) noexcept {
  return a.length < b.length || (a.length == b.length && a.zero_steps < b.zero_steps);
}
[[nodiscard]] inline bool operator==(const PathKey& a, const PathKey& b) noexcept {
  return a.length == b.length && a.zero_steps == b.zero_steps;
}

/// The key of a path of key `key` extended by one arc of length `length`.
[[nodiscard]] inline PathKey extend(PathKey key, double length) noexcept {
  const double sum = key.length + length;
  return {sum, key.zero_steps + (sum == key.length ? 1u : 0u)};
}

/// An entry of the monotone queues (RadixHeap, BucketQueue): a key and a vertex.
template <class Key>
struct RadixEntry {
  Key key_;
  vertex_id vertex;
  RadixEntry(Key k, vertex_id v) noexcept : key_(k), vertex(v) {}
  [[nodiscard]] Key key() const noexcept { return key_; }
  [[nodiscard]] double length() const noexcept { return key_; }
};

/// PathKey entries packed into 16 bytes (a PathKey alone is padded to 16).
template <>
struct RadixEntry<PathKey> {
  double length_;
  std::uint32_t zero_steps;
  vertex_id vertex;
  RadixEntry(PathKey k, vertex_id v) noexcept : length_(k.length), zero_steps(k.zero_steps), vertex(v) {}
  [[nodiscard]] PathKey key() const noexcept { return {length_, zero_steps}; }
  [[nodiscard]] double length() const noexcept { return length_; }
};

/// A monotone priority queue (a radix heap; Ahuja, Mehlhorn, Orlin and Tarjan,
/// J. ACM 37(2), 1990): keys pushed are never smaller than the last key
/// popped, which holds in Dijkstra's algorithm. Keys are lengths (double) or
/// PathKeys. Lengths are never negative (nor -0.0), and non-negative doubles
/// order like their bit patterns read as unsigned integers: an entry goes to
/// the bucket numbered by the highest bit in which its length differs from
/// the last length popped, and popping refills bucket 0 from the first
/// non-empty bucket when it runs dry. Pushes cost O(1) and each entry moves
/// down a few buckets at most, which beats a binary heap's O(log n) sifts.
/// Bucket 0 holds the entries whose length equals the last one popped; for
/// PathKeys it is kept as a binary heap on zero_steps, so ties of length pop
/// by their count of zero steps. Stale entries stay in the heap until popped
/// (the caller skips them). Entries with equal keys pop in no particular (but
/// deterministic) order. clear() before each search: the heap remembers the
/// last key popped.
template <class Key>
class RadixHeap {
 public:
  using Entry = RadixEntry<Key>;

  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }

  void clear() noexcept {
    for (auto& bucket : buckets_) bucket.clear();
    used_ = 0;
    size_ = 0;
    last_ = 0;
  }

  /// Adds an entry (always succeeds; the result mirrors BucketQueue::push).
  bool push(Key key, vertex_id vertex) {
    const Entry e(key, vertex);
    const int b = bucket_of(e);
    buckets_[b].push_back(e);
    if (b == 0) sift_up_zero();
    used_ |= std::uint64_t{1} << b;
    ++size_;
    return true;
  }

  /// The entry with the smallest key (the heap must not be empty).
  [[nodiscard]] const Entry& top() {
    refill();
    return ordered_ties ? buckets_[0].front() : buckets_[0].back();
  }

  Entry pop() {
    refill();
    std::vector<Entry>& zero = buckets_[0];
    if constexpr (ordered_ties) std::pop_heap(zero.begin(), zero.end(), more_zero_steps);
    const Entry e = zero.back();
    zero.pop_back();
    if (zero.empty()) used_ &= ~std::uint64_t{1};
    --size_;
    return e;
  }

 private:
  static constexpr bool ordered_ties = std::is_same_v<Key, PathKey>;

  static bool more_zero_steps(const Entry& a, const Entry& b) noexcept { return a.zero_steps > b.zero_steps; }

  // 0 when the length equals the last one popped, else 1 + the highest
  // differing bit; never 64, since the sign bit of a length is always 0.
  [[nodiscard]] int bucket_of(const Entry& e) const noexcept {
    const std::uint64_t x = std::bit_cast<std::uint64_t>(e.length()) ^ last_;
    return x == 0 ? 0 : 64 - std::countl_zero(x);
  }

  void sift_up_zero() {
    if constexpr (ordered_ties) std::push_heap(buckets_[0].begin(), buckets_[0].end(), more_zero_steps);
  }

  // Makes bucket 0 hold the entries with the smallest length.
  void refill() {
    if (!buckets_[0].empty()) return;
    const int b = std::countr_zero(used_ & ~std::uint64_t{1});
    std::vector<Entry>& from = buckets_[b];
    double smallest = from.front().length();
    for (const Entry& e : from) smallest = std::min(smallest, e.length());
    last_ = std::bit_cast<std::uint64_t>(smallest);
    for (const Entry& e : from) {
      const int to = bucket_of(e);  // always < b
      buckets_[to].push_back(e);
      used_ |= std::uint64_t{1} << to;
    }
    from.clear();
    used_ &= ~(std::uint64_t{1} << b);
    if constexpr (ordered_ties) std::make_heap(buckets_[0].begin(), buckets_[0].end(), more_zero_steps);
  }

  std::array<std::vector<Entry>, 64> buckets_;
  std::uint64_t used_ = 0;  // bit b: bucket b is not empty
  std::size_t size_ = 0;
  std::uint64_t last_ = 0;  // bits of the last length popped
};

/// A monotone bucket queue (Dial's algorithm, with buckets of a width just
/// below the shortest positive arc). An arc of positive length leads out of
/// the bucket of its tail: the bucket index floor(key / width) of d + length
/// exceeds that of d, since length >= shortest > width. So a vertex that no
/// arc of length 0 enters cannot be improved by anyone in its own bucket:
/// its key is final once its bucket is the first non-empty one, and such
/// vertices are taken in any order (pushes and pops cost O(1)). The others
/// (heads of zero-length arcs: ties of strength 1 under -ln s) can still
/// improve each other inside a bucket, so a bucket hands them out after its
/// plain vertices, in key order (a binary heap; they are few). Either way the
/// vertices come out in an order that is topological for the shortest-path
/// graph, and their keys are final.
///
/// The width is shortest * (1 - 2^-30), a margin that keeps the argument true
/// in floating point while bucket indices stay below 2^20; push() refuses a
/// key beyond that (the caller then starts over with a RadixHeap). The live
/// buckets span at most longest / width + 1 indices, kept in a ring.
template <class Key>
class BucketQueue {
 public:
  using Entry = RadixEntry<Key>;
  static constexpr double max_index = 1048576.0;  // 2^20
  static constexpr std::size_t max_ring = 65536;

  /// Whether arcs of these lengths (see Arcs) suit a bucket queue.
  [[nodiscard]] static bool suits(const Arcs& arcs) noexcept {
    return arcs.shortest > 0.0 && arcs.longest < std::numeric_limits<double>::infinity() &&
           arcs.longest / width_for(arcs.shortest) + 2.0 < static_cast<double>(max_ring);
  }

  explicit BucketQueue(const Arcs& arcs)
      : inverse_width_(1.0 / width_for(arcs.shortest)),
        plain_(static_cast<std::size_t>(arcs.longest * inverse_width_) + 2),
        zero_(plain_.size()),
        used_((plain_.size() + 63) / 64, 0),
        zero_head_(arcs.zero_head.empty() ? nullptr : arcs.zero_head.data()) {}

  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }

  /// Adds an entry; false (and nothing added) when its bucket index would
  /// reach 2^20.
  [[nodiscard]] bool push(Key key, vertex_id vertex) {
    const Entry e(key, vertex);
    const double index = e.length() * inverse_width_;
    if (!(index < max_index)) return false;
    const std::size_t slot = static_cast<std::size_t>(index) % plain_.size();
    (zero_head_ != nullptr && zero_head_[vertex] ? zero_ : plain_)[slot].push_back(e);
    used_[slot / 64] |= std::uint64_t{1} << (slot % 64);
    ++size_;
    return true;
  }

  /// The next entry (the queue must not be empty).
  Entry pop() {
    while (true) {
      const std::size_t slot = current_ % plain_.size();
      std::vector<Entry>& plain = plain_[slot];
      std::vector<Entry>& zero = zero_[slot];
      if (!plain.empty()) {
        const Entry e = plain.back();
        plain.pop_back();
        if (plain.empty() && zero.empty()) used_[slot / 64] &= ~(std::uint64_t{1} << (slot % 64));
        --size_;
        return e;
      }
      if (!zero.empty() || !heap_.empty()) {
        for (const Entry& e : zero) {
          heap_.push_back(e);
          std::push_heap(heap_.begin(), heap_.end(), later);
        }
        zero.clear();
        used_[slot / 64] &= ~(std::uint64_t{1} << (slot % 64));
        std::pop_heap(heap_.begin(), heap_.end(), later);
        const Entry e = heap_.back();
        heap_.pop_back();
        --size_;
        return e;
      }
      current_ += distance_to_next(slot);
    }
  }

  /// Empties the queue (cheap when it was emptied by pops).
  void clear() noexcept {
    if (size_ != 0) {
      for (auto& bucket : plain_) bucket.clear();
      for (auto& bucket : zero_) bucket.clear();
      heap_.clear();
      std::fill(used_.begin(), used_.end(), 0);
    }
    size_ = 0;
    current_ = 0;
  }

 private:
  static double width_for(double shortest) noexcept { return shortest * (1.0 - 0x1p-30); }
  static bool later(const Entry& a, const Entry& b) noexcept { return b.key() < a.key(); }

  // How many slots after `slot`, going round the ring, the next non-empty
  // bucket is (there is one: the queue is not empty). Reads the bitmap of
  // non-empty buckets a word at a time, so long runs of empty buckets (arcs
  // much longer than the shortest one) are skipped quickly.
  [[nodiscard]] std::size_t distance_to_next(std::size_t slot) const noexcept {
    const std::size_t ring = plain_.size();
    std::size_t at = (slot + 1) % ring, skipped = 1;
    while (true) {
      const std::uint64_t word = used_[at / 64] >> (at % 64);
      if (word != 0) {
        const auto step = static_cast<std::size_t>(std::countr_zero(word));
        if (at + step < ring) return skipped + step;
      }
      const std::size_t to_word_end = 64 - at % 64;  // slots left in this word
      const std::size_t to_ring_end = ring - at;
      const std::size_t step = std::min(to_word_end, to_ring_end);
      skipped += step;
      at = (at + step) % ring;
    }
  }

  double inverse_width_;
  std::vector<std::vector<Entry>> plain_, zero_;  // rings of buckets
  std::vector<std::uint64_t> used_;               // bit per slot: plain or zero bucket not empty
  std::vector<Entry> heap_;                       // the current bucket's zero-length heads, by key
  const char* zero_head_;
  std::size_t current_ = 0;  // absolute index of the current bucket
  std::size_t size_ = 0;
};

/// Distances only.
class DistanceWorkspace {
 public:
  explicit DistanceWorkspace(std::size_t n) : dist_(n, unreached_distance), order_(n) {}

  /// Dijkstra from `source` over `arcs` (which must carry lengths): afterwards
  /// distance(v) is the length of a shortest path (or +infinity) and order()
  /// lists the reached vertices by non-decreasing distance (by bucket of
  /// non-decreasing distance when the arcs suit a BucketQueue).
  void run(const Arcs& arcs, vertex_id source) {
    clear();
    if (BucketQueue<double>::suits(arcs)) {
      if (!buckets_) buckets_.emplace(arcs);
      if (search(*buckets_, arcs, source)) return;
      buckets_->clear();  // a distance too far for the buckets: start over
      std::fill(dist_.begin(), dist_.end(), unreached_distance);
      reached_ = 0;
    }
    (void)search(heap_, arcs, source);
  }

  [[nodiscard]] double distance(vertex_id v) const noexcept { return dist_[v]; }
  [[nodiscard]] std::span<const vertex_id> order() const noexcept { return {order_.data(), reached_}; }

 private:
  // Dijkstra with the given queue; false if the queue refused a key.
  template <class Queue>
  bool search(Queue& queue, const Arcs& arcs, vertex_id source) {
    const edge_id* offsets = arcs.offsets.data();
    const vertex_id* heads = arcs.heads.data();
    const double* length = arcs.length.data();
    double* dist = dist_.data();
    std::size_t settled = 0;
    dist[source] = 0.0;
    (void)queue.push(0.0, source);
    while (!queue.empty()) {
      const auto entry = queue.pop();
      const double d = entry.key();
      const vertex_id v = entry.vertex;
      // A vertex is pushed once per strict improvement, so the entry equal to
      // its current distance is its only live one; others are stale.
      if (d != dist[v]) continue;
      order_[settled++] = v;
      for (edge_id k = offsets[v], end = offsets[v + 1]; k < end; ++k) {
        const vertex_id w = heads[k];
        const double nd = d + length[k];
        if (nd < dist[w]) {
          dist[w] = nd;
          if (!queue.push(nd, w)) return false;
        }
      }
    }
    reached_ = settled;
    return true;
  }

  void clear() noexcept {
    for (std::size_t i = 0; i < reached_; ++i) dist_[order_[i]] = unreached_distance;
    heap_.clear();
    reached_ = 0;
  }

  std::vector<double> dist_;
  std::vector<vertex_id> order_;
  RadixHeap<double> heap_;
  std::optional<BucketQueue<double>> buckets_;
  std::size_t reached_ = 0;
};

/// An arc v -> head that offered head the key `key` (when v was settled) no
/// worse than head's key at the time: it is in the shortest-path graph when
/// `key` is still head's key at the end.
struct DagCandidate {
  PathKey key;
  vertex_id head;
  edge_id arc;
};

/// Shortest-path keys and counts.
class DijkstraWorkspace {
 public:
  DijkstraWorkspace(std::size_t n, std::size_t m)
      : length_(n, unreached_distance), zero_steps_(n, 0), value_(n, 0.0), order_(n), dag_end_(n), dag_(m) {}

  /// Dijkstra from `source` counting shortest paths by key (see the header
  /// comment): sigma(w) = sum of sigma(v) over arcs v -> w with
  /// extend(key(v), length) == key(w). order() lists the reached vertices by
  /// non-decreasing key (by bucket when the arcs suit a BucketQueue), a
  /// topological order of the shortest-path graph; candidates(i) the arcs
  /// leaving order()[i] that may be in it (check with on_dag); values() holds
  /// sigma.
  void run(const Arcs& arcs, vertex_id source) {
    clear();
    if (BucketQueue<PathKey>::suits(arcs)) {
      if (!buckets_) buckets_.emplace(arcs);
      if (search(*buckets_, arcs, source)) return;
      buckets_->clear();  // a distance too far for the buckets: start over
      std::fill(length_.begin(), length_.end(), unreached_distance);
      std::fill(zero_steps_.begin(), zero_steps_.end(), 0u);
      std::fill(value_.begin(), value_.end(), 0.0);
      reached_ = 0;
    }
    (void)search(heap_, arcs, source);
  }

  /// sigma after run() (Brandes' accumulation may overwrite it).
  [[nodiscard]] double* values() noexcept { return value_.data(); }
  [[nodiscard]] PathKey key(vertex_id v) const noexcept { return {length_[v], zero_steps_[v]}; }
  [[nodiscard]] std::span<const vertex_id> order() const noexcept { return {order_.data(), reached_}; }
  /// Arcs leaving order()[i] that may be in the shortest-path graph.
  [[nodiscard]] std::span<const DagCandidate> candidates(std::size_t i) const noexcept {
    const std::size_t begin = i == 0 ? 0 : dag_end_[i - 1];
    return {dag_.data() + begin, dag_end_[i] - begin};
  }
  /// Whether a candidate is in the shortest-path graph.
  [[nodiscard]] bool on_dag(const DagCandidate& c) const noexcept {
    return c.key.length == length_[c.head] && c.key.zero_steps == zero_steps_[c.head];
  }

 private:
  // Dijkstra with the given queue; false if the queue refused a key.
  template <class Queue>
  bool search(Queue& queue, const Arcs& arcs, vertex_id source) {
    const edge_id* offsets = arcs.offsets.data();
    const vertex_id* heads = arcs.heads.data();
    const double* length = arcs.length.data();
    double* dist = length_.data();
    std::uint32_t* zeros = zero_steps_.data();
    double* sigma = value_.data();
    DagCandidate* dag = dag_.data();
    std::size_t settled = 0, found = 0;
    dist[source] = 0.0;
    sigma[source] = 1.0;
    (void)queue.push(PathKey{0.0, 0}, source);
    while (!queue.empty()) {
      const auto entry = queue.pop();
      const PathKey key = entry.key();
      const vertex_id v = entry.vertex;
      // Stale entry: the vertex was pushed again with a smaller key. (Keys of
      // settled vertices never change, and a vertex is pushed at most once per
      // key, so a live entry is popped exactly once.)
      if (key.length != dist[v] || key.zero_steps != zeros[v]) continue;
      const double sv = sigma[v];
      for (edge_id k = offsets[v], end = offsets[v + 1]; k < end; ++k) {
        const vertex_id x = heads[k];
        const double sum = key.length + length[k];
        if (sum > dist[x]) continue;                                                   // the common case, tested first
        const PathKey candidate{sum, key.zero_steps + (sum == key.length ? 1u : 0u)};  // extend(key, length[k])
        if (sum < dist[x] || candidate.zero_steps < zeros[x]) {
          dist[x] = sum;
          zeros[x] = candidate.zero_steps;
          sigma[x] = sv;
          if (!queue.push(candidate, x)) return false;
          dag[found++] = {candidate, x, k};
        } else if (candidate.zero_steps == zeros[x]) {
          sigma[x] += sv;
          dag[found++] = {candidate, x, k};
        }
      }
      dag_end_[settled] = static_cast<std::uint32_t>(found);
      order_[settled++] = v;
    }
    reached_ = settled;
    return true;
  }

  void clear() noexcept {
    for (std::size_t i = 0; i < reached_; ++i) {
      const vertex_id v = order_[i];
      length_[v] = unreached_distance;
      zero_steps_[v] = 0;
      value_[v] = 0.0;
    }
    heap_.clear();
    reached_ = 0;
  }

  std::vector<double> length_;
  std::vector<std::uint32_t> zero_steps_;
  std::vector<double> value_;
  std::vector<vertex_id> order_;
  std::vector<std::uint32_t> dag_end_;
  std::vector<DagCandidate> dag_;
  RadixHeap<PathKey> heap_;
  std::optional<BucketQueue<PathKey>> buckets_;
  std::size_t reached_ = 0;
};

}  // namespace orgnet::detail
