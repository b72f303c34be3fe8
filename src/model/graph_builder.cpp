#include "orgnet/model/graph_builder.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

#include "forest.hpp"
#include "graph_data.hpp"
#include "support/log.hpp"

namespace orgnet {

namespace {

std::string quoted(std::string_view s) { return quote_for_message(s); }

std::string format_weight(double w) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.17g", w);
  return buffer;
}

// Names people in a message, at most `limit` of them; a longer list ends with
// its size (`count` people, by default all listed).
std::string name_people(const std::vector<std::string>& ids, const std::vector<vertex_id>& people,
                        std::size_t limit = 10, std::size_t count = 0) {
  std::string out;
  for (std::size_t i = 0; i < people.size() && i < limit; ++i) {
    if (i > 0) out += " -> ";
    out += quoted(ids[people[i]]);
  }
  if (people.size() > limit) out += " -> ... (" + std::to_string(count > 0 ? count : people.size()) + " people)";
  return out;
}

}  // namespace

GraphBuilder::GraphBuilder(BuildOptions options) : options_(std::move(options)) {}

std::uint32_t GraphBuilder::add_source(std::string file_name) {
  files_.push_back(std::move(file_name));
  return static_cast<std::uint32_t>(files_.size() - 1);
}

bool GraphBuilder::has_person(std::string_view id) const {
  const std::uint32_t index =
      id_table_.find(id, detail::IdTable::tag_of(id), [&](std::uint32_t i) -> std::string_view { return ids_[i]; });
  return index != detail::IdTable::not_found && people_[index].has_value();
}

std::uint32_t GraphBuilder::intern(std::string_view id, std::uint32_t tag) {
  const std::uint32_t found = id_table_.find(id, tag, [&](std::uint32_t i) -> std::string_view { return ids_[i]; });
  if (found != detail::IdTable::not_found) return found;
  if (ids_.size() >= std::numeric_limits<vertex_id>::max() - 1) {
    throw invalid_argument("too many people: orgnet supports at most 2^32 - 2");
  }
  const auto index = static_cast<std::uint32_t>(ids_.size());
  ids_.emplace_back(id);
  id_table_.insert(tag, index);
  people_.emplace_back();
  person_locations_.emplace_back();
  return index;
}

vertex_id GraphBuilder::add_person(Person person, const PersonLocation& where) {
  auto field = [&](std::string name) {
    std::size_t column = name == "id"        ? where.id_column
                         : name == "manager" ? where.manager_column
                         : name == "level"   ? where.level_column
                                             : 0;
    return SourceLocation{where.file, where.line, column, std::move(name)};
  };
  if (person.id.empty()) throw invalid_argument(field("id"), "person id is empty");
  if (person.level && *person.level < 0) {
    throw invalid_argument(field("level"), "level must be >= 0 (0 = top), got " + std::to_string(*person.level) +
                                               " for person " + quoted(person.id));
  }
  if (!person.manager.empty() && person.manager == person.id) {
    throw invalid_argument(field("manager"), "person " + quoted(person.id) + " is their own manager");
  }
  for (std::size_t i = 0; i < person.attributes.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (person.attributes[i].first == person.attributes[j].first) {
        throw invalid_argument(field(person.attributes[i].first),
                               "attribute given twice for person " + quoted(person.id));
      }
    }
  }
  const std::uint32_t index = intern(person.id, detail::IdTable::tag_of(person.id));
  if (people_[index]) {
    const PersonLocation& first = person_locations_[index];
    std::string previous;
    if (!first.file.empty()) {
      previous = " (first defined at " + first.file + ":" + std::to_string(first.line) + ")";
    }
    throw invalid_argument(field("id"), "duplicate person id " + quoted(person.id) + previous);
  }
  people_[index] = std::move(person);
  person_locations_[index] = where;
  return index;
}

void GraphBuilder::add_tie(std::string_view source, std::string_view target, std::string_view relation, double weight,
                           const TieLocation& where) {
  add_tie_tagged(TieView{source, target, relation, weight, where}, detail::IdTable::tag_of(source),
                 detail::IdTable::tag_of(target));
}

