#pragma once
// GraphML (http://graphml.graphdrawing.org) in and out, without an XML library.
//
// Reading: the file's first <graph> becomes an InfluenceGraph.
//   * <node id="..."> is a person. Its <data> elements are matched to person
//     fields by the attr.name of their <key>: name, department, title, level (an
//     integer >= 0) and manager (names configurable below). Every other key for
//     nodes (for="node" or for="all") becomes a free attribute, in key
//     declaration order; a node without data for it gets the key's <default>,
//     or "".
//   * <edge source="..." target="..."> is a tie. Relation and weight come from
//     edge data; when missing, from the key's <default>, else default_relation
//     and 1. The weight must be finite and > 0.
//   * An undirected edge (edgedefault="undirected" on the graph, unless the edge
//     says directed="true"; or directed="false") becomes two ties, source ->
//     target then target -> source, counted in LoadReport::undirected_ties_split.
//   * Edges may name nodes declared later; people are numbered in node order.
//   * String data is kept exactly as written (entities decoded, no trimming); a
//     level or weight may be surrounded by whitespace, and a blank one counts as
//     missing.
//   * Ignored: keys without attr.name (application data such as yEd graphics),
//     data of graph-level and other keys, <desc>, unknown elements and
//     attributes, edge ids, every <graph> after the first, attr.type (levels
//     are always read as integers and weights as numbers).
//   * Rejected: a <graph> inside a node or edge, <hyperedge>, ports.
// Errors: orgnet::invalid_argument whose message starts "file:line:column: " and
// says what was expected ("edge has no 'target' attribute"): malformed XML (a
// tag left open, mismatched end tag, unknown entity, truncated file), text that
// is not UTF-8, a missing id/source/target/key attribute, data for a key never
// declared (keys come before the graph) or declared for the other domain, the
// same key twice in one node or edge, two node keys with the same attr.name, a
// bad level or weight; then whatever GraphBuilder rejects (unknown or duplicate
// people, manager cycles, ...), located at the node or edge.
// Complexity: O(file size) plus the builder's O(n + m log m).
//
// Writing: one <key> per person field some person uses (level is attr.type
// "int"), one per free attribute (string), and edge keys relation (string) and
// weight (double); a directed <graph>; a <node> per person in vertex order with
// the fields that are not empty; an <edge> per observed tie (graph.ties(), not
// the influence edges), with its relation and weight. Levels are written only
// where the data gave them (derived levels are derived again on reading);
// managers are written for everyone who has one, including managers that came
// from reports_to ties (the builder accepts a manager field that agrees with
// such a tie). Weights use the shortest form that reads back to the same double.
//
// Round trip: read_graphml of what write_graphml wrote gives the same people
// (ids, names, departments, titles, levels, managers, attributes, in the same
// order), the same ties in the same order with bit-identical weights, and hence
// the same influence graph, provided it is read with the same BuildOptions.
// Writing throws orgnet::invalid_argument (and writes nothing) for what GraphML
// cannot carry that way: a free attribute named like a person field ("name",
// "department", "title", "level", "manager") or with an empty name, or text
// that is not UTF-8 or holds a control character other than tab, line feed and
// carriage return.

#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>

#include "orgnet/model/graph_builder.hpp"
#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

struct GraphmlReadOptions {
  BuildOptions build = {};  ///< Passed to GraphBuilder.
  /// attr.name of the node keys that fill person fields; an empty name turns the
  /// field off (its key, if any, becomes a free attribute).
  std::string name_key = "name";
  std::string department_key = "department";
  std::string title_key = "title";
  std::string level_key = "level";
  std::string manager_key = "manager";
  /// attr.name of the edge keys for the tie's relation and weight.
  std::string relation_key = "relation";
  std::string weight_key = "weight";
  /// Relation of edges that have no (or an empty) relation.
  std::string default_relation = "tie";
};

/// Reads a GraphML file; see the top of this header. The file name (as given)
/// prefixes error messages.
[[nodiscard]] InfluenceGraph read_graphml(const std::filesystem::path& file, const GraphmlReadOptions& options = {});

/// Reads GraphML held in memory; `source_name` prefixes error messages.
[[nodiscard]] InfluenceGraph read_graphml_string(std::string_view xml, const GraphmlReadOptions& options = {},
                                                 std::string_view source_name = "<string>");

/// Writes the graph as GraphML (UTF-8, ending with a newline). The document is
/// assembled first, so nothing is written when it throws. O(n + ties).
void write_graphml(const InfluenceGraph& graph, std::ostream& out);
/// Same, to a file (created or replaced); throws orgnet::invalid_argument if the
/// file cannot be written.
void write_graphml(const InfluenceGraph& graph, const std::filesystem::path& file);

}  // namespace orgnet
