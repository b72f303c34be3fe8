#include "orgnet/io/csv.hpp"

#include <charconv>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "orgnet/error.hpp"

namespace orgnet {

namespace {

constexpr std::size_t absent = static_cast<std::size_t>(-1);

// Header of a CSV file: column names and lookup with the mapping rules of csv.hpp.
class Header {
 public:
  Header(CsvReader& reader, const std::string& what) : reader_(reader) {
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
  CsvReader& reader_;
  CsvRecord record_;
  std::vector<std::string> names_;
  std::vector<std::size_t> used_;
};

void check_width(const CsvReader& reader, const CsvRecord& record, std::size_t expected) {
  if (record.fields.size() == expected) return;
  const CsvField& at = record.fields.size() > expected ? record.fields[expected] : record.fields.back();
  throw invalid_argument(
      reader.location(at),
      "expected " + std::to_string(expected) + " fields as in the header, got " + std::to_string(record.fields.size()));
}

double parse_weight(const CsvReader& reader, const CsvField& field) {
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

std::optional<int> parse_level(const CsvReader& reader, const CsvField& field) {
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

}  // namespace

void read_people_csv(GraphBuilder& builder, std::string_view text, const std::string& source_name,
                     const CsvOptions& options) {
  CsvReader reader(text, source_name, options.dialect);
  Header header(reader, "people");
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

void read_ties_csv(GraphBuilder& builder, std::string_view text, const std::string& source_name,
                   const CsvOptions& options) {
  CsvReader reader(text, source_name, options.dialect);
  Header header(reader, "ties");
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
  // Field views point into `text`, except fields that had doubled quotes, which
  // the reader rewrites into storage it reuses: those are copied to `escaped`.
  constexpr std::size_t batch_size = 512;
  std::vector<TieView> batch;
  batch.reserve(batch_size);
  std::deque<std::string> escaped;
  auto stable = [&](std::string_view field) -> std::string_view {
    const bool inside = field.data() >= text.data() && field.data() + field.size() <= text.data() + text.size();
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

InfluenceGraph load_csv(const std::filesystem::path& people_file, const std::filesystem::path& ties_file,
                        const CsvOptions& options) {
  GraphBuilder builder(options.build);
  const std::string people_name = people_file.string();
  const std::string ties_name = ties_file.string();
  {
    const std::string text = read_text_file(people_name);
    read_people_csv(builder, text, people_name, options);
  }
  {
    const std::string text = read_text_file(ties_name);
    read_ties_csv(builder, text, ties_name, options);
  }
  return std::move(builder).build();
}

InfluenceGraph load_ties_csv(const std::filesystem::path& ties_file, const CsvOptions& options) {
  BuildOptions build = options.build;
  build.unknown_people = UnknownPersonPolicy::create;
  GraphBuilder builder(std::move(build));
  const std::string name = ties_file.string();
  const std::string text = read_text_file(name);
  read_ties_csv(builder, text, name, options);
  return std::move(builder).build();
}

}  // namespace orgnet
