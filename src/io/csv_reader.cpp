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
  std::size_t line = 1, line_start = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    // Fast path: eight ASCII bytes at a time.
    if (i + 8 <= text.size()) {
      std::uint64_t chunk = 0;
      std::memcpy(&chunk, text.data() + i, 8);
      if ((chunk & 0x8080808080808080ULL) == 0) {
        for (std::size_t k = 0; k < 8; ++k) {
          if (text[i + k] == '\n') {
            ++line;
            line_start = i + k + 1;
          }
        }
        i += 8;
        continue;
      }
    }
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
    const std::size_t length = detail::decode_utf8(text, i).length;
    if (length == 0) {
      std::size_t column = 1;
      for (std::size_t k = line_start; k < i; ++k) {
        if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) ++column;
      }
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[i]));
      throw invalid_argument(SourceLocation{source_name, line, column, {}},
                             std::string("text is not valid UTF-8 (byte ") + hex + "); re-export the file as UTF-8");
    }
    i += length;
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
    : text_(text), source_name_(std::move(source_name)), dialect_(dialect) {
  if (dialect_.delimiter == '"' || dialect_.delimiter == '\n' || dialect_.delimiter == '\r') {
    throw invalid_argument("CSV delimiter cannot be a quote or a line break");
  }
  validate_utf8(text_, source_name_);
  if (text_.starts_with("\xEF\xBB\xBF")) pos_ = line_start_ = 3;  // byte-order mark
}

std::size_t CsvReader::column_at(std::size_t offset) const {
  std::size_t column = 1;
  for (std::size_t k = line_start_; k < offset; ++k) {
    if ((static_cast<unsigned char>(text_[k]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

void CsvReader::fail(std::size_t offset, const std::string& message) const {
  throw invalid_argument(SourceLocation{source_name_, line_, column_at(offset), {}}, message);
}

bool CsvReader::next(CsvRecord& record) {
  record.fields.clear();
  unescaped_.clear();
  const std::size_t size = text_.size();
  const char delimiter = dialect_.delimiter;

  // Skip blank, whitespace-only and comment lines.
  for (;;) {
    if (pos_ >= size) return false;
    std::size_t i = pos_;
    while (i < size && is_blank(text_[i])) ++i;
    const bool comment = dialect_.comment != '\0' && i < size && text_[i] == dialect_.comment && i == pos_;
    if (i < size && text_[i] != '\n' && text_[i] != '\r' && !comment) break;
    if (comment) {
      while (i < size && text_[i] != '\n' && text_[i] != '\r') ++i;
    }
    if (i < size && text_[i] == '\r') ++i;
    if (i < size && text_[i] == '\n') ++i;
    pos_ = i;
    ++line_;
    line_start_ = pos_;
  }

  record.line = line_;
  std::size_t i = pos_;
  for (;;) {
    // One field starting at i.
    while (i < size && is_blank(text_[i])) ++i;
    CsvField field;
    field.line = line_;
    field.column = column_at(i);
    if (i < size && text_[i] == '"') {
      const std::size_t open_line = line_;
      const std::size_t open_column = field.column;
      ++i;
      const std::size_t content = i;
      bool escaped = false;
      for (;;) {
        if (i >= size) {
          throw invalid_argument(SourceLocation{source_name_, open_line, open_column, {}},
                                 "quoted field is never closed (the file ends inside it)");
        }
        const char c = text_[i];
        if (c == '"') {
          if (i + 1 < size && text_[i + 1] == '"') {
            escaped = true;
            i += 2;
            continue;
          }
          break;
        }
        if (c == '\n' || c == '\r') {
          if (c == '\r' && i + 1 < size && text_[i + 1] == '\n') ++i;
          ++line_;
          line_start_ = i + 1;
        }
        ++i;
      }
      std::string_view raw = text_.substr(content, i - content);
      ++i;  // closing quote
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
      while (i < size && is_blank(text_[i])) ++i;
      if (i < size && text_[i] != delimiter && text_[i] != '\n' && text_[i] != '\r') {
        fail(i, std::string("expected '") + delimiter + "' or end of line after a closing quote");
      }
    } else {
      const std::size_t start = i;
      while (i < size && text_[i] != delimiter && text_[i] != '\n' && text_[i] != '\r') {
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
    if (i < size && text_[i] == delimiter) {
      ++i;
      continue;
    }
    // End of record.
    if (i < size && text_[i] == '\r') ++i;
    if (i < size && text_[i] == '\n') ++i;
    if (i <= size) {
      pos_ = i;
      ++line_;
      line_start_ = pos_;
    }
    return true;
  }
}

}  // namespace orgnet
