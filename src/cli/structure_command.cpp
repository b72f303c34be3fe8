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
#include <sstream>

#include "commands.hpp"
#include "input.hpp"
#include "orgnet/error.hpp"
#include "orgnet/io/csv_writer.hpp"
#include "orgnet/io/json_writer.hpp"
#include "orgnet/io/output_format.hpp"
#include "orgnet/structure/communities.hpp"
#include "orgnet/structure/partition_agreement.hpp"

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
};

const std::vector<std::string> all_sections = {"communities"};

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

std::string fixed(double value, int digits = 3) {
  if (std::isnan(value)) return "n/a";
  std::ostringstream out;
  out << std::fixed << std::setprecision(digits) << value;
  return out.str();
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
  std::optional<PartitionAgreement> agreement;
  std::string compare;
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
    account.compare = o.compare;
    account.agreement = partition_agreement(grouping(g, o.compare), community_labeling(*account.communities),
                                            {.min_share = o.min_share});
  }
}

std::string spread_text(const GroupSpread& s, const std::vector<std::string>& other) {
  std::string text;
  for (std::size_t i = 0; i < s.parts.size(); ++i) {
    text += (i ? ", " : "") + other[static_cast<std::size_t>(s.parts[i])] + " (" + std::to_string(s.part_sizes[i]) +
            ")";
  }
  return text;
}

void write_table(const Account& a, std::ostream& out) {
  const InfluenceGraph& g = *a.graph;
  out << "Structure" << (a.title.empty() ? "" : " of " + a.title) << '\n';
  if (a.communities) {
    const CommunityResult& c = *a.communities;
    const PartitionAgreement& agr = *a.agreement;
    const std::string noun = grouping_noun(a.compare);
    out << "\nInformal groups (" << to_string(c.algorithm) << ", seed " << c.seed << "): " << c.count()
        << " communities, modularity " << fixed(c.modularity) << '\n';
    for (std::size_t k = 0; k < c.count(); ++k) {
      // Composition of the community by the compared grouping.
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
      if (k >= 20) {
        out << "  ... " << (c.count() - k) << " more communities\n";
        break;
      }
      out << "  C" << std::left << std::setw(4) << (k + 1) << std::right << std::setw(5) << c.sizes[k] << " people  "
          << (text.empty() ? "(no " + noun + ")" : noun + "s " + text) << '\n';
    }
    out << "Agreement with the " << noun << "s: NMI " << fixed(agr.nmi) << ", ARI " << fixed(agr.ari) << " over "
        << agr.compared << " people";
    if (agr.compared < g.num_vertices()) out << " (" << (g.num_vertices() - agr.compared) << " without a " << noun << ")";
    out << '\n';
    for (const auto& s : agr.splits) {
      out << "  " << noun << " " << agr.a_names[static_cast<std::size_t>(s.group)] << " splits informally: "
          << spread_text(s, agr.b_names) << '\n';
    }
    for (const auto& s : agr.merges) {
      out << "  " << agr.b_names[static_cast<std::size_t>(s.group)] << " brings together " << noun
          << "s " << spread_text(s, agr.a_names) << '\n';
    }
    if (agr.splits.empty() && agr.merges.empty()) out << "  informal groups follow the " << noun << "s\n";
  }
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
    const PartitionAgreement& agr = *a.agreement;
    json.key("communities").begin_object();
    json.field("algorithm", to_string(c.algorithm)).field("seed", c.seed).field("count", c.count());
    json.field("modularity", c.modularity).field("levels", c.levels);
    json.key("sizes").begin_array();
    for (std::size_t s : c.sizes) json.value(s);
    json.end_array();
    json.key("membership").begin_object();
    for (vertex_id v = 0; v < g.num_vertices(); ++v) json.field(g.id(v), c.community[v]);
    json.end_object();
    json.key("agreement").begin_object();
    json.field("grouping", a.compare).field("nmi", agr.nmi).field("ari", agr.ari).field("compared", agr.compared);
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
  CLI::App* command = app.add_subcommand(
      "structure", "How the organization really works: informal groups vs departments (communities), silos, "
                   "formal vs informal organization, ONA roles");
  add_input_options(*command, o->input);
  command->add_option("what", o->what,
                      "Sections: communities (comma-separated, or 'all'; default: all)");
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
  command->add_flag("--unweighted", o->unweighted, "Count every influence edge 1 instead of its strength")
      ->group(comm);
  command->add_option("--compare-with", o->compare,
                      "Formal grouping to compare the communities with: departments or an attribute column")
      ->capture_default_str()
      ->group(comm);
  command->add_option("--min-share", o->min_share,
                      "A group splits (merges) when two others each hold this share of its members")
      ->capture_default_str()
      ->group(comm);
  on_run(command, [o] {
    const std::vector<std::string> what = sections(*o);
    const OutputFormat format = parse_output_format(o->format);
    LoadedGraph loaded = load_input(o->input);
    Account account;
    account.graph = &loaded.graph;
    account.title = loaded.title;
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
