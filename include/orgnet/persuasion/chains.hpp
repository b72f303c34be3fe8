#pragma once
// Influence chains: through whom to reach a person.
//
// A chain from a source to a target is a loopless sequence of people
// source = p0 -> p1 -> ... -> pL = target joined by influence edges (pi
// influences pi+1). Under the Independent Cascade reading of strengths, step i
// succeeds with probability s(pi, pi+1), independently, so the chain carries
// the source's conviction all the way with probability
//     P(chain) = s(p0, p1) * s(p1, p2) * ... * s(pL-1, pL)          (1 for L = 0).
//
// Objectives (ChainObjective):
//   most_probable  maximize P(chain): a shortest path under the lengths
//                  d = -ln s (model/distance.hpp), so exactly NetworkX's
//                  dijkstra_path(G, s, t, weight=-ln s). The length of a
//                  chain is the sum of its steps' lengths added as doubles
//                  from the source in path order (as NetworkX does) and
//                  compared exactly.
//   widest         maximize the weakest step min_i s(pi, pi+1) (the maximum
//                  bottleneck path); among the widest chains, the most
//                  probable (computed exactly: the widest weakest step w* is
//                  found first, then the most probable chain over ties of
//                  strength >= w*).
//   fewest_steps   minimize the number of steps L (NetworkX's unweighted
//                  shortest_path length); among those, the most probable.
//
// Ties (deterministic, documented). Among chains that are equally good for
// the objective (equal length as doubles, or equal steps and equal length),
// the chain with fewer steps wins; among those, the one whose people, read
// from the target backwards, come first by vertex id: the predecessor of the
// target with the smallest vertex id, then the smallest predecessor of that
// person, and so on. (This is what a search keeping, for each person, the
// smallest-id predecessor among the best ones produces.) NetworkX keeps the
// first predecessor it discovers instead, so the two agree whenever the best
// chain is unique.
//
// Constraints (ChainConstraints), combinable with every objective and with the
// k best chains:
//   avoid          people the chain may not pass through. Avoiding the source
//                  or the target gives "no chain" with that reason.
//   max_steps      at most this many steps. With a step limit the most
//                  probable chain is found by rounds of Bellman-Ford (round h
//                  knows the best chains of at most h steps), which gives the
//                  same chains and ties as Dijkstra when the limit does not bind.
//   max_level_skip the hierarchy rule: a step u -> v upwards (level(v) <
//                  level(u); level 0 is the top) may rise at most this many
//                  levels. With 1 you may talk to your manager's level but not
//                  over your manager's head; with 0 no upward step at all.
//                  Steps sideways and downwards are always allowed.
//   relations      when not empty, each step must be an edge to which at least
//                  one of these relations contributed (edge_relation_masks).
// A request no chain satisfies returns status no_chain (or endpoint_avoided),
// never an exception, with a reason naming the constraints that block it
// (each one is tested alone: "the target is not reachable from the source at
// all", "every chain passes through an avoided person", ...).
//
// Degenerate cases: source == target gives the chain of zero steps, probability
// 1 (unless the person is avoided). Unknown vertex ids throw
// orgnet::out_of_range; a negative max_level_skip or an unknown relation id
// throws orgnet::invalid_argument.
//
// Complexity: O(m + n log n) per chain (Dijkstra with the monotone radix heap
// of centrality/detail/shortest_paths.hpp, stopping when the target is
// settled); O(max_steps * m) with a step limit; the widest chain runs two
// searches. best_chains_from returns the whole tree of best chains from one
// source (for stakeholder maps and networking plans).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

enum class ChainObjective { most_probable, widest, fewest_steps };

/// "most_probable", "widest", "fewest_steps".
[[nodiscard]] std::string_view to_string(ChainObjective objective);
/// Inverse of to_string ("probable" and "fewest" are accepted too); throws
/// orgnet::invalid_argument naming the accepted values.
[[nodiscard]] ChainObjective parse_chain_objective(std::string_view text);

struct ChainConstraints {
  /// People the chain may not pass through (any order, duplicates allowed).
  std::vector<vertex_id> avoid;
  /// At most this many steps (ties); nullopt = no limit.
  std::optional<std::size_t> max_steps;
  /// Hierarchy rule: an upward step may rise at most this many levels.
  std::optional<int> max_level_skip;
  /// Allowed relations (relation ids); empty = any.
  std::vector<relation_id> relations;
};

struct ChainOptions {
  ChainObjective objective = ChainObjective::most_probable;
  ChainConstraints constraints;
};

