#pragma once
// The output formats every result can be written in.

#include <string>
#include <string_view>

namespace orgnet {

enum class OutputFormat {
  table,  ///< Aligned text for people to read.
  json,   ///< One JSON document; NaN and infinities are written as null.
  csv,    ///< RFC 4180, with a header line.
};

/// "table", "json", "csv".
[[nodiscard]] std::string_view to_string(OutputFormat format);
/// Inverse of to_string; throws orgnet::invalid_argument naming the accepted values.
[[nodiscard]] OutputFormat parse_output_format(std::string_view text);

/// `value` with `digits` decimals for the table format ("0.1235" for 4), or
/// `nan_text` for NaN. Infinities are written "inf" and "-inf".
[[nodiscard]] std::string fixed_text(double value, int digits, std::string_view nan_text = "n/a");

}  // namespace orgnet
