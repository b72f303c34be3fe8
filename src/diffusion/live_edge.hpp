#pragma once
// Live-edge worlds shared by the cascade simulation, the reachability query
// and the CELF greedy (src/diffusion/*.cpp; private).
//
// A world is identified by a 64-bit key (stream_seed(seed, r) for world r).
// Its random choices are hashes of (key, item), so exploring a world in any
// order, any number of times, from any seed set, sees the same world:
//   IC: edge e is live iff unit(key, e) < s(e);
//   LT: person v keeps the in-edge at the first in-position k (in v's in-edge
//       order) with cumulative weight cum[k] > unit(key ^ lt_salt, v); none
//       when the unit is >= the total.
// (Kempe, Kleinberg and Tardos 2003: reachability within t live hops has the
// distribution of the people active after t steps.)

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "orgnet/detail/random.hpp"
#include "orgnet/diffusion/simulation.hpp"
#include "orgnet/model/influence_graph.hpp"

namespace orgnet::detail::diffusion {

/// A uniform double in [0, 1) determined by (key, item).
[[nodiscard]] inline double unit_hash(std::uint64_t key, std::uint64_t item) noexcept {
  SplitMix64 mix(key ^ (item * 0xD1B54A32D192ED03ULL));
  return mix.uniform();
}

inline constexpr std::uint64_t lt_salt = 0x6C74A5A5F00DD00DULL;

/// The model's view of the graph: strengths for IC, cumulative in-weights for LT.
class LiveEdgeModel {
 public:
  /// Validates the LT weights (throws orgnet::invalid_argument naming the
  /// person whose in-strengths sum above 1 under `validate`; `function` starts
  /// the message).
  LiveEdgeModel(const InfluenceGraph& graph, CascadeModel model, LinearThresholdWeights weights,
                const std::string& function);

  [[nodiscard]] const InfluenceGraph& graph() const noexcept { return *graph_; }
  [[nodiscard]] CascadeModel model() const noexcept { return model_; }
  /// LT: running sums of the (validated or normalized) in-weights, by
  /// in-position (empty under IC).
  [[nodiscard]] std::span<const double> cumulative() const noexcept { return cumulative_; }

  /// IC: whether edge e is live in the world `key`.
  [[nodiscard]] bool ic_live(std::uint64_t key, edge_id e) const noexcept { return unit_hash(key, e) < strengths_[e]; }

  /// LT: the in-edge person v keeps in the world `key`, or no_edge.
  [[nodiscard]] edge_id lt_choice(std::uint64_t key, vertex_id v) const noexcept {
    const edge_id begin = in_offsets_[v], end = in_offsets_[v + 1];
    const double u = unit_hash(key ^ lt_salt, v);
    const auto first = cumulative_.begin() + begin, last = cumulative_.begin() + end;
    const auto it = std::upper_bound(first, last, u);
    if (it == last) return no_edge;
    return in_edge_ids_[static_cast<std::size_t>(it - cumulative_.begin())];
  }

  static constexpr edge_id no_edge = std::numeric_limits<edge_id>::max();

 private:
  const InfluenceGraph* graph_;
  CascadeModel model_;
  std::span<const double> strengths_;
  std::span<const edge_id> in_offsets_;
  std::span<const edge_id> in_edge_ids_;
  std::vector<double> cumulative_;  // LT: by in-position, running sum within each person
};

/// Per-thread scratch for breadth-first exploration of worlds.
class WorldExplorer {
 public:
  explicit WorldExplorer(std::size_t n) : stamp_(n, 0), choice_stamp_(n, 0), choice_(n, 0) {}

  /// Explores world `key` from `sources` for at most `max_steps` steps (0 =
  /// unlimited), skipping people for whom `blocked(v)` is true (they are
  /// neither counted nor crossed). Calls reached(v, step) once for each person
  /// reached (sources at step 0, in the order given; duplicates and blocked
  /// sources are ignored). Returns the number reached.
  template <class Blocked, class Reached>
  std::size_t explore(const LiveEdgeModel& model, std::uint64_t key, std::span<const vertex_id> sources,
                      std::size_t max_steps, Blocked&& blocked, Reached&& reached) {
    next_stamp();
    const InfluenceGraph& g = model.graph();
    const auto offsets = g.out_offsets();
    const auto targets = g.out_targets();
    queue_.clear();
    for (vertex_id s : sources) {
      if (stamp_[s] == current_ || blocked(s)) continue;
      stamp_[s] = current_;
      queue_.push_back(s);
      reached(s, std::size_t{0});
    }
    std::size_t level_begin = 0, step = 0;
    while (level_begin < queue_.size()) {
      if (max_steps != 0 && step == max_steps) break;
      const std::size_t level_end = queue_.size();
      ++step;
      for (std::size_t i = level_begin; i < level_end; ++i) {
        const vertex_id u = queue_[i];
        for (edge_id e = offsets[u]; e < offsets[u + 1]; ++e) {
          const vertex_id v = targets[e];
          if (stamp_[v] == current_) continue;
          if (!live(model, key, e, v)) continue;
          if (blocked(v)) continue;
          stamp_[v] = current_;
          queue_.push_back(v);
          reached(v, step);
        }
      }
      level_begin = level_end;
    }
    return queue_.size();
  }

  /// People reached by the last explore(), in the order reached.
  [[nodiscard]] std::span<const vertex_id> last_reached() const noexcept { return queue_; }

 private:
  /// Whether edge e (into v) is live; LT choices are computed once per person
  /// and world.
  bool live(const LiveEdgeModel& model, std::uint64_t key, edge_id e, vertex_id v) {
    if (model.model() == CascadeModel::independent_cascade) return model.ic_live(key, e);
    if (choice_stamp_[v] != current_) {
      choice_stamp_[v] = current_;
      choice_[v] = model.lt_choice(key, v);
    }
    return choice_[v] == e;
  }

  void next_stamp() {
    if (++current_ == 0) {
      std::fill(stamp_.begin(), stamp_.end(), 0u);
      std::fill(choice_stamp_.begin(), choice_stamp_.end(), 0u);
      current_ = 1;
    }
  }

  std::vector<std::uint32_t> stamp_;
  std::vector<std::uint32_t> choice_stamp_;
  std::vector<edge_id> choice_;
  std::uint32_t current_ = 0;
  std::vector<vertex_id> queue_;
};

/// Distinct seeds, ascending; throws orgnet::out_of_range naming `function`
/// for a seed outside the graph.
[[nodiscard]] std::vector<vertex_id> checked_seeds(const InfluenceGraph& graph, std::span<const vertex_id> seeds,
                                                   const std::string& function, const char* argument = "seeds");

/// Throws orgnet::invalid_argument for delta outside (0, 1).
void check_delta(const std::string& function, double delta);
/// Throws orgnet::invalid_argument for negative threads.
void check_threads(const std::string& function, int threads);

}  // namespace orgnet::detail::diffusion
