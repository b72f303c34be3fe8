#include "orgnet/error.hpp"

namespace orgnet {

std::string SourceLocation::to_string() const {
  if (file.empty()) return {};
  std::string out = file;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  return out;
}

namespace {
std::string located(const SourceLocation& where, const std::string& message) {
  std::string prefix = where.to_string();
  std::string out;
  if (!prefix.empty()) out = prefix + ": ";
  if (!where.field.empty()) out += "field '" + where.field + "': ";
  return out + message;
}
}  // namespace

invalid_argument::invalid_argument(const std::string& message) : std::invalid_argument(message) {}

invalid_argument::invalid_argument(SourceLocation where, const std::string& message)
    : std::invalid_argument(located(where, message)), where_(std::move(where)) {}

out_of_range::out_of_range(const std::string& message) : std::out_of_range(message) {}

std::string quote_for_message(std::string_view text) {
  constexpr std::size_t shown = 80;
  std::size_t cut = text.size();
  if (cut > shown) {
    cut = shown;
    // Back off over UTF-8 continuation bytes (10xxxxxx) so no character is split.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "'" + string.
  std::string out;
  out.reserve(cut + 32);
  out.push_back('\'');
  out.append(text.substr(0, cut));
  if (cut < text.size()) {
    out.append("...' (");
    out.append(std::to_string(text.size()));
    out.append(" bytes)");
  } else {
    out.push_back('\'');
  }
  return out;
}

}  // namespace orgnet
