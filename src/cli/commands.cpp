#include "commands.hpp"

#include <map>

namespace orgnet::cli {

namespace {
std::map<const CLI::App*, std::function<void()>>& actions() {
  static std::map<const CLI::App*, std::function<void()>> table;
  return table;
}
}  // namespace

void on_run(CLI::App* command, std::function<void()> run) { actions()[command] = std::move(run); }

void register_commands(CLI::App& app) {
  register_summary(app);
  register_centrality(app);
  register_bottlenecks(app);
  register_structure(app);
  register_spread(app);
  register_opinion(app);
  register_path(app);
  register_win_over(app);
  register_seeds(app);
  register_network_plan(app);
  register_ingest(app);
  register_report(app);
  register_datasets(app);
}

void run_selected(CLI::App& app) {
  for (const CLI::App* command : app.get_subcommands()) {
    auto it = actions().find(command);
    if (it != actions().end()) it->second();
  }
}

}  // namespace orgnet::cli
