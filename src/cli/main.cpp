// orgnet: organizational network analysis from the command line.
//
// Every subcommand reads one network (a bundled dataset by default) and writes
// a table, JSON or CSV. Errors are one line on stderr and exit code 2.

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <cstdio>
#include <exception>
#include <iostream>

#include "commands.hpp"
#include "orgnet/config.hpp"
#include "orgnet/logging.hpp"
#include "progress_line.hpp"

namespace {

int run(int argc, char** argv) {
  CLI::App app{
      "orgnet: see the organization as it really works (who matters, where it jams, "
      "how to win someone over)",
      "orgnet"};
  app.require_subcommand(1);
  app.set_version_flag("--version", orgnet::config::version);
  bool verbose = false;
  app.add_flag("-v,--verbose", verbose, "Log what orgnet does to stderr");
  // Progress of long loops on stderr: on by default when stderr is a terminal.
  bool progress = ::isatty(STDERR_FILENO) == 1;
  app.add_flag("--progress,!--no-progress", progress,
               "Show a progress line for long work on stderr (default: when stderr is a terminal)");

  orgnet::cli::register_commands(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help, --version
  } catch (const CLI::ParseError& e) {
    std::cerr << "orgnet: error: " << e.what() << " (see orgnet --help)\n";
    return 2;
  }
  if (verbose) orgnet::set_log_level(orgnet::LogLevel::info);
  if (progress) orgnet::cli::install_progress_line();
  try {
    orgnet::cli::run_selected(app);
  } catch (const std::exception& e) {
    std::cerr << "orgnet: error: " << e.what() << '\n';
    return 2;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // Setting up the commands can throw too (e.g. std::bad_alloc): nothing escapes main.
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "orgnet: error: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "orgnet: error: unknown failure\n";
  }
  return 2;
}
