#pragma once
// Betweenness: who lies on the chains of influence between other people
// (brokers, gatekeepers, bottlenecks), for people and for ties.
//
// Definition (Freeman; Brandes' algorithm). With sigma(s, t) the number of
// shortest directed paths from s to t and sigma(s, t | x) the number of those
// that pass through x,
//     b(v) = sum over ordered pairs s != v != t, t reachable from s, of
//            sigma(s, t | v) / sigma(s, t)                           (people)
//     b(e) = sum over ordered pairs s != t of sigma(s, t | e) / sigma(s, t)
//                                                                     (ties)
// The graph is directed: (s, t) and (t, s) are different pairs. With
// `endpoints`, a person also counts on the paths they start or end, i.e. b(v)
// gains the number of people v reaches plus the number who reach v
// (NetworkX's endpoints=True).
//
// Distances. Shortest means shortest under `distance` (model/distance.hpp):
// -ln s by default (the most probable chains of influence), 1/s, or hops
// (fewest steps; what NetworkX and igraph compute without weights). Lengths are
// summed from the source as doubles and compared exactly, as NetworkX does, so
// two chains are tied only when their lengths are the same double. A tie of
// strength 1 has length 0 under -ln s; among chains of equal length, orgnet
// counts those with the fewest such zero-length steps, which keeps every count
// finite where people are joined by strength-1 ties in both directions. This
// is the limit of giving those ties a tiny positive length; NetworkX's result
// there depends on the order of its loops, and igraph refuses zero lengths.
// With all lengths positive the paths counted are exactly NetworkX's. (igraph
// compares weighted lengths with a relative tolerance of about 1e-10, so it
// also ties chains whose lengths differ only by rounding; with hops, or
// lengths whose sums are exact, it agrees too.)
//
// Normalization (`normalized`, the default, exactly as NetworkX for directed
// graphs):
//   people, endpoints = false: b(v) / ((n - 1)(n - 2)), the number of ordered
//           pairs of other people, when n > 2 (otherwise every score is 0 and
//           is left unscaled);
//   people, endpoints = true:  b(v) / (n (n - 1)) when n > 1;
//   ties:                      b(e) / (n (n - 1)) when n > 1.
// Normalized scores lie in [0, 1]. Unnormalized scores are the raw sums above;
// for directed graphs NetworkX does not halve them either. igraph's
// Graph.betweenness(directed=True) and edge_betweenness(directed=True) give the
// raw sums. orgnet has no undirected variant: influence has a direction, and
// networkx on G.to_undirected() is a different graph (it merges the two ties of
// a pair).
//
// Path counts are doubles, so they do not overflow (a chain of 70 "diamonds"
// has 2^70 shortest paths end to end); they are exact up to 2^53 and
// correctly rounded beyond.
//
// Parallelism and determinism. Sources are processed in parallel, each thread
// with its own buffers; the per-source dependencies are summed over a fixed
// number of source blocks combined in a fixed order
// (centrality/detail/parallel_reduce.hpp), so scores are bit-identical for
// every thread count.
//
// Degenerate cases. Empty graph: empty result. One or two people, or no
// ties: every score 0 (with endpoints, a person scores the number of people
// they reach plus the number who reach them, scaled by 1/(n(n-1))). Self-ties
// are never edges.
//
// References.
//   L. C. Freeman, "A set of measures of centrality based on betweenness",
//   Sociometry 40(1), 1977. doi:10.2307/3033543.
//   U. Brandes, "A faster algorithm for betweenness centrality", Journal of
//   Mathematical Sociology 25(2), 2001. doi:10.1080/0022250X.2001.9990249.
//   U. Brandes, "On variants of shortest-path betweenness centrality and their
//   generic computation", Social Networks 30(2), 2008.
//   doi:10.1016/j.socnet.2007.11.001 (endpoints, edge betweenness).
//
// Complexity: one search per source: O(n m) time with hops (a
// direction-optimizing breadth-first search), O(n m log n) at worst with
// lengths (Dijkstra with a bucket queue, or a radix heap when the lengths
// spread too widely; see centrality/detail/shortest_paths.hpp); O(n + m)
// memory per thread plus about threads + 8 partial score vectors. For large
// graphs see approximate_betweenness (centrality/approximate_betweenness.hpp).

#include <vector>

#include "orgnet/model/distance.hpp"
#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

struct BetweennessOptions {
  /// Edge length: -ln s (default), 1/s, or hops (NetworkX's unweighted betweenness).
  DistanceTransform distance = DistanceTransform::neg_log;
  /// Divide as NetworkX does (see the header comment); false gives the raw sums.
  bool normalized = true;
  /// Count a person on the paths they start or end, too.
  bool endpoints = false;
  /// Threads; 0 = all available. Results do not depend on it.
  int threads = 0;
};

struct BetweennessResult {
  /// Betweenness of each vertex, indexed by vertex id (num_vertices() long).
  std::vector<double> score;
};

/// Betweenness of every person (see the header comment).
///
/// Equals networkx.betweenness_centrality(G, normalized=..., endpoints=...,
/// weight=...) on `to_networkx(graph, kind="influence")`, with weight=None
/// for hops and weight="distance" for -ln s (where all lengths are positive).
/// Throws orgnet::invalid_argument for negative threads.
[[nodiscard]] BetweennessResult betweenness(const InfluenceGraph& graph, const BetweennessOptions& options = {});

struct EdgeBetweennessOptions {
  /// Edge length: -ln s (default), 1/s, or hops (NetworkX's unweighted edge betweenness).
  DistanceTransform distance = DistanceTransform::neg_log;
  /// Divide by n (n - 1) (NetworkX); false gives the raw sums.
  bool normalized = true;
  /// Threads; 0 = all available. Results do not depend on it.
  int threads = 0;
};

struct EdgeBetweennessResult {
  /// Betweenness of each influence edge, indexed by edge id (num_edges() long).
  std::vector<double> score;
};

/// Betweenness of every influence edge (see the header comment).
///
/// Equals networkx.edge_betweenness_centrality(G, normalized=..., weight=...)
/// on `to_networkx(graph, kind="influence")`; the score of the edge u -> v is
/// at index graph.find_edge(u, v).
/// Throws orgnet::invalid_argument for negative threads.
[[nodiscard]] EdgeBetweennessResult edge_betweenness(const InfluenceGraph& graph,
                                                     const EdgeBetweennessOptions& options = {});

}  // namespace orgnet
