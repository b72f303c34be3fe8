#pragma once
// Whitespace-separated edge lists: "source target [weight]" per line, the
// format of SNAP, Pajek-free exports and igraph's "ncol".
//
// Lines starting with '#' or '%' and blank lines are skipped. People are created
// from the ids they are named by. All ties get one relation. Errors name
// file:line:column.

#include <filesystem>
#include <string>
#include <string_view>

#include "orgnet/model/graph_builder.hpp"

namespace orgnet {

struct EdgeListOptions {
  std::string relation = "tie";  ///< Relation given to every tie.
  BuildOptions build = {};       ///< unknown_people is always `create` here.
};

/// Loads an edge-list file, streamed in 1 MiB chunks (memory: the graph plus a
/// chunk and the longest line). Same graph and messages as read_edge_list on
/// the same text, except that each line is checked for UTF-8 when it is read,
/// so an error on an earlier line comes before a bad byte on a later one.
[[nodiscard]] InfluenceGraph load_edge_list(const std::filesystem::path& file, const EdgeListOptions& options = {});

/// Adds the ties of edge-list `text` to `builder`.
void read_edge_list(GraphBuilder& builder, std::string_view text, const std::string& source_name,
                    const EdgeListOptions& options = {});

}  // namespace orgnet
