// libFuzzer target: orgnet::CsvStreamReader against orgnet::CsvReader. The
// first byte chooses the chunk size (1 to 64) and the dialect; the rest is the
// text. The streamed records (fields, lines, columns) and error must be those
// of the in-memory reader; when the text is not UTF-8, which the in-memory
// reader reports before any record, the stream gives the records before the
// bad byte and then the same error, or an earlier CSV error; and either way the
// outcome must not depend on the chunk size.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include "orgnet/error.hpp"
#include "orgnet/io/csv_reader.hpp"
#include "orgnet/io/csv_stream.hpp"

namespace {

void require(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "CSV stream invariant violated: %s\n", what);
    std::abort();
  }
}

// What a reader gave: the records (fields with line and column) and the error, if any.
struct Outcome {
  std::string records;
  std::string error;
  friend bool operator==(const Outcome&, const Outcome&) = default;
  [[nodiscard]] bool utf8_error() const { return error.find("text is not valid UTF-8") != std::string::npos; }
};

template <class Reader>
void record_all(Reader& reader, Outcome& out) {
  orgnet::CsvRecord record;
  while (reader.next(record)) {
    out.records += "record " + std::to_string(record.line) + '\n';
    for (const orgnet::CsvField& f : record.fields) {
      out.records += std::to_string(f.line) + ':' + std::to_string(f.column) + ':' + std::string(f.text) + '\n';
    }
  }
}

Outcome in_memory(std::string_view text, orgnet::CsvDialect dialect) {
  Outcome out;
  try {
    orgnet::CsvReader reader(text, "t.csv", dialect);
    record_all(reader, out);
  } catch (const orgnet::invalid_argument& e) {
    out.error = e.what();
  }
  return out;
}

Outcome streamed(const std::string& text, orgnet::CsvDialect dialect, std::size_t chunk) {
  Outcome out;
  try {
    std::istringstream in(text);
    orgnet::CsvStreamReader reader(in, "t.csv", dialect, chunk);
    record_all(reader, out);
  } catch (const orgnet::invalid_argument& e) {
    out.error = e.what();
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const unsigned char a = data[0];
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  orgnet::CsvDialect dialect;
  if (a & 0x40) dialect.delimiter = ';';
  if (a & 0x80) dialect.comment = '\0';
  const std::size_t chunk = 1 + (a & 0x3F);

  const Outcome memory = in_memory(text, dialect);
  const Outcome stream = streamed(text, dialect, chunk);
  require(stream == streamed(text, dialect, text.size() + 1), "the outcome depends on the chunk size");
  if (!memory.utf8_error()) {
    require(stream == memory, "streamed and in-memory readers differ");
  } else {
    require(!stream.error.empty(), "text that is not UTF-8 read without error");
    require(stream.error == memory.error || !stream.utf8_error(), "a different UTF-8 error");
  }
  return 0;
}
