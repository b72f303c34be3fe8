#pragma once
// What the graph builder did with the input: nothing is dropped or merged
// without being counted here.

#include <cstddef>
#include <string>
#include <vector>

namespace orgnet {

struct LoadReport {
  std::size_t people = 0;                 ///< People in the graph.
  std::size_t people_from_ties = 0;       ///< People created because a tie named them
                                          ///< (only with UnknownPersonPolicy::create).
  std::size_t ties = 0;                   ///< Ties read, all kept in InfluenceGraph::ties().
  std::size_t self_ties = 0;              ///< Ties from a person to themselves: kept as ties,
                                          ///< left out of the influence graph.
  std::size_t influence_arcs = 0;         ///< Directed influence contributions before merging
                                          ///< (a tie of a `both` relation gives two).
  std::size_t merged_arcs = 0;            ///< Contributions merged by noisy-or into an edge
                                          ///< that another contribution had already made.
  std::size_t influence_edges = 0;        ///< Edges of the influence graph.
  std::size_t undirected_ties_split = 0;  ///< Undirected ties (GraphML) read as two ties.
  /// Relations not listed in the relation map, converted with its fallback.
  std::vector<std::string> relations_using_fallback;
};

}  // namespace orgnet
