#pragma once
// Input options shared by every subcommand: where the graph comes from and how
// its columns and relations map onto orgnet's model.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "orgnet/model/influence_graph.hpp"

namespace orgnet::cli {

struct InputOptions {
  std::string dataset;
  std::string people;
  std::string ties;
  std::string graphml;
  std::string edges;
  // CSV column mapping ("" = keep orgnet's default name).
  std::string id_col, name_col, department_col, title_col, level_col, manager_col;
  std::string source_col, target_col, relation_col, weight_col;
  std::string default_relation;
  std::string delimiter = ",";
  std::vector<std::string> relation_specs;  // NAME=DIRECTION[,RULE]
  bool strict_relations = false;
  bool create_missing = false;
};

/// Adds the input options to a subcommand.
void add_input_options(CLI::App& command, InputOptions& options);

struct LoadedGraph {
  InfluenceGraph graph;
  std::string title;  ///< Dataset or file name, for headings.
};

/// Loads the graph the options describe (the bundled Krackhardt network when no
/// input is given). Throws orgnet::invalid_argument on bad input.
[[nodiscard]] LoadedGraph load_input(const InputOptions& options);

}  // namespace orgnet::cli
