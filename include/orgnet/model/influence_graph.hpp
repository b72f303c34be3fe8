#pragma once
// The immutable influence graph every algorithm runs on.
//
// Vertices are people, numbered densely 0..num_vertices()-1 in the order they
// were first added. An edge u -> v means "u influences v" with strength
// s(u, v) in (0, 1]; there is at most one edge per ordered pair (parallel ties
// were merged by noisy-or) and no self-loops (self-ties are kept in ties() and
// counted in the load report, but influence on oneself is meaningless).
//
// Storage is compressed sparse row in both directions:
//   out: offsets[n+1], target[m], strength[m]
//   in:  offsets[n+1], source[m], edge id[m]  (edge ids index the out arrays)
// which, with the kept ties, stays under 64 bytes per tie (docs/benchmarks.md).
// Edge ids are positions in the out arrays, so edges are sorted by (source,
// target). The observed ties are kept too (ties()), so a graph can be rebuilt
// with another relation map or restricted to some relations.
//
// Copies are cheap and share the data (the graph is immutable). Build one with
// GraphBuilder or a loader in orgnet/io.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "orgnet/model/load_report.hpp"
#include "orgnet/model/relation_map.hpp"

namespace orgnet {

using vertex_id = std::uint32_t;
using edge_id = std::uint32_t;
using relation_id = std::uint16_t;
using department_id = std::int32_t;

/// "No vertex" (e.g. the manager of a top-level person).
inline constexpr vertex_id no_vertex = std::numeric_limits<vertex_id>::max();
/// "No department".
inline constexpr department_id no_department = -1;

/// Bit i set means relation i contributed to the edge; relations beyond the
/// 32nd share bit 31.
using RelationMask = std::uint32_t;

/// One observed tie, with endpoints resolved to vertex ids.
struct TieRecord {
  vertex_id source;
  vertex_id target;
  relation_id relation;
  double weight;
};

class InfluenceGraph {
 public:
  struct Data;  // defined in src/model; public only so the builder can fill it

  /// The empty graph (no people, no ties).
  InfluenceGraph();
  explicit InfluenceGraph(std::shared_ptr<const Data> data);

  // ---- sizes -------------------------------------------------------------
  [[nodiscard]] std::size_t num_vertices() const noexcept;
  /// Influence edges (merged, without self-loops).
  [[nodiscard]] std::size_t num_edges() const noexcept;
  /// Observed ties as loaded, self-ties and duplicates included.
  [[nodiscard]] std::size_t num_ties() const noexcept;

  // ---- adjacency (CSR) ---------------------------------------------------
  /// Out-edges of v are the edge ids [out_begin(v), out_end(v)).
  [[nodiscard]] edge_id out_begin(vertex_id v) const;
  [[nodiscard]] edge_id out_end(vertex_id v) const;
  [[nodiscard]] std::size_t out_degree(vertex_id v) const;
  [[nodiscard]] std::size_t in_degree(vertex_id v) const;
  /// People v influences, ascending.
  [[nodiscard]] std::span<const vertex_id> out_neighbors(vertex_id v) const;
  /// Strengths of v's out-edges, aligned with out_neighbors(v).
  [[nodiscard]] std::span<const double> out_strengths(vertex_id v) const;
  /// People who influence v, ascending.
  [[nodiscard]] std::span<const vertex_id> in_neighbors(vertex_id v) const;
  /// Edge ids of v's in-edges, aligned with in_neighbors(v).
  [[nodiscard]] std::span<const edge_id> in_edges(vertex_id v) const;

  /// Source of edge e: found by binary search in out_offsets(), O(log n).
  /// Loops over all edges should walk sources with out_begin/out_end instead.
  [[nodiscard]] vertex_id edge_source(edge_id e) const;
  [[nodiscard]] vertex_id edge_target(edge_id e) const;
  [[nodiscard]] double strength(edge_id e) const;
  /// The edge u -> v, if any (binary search in u's out-list).
  [[nodiscard]] std::optional<edge_id> find_edge(vertex_id u, vertex_id v) const;

  /// Whole CSR arrays, for algorithms that want raw loops.
  [[nodiscard]] std::span<const edge_id> out_offsets() const noexcept;  // n+1
  [[nodiscard]] std::span<const vertex_id> out_targets() const noexcept;
  [[nodiscard]] std::span<const double> strengths() const noexcept;
  [[nodiscard]] std::span<const edge_id> in_offsets() const noexcept;  // n+1
  [[nodiscard]] std::span<const vertex_id> in_sources() const noexcept;
  [[nodiscard]] std::span<const edge_id> in_edge_ids() const noexcept;
  /// Strength of every in-edge, aligned with in_sources(): strengths()[in_edge_ids()[k]].
  /// Built on the first call (O(m), thread-safe) and kept with the graph's data,
  /// so copies of the graph share it; memory_bytes() counts it once built.
  [[nodiscard]] std::span<const double> in_strengths() const;

