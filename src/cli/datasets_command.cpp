// orgnet datasets: the bundled networks and where they come from.

#include <iomanip>
#include <iostream>

#include "commands.hpp"
#include "orgnet/io/datasets.hpp"

namespace orgnet::cli {

void register_datasets(CLI::App& app) {
  CLI::App* command = app.add_subcommand("datasets", "List the bundled organizational networks");
  on_run(command, [] {
    std::cout << "Bundled datasets (in " << bundled_data_dir().string() << "):\n";
    for (const DatasetInfo& d : bundled_datasets()) {
      std::cout << "  " << std::left << std::setw(15) << d.name << d.description << "\n  " << std::setw(15) << ""
                << d.citation << '\n';
    }
  });
}

}  // namespace orgnet::cli
