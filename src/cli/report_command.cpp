// orgnet report: the self-contained HTML report (tables and an SVG sociogram),
// with pseudonymized ids and suppression of small departments on request.

#include <chrono>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "input.hpp"
#include "orgnet/centrality/centrality_table.hpp"
#include "orgnet/error.hpp"
#include "orgnet/report/html_report.hpp"
#include "progress_line.hpp"

namespace orgnet::cli {

void register_report(CLI::App& app) {
  struct Options {
    InputOptions input;
    std::string out;
    std::string size_by = "pagerank";
    std::string path_from, path_to;
    bool pseudonymize = false;
    std::string salt;
    std::size_t min_group_size = 0;
    std::string title;
    std::uint64_t seed = 42;
    std::size_t top = 10;
    std::size_t max_people = 500;
    std::size_t permutations = 1000;
    int threads = 0;
    bool quiet = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "report",
      "A self-contained HTML report: summary, sociogram, who matters, bottlenecks, departments, informal "
      "structure, and a persuasion chain");
  add_input_options(*command, o->input, /*privacy=*/false);
  command->add_option("-o,--out", o->out, "HTML file to write (default: standard output)");
  command->add_option("--size-by", o->size_by, "Centrality that sizes the people in the sociogram")
      ->capture_default_str();
  command->add_option("--path-from", o->path_from, "Person id: show the most probable chain from them ...");
  command->add_option("--to", o->path_to, "... to this person id");
  command->add_flag("--pseudonymize", o->pseudonymize,
                    "Replace person ids by pseudonyms (P0001, ...) and leave out names and titles");
  command->add_option("--salt", o->salt, "With --pseudonymize: number pseudonyms by a keyed hash of the id");
  command
      ->add_option("--min-group-size", o->min_group_size,
                   "Suppress department figures of departments with fewer people (0 = off)")
      ->capture_default_str();
  command->add_option("--title", o->title, "Heading of the report (default: the dataset or file name)");
  command->add_option("--seed", o->seed, "Seed of the layout, communities and permutation tests")
      ->capture_default_str();
  command->add_option("--top", o->top, "Rows per ranking table")->capture_default_str();
  command->add_option("--max-people", o->max_people, "Draw at most this many people in the sociogram")
      ->capture_default_str();
  command->add_option("--permutations", o->permutations, "Permutations of the E-I test (0 = none)")
      ->capture_default_str();
  command->add_option("--threads", o->threads, "Threads; 0 = all (the report does not depend on it)")
      ->capture_default_str();
  command->add_flag("-q,--quiet", o->quiet,
                    "No step lines on standard error (they follow --progress: shown on a terminal, from 500 people)");
  on_run(command, [o] {
    if (o->path_from.empty() != o->path_to.empty()) throw invalid_argument("--path-from and --to go together");
    if (!o->salt.empty() && !o->pseudonymize) throw invalid_argument("--salt needs --pseudonymize");
    const auto start = std::chrono::steady_clock::now();
    auto elapsed = [start] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    LoadedGraph loaded = load_input(o->input);
    // The report's steps are its progress: shown when the progress line is
    // (orgnet --progress, or stderr is a terminal), for graphs big enough to
    // take a noticeable time.
    const bool verbose = progress_line_installed() && !o->quiet && loaded.graph.num_vertices() >= 500;
    HtmlReportOptions options;
    options.title = o->title.empty() ? "orgnet report: " + loaded.title : o->title;
    options.size_by = parse_measure(o->size_by);
    options.top = o->top;
    options.path_from = o->path_from;
    options.path_to = o->path_to;
    options.pseudonymize = o->pseudonymize;
    options.pseudonym_salt = o->salt;
    options.min_group_size = o->min_group_size;
    options.seed = o->seed;
    options.permutations = o->permutations;
    options.max_sociogram_people = o->max_people;
    options.threads = o->threads;
    if (verbose) {
      options.progress = [elapsed](std::string_view step) {
        std::cerr << "report: " << step << " (" << std::fixed << std::setprecision(2) << elapsed() << " s)\n";
      };
    }
    const HtmlReport report = build_html_report(loaded.graph, options);
    if (o->out.empty()) {
      std::cout << report.html;
    } else {
      std::ofstream file(o->out, std::ios::binary);
      if (!file) throw invalid_argument("--out: cannot write '" + o->out + "'");
      file << report.html;
      if (!file) throw invalid_argument("--out: error while writing '" + o->out + "'");
    }
    if (verbose) {
      std::cerr << "report: done in " << std::fixed << std::setprecision(2) << elapsed() << " s (" << report.html.size()
                << " bytes)\n";
    }
  });
}

}  // namespace orgnet::cli
