#pragma once
// Approximate betweenness with a guaranteed error, for graphs too large for
// Brandes' exact algorithm (which needs one shortest-path search per person).
//
// Method (Riondato and Kornaropoulos). Draw r ordered pairs of distinct people
// (u, v) uniformly at random; for each pair from which v is reachable, draw one
// shortest path from u to v uniformly among all of them, and credit every
// person strictly inside it. The estimate of person x is
//     b~(x) = (number of sampled paths with x inside) / r.
//
// Scale. b~ estimates b(x) / (n (n - 1)), where b(x) is the raw betweenness
// (betweenness(graph, {.distance = ..., .normalized = false})): the average,
// over ordered pairs of distinct people, of the share of their shortest paths
// through x. NetworkX's normalized betweenness divides b(x) by (n - 1)(n - 2)
// instead, so compare `exact_normalized * (n - 2) / n` (or
// `exact_raw / (n (n - 1))`) with b~.
//
// Guarantee. With probability at least 1 - delta, simultaneously for every x,
//     | b~(x) - b(x) / (n (n - 1)) | <= epsilon.
// It holds because r is chosen as
//     r = ceil( (c / epsilon^2) * ( floor(log2(VD - 2)) + 1 + ln(1 / delta) ) ),
// c = 0.5, where VD is an upper bound on the vertex diameter (the most people
// on one shortest path): floor(log2(VD - 2)) + 1 bounds the VC dimension of the
// family of shortest-path sets (Riondato-Kornaropoulos, Theorem 1), and c = 0.5
// is the universal constant they use (Loeffler and Phillips). r does not depend
// on n, only logarithmically on VD.
//
// The vertex-diameter bound (reported as vertex_diameter_bound). A shortest
// path between two people of one strongly connected component C stays in C,
// and a shortest path through several components visits them in an order of
// the condensation (a DAG) and is a shortest path inside each one. So
// VD <= the largest sum of per-component bounds along a path of the
// condensation, computed by dynamic programming in O(n + m). Per component,
// with x its person of largest degree and ecc_out(x), ecc_in(x) the largest
// distances from and to x inside C (two searches):
//   hops:    any distance in C is at most ecc_in(x) + ecc_out(x) (through x),
//            so a shortest path has at most ecc_in(x) + ecc_out(x) + 1 people;
//   lengths: a shortest path is at most L = ecc_in(x) + ecc_out(x) long, so it
//            has at most h = floor(L / l_min) steps of positive length, l_min
//            the smallest positive length in C (in exact arithmetic; the
//            bound adds a relative margin of 1e-9). Zero-length steps (ties
//            of strength 1 under -ln s) can only chain people inside one weak
//            component of C's zero-length ties, of at most Z people, so the
//            path has at most (h + 1) * Z people;
// each capped by |C|. (Twice an eccentricity on the undirected view, the usual
// bound for undirected graphs, is not valid for directed ones: a directed
// cycle with chords back to one person has undirected diameter 2 and directed
// shortest paths through every person.)
//
// Paths. Shortest paths, their ties and zero-length ties are defined as in
// betweenness() (centrality/betweenness.hpp). Each pair is searched with a
// balanced bidirectional search, which on small-world organizations touches
// a small part of the graph: breadth-first for hops, expanding whole levels
// of the side whose frontier has fewer ties (KADABRA's rule); Dijkstra for
// lengths, advancing the side with the smaller key and relaxing each
// person's ties lazily, shortest first, so that ties longer than the search
// radius are never read. The number of shortest paths through each meeting
// point (hops) or crossing tie (lengths) gives the uniform draw. With
// lengths, the search adds a path's lengths from both ends rather than from
// the source, so two paths whose lengths differ only by rounding (not in
// exact arithmetic) may be tied or not differently than in betweenness().
//
// Randomness and determinism. Sample i draws from SplitMix64 seeded with
// stream_seed(seed, i) (orgnet/detail/random.hpp), whatever thread runs it,
// and the counts are integers, so the result is identical for a given seed on
// every machine and for every thread count.
//
// Degenerate cases. Fewer than 3 people, or a vertex-diameter bound below 3
// (no shortest path has anyone inside): every estimate 0 and samples = 0.
// Pairs where v is not reachable from u are samples that credit nobody.
//
// References.
//   M. Riondato and E. M. Kornaropoulos, "Fast approximation of betweenness
//   centrality through sampling", Data Mining and Knowledge Discovery 30(2),
//   2016. doi:10.1007/s10618-015-0423-0.
//   M. Loeffler and J. M. Phillips, "Shape fitting on point sets with
//   probability distributions", ESA 2009. doi:10.1007/978-3-642-04128-0_28.
//   M. Borassi and E. Natale, "KADABRA is an ADaptive Algorithm for
//   Betweenness via Random Approximation", ESA 2016.
//   doi:10.4230/LIPIcs.ESA.2016.20 (balanced bidirectional search).
//
// Complexity: O(r) bidirectional searches, each O(m) at worst (O(m log n) with
// lengths) and typically far less; O(m log n) for the vertex-diameter bound;
// O(n + m) memory per thread.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "orgnet/model/distance.hpp"
#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

struct ApproximateBetweennessOptions {
  /// Largest absolute error allowed on the scale b / (n (n - 1)); in (0, 1).
  double epsilon = 0.01;
  /// Probability that some estimate misses by more than epsilon; in (0, 1).
  double delta = 0.1;
  /// Seed of the random draws; the same seed gives the same result.
  std::uint64_t seed = 42;
  /// Edge length: -ln s (default), 1/s, or hops.
  DistanceTransform distance = DistanceTransform::neg_log;
  /// Threads; 0 = all available. Results do not depend on it.
  int threads = 0;
};

struct ApproximateBetweennessResult {
  /// Estimate of b(v) / (n (n - 1)) for each vertex, indexed by vertex id.
  std::vector<double> score;
  /// Number of sampled pairs r.
  std::size_t samples = 0;
  /// The guaranteed absolute error (the option, echoed).
  double epsilon = 0.0;
  /// The probability of exceeding it (the option, echoed).
  double delta = 0.0;
  /// The upper bound on the vertex diameter used to choose r.
  std::size_t vertex_diameter_bound = 0;
  /// The seed used (the option, echoed).
  std::uint64_t seed = 0;
};

/// Betweenness of every person, estimated within epsilon with probability
/// 1 - delta (see the header comment).
///
/// Throws orgnet::invalid_argument when epsilon or delta is not in (0, 1), or
/// for negative threads.
[[nodiscard]] ApproximateBetweennessResult approximate_betweenness(const InfluenceGraph& graph,
                                                                   const ApproximateBetweennessOptions& options = {});

}  // namespace orgnet
