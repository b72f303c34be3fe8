#include "orgnet/io/csv_reader.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "io/utf8.hpp"

namespace orgnet {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

void validate_utf8(std::string_view text, const std::string& source_name) {
  detail::validate_utf8_from_line(text, source_name, 1);
}

void detail::validate_utf8_from_line(std::string_view text, const std::string& source_name, std::size_t first_line) {
  const Utf8Position end = scan_utf8(text, {.pos = 0, .line = first_line, .column = 0});
  if (end.pos < text.size()) {
    throw invalid_argument(SourceLocation{source_name, end.line, end.column + 1, {}}, not_utf8_message(text[end.pos]));
  }
}

std::string read_text_file(const std::string& path) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) throw invalid_argument(path + ": cannot open: " + std::strerror(errno));
  std::string text;
  char buffer[1 << 16];
  std::size_t got = 0;
  while ((got = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) text.append(buffer, got);
  if (std::ferror(file.get())) throw invalid_argument(path + ": cannot read: " + std::strerror(errno));
  return text;
}

CsvReader::CsvReader(std::string_view text, std::string source_name, CsvDialect dialect)
    : CsvReader(Streaming{}, std::move(source_name), dialect) {
  text_ = text;
  validate_utf8(text_, source_name_);
  if (text_.starts_with("\xEF\xBB\xBF")) pos_ = line_start_ = 3;  // byte-order mark
}

CsvReader::CsvReader(Streaming /*unused*/, std::string source_name, CsvDialect dialect)
    : source_name_(std::move(source_name)), dialect_(dialect) {
  if (dialect_.delimiter == '"' || dialect_.delimiter == '\n' || dialect_.delimiter == '\r') {
    throw invalid_argument("CSV delimiter cannot be a quote or a line break");
  }
}

namespace {
// Thrown by has() at the end of a text that is not final; caught by step().
struct NeedMoreText {};
}  // namespace

inline bool CsvReader::has(std::size_t i) const {
  if (i < text_.size()) return true;
  if (final_) return false;
  throw NeedMoreText{};
}

std::size_t CsvReader::column_at(std::size_t offset) const {
  // Fields of a line are asked for left to right: count on from the last answer.
  std::size_t k = line_start_;
  std::size_t column = 1;
  if (column_cache_.line_start == line_start_ && column_cache_.offset <= offset) {
    k = column_cache_.offset;
    column = column_cache_.column;
  }
  for (; k < offset; ++k) {
    if ((static_cast<unsigned char>(text_[k]) & 0xC0) != 0x80) ++column;
  }
  column_cache_ = {line_start_, offset, column};
  return column;
}

void CsvReader::fail(std::size_t offset, const std::string& message) const {
  throw invalid_argument(SourceLocation{source_name_, line_, column_at(offset), {}}, message);
}

bool CsvReader::next(CsvRecord& record) { return step(record) == Step::record; }

CsvReader::Step CsvReader::step(CsvRecord& record) {
  record.fields.clear();
  unescaped_.clear();
  const char delimiter = dialect_.delimiter;

  // Skip blank, whitespace-only and comment lines (each one skipped is done:
  // a stop for more text later resumes after it).
  try {
    for (;;) {
      if (!has(pos_)) return Step::end;
      std::size_t i = pos_;
      while (has(i) && is_blank(text_[i])) ++i;
      const bool comment = dialect_.comment != '\0' && has(i) && text_[i] == dialect_.comment && i == pos_;
      if (has(i) && text_[i] != '\n' && text_[i] != '\r' && !comment) break;
      if (comment) {
        while (has(i) && text_[i] != '\n' && text_[i] != '\r') ++i;
      }
      if (has(i) && text_[i] == '\r') ++i;
      if (has(i) && text_[i] == '\n') ++i;
      pos_ = i;
      ++line_;
      line_start_ = pos_;
    }
  } catch (const NeedMoreText&) {
    return Step::more;
  }

  const std::size_t record_line = line_;
  const std::size_t record_line_start = line_start_;
  record.line = line_;
  std::size_t i = pos_;
  try {
    for (;;) {
      // One field starting at i.
      while (has(i) && is_blank(text_[i])) ++i;
      CsvField field;
      field.line = line_;
      field.column = column_at(i);
      if (has(i) && text_[i] == '"') {
        const std::size_t open_line = line_;
        const std::size_t open_column = field.column;
        ++i;
        const std::size_t content = i;
        bool escaped = false;
        for (;;) {
          if (!has(i)) {
            throw invalid_argument(SourceLocation{source_name_, open_line, open_column, {}},
                                   "quoted field is never closed (the file ends inside it)");
          }
          const char c = text_[i];
          if (c == '"') {
            if (has(i + 1) && text_[i + 1] == '"') {
              escaped = true;
              i += 2;
              continue;
            }
            break;
          }
          if (c == '\n' || c == '\r') {
            if (c == '\r' && has(i + 1) && text_[i + 1] == '\n') ++i;
            ++line_;
            line_start_ = i + 1;
          }
          ++i;
        }
        std::string_view raw = text_.substr(content, i - content);
        ++i;  // closing quote
        while (has(i) && is_blank(text_[i])) ++i;
        if (has(i) && text_[i] != delimiter && text_[i] != '\n' && text_[i] != '\r') {
          fail(i, std::string("expected '") + delimiter + "' or end of line after a closing quote");
        }
        if (escaped) {
          std::string& out = unescaped_.emplace_back();
          out.reserve(raw.size());
          for (std::size_t k = 0; k < raw.size(); ++k) {
            out.push_back(raw[k]);
            if (raw[k] == '"') ++k;  // skip the second quote of a doubled pair
          }
          field.text = out;
        } else {
          field.text = raw;
        }
      } else {
        const std::size_t start = i;
        while (has(i) && text_[i] != delimiter && text_[i] != '\n' && text_[i] != '\r') {
          if (text_[i] == '"') {
            fail(i, "unexpected '\"' inside an unquoted field (quote the whole field and double inner quotes)");
          }
          ++i;
        }
        std::size_t end = i;
        while (end > start && is_blank(text_[end - 1])) --end;
        field.text = text_.substr(start, end - start);
      }
      record.fields.push_back(field);
      if (has(i) && text_[i] == delimiter) {
        ++i;
        continue;
      }
      // End of record.
      if (has(i) && text_[i] == '\r') ++i;
      if (has(i) && text_[i] == '\n') ++i;
      pos_ = i;
      ++line_;
      line_start_ = pos_;
      return Step::record;
    }
  } catch (const NeedMoreText&) {
    line_ = record_line;
    line_start_ = record_line_start;
    record.fields.clear();
    unescaped_.clear();
    return Step::more;
  }
}

}  // namespace orgnet
