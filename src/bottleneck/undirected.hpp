#pragma once
// Private helpers of the bottleneck concern: the undirected "contact" view of
// the influence graph and one depth-first scan that tells, for every person,
// into which pieces their component falls apart without them.
//
// Contacts of v: its in- and out-neighbours, each once, ascending, with the
// mutual weight m(v, x) = a(v, x) + a(x, v), where a is the strength of the
// edge (0 when absent) or, unweighted, 1 per edge. This is NetworkX's
// mutual_weight on the influence DiGraph, and the undirected view the
// conventions name ("merge the two directions of a pair by summing strengths").

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "orgnet/model/influence_graph.hpp"

namespace orgnet::bottleneck_detail {

struct Contacts {
  std::vector<std::size_t> offsets;  // n + 1
  std::vector<vertex_id> neighbor;   // contacts of v: [offsets[v], offsets[v+1])
  std::vector<double> mutual;        // m(v, neighbor)

  [[nodiscard]] std::size_t num_vertices() const noexcept { return offsets.empty() ? 0 : offsets.size() - 1; }
  [[nodiscard]] std::size_t degree(vertex_id v) const noexcept { return offsets[v + 1] - offsets[v]; }
  [[nodiscard]] std::span<const vertex_id> neighbors(vertex_id v) const noexcept {
    return {neighbor.data() + offsets[v], degree(v)};
  }
  [[nodiscard]] std::span<const double> weights(vertex_id v) const noexcept {
    return {mutual.data() + offsets[v], degree(v)};
  }
};

/// The contact view; `weighted` false counts 1 per edge (m in {1, 2}).
[[nodiscard]] Contacts make_contacts(const InfluenceGraph& graph, bool weighted);

/// One iterative depth-first scan (Hopcroft-Tarjan) of the contact view
/// without the people marked in `removed` (empty span: nobody removed).
struct PieceScan {
  static constexpr vertex_id none = no_vertex;
  std::vector<std::uint32_t> component;       // per vertex (removed: none)
  std::vector<std::size_t> component_size;    // per component
  std::vector<vertex_id> parent;              // DFS tree parent (root / removed: none)
  std::vector<std::uint32_t> subtree;         // DFS subtree size
  std::vector<std::uint32_t> discovery, low;  // DFS numbers (1-based; 0 = removed)
  // What becomes of v's component when v leaves it: the number of pieces,
  // the largest piece, and the sum over pieces of p (p - 1) (ordered pairs
  // still connected inside the pieces).
  std::vector<std::uint32_t> pieces;
  std::vector<std::uint32_t> largest_piece;
  std::vector<double> piece_pairs;
  /// Sum over components of s (s - 1): ordered pairs that are connected.
  double connected_pairs = 0.0;
  /// People not removed.
  std::size_t present = 0;
};

[[nodiscard]] PieceScan scan_pieces(const Contacts& contacts, std::span<const char> removed = {});

/// Borgatti's fragmentation of `people` people whose connected ordered pairs
/// number `connected_pairs`: 1 - pairs / (n (n - 1)); NaN for n < 2.
[[nodiscard]] double fragmentation_of(double connected_pairs, std::size_t people) noexcept;

}  // namespace orgnet::bottleneck_detail
