// orgnet path: the best chains of influence from one person to another.

#include <iostream>
#include <memory>
#include <optional>

#include "commands.hpp"
#include "input.hpp"
#include "orgnet/error.hpp"
#include "orgnet/io/output_format.hpp"
#include "persuasion_output.hpp"

namespace orgnet::cli {

void register_path(CLI::App& app) {
  struct Options {
    InputOptions input;
    std::string from, to;
    std::string objective = "most_probable";
    std::size_t alternatives = 1;
    std::vector<std::string> avoid;
    std::optional<std::size_t> max_steps;
    std::optional<int> max_level_skip;
    std::vector<std::string> relations;
    std::string format = "table";
  };
  auto o = std::make_shared<Options>();
  CLI::App* command = app.add_subcommand(
      "path",
      "Through whom to reach a person: the most probable (or widest, or shortest) chains of influence, "
      "with constraints");
  add_input_options(*command, o->input);
  command->add_option("--from", o->from, "Person id to start from")->required();
  command->add_option("--to", o->to, "Person id to reach")->required();
  command->add_option("--objective", o->objective, "most_probable, widest or fewest_steps")->capture_default_str();
  command
      ->add_option("-k,--alternatives", o->alternatives,
                   "How many chains: the k most probable loopless chains (most_probable only)")
      ->capture_default_str();
  command->add_option("--avoid", o->avoid, "People the chain may not pass through (comma-separated ids)")
      ->delimiter(',');
  command->add_option("--max-steps", o->max_steps, "At most this many steps");
  command->add_option("--max-level-skip", o->max_level_skip,
                      "Hierarchy rule: an upward step may rise at most this many levels (1 = never over your "
                      "manager's head, 0 = no upward step)");
  command->add_option("--relations", o->relations, "Steps must carry one of these relations (comma-separated)")
      ->delimiter(',');
  command->add_option("--format", o->format, "Output: table, json or csv")->capture_default_str();
  on_run(command, [o] {
    const OutputFormat format = parse_output_format(o->format);
    const ChainObjective objective = parse_chain_objective(o->objective);
    if (o->alternatives == 0) throw invalid_argument("--alternatives must be at least 1");
    if (o->alternatives > 1 && objective != ChainObjective::most_probable) {
      throw invalid_argument("--alternatives above 1 needs --objective most_probable");
    }
    LoadedGraph loaded = load_input(o->input);
    const InfluenceGraph& g = loaded.graph;
    const vertex_id source = loaded.vertex_of(o->from), target = loaded.vertex_of(o->to);
    ChainOptions options{.objective = objective};
    for (const auto& id : o->avoid) options.constraints.avoid.push_back(loaded.vertex_of(id));
    options.constraints.max_steps = o->max_steps;
    options.constraints.max_level_skip = o->max_level_skip;
    for (const auto& name : o->relations) {
      const auto r = g.find_relation(name);
      if (!r) throw invalid_argument("--relations: the data has no relation '" + name + "'");
      options.constraints.relations.push_back(*r);
    }
    ChainStatus status{};
    std::string reason;
    std::vector<Chain> chains;
    if (o->alternatives > 1) {
      auto r = k_best_chains(g, source, target, o->alternatives, options);
      status = r.status;
      reason = r.reason;
      chains = std::move(r.chains);
    } else {
      auto r = best_chain(g, source, target, options);
      status = r.status;
      reason = r.reason;
      if (r.found()) chains.push_back(std::move(r.chain));
    }
    std::ostream& out = std::cout;
    if (format == OutputFormat::json) {
      JsonWriter json(out);
      json.begin_object()
          .field("source", g.id(source))
          .field("target", g.id(target))
          .field("objective", to_string(objective))
          .field("status", to_string(status))
          .field("reason", reason);
      json.key("chains").begin_array();
      for (const Chain& c : chains) json_chain(json, g, c);
      json.end_array().end_object();
      out << '\n';
      return;
    }
    if (format == OutputFormat::csv) {
      out << "chain,step,from,to,strength,cumulative\n";
      for (std::size_t i = 0; i < chains.size(); ++i) {
        double cumulative = 1.0;
        for (std::size_t s = 0; s < chains[i].steps(); ++s) {
          cumulative *= chains[i].strengths[s];
          out << i + 1 << ',' << s + 1 << ',' << csv_field(g.id(chains[i].people[s])) << ','
              << csv_field(g.id(chains[i].people[s + 1])) << ',' << format_number(chains[i].strengths[s]) << ','
              << format_number(cumulative) << '\n';
        }
      }
      return;
    }
    out << "Chains of influence from " << person_label(g, source) << " to " << person_label(g, target) << " ("
        << to_string(objective) << ")\n";
    if (chains.empty()) {
      out << "No chain: " << reason << "\n";
      return;
    }
    for (std::size_t i = 0; i < chains.size(); ++i) {
      const Chain& c = chains[i];
      out << "\n"
          << i + 1 << ". probability " << percent(c.probability) << ", " << c.steps() << " step"
          << (c.steps() == 1 ? "" : "s") << ", weakest tie " << format_number(c.weakest) << "\n";
      out << "   " << chain_line(g, c) << "\n";
      double cumulative = 1.0;
      for (std::size_t s = 0; s < c.steps(); ++s) {
        cumulative *= c.strengths[s];
        out << "   " << s + 1 << ") " << person_label(g, c.people[s]) << " -> " << person_label(g, c.people[s + 1])
            << "  strength " << format_number(c.strengths[s]) << ", so far " << percent(cumulative) << "\n";
      }
    }
  });
}

}  // namespace orgnet::cli
