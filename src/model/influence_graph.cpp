#include "orgnet/model/influence_graph.hpp"

#include <algorithm>

#include "graph_data.hpp"
#include "orgnet/error.hpp"

namespace orgnet {

namespace {
const std::shared_ptr<const InfluenceGraph::Data>& empty_data() {
  static const auto empty = std::make_shared<const InfluenceGraph::Data>();
  return empty;
}

template <class T>
std::size_t heap_bytes(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}
std::size_t heap_bytes(const std::vector<std::string>& v) {
  std::size_t bytes = v.capacity() * sizeof(std::string);
  for (const auto& s : v) {
    if (s.capacity() > 15) bytes += s.capacity() + 1;  // beyond the small-string buffer
  }
  return bytes;
}
}  // namespace

InfluenceGraph::InfluenceGraph() : data_(empty_data()) {}
InfluenceGraph::InfluenceGraph(std::shared_ptr<const Data> data) : data_(std::move(data)) {
  if (!data_) data_ = empty_data();
}

std::size_t InfluenceGraph::num_vertices() const noexcept { return data_->ids.size(); }
std::size_t InfluenceGraph::num_edges() const noexcept { return data_->out_targets.size(); }
std::size_t InfluenceGraph::num_ties() const noexcept { return data_->ties.size(); }

namespace {
void check_vertex(const InfluenceGraph& g, vertex_id v) {
  if (v >= g.num_vertices()) {
    throw out_of_range("vertex " + std::to_string(v) + " is out of range (graph has " +
                       std::to_string(g.num_vertices()) + " people)");
  }
}
void check_edge(const InfluenceGraph& g, edge_id e) {
  if (e >= g.num_edges()) {
    throw out_of_range("edge " + std::to_string(e) + " is out of range (graph has " + std::to_string(g.num_edges()) +
                       " edges)");
  }
}
}  // namespace

edge_id InfluenceGraph::out_begin(vertex_id v) const {
  check_vertex(*this, v);
  return data_->out_offsets[v];
}
edge_id InfluenceGraph::out_end(vertex_id v) const {
  check_vertex(*this, v);
  return data_->out_offsets[v + 1];
}
std::size_t InfluenceGraph::out_degree(vertex_id v) const { return out_end(v) - out_begin(v); }
std::size_t InfluenceGraph::in_degree(vertex_id v) const {
  check_vertex(*this, v);
  return data_->in_offsets[v + 1] - data_->in_offsets[v];
}
std::span<const vertex_id> InfluenceGraph::out_neighbors(vertex_id v) const {
  check_vertex(*this, v);
  return {data_->out_targets.data() + data_->out_offsets[v], data_->out_offsets[v + 1] - data_->out_offsets[v]};
}
std::span<const double> InfluenceGraph::out_strengths(vertex_id v) const {
  check_vertex(*this, v);
  return {data_->strengths.data() + data_->out_offsets[v], data_->out_offsets[v + 1] - data_->out_offsets[v]};
}
std::span<const vertex_id> InfluenceGraph::in_neighbors(vertex_id v) const {
  check_vertex(*this, v);
  return {data_->in_sources.data() + data_->in_offsets[v], data_->in_offsets[v + 1] - data_->in_offsets[v]};
}
std::span<const edge_id> InfluenceGraph::in_edges(vertex_id v) const {
  check_vertex(*this, v);
  return {data_->in_edge_ids.data() + data_->in_offsets[v], data_->in_offsets[v + 1] - data_->in_offsets[v]};
}

vertex_id InfluenceGraph::edge_source(edge_id e) const {
  check_edge(*this, e);
  // The source is the last vertex whose out-list starts at or before e.
  const auto& offsets = data_->out_offsets;
  return static_cast<vertex_id>(std::upper_bound(offsets.begin(), offsets.end(), e) - offsets.begin() - 1);
}
vertex_id InfluenceGraph::edge_target(edge_id e) const {
  check_edge(*this, e);
  return data_->out_targets[e];
}
double InfluenceGraph::strength(edge_id e) const {
  check_edge(*this, e);
  return data_->strengths[e];
}
std::optional<edge_id> InfluenceGraph::find_edge(vertex_id u, vertex_id v) const {
  check_vertex(*this, u);
  check_vertex(*this, v);
  auto first = data_->out_targets.begin() + data_->out_offsets[u];
  auto last = data_->out_targets.begin() + data_->out_offsets[u + 1];
  auto it = std::lower_bound(first, last, v);
  if (it == last || *it != v) return std::nullopt;
  return static_cast<edge_id>(it - data_->out_targets.begin());
}

std::span<const edge_id> InfluenceGraph::out_offsets() const noexcept { return data_->out_offsets; }
std::span<const vertex_id> InfluenceGraph::out_targets() const noexcept { return data_->out_targets; }
std::span<const double> InfluenceGraph::strengths() const noexcept { return data_->strengths; }
std::span<const edge_id> InfluenceGraph::in_offsets() const noexcept { return data_->in_offsets; }
std::span<const vertex_id> InfluenceGraph::in_sources() const noexcept { return data_->in_sources; }
std::span<const edge_id> InfluenceGraph::in_edge_ids() const noexcept { return data_->in_edge_ids; }

std::span<const double> InfluenceGraph::in_strengths() const {
  std::call_once(data_->in_strengths_once, [this] {
    const Data& d = *data_;
    d.in_strengths.resize(d.in_edge_ids.size());
    for (std::size_t k = 0; k < d.in_edge_ids.size(); ++k) d.in_strengths[k] = d.strengths[d.in_edge_ids[k]];
    d.in_strengths_built.store(true, std::memory_order_release);
  });
  return data_->in_strengths;
}

namespace {

/// Per-row totals of `weights` (rows given by `offsets`), added in two
/// interleaved partial sums (k mod 2) for speed, in a fixed order; and, when
/// every row's weights are all equal, that weight per row (1 for an empty row).
void summarize_rows(std::span<const edge_id> offsets, std::span<const double> weights, std::vector<double>& totals,
                    std::vector<double>& shared) {
  const std::size_t n = offsets.size() - 1;
  totals.resize(n);
  shared.resize(n);
  bool all_shared = true;
  for (std::size_t r = 0; r < n; ++r) {
    const edge_id begin = offsets[r];
    const edge_id end = offsets[r + 1];
    double even = 0.0;
    double odd = 0.0;
    edge_id k = begin;
    for (; k + 2 <= end; k += 2) {
      even += weights[k];
      odd += weights[k + 1];
    }
    if (k < end) even += weights[k];
    totals[r] = even + odd;
    const double first = begin < end ? weights[begin] : 1.0;
    for (k = begin; all_shared && k < end; ++k) all_shared = weights[k] == first;
    shared[r] = first;
  }
  if (!all_shared) shared = {};
}

/// The graph's strength summary, built on first use.
const InfluenceGraph::Data::StrengthSummary& strength_summary(const InfluenceGraph& graph) {
  const InfluenceGraph::Data& d = graph.data();
  std::call_once(d.summary_once, [&] {
    summarize_rows(d.out_offsets, d.strengths, d.summary.out_totals, d.summary.shared_out);
    summarize_rows(d.in_offsets, graph.in_strengths(), d.summary.in_totals, d.summary.shared_in);
    d.summary_built.store(true, std::memory_order_release);
  });
  return d.summary;
}

}  // namespace

std::span<const double> InfluenceGraph::out_strength_totals() const { return strength_summary(*this).out_totals; }
std::span<const double> InfluenceGraph::in_strength_totals() const { return strength_summary(*this).in_totals; }
std::span<const double> InfluenceGraph::shared_in_strengths() const { return strength_summary(*this).shared_in; }
std::span<const double> InfluenceGraph::shared_out_strengths() const { return strength_summary(*this).shared_out; }

const std::string& InfluenceGraph::id(vertex_id v) const {
  check_vertex(*this, v);
  return data_->ids[v];
}
std::optional<vertex_id> InfluenceGraph::find(std::string_view person_id) const {
  const std::uint32_t v = data_->find_id(person_id);
  if (v == detail::IdTable::not_found) return std::nullopt;
  return v;
}
vertex_id InfluenceGraph::index_of(std::string_view person_id) const {
  if (auto v = find(person_id)) return *v;
  throw out_of_range("unknown person id " + quote_for_message(person_id));
}
const std::string& InfluenceGraph::name(vertex_id v) const {
  check_vertex(*this, v);
  return data_->names[v];
}
const std::string& InfluenceGraph::title(vertex_id v) const {
  check_vertex(*this, v);
  return data_->titles[v];
}
int InfluenceGraph::level(vertex_id v) const {
  check_vertex(*this, v);
  return data_->levels[v];
}
bool InfluenceGraph::level_given(vertex_id v) const {
  check_vertex(*this, v);
  return data_->level_given[v];
}
vertex_id InfluenceGraph::manager(vertex_id v) const {
  check_vertex(*this, v);
  return data_->managers[v];
}
std::span<const vertex_id> InfluenceGraph::direct_reports(vertex_id v) const {
  check_vertex(*this, v);
  return {data_->reports.data() + data_->report_offsets[v], data_->report_offsets[v + 1] - data_->report_offsets[v]};
}

std::size_t InfluenceGraph::num_departments() const noexcept { return data_->department_names.size(); }
department_id InfluenceGraph::department(vertex_id v) const {
  check_vertex(*this, v);
  return data_->departments[v];
}
namespace {
void check_department(const InfluenceGraph& g, department_id d) {
  if (d < 0 || static_cast<std::size_t>(d) >= g.num_departments()) {
    throw out_of_range("department " + std::to_string(d) + " is out of range (graph has " +
                       std::to_string(g.num_departments()) + " departments)");
  }
}
}  // namespace
const std::string& InfluenceGraph::department_name(department_id d) const {
  check_department(*this, d);
  return data_->department_names[static_cast<std::size_t>(d)];
}
std::optional<department_id> InfluenceGraph::find_department(std::string_view name) const {
  auto it = data_->department_index.find(std::string(name));
  if (it == data_->department_index.end()) return std::nullopt;
  return it->second;
}
std::span<const vertex_id> InfluenceGraph::department_members(department_id d) const {
  check_department(*this, d);
  auto i = static_cast<std::size_t>(d);
  return {data_->department_members.data() + data_->department_offsets[i],
          data_->department_offsets[i + 1] - data_->department_offsets[i]};
}

std::span<const std::string> InfluenceGraph::attribute_names() const noexcept { return data_->attribute_names; }
std::span<const std::string> InfluenceGraph::attribute_column(std::string_view name) const {
  const auto& names = data_->attribute_names;
  auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) throw out_of_range("unknown attribute '" + std::string(name) + "'");
  return data_->attribute_columns[static_cast<std::size_t>(it - names.begin())];
}
const std::string& InfluenceGraph::attribute(vertex_id v, std::string_view name) const {
  check_vertex(*this, v);
  return attribute_column(name)[v];
}

