// orgnet structure: how the organization really works next to how the org
// chart says it works: informal groups (communities) against departments,
// silos, formal vs informal organization, ONA roles.
//
//   orgnet structure                  every section, as a readable account
//   orgnet structure communities      one section (or a comma list, or --what)
//
// Sections: communities (Louvain/Leiden and their agreement with departments or
// an attribute). Output: table (the account), json (one document with a member
// per section), csv (one row per person with the per-person columns of the
// sections asked for).

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <memory>
#include <numeric>
#include <optional>
#include <sstream>

#include "commands.hpp"
#include "input.hpp"
#include "orgnet/error.hpp"
#include "orgnet/io/csv_writer.hpp"
#include "orgnet/io/json_writer.hpp"
#include "orgnet/io/output_format.hpp"
#include "orgnet/structure/communities.hpp"
#include "orgnet/structure/formal_informal.hpp"
#include "orgnet/structure/mixing.hpp"
#include "orgnet/structure/partition_agreement.hpp"
#include "orgnet/structure/roles.hpp"

namespace orgnet::cli {

namespace {

struct Options {
  InputOptions input;
  std::vector<std::string> what;
  std::string format = "table";
  // communities
  std::string algorithm = "louvain";
  std::string modularity = "undirected";
  double resolution = CommunityOptions{}.resolution;
  std::uint64_t seed = CommunityOptions{}.seed;
  bool unweighted = false;
  std::string compare = "departments";
  double min_share = AgreementOptions{}.min_share;
  std::size_t top = 10;
  // silos
  std::string groups = "departments";
  std::string direction = "out";
  std::size_t permutations = MixingOptions{}.permutations;
  // formal vs informal
  std::string informal;
  std::string level_attribute;
  std::string influence = "pagerank";
  double min_residual = FormalInformalOptions{}.min_residual;
  int min_level_gap = FormalInformalOptions{}.min_level_gap;
  int threads = 0;
  // roles
  RoleOptions roles;
  std::string distance = "neg_log";
};

const std::vector<std::string> all_sections = {"communities", "silos", "formal", "roles"};

std::vector<std::string> sections(const Options& o) {
  std::vector<std::string> out;
  for (const std::string& item : o.what) {
    std::stringstream list(item);
    std::string name;
    while (std::getline(list, name, ',')) {
      if (name.empty()) continue;
      if (name == "all") {
        for (const auto& s : all_sections) out.push_back(s);
        continue;
      }
      if (std::find(all_sections.begin(), all_sections.end(), name) == all_sections.end()) {
        std::string known;
        for (const auto& s : all_sections) known += (known.empty() ? "" : ", ") + s;
        throw invalid_argument("structure: unknown section '" + name + "' (expected " + known + " or all)");
      }
      out.push_back(name);
    }
  }
  if (out.empty()) out = all_sections;
  std::vector<std::string> unique;
  for (const auto& s : all_sections) {
    if (std::find(out.begin(), out.end(), s) != out.end()) unique.push_back(s);
  }
  return unique;
}

// "a,b" -> {"a", "b"}; never empty ("departments" when nothing is given).
std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream list(text);
  for (std::string item; std::getline(list, item, ',');) {
    if (!item.empty()) out.push_back(item);
  }
  if (out.empty()) out.emplace_back("departments");
  return out;
}

Labeling grouping(const InfluenceGraph& graph, const std::string& name) {
  if (name == "departments" || name == "department") return department_labeling(graph);
  return attribute_labeling(graph, name);
}

// "department", or "<attribute> group" for an attribute.
std::string grouping_noun(const std::string& name) {
  return name == "departments" || name == "department" ? "department" : name + " group";
}

// One column of the per-person CSV.
struct PersonColumn {
  std::string name;
  std::vector<std::string> values;
};

// Everything the sections computed, for the three writers.
struct Account {
  const InfluenceGraph* graph = nullptr;
  std::string title;
  std::optional<CommunityResult> communities;
  /// One agreement per grouping compared with (the first one also describes the communities).
  std::vector<std::pair<std::string, PartitionAgreement>> agreements;
  std::string compare;
  std::optional<MixingResult> silos;
  /// Per group of `silos`: true when --min-group-size leaves its figures out.
  std::vector<char> silo_suppressed;
  std::size_t min_group_size = 0;
  std::string groups;
  std::optional<FormalInformalResult> formal;
  std::string influence;
  double min_residual = 0.25;
  int min_level_gap = 2;
  std::size_t top = 10;
  std::optional<RolesResult> roles;
};

void compute(Account& account, const Options& o, const std::vector<std::string>& what) {
  const InfluenceGraph& g = *account.graph;
  auto wants = [&](const char* s) { return std::find(what.begin(), what.end(), s) != what.end(); };
  if (wants("communities")) {
    CommunityOptions options;
    options.algorithm = parse_community_algorithm(o.algorithm);
    options.kind = parse_modularity_kind(o.modularity);
    options.resolution = o.resolution;
    options.seed = o.seed;
    options.weighted = !o.unweighted;
    account.communities = communities(g, options);
    for (const std::string& name : split_list(o.compare)) {
      account.agreements.emplace_back(
          name,
          partition_agreement(grouping(g, name), community_labeling(*account.communities), {.min_share = o.min_share}));
    }
  }
  account.top = o.top;
  account.groups = split_list(o.compare).front();
  if (wants("silos")) {
    Labeling labels = grouping(g, account.groups);
    std::vector<std::size_t> sizes(labels.num_groups(), 0);
    for (const std::int32_t label : labels.label) {
      if (label != Labeling::missing) ++sizes[static_cast<std::size_t>(label)];
    }
    account.silos = mixing(g, {.groups = std::move(labels),
                               .direction = parse_degree_direction(o.direction),
                               .permutations = o.permutations,
                               .seed = o.seed,
                               .threads = o.threads});
    account.silo_suppressed.assign(sizes.size(), 0);
    for (std::size_t k = 0; k < sizes.size(); ++k) {
      account.silo_suppressed[k] = account.min_group_size > 1 && sizes[k] < account.min_group_size ? 1 : 0;
    }
  }
  if (wants("formal")) {
    FormalInformalOptions options;
    std::stringstream list(o.informal);
    for (std::string name; std::getline(list, name, ',');) {
      if (!name.empty()) options.informal_relations.push_back(name);
    }
    if (!o.level_attribute.empty()) options.levels = attribute_levels(g, o.level_attribute);
    options.influence = parse_measure(o.influence);
    options.min_residual = o.min_residual;
    options.min_level_gap = o.min_level_gap;
    options.qap = {.permutations = o.permutations, .seed = o.seed, .threads = o.threads};
    options.centrality.threads = o.threads;
    account.influence = o.influence;
    account.min_residual = o.min_residual;
    account.min_level_gap = o.min_level_gap;
    account.formal = formal_vs_informal(g, options);
  }
  if (wants("roles")) {
    RoleOptions options = o.roles;
    options.groups = grouping(g, account.groups);
    options.distance = parse_distance_transform(o.distance);
    options.threads = o.threads;
    account.roles = ona_roles(g, options);
  }
}

std::string spread_text(const GroupSpread& s, const std::vector<std::string>& other) {
  std::string text;
  for (std::size_t i = 0; i < s.parts.size(); ++i) {
    text +=
        (i ? ", " : "") + other[static_cast<std::size_t>(s.parts[i])] + " (" + std::to_string(s.part_sizes[i]) + ")";
  }
  return text;
}

std::string p_text(double p) {
  if (std::isnan(p)) return "n/a";
  std::ostringstream out;
  out << std::fixed << std::setprecision(4) << p;
  return out.str();
}

void write_silos_table(const Account& a, std::ostream& out) {
  const MixingResult& r = *a.silos;
  const std::string noun = grouping_noun(a.groups);
  out << "\nSilos (E-I index over the influence ties people send: -1 all inside their " << noun << ", +1 all outside";
  if (r.permutations > 0) out << "; " << r.permutations << " random relabellings, seed " << r.seed;
  out << ")\n";
  out << "  whole network: E-I " << fixed_text(r.ei, 3, "n/a") << " (" << r.external << " ties across, " << r.internal
      << " inside)";
  if (r.permutations > 0) {
    out << ", " << fixed_text(r.expected_ei, 3, "n/a") << " expected by chance, p = " << p_text(r.p_less);
    if (r.p_less < 0.05) out << ": more inward-looking than chance";
  }
  out << '\n';
  std::vector<std::size_t> order(r.num_groups());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const double ex = std::isnan(r.group_ei[x]) ? 2.0 : r.group_ei[x];
    const double ey = std::isnan(r.group_ei[y]) ? 2.0 : r.group_ei[y];
    return ex < ey;
  });
  std::size_t width = noun.size();
  for (const auto& name : r.groups) width = std::max(width, name.size());
  out << "  " << std::left << std::setw(static_cast<int>(width)) << noun << std::right << std::setw(10) << "across"
      << std::setw(10) << "inside" << std::setw(8) << "E-I" << std::setw(10) << "expected" << std::setw(10) << "p(silo)"
      << '\n';
  // Suppressed groups (--min-group-size) are counted at the end, never listed.
  const auto suppressed = static_cast<std::size_t>(std::count(a.silo_suppressed.begin(), a.silo_suppressed.end(), 1));
  std::erase_if(order, [&](std::size_t k) { return a.silo_suppressed[k] != 0; });
  const std::size_t shown = a.top == 0 ? order.size() : std::min(order.size(), std::max<std::size_t>(a.top, 12));
  for (std::size_t i = 0; i < shown; ++i) {
    const std::size_t k = order[i];
    out << "  " << std::left << std::setw(static_cast<int>(width)) << r.groups[k] << std::right << std::setw(10)
        << r.group_external[k] << std::setw(10) << r.group_internal[k] << std::setw(8)
        << fixed_text(r.group_ei[k], 3, "n/a") << std::setw(10) << fixed_text(r.group_expected_ei[k], 3, "n/a")
        << std::setw(10) << p_text(r.group_p_less[k])
        << (r.group_p_less[k] < 0.05 && r.group_ei[k] < r.group_expected_ei[k] ? "  silo" : "") << '\n';
  }
  if (shown < order.size()) out << "  ... " << (order.size() - shown) << " more\n";
  if (suppressed > 0) {
    out << "  (" << suppressed << " " << noun << "(s) under " << a.min_group_size << " people suppressed)\n";
  }
  if (suppressed == 0 && r.num_groups() >= 2 && r.num_groups() <= 8) {
    out << "  mixing (influence edges from row to column):\n";
    out << "  " << std::setw(static_cast<int>(width)) << "";
    for (const auto& name : r.groups)
      out << std::setw(static_cast<int>(std::max<std::size_t>(name.size(), 6)) + 2) << name;
    out << '\n';
    for (std::size_t i = 0; i < r.num_groups(); ++i) {
      out << "  " << std::left << std::setw(static_cast<int>(width)) << r.groups[i] << std::right;
      for (std::size_t j = 0; j < r.num_groups(); ++j) {
        out << std::setw(static_cast<int>(std::max<std::size_t>(r.groups[j].size(), 6)) + 2) << r.tie_count(i, j);
      }
      out << '\n';
    }
  }
}

