#pragma once
// Boost.Graph's brandes_betweenness_centrality, the C++ peer of orgnet's
// betweenness: the graph type both the Google Benchmark comparison
// (bench_centrality_paths.cpp) and the one-run comparison tool
// (tools/boost_brandes.cpp, called by compare_peers.py) build, and the call.

#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace orgnet::bench {

struct BoostLength {
  double value;
};
using BoostGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, BoostLength>;

/// A Boost CSR graph on n vertices; `edges` must be sorted by source (orgnet's
/// edge order is), `lengths[k]` is the length of edges[k].
inline BoostGraph boost_graph(std::size_t n, const std::vector<std::pair<std::size_t, std::size_t>>& edges,
                              const std::vector<double>& lengths) {
  std::vector<BoostLength> properties(lengths.size());
  std::transform(lengths.begin(), lengths.end(), properties.begin(), [](double d) { return BoostLength{d}; });
  return BoostGraph(boost::edges_are_sorted, edges.begin(), edges.end(), properties.begin(), n);
}

/// Vertex betweenness (unnormalized, ordered pairs) into `centrality`, by
/// breadth-first search when `weighted` is false and Dijkstra on the edge
/// lengths otherwise.
inline void boost_brandes(const BoostGraph& graph, bool weighted, std::vector<double>& centrality) {
  centrality.assign(num_vertices(graph), 0.0);
  auto map = boost::make_iterator_property_map(centrality.begin(), get(boost::vertex_index, graph));
  if (weighted) {
    boost::brandes_betweenness_centrality(graph,
                                          boost::centrality_map(map).weight_map(get(&BoostLength::value, graph)));
  } else {
    boost::brandes_betweenness_centrality(graph, boost::centrality_map(map));
  }
}

}  // namespace orgnet::bench
