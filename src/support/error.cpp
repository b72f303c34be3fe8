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

}  // namespace orgnet
