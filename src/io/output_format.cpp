#include "orgnet/io/output_format.hpp"

#include <cmath>
#include <cstdio>
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

std::string fixed_text(double value, int digits, std::string_view nan_text) {
  if (std::isnan(value)) return std::string(nan_text);
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  const int length = std::snprintf(nullptr, 0, "%.*f", digits, value);
  std::string text(static_cast<std::size_t>(length), '\0');
  std::snprintf(text.data(), text.size() + 1, "%.*f", digits, value);
  return text;
}

}  // namespace orgnet