std::size_t InfluenceGraph::num_relations() const noexcept { return data_->relation_names.size(); }
const std::string& InfluenceGraph::relation_name(relation_id r) const {
  if (r >= num_relations()) throw out_of_range("relation " + std::to_string(r) + " is out of range");
  return data_->relation_names[r];
}
std::optional<relation_id> InfluenceGraph::find_relation(std::string_view name) const {
  const auto& names = data_->relation_names;
  auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) return std::nullopt;
  return static_cast<relation_id>(it - names.begin());
}
const RelationSpec& InfluenceGraph::relation_spec(relation_id r) const {
  if (r >= num_relations()) throw out_of_range("relation " + std::to_string(r) + " is out of range");
  return data_->relation_specs[r];
}
const RelationMap& InfluenceGraph::relation_map() const noexcept { return data_->relation_map; }
std::span<const TieRecord> InfluenceGraph::ties() const noexcept { return data_->ties; }
const LoadReport& InfluenceGraph::load_report() const noexcept { return data_->report; }

std::size_t InfluenceGraph::memory_bytes() const noexcept {
  const Data& d = *data_;
  std::size_t bytes = sizeof(Data);
  bytes += heap_bytes(d.out_offsets) + heap_bytes(d.out_targets) + heap_bytes(d.strengths) + heap_bytes(d.in_offsets) +
           heap_bytes(d.in_sources) + heap_bytes(d.in_edge_ids);
  if (d.in_strengths_built.load(std::memory_order_acquire)) bytes += heap_bytes(d.in_strengths);
  if (d.summary_built.load(std::memory_order_acquire)) {
    bytes += heap_bytes(d.summary.out_totals) + heap_bytes(d.summary.in_totals) + heap_bytes(d.summary.shared_out) +
             heap_bytes(d.summary.shared_in);
  }
  bytes += heap_bytes(d.ids) + heap_bytes(d.names) + heap_bytes(d.titles) + heap_bytes(d.levels) +
           d.level_given.capacity() / 8 + heap_bytes(d.managers) + heap_bytes(d.report_offsets) + heap_bytes(d.reports);
  // unordered_map: one node (key + value + next pointer + cached hash) per entry plus buckets.
  bytes += d.id_table.memory_bytes();
  bytes += heap_bytes(d.departments) + heap_bytes(d.department_names) + heap_bytes(d.department_offsets) +
           heap_bytes(d.department_members);
  bytes += d.department_index.size() * (sizeof(std::string) + sizeof(department_id) + 2 * sizeof(void*));
  bytes += heap_bytes(d.attribute_names);
  for (const auto& column : d.attribute_columns) bytes += heap_bytes(column);
  bytes += heap_bytes(d.relation_names) + heap_bytes(d.relation_specs) + heap_bytes(d.ties);
  return bytes;
}

std::vector<RelationMask> edge_relation_masks(const InfluenceGraph& graph) {
  std::vector<RelationMask> masks(graph.num_edges(), 0);
  for (const TieRecord& tie : graph.ties()) {
    if (tie.source == tie.target) continue;  // self-ties give no edge
    const RelationMask bit = RelationMask{1} << std::min<unsigned>(tie.relation, 31);
    for_each_influence_arc(graph.relation_spec(tie.relation).direction, tie.source, tie.target,
                           [&](vertex_id u, vertex_id v) { masks[*graph.find_edge(u, v)] |= bit; });
  }
  return masks;
}

}  // namespace orgnet