void write_formal_table(const Account& a, std::ostream& out) {
  const InfluenceGraph& g = *a.graph;
  const FormalInformalResult& r = *a.formal;
  std::string relations;
  for (const auto& name : r.informal_relations) relations += (relations.empty() ? "" : ", ") + name;
  out << "\nFormal vs informal (informal ties: " << relations << ")\n";
  if (!r.has_reporting_lines) {
    out << "  no reporting lines in the data: QAP skipped\n";
  } else {
    out << "  reporting lines vs informal ties: QAP r = " << fixed_text(r.qap.correlation, 3, "n/a");
    if (r.qap.permutations > 0) {
      out << " (" << fixed_text(r.qap.expected, 3, "n/a") << " by chance, p = " << p_text(r.qap.p_greater) << ", "
          << r.qap.permutations << " relabellings)";
    }
    out << '\n';
  }
  out << "  level vs influence (Spearman; negative = more influence towards the top):";
  for (const auto& c : r.level_correlations)
    out << ' ' << to_string(c.measure) << ' ' << fixed_text(c.spearman, 2, "n/a");
  out << '\n';
  if (!r.levels_vary) {
    out << "  hidden influencers: everyone has the same level (no hierarchy in the data); give "
           "--level-attribute\n";
  } else {
    out << "  hidden influencers (" << a.influence << " percentile at least " << fixed_text(a.min_residual, 2, "n/a")
        << " above what their level predicts): " << r.hidden_influencers.size() << '\n';
  }
  std::size_t id_width = 2;
  for (vertex_id v : r.hidden_influencers) id_width = std::max(id_width, g.id(v).size());
  if (!r.hidden_influencers.empty()) {
    out << "    " << std::left << std::setw(static_cast<int>(id_width)) << "id" << std::right << std::setw(12)
        << "department" << std::setw(7) << "level" << std::setw(12) << "percentile" << std::setw(11) << "predicted"
        << std::setw(10) << "residual" << '\n';
  }
  const std::size_t shown = a.top == 0 ? r.hidden_influencers.size() : std::min(a.top, r.hidden_influencers.size());
  for (std::size_t i = 0; i < shown; ++i) {
    const vertex_id v = r.hidden_influencers[i];
    const department_id d = g.department(v);
    out << "    " << std::left << std::setw(static_cast<int>(id_width)) << g.id(v) << std::right << std::setw(12)
        << (d == no_department ? std::string("-") : g.department_name(d)) << std::setw(7)
        << fixed_text(r.level[v], 0, "n/a") << std::setw(12) << fixed_text(r.percentile[v], 2, "n/a") << std::setw(11)
        << fixed_text(r.predicted[v], 2, "n/a") << std::setw(10) << fixed_text(r.residual[v], 2, "n/a") << '\n';
  }
  if (shown < r.hidden_influencers.size()) out << "    ... " << (r.hidden_influencers.size() - shown) << " more\n";
  std::size_t in_chain = 0;
  for (const auto& t : r.bypass_ties) in_chain += t.in_chain ? 1 : 0;
  out << "  bypass ties (informal ties across " << a.min_level_gap << " or more levels): " << r.bypass_ties.size();
  if (!r.bypass_ties.empty()) out << ", " << in_chain << " within a chain of command";
  out << '\n';
  std::vector<vertex_id> people(g.num_vertices());
  std::iota(people.begin(), people.end(), vertex_id{0});
  std::stable_sort(people.begin(), people.end(),
                   [&](vertex_id x, vertex_id y) { return r.bypass_count[x] > r.bypass_count[y]; });
  std::string most;
  for (std::size_t i = 0; i < people.size() && i < 5 && r.bypass_count[people[i]] > 0; ++i) {
    most += (most.empty() ? "" : ", ") + g.id(people[i]) + " (" + std::to_string(r.bypass_count[people[i]]) + ")";
  }
  if (!most.empty()) out << "    most involved: " << most << '\n';
}

