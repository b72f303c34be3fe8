// orgnet spread: how far an idea spreads from the people who start it
// (Independent Cascade or Linear Threshold, Monte Carlo with intervals).

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <memory>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "input.hpp"
#include "orgnet/centrality/ranking.hpp"
#include "orgnet/diffusion/reachability.hpp"
#include "orgnet/diffusion/simulation.hpp"
#include "orgnet/error.hpp"
#include "orgnet/io/csv_writer.hpp"
#include "orgnet/io/json_writer.hpp"
#include "orgnet/io/output_format.hpp"
#include "people_text.hpp"

namespace orgnet::cli {

namespace {

/// The person with the largest total out-strength (lowest vertex id on ties).
vertex_id strongest_sender(const InfluenceGraph& graph) {
  vertex_id best = 0;
  double best_sum = -1.0;
  for (vertex_id v = 0; v < graph.num_vertices(); ++v) {
    const auto s = graph.out_strengths(v);
    const double sum = std::accumulate(s.begin(), s.end(), 0.0);
    if (sum > best_sum) {
      best_sum = sum;
      best = v;
    }
  }
  return best;
}

void write_reachability(const LoadedGraph& loaded, const std::vector<vertex_id>& seeds, std::size_t within,
                        double min_probability, bool best_chain, const SimulationOptions& simulation, std::size_t top,
                        OutputFormat format) {
  const InfluenceGraph& g = loaded.graph;
  const ReachabilityResult r =
      reachable_within(g, seeds,
                       {.max_steps = within,
                        .min_probability = min_probability,
                        .method = best_chain ? ReachabilityMethod::best_chain : ReachabilityMethod::cascade,
                        .simulation = simulation});
  std::vector<char> uncertain(g.num_vertices(), 0);
  for (vertex_id v : r.uncertain) uncertain[v] = 1;
  const std::string steps_text = within ? std::to_string(within) + " steps" : std::string("any number of steps");
  std::ostream& out = std::cout;
  switch (format) {
    case OutputFormat::table: {
      out << "Reached in " << loaded.title << " within " << steps_text
          << " with probability >= " << fixed_text(min_probability, 3, "nan") << " (" << to_string(r.method)
          << (best_chain ? "" : ", +/- " + fixed_text(r.margin, 4, "nan")) << "): " << r.reached.size() << " of "
          << g.num_vertices() << " people\n";
      std::size_t id_width = 2, department_width = 10;
      for (vertex_id v : r.reached) {
        id_width = std::max(id_width, g.id(v).size());
        department_width = std::max(department_width, department_label(g, v).size());
      }
      out << std::right << std::setw(5) << "rank"
          << "  " << std::left << std::setw(static_cast<int>(id_width)) << "id"
          << "  " << std::setw(static_cast<int>(department_width)) << "department" << std::right << std::setw(12)
          << "probability" << (best_chain ? "  steps" : "") << '\n';
      const std::size_t rows = top == 0 ? r.reached.size() : std::min(top, r.reached.size());
      for (std::size_t i = 0; i < rows; ++i) {
        const vertex_id v = r.reached[i];
        out << std::right << std::setw(5) << i + 1 << "  " << std::left << std::setw(static_cast<int>(id_width))
            << g.id(v) << "  " << std::setw(static_cast<int>(department_width)) << department_label(g, v) << std::right
            << std::setw(12) << fixed_text(r.probability[v], 4, "nan");
        if (best_chain) out << std::setw(7) << r.steps[v];
        if (uncertain[v]) out << "  (uncertain)";
        out << '\n';
      }
      if (!r.uncertain.empty()) {
        out << r.uncertain.size() << " people are within the margin of the threshold (more --simulations settle "
            << "them)\n";
      }
      break;
    }
    case OutputFormat::csv: {
      out << "id,department,probability,reached" << (best_chain ? ",steps" : ",uncertain") << '\n';
      std::vector<char> reached(g.num_vertices(), 0);
      for (vertex_id v : r.reached) reached[v] = 1;
      for (vertex_id v = 0; v < g.num_vertices(); ++v) {
        out << csv_field(g.id(v)) << ',' << csv_field(department_label(g, v)) << ',' << format_number(r.probability[v])
            << ',' << (reached[v] ? 1 : 0) << ',';
        if (best_chain) {
          if (r.steps[v] != unreached) out << r.steps[v];
        } else {
          out << (uncertain[v] ? 1 : 0);
        }
        out << '\n';
      }
      break;
    }
    case OutputFormat::json: {
      JsonWriter json(out);
      json.begin_object()
          .field("title", loaded.title)
          .field("method", to_string(r.method))
          .field("max_steps", r.max_steps)
          .field("min_probability", r.min_probability)
          .field("margin", r.margin);
      json.key("reached").begin_array();
      for (vertex_id v : r.reached) {
        json.begin_object()
            .field("id", g.id(v))
            .field("department", department_label(g, v))
            .field("probability", r.probability[v]);
        if (best_chain) json.field("steps", r.steps[v]);
        json.field("uncertain", uncertain[v] != 0).end_object();
      }
      json.end_array();
      json.key("uncertain").begin_array();
      for (vertex_id v : r.uncertain) json.value(g.id(v));
      json.end_array();
      json.end_object();
      out << '\n';
      break;
    }
  }
}

}  // namespace

void register_spread(CLI::App& app) {
  struct Options {
    InputOptions input;
    std::vector<std::string> from;
    std::string model = "ic";
    std::size_t simulations = SimulationOptions{}.simulations;
    std::uint64_t seed = SimulationOptions{}.seed;
    double delta = SimulationOptions{}.delta;
    std::size_t max_steps = 0;
    bool normalize = false;
    int threads = 0;
    std::size_t top = 10;
    std::string format = "table";
    std::size_t within = 0;
    bool within_given = false;
    double min_probability = ReachabilityOptions{}.min_probability;
    bool best_chain = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "spread",
      "How far an idea spreads from the people who start it: expected reach with a confidence interval, "
      "each person's chance, adoption by department and by step (Monte Carlo)");
  add_input_options(*command, o->input);
  command->add_option("--from", o->from,
                      "People who start convinced (comma-separated ids; default: the person with the largest "
                      "total out-strength)");
  command->add_option("--model", o->model, "ic (independent cascade) or lt (linear threshold)")->capture_default_str();
  command->add_option("--simulations", o->simulations, "Simulated worlds")->capture_default_str();
  command->add_option("--seed", o->seed, "Random seed (results do not depend on --threads)")->capture_default_str();
  command->add_option("--delta", o->delta, "Intervals at confidence 1 - delta")->capture_default_str();
  command->add_option("--max-steps", o->max_steps, "Stop after this many steps; 0 = until it stops")
      ->capture_default_str();
  command->add_flag("--normalize", o->normalize,
                    "lt: divide each person's in-strengths by their sum (otherwise sums above 1 are an error)");
  command->add_option("--threads", o->threads, "Threads; 0 = all")->capture_default_str();
  command->add_option("--top", o->top, "People to list (table); 0 = everyone")->capture_default_str();
  command
      ->add_option("--format", o->format,
                   "table, json (everything) or csv (one row per person: id, department, seed, probability)")
      ->capture_default_str();
  command->add_option("--within", o->within,
                      "Reachability: list who is reached within H steps (0 = any number) with probability >= "
                      "--min-probability");
  command->add_option("--min-probability", o->min_probability, "Reachability: the probability p to reach")
      ->capture_default_str();
  command->add_flag("--best-chain", o->best_chain,
                    "Reachability: use the most probable chain of at most H steps (exact) instead of the cascade");
  on_run(command, [o, command] {
    o->within_given =
        command->count("--within") > 0 || command->count("--min-probability") > 0 || command->count("--best-chain") > 0;
    const OutputFormat format = parse_output_format(o->format);
    SimulationOptions options{
        .model = parse_cascade_model(o->model),
        .simulations = o->simulations,
        .seed = o->seed,
        .delta = o->delta,
        .max_steps = o->max_steps,
        .lt_weights = o->normalize ? LinearThresholdWeights::normalize : LinearThresholdWeights::validate,
        .threads = o->threads};
    const LoadedGraph loaded = load_input(o->input);
    const InfluenceGraph& g = loaded.graph;
    std::vector<vertex_id> seeds = person_list(loaded, o->from);
    if (o->from.empty() && g.num_vertices() > 0) seeds.push_back(strongest_sender(g));
    if (o->within_given) {
      write_reachability(loaded, seeds, o->within, o->min_probability, o->best_chain, options, o->top, format);
      return;
    }
    const SimulationResult r = simulate_spread(g, seeds, options);
    const std::size_t n = g.num_vertices();
    std::vector<char> is_seed(n, 0);
    for (vertex_id s : r.seeds) is_seed[s] = 1;
    const auto ranked = top_k(g, r.probability, {.k = format == OutputFormat::table ? o->top : 0});

    // Departments ordered by adoption, lowest (most resistant) first.
    // --min-group-size: small departments are counted, not shown.
    std::vector<department_id> departments;
    std::size_t suppressed = 0;
    for (department_id d = 0; d < static_cast<department_id>(g.num_departments()); ++d) {
      if (g.department_members(d).empty()) continue;
      if (loaded.suppressed(g.department_members(d).size())) {
        ++suppressed;
      } else {
        departments.push_back(d);
      }
    }
    std::stable_sort(departments.begin(), departments.end(), [&](department_id a, department_id b) {
      return r.department_adoption[a] < r.department_adoption[b];
    });

    std::ostream& out = std::cout;
    switch (format) {
      case OutputFormat::table: {
        out << "Spread in " << loaded.title << " from ";
        for (std::size_t i = 0; i < r.seeds.size(); ++i) out << (i ? ", " : "") << g.id(r.seeds[i]);
        if (r.seeds.empty()) out << "nobody";
        out << " (" << to_string(r.model) << ", " << r.simulations << " simulations, seed " << r.seed << ")\n";
        out << "  expected reach  " << fixed_text(r.expected_reach, 2, "nan") << " of " << n << " people  ("
            << fixed_text(100.0 * (1.0 - r.delta), 1, "nan") << "% interval " << fixed_text(r.reach_low, 2, "nan")
            << " .. " << fixed_text(r.reach_high, 2, "nan") << ")\n";
        out << "  by step         ";
        for (std::size_t t = 0; t < r.adoption_curve.size(); ++t) {
          out << (t ? "  " : "") << t << ": " << fixed_text(r.adoption_curve[t], 2, "nan");
        }
        out << '\n';
        if (!departments.empty()) {
          std::size_t width = 10;
          for (department_id d : departments) width = std::max(width, g.department_name(d).size());
          out << "\nDepartments, most resistant first\n";
          out << "  " << std::left << std::setw(static_cast<int>(width)) << "department" << std::right << std::setw(9)
              << "members" << std::setw(10) << "adoption" << '\n';
          for (department_id d : departments) {
            out << "  " << std::left << std::setw(static_cast<int>(width)) << g.department_name(d) << std::right
                << std::setw(9) << g.department_members(d).size() << std::setw(10)
                << fixed_text(r.department_adoption[d], 4, "nan") << '\n';
          }
        }
        if (suppressed > 0) {
          out << "  (" << suppressed << " department(s) under " << loaded.min_group_size << " people suppressed)\n";
        }
        std::size_t id_width = 2, department_width = 10;
        for (const auto& row : ranked) {
          id_width = std::max(id_width, row.id.size());
          department_width = std::max(department_width, row.department.size());
        }
        out << "\nPeople most likely reached (probability within +/- " << fixed_text(r.probability_margin, 4, "nan")
            << ")\n";
        out << std::right << std::setw(5) << "rank"
            << "  " << std::left << std::setw(static_cast<int>(id_width)) << "id"
            << "  " << std::setw(static_cast<int>(department_width)) << "department" << std::right << std::setw(12)
            << "probability" << '\n';
        for (const auto& row : ranked) {
          out << std::right << std::setw(5) << row.rank << "  " << std::left << std::setw(static_cast<int>(id_width))
              << row.id << "  " << std::setw(static_cast<int>(department_width)) << row.department << std::right
              << std::setw(12) << fixed_text(row.score, 4, "nan") << (is_seed[row.vertex] ? "  (seed)" : "") << '\n';
        }
        break;
      }
      case OutputFormat::csv: {
        out << "id,department,seed,probability\n";
        for (vertex_id v = 0; v < n; ++v) {
          out << csv_field(g.id(v)) << ',' << csv_field(department_label(g, v)) << ',' << (is_seed[v] ? 1 : 0) << ','
              << format_number(r.probability[v]) << '\n';
        }
        break;
      }
      case OutputFormat::json: {
        JsonWriter json(out);
        json.begin_object();
        json.field("title", loaded.title).field("model", to_string(r.model));
        json.key("seeds").begin_array();
        for (vertex_id s : r.seeds) json.value(g.id(s));
        json.end_array();
        json.field("people", n)
            .field("simulations", r.simulations)
            .field("seed", r.seed)
            .field("delta", r.delta)
            .field("expected_reach", r.expected_reach)
            .field("reach_stddev", r.reach_stddev)
            .field("reach_low", r.reach_low)
            .field("reach_high", r.reach_high)
            .field("probability_margin", r.probability_margin)
            .field("no_department_reach", r.no_department_reach);
        json.key("adoption_curve").begin_array();
        for (double x : r.adoption_curve) json.value(x);
        json.end_array();
        json.key("departments").begin_array();
        for (department_id d : departments) {
          json.begin_object()
              .field("department", g.department_name(d))
              .field("members", g.department_members(d).size())
              .field("adoption", r.department_adoption[d])
              .end_object();
        }
        json.end_array();
        if (suppressed > 0) {
          json.key("departments_suppressed")
              .begin_object()
              .field("departments", suppressed)
              .field("min_group_size", loaded.min_group_size)
              .end_object();
        }
        json.key("probability").begin_object();
        for (const auto& row : ranked) json.field(row.id, row.score);
        json.end_object();
        json.end_object();
        out << '\n';
        break;
      }
    }
  });
}

}  // namespace orgnet::cli
