// orgnet seeds: whom to start with, with the (1 - 1/e - epsilon) guarantee
// (IMM under Independent Cascade or Linear Threshold).

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "input.hpp"
#include "orgnet/diffusion/influence_maximization.hpp"
#include "orgnet/error.hpp"
#include "orgnet/io/csv_writer.hpp"
#include "orgnet/io/json_writer.hpp"
#include "orgnet/io/output_format.hpp"
#include "people_text.hpp"

namespace orgnet::cli {

namespace {}  // namespace

void register_seeds(CLI::App& app) {
  struct Options {
    InputOptions input;
    std::string model = "ic";
    std::size_t k = ImmOptions{}.k;
    double epsilon = ImmOptions{}.epsilon;
    double delta = ImmOptions{}.delta;
    std::uint64_t seed = ImmOptions{}.seed;
    bool normalize = false;
    std::vector<std::string> candidates;
    std::vector<std::string> convinced;
    int threads = 0;
    std::string format = "table";
  };
  auto o = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "seeds",
      "Whom to start with: k people whose expected spread is within (1 - 1/e - epsilon) of the best k "
      "with probability 1 - delta (IMM, Independent Cascade or Linear Threshold)");
  add_input_options(*command, o->input);
  command->add_option("--model", o->model, "ic (independent cascade) or lt (linear threshold)")->capture_default_str();
  command->add_option("--k", o->k, "Number of people to start with")->capture_default_str();
  command->add_option("--epsilon", o->epsilon, "Approximation slack, in (0, 1)")->capture_default_str();
  command->add_option("--delta", o->delta, "Failure probability, in (0, 1); intervals at confidence 1 - delta")
      ->capture_default_str();
  command->add_option("--seed", o->seed, "Random seed (results do not depend on --threads)")->capture_default_str();
  command->add_flag("--normalize", o->normalize,
                    "lt: divide each person's in-strengths by their sum (otherwise sums above 1 are an error)");
  command->add_option("--candidates", o->candidates, "Only these may be chosen (comma-separated ids)");
  command->add_option("--convinced", o->convinced,
                      "People already convinced: counted in the spread, never chosen (comma-separated ids)");
  command->add_option("--threads", o->threads, "Threads; 0 = all")->capture_default_str();
  command->add_option("--format", o->format, "table, json or csv (one row per seed)")->capture_default_str();
  on_run(command, [o] {
    const OutputFormat format = parse_output_format(o->format);
    const LoadedGraph loaded = load_input(o->input);
    const InfluenceGraph& g = loaded.graph;
    const ImmOptions options{
        .model = parse_cascade_model(o->model),
        .lt_weights = o->normalize ? LinearThresholdWeights::normalize : LinearThresholdWeights::validate,
        .k = o->k,
        .epsilon = o->epsilon,
        .delta = o->delta,
        .seed = o->seed,
        .candidates = person_list(loaded, o->candidates),
        .convinced = person_list(loaded, o->convinced),
        .threads = o->threads};
    const ImmResult r = imm_seeds(g, options);
    std::ostream& out = std::cout;
    switch (format) {
      case OutputFormat::table: {
        out << "Whom to start with in " << loaded.title << " (" << to_string(r.model) << ", k = " << r.k
            << "; IMM: within 1 - 1/e - " << fixed_text(r.epsilon, 3, "nan") << " of the best with probability "
            << fixed_text(1.0 - r.delta, 3, "nan") << ")\n";
        out << "Expected reach " << fixed_text(r.spread, 2, "nan") << " of " << g.num_vertices() << " people ("
            << fixed_text(100.0 * (1.0 - r.delta), 1, "nan") << "% interval " << fixed_text(r.spread_low, 2, "nan")
            << " .. " << fixed_text(r.spread_high, 2, "nan") << ")";
        if (!options.convinced.empty()) out << "; the convinced alone reach " << fixed_text(r.base_spread, 2, "nan");
        out << '\n';
        std::size_t id_width = 2, department_width = 10;
        for (vertex_id v : r.seeds) {
          id_width = std::max(id_width, g.id(v).size());
          department_width = std::max(department_width, department_label(g, v).size());
        }
        out << std::right << std::setw(5) << "order"
            << "  " << std::left << std::setw(static_cast<int>(id_width)) << "id"
            << "  " << std::setw(static_cast<int>(department_width)) << "department" << std::right << std::setw(6)
            << "level" << std::setw(15) << "marginal gain" << std::setw(12) << "cumulative" << '\n';
        double cumulative = r.base_spread;
        for (std::size_t i = 0; i < r.seeds.size(); ++i) {
          const vertex_id v = r.seeds[i];
          cumulative += r.marginal_gain[i];
          out << std::right << std::setw(5) << i + 1 << "  " << std::left << std::setw(static_cast<int>(id_width))
              << g.id(v) << "  " << std::setw(static_cast<int>(department_width)) << department_label(g, v)
              << std::right << std::setw(6) << g.level(v) << std::setw(15) << fixed_text(r.marginal_gain[i], 2, "nan")
              << std::setw(12) << fixed_text(cumulative, 2, "nan") << '\n';
        }
        out << r.rr_sets << " RR sets (theta " << r.theta << ", lower bound on the optimum "
            << fixed_text(r.lower_bound, 2, "nan") << ")\n";
        break;
      }
      case OutputFormat::csv: {
        out << "order,id,department,level,marginal_gain\n";
        for (std::size_t i = 0; i < r.seeds.size(); ++i) {
          const vertex_id v = r.seeds[i];
          out << i + 1 << ',' << csv_field(g.id(v)) << ',' << csv_field(department_label(g, v)) << ',' << g.level(v)
              << ',' << format_number(r.marginal_gain[i]) << '\n';
        }
        break;
      }
      case OutputFormat::json: {
        JsonWriter json(out);
        json.begin_object()
            .field("title", loaded.title)
            .field("model", to_string(r.model))
            .field("people", g.num_vertices())
            .field("k", r.k)
            .field("epsilon", r.epsilon)
            .field("delta", r.delta)
            .field("seed", r.seed);
        json.key("seeds").begin_array();
        for (std::size_t i = 0; i < r.seeds.size(); ++i) {
          const vertex_id v = r.seeds[i];
          json.begin_object()
              .field("id", g.id(v))
              .field("department", department_label(g, v))
              .field("level", g.level(v))
              .field("marginal_gain", r.marginal_gain[i])
              .end_object();
        }
        json.end_array();
        json.key("convinced").begin_array();
        for (vertex_id v : options.convinced) json.value(g.id(v));
        json.end_array();
        json.field("base_spread", r.base_spread)
            .field("spread", r.spread)
            .field("spread_low", r.spread_low)
            .field("spread_high", r.spread_high)
            .field("lower_bound", r.lower_bound)
            .field("lambda_prime", r.lambda_prime)
            .field("lambda_star", r.lambda_star)
            .field("theta", r.theta)
            .field("sampling_rr_sets", r.sampling_rr_sets)
            .field("selection_rr_sets", r.selection_rr_sets)
            .field("evaluation_rr_sets", r.evaluation_rr_sets)
            .field("rr_sets", r.rr_sets);
        json.end_object();
        out << '\n';
        break;
      }
    }
  });
}

}  // namespace orgnet::cli