/// One chain of influence.
struct Chain {
  /// source, ..., target (steps() + 1 people).
  std::vector<vertex_id> people;
  /// Edge id of each step (people[i] -> people[i+1]).
  std::vector<edge_id> ties;
  /// Strength of each step.
  std::vector<double> strengths;
  /// Product of the strengths (1 for zero steps).
  double probability = 0.0;
  /// Sum of -ln s over the steps, added in path order (what is minimized).
  double length = 0.0;
  /// Weakest strength (1 for zero steps).
  double weakest = 0.0;

  [[nodiscard]] std::size_t steps() const noexcept { return ties.size(); }
};

enum class ChainStatus {
  found,
  endpoint_avoided,  ///< the source or the target is in `avoid`
  no_chain,          ///< nothing satisfies the request (see reason)
};

/// "found", "endpoint_avoided", "no_chain".
[[nodiscard]] std::string_view to_string(ChainStatus status);

struct ChainResult {
  ChainStatus status = ChainStatus::no_chain;
  /// Why there is no chain (empty when found).
  std::string reason;
  /// The chain (empty people when not found).
  Chain chain;

  [[nodiscard]] bool found() const noexcept { return status == ChainStatus::found; }
};

/// The best chain from `source` to `target` for options.objective under the
/// constraints (see the header comment).
[[nodiscard]] ChainResult best_chain(const InfluenceGraph& graph, vertex_id source, vertex_id target,
                                     const ChainOptions& options = {});

struct KBestChainsResult {
  ChainStatus status = ChainStatus::no_chain;
  std::string reason;
  /// Loopless chains by decreasing probability; ties by fewer steps, then by
  /// their people's vertex ids compared in order. At most k (fewer when fewer
  /// loopless chains exist).
  std::vector<Chain> chains;

  [[nodiscard]] bool found() const noexcept { return status == ChainStatus::found; }
};

/// The k most probable loopless chains from `source` to `target` (Yen's
/// algorithm; J. Y. Yen, "Finding the k shortest loopless paths in a network",
/// Management Science 17(11), 1971, doi:10.1287/mnsc.17.11.712), under the
/// constraints of options (options.objective must be most_probable). The first
/// chain is best_chain's. Spur searches are A* searches guided by the exact
/// distances to the target (one backward Dijkstra), so each costs little more
/// than the chain it finds. Equal-probability chains beyond the k-th are cut
/// deterministically. k = 0 gives an empty list. O(k L (m + n log n)) at
/// worst for chains of L steps.
[[nodiscard]] KBestChainsResult k_best_chains(const InfluenceGraph& graph, vertex_id source, vertex_id target,
                                              std::size_t k, const ChainOptions& options = {});

/// The best chain from one source to every person: a tree of predecessors.
struct ChainTree {
  vertex_id source = no_vertex;
  ChainObjective objective = ChainObjective::most_probable;
  /// Probability of the best chain to each vertex (0 when unreachable; 1 for
  /// the source).
  std::vector<double> probability;
  /// Weakest step of that chain (1 for the source, 0 when unreachable).
  std::vector<double> weakest;
  /// Steps of that chain (max uint32 when unreachable).
  std::vector<std::uint32_t> steps;
  /// Previous person on the chain (no_vertex for the source and the unreachable).
  std::vector<vertex_id> predecessor;
  /// Edge id of the last step (max uint32 when none).
  std::vector<edge_id> via;

  /// With a step limit the best chain to v need not extend the best chain to
  /// its predecessor (that one may use up the steps), so the search's record
  /// of improvements is kept and chain_to walks it: entry i says that
  /// `vertex` was reached in `steps` steps via `via` from `predecessor`;
  /// `previous` is the vertex's earlier entry (UINT32_MAX when none) and
  /// latest[v] its last one. Empty without a step limit.
  struct Improvement {
    vertex_id vertex;
    vertex_id predecessor;
    edge_id via;
    std::uint32_t steps;
    std::uint32_t previous;
  };
  std::vector<Improvement> history;
  std::vector<std::uint32_t> latest;

  [[nodiscard]] bool reached(vertex_id v) const noexcept { return v < steps.size() && steps[v] != UINT32_MAX; }
  /// The chain to v (empty people when not reached). Throws orgnet::out_of_range.
  [[nodiscard]] Chain chain_to(const InfluenceGraph& graph, vertex_id v) const;
};

/// Best chains from `source` to everyone under the constraints. For
/// most_probable and fewest_steps every chain of the tree is exactly what
/// best_chain returns; for widest every chain of the tree is a widest chain
/// (weakest step maximal), ties kept in the order the search settles them
/// (deterministic), which need not be the most probable widest chain that
/// best_chain returns. An avoided source reaches nobody.
[[nodiscard]] ChainTree best_chains_from(const InfluenceGraph& graph, vertex_id source,
                                         const ChainOptions& options = {});

}  // namespace orgnet
