#pragma once
// Ranking helpers: the top people by any per-person score, and how sure the
// ranking is when the scores are estimates.
//
// Top-k certainty. When every score is known only within +-error of the true
// value (approximate betweenness guarantees |estimate - exact| <= epsilon for
// everyone at once, with probability 1 - delta), a listed person is *certain*
// when no assignment of true values within the bounds can push them out of the
// top k: fewer than k other people have an upper bound (score + error) at or
// above the person's lower bound (score - error). Lowest-first rankings mirror
// this. With error 0 a person is certain unless tied with someone at the edge of
// the list; a NaN score is never certain.

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

struct TopKOptions {
  std::size_t k = 10;      ///< How many people; 0 means everyone.
  bool ascending = false;  ///< Lowest first (e.g. Burt's constraint, where low is better).
  /// Absolute error bound on every score (>= 0), for RankedPerson::certain.
  double error = 0.0;
};

/// One row of a ranking.
struct RankedPerson {
  std::size_t rank = 0;  ///< Competition rank, 1-based: equal scores share a rank ("1, 2, 2, 4").
  vertex_id vertex = no_vertex;
  std::string id;          ///< Person id.
  std::string department;  ///< Department name, "" for none.
  double score = 0.0;
  /// Provably in the top k whatever the true scores within +-error (see above).
  bool certain = true;
};

/// The k people with the highest (or lowest) score, best first. Ties are
/// broken by vertex id (the order people were loaded), so the result is the
/// same on every run; NaN scores rank after every number. Throws
/// orgnet::invalid_argument if `scores` is not num_vertices() long or `error`
/// is negative or not finite. O(n log n) (O(n log k) for the ranking, plus one
/// sort of the scores to decide certainty).
[[nodiscard]] std::vector<RankedPerson> top_k(const InfluenceGraph& graph, std::span<const double> scores,
                                              const TopKOptions& options = {});

}  // namespace orgnet
