#pragma once
// The published organizational networks bundled with orgnet (data/, each
// folder with a README giving provenance, licence and direction semantics).
//
//   name            people  ties    relations                         department column
//   krackhardt         21    312    advice, friendship, reports_to    dept (CEO's "0" = none)
//   lazega             71   2571    advice, friendship, cowork        office_label
//   email_eu_core    1005  25571    email                             department
//   uk_faculty         81    817    friendship (weighted)             group
//   enron             184   5295    email_to, email_cc, email_bcc     (none; title = note, "NA" = none)
//
// Krackhardt's file numbers levels from 1 (CEO); orgnet's levels start at 0, so
// the loader derives them from the reports_to ties (CEO 0, VPs 1, managers 2)
// and keeps the file's column as the free attribute "level".

#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "orgnet/io/csv.hpp"
#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

struct DatasetInfo {
  std::string_view name;    ///< Short name used by load_dataset and the CLI.
  std::string_view folder;  ///< Folder under the data directory.
  std::string_view description;
  std::string_view citation;
};

/// All bundled datasets, Krackhardt first (the default of the CLI).
[[nodiscard]] std::span<const DatasetInfo> bundled_datasets();

/// The data directory: $ORGNET_DATA_DIR if set, else the source tree orgnet was
/// built from, else the installed share/orgnet/data. Throws
/// orgnet::invalid_argument if none exists.
[[nodiscard]] std::filesystem::path bundled_data_dir();

/// CSV column mapping and options for a bundled dataset.
[[nodiscard]] CsvOptions dataset_csv_options(std::string_view name, const BuildOptions& build = {});

/// Loads a bundled dataset by short name (or folder name). Throws
/// orgnet::invalid_argument listing the known names for an unknown one.
[[nodiscard]] InfluenceGraph load_dataset(std::string_view name, const BuildOptions& build = {});

}  // namespace orgnet