void GraphBuilder::add_ties(std::span<const TieView> ties) {
  // Three stages in flight: tie i + 2*ahead has its slots prefetched, tie
  // i + ahead has the ids its slots point to prefetched, tie i is added.
  constexpr std::size_t ahead = 8;
  const std::size_t count = ties.size();
  tag_scratch_.resize(2 * count);
  for (std::size_t i = 0; i < count; ++i) {
    tag_scratch_[2 * i] = detail::IdTable::tag_of(ties[i].source);
    tag_scratch_[2 * i + 1] = detail::IdTable::tag_of(ties[i].target);
  }
  auto prefetch_id = [&](std::uint32_t tag) {
    const std::uint32_t candidate = id_table_.home_index(tag);
    if (candidate != detail::IdTable::not_found) __builtin_prefetch(&ids_[candidate]);
  };
  for (std::size_t i = 0; i < count; ++i) {
    if (i + 2 * ahead < count) {
      id_table_.prefetch(tag_scratch_[2 * (i + 2 * ahead)]);
      id_table_.prefetch(tag_scratch_[2 * (i + 2 * ahead) + 1]);
    }
    if (i + ahead < count) {
      prefetch_id(tag_scratch_[2 * (i + ahead)]);
      prefetch_id(tag_scratch_[2 * (i + ahead) + 1]);
    }
    add_tie_tagged(ties[i], tag_scratch_[2 * i], tag_scratch_[2 * i + 1]);
  }
}

void GraphBuilder::add_tie_tagged(const TieView& tie, std::uint32_t source_tag, std::uint32_t target_tag) {
  // Plain references rather than a structured binding: the lambda below
  // captures `where`, which clang 14 does not allow for a binding.
  const std::string_view source = tie.source;
  const std::string_view target = tie.target;
  const std::string_view relation = tie.relation;
  const double weight = tie.weight;
  const TieLocation& where = tie.where;
  auto located = [&](std::uint32_t column, const char* field) {
    SourceLocation at{files_[where.file], where.line, column, field};
    return at;
  };
  if (source.empty()) throw invalid_argument(located(where.source_column, "source"), "tie source is empty");
  if (target.empty()) throw invalid_argument(located(where.target_column, "target"), "tie target is empty");
  if (!std::isfinite(weight) || weight <= 0.0) {
    throw invalid_argument(located(where.weight_column, "weight"),
                           "expected a finite number > 0, got " + format_weight(weight));
  }
  if (relation.empty()) throw invalid_argument(located(0, "relation"), "relation is empty");
  relation_id rel = 0;
  if (!relation_names_.empty() && relation == relation_names_[last_relation_]) {
    rel = last_relation_;  // files usually list ties of one relation together
  } else if (auto it = relation_index_.find(std::string(relation)); it != relation_index_.end()) {
    rel = it->second;
  } else {
    if (relation_names_.size() >= std::numeric_limits<relation_id>::max()) {
      throw invalid_argument(located(0, "relation"), "too many distinct relations (at most 65535)");
    }
    rel = static_cast<relation_id>(relation_names_.size());
    relation_names_.emplace_back(relation);
    relation_index_.emplace(std::string(relation), rel);
  }
  last_relation_ = rel;
  if (tie_source_.size() >= std::numeric_limits<edge_id>::max() - 1) {
    throw invalid_argument(located(0, ""), "too many ties: orgnet supports at most 2^32 - 2");
  }
  tie_source_.push_back(intern(source, source_tag));
  tie_target_.push_back(intern(target, target_tag));
  tie_relation_.push_back(rel);
  tie_weight_.push_back(weight);
  const bool located_tie = where.file != 0 || where.line != 0;
  if (located_tie && tie_locations_.size() < tie_source_.size() - 1) {
    tie_locations_.resize(tie_source_.size() - 1);  // earlier ties had no location
  }
  if (located_tie || !tie_locations_.empty()) tie_locations_.push_back(where);
}

