#include "orgnet/io/csv_stream.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <utility>

#include "io/utf8.hpp"

namespace orgnet {

CsvStreamReader::CsvStreamReader(Source source, std::string source_name, CsvDialect dialect, std::size_t chunk_size)
    : source_(std::move(source)),
      chunk_size_(chunk_size),
      reader_(CsvReader::Streaming{}, std::move(source_name), dialect) {
  if (chunk_size_ == 0) throw invalid_argument("CSV stream chunk size must be > 0");
  reader_.final_ = false;
}

CsvStreamReader::CsvStreamReader(std::istream& in, std::string source_name, CsvDialect dialect, std::size_t chunk_size)
    : CsvStreamReader(Source{}, std::move(source_name), dialect, chunk_size) {
  source_ = [&in, this](char* data, std::size_t size) -> std::size_t {
    in.read(data, static_cast<std::streamsize>(size));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (in.bad()) throw invalid_argument(reader_.source_name() + ": cannot read");
    return got;
  };
}

CsvStreamReader::CsvStreamReader(const std::filesystem::path& path, CsvDialect dialect, std::size_t chunk_size)
    : CsvStreamReader(Source{}, path.string(), dialect, chunk_size) {
  file_.reset(std::fopen(reader_.source_name().c_str(), "rb"));
  if (!file_) throw invalid_argument(reader_.source_name() + ": cannot open: " + std::strerror(errno));
  source_ = [this](char* data, std::size_t size) -> std::size_t {
    const std::size_t got = std::fread(data, 1, size, file_.get());
    if (got == 0 && std::ferror(file_.get())) {
      throw invalid_argument(reader_.source_name() + ": cannot read: " + std::strerror(errno));
    }
    return got;
  };
}

CsvStreamReader::~CsvStreamReader() = default;

bool CsvStreamReader::next(CsvRecord& record) {
  if (!started_) start();
  for (;;) {
    switch (reader_.step(record)) {
      case CsvReader::Step::record:
        return true;
      case CsvReader::Step::end:
        return false;
      case CsvReader::Step::more:
        if (utf8_error_) throw *utf8_error_;
        fill();
        break;
    }
  }
}

void CsvStreamReader::start() {
  while (!eof_ && buffer_.size() < 3) fill();
  if (std::string_view(buffer_).starts_with("\xEF\xBB\xBF")) reader_.pos_ = reader_.line_start_ = 3;
  started_ = true;
}

void CsvStreamReader::fill() {
  // Drop the text the tokenizer is done with: everything before the record it
  // stopped in (which starts a line, so no column depends on what is dropped).
  const std::size_t done = std::min(reader_.pos_, reader_.line_start_);
  if (done > 0) {
    buffer_.erase(0, done);
    checked_ -= done;
    reader_.pos_ -= done;
    reader_.line_start_ -= done;
    reader_.column_cache_ = {};
  }
  // A record longer than a chunk: read as much as is held, so that tokenizing it
  // again after each read costs linear time in all.
  const std::size_t held = buffer_.size();
  const std::size_t want = std::max(chunk_size_, held);
  buffer_.resize(held + want);
  std::size_t got = 0;
  while (got < want) {  // a pipe may give less than asked before its end
    const std::size_t n = source_(buffer_.data() + held + got, want - got);
    if (n == 0) {
      eof_ = true;
      break;
    }
    got += n;
  }
  buffer_.resize(held + got);
  bytes_read_ += got;
  validate();
  show_text();
}

void CsvStreamReader::validate() {
  if (utf8_error_) return;
  const std::string_view text(buffer_);
  const detail::Utf8Position end =
      detail::scan_utf8(text, {.pos = checked_, .line = utf8_line_, .column = utf8_column_});
  utf8_line_ = end.line;
  utf8_column_ = end.column;
  checked_ = end.pos;
  // A bad byte within the last three may be a character cut by the end of the
  // chunk: decide when more text is in.
  if (end.pos < text.size() && (eof_ || text.size() - end.pos >= 4)) {
    utf8_error_.emplace(SourceLocation{reader_.source_name(), end.line, end.column + 1, {}},
                        detail::not_utf8_message(text[end.pos]));
  }
}

void CsvStreamReader::show_text() {
  reader_.text_ = std::string_view(buffer_.data(), checked_);
  reader_.final_ = eof_ && !utf8_error_ && checked_ == buffer_.size();
}

}  // namespace orgnet
