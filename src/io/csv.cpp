#include "orgnet/io/csv.hpp"

#include <charconv>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "io/csv_header.hpp"
#include "orgnet/error.hpp"
#include "orgnet/io/csv_stream.hpp"

namespace orgnet {

namespace {

using detail::absent;
using detail::check_width;

template <class Reader>
double parse_weight(const Reader& reader, const CsvField& field) {
  std::string_view text = field.text;
  if (text.empty()) throw invalid_argument(reader.location(field, "weight"), "weight is empty (expected a number > 0)");
  if (text.front() == '+') text.remove_prefix(1);
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc::result_out_of_range) {
    throw invalid_argument(reader.location(field, "weight"),
                           "weight '" + std::string(field.text) + "' is out of the range of a double");
  }
  if (ec != std::errc() || end != text.data() + text.size()) {
    throw invalid_argument(reader.location(field, "weight"),
                           "expected a number > 0, got '" + std::string(field.text) + "'");
  }
  return value;  // the builder rejects NaN, infinities, zero and negatives
}

template <class Reader>
std::optional<int> parse_level(const Reader& reader, const CsvField& field) {
  if (field.text.empty()) return std::nullopt;
  int value = 0;
  auto [end, ec] = std::from_chars(field.text.data(), field.text.data() + field.text.size(), value);
  if (ec != std::errc() || end != field.text.data() + field.text.size()) {
    throw invalid_argument(reader.location(field, "level"),
                           "expected a whole number >= 0 (0 = top), got '" + std::string(field.text) + "'");
  }
  return value;
}

std::uint32_t narrow_column(std::size_t column) {
  return column > UINT32_MAX ? UINT32_MAX : static_cast<std::uint32_t>(column);
}

// The people of a CSV file read by `reader` (CsvReader or CsvStreamReader).
template <class Reader>
void read_people(GraphBuilder& builder, Reader& reader, const std::string& source_name, const CsvOptions& options) {
  detail::CsvHeader<Reader> header(reader, "people");
  const PeopleColumns& columns = options.people;
  const std::size_t id = header.find(columns.id, "id", true);
  const std::size_t name = header.find(columns.name, "name", false);
  const std::size_t department = header.find(columns.department, "department", false);
  const std::size_t title = header.find(columns.title, "title", false);
  const std::size_t level = header.find(columns.level, "level", false);
  const std::size_t manager = header.find(columns.manager, "manager", false);
  std::vector<std::size_t> free_columns;
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (!header.used(i)) free_columns.push_back(i);
  }

  CsvRecord record;
  while (reader.next(record)) {
    check_width(reader, record, header.size());
    const auto& f = record.fields;
    // A mapped field's text, or "" when absent or a missing-value marker.
    auto value = [&](std::size_t column) -> std::string_view {
      if (column == absent) return {};
      const std::string_view field = f[column].text;
      for (const std::string& marker : options.missing_values) {
        if (field == marker) return {};
      }
      return field;
    };
    Person person;
    person.id = f[id].text;
    if (person.id.empty()) throw invalid_argument(reader.location(f[id], "id"), "person id is empty");
    person.name = value(name);
    person.department = value(department);
    person.title = value(title);
    if (!value(level).empty()) person.level = parse_level(reader, f[level]);
    person.manager = value(manager);
    person.attributes.reserve(free_columns.size());
    for (std::size_t c : free_columns) person.attributes.emplace_back(header.name(c), f[c].text);
    PersonLocation where{source_name, record.line, f[id].column, manager != absent ? f[manager].column : 0,
                         level != absent ? f[level].column : 0};
    builder.add_person(std::move(person), where);
  }
}

// The ties of a CSV file read by `reader`. Field views that lie in `text` (the
// whole file, for CsvReader) stay valid until the end; the others (rewritten
// fields, and every field of a stream, whose buffer moves on) are copied.
template <class Reader>
void read_ties(GraphBuilder& builder, Reader& reader, std::string_view text, const std::string& source_name,
               const CsvOptions& options) {
  detail::CsvHeader<Reader> header(reader, "ties");
  const TieColumns& columns = options.ties;
  const std::size_t source = header.find(columns.source, "source", true);
  const std::size_t target = header.find(columns.target, "target", true);
  const std::size_t relation = header.find(columns.relation, "relation", false);
  const std::size_t weight = header.find(columns.weight, "weight", false);
  if (relation == absent && columns.default_relation.empty()) {
    throw invalid_argument(source_name + ": no relation column and no default relation");
  }
  const std::uint32_t file = builder.add_source(source_name);

  // Ties go to the builder in batches (its id lookups overlap within a batch).
  // Field views that are not in `text` are copied to `escaped`.
  constexpr std::size_t batch_size = 512;
  std::vector<TieView> batch;
  batch.reserve(batch_size);
  std::deque<std::string> escaped;
  auto stable = [&](std::string_view field) -> std::string_view {
    const bool inside =
        !text.empty() && field.data() >= text.data() && field.data() + field.size() <= text.data() + text.size();
    return inside ? field : std::string_view(escaped.emplace_back(field));
  };
  auto flush = [&] {
    builder.add_ties(batch);
    batch.clear();
    escaped.clear();
  };

  CsvRecord record;
  while (reader.next(record)) {
    check_width(reader, record, header.size());
    const auto& f = record.fields;
    TieView& tie = batch.emplace_back();
    tie.where = TieLocation{file, narrow_column(record.line), narrow_column(f[source].column),
                            narrow_column(f[target].column), weight != absent ? narrow_column(f[weight].column) : 0};
    tie.source = stable(f[source].text);
    tie.target = stable(f[target].text);
    tie.relation = columns.default_relation;
    if (relation != absent) {
      tie.relation = stable(f[relation].text);
      if (tie.relation.empty()) throw invalid_argument(reader.location(f[relation], "relation"), "relation is empty");
    }
    tie.weight = weight != absent ? parse_weight(reader, f[weight]) : 1.0;
    if (batch.size() == batch_size) flush();
  }
  flush();
}

}  // namespace

void read_people_csv(GraphBuilder& builder, std::string_view text, const std::string& source_name,
                     const CsvOptions& options) {
  CsvReader reader(text, source_name, options.dialect);
  read_people(builder, reader, source_name, options);
}

void read_ties_csv(GraphBuilder& builder, std::string_view text, const std::string& source_name,
                   const CsvOptions& options) {
  CsvReader reader(text, source_name, options.dialect);
  read_ties(builder, reader, text, source_name, options);
}

InfluenceGraph load_csv(const std::filesystem::path& people_file, const std::filesystem::path& ties_file,
                        const CsvOptions& options) {
  GraphBuilder builder(options.build);
  const std::string people_name = people_file.string();
  const std::string ties_name = ties_file.string();
  // Both files are streamed: peak memory is the graph plus a chunk, not the files.
  {
    CsvStreamReader reader(people_file, options.dialect);
    read_people(builder, reader, people_name, options);
  }
  {
    CsvStreamReader reader(ties_file, options.dialect);
    read_ties(builder, reader, {}, ties_name, options);
  }
  return std::move(builder).build();
}

InfluenceGraph load_ties_csv(const std::filesystem::path& ties_file, const CsvOptions& options) {
  BuildOptions build = options.build;
  build.unknown_people = UnknownPersonPolicy::create;
  GraphBuilder builder(std::move(build));
  const std::string name = ties_file.string();
  CsvStreamReader reader(ties_file, options.dialect);
  read_ties(builder, reader, {}, name, options);
  return std::move(builder).build();
}

}  // namespace orgnet
