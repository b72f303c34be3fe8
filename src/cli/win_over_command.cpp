// orgnet win-over: whom to convince first so that a target is convinced.

#include <iostream>
#include <memory>
#include <optional>

#include "commands.hpp"
#include "input.hpp"
#include "orgnet/error.hpp"
#include "orgnet/io/output_format.hpp"
#include "orgnet/persuasion/win_over.hpp"
#include "persuasion_output.hpp"

namespace orgnet::cli {

void register_win_over(CLI::App& app) {
  struct Options {
    InputOptions input;
    std::string target;
    std::size_t k = WinOverOptions{}.k;
    std::optional<double> goal;
    double epsilon = WinOverOptions{}.epsilon;
    double delta = WinOverOptions{}.delta;
    std::uint64_t seed = WinOverOptions{}.seed;
    int threads = 0;
    std::vector<std::string> candidates;
    std::string source;
    std::size_t source_steps = WinOverOptions{}.source_steps;
    bool exclude_reports = false;
    std::size_t chains = WinOverOptions{}.chains_per_person;
    std::uint64_t max_samples = WinOverOptions{}.max_samples;
    std::string format = "table";
  };
  auto o = std::make_shared<Options>();
  CLI::App* command =
      app.add_subcommand("win-over",
                         "Whom to convince first so that a target is convinced (Independent Cascade, reverse-reachable "
                         "sampling): the approach order, with the chains through which each person reaches the target");
  add_input_options(*command, o->input);
  command->add_option("--target", o->target, "Person id to win over")->required();
  command->add_option("-k,--count", o->k, "How many people to convince first (with --goal: at most; 0 = no limit)")
      ->capture_default_str();
  command->add_option("--goal", o->goal, "Find the fewest people reaching this probability instead (0..1]");
  command->add_option("--epsilon", o->epsilon, "Approximation slack: within (1 - 1/e - epsilon) of the best plan")
      ->capture_default_str();
  command->add_option("--delta", o->delta, "Failure probability; intervals have confidence 1 - delta")
      ->capture_default_str();
  command->add_option("--seed", o->seed, "Random seed")->capture_default_str();
  command->add_option("--threads", o->threads, "Threads; 0 = all (results do not depend on it)")->capture_default_str();
  command->add_option("--candidates", o->candidates, "Only these people may be chosen (comma-separated ids)")
      ->delimiter(',');
  command->add_option("--source", o->source, "Only people this person reaches within --source-steps steps");
  command->add_option("--source-steps", o->source_steps, "Steps for --source")->capture_default_str();
  command->add_flag("--exclude-reports", o->exclude_reports, "Never choose the target's direct reports");
  command->add_option("--chains", o->chains, "Chains shown per person")->capture_default_str();
  command->add_option("--max-samples", o->max_samples, "Cap on the sampled cascades per pool")->capture_default_str();
  command->add_option("--format", o->format, "Output: table, json or csv")->capture_default_str();
  on_run(command, [o] {
    const OutputFormat format = parse_output_format(o->format);
    LoadedGraph loaded = load_input(o->input);
    const InfluenceGraph& g = loaded.graph;
    const vertex_id target = loaded.vertex_of(o->target);
    WinOverOptions options;
    options.k = o->k;
    options.epsilon = o->epsilon;
    options.delta = o->delta;
    options.seed = o->seed;
    options.threads = o->threads;
    for (const auto& id : o->candidates) options.candidates.push_back(loaded.vertex_of(id));
    if (!o->source.empty()) options.source = loaded.vertex_of(o->source);
    options.source_steps = o->source_steps;
    options.exclude_target_reports = o->exclude_reports;
    options.chains_per_person = o->chains;
    options.max_samples = o->max_samples;
    const WinOverPlan plan =
        o->goal ? smallest_win_over_set(g, target, *o->goal, options) : win_over_plan(g, target, options);
    std::ostream& out = std::cout;
    if (format == OutputFormat::json) {
      JsonWriter json(out);
      json.begin_object();
      json.key("target");
      json_person(json, g, target);
      json.field("probability", plan.probability)
          .field("lower", plan.lower)
          .field("upper", plan.upper)
          .field("confidence", plan.confidence)
          .field("samples", plan.samples)
          .field("evaluation_samples", plan.evaluation_samples)
          .field("guarantee", plan.guarantee)
          .field("candidates", plan.candidates)
          .field("epsilon", plan.epsilon)
          .field("delta", plan.delta)
          .field("seed", plan.seed);
      if (plan.goal) {
        json.field("goal", *plan.goal).field("goal_reached", plan.goal_reached);
      }
      json.key("steps").begin_array();
      for (std::size_t i = 0; i < plan.steps.size(); ++i) {
        const ApproachStep& s = plan.steps[i];
        json.begin_object().field("order", i + 1);
        json.key("person");
        json_person(json, g, s.person);
        json.field("gain", s.gain).field("probability", s.probability).field("alone", s.alone).field("cost", s.cost);
        json.key("chains").begin_array();
        for (const Chain& c : s.chains) json_chain(json, g, c);
        json.end_array().end_object();
      }
      json.end_array().end_object();
      out << '\n';
      return;
    }
    if (format == OutputFormat::csv) {
      out << "order,id,name,department,level,gain,probability,alone,cost,chain,chain_probability\n";
      for (std::size_t i = 0; i < plan.steps.size(); ++i) {
        const ApproachStep& s = plan.steps[i];
        out << i + 1 << ',' << csv_field(g.id(s.person)) << ',' << csv_field(g.name(s.person)) << ','
            << csv_field(department_label(g, s.person)) << ',' << g.level(s.person) << ',' << format_number(s.gain)
            << ',' << format_number(s.probability) << ',' << format_number(s.alone) << ',' << format_number(s.cost)
            << ',' << csv_field(s.chains.empty() ? "" : chain_line(g, s.chains[0])) << ','
            << (s.chains.empty() ? "" : format_number(s.chains[0].probability)) << '\n';
      }
      return;
    }
    out << "Win-over plan for " << person_label(g, target) << "\n";
    if (plan.goal) {
      out << "Goal: " << percent(*plan.goal) << " -- " << (plan.goal_reached ? "reached" : "NOT reached") << " with "
          << plan.steps.size() << " people\n";
    }
    out << "Probability that " << g.id(target) << " is convinced: " << percent(plan.probability) << " ("
        << percent(plan.confidence) << " interval " << percent(plan.lower) << " to " << percent(plan.upper) << ")\n";
    out << "Based on " << plan.samples << " + " << plan.evaluation_samples << " sampled cascades over "
        << plan.candidates << " candidates; "
        << (plan.guarantee ? "within (1 - 1/e - " + format_number(plan.epsilon) + ") of the best plan"
                           : "sample size capped: no approximation guarantee")
        << "\n";
    if (plan.steps.empty()) {
      out << "\nNobody among the candidates can influence " << g.id(target) << ".\n";
      return;
    }
    out << "\nApproach order:\n";
    for (std::size_t i = 0; i < plan.steps.size(); ++i) {
      const ApproachStep& s = plan.steps[i];
      out << i + 1 << ". " << person_label(g, s.person) << "\n";
      out << "   " << (i == 0 ? "first: " : "then: ") << "adds " << percent(s.gain) << " (" << percent(s.probability)
          << " so far); on their own they would win " << g.id(target) << " over with " << percent(s.alone) << "\n";
      if (!options.costs.empty()) out << "   cost " << format_number(s.cost) << "\n";
      for (std::size_t c = 0; c < s.chains.size(); ++c) {
        out << "   " << (c == 0 ? "why: best chain " : "     next chain ") << chain_line(g, s.chains[c]) << " ("
            << percent(s.chains[c].probability) << ")\n";
      }
      if (!s.chains.empty() && s.alone > s.chains[0].probability + 0.005) {
        out << "        the rest of their pull runs through longer and parallel chains\n";
      }
    }
  });
}

}  // namespace orgnet::cli
