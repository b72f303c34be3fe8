// orgnet summary: people, ties per relation, departments, density,
// reciprocity, components, hierarchy depth and span of control.

#include <iostream>
#include <memory>

#include "commands.hpp"
#include "input.hpp"
#include "orgnet/io/output_format.hpp"
#include "orgnet/report/summary.hpp"

namespace orgnet::cli {

void register_summary(CLI::App& app) {
  struct Options {
    InputOptions input;
    std::string format = "table";
  };
  auto options = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand("summary",
                                         "Figures to check first: size, relations, departments, "
                                         "density, reciprocity, components, hierarchy");
  add_input_options(*command, options->input);
  command->add_option("--format", options->format, "Output: table, json or csv")->capture_default_str();
  on_run(command, [options] {
    const OutputFormat format = parse_output_format(options->format);
    LoadedGraph loaded = load_input(options->input);
    GraphSummary summary = summarize(loaded.graph);
    suppress_small_departments(summary, loaded.min_group_size);
    write_summary(summary, std::cout, format, loaded.title);
  });
}

}  // namespace orgnet::cli
