#include "orgnet/io/edge_list.hpp"

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "io/utf8.hpp"
#include "orgnet/error.hpp"
#include "orgnet/io/csv_reader.hpp"

namespace orgnet {

namespace {
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::uint32_t column_of(std::string_view line, std::size_t offset) {
  std::uint32_t column = 1;
  for (std::size_t k = 0; k < offset; ++k) {
    if ((static_cast<unsigned char>(line[k]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

// Reads edge-list lines one at a time (from text in memory or from a stream).
class EdgeListLines {
 public:
  EdgeListLines(GraphBuilder& builder, const std::string& source_name, const EdgeListOptions& options)
      : builder_(builder), source_name_(source_name), options_(options), file_(builder.add_source(source_name)) {}

  /// Line number `line_number` (1-based), without its '\n'.
  void read(std::string_view line, std::size_t line_number) {
    // Split into at most four tokens (the fourth only to report it).
    std::string_view tokens[4];
    std::size_t starts[4] = {};
    std::size_t count = 0;
    for (std::size_t i = 0; i < line.size() && count < 4;) {
      while (i < line.size() && is_space(line[i])) ++i;
      if (i >= line.size()) break;
      const std::size_t start = i;
      while (i < line.size() && !is_space(line[i])) ++i;
      starts[count] = start;
      tokens[count++] = line.substr(start, i - start);
    }
    if (count == 0 || tokens[0].front() == '#' || tokens[0].front() == '%') return;
    const auto where = [&](std::size_t k, const char* field) {
      return SourceLocation{source_name_, line_number, column_of(line, starts[k]), field};
    };
    if (count == 1) {
      throw invalid_argument(where(0, "target"), "expected 'source target [weight]', got only one field");
    }
    if (count == 4) {
      throw invalid_argument(where(3, ""), "expected 'source target [weight]', got more than three fields");
    }
    double weight = 1.0;
    if (count == 3) {
      std::string_view w = tokens[2];
      if (w.front() == '+') w.remove_prefix(1);
      auto [ptr, ec] = std::from_chars(w.data(), w.data() + w.size(), weight);
      if (ec != std::errc() || ptr != w.data() + w.size()) {
        throw invalid_argument(where(2, "weight"), "expected a number > 0, got '" + std::string(tokens[2]) + "'");
      }
    }
    TieLocation at{file_, static_cast<std::uint32_t>(line_number), column_of(line, starts[0]),
                   column_of(line, starts[1]), count == 3 ? column_of(line, starts[2]) : 0};
    builder_.add_tie(tokens[0], tokens[1], options_.relation, weight, at);
  }

 private:
  GraphBuilder& builder_;
  const std::string& source_name_;
  const EdgeListOptions& options_;
  std::uint32_t file_;
};

}  // namespace

void read_edge_list(GraphBuilder& builder, std::string_view text, const std::string& source_name,
                    const EdgeListOptions& options) {
  validate_utf8(text, source_name);
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  EdgeListLines lines(builder, source_name, options);
  std::size_t line_number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    lines.read(text.substr(pos, end - pos), ++line_number);
    pos = end + 1;
  }
}

InfluenceGraph load_edge_list(const std::filesystem::path& file, const EdgeListOptions& options) {
  BuildOptions build = options.build;
  build.unknown_people = UnknownPersonPolicy::create;
  GraphBuilder builder(std::move(build));
  const std::string name = file.string();

  // Streamed in 1 MiB chunks: each complete line is checked for UTF-8 and read;
  // the unfinished last line waits for the next chunk.
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> stream(std::fopen(name.c_str(), "rb"), &std::fclose);
  if (!stream) throw invalid_argument(name + ": cannot open: " + std::strerror(errno));
  EdgeListLines lines(builder, name, options);
  constexpr std::size_t chunk = std::size_t{1} << 20;
  std::string buffer;
  std::size_t line_number = 0;
  std::size_t scanned = 0;  // no '\n' in buffer[0, scanned)
  bool eof = false;
  while (!eof) {
    const std::size_t held = buffer.size();
    buffer.resize(held + chunk);
    const std::size_t got = std::fread(buffer.data() + held, 1, chunk, stream.get());
    buffer.resize(held + got);
    if (got < chunk) {
      if (std::ferror(stream.get())) throw invalid_argument(name + ": cannot read: " + std::strerror(errno));
      eof = true;
    }
    std::size_t pos = 0;
    for (;;) {
      std::size_t end = buffer.find('\n', std::max(pos, scanned));
      if (end == std::string::npos) {
        if (!eof || pos >= buffer.size()) break;
        end = buffer.size();  // the last line, without '\n'
      }
      std::string_view line(buffer.data() + pos, end - pos);
      detail::validate_utf8_from_line(line, name, ++line_number);
      if (line_number == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
      lines.read(line, line_number);
      pos = end + 1;
    }
    pos = std::min(pos, buffer.size());
    buffer.erase(0, pos);
    scanned = buffer.size();
  }
  return std::move(builder).build();
}

}  // namespace orgnet