void write_roles_table(const Account& a, std::ostream& out) {
  const InfluenceGraph& g = *a.graph;
  const RolesResult& r = *a.roles;
  const RoleOptions& t = r.thresholds;
  out << "\nONA roles (Cross & Prusak; percentiles among everyone, 1 = top)\n";
  struct Role {
    const char* name;
    const std::vector<char>* flags;
    std::string rule;
    const std::vector<double>* key;
  };
  const std::vector<Role> roles = {
      {"central connectors", &r.central_connector,
       "degree percentile >= " + fixed_text(t.connector_percentile, 2, "n/a"), &r.degree},
      {"boundary spanners", &r.boundary_spanner,
       "cross-" + grouping_noun(a.groups) + " contacts percentile >= " + fixed_text(t.spanner_percentile, 2, "n/a") +
           ", into >= " + std::to_string(t.spanner_min_groups) + " other " + grouping_noun(a.groups) + "s",
       &r.external_share},
      {"information brokers", &r.information_broker,
       "betweenness percentile >= " + fixed_text(t.broker_percentile, 2, "n/a") +
           ", ties into >= " + std::to_string(t.broker_min_groups) + " other " + grouping_noun(a.groups) + "s",
       &r.betweenness},
      {"peripheral specialists", &r.peripheral_specialist,
       "degree percentile <= " + fixed_text(t.peripheral_percentile, 2, "n/a"), nullptr},
  };
  for (const Role& role : roles) {
    std::vector<vertex_id> people;
    for (vertex_id v = 0; v < g.num_vertices(); ++v) {
      if ((*role.flags)[v]) people.push_back(v);
    }
    if (role.key != nullptr) {
      std::stable_sort(people.begin(), people.end(),
                       [&](vertex_id x, vertex_id y) { return (*role.key)[x] > (*role.key)[y]; });
    }
    out << "  " << role.name << " (" << role.rule << "): " << people.size() << '\n';
    const std::size_t shown = a.top == 0 ? people.size() : std::min(a.top, people.size());
    for (std::size_t i = 0; i < shown; ++i) {
      const vertex_id v = people[i];
      const department_id d = g.department(v);
      out << "    " << std::left << std::setw(12) << g.id(v) << std::setw(14)
          << (d == no_department ? std::string("-") : g.department_name(d)) << std::right << "degree "
          << fixed_text(r.degree[v], 3, "n/a") << " (p " << fixed_text(r.degree_percentile[v], 2, "n/a")
          << ")  betweenness " << fixed_text(r.betweenness[v], 3, "n/a") << " (p "
          << fixed_text(r.betweenness_percentile[v], 2, "n/a") << ")  across " << r.external[v] << "/" << r.contacts[v]
          << " into " << r.groups_reached[v] << '\n';
    }
    if (shown < people.size()) out << "    ... " << (people.size() - shown) << " more\n";
  }
}

