#include "input.hpp"

#include "orgnet/error.hpp"
#include "orgnet/io/csv.hpp"
#include "orgnet/io/datasets.hpp"
#include "orgnet/io/edge_list.hpp"
#include "orgnet/io/graphml.hpp"
#include "orgnet/report/privacy.hpp"

namespace orgnet::cli {

void add_input_options(CLI::App& command, InputOptions& o, bool privacy) {
  const char* input = "Input (default: the bundled Krackhardt network)";
  command.add_option("--dataset", o.dataset, "Bundled dataset: krackhardt, lazega, email_eu_core, uk_faculty, enron")
      ->group(input);
  command.add_option("--people", o.people, "People CSV (id, name, department, title, level, manager, ...)")
      ->group(input);
  command.add_option("--ties", o.ties, "Ties CSV (source, target, relation, weight)")->group(input);
  command.add_option("--graphml", o.graphml, "GraphML file")->group(input);
  command.add_option("--edges", o.edges, "Whitespace edge list: source target [weight]")->group(input);

  const char* columns = "CSV columns";
  command.add_option("--id-col", o.id_col, "People column with the person id (default id)")->group(columns);
  command.add_option("--name-col", o.name_col, "People column with the name (default name)")->group(columns);
  command.add_option("--department-col", o.department_col, "People column with the department (default department)")
      ->group(columns);
  command.add_option("--title-col", o.title_col, "People column with the job title (default title)")->group(columns);
  command.add_option("--level-col", o.level_col, "People column with the level, 0 = top (default level)")
      ->group(columns);
  command.add_option("--manager-col", o.manager_col, "People column with the manager's id (default manager)")
      ->group(columns);
  command.add_option("--source-col", o.source_col, "Ties column with the source id (default source)")->group(columns);
  command.add_option("--target-col", o.target_col, "Ties column with the target id (default target)")->group(columns);
  command.add_option("--relation-col", o.relation_col, "Ties column with the relation (default relation)")
      ->group(columns);
  command.add_option("--weight-col", o.weight_col, "Ties column with the weight (default weight)")->group(columns);
  command.add_option("--default-relation", o.default_relation, "Relation of ties when there is no relation column")
      ->group(columns);
  command.add_option("--delimiter", o.delimiter, "CSV field delimiter (default ,)")->group(columns);

  const char* model = "Influence model";
  command
      .add_option("--relation", o.relation_specs,
                  "Override a relation: NAME=DIRECTION[,RULE[,SCALE]], DIRECTION one of source_to_target, "
                  "target_to_source, both; RULE one of as_is, scale_by_max, weighted_cascade; SCALE in (0, 1] "
                  "multiplies the strength (reports_to defaults to target_to_source,as_is,0.5)")
      ->group(model);
  command.add_flag("--strict-relations", o.strict_relations, "Reject relations missing from the relation map")
      ->group(model);
  command
      .add_flag("--create-missing", o.create_missing, "Create people named by ties but missing from the people file")
      ->group(model);
  if (privacy) {
    const char* group = "Privacy";
    command
        .add_flag("--pseudonymize", o.pseudonymize,
                  "Write pseudonyms (P0001, ...) instead of person ids, and no names or titles; person ids given "
                  "as options may still be the real ones")
        ->group(group);
    command.add_option("--salt", o.salt, "With --pseudonymize: number pseudonyms by a keyed hash of the id")
        ->group(group);
    command
        .add_option("--min-group-size", o.min_group_size,
                    "Leave out the figures of departments (groups) with fewer people than this (0 = off)")
        ->group(group);
  }
}

std::optional<vertex_id> LoadedGraph::find(std::string_view id) const {
  if (original) {
    if (auto v = original->find(id)) return v;
  }
  return graph.find(id);
}

vertex_id LoadedGraph::vertex_of(std::string_view id) const {
  if (auto v = find(id)) return *v;
  return graph.index_of(id);  // throws, naming the id
}

namespace {

BuildOptions build_options(const InputOptions& o) {
  BuildOptions build;
  for (const std::string& text : o.relation_specs) {
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw invalid_argument("--relation '" + text + "': expected NAME=DIRECTION[,RULE[,SCALE]]");
    }
    build.relations.set(text.substr(0, eq), parse_relation_spec(text.substr(eq + 1)));
  }
  if (o.strict_relations) build.relations.set_fallback(std::nullopt);
  if (o.create_missing) build.unknown_people = UnknownPersonPolicy::create;
  return build;
}

void map_column(std::string& field, const std::string& option) {
  if (!option.empty()) field = option;
}

}  // namespace

namespace {

LoadedGraph load_plain(const InputOptions& o) {
  const int sources =
      !o.dataset.empty() + (!o.people.empty() || !o.ties.empty()) + !o.graphml.empty() + !o.edges.empty();
  if (sources > 1) throw invalid_argument("give one input: --dataset, --people/--ties, --graphml or --edges");
  const BuildOptions build = build_options(o);

  if (!o.graphml.empty()) {
    GraphmlReadOptions options;
    options.build = build;
    return {read_graphml(o.graphml, options), o.graphml};
  }
  if (!o.edges.empty()) {
    EdgeListOptions options;
    options.build = build;
    if (!o.default_relation.empty()) options.relation = o.default_relation;
    return {load_edge_list(o.edges, options), o.edges};
  }
  if (!o.people.empty() || !o.ties.empty()) {
    if (o.ties.empty()) throw invalid_argument("--people needs --ties as well");
    if (o.delimiter.size() != 1) throw invalid_argument("--delimiter must be one character, got '" + o.delimiter + "'");
    CsvOptions options;
    options.build = build;
    options.dialect.delimiter = o.delimiter[0];
    map_column(options.people.id, o.id_col);
    map_column(options.people.name, o.name_col);
    map_column(options.people.department, o.department_col);
    map_column(options.people.title, o.title_col);
    map_column(options.people.level, o.level_col);
    map_column(options.people.manager, o.manager_col);
    map_column(options.ties.source, o.source_col);
    map_column(options.ties.target, o.target_col);
    map_column(options.ties.relation, o.relation_col);
    map_column(options.ties.weight, o.weight_col);
    map_column(options.ties.default_relation, o.default_relation);
    if (o.people.empty()) return {load_ties_csv(o.ties, options), o.ties};
    return {load_csv(o.people, o.ties, options), o.people + " + " + o.ties};
  }
  const std::string name = o.dataset.empty() ? "krackhardt" : o.dataset;
  return {load_dataset(name, build), name + " (bundled dataset)"};
}

}  // namespace

LoadedGraph load_input(const InputOptions& o) {
  if (!o.salt.empty() && !o.pseudonymize) throw invalid_argument("--salt needs --pseudonymize");
  LoadedGraph loaded = load_plain(o);
  loaded.min_group_size = o.min_group_size;
  if (o.pseudonymize) {
    InfluenceGraph shown = pseudonymize(loaded.graph, {.salt = o.salt});
    loaded.original = std::move(loaded.graph);
    loaded.graph = std::move(shown);
  }
  return loaded;
}

}  // namespace orgnet::cli
