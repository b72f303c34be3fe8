// orgnet bottlenecks: where the organization jams and who holds it together.
//
// One ranked table of people (articulation cut-off, Burt's structural holes,
// Gould-Fernandez brokerage, overload), then the articulation points and
// bridges, the key players, the network brokerage; optional queries:
// dominator tree, must-pass people, minimum cuts between two people or two
// departments, the removal impact of one person.

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

#include "commands.hpp"
#include "input.hpp"
#include "orgnet/bottleneck/brokerage.hpp"
#include "orgnet/bottleneck/cut_points.hpp"
#include "orgnet/bottleneck/dominators.hpp"
#include "orgnet/bottleneck/key_players.hpp"
#include "orgnet/bottleneck/min_cut.hpp"
#include "orgnet/bottleneck/overload.hpp"
#include "orgnet/bottleneck/structural_holes.hpp"
#include "orgnet/centrality/ranking.hpp"
#include "orgnet/error.hpp"
#include "orgnet/io/csv_writer.hpp"
#include "orgnet/io/json_writer.hpp"
#include "orgnet/io/output_format.hpp"

namespace orgnet::cli {

namespace {

constexpr auto TOTAL = static_cast<std::size_t>(BrokerageRole::total);

// The people table's columns, in display order.
const std::vector<std::string>& column_names() {
  static const std::vector<std::string> names{"cut_off",   "constraint",  "effective_size", "efficiency",  "hierarchy",
                                              "brokerage", "brokerage_z", "load_ratio",     "chain_share", "overload"};
  return names;
}

struct Figures {
  CutPointsResult cuts;
  StructuralHolesResult holes;
  BrokerageResult brokers;
  OverloadResult load;

