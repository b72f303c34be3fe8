#pragma once
// The searches behind persuasion/chains.hpp (private to src/persuasion).
//
// StepRules says which steps u -> v (edge e) a chain may take: the user's
// constraints plus the temporary bans of Yen's spur searches and the strength
// floor of the widest objective's second phase. ChainSearch holds per-vertex
// labels (length, steps, predecessor) and resets only what a search touched,
// so one object serves many searches (Yen's spurs).
//
// Keys. A tentative chain is ranked by (length, steps) lexicographically:
// length = sum of -ln s added from the source in path order, compared exactly;
// steps break exact ties (so ties of strength 1, of length 0, cannot make
// predecessors go round in circles). Among predecessors giving the same key the
// smallest vertex id is kept. The queue is the monotone RadixHeap<PathKey> of
// centrality/detail/shortest_paths.hpp, whose `zero_steps` field carries the
// steps here.

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "orgnet/centrality/detail/shortest_paths.hpp"
#include "orgnet/model/influence_graph.hpp"
#include "orgnet/persuasion/chains.hpp"

namespace orgnet::persuasion_detail {

inline constexpr double infinite_length = std::numeric_limits<double>::infinity();
inline constexpr std::uint32_t no_steps = std::numeric_limits<std::uint32_t>::max();
inline constexpr edge_id no_edge = std::numeric_limits<edge_id>::max();

/// Which steps a chain may take.
struct StepRules {
  const InfluenceGraph* graph = nullptr;
  std::vector<double> length;         ///< -ln s by edge id
  std::vector<char> avoided;          ///< by vertex; empty = nobody
  std::vector<RelationMask> masks;    ///< by edge id; empty = any relation
  RelationMask allowed = 0;           ///< relations allowed when masks is not empty
  std::optional<int> max_level_skip;  ///< hierarchy rule
  std::vector<char> banned_vertex;    ///< Yen's root people (sized on first use)
  std::vector<char> banned_edge;      ///< Yen's banned ties (sized on first use)
  double min_strength = 0.0;          ///< weaker steps are refused (widest, phase 2)

  /// Builds the rules of `constraints` (validated: throws for bad ids).
  StepRules(const InfluenceGraph& g, const ChainConstraints& constraints);

  [[nodiscard]] bool allows(vertex_id u, edge_id e, vertex_id v) const noexcept {
    if (!avoided.empty() && avoided[v]) return false;
    if (!banned_vertex.empty() && banned_vertex[v]) return false;
    if (!banned_edge.empty() && banned_edge[e]) return false;
    if (min_strength > 0.0 && graph->strengths()[e] < min_strength) return false;
    if (!masks.empty() && (masks[e] & allowed) == 0) return false;
    if (max_level_skip && graph->level(u) - graph->level(v) > *max_level_skip) return false;
    return true;
  }
};

/// Labels of one search and the searches themselves.
class ChainSearch {
 public:
  explicit ChainSearch(std::size_t n)
      : length_(n, infinite_length),
        key_(n, infinite_length),
        steps_(n, no_steps),
        pred_(n, no_vertex),
        via_(n, no_edge),
        latest_(n, no_steps),
        seen_(n, 0),
        next_length_(n, infinite_length),
        next_pred_(n, no_vertex),
        next_via_(n, no_edge) {}

  /// Most probable chains from `source` (Dijkstra on (length, steps)); the
  /// chain starts with length `start_length` and `start_steps` steps (Yen's
  /// root). Stops once `target` is settled (no_vertex: search everything).
  /// `heuristic` (optional, by vertex): a lower bound on the remaining length
  /// to the target, consistent (A*); +infinity prunes the vertex.
  void probable(const StepRules& rules, vertex_id source, vertex_id target, double start_length = 0.0,
                std::uint32_t start_steps = 0, const std::vector<double>* heuristic = nullptr);

  /// Chains of at most `max_rounds` more steps, by rounds of Bellman-Ford
  /// (round h finalizes the best chains of at most h steps). probable: sum
  /// of lengths; widest: largest step length (length() holds it); fewest: a
  /// person is fixed in the round that first reaches them (fewest steps, then
  /// most probable) and the search stops after the round that reaches
  /// `target`. Records the improvements (see history()).
  enum class RoundMode { probable, fewest, widest };
  void rounds(const StepRules& rules, vertex_id source, vertex_id target, std::uint32_t max_rounds, RoundMode mode,
              double start_length = 0.0, std::uint32_t start_steps = 0);

  /// The widest chains (the weakest strength is maximized, compared as
  /// strengths, exactly): returns the weakest strength of the widest chain to
  /// `target` (0 when unreachable); length() holds minus the width of every
  /// person reached. max_rounds limits the steps (no_steps = no limit).
  /// Predecessors: the first strict improvement.
  double widest(const StepRules& rules, vertex_id source, vertex_id target, std::uint32_t max_rounds);

  /// Distances to `target` over allowed steps, walked backwards (heuristic for A*).
  void distances_to(const StepRules& rules, vertex_id target, std::vector<double>& out);

  [[nodiscard]] double length(vertex_id v) const noexcept { return length_[v]; }
  [[nodiscard]] std::uint32_t steps(vertex_id v) const noexcept { return steps_[v]; }
  [[nodiscard]] vertex_id predecessor(vertex_id v) const noexcept { return pred_[v]; }
  [[nodiscard]] edge_id via(vertex_id v) const noexcept { return via_[v]; }
  [[nodiscard]] bool used_rounds() const noexcept { return used_rounds_; }
  [[nodiscard]] const std::vector<ChainTree::Improvement>& history() const noexcept { return history_; }
  [[nodiscard]] const std::vector<std::uint32_t>& latest() const noexcept { return latest_; }
  [[nodiscard]] const std::vector<vertex_id>& touched() const noexcept { return touched_; }

  /// People of the best chain found to `target` (source first), walking the
  /// predecessors, or the round history after rounds(). Empty when not reached.
  [[nodiscard]] std::vector<vertex_id> people_to(vertex_id target) const;
  /// Same, with the edge ids of the steps.
  void chain_to(vertex_id target, std::vector<vertex_id>& people, std::vector<edge_id>& ties) const;

 private:
  void reset();
  void touch(vertex_id v) {
    if (!seen_[v]) {
      seen_[v] = 1;
      touched_.push_back(v);
    }
  }

  std::vector<double> length_, key_;
  std::vector<std::uint32_t> steps_;
  std::vector<vertex_id> pred_;
  std::vector<edge_id> via_;
  std::vector<vertex_id> touched_;
  std::vector<ChainTree::Improvement> history_;
  std::vector<std::uint32_t> latest_;
  std::vector<char> seen_;
  std::vector<double> next_length_;  // rounds: this round's tentative labels
  std::vector<vertex_id> next_pred_;
  std::vector<edge_id> next_via_;
  std::vector<vertex_id> frontier_, changed_;
  bool used_rounds_ = false;
  detail::RadixHeap<detail::PathKey> heap_;
  detail::RadixHeap<double> length_heap_;
  std::vector<std::pair<double, vertex_id>> width_heap_;  // binary max-heap on width
};

/// A Chain from its people and ties (strengths, probability, length and weakest
/// computed in path order).
[[nodiscard]] Chain make_chain(const InfluenceGraph& g, std::vector<vertex_id> people, std::vector<edge_id> ties);

}  // namespace orgnet::persuasion_detail
