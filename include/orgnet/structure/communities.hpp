#pragma once
// Communities: the groups the organization actually works in, found from the
// ties (Louvain and Leiden), and the modularity that scores a grouping.
//
// Modularity. Write w(u, v) for the weight of the influence edge u -> v: its
// strength s(u, v) (`weighted`, the default) or 1, and W = sum of w over all
// edges. For a partition into communities c with resolution gamma:
//
//   undirected (default; the two directions of a pair merge by summing, the
//   convention of every undirected view in orgnet):
//       A(u, v) = w(u, v) + w(v, u),   k(u) = sum_v A(u, v),   m = W,
//       Q = sum_c [ L_c / m  -  gamma (K_c / 2m)^2 ],
//     L_c the total weight of the pairs inside c, K_c the sum of k over c.
//     This is networkx.community.modularity on the nx.Graph whose edge
//     {u, v} has weight w(u, v) + w(v, u).
//
//   directed (Leicht and Newman 2008):
//       Q = (1 / W) sum_{u,v} [ w(u, v) - gamma k_out(u) k_in(v) / W ] delta(c_u, c_v)
//         = sum_c [ L_c / W  -  gamma K_out,c K_in,c / W^2 ],
//     with out- and in-strengths k_out, k_in. This is
//     networkx.community.modularity on the influence DiGraph.
//
// Both are one formula: give every vertex an "out" and an "in" weight (for the
// undirected case both equal k(u) / 2); the linking term of moving a vertex i
// into a community C is then A(i, C) = sum over j in C of w(i, j) + w(j, i) in
// both cases, and only the null-model term differs:
//     gain(i -> C) = A(i, C) / W  -  gamma (k_out(i) K_in,C + k_in(i) K_out,C) / W^2.
// With no edges (W = 0) Q is 0.
//
// Louvain (Blondel et al. 2008): repeat (1) local moving: move vertices, one
// at a time, to the neighbouring community with the largest positive gain
// until no vertex can improve; (2) aggregation: each community becomes one
// vertex (internal weight as a self-loop); until a level moves nobody, the
// level's modularity gain is at most `threshold` (NetworkX's criterion), or
// `max_levels` levels ran. Local moving visits the vertices through a queue
// that starts in a seeded random order and re-queues the neighbours of a
// vertex that moved (outside its new community), the "fast local move" of
// Traag et al.; it reaches the same kind of fixpoint as repeated full passes
// (no single move improves) in a fraction of the visits.
//
// Leiden (Traag, Waltman and van Eck 2019): the same local moving; before
// aggregation each community is refined: inside it, vertices start alone and
// a vertex still alone that is well connected to its community
// (moving it into the rest of the community has gain >= 0) joins a refined
// sub-community that is also well connected, chosen at random with
// probability proportional to exp(gain / randomness) among the non-negative
// gains; the aggregate graph is built on the refined partition and starts from
// the unrefined one. Every community returned is connected. A run stops when
// local moving leaves every aggregate vertex alone (or after max_levels); runs
// repeat from the previous result (`iterations`; by default until modularity
// stops improving, as leidenalg's n_iterations = -1).
//
// Determinism. Both run sequentially; every random choice comes from a
// SplitMix64 stream seeded by `seed` (orgnet/detail/random.hpp), so a given
// seed gives the same communities on every machine and for every thread count.
//
// Numbering. Communities are numbered 0..count-1 in order of their lowest
// vertex (like ComponentsResult); isolated people form singleton communities.
//
// Degenerate cases. Empty graph: no communities, modularity 0. No edges:
// every person alone, modularity 0.
//
// References.
//   V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre, "Fast unfolding
//   of communities in large networks", J. Stat. Mech. (2008) P10008.
//   doi:10.1088/1742-5468/2008/10/P10008.
//   E. A. Leicht, M. E. J. Newman, "Community structure in directed networks",
//   Phys. Rev. Lett. 100, 118703 (2008). doi:10.1103/PhysRevLett.100.118703.
//   V. A. Traag, L. Waltman, N. J. van Eck, "From Louvain to Leiden:
//   guaranteeing well-connected communities", Sci. Rep. 9, 5233 (2019).
//   doi:10.1038/s41598-019-41695-z.
//
// Complexity: modularity O(n + m). Louvain and Leiden O(m) per pass, with few
// passes and levels in practice; O(n + m) memory.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