  [[nodiscard]] double value(const std::string& column, vertex_id v) const {
    if (column == "cut_off") return cuts.cut_off[v];
    if (column == "constraint") return holes.constraint[v];
    if (column == "effective_size") return holes.effective_size[v];
    if (column == "efficiency") return holes.efficiency[v];
    if (column == "hierarchy") return holes.hierarchy[v];
    if (column == "brokerage") return static_cast<double>(brokers.observed[TOTAL][v]);
    if (column == "brokerage_z") return brokers.z[TOTAL][v];
    if (column == "load_ratio") return load.load_ratio[v];
    if (column == "chain_share") return load.chain_share[v];
    return load.score[v];  // overload
  }
};

std::pair<std::string, std::string> split_pair(const std::string& text, const char* option) {
  const auto comma = text.find(',');
  if (comma == std::string::npos || comma == 0 || comma + 1 == text.size()) {
    throw invalid_argument(std::string(option) + ": expected two names separated by a comma, got '" + text + "'");
  }
  return {text.substr(0, comma), text.substr(comma + 1)};
}

std::vector<vertex_id> department_members(const InfluenceGraph& g, const std::string& name, const char* option) {
  const auto d = g.find_department(name);
  if (!d) throw invalid_argument(std::string(option) + ": unknown department '" + name + "'");
  const auto members = g.department_members(*d);
  return {members.begin(), members.end()};
}

std::string ids(const InfluenceGraph& g, std::span<const vertex_id> people) {
  std::string out;
  for (const vertex_id v : people) out += (out.empty() ? "" : ", ") + g.id(v);
  return out.empty() ? "(none)" : out;
}

void json_ids(JsonWriter& json, const InfluenceGraph& g, std::span<const vertex_id> people) {
  json.begin_array();
  for (const vertex_id v : people) json.value(g.id(v));
  json.end_array();
}

}  // namespace

void register_bottlenecks(CLI::App& app) {
  struct Options {
    InputOptions input;
    std::string sort_by = "brokerage";
    std::size_t top = 10;
    std::string format = "table";
    std::string group;
    bool unweighted = false;
    std::size_t key_players = 3;
    std::string objective = "auto";
    std::string dominators;
    std::string must_pass;
    std::string cut;
    std::string cut_groups;
    std::string impact;
    std::vector<std::string> relations;
    int threads = 0;
  };
  auto o = std::make_shared<Options>();
  CLI::App* command =
      app.add_subcommand("bottlenecks",
                         "Where the organization jams and who holds it together: articulation points and bridges, "
                         "structural holes, brokerage roles, key players, overload, dominators, minimum cuts");
  add_input_options(*command, o->input);
  command
      ->add_option("--sort-by", o->sort_by,
                   "Rank people by: cut_off, constraint (lowest first), effective_size, efficiency, hierarchy, "
                   "brokerage, brokerage_z, load_ratio, chain_share, overload")
      ->capture_default_str();
  command->add_option("--top", o->top, "Rows to show; 0 = everyone")->capture_default_str();
  command->add_option("--format", o->format, "Output: table, json or csv (csv: the people table)")
      ->capture_default_str();
  command->add_option("--group", o->group, "Free attribute that defines brokerage groups (default: department)");
  command->add_flag("--unweighted", o->unweighted, "Structural holes with 1 per edge instead of strengths");
  command->add_option("--key-players", o->key_players, "Size of the key-player set; 0 = skip")->capture_default_str();
  command
      ->add_option("--objective", o->objective,
                   "Key players: fragmentation, distance_fragmentation, or auto (distance-weighted up to 2,000 people, "
                   "where it also ranks sets that separate nobody; fragmentation above)")
      ->capture_default_str();
  command->add_option("--dominators", o->dominators, "Print the dominator tree rooted at this person");
  command->add_option("--must-pass", o->must_pass, "SOURCE,TARGET: people every chain from SOURCE to TARGET passes");
  command->add_option("--cut", o->cut, "SOURCE,TARGET: minimum vertex and edge cuts between two people");
  command->add_option("--cut-groups", o->cut_groups,
                      "DEPT_A,DEPT_B: minimum vertex and edge cuts from one department to another");
  command->add_option("--impact", o->impact, "Removal impact of this person (reach and fragmentation)");
  command->add_option("--depends-on", o->relations,
                      "Overload: relation whose ties mean dependence (repeatable; default advice when present)");
  command->add_option("--threads", o->threads, "Threads; 0 = all (results do not depend on it)")->capture_default_str();

  on_run(command, [o] {
    const OutputFormat format = parse_output_format(o->format);
    const auto& columns = column_names();
    if (std::find(columns.begin(), columns.end(), o->sort_by) == columns.end()) {
      throw invalid_argument("--sort-by: unknown column '" + o->sort_by + "'");
    }
    std::optional<KeyPlayerObjective> chosen;
    if (o->objective != "auto") chosen = parse_key_player_objective(o->objective);
    LoadedGraph loaded = load_input(o->input);
    const InfluenceGraph& g = loaded.graph;
    const KeyPlayerObjective objective = chosen ? *chosen
                                                : (g.num_vertices() <= 2000 ? KeyPlayerObjective::distance_fragmentation
                                                                            : KeyPlayerObjective::fragmentation);

    Figures f{cut_points(g), structural_holes(g, {.weighted = !o->unweighted, .threads = o->threads}),
              brokerage(g, {.attribute = o->group, .threads = o->threads}),
              overload(g, {.relations = o->relations, .threads = o->threads})};
    std::optional<KeyPlayerResult> keys;
    if (o->key_players > 0 && g.num_vertices() > 0) {
      keys = key_players(
          g, {.k = std::min(o->key_players, g.num_vertices()), .objective = objective, .threads = o->threads});
    }
    std::optional<DominatorTree> tree;
    if (!o->dominators.empty()) tree = dominator_tree(g, loaded.vertex_of(o->dominators));
    std::optional<std::pair<std::pair<vertex_id, vertex_id>, MustPassResult>> pass;
    if (!o->must_pass.empty()) {
      const auto [s, t] = split_pair(o->must_pass, "--must-pass");
      const vertex_id sv = loaded.vertex_of(s), tv = loaded.vertex_of(t);
      pass.emplace(std::make_pair(sv, tv), must_pass(g, sv, tv));
    }
    struct Cut {
      std::string label, from, to;
      VertexCutResult people;
      EdgeCutResult ties;
    };
    std::vector<Cut> cuts;
    if (!o->cut.empty()) {
      const auto [s, t] = split_pair(o->cut, "--cut");
      const std::vector<vertex_id> S{loaded.vertex_of(s)}, T{loaded.vertex_of(t)};
      cuts.push_back({"people", s, t, minimum_vertex_cut(g, S, T), minimum_edge_cut(g, S, T)});
    }
    if (!o->cut_groups.empty()) {
      const auto [a, b] = split_pair(o->cut_groups, "--cut-groups");
      const auto A = department_members(g, a, "--cut-groups"), B = department_members(g, b, "--cut-groups");
      cuts.push_back({"departments", a, b, minimum_vertex_cut(g, A, B), minimum_edge_cut(g, A, B)});
    }
    std::optional<RemovalImpact> impact;
    if (!o->impact.empty()) impact = removal_impact(g, loaded.vertex_of(o->impact), {.threads = o->threads});

    std::vector<double> key(g.num_vertices());
    for (vertex_id v = 0; v < g.num_vertices(); ++v) key[v] = f.value(o->sort_by, v);
    const auto rows = top_k(g, key, {.k = o->top, .ascending = o->sort_by == "constraint"});

    auto edge_label = [&](edge_id e) { return g.id(g.edge_source(e)) + " -> " + g.id(g.edge_target(e)); };

    if (format == OutputFormat::csv) {
      std::cout << "rank,id,department";
      for (const auto& c : columns) std::cout << ',' << c;
      std::cout << '\n';
      for (const auto& row : rows) {
        std::cout << row.rank << ',' << csv_field(row.id) << ',' << csv_field(row.department);
        for (const auto& c : columns) std::cout << ',' << format_number(f.value(c, row.vertex));
        std::cout << '\n';
      }
      return;
    }

    if (format == OutputFormat::json) {
      JsonWriter json(std::cout);
      json.begin_object();
      if (!loaded.title.empty()) json.field("title", loaded.title);
      json.field("sort_by", o->sort_by);
      json.key("people").begin_array();
      for (const auto& row : rows) {
        const vertex_id v = row.vertex;
        json.begin_object().field("rank", row.rank).field("id", row.id).field("department", row.department);
        for (const auto& c : columns) json.field(c, f.value(c, v));
        json.field("contacts", f.holes.contacts[v]).field("pieces", f.cuts.pieces[v]);
        json.field("group", f.brokers.group_names[f.brokers.group[v]]);
        json.key("roles").begin_object();
        for (std::size_t k = 0; k < brokerage_columns; ++k) {
          json.key(to_string(static_cast<BrokerageRole>(k)))
              .begin_object()
              .field("observed", f.brokers.observed[k][v])
              .field("expected", f.brokers.expected[k][v])
              .field("sd", f.brokers.sd[k][v])
              .field("z", f.brokers.z[k][v])
              .end_object();
        }
        json.end_object();
        json.field("load", f.load.load[v]);
        json.end_object();
      }
      json.end_array();
      json.key("articulation_points").begin_array();
      for (const vertex_id v : f.cuts.articulation_points) {
        json.begin_object()
            .field("id", g.id(v))
            .field("cut_off", f.cuts.cut_off[v])
            .field("pieces", f.cuts.pieces[v])
            .end_object();
      }
      json.end_array();
      json.key("bridges").begin_array();
      for (const auto& b : f.cuts.bridges) {
        json.begin_object().field("u", g.id(b.u)).field("v", g.id(b.v)).field("cut_off", b.cut_off).end_object();
      }
      json.end_array();
      json.key("brokerage").begin_object().field("density", f.brokers.density);
      json.key("groups").begin_array();
      for (std::size_t i = 0; i < f.brokers.group_names.size(); ++i) {
        json.begin_object()
            .field("name", f.brokers.group_names[i])
            .field("size", f.brokers.group_sizes[i])
            .end_object();
      }
      json.end_array();
      json.key("network").begin_object();
      for (std::size_t k = 0; k < brokerage_columns; ++k) {
        json.key(to_string(static_cast<BrokerageRole>(k)))
            .begin_object()
            .field("observed", f.brokers.network_observed[k])
            .field("expected", f.brokers.network_expected[k])
            .field("sd", f.brokers.network_sd[k])
            .field("z", f.brokers.network_z[k])
            .end_object();
      }
      json.end_object().end_object();
      json.key("overload").begin_object().field("median_load", f.load.median_load).key("relations").begin_array();
      for (const auto& r : f.load.relations) json.value(r);
      json.end_array().end_object();
      if (keys) {
        json.key("key_players").begin_object().field("objective", to_string(keys->objective)).key("people");
        json_ids(json, g, keys->people);
        json.field("fragmentation_before", keys->fragmentation_before)
            .field("fragmentation", keys->fragmentation)
            .field("distance_fragmentation_before", keys->distance_fragmentation_before)
            .field("distance_fragmentation", keys->distance_fragmentation)
            .field("swaps", keys->swaps)
            .end_object();
      }
      if (tree) {
        json.key("dominator_tree")
            .begin_object()
            .field("root", g.id(tree->root))
            .key("immediate_dominator")
            .begin_object();
        for (vertex_id v = 0; v < g.num_vertices(); ++v) {
          if (tree->immediate_dominator[v] != no_vertex) json.field(g.id(v), g.id(tree->immediate_dominator[v]));
        }
        json.end_object().end_object();
      }
      if (pass) {
        json.key("must_pass")
            .begin_object()
            .field("source", g.id(pass->first.first))
            .field("target", g.id(pass->first.second));
        json.field("status", to_string(pass->second.status)).key("people");
        json_ids(json, g, pass->second.people);
        json.end_object();
      }
      if (!cuts.empty()) {
        json.key("cuts").begin_array();
        for (const auto& c : cuts) {
          json.begin_object().field("between", c.label).field("from", c.from).field("to", c.to);
          json.key("vertex_cut").begin_object().field("status", to_string(c.people.status)).key("people");
          json_ids(json, g, c.people.people);
          json.end_object();
          json.key("edge_cut").begin_object().field("status", to_string(c.ties.status)).field("value", c.ties.value);
          json.key("edges").begin_array();
          for (const edge_id e : c.ties.edges) {
            json.begin_object()
                .field("source", g.id(g.edge_source(e)))
                .field("target", g.id(g.edge_target(e)))
                .field("strength", g.strength(e))
                .end_object();
          }
          json.end_array().end_object().end_object();
        }
        json.end_array();
      }
      if (impact) {
        json.key("removal_impact")
            .begin_object()
            .field("id", g.id(impact->person))
            .field("fragmentation_before", impact->fragmentation_before)
            .field("fragmentation_after", impact->fragmentation_after)
            .field("cut_off", impact->cut_off)
            .field("reach_before", impact->reach_before)
            .field("reach_after", impact->reach_after)
            .field("reaches", impact->reaches)
            .field("reached_by", impact->reached_by)
            .end_object();
      }
      json.end_object();
      std::cout << '\n';
      return;
    }

    // ---- table ----
    auto& out = std::cout;
    out << "Bottlenecks" << (loaded.title.empty() ? "" : " of " + loaded.title) << ": "
        << (o->top == 0 ? "everyone" : "top " + std::to_string(rows.size())) << " by " << o->sort_by
        << (o->sort_by == "constraint" ? " (lowest first)" : "") << '\n';
    std::size_t id_width = 2, department_width = 10;
    for (const auto& row : rows) {
      id_width = std::max(id_width, row.id.size());
      department_width = std::max(department_width, row.department.size());
    }
    out << std::right << std::setw(5) << "rank"
        << "  " << std::left << std::setw(static_cast<int>(id_width)) << "id"
        << "  " << std::setw(static_cast<int>(department_width)) << "department";
    for (const auto& c : columns)
      out << "  " << std::right << std::setw(static_cast<int>(std::max<std::size_t>(7, c.size()))) << c;
    out << '\n';
    for (const auto& row : rows) {
      out << std::right << std::setw(5) << row.rank << "  " << std::left << std::setw(static_cast<int>(id_width))
          << row.id << "  " << std::setw(static_cast<int>(department_width)) << row.department;
      for (const auto& c : columns) {
        const double x = f.value(c, row.vertex);
        const bool integer = c == "cut_off" || c == "brokerage";
        out << "  " << std::right << std::setw(static_cast<int>(std::max<std::size_t>(7, c.size())))
            << (integer ? std::to_string(static_cast<std::uint64_t>(x)) : fixed_text(x, 3, "-"));
      }
      out << '\n';
    }
    out << "\nArticulation points: " << f.cuts.articulation_points.size();
    if (!f.cuts.articulation_points.empty()) {
      auto aps = f.cuts.articulation_points;
      std::stable_sort(aps.begin(), aps.end(),
                       [&](vertex_id a, vertex_id b) { return f.cuts.cut_off[a] > f.cuts.cut_off[b]; });
      out << " (most cut off first:";
      for (std::size_t i = 0; i < std::min<std::size_t>(aps.size(), 5); ++i) {
        out << ' ' << g.id(aps[i]) << " [" << f.cuts.cut_off[aps[i]] << ']';
      }
      out << (aps.size() > 5 ? " ...)" : ")");
    }
    out << "\nBridges: " << f.cuts.bridges.size();
    if (!f.cuts.bridges.empty()) {
      auto bridges = f.cuts.bridges;
      std::stable_sort(bridges.begin(), bridges.end(),
                       [](const Bridge& a, const Bridge& b) { return a.cut_off > b.cut_off; });
      out << " (most cut off first:";
      for (std::size_t i = 0; i < std::min<std::size_t>(bridges.size(), 5); ++i) {
        out << ' ' << g.id(bridges[i].u) << '-' << g.id(bridges[i].v) << " [" << bridges[i].cut_off << ']';
      }
      out << (bridges.size() > 5 ? " ...)" : ")");
    }
    out << "\nBrokerage by role (network, groups: " << (o->group.empty() ? "department" : o->group)
        << "; observed / expected / z):\n";
    for (std::size_t k = 0; k < brokerage_columns; ++k) {
      out << "  " << std::left << std::setw(15) << to_string(static_cast<BrokerageRole>(k)) << std::right
          << std::setw(10) << f.brokers.network_observed[k] << std::setw(14)
          << fixed_text(f.brokers.network_expected[k], 1, "-") << std::setw(10)
          << fixed_text(f.brokers.network_z[k], 2, "-") << '\n';
    }
    out << "Overload: load = strength of ";
    for (std::size_t i = 0; i < f.load.relations.size(); ++i) out << (i ? "/" : "") << f.load.relations[i];
    out << " ties people depend on; median load " << fixed_text(f.load.median_load, 3, "-") << '\n';
    if (keys) {
      out << "Key players (k = " << keys->people.size() << ", " << to_string(keys->objective)
          << "): " << ids(g, keys->people) << "; fragmentation " << fixed_text(keys->fragmentation_before, 3, "-")
          << " -> " << fixed_text(keys->fragmentation, 3, "-") << ", distance-weighted "
          << fixed_text(keys->distance_fragmentation_before, 3, "-") << " -> "
          << fixed_text(keys->distance_fragmentation, 3, "-") << '\n';
    }
    if (tree) {
      out << "\nDominator tree rooted at " << g.id(tree->root) << " (person <- immediate dominator):\n";
      for (vertex_id v = 0; v < g.num_vertices(); ++v) {
        if (tree->immediate_dominator[v] != no_vertex)
          out << "  " << g.id(v) << " <- " << g.id(tree->immediate_dominator[v]) << '\n';
      }
    }
    if (pass) {
      out << "\nMust-pass people from " << g.id(pass->first.first) << " to " << g.id(pass->first.second) << ": ";
      if (pass->second.status == MustPassStatus::ok) {
        out << ids(g, pass->second.people) << '\n';
      } else {
        out << "none (" << to_string(pass->second.status) << ")\n";
      }
    }
    for (const auto& c : cuts) {
      out << "\nMinimum cuts from " << c.from << " to " << c.to << " (" << c.label << "):\n  people: ";
      if (c.people.status == CutStatus::ok) {
        out << c.people.people.size() << " - " << ids(g, c.people.people) << '\n';
      } else {
        out << "no cut exists (" << to_string(c.people.status) << ")\n";
      }
      out << "  ties:   ";
      if (c.ties.status == CutStatus::ok) {
        out << c.ties.edges.size() << " ties, total strength " << fixed_text(c.ties.value, 3, "-");
        for (std::size_t i = 0; i < std::min<std::size_t>(c.ties.edges.size(), 10); ++i) {
          out << (i ? ", " : " - ") << edge_label(c.ties.edges[i]);
        }
        out << (c.ties.edges.size() > 10 ? ", ..." : "") << '\n';
      } else {
        out << "no cut exists (" << to_string(c.ties.status) << ")\n";
      }
    }
    if (impact) {
      out << "\nIf " << g.id(impact->person) << " left: fragmentation "
          << fixed_text(impact->fragmentation_before, 3, "-") << " -> "
          << fixed_text(impact->fragmentation_after, 3, "-") << ", " << impact->cut_off
          << " people cut off, connected ordered pairs (directed) " << impact->reach_before << " -> "
          << impact->reach_after << " (" << g.id(impact->person) << " reaches " << impact->reaches << ", is reached by "
          << impact->reached_by << ")\n";
    }
  });
}

}  // namespace orgnet::cli