void write_table(const Account& a, std::ostream& out) {
  const InfluenceGraph& g = *a.graph;
  out << "Structure" << (a.title.empty() ? "" : " of " + a.title) << '\n';
  if (a.communities) {
    const CommunityResult& c = *a.communities;
    out << "\nInformal groups (" << to_string(c.algorithm) << ", seed " << c.seed << "): " << c.count()
        << " communities, modularity " << fixed_text(c.modularity, 3, "n/a") << '\n';
    for (std::size_t k = 0; k < c.count(); ++k) {
      if (k >= 20) {
        out << "  ... " << (c.count() - k) << " more communities\n";
        break;
      }
      out << "  C" << std::left << std::setw(4) << (k + 1) << std::right << std::setw(5) << c.sizes[k] << " people";
      // Composition of the community by each compared grouping.
      for (std::size_t g_index = 0; g_index < a.agreements.size(); ++g_index) {
        const auto& [name, agr] = a.agreements[g_index];
        std::vector<std::pair<std::size_t, std::string>> parts;
        for (std::size_t i = 0; i < agr.a_groups; ++i) {
          if (agr.count(i, k) > 0) parts.emplace_back(agr.count(i, k), agr.a_names[i]);
        }
        std::stable_sort(parts.begin(), parts.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
        std::string text;
        for (std::size_t i = 0; i < parts.size() && i < 5; ++i) {
          text += (i ? ", " : "") + parts[i].second + " (" + std::to_string(parts[i].first) + ")";
        }
        if (parts.size() > 5) text += ", ...";
        const std::string noun = grouping_noun(name);
        out << (g_index == 0 ? "  " : "; ") << (text.empty() ? "no " + noun : noun + "s " + text);
      }
      out << '\n';
    }
    for (const auto& [name, agr] : a.agreements) {
      const std::string noun = grouping_noun(name);
      out << "Agreement with the " << noun << "s: NMI " << fixed_text(agr.nmi, 3, "n/a") << ", ARI "
          << fixed_text(agr.ari, 3, "n/a") << " over " << agr.compared << " people";
      if (agr.compared < g.num_vertices()) {
        out << " (" << (g.num_vertices() - agr.compared) << " without a " << noun << ")";
      }
      out << '\n';
      for (const auto& s : agr.splits) {
        out << "  " << noun << " " << agr.a_names[static_cast<std::size_t>(s.group)]
            << " splits informally: " << spread_text(s, agr.b_names) << '\n';
      }
      for (const auto& s : agr.merges) {
        out << "  " << agr.b_names[static_cast<std::size_t>(s.group)] << " brings together " << noun << "s "
            << spread_text(s, agr.a_names) << '\n';
      }
      if (agr.splits.empty() && agr.merges.empty()) out << "  informal groups follow the " << noun << "s\n";
    }
  }
  if (a.silos) write_silos_table(a, out);
  if (a.formal) write_formal_table(a, out);
  if (a.roles) write_roles_table(a, out);
}

void write_spreads(JsonWriter& json, const std::vector<GroupSpread>& spreads, const std::vector<std::string>& own,
                   const std::vector<std::string>& other) {
  json.begin_array();
  for (const auto& s : spreads) {
    json.begin_object().field("group", own[static_cast<std::size_t>(s.group)]).field("size", s.size);
    json.key("parts").begin_object();
    for (std::size_t i = 0; i < s.parts.size(); ++i) {
      json.field(other[static_cast<std::size_t>(s.parts[i])], s.part_sizes[i]);
    }
    json.end_object().end_object();
  }
  json.end_array();
}

void write_json(const Account& a, std::ostream& out) {
  const InfluenceGraph& g = *a.graph;
  JsonWriter json(out);
  json.begin_object();
  if (!a.title.empty()) json.field("title", a.title);
  if (a.communities) {
    const CommunityResult& c = *a.communities;
    json.key("communities").begin_object();
    json.field("algorithm", to_string(c.algorithm)).field("seed", c.seed).field("count", c.count());
    json.field("modularity", c.modularity).field("levels", c.levels);
    json.key("sizes").begin_array();
    for (std::size_t s : c.sizes) json.value(s);
    json.end_array();
    json.key("membership").begin_object();
    for (vertex_id v = 0; v < g.num_vertices(); ++v) json.field(g.id(v), c.community[v]);
    json.end_object();
    json.key("agreements").begin_array();
    for (const auto& [name, agr] : a.agreements) {
      json.begin_object();
      json.field("grouping", name).field("nmi", agr.nmi).field("ari", agr.ari).field("compared", agr.compared);
      json.key("contingency").begin_object();
      for (std::size_t i = 0; i < agr.a_groups; ++i) {
        json.key(agr.a_names[i]).begin_object();
        for (std::size_t j = 0; j < agr.b_groups; ++j) {
          if (agr.count(i, j) > 0) json.field(agr.b_names[j], agr.count(i, j));
        }
        json.end_object();
      }
      json.end_object();
      json.key("splits");
      write_spreads(json, agr.splits, agr.a_names, agr.b_names);
      json.key("merges");
      write_spreads(json, agr.merges, agr.b_names, agr.a_names);
      json.end_object();
    }
    json.end_array();
    json.end_object();
  }
  if (a.silos) {
    const MixingResult& r = *a.silos;
    json.key("silos").begin_object();
    json.field("grouping", a.groups).field("ei", r.ei).field("external", r.external).field("internal", r.internal);
    json.field("permutations", r.permutations).field("seed", r.seed);
    json.field("expected_ei", r.expected_ei).field("p_less", r.p_less).field("p_greater", r.p_greater);
    json.key("groups").begin_array();
    for (std::size_t k = 0; k < r.num_groups(); ++k) {
      if (a.silo_suppressed[k]) continue;  // --min-group-size
      json.begin_object()
          .field("group", r.groups[k])
          .field("external", r.group_external[k])
          .field("internal", r.group_internal[k])
          .field("ei", r.group_ei[k])
          .field("expected_ei", r.group_expected_ei[k])
          .field("p_less", r.group_p_less[k])
          .field("p_greater", r.group_p_greater[k]);
      json.key("ties_to").begin_object();
      for (std::size_t j = 0; j < r.num_groups(); ++j) {
        if (!a.silo_suppressed[j]) json.field(r.groups[j], r.tie_count(k, j));
      }
      json.end_object().end_object();
    }
    json.end_array();
    if (const auto suppressed = std::count(a.silo_suppressed.begin(), a.silo_suppressed.end(), 1); suppressed > 0) {
      json.key("groups_suppressed")
          .begin_object()
          .field("groups", static_cast<std::size_t>(suppressed))
          .field("min_group_size", a.min_group_size)
          .end_object();
    }
    json.key("people").begin_object();
    for (vertex_id v = 0; v < g.num_vertices(); ++v) json.field(g.id(v), r.person_ei[v]);
    json.end_object();
    json.end_object();
  }
  if (a.formal) {
    const FormalInformalResult& r = *a.formal;
    json.key("formal").begin_object();
    json.key("informal_relations").begin_array();
    for (const auto& name : r.informal_relations) json.value(name);
    json.end_array();
    json.key("qap")
        .begin_object()
        .field("correlation", r.qap.correlation)
        .field("expected", r.qap.expected)
        .field("sd", r.qap.sd)
        .field("p_greater", r.qap.p_greater)
        .field("p_less", r.qap.p_less)
        .field("p_two_sided", r.qap.p_two_sided)
        .field("permutations", r.qap.permutations)
        .field("seed", r.qap.seed)
        .end_object();
    json.key("level_correlations").begin_object();
    for (const auto& c : r.level_correlations) {
      json.key(to_string(c.measure))
          .begin_object()
          .field("pearson", c.pearson)
          .field("spearman", c.spearman)
          .end_object();
    }
    json.end_object();
    json.field("influence", a.influence).field("intercept", r.intercept).field("slope", r.slope);
    json.key("hidden_influencers").begin_array();
    for (vertex_id v : r.hidden_influencers) {
      json.begin_object()
          .field("id", g.id(v))
          .field("level", r.level[v])
          .field("percentile", r.percentile[v])
          .field("predicted", r.predicted[v])
          .field("residual", r.residual[v])
          .end_object();
    }
    json.end_array();
    json.key("bypass_ties").begin_array();
    for (const auto& t : r.bypass_ties) {
      json.begin_object()
          .field("source", g.id(t.source))
          .field("target", g.id(t.target))
          .field("source_level", t.source_level)
          .field("target_level", t.target_level)
          .field("in_chain", t.in_chain)
          .end_object();
    }
    json.end_array();
    json.end_object();
  }
  if (a.roles) {
    const RolesResult& r = *a.roles;
    const RoleOptions& t = r.thresholds;
    json.key("roles").begin_object();
    json.key("thresholds")
        .begin_object()
        .field("connector_percentile", t.connector_percentile)
        .field("spanner_percentile", t.spanner_percentile)
        .field("spanner_min_groups", t.spanner_min_groups)
        .field("broker_percentile", t.broker_percentile)
        .field("broker_min_groups", t.broker_min_groups)
        .field("peripheral_percentile", t.peripheral_percentile)
        .end_object();
    json.key("people").begin_array();
    for (vertex_id v = 0; v < g.num_vertices(); ++v) {
      json.begin_object().field("id", g.id(v)).key("roles").begin_array();
      for (auto [flags, name] :
           {std::pair{&r.central_connector, "central_connector"}, std::pair{&r.boundary_spanner, "boundary_spanner"},
            std::pair{&r.information_broker, "information_broker"},
            std::pair{&r.peripheral_specialist, "peripheral_specialist"}}) {
        if ((*flags)[v]) json.value(name);
      }
      json.end_array();
      json.field("degree", r.degree[v]).field("degree_percentile", r.degree_percentile[v]);
      json.field("betweenness", r.betweenness[v]).field("betweenness_percentile", r.betweenness_percentile[v]);
      json.field("contacts", r.contacts[v]).field("external", r.external[v]);
      json.field("external_percentile", r.external_percentile[v]).field("groups_reached", r.groups_reached[v]);
      json.end_object();
    }
    json.end_array();
    json.end_object();
  }
  json.end_object();
  out << '\n';
}

void write_csv(const Account& a, std::ostream& out) {
  const InfluenceGraph& g = *a.graph;
  std::vector<PersonColumn> columns;
  if (a.communities) {
    PersonColumn c{"community", {}};
    for (std::uint32_t k : a.communities->community) c.values.push_back("C" + std::to_string(k + 1));
    columns.push_back(std::move(c));
  }
  if (a.silos) {
    PersonColumn ei{"ei", {}};
    for (double x : a.silos->person_ei) ei.values.push_back(format_number(x));
    columns.push_back(std::move(ei));
  }
  if (a.formal) {
    const FormalInformalResult& r = *a.formal;
    PersonColumn level{"level", {}}, percentile{"influence_percentile", {}}, residual{"residual", {}},
        hidden{"hidden_influencer", {}}, bypass{"bypass_ties", {}};
    std::vector<char> is_hidden(g.num_vertices(), 0);
    for (vertex_id v : r.hidden_influencers) is_hidden[v] = 1;
    for (vertex_id v = 0; v < g.num_vertices(); ++v) {
      level.values.push_back(format_number(r.level[v]));
      percentile.values.push_back(format_number(r.percentile[v]));
      residual.values.push_back(format_number(r.residual[v]));
      hidden.values.emplace_back(is_hidden[v] ? "true" : "false");
      bypass.values.push_back(std::to_string(r.bypass_count[v]));
    }
    for (auto* c : {&level, &percentile, &residual, &hidden, &bypass}) columns.push_back(std::move(*c));
  }
  if (a.roles) {
    PersonColumn roles{"roles", {}};
    for (vertex_id v = 0; v < g.num_vertices(); ++v) roles.values.push_back(role_names(*a.roles, v));
    columns.push_back(std::move(roles));
  }
  out << "id,department";
  for (const auto& c : columns) out << ',' << csv_field(c.name);
  out << '\n';
  for (vertex_id v = 0; v < g.num_vertices(); ++v) {
    const department_id d = g.department(v);
    out << csv_field(g.id(v)) << ',' << (d == no_department ? "" : csv_field(g.department_name(d)));
    for (const auto& c : columns) out << ',' << csv_field(c.values[v]);
    out << '\n';
  }
}

}  // namespace