/// Which modularity: on the undirected view or Leicht-Newman's directed one.
enum class ModularityKind {
  undirected,  ///< A(u, v) = w(u, v) + w(v, u); NetworkX's modularity on that nx.Graph.
  directed,    ///< Leicht-Newman; NetworkX's modularity on the influence DiGraph.
};

/// "undirected", "directed".
[[nodiscard]] std::string_view to_string(ModularityKind kind);
/// Inverse of to_string; throws orgnet::invalid_argument naming the accepted values.
[[nodiscard]] ModularityKind parse_modularity_kind(std::string_view text);

/// Community detection method.
enum class CommunityAlgorithm {
  louvain,  ///< Blondel et al. 2008.
  leiden,   ///< Traag et al. 2019 (connected, refined communities).
};

/// "louvain", "leiden".
[[nodiscard]] std::string_view to_string(CommunityAlgorithm algorithm);
/// Inverse of to_string; throws orgnet::invalid_argument naming the accepted values.
[[nodiscard]] CommunityAlgorithm parse_community_algorithm(std::string_view text);

struct ModularityOptions {
  ModularityKind kind = ModularityKind::undirected;
  /// gamma > 0: above 1 favours smaller communities, below 1 larger ones.
  double resolution = 1.0;
  /// Strengths as weights (true) or every influence edge 1 (false; a
  /// reciprocated pair then weighs 2 in the undirected view).
  bool weighted = true;
};

/// Modularity of the partition `community` (one label per vertex, any
/// non-negative integers; labels need not be contiguous). Throws
/// orgnet::invalid_argument when the length is not num_vertices() or the
/// resolution is not finite and > 0.
[[nodiscard]] double modularity(const InfluenceGraph& graph, std::span<const std::uint32_t> community,
                                const ModularityOptions& options = {});

struct CommunityOptions {
  CommunityAlgorithm algorithm = CommunityAlgorithm::louvain;
  ModularityKind kind = ModularityKind::undirected;
  /// gamma > 0 (see ModularityOptions).
  double resolution = 1.0;
  bool weighted = true;
  std::uint64_t seed = 42;
  /// Louvain: stop when a level improves modularity by no more than this;
  /// Leiden: likewise for a whole run (>= 0; NetworkX's default 1e-7).
  double threshold = 1e-7;
  /// Stop after this many levels (aggregations); 0 = until converged.
  std::size_t max_levels = 0;
  /// Leiden: randomness of the refinement (theta > 0; 0.01 as in the paper).
  double randomness = 0.01;
  /// Leiden: runs of the whole algorithm, each starting from the previous
  /// result (the best is kept); 0 = until a run improves modularity by no more
  /// than `threshold` (at most 20 runs).
  std::size_t iterations = 0;
};

struct CommunityResult {
  /// Community of each vertex, 0..count-1 in order of their lowest vertex.
  std::vector<std::uint32_t> community;
  /// Number of people in each community.
  std::vector<std::size_t> sizes;
  /// Modularity of `community` under the options' kind, resolution and weights.
  double modularity = 0.0;
  /// Levels run (local moving + aggregation rounds; summed over Leiden's runs).
  std::size_t levels = 0;
  CommunityAlgorithm algorithm = CommunityAlgorithm::louvain;
  std::uint64_t seed = 0;

  [[nodiscard]] std::size_t count() const noexcept { return sizes.size(); }
};

/// Communities by Louvain or Leiden (see the header comment). Throws
/// orgnet::invalid_argument for a resolution or randomness that is not finite
/// and > 0, or a negative or non-finite threshold.
[[nodiscard]] CommunityResult communities(const InfluenceGraph& graph, const CommunityOptions& options = {});

}  // namespace orgnet
