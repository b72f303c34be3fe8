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

[[nodiscard]] InfluenceGraph load_edge_list(const std::filesystem::path& file, const EdgeListOptions& options = {});

/// Adds the ties of edge-list `text` to `builder`.
void read_edge_list(GraphBuilder& builder, std::string_view text, const std::string& source_name,
                    const EdgeListOptions& options = {});

}  // namespace orgnet
