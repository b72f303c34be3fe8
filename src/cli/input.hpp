#pragma once
// Input options shared by every subcommand: where the graph comes from and how
// its columns and relations map onto orgnet's model.

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <string_view>
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
  // Privacy (report/privacy.hpp): person ids in every output become pseudonyms.
  bool pseudonymize = false;
  std::string salt;
  /// Department-level (group-level) figures of smaller groups are left out of
  /// the output; 0 or 1 = off.
  std::size_t min_group_size = 0;
};

/// Adds the input options to a subcommand; with `privacy`, also --pseudonymize
/// and --salt (the report command declares its own).
void add_input_options(CLI::App& command, InputOptions& options, bool privacy = true);

struct LoadedGraph {
  /// What the command computes on and writes: with --pseudonymize, the
  /// pseudonymized graph (same vertices, pseudonyms as ids, no names or titles).
  InfluenceGraph graph;
  std::string title;  ///< Dataset or file name, for headings.
  /// The graph as loaded, kept only when `graph` is pseudonymized, so that
  /// person ids given on the command line can stay the real ones.
  std::optional<InfluenceGraph> original;
  std::size_t min_group_size = 0;  ///< From --min-group-size.

  /// True when the figures of a group of `size` people must be left out.
  [[nodiscard]] bool suppressed(std::size_t size) const noexcept { return min_group_size > 1 && size < min_group_size; }

  /// Vertex of a person id from the command line or an input file: the real id,
  /// or (with --pseudonymize) a pseudonym. nullopt when neither names anyone.
  [[nodiscard]] std::optional<vertex_id> find(std::string_view id) const;
  /// As find(); throws orgnet::out_of_range naming the id when nobody has it.
  [[nodiscard]] vertex_id vertex_of(std::string_view id) const;
};

/// Loads the graph the options describe (the bundled Krackhardt network when no
/// input is given), pseudonymized when asked. Throws orgnet::invalid_argument on
/// bad input.
[[nodiscard]] LoadedGraph load_input(const InputOptions& options);

}  // namespace orgnet::cli
