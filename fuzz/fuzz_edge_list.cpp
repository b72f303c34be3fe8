// libFuzzer target: a whitespace-separated edge list. A load either throws
// orgnet::invalid_argument or returns a consistent graph.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "graph_invariants.hpp"
#include "orgnet/error.hpp"
#include "orgnet/io/edge_list.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  orgnet::EdgeListOptions options;
  options.build.unknown_people = orgnet::UnknownPersonPolicy::create;
  orgnet::GraphBuilder builder(options.build);
  try {
    orgnet::read_edge_list(builder, input, "edges.txt", options);
    orgnet::fuzz::check_graph(std::move(builder).build());
  } catch (const orgnet::invalid_argument&) {
  }
  return 0;
}
