#pragma once
// The header line of a CSV file and the column-mapping rules of csv.hpp, for
// CsvReader and CsvStreamReader alike. Internal.

#include <cstddef>
#include <string>
#include <vector>

#include "orgnet/error.hpp"
#include "orgnet/io/csv_reader.hpp"

namespace orgnet::detail {

inline constexpr std::size_t absent = static_cast<std::size_t>(-1);

// Header of a CSV file: column names and lookup with the mapping rules of csv.hpp.
template <class Reader>
class CsvHeader {
 public:
  CsvHeader(Reader& reader, const std::string& what) : reader_(reader) {
    if (!reader.next(record_)) {
      throw invalid_argument(reader.source_name() + ": the " + what + " file is empty (expected a header line)");
    }
    for (std::size_t i = 0; i < record_.fields.size(); ++i) {
      const CsvField& f = record_.fields[i];
      if (f.text.empty()) throw invalid_argument(reader.location(f), "column name is empty in the header");
      for (std::size_t j = 0; j < i; ++j) {
        if (record_.fields[j].text == f.text) {
          throw invalid_argument(reader.location(f),
                                 "column '" + std::string(f.text) + "' appears twice in the header");
        }
      }
      names_.emplace_back(f.text);
    }
  }

  /// Column index of `mapped` (absent if it is off or an absent default).
  std::size_t find(const std::string& mapped, const char* default_name, bool required) {
    if (mapped.empty()) {
      if (required)
        throw invalid_argument(reader_.source_name() + ": the " + default_name + " column cannot be turned off");
      return absent;
    }
    for (std::size_t i = 0; i < names_.size(); ++i) {
      if (names_[i] == mapped) {
        used_.push_back(i);
        return i;
      }
    }
    if (required || mapped != default_name) {
      throw invalid_argument(SourceLocation{reader_.source_name(), record_.line, 0, {}},
                             "no column '" + mapped + "' in the header (columns: " + listing() + ")");
    }
    return absent;
  }

  [[nodiscard]] bool used(std::size_t i) const {
    for (std::size_t u : used_) {
      if (u == i) return true;
    }
    return false;
  }
  [[nodiscard]] std::size_t size() const { return names_.size(); }
  [[nodiscard]] const std::string& name(std::size_t i) const { return names_[i]; }

 private:
  [[nodiscard]] std::string listing() const {
    std::string out;
    for (const auto& n : names_) out += (out.empty() ? "" : ", ") + n;
    return out;
  }
  Reader& reader_;
  CsvRecord record_;
  std::vector<std::string> names_;
  std::vector<std::size_t> used_;
};

template <class Reader>
void check_width(const Reader& reader, const CsvRecord& record, std::size_t expected) {
  if (record.fields.size() == expected) return;
  const CsvField& at = record.fields.size() > expected ? record.fields[expected] : record.fields.back();
  throw invalid_argument(
      reader.location(at),
      "expected " + std::to_string(expected) + " fields as in the header, got " + std::to_string(record.fields.size()));
}

}  // namespace orgnet::detail
