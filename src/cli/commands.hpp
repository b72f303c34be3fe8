#pragma once
// Registry of subcommands. Each capability adds one file under src/cli/ with a
// register_<name> function and lists it in commands.cpp.

#include <CLI/CLI.hpp>

#include <functional>

namespace orgnet::cli {

/// Adds every subcommand to `app`.
void register_commands(CLI::App& app);

/// Runs the subcommand that was parsed. Throws on bad input.
void run_selected(CLI::App& app);

/// Called by each command's register function: binds the code to run.
void on_run(CLI::App* command, std::function<void()> run);

void register_summary(CLI::App& app);
void register_datasets(CLI::App& app);
void register_centrality(CLI::App& app);
void register_bottlenecks(CLI::App& app);
void register_structure(CLI::App& app);
void register_spread(CLI::App& app);        // spread_command.cpp
void register_opinion(CLI::App& app);       // opinion_command.cpp
void register_path(CLI::App& app);          // path_command.cpp
void register_win_over(CLI::App& app);      // win_over_command.cpp
void register_seeds(CLI::App& app);         // seeds_command.cpp
void register_network_plan(CLI::App& app);  // network_plan_command.cpp
void register_ingest(CLI::App& app);        // ingest_command.cpp
void register_report(CLI::App& app);        // report_command.cpp

}  // namespace orgnet::cli
