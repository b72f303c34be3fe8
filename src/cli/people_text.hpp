#pragma once
// Small helpers the subcommands share for reading person ids from options and
// writing people's departments.

#include <algorithm>
#include <string>
#include <vector>

#include "orgnet/model/influence_graph.hpp"

namespace orgnet::cli {

/// Person ids given as comma-separated lists (an option may also be repeated);
/// empty items are skipped. Throws orgnet::out_of_range for an unknown id.
template <class Lookup>  // LoadedGraph (input.hpp) or anything with vertex_of(id)
std::vector<vertex_id> person_list(const Lookup& graph, const std::vector<std::string>& texts) {
  std::vector<vertex_id> out;
  for (const auto& text : texts) {
    std::size_t begin = 0;
    while (begin <= text.size()) {
      const std::size_t comma = std::min(text.find(',', begin), text.size());
      const std::string id = text.substr(begin, comma - begin);
      if (!id.empty()) out.push_back(graph.vertex_of(id));
      begin = comma + 1;
    }
  }
  return out;
}

/// The department name of v, or "" when v has none.
inline std::string department_label(const InfluenceGraph& graph, vertex_id v) {
  const department_id d = graph.department(v);
  return d == no_department ? std::string() : graph.department_name(d);
}

}  // namespace orgnet::cli
