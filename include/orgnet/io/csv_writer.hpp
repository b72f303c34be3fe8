#pragma once
// Writing CSV: quoting per RFC 4180 and numbers that read back exactly.

#include <ostream>
#include <string>
#include <string_view>

namespace orgnet {

/// `text` as one CSV field: quoted (inner quotes doubled) when it contains the
/// delimiter, a quote, a line break or leading/trailing blanks; as is otherwise.
[[nodiscard]] std::string csv_field(std::string_view text, char delimiter = ',');

/// Shortest text that reads back as exactly `value`; "nan", "inf", "-inf" for
/// non-finite values.
[[nodiscard]] std::string format_number(double value);

}  // namespace orgnet
