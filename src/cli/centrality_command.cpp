// orgnet centrality: who matters, by several measures at once.

#include <algorithm>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "input.hpp"
#include "orgnet/centrality/centrality_table.hpp"
#include "orgnet/io/output_format.hpp"

namespace orgnet::cli {

void register_centrality(CLI::App& app) {
  struct Options {
    InputOptions input;
    std::string measures;
    std::string sort_by;
    std::size_t top = 10;
    std::string format = "table";
    std::string distance = "neg_log";
    std::string flow = "exerted";
    bool raw = false;
    double damping = CentralityTableOptions{}.damping;
    double katz_alpha = CentralityTableOptions{}.katz_alpha;
    double epsilon = CentralityTableOptions{}.epsilon;
    double delta = CentralityTableOptions{}.delta;
    std::uint64_t seed = CentralityTableOptions{}.seed;
    int threads = 0;
  };
  auto o = std::make_shared<Options>();
  CLI::App* command =
      app.add_subcommand("centrality",
                         "Who matters: degree, strength, closeness, harmonic, betweenness (exact and approximate), "
                         "eigenvector, PageRank, Katz, HITS, coreness");
  add_input_options(*command, o->input);
  command->add_option("-m,--measure", o->measures,
                      "Comma-separated measures (default: degree,strength,closeness,harmonic,betweenness,"
                      "eigenvector,pagerank,katz,hubs,authorities,coreness; 'all' adds in/out variants and "
                      "approx_betweenness)");
  command->add_option("--sort-by", o->sort_by, "Rank by this measure (default: the first one)");
  command->add_option("--top", o->top, "Rows to show; 0 = everyone")->capture_default_str();
  command->add_option("--format", o->format, "Output: table, json or csv")->capture_default_str();
  command->add_option("--distance", o->distance, "Path lengths: neg_log (-ln s), inverse (1/s) or hops")
      ->capture_default_str();
  command
      ->add_option("--flow", o->flow,
                   "exerted: influence a person exerts (outgoing distances, score flowing back along "
                   "influence); received: NetworkX's conventions on the influence graph")
      ->capture_default_str();
  command->add_flag("--raw", o->raw, "Do not normalize degree, strength and betweenness");
  command->add_option("--damping", o->damping, "PageRank damping")->capture_default_str();
  command->add_option("--katz-alpha", o->katz_alpha, "Katz attenuation (below 1/lambda_max)")->capture_default_str();
  command->add_option("--epsilon", o->epsilon, "approx_betweenness: largest absolute error")->capture_default_str();
  command->add_option("--delta", o->delta, "approx_betweenness: failure probability")->capture_default_str();
  command->add_option("--seed", o->seed, "approx_betweenness: random seed")->capture_default_str();
  command->add_option("--threads", o->threads, "Threads; 0 = all (results do not depend on it)")->capture_default_str();
  on_run(command, [o] {
    CentralityTableOptions options;
    if (!o->measures.empty()) options.measures = parse_measures(o->measures);
    options.distance = parse_distance_transform(o->distance);
    options.flow = parse_influence_flow(o->flow);
    options.normalized = !o->raw;
    options.damping = o->damping;
    options.katz_alpha = o->katz_alpha;
    options.epsilon = o->epsilon;
    options.delta = o->delta;
    options.seed = o->seed;
    options.threads = o->threads;
    CentralityWriteOptions write;
    if (!o->sort_by.empty()) write.sort_by = parse_measure(o->sort_by);
    write.top = o->top;
    const OutputFormat format = parse_output_format(o->format);
    LoadedGraph loaded = load_input(o->input);
    write.title = loaded.title;
    if (write.sort_by &&
        std::find(options.measures.begin(), options.measures.end(), *write.sort_by) == options.measures.end()) {
      options.measures.push_back(*write.sort_by);
    }
    const CentralityTable table = centrality_table(loaded.graph, options);
    write_centrality_table(loaded.graph, table, std::cout, format, write);
  });
}

}  // namespace orgnet::cli