SourceLocation GraphBuilder::tie_location(std::size_t tie, std::string field) const {
  SourceLocation at;
  if (tie < tie_locations_.size()) {
    const TieLocation& loc = tie_locations_[tie];
    at.file = files_[loc.file];
    at.line = loc.line;
    at.column = field == "source"   ? loc.source_column
                : field == "target" ? loc.target_column
                : field == "weight" ? loc.weight_column
                                    : 0;
  }
  at.field = std::move(field);
  return at;
}

InfluenceGraph GraphBuilder::build() && {
  auto data = std::make_shared<InfluenceGraph::Data>();
  InfluenceGraph::Data& d = *data;
  LoadReport& report = d.report;
  const std::size_t n = ids_.size();
  const std::size_t num_ties = tie_source_.size();

  // ---- people named only by ties --------------------------------------------
  for (std::size_t v = 0; v < n; ++v) {
    if (people_[v]) continue;
    if (options_.unknown_people == UnknownPersonPolicy::create) {
      people_[v] = Person{.id = ids_[v]};
      ++report.people_from_ties;
      continue;
    }
    // Report the first tie that names the unknown id.
    for (std::size_t t = 0; t < num_ties; ++t) {
      const bool as_source = tie_source_[t] == v;
      if (!as_source && tie_target_[t] != v) continue;
      throw invalid_argument(tie_location(t, as_source ? "source" : "target"),
                             "unknown person id " + quoted(ids_[v]) +
                                 " (not in the people data; ask to create missing people to accept it)");
    }
  }

  // ---- ids and plain attributes ---------------------------------------------
  // The builder's index already maps every id to its vertex: hand both over.
  d.ids = std::move(ids_);
  d.id_table = std::move(id_table_);
  ids_ = {};
  id_table_ = {};
  d.names.resize(n);
  d.titles.resize(n);
  d.departments.assign(n, no_department);
  for (std::size_t v = 0; v < n; ++v) {
    Person& p = *people_[v];
    d.names[v] = std::move(p.name);
    d.titles[v] = std::move(p.title);
    if (!p.department.empty()) {
      auto [it, inserted] =
          d.department_index.try_emplace(p.department, static_cast<department_id>(d.department_names.size()));
      if (inserted) d.department_names.push_back(p.department);
      d.departments[v] = it->second;
    }
    for (auto& [name, value] : p.attributes) {
      auto it = std::find(d.attribute_names.begin(), d.attribute_names.end(), name);
      std::size_t column = static_cast<std::size_t>(it - d.attribute_names.begin());
      if (it == d.attribute_names.end()) {
        d.attribute_names.push_back(name);
        d.attribute_columns.emplace_back(n);
      }
      d.attribute_columns[column][v] = std::move(value);
    }
  }
  // Department membership lists (CSR).
  d.department_offsets.assign(d.department_names.size() + 1, 0);
  for (department_id dep : d.departments) {
    if (dep != no_department) ++d.department_offsets[static_cast<std::size_t>(dep) + 1];
  }
  std::partial_sum(d.department_offsets.begin(), d.department_offsets.end(), d.department_offsets.begin());
  d.department_members.resize(d.department_offsets.back());
  {
    std::vector<edge_id> fill(d.department_offsets.begin(), d.department_offsets.end() - 1);
    for (std::size_t v = 0; v < n; ++v) {
      if (d.departments[v] != no_department) {
        d.department_members[fill[static_cast<std::size_t>(d.departments[v])]++] = static_cast<vertex_id>(v);
      }
    }
  }

  // ---- relations ------------------------------------------------------------
  d.relation_map = options_.relations;
  d.relation_names = relation_names_;
  d.relation_specs.resize(relation_names_.size());
  for (std::size_t r = 0; r < relation_names_.size(); ++r) {
    if (const RelationSpec* spec = options_.relations.find(relation_names_[r])) {
      d.relation_specs[r] = *spec;
    } else if (options_.relations.fallback()) {
      d.relation_specs[r] = *options_.relations.fallback();
      report.relations_using_fallback.push_back(relation_names_[r]);
      log::info("relation '{}' is not in the relation map; using the fallback ({}, {})", relation_names_[r],
                to_string(d.relation_specs[r].direction), to_string(d.relation_specs[r].strength));
    } else {
      std::size_t first = std::find(tie_relation_.begin(), tie_relation_.end(), r) - tie_relation_.begin();
      throw invalid_argument(
          tie_location(first, "relation"),
          "relation " + quoted(relation_names_[r]) + " is not in the relation map and the map has no fallback");
    }
  }

  // ---- formal hierarchy -------------------------------------------------------
  d.managers.assign(n, no_vertex);
  std::vector<std::size_t> manager_tie(n, num_ties);  // tie that set the manager, if any
  for (std::size_t v = 0; v < n; ++v) {
    const std::string& manager = people_[v]->manager;
    if (manager.empty()) continue;
    const std::uint32_t boss = d.find_id(manager);
    if (boss == detail::IdTable::not_found) {
      const PersonLocation& loc = person_locations_[v];
      throw invalid_argument(
          SourceLocation{loc.file, loc.line, loc.manager_column, "manager"},
          "manager " + quoted(manager) + " of person " + quoted(d.ids[v]) + " names nobody in the people data");
    }
    d.managers[v] = boss;
  }
  if (!options_.hierarchy_relation.empty()) {
    auto rel = relation_index_.find(options_.hierarchy_relation);
    if (rel != relation_index_.end()) {
      for (std::size_t t = 0; t < num_ties; ++t) {
        if (tie_relation_[t] != rel->second) continue;
        const vertex_id report_v = tie_source_[t];
        const vertex_id boss = tie_target_[t];
        if (report_v == boss) {
          throw invalid_argument(tie_location(t, "target"),
                                 "person " + quoted(d.ids[report_v]) + " reports to themselves");
        }
        if (d.managers[report_v] != no_vertex && d.managers[report_v] != boss) {
          std::string other = manager_tie[report_v] < num_ties ? "another " + options_.hierarchy_relation + " tie"
                                                               : "the manager field";
          throw invalid_argument(tie_location(t, "target"), "person " + quoted(d.ids[report_v]) + " reports to " +
                                                                quoted(d.ids[boss]) + " but " + other + " names " +
                                                                quoted(d.ids[d.managers[report_v]]) +
                                                                " as their manager (a person has one manager)");
        }
        d.managers[report_v] = boss;
        manager_tie[report_v] = t;
      }
    }
  }
  if (auto cycle = detail::find_parent_cycle(d.managers)) {
    // Point at the record that gave the cycle's first person their manager.
    const vertex_id first = cycle->front();
    SourceLocation at;
    if (manager_tie[first] < num_ties) {
      at = tie_location(manager_tie[first], "target");
    } else {
      const PersonLocation& loc = person_locations_[first];
      at = SourceLocation{loc.file, loc.line, loc.manager_column, "manager"};
    }
    const std::size_t length = cycle->size();
    cycle->push_back(first);  // shown closing the loop, but counted once
    std::string people = name_people(d.ids, *cycle, 10, length);
    throw invalid_argument(at, "the reporting lines form a cycle: " + people + " (each reports to the next)");
  }
  {
    std::vector<int> given(n, -1);
    d.level_given.assign(n, false);
    for (std::size_t v = 0; v < n; ++v) {
      if (people_[v]->level) {
        given[v] = *people_[v]->level;
        d.level_given[v] = true;
      }
    }
    d.levels = detail::forest_depths(d.managers, given);
  }
  d.report_offsets.assign(n + 1, 0);
  for (vertex_id m : d.managers) {
    if (m != no_vertex) ++d.report_offsets[m + 1];
  }
  std::partial_sum(d.report_offsets.begin(), d.report_offsets.end(), d.report_offsets.begin());
  d.reports.resize(d.report_offsets.back());
  {
    std::vector<edge_id> fill(d.report_offsets.begin(), d.report_offsets.end() - 1);
    for (std::size_t v = 0; v < n; ++v) {
      if (d.managers[v] != no_vertex) d.reports[fill[d.managers[v]]++] = static_cast<vertex_id>(v);
    }
  }
  people_.clear();
  person_locations_.clear();

  // ---- strengths ----------------------------------------------------------------
  // Each non-self tie contributes one or two directed arcs (influencer -> influenced).
  const std::size_t num_relations = relation_names_.size();
  auto for_each_arc = [&](std::size_t t, auto&& arc) {
    for_each_influence_arc(d.relation_specs[tie_relation_[t]].direction, tie_source_[t], tie_target_[t], arc);
  };

  std::vector<double> max_weight(num_relations, 0.0);
  bool any_cascade = false;
  for (std::size_t t = 0; t < num_ties; ++t) {
    const relation_id r = tie_relation_[t];
    if (tie_source_[t] == tie_target_[t]) continue;
    max_weight[r] = std::max(max_weight[r], tie_weight_[t]);
    if (d.relation_specs[r].strength == StrengthRule::weighted_cascade) any_cascade = true;
    if (d.relation_specs[r].strength == StrengthRule::as_is && tie_weight_[t] > 1.0) {
      throw invalid_argument(tie_location(t, "weight"),
                             "relation " + quoted(relation_names_[r]) +
                                 " takes weights as strengths, so they must lie in (0, 1]; got " +
                                 format_weight(tie_weight_[t]));
    }
  }
  // Weighted cascade denominators: sum of weights into each influenced person,
  // per relation. Stored sparsely as (relation, person) -> sum through one array
  // per relation that needs it.
  std::vector<std::vector<double>> in_weight(num_relations);
  if (any_cascade) {
    for (std::size_t r = 0; r < num_relations; ++r) {
      if (d.relation_specs[r].strength == StrengthRule::weighted_cascade && max_weight[r] > 0)
        in_weight[r].assign(n, 0.0);
    }
    for (std::size_t t = 0; t < num_ties; ++t) {
      if (tie_source_[t] == tie_target_[t]) continue;
      auto& sums = in_weight[tie_relation_[t]];
      if (sums.empty()) continue;
      for_each_arc(t, [&](vertex_id, vertex_id influenced) { sums[influenced] += tie_weight_[t]; });
    }
  }
  auto rule_strength = [&](std::size_t t, vertex_id influenced) {
    const relation_id r = tie_relation_[t];
    switch (d.relation_specs[r].strength) {
      case StrengthRule::as_is:
        return tie_weight_[t];
      case StrengthRule::scale_by_max:
        return tie_weight_[t] / max_weight[r];
      case StrengthRule::weighted_cascade:
        return tie_weight_[t] / in_weight[r][influenced];
    }
    return tie_weight_[t];
  };
  // A strength that underflows (a tiny weight over a huge cascade sum, times a
  // scale) stays the smallest positive double: the tie exists, so its edge must.
  auto tie_strength = [&](std::size_t t, vertex_id influenced) {
    return std::max(d.relation_specs[tie_relation_[t]].scale * rule_strength(t, influenced),
                    std::numeric_limits<double>::denorm_min());
  };

  // ---- arcs, bucketed by influencer, then merged per (u, v) by noisy-or ----------
  struct Arc {
    vertex_id target;
    relation_id relation;
    double strength;
  };
  std::vector<edge_id> arc_offsets(n + 1, 0);
  for (std::size_t t = 0; t < num_ties; ++t) {
    if (tie_source_[t] == tie_target_[t]) {
      ++report.self_ties;
      continue;
    }
    for_each_arc(t, [&](vertex_id influencer, vertex_id) { ++arc_offsets[influencer + 1]; });
  }
  std::partial_sum(arc_offsets.begin(), arc_offsets.end(), arc_offsets.begin());
  const std::size_t num_arcs = arc_offsets.back();
  if (num_arcs >= std::numeric_limits<edge_id>::max()) {
    throw invalid_argument("too many influence arcs: orgnet supports at most 2^32 - 2");
  }
  std::vector<Arc> arcs(num_arcs);
  {
    std::vector<edge_id> fill(arc_offsets.begin(), arc_offsets.end() - 1);
    for (std::size_t t = 0; t < num_ties; ++t) {
      if (tie_source_[t] == tie_target_[t]) continue;
      for_each_arc(t, [&](vertex_id influencer, vertex_id influenced) {
        arcs[fill[influencer]++] = Arc{influenced, tie_relation_[t], tie_strength(t, influenced)};
      });
    }
  }
  report.influence_arcs = num_arcs;
  in_weight.clear();

  d.out_offsets.assign(n + 1, 0);
  std::size_t edges = 0;
  // Merge in place: after sorting one bucket by target, runs of equal targets
  // collapse into their first slot.
  for (std::size_t u = 0; u < n; ++u) {
    auto first = arcs.begin() + arc_offsets[u];
    auto last = arcs.begin() + arc_offsets[u + 1];
    std::sort(first, last, [](const Arc& a, const Arc& b) { return a.target < b.target; });
    for (auto it = first; it != last;) {
      Arc merged = *it;
      auto run = it + 1;
      if (run != last && run->target == it->target) {
        // Noisy-or: s = 1 - prod(1 - s_i), computed as -expm1(sum log1p(-s_i)) so
        // that tiny strengths (1e-300) are not rounded away and s_i = 1 gives 1.
        double log_miss = std::log1p(-it->strength);
        for (; run != last && run->target == it->target; ++run) log_miss += std::log1p(-run->strength);
        merged.strength = -std::expm1(log_miss);
      }
      report.merged_arcs += static_cast<std::size_t>(run - it - 1);
      arcs[edges] = merged;  // edges <= it: this slot has been read already
      ++edges;
      it = run;
    }
    d.out_offsets[u + 1] = static_cast<edge_id>(edges);
  }
  d.out_targets.resize(edges);
  d.strengths.resize(edges);
  for (std::size_t e = 0; e < edges; ++e) {
    d.out_targets[e] = arcs[e].target;
    d.strengths[e] = arcs[e].strength;
  }
  arcs = {};

  // ---- in-adjacency by counting sort (keeps sources ascending) --------------------
  d.in_offsets.assign(n + 1, 0);
  for (vertex_id v : d.out_targets) ++d.in_offsets[v + 1];
  std::partial_sum(d.in_offsets.begin(), d.in_offsets.end(), d.in_offsets.begin());
  d.in_sources.resize(edges);
  d.in_edge_ids.resize(edges);
  {
    std::vector<edge_id> fill(d.in_offsets.begin(), d.in_offsets.end() - 1);
    for (std::size_t u = 0; u < n; ++u) {
      for (edge_id e = d.out_offsets[u]; e < d.out_offsets[u + 1]; ++e) {
        const edge_id slot = fill[d.out_targets[e]]++;
        d.in_sources[slot] = static_cast<vertex_id>(u);
        d.in_edge_ids[slot] = e;
      }
    }
  }

  // ---- ties -------------------------------------------------------------------------
  d.ties.resize(num_ties);
  for (std::size_t t = 0; t < num_ties; ++t) {
    d.ties[t] = TieRecord{tie_source_[t], tie_target_[t], tie_relation_[t], tie_weight_[t]};
  }
  tie_source_ = {};
  tie_target_ = {};
  tie_relation_ = {};
  tie_weight_ = {};
  tie_locations_ = {};

  report.people = n;
  report.ties = num_ties;
  report.influence_edges = edges;
  report.undirected_ties_split = undirected_splits_;
  if (report.self_ties > 0) {
    log::info("{} self-ties kept as ties but left out of the influence graph", report.self_ties);
  }
  log::debug("built influence graph: {} people, {} ties, {} edges ({} arcs merged)", n, num_ties, edges,
             report.merged_arcs);
  return InfluenceGraph(std::move(data));
}

}  // namespace orgnet
