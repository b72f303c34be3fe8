#pragma once
// People and ties from CSV files, with column mapping.
//
// People file: one row per person, a header line naming the columns. The `id`
// column is required; name, department, title, level and manager are read when
// present; every other column becomes a free attribute. Ties file: source,
// target (required), relation and weight (optional; defaults below).
//
// Column names are mappable (Krackhardt calls the department "dept"): a mapped
// name that differs from the default must exist in the header, a default name
// that is absent is simply not read, and an empty name turns the field off (its
// column, if any, becomes a free attribute).
//
// Every error is an orgnet::invalid_argument whose message starts with
// "file:line:column: " and says what was expected.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "orgnet/io/csv_reader.hpp"
#include "orgnet/model/graph_builder.hpp"
#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

struct PeopleColumns {
  std::string id = "id";
  std::string name = "name";
  std::string department = "department";
  std::string title = "title";
  std::string level = "level";
  std::string manager = "manager";
};

struct TieColumns {
  std::string source = "source";
  std::string target = "target";
  std::string relation = "relation";
  std::string weight = "weight";
  /// Relation of ties when the file has no relation column.
  std::string default_relation = "tie";
};

struct CsvOptions {
  CsvDialect dialect = {};
  PeopleColumns people = {};
  /// Values that mean "none" in the people's name, department, title, level and
  /// manager fields (e.g. "NA", or Krackhardt's department code "0" for the CEO).
  /// Free attributes keep their text as is.
  std::vector<std::string> missing_values = {};
  TieColumns ties = {};
  BuildOptions build = {};
};

/// Loads a people file and a ties file. Throws orgnet::invalid_argument on any
/// problem, naming file, line and column. The files are streamed in 1 MiB
/// chunks (CsvStreamReader): peak memory is the graph plus a chunk, not the
/// file sizes; records and messages are those of read_people_csv and
/// read_ties_csv on the same text (see csv_stream.hpp for the order of a
/// UTF-8 error).
[[nodiscard]] InfluenceGraph load_csv(const std::filesystem::path& people_file, const std::filesystem::path& ties_file,
                                      const CsvOptions& options = {});

/// Loads a ties file alone; every person named by a tie is created (with no
/// attributes), whatever options.build.unknown_people says.
[[nodiscard]] InfluenceGraph load_ties_csv(const std::filesystem::path& ties_file, const CsvOptions& options = {});

/// Adds the people of CSV `text` to `builder`; `source_name` prefixes errors.
void read_people_csv(GraphBuilder& builder, std::string_view text, const std::string& source_name,
                     const CsvOptions& options = {});

/// Adds the ties of CSV `text` to `builder`; `source_name` prefixes errors.
void read_ties_csv(GraphBuilder& builder, std::string_view text, const std::string& source_name,
                   const CsvOptions& options = {});

}  // namespace orgnet
