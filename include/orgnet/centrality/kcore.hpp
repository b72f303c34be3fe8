#pragma once
// k-cores: how deeply a person sits inside a densely tied group.
//
// Definition. The k-core is the largest subgraph in which every person has
// degree >= k counted inside the subgraph; the core number (coreness) of a
// person is the largest k whose k-core contains them. The degree is chosen by
// `direction`:
//   total  in-degree + out-degree, a reciprocated pair counting twice: exactly
//          networkx.core_number on the influence DiGraph, and igraph's
//          coreness(mode="all");
//   in     in-degree (number of influencers): igraph's coreness(mode="in");
//   out    out-degree (number of people influenced): igraph's mode="out".
// Strengths are ignored (core numbers count edges, as in NetworkX and igraph).
//
// Method: Batagelj and Zaversnik's bucket algorithm: repeatedly remove a person
// of least remaining degree; their core number is that degree, and removing
// them lowers the degree of their neighbours (in-core: the people they
// influence; out-core: their influencers; total: both).
//
// Degenerate cases. Empty graph: empty result. People without ties (and the
// only person of a one-person graph) have core number 0.
//
// Reference: V. Batagelj and M. Zaversnik, "An O(m) algorithm for cores
// decomposition of networks", 2003. arXiv:cs/0310049.
//
// Complexity: O(n + m) time and O(n + max degree) extra memory; sequential.

#include <cstdint>
#include <vector>

#include "orgnet/centrality/degree.hpp"
#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

struct CoreNumberOptions {
  /// Which degree the cores are defined by (default: in + out, like NetworkX).
  DegreeDirection direction = DegreeDirection::total;
};

struct CoreNumberResult {
  /// Core number of each vertex, indexed by vertex id.
  std::vector<std::uint32_t> core;
  /// The largest core number (the degeneracy), 0 for the empty graph.
  [[nodiscard]] std::uint32_t max_core() const noexcept;
};

/// Core number of every person (see the header comment). Throws nothing for a
/// valid graph.
[[nodiscard]] CoreNumberResult core_number(const InfluenceGraph& graph, const CoreNumberOptions& options = {});

}  // namespace orgnet
