#pragma once
// A fast, strict CSV tokenizer (RFC 4180 plus the habits of real exports).
//
// Handles: quoted fields with embedded delimiters, doubled quotes and newlines;
// a UTF-8 byte-order mark; LF, CRLF and lone CR line ends; blank and
// whitespace-only lines (skipped); comment lines starting with the comment
// character (skipped); spaces around unquoted fields and around quotes
// (trimmed). Rejects, naming line and column: text that is not UTF-8, a quote
// inside an unquoted field, text after a closing quote, a quote never closed.
//
// The reader works on text already in memory and hands out views into it, so a
// record's fields stay valid until the next call to next(). CsvStreamReader
// (csv_stream.hpp) runs the same tokenizer over a stream read in chunks.

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "orgnet/error.hpp"

namespace orgnet {

struct CsvDialect {
  char delimiter = ',';
  /// Lines whose first character is this are skipped; '\0' turns comments off.
  char comment = '#';
};

struct CsvField {
  std::string_view text;   ///< Unquoted, unescaped, trimmed.
  std::size_t line = 0;    ///< 1-based line where the field starts.
  std::size_t column = 0;  ///< 1-based column (characters) where the field starts.
};

struct CsvRecord {
  std::vector<CsvField> fields;
  std::size_t line = 0;  ///< Line where the record starts.
};

class CsvReader {
 public:
  /// `source_name` (usually the file name) prefixes error messages.
  /// Throws orgnet::invalid_argument if `text` is not valid UTF-8.
  CsvReader(std::string_view text, std::string source_name, CsvDialect dialect = {});

  /// Reads the next record into `record`; returns false at the end of the text.
  bool next(CsvRecord& record);

  [[nodiscard]] const std::string& source_name() const noexcept { return source_name_; }
  /// Location of a field, for error messages.
  [[nodiscard]] SourceLocation location(const CsvField& field, std::string field_name = {}) const {
    return SourceLocation{source_name_, field.line, field.column, std::move(field_name)};
  }

 private:
  friend class CsvStreamReader;
  struct Streaming {};
  /// For CsvStreamReader: no text yet, no UTF-8 check, no byte-order-mark check.
  CsvReader(Streaming, std::string source_name, CsvDialect dialect);

  /// What step() did: read a record, reached the end of the text, or stopped
  /// because the record (or the blank lines before it) may go on past the end
  /// of a text that is not final; the state is then as before the record.
  enum class Step { record, end, more };
  Step step(CsvRecord& record);
  /// True if text_[i] exists; at the end of a text that is not final, stops
  /// the record (throws an internal signal that step() catches).
  [[nodiscard]] bool has(std::size_t i) const;

  [[nodiscard]] std::size_t column_at(std::size_t offset) const;
  [[noreturn]] void fail(std::size_t offset, const std::string& message) const;

  bool final_ = true;  // false while a stream may still append to the text
  std::string_view text_;
  std::string source_name_;
  CsvDialect dialect_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t line_start_ = 0;
  std::deque<std::string> unescaped_;  // storage for fields that contained ""
  struct ColumnCache {
    std::size_t line_start = static_cast<std::size_t>(-1);
    std::size_t offset = 0;
    std::size_t column = 1;
  };
  mutable ColumnCache column_cache_;  // last column_at() answer
};

/// Throws orgnet::invalid_argument naming line and column of the first byte
/// sequence that is not UTF-8.
void validate_utf8(std::string_view text, const std::string& source_name);

/// Reads a whole file; throws orgnet::invalid_argument naming the file if it
/// cannot be opened or read.
[[nodiscard]] std::string read_text_file(const std::string& path);

}  // namespace orgnet
