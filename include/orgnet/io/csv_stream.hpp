#pragma once
// CsvStreamReader: the strict CSV tokenizer of csv_reader.hpp over a stream read
// in fixed-size chunks, so that memory stays bounded by the chunk size and the
// longest record, never by the size of the input (mail logs run to gigabytes).
//
// Records, fields, line and column numbers and error messages are those of
// CsvReader on the same text, whatever the chunk size and wherever the chunk
// boundaries fall: inside a quoted field with embedded line breaks, between the
// CR and LF of a line end, or inside a multi-byte UTF-8 character. A record cut
// by a chunk boundary is carried over and tokenized again once the next chunk is
// in; a record longer than a chunk makes the next read as large as what is
// held, so a long record costs linear time.
//
// One difference, forced by streaming: CsvReader checks that the whole text is
// UTF-8 before it gives out a record, while CsvStreamReader checks each chunk
// as it arrives. It gives out the records that lie entirely before the first
// byte that is not UTF-8 and then throws the very error CsvReader throws (same
// line, column and message), unless the text before that byte has a CSV error,
// which then comes first. Either way the outcome does not depend on the chunk
// size.
//
// Works on pipes, FIFOs and standard input: no seeking, no size query.
//
// Memory: about chunk_size + 2 x the longest record (the buffer), plus the
// fields of one record.

#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>

#include "orgnet/error.hpp"
#include "orgnet/io/csv_reader.hpp"

namespace orgnet {

class CsvStreamReader {
 public:
  static constexpr std::size_t default_chunk_size = std::size_t{1} << 20;  // 1 MiB

  /// Reads `in`, which must outlive the reader; `source_name` prefixes errors.
  /// Throws orgnet::invalid_argument if chunk_size is 0 or the dialect is bad.
  CsvStreamReader(std::istream& in, std::string source_name, CsvDialect dialect = {},
                  std::size_t chunk_size = default_chunk_size);

  /// Opens and reads the file `path` (which may be a FIFO or /dev/stdin); the
  /// path is the source name. Throws orgnet::invalid_argument naming the file if
  /// it cannot be opened.
  explicit CsvStreamReader(const std::filesystem::path& path, CsvDialect dialect = {},
                           std::size_t chunk_size = default_chunk_size);

  CsvStreamReader(const CsvStreamReader&) = delete;
  CsvStreamReader& operator=(const CsvStreamReader&) = delete;
  ~CsvStreamReader();

  /// Reads the next record into `record`; returns false at the end of the
  /// input. The fields stay valid until the next call. Throws
  /// orgnet::invalid_argument on bad text (as CsvReader) or a read error.
  bool next(CsvRecord& record);

  [[nodiscard]] const std::string& source_name() const noexcept { return reader_.source_name(); }
  /// Location of a field, for error messages.
  [[nodiscard]] SourceLocation location(const CsvField& field, std::string field_name = {}) const {
    return reader_.location(field, std::move(field_name));
  }
  /// Bytes read from the input so far.
  [[nodiscard]] std::size_t bytes_read() const noexcept { return bytes_read_; }
  /// Bytes the buffer holds room for now (for tests of the memory bound).
  [[nodiscard]] std::size_t buffer_capacity() const noexcept { return buffer_.capacity(); }

 private:
  // Reads up to n bytes into p; returns 0 only at the end of the input.
  using Source = std::function<std::size_t(char*, std::size_t)>;
  CsvStreamReader(Source source, std::string source_name, CsvDialect dialect, std::size_t chunk_size);

  void start();      // reads until the byte-order mark can be recognized
  void fill();       // drops the consumed text, reads one more chunk
  void validate();   // checks the new bytes are UTF-8, up to a character cut by the chunk end
  void show_text();  // hands the checked text to the tokenizer

  Source source_;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file_{nullptr, &std::fclose};
  std::size_t chunk_size_;
  std::string buffer_;  // the unconsumed text; [0, checked_) is known to be UTF-8
  std::size_t checked_ = 0;
  std::size_t bytes_read_ = 0;
  bool eof_ = false;
  bool started_ = false;
  std::size_t utf8_line_ = 1;                   // line and characters since the last LF, at checked_,
  std::size_t utf8_column_ = 0;                 // counted as validate_utf8 counts them
  std::optional<invalid_argument> utf8_error_;  // first byte that is not UTF-8, at checked_
  CsvReader reader_;
};

}  // namespace orgnet
