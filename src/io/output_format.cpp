#include "orgnet/io/output_format.hpp"

#include <string>

#include "orgnet/error.hpp"

namespace orgnet {

std::string_view to_string(OutputFormat format) {
  switch (format) {
    case OutputFormat::table:
      return "table";
    case OutputFormat::json:
      return "json";
    case OutputFormat::csv:
      return "csv";
  }
  return "?";
}

OutputFormat parse_output_format(std::string_view text) {
  for (auto f : {OutputFormat::table, OutputFormat::json, OutputFormat::csv}) {
    if (text == to_string(f)) return f;
  }
  throw invalid_argument("unknown output format '" + std::string(text) + "' (expected table, json or csv)");
}

}  // namespace orgnet
