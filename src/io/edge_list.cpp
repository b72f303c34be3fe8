#include "orgnet/io/edge_list.hpp"

#include <charconv>
#include <string>

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
}  // namespace

void read_edge_list(GraphBuilder& builder, std::string_view text, const std::string& source_name,
                    const EdgeListOptions& options) {
  validate_utf8(text, source_name);
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::uint32_t file = builder.add_source(source_name);
  std::size_t line_number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;

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
    if (count == 0 || tokens[0].front() == '#' || tokens[0].front() == '%') continue;
    const auto where = [&](std::size_t k, const char* field) {
      return SourceLocation{source_name, line_number, column_of(line, starts[k]), field};
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
    TieLocation at{file, static_cast<std::uint32_t>(line_number), column_of(line, starts[0]),
                   column_of(line, starts[1]), count == 3 ? column_of(line, starts[2]) : 0};
    builder.add_tie(tokens[0], tokens[1], options.relation, weight, at);
  }
}

InfluenceGraph load_edge_list(const std::filesystem::path& file, const EdgeListOptions& options) {
  BuildOptions build = options.build;
  build.unknown_people = UnknownPersonPolicy::create;
  GraphBuilder builder(std::move(build));
  const std::string name = file.string();
  const std::string text = read_text_file(name);
  read_edge_list(builder, text, name, options);
  return std::move(builder).build();
}

}  // namespace orgnet
