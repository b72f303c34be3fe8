#include "orgnet/io/datasets.hpp"

#include <array>
#include <cstdlib>
#include <string>

#include "orgnet/config.hpp"
#include "orgnet/error.hpp"

namespace orgnet {

namespace {

constexpr std::array<DatasetInfo, 5> datasets{{
    {"krackhardt", "krackhardt_high_tech", "21 managers of a high-tech firm: advice, friendship and reports-to ties",
     "Krackhardt, D. (1987). Cognitive social structures. Social Networks 9(2), 109-134."},
    {"lazega", "lazega_law_firm", "71 lawyers of a US corporate law firm: advice, friendship and co-work ties",
     "Lazega, E. (2001). The Collegial Phenomenon. Oxford University Press."},
    {"email_eu_core", "email_eu_core", "1005 members of a European research institution: who emailed whom",
     "Yin, Benson, Leskovec & Gleich (2017), KDD; Leskovec, Kleinberg & Faloutsos (2007), ACM TKDD."},
    {"uk_faculty", "uk_faculty", "81 faculty members of a UK university: weighted friendship ties",
     "Nepusz, Petroczi, Negyessy & Bazso (2008). Physical Review E 77, 016107."},
    {"enron", "enron_email", "184 Enron employees: email to/cc/bcc ties with message counts",
     "Priebe, Conroy, Marchette & Park (2005). Computational and Mathematical Organization Theory 11(3)."},
}};

const DatasetInfo& find_dataset(std::string_view name) {
  for (const auto& d : datasets) {
    if (d.name == name || d.folder == name) return d;
  }
  std::string known;
  for (const auto& d : datasets) known += (known.empty() ? "" : ", ") + std::string(d.name);
  throw invalid_argument("unknown dataset '" + std::string(name) + "' (bundled: " + known + ")");
}

}  // namespace

std::span<const DatasetInfo> bundled_datasets() { return datasets; }

std::filesystem::path bundled_data_dir() {
  if (const char* env = std::getenv("ORGNET_DATA_DIR"); env != nullptr && *env != '\0') {
    std::filesystem::path dir(env);
    if (!std::filesystem::is_directory(dir)) {
      throw invalid_argument("ORGNET_DATA_DIR='" + dir.string() + "' is not a directory");
    }
    return dir;
  }
  for (const char* candidate : {config::source_data_dir, config::installed_data_dir}) {
    std::filesystem::path dir(candidate);
    if (std::filesystem::is_directory(dir / "krackhardt_high_tech")) return dir;
  }
  throw invalid_argument(std::string("bundled data not found (looked in ") + config::source_data_dir + " and " +
                         config::installed_data_dir + "); set ORGNET_DATA_DIR");
}

CsvOptions dataset_csv_options(std::string_view name, const BuildOptions& build) {
  const DatasetInfo& info = find_dataset(name);
  CsvOptions options;
  options.build = build;
  options.people.department = "";
  if (info.name == "krackhardt") {
    options.people.department = "dept";
    options.missing_values = {"0"};  // the README: the CEO's department code 0 means "no department"
    options.people.level = "";       // 1-based in the file; derived from reports_to instead
  } else if (info.name == "lazega") {
    options.people.department = "office_label";
  } else if (info.name == "email_eu_core") {
    options.people.department = "department";
  } else if (info.name == "uk_faculty") {
    options.people.department = "group";
  } else if (info.name == "enron") {
    options.people.title = "note";
    options.missing_values = {"NA"};  // the README: position unknown for 54 people
  }
  return options;
}

InfluenceGraph load_dataset(std::string_view name, const BuildOptions& build) {
  const DatasetInfo& info = find_dataset(name);
  const std::filesystem::path folder = bundled_data_dir() / info.folder;
  return load_csv(folder / "nodes.csv", folder / "edges.csv", dataset_csv_options(name, build));
}

}  // namespace orgnet