  // ---- per-person strength summaries -------------------------------------
  // Built together on the first call to any of the four (O(m), thread-safe)
  // and kept with the graph's data like in_strengths().
  /// Sum of the strengths of v's out-edges, for every v (n values).
  [[nodiscard]] std::span<const double> out_strength_totals() const;
  /// Sum of the strengths of v's in-edges, for every v (n values).
  [[nodiscard]] std::span<const double> in_strength_totals() const;
  /// When, for every person v, all in-edges of v carry one strength: that
  /// strength per person (1 for a person without in-edges). Empty otherwise.
  /// The weighted-cascade convention on unweighted ties, s(u,v) = 1/in-degree(v),
  /// gives such a graph; a product with the in-edge matrix then adds the
  /// neighbours' values and scales once per person, reading no strengths.
  [[nodiscard]] std::span<const double> shared_in_strengths() const;
  /// The same for out-edges: per person, the strength all its out-edges carry.
  [[nodiscard]] std::span<const double> shared_out_strengths() const;

  // ---- people ------------------------------------------------------------
  /// Person id of vertex v. Throws orgnet::out_of_range if v >= num_vertices().
  [[nodiscard]] const std::string& id(vertex_id v) const;
  /// Vertex of a person id, or nullopt.
  [[nodiscard]] std::optional<vertex_id> find(std::string_view person_id) const;
  /// Vertex of a person id; throws orgnet::out_of_range naming the id.
  [[nodiscard]] vertex_id index_of(std::string_view person_id) const;
  [[nodiscard]] const std::string& name(vertex_id v) const;
  [[nodiscard]] const std::string& title(vertex_id v) const;
  /// Formal level, 0 = top (given or derived; see Person::level).
  [[nodiscard]] int level(vertex_id v) const;
  /// True when the level came from the data rather than from the manager forest.
  [[nodiscard]] bool level_given(vertex_id v) const;
  /// The person's manager, or no_vertex.
  [[nodiscard]] vertex_id manager(vertex_id v) const;
  /// Direct reports of v, ascending.
  [[nodiscard]] std::span<const vertex_id> direct_reports(vertex_id v) const;

  // ---- departments -------------------------------------------------------
  [[nodiscard]] std::size_t num_departments() const noexcept;
  /// Department of v, or no_department.
  [[nodiscard]] department_id department(vertex_id v) const;
  /// Name of department d (as in the data).
  [[nodiscard]] const std::string& department_name(department_id d) const;
  [[nodiscard]] std::optional<department_id> find_department(std::string_view name) const;
  /// Members of department d, ascending.
  [[nodiscard]] std::span<const vertex_id> department_members(department_id d) const;

  // ---- free attributes ---------------------------------------------------
  /// Names of the free attributes, in source order.
  [[nodiscard]] std::span<const std::string> attribute_names() const noexcept;
  /// Value of attribute `name` for v ("" when the source had none); throws
  /// orgnet::out_of_range for an unknown attribute name.
  [[nodiscard]] const std::string& attribute(vertex_id v, std::string_view name) const;
  /// Column of attribute `name`, indexed by vertex.
  [[nodiscard]] std::span<const std::string> attribute_column(std::string_view name) const;

  // ---- relations and ties ------------------------------------------------
  [[nodiscard]] std::size_t num_relations() const noexcept;
  [[nodiscard]] const std::string& relation_name(relation_id r) const;
  [[nodiscard]] std::optional<relation_id> find_relation(std::string_view name) const;
  /// The spec that was applied to relation r.
  [[nodiscard]] const RelationSpec& relation_spec(relation_id r) const;
  /// The map the graph was built with.
  [[nodiscard]] const RelationMap& relation_map() const noexcept;
  /// Every observed tie, in load order.
  [[nodiscard]] std::span<const TieRecord> ties() const noexcept;

  /// What happened while building (merges, self-ties, people created, ...).
  [[nodiscard]] const LoadReport& load_report() const noexcept;

  /// Bytes of heap memory held by the graph (adjacency, ties, people, indexes).
  [[nodiscard]] std::size_t memory_bytes() const noexcept;

  [[nodiscard]] const Data& data() const noexcept { return *data_; }

 private:
  std::shared_ptr<const Data> data_;
};

/// For every edge (by edge id), which relations contributed to it: bit r is set
/// when a tie of relation r gave an arc on that edge (relations beyond the 32nd
/// share bit 31). Computed from the ties, O(ties · log(out-degree)).
[[nodiscard]] std::vector<RelationMask> edge_relation_masks(const InfluenceGraph& graph);

}  // namespace orgnet
