#pragma once
// Closeness and harmonic closeness: how near a person is to everyone else
// along chains of influence.
//
// Distances. Both measures read path lengths built from the edges' strengths
// by `distance` (model/distance.hpp): -ln s by default, so the distance between
// two people is minus the log-probability of the most probable chain of
// influence between them; 1/s; or hops (every tie counts 1, which is what
// NetworkX and igraph compute without weights). Paths are directed.
//
// Direction (`direction`). NetworkX measures a person by the distances *to*
// them (incoming: d(u, v) for every u that can reach v), which in an influence
// graph says how quickly the others' influence reaches v. Outgoing uses the
// distances *from* v, d(v, u): how quickly v's influence reaches the others,
// which is usually the question in a change project. Outgoing closeness equals
// NetworkX's closeness_centrality on the reversed graph (G.reverse()).
//
// Closeness (networkx.closeness_centrality, with wf_improved). For a person v
// reached from r(v) others (incoming; outgoing: who reach r(v) others) at total
// distance D(v) = sum of those distances,
//     C(v) = r(v) / D(v),
// the inverse of the mean distance, computed over the people v is connected to
// only. With the Wasserman-Faust correction (`wf_improved`, the default, as in
// NetworkX) the score is scaled by the share of the others that v is connected
// to, r(v) / (n - 1), so that a small isolated clique does not outrank the core
// of the network:
//     C_WF(v) = (r(v) / D(v)) * (r(v) / (n - 1)).
// Without the correction the score equals igraph's closeness() (normalized,
// mode "in" or "out"), except that igraph answers NaN where orgnet (like
// NetworkX) answers 0.
//
// Harmonic closeness (networkx.harmonic_centrality). The sum of inverse
// distances over the others,
//     H(v) = sum over u != v with 0 < d(u, v) < infinity of 1 / d(u, v)
// (incoming; outgoing uses d(v, u)), so unreachable people simply add 0 and no
// correction is needed. NetworkX's harmonic_centrality(G) sums 1/d(u, v) over
// the sources u for each v, i.e. it is incoming like its closeness; orgnet's
// default is the same. `normalized` divides by n - 1 (igraph's
// harmonic_centrality(normalized=True)); NetworkX does not normalize (the
// default here too).
//
// Zero distances. Under -ln s a tie of strength 1 has length 0, so two people
// can be at distance 0. NetworkX's conventions are kept: in harmonic closeness
// a pair at distance 0 adds nothing (rather than infinity); in closeness such
// a pair counts in r(v) and adds 0 to D(v), and a person whose connected others
// are all at distance 0 (D(v) = 0) scores 0.
//
// Degenerate cases. Empty graph: empty result. One person: score 0. A person
// nobody reaches (outgoing: who reaches nobody), e.g. anyone in a graph
// without ties: score 0. Self-ties are never edges, so they change nothing.
//
// References.
//   L. C. Freeman, "Centrality in networks: I. Conceptual clarification",
//   Social Networks 1(3), 1979. doi:10.1016/0378-8733(78)90021-7.
//   S. Wasserman and K. Faust, Social Network Analysis: Methods and
//   Applications, Cambridge University Press, 1994, p. 201.
//   M. Marchiori and V. Latora, "Harmony in the small-world", Physica A
//   285(3-4), 2000. doi:10.1016/S0378-4371(00)00311-3.
//   P. Boldi and S. Vigna, "Axioms for centrality", Internet Mathematics
//   10(3-4), 2014. doi:10.1080/15427951.2013.865686.
//
// Complexity: one shortest-path search per person, O(n (n + m)) time with
// hops (breadth-first searches run 64 people at a time, bit-parallel, so each
// tie is read a few times per 64 people) and O(n (n + m) log n) at worst with
// lengths (Dijkstra with a bucket queue, or a radix heap when the lengths
// spread too widely; see centrality/detail/shortest_paths.hpp); O(n + m)
// extra memory per thread. Each score is computed by one thread, so results
// are identical for every thread count.

#include <cstdint>
#include <string_view>
#include <vector>

#include "orgnet/model/distance.hpp"
#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

/// Which distances measure a person v in closeness and harmonic closeness.
enum class PathDirection {
  incoming,  ///< d(u, v), from the others to v (NetworkX's convention)
  outgoing,  ///< d(v, u), from v to the others (NetworkX on G.reverse())
};

/// "incoming", "outgoing".
[[nodiscard]] std::string_view to_string(PathDirection direction);
/// Inverse of to_string; throws orgnet::invalid_argument naming the accepted values.
[[nodiscard]] PathDirection parse_path_direction(std::string_view text);

struct ClosenessOptions {
  /// Edge length: -ln s (default), 1/s, or hops (NetworkX's unweighted closeness).
  DistanceTransform distance = DistanceTransform::neg_log;
  /// Distances to v (incoming, NetworkX's default) or from v (outgoing).
  PathDirection direction = PathDirection::incoming;
  /// Scale by r(v) / (n - 1), the Wasserman-Faust correction (NetworkX's default).
  bool wf_improved = true;
  /// Threads; 0 = all available. Results do not depend on it.
  int threads = 0;
};

struct ClosenessResult {
  /// Closeness of each vertex, indexed by vertex id (num_vertices() long).
  std::vector<double> score;
  /// r(v): how many other people reach v (incoming) or v reaches (outgoing).
  std::vector<std::uint32_t> reached;
};

/// Closeness of every person (see the header comment).
///
/// Equals networkx.closeness_centrality(G, distance=..., wf_improved=...) on
/// `to_networkx(graph, kind="influence")` (G.reverse() for outgoing), with
/// distance=None for hops and distance="distance" for -ln s.
/// Throws orgnet::invalid_argument for negative threads.
[[nodiscard]] ClosenessResult closeness(const InfluenceGraph& graph, const ClosenessOptions& options = {});

struct HarmonicClosenessOptions {
  /// Edge length: -ln s (default), 1/s, or hops (NetworkX's unweighted harmonic centrality).
  DistanceTransform distance = DistanceTransform::neg_log;
  /// Distances to v (incoming, NetworkX's convention) or from v (outgoing).
  PathDirection direction = PathDirection::incoming;
  /// Divide by n - 1 (igraph's default); NetworkX does not (nor does orgnet by default).
  bool normalized = false;
  /// Threads; 0 = all available. Results do not depend on it.
  int threads = 0;
};

struct HarmonicClosenessResult {
  /// Harmonic closeness of each vertex, indexed by vertex id (num_vertices() long).
  std::vector<double> score;
};

/// Harmonic closeness of every person (see the header comment).
///
/// Equals networkx.harmonic_centrality(G, distance=...) on
/// `to_networkx(graph, kind="influence")` (G.reverse() for outgoing).
/// Throws orgnet::invalid_argument for negative threads.
[[nodiscard]] HarmonicClosenessResult harmonic_closeness(const InfluenceGraph& graph,
                                                         const HarmonicClosenessOptions& options = {});

}  // namespace orgnet
