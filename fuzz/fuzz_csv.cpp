// libFuzzer target: a people CSV and a ties CSV (the input split at its first
// NUL byte; without one, the input is the ties file alone and every person is
// created from the ties). A load either throws orgnet::invalid_argument or
// returns a consistent graph; any other exception, crash, leak or undefined
// behaviour is a finding.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "graph_invariants.hpp"
#include "orgnet/error.hpp"
#include "orgnet/io/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t split = input.find('\0');
  orgnet::CsvOptions options;
  options.missing_values = {"NA", "0"};
  try {
    if (split == std::string_view::npos) {
      options.build.unknown_people = orgnet::UnknownPersonPolicy::create;
      orgnet::GraphBuilder builder(options.build);
      orgnet::read_ties_csv(builder, input, "ties.csv", options);
      orgnet::fuzz::check_graph(std::move(builder).build());
    } else {
      orgnet::GraphBuilder builder(options.build);
      orgnet::read_people_csv(builder, input.substr(0, split), "people.csv", options);
      orgnet::read_ties_csv(builder, input.substr(split + 1), "ties.csv", options);
      orgnet::fuzz::check_graph(std::move(builder).build());
    }
  } catch (const orgnet::invalid_argument&) {
    // Rejected with a message: the documented outcome for bad input.
  }
  return 0;
}