void register_structure(CLI::App& app) {
  auto o = std::make_shared<Options>();
  CLI::App* command =
      app.add_subcommand("structure",
                         "How the organization really works: informal groups vs departments (communities), silos, "
                         "formal vs informal organization, ONA roles");
  add_input_options(*command, o->input);
  command->add_option("what", o->what,
                      "Sections: communities, silos, formal, roles (comma-separated, or 'all'; default: all)");
  command->add_option("--what", o->what, "Same as the positional sections");
  command->add_option("--format", o->format, "Output: table (a readable account), json, or csv (one row per person)")
      ->capture_default_str();
  const char* comm = "Communities";
  command->add_option("--algorithm", o->algorithm, "louvain or leiden")->capture_default_str()->group(comm);
  command->add_option("--modularity", o->modularity, "undirected (summed weights) or directed (Leicht-Newman)")
      ->capture_default_str()
      ->group(comm);
  command->add_option("--resolution", o->resolution, "Modularity resolution (> 1: smaller groups)")
      ->capture_default_str()
      ->group(comm);
  command->add_option("--seed", o->seed, "Random seed (same seed, same result)")->capture_default_str()->group(comm);
  command->add_flag("--unweighted", o->unweighted, "Count every influence edge 1 instead of its strength")->group(comm);
  command
      ->add_option("--compare-with", o->compare,
                   "Formal groupings to compare the communities with: departments or attribute columns, "
                   "comma-separated (the first one also defines silos and roles)")
      ->capture_default_str()
      ->group(comm);
  command
      ->add_option("--min-share", o->min_share,
                   "A group splits (merges) when two others each hold this share of its members")
      ->capture_default_str()
      ->group(comm);
  const char* silos = "Silos";
  command
      ->add_option("--groups", o->compare,
                   "Grouping for silos and for the comparison with communities: departments or an attribute "
                   "column (same as --compare-with)")
      ->group(silos);
  command->add_option("--direction", o->direction, "Ties a person sends for the E-I index: out, in or total")
      ->capture_default_str()
      ->group(silos);
  command
      ->add_option("--permutations", o->permutations,
                   "Random relabellings for the E-I and QAP permutation tests (0 = none)")
      ->capture_default_str()
      ->group(silos);
  const char* formal = "Formal vs informal";
  command
      ->add_option("--informal", o->informal,
                   "Comma-separated relations of the informal network (default: all but reports_to)")
      ->group(formal);
  command
      ->add_option("--level-attribute", o->level_attribute,
                   "Numeric attribute to use as the level (0 = top), e.g. status for Lazega")
      ->group(formal);
  command->add_option("--influence", o->influence, "Centrality measure that defines influence")
      ->capture_default_str()
      ->group(formal);
  command
      ->add_option("--min-residual", o->min_residual,
                   "Hidden influencer: influence percentile at least this far above the level's prediction")
      ->capture_default_str()
      ->group(formal);
  command->add_option("--min-level-gap", o->min_level_gap, "Bypass tie: informal tie across at least this many levels")
      ->capture_default_str()
      ->group(formal);
  const char* roles = "ONA roles";
  command
      ->add_option("--connector-percentile", o->roles.connector_percentile,
                   "Central connector: degree percentile at least this")
      ->capture_default_str()
      ->group(roles);
  command
      ->add_option("--spanner-percentile", o->roles.spanner_percentile,
                   "Boundary spanner: percentile of cross-group contacts at least this")
      ->capture_default_str()
      ->group(roles);
  command
      ->add_option("--spanner-min-groups", o->roles.spanner_min_groups,
                   "Boundary spanner: contacts in at least this many other groups")
      ->capture_default_str()
      ->group(roles);
  command
      ->add_option("--broker-percentile", o->roles.broker_percentile,
                   "Information broker: betweenness percentile at least this")
      ->capture_default_str()
      ->group(roles);
  command
      ->add_option("--broker-min-groups", o->roles.broker_min_groups,
                   "Information broker: contacts in at least this many other groups")
      ->capture_default_str()
      ->group(roles);
  command
      ->add_option("--peripheral-percentile", o->roles.peripheral_percentile,
                   "Peripheral specialist: degree percentile at most this")
      ->capture_default_str()
      ->group(roles);
  command->add_option("--distance", o->distance, "Path lengths for betweenness: neg_log (-ln s), inverse or hops")
      ->capture_default_str()
      ->group(roles);
  command->add_option("--top", o->top, "Rows to show per table; 0 = all")->capture_default_str();
  command->add_option("--threads", o->threads, "Threads; 0 = all (results do not depend on it)")->capture_default_str();
  on_run(command, [o] {
    const std::vector<std::string> what = sections(*o);
    const OutputFormat format = parse_output_format(o->format);
    LoadedGraph loaded = load_input(o->input);
    Account account;
    account.graph = &loaded.graph;
    account.title = loaded.title;
    account.min_group_size = loaded.min_group_size;
    compute(account, *o, what);
    switch (format) {
      case OutputFormat::table:
        write_table(account, std::cout);
        break;
      case OutputFormat::json:
        write_json(account, std::cout);
        break;
      case OutputFormat::csv:
        write_csv(account, std::cout);
        break;
    }
  });
}

}  // namespace orgnet::cli
