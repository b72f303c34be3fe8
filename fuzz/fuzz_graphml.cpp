// libFuzzer target: a GraphML document (our own XML tokenizer sits under it).
// A read either throws orgnet::invalid_argument or returns a consistent graph,
// which must survive a write and re-read unchanged in size.

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string_view>

#include "graph_invariants.hpp"
#include "orgnet/error.hpp"
#include "orgnet/io/graphml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  try {
    const orgnet::InfluenceGraph graph = orgnet::read_graphml_string(input, {}, "input.graphml");
    orgnet::fuzz::check_graph(graph);
    std::ostringstream written;
    orgnet::write_graphml(graph, written);
    const orgnet::InfluenceGraph again = orgnet::read_graphml_string(written.str(), {}, "rewritten.graphml");
    orgnet::fuzz::require(again.num_vertices() == graph.num_vertices() && again.num_edges() == graph.num_edges() &&
                              again.num_ties() == graph.num_ties(),
                          "a written graph reads back with the same people, edges and ties");
  } catch (const orgnet::invalid_argument&) {
  }
  return 0;
}
