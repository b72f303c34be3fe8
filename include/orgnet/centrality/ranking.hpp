#pragma once
// Ranking helpers: the top people by any per-person score.

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

struct TopKOptions {
  std::size_t k = 10;      ///< How many people; 0 means everyone.
  bool ascending = false;  ///< Lowest first (e.g. Burt's constraint, where low is better).
};

/// One row of a ranking.
struct RankedPerson {
  std::size_t rank = 0;  ///< Competition rank, 1-based: equal scores share a rank ("1, 2, 2, 4").
  vertex_id vertex = no_vertex;
  std::string id;          ///< Person id.
  std::string department;  ///< Department name, "" for none.
  double score = 0.0;
};

/// The k people with the highest (or lowest) score, best first. Ties are
/// broken by vertex id (the order people were loaded), so the result is the
/// same on every run; NaN scores rank after every number. Throws
/// orgnet::invalid_argument if `scores` is not num_vertices() long.
/// O(n log k).
[[nodiscard]] std::vector<RankedPerson> top_k(const InfluenceGraph& graph, std::span<const double> scores,
                                              const TopKOptions& options = {});

}  // namespace orgnet
