// orgnet network-plan: one person's stakeholder map, coverage gaps and the
// fewest new contacts that connect them to every department and to the top.

#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "commands.hpp"
#include "input.hpp"
#include "orgnet/error.hpp"
#include "orgnet/io/output_format.hpp"
#include "orgnet/persuasion/network_plan.hpp"
#include "persuasion_output.hpp"

namespace orgnet::cli {

namespace {

std::string join(const std::vector<std::string>& parts, const char* sep) {
  std::string s;
  for (std::size_t i = 0; i < parts.size(); ++i) s += (i ? sep : "") + parts[i];
  return s;
}

void json_group(JsonWriter& json, const OrgGroup& group) {
  json.begin_object()
      .field("kind", group.kind == GroupKind::department ? "department" : "level")
      .field("value", group.value)
      .field("label", group.label)
      .end_object();
}

void json_ties(JsonWriter& json, const InfluenceGraph& g, const std::vector<DirectTie>& ties) {
  json.begin_array();
  for (const DirectTie& t : ties) {
    json.begin_object();
    json.key("person");
    json_person(json, g, t.person);
    json.field("strength", t.strength);
    json.key("relations").begin_array();
    for (const auto& r : t.relations) json.value(r);
    json.end_array().end_object();
  }
  json.end_array();
}

void json_reach(JsonWriter& json, const InfluenceGraph& g, const std::vector<GroupReach>& reach) {
  json.begin_array();
  for (const GroupReach& r : reach) {
    json.begin_object();
    json.key("group");
    json_group(json, r.group);
    json.field("size", r.size).field("probability", r.probability).field("covered", r.covered);
    json.key("chain");
    if (r.chain.people.empty()) {
      json.null();
    } else {
      json_chain(json, g, r.chain);
    }
    json.key("influential").begin_array();
    for (const RankedPerson& p : r.influential) {
      json.begin_object().field("rank", p.rank);
      json.key("person");
      json_person(json, g, p.vertex);
      json.field("score", p.score).end_object();
    }
    json.end_array().end_object();
  }
  json.end_array();
}

void write_json(std::ostream& out, const InfluenceGraph& g, const NetworkPlanResult& r) {
  const NetworkPlanOptions& o = r.options;
  JsonWriter json(out);
  json.begin_object();
  json.key("person");
  json_person(json, g, r.map.person);
  json.key("options").begin_object().field("min_probability", o.min_probability);
  json.key("max_steps");
  if (o.max_steps) {
    json.value(*o.max_steps);
  } else {
    json.null();
  }
  json.field("new_tie_strength", o.new_tie_strength)
      .field("candidates", to_string(o.candidates))
      .field("candidate_steps", o.candidate_steps)
      .field("peer_levels", o.peer_levels)
      .field("measure", to_string(o.measure))
      .end_object();
  json.key("stakeholders").begin_object();
  json.key("influenced_by");
  json_ties(json, g, r.map.influenced_by);
  json.key("influences");
  json_ties(json, g, r.map.influences);
  json.key("second_degree").begin_array();
  for (const SecondDegreeContact& c : r.map.second_degree) {
    json.begin_object();
    json.key("person");
    json_person(json, g, c.person);
    json.field("common_contacts", c.common_contacts).field("via", g.id(c.via)).end_object();
  }
  json.end_array();
  json.key("chain_of_command").begin_array();
  for (const vertex_id v : r.map.chain_of_command) json_person(json, g, v);
  json.end_array();
  json.key("departments");
  json_reach(json, g, r.map.departments);
  json.key("levels");
  json_reach(json, g, r.map.levels);
  json.end_object();
  json.key("gaps").begin_array();
  for (const CoverageGap& gap : r.gaps) {
    json.begin_object();
    json.key("group");
    json_group(json, gap.group);
    json.field("probability", gap.probability);
    json.key("bridges").begin_array();
    for (const GapBridge& b : gap.bridges) {
      json.begin_object();
      json.key("person");
      json_person(json, g, b.person);
      json.field("probability", b.probability)
          .field("steps", b.steps)
          .field("member", g.id(b.member))
          .field("current_reach", b.current_reach)
          .end_object();
    }
    json.end_array().end_object();
  }
  json.end_array();
  const NetworkingPlan& plan = r.plan;
  json.key("plan")
      .begin_object()
      .field("targets", plan.targets)
      .field("candidates", plan.candidates)
      .field("complete", plan.complete())
      .field("largest_coverage", plan.largest_coverage)
      .field("bound_factor", plan.bound_factor)
      .field("reason", plan.reason);
  json.key("steps").begin_array();
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    const PlanStep& s = plan.steps[i];
    json.begin_object().field("order", i + 1);
    json.key("contact");
    json_person(json, g, s.contact);
    json.field("kind", s.strengthen ? "strengthen" : "new")
        .field("current_strength", s.current_strength)
        .field("current_reach", s.current_reach);
    json.key("opens").begin_array();
    for (const Opening& op : s.opens) {
      json.begin_object();
      json.key("group");
      json_group(json, op.group);
      json.field("previous_probability", op.previous_probability).field("probability", op.probability);
      json.key("chain");
      json_chain(json, g, op.chain);
      json.end_object();
    }
    json.end_array().end_object();
  }
  json.end_array();
  json.key("unreachable").begin_array();
  for (const OrgGroup& u : plan.unreachable) json_group(json, u);
  json.end_array().end_object();
  json.key("attention").begin_object();
  json.key("decision_maker");
  json_person(json, g, r.attention.decision_maker);
  json.field("rank_by", to_string(o.attention.rank_by));
  json.field("converged", r.attention.convergence.converged);
  json.key("people").begin_array();
  for (const AttentionEntry& a : r.attention.people) {
    json.begin_object();
    json.key("person");
    json_person(json, g, a.person);
    json.field("pagerank", a.score);
    json.key("chain");
    if (a.chain.people.empty()) {
      json.null();
    } else {
      json_chain(json, g, a.chain);
    }
    json.end_object();
  }
  json.end_array().end_object().end_object();
  out << '\n';
}

void write_csv(std::ostream& out, const InfluenceGraph& g, const NetworkPlanResult& r) {
  out << "order,contact,name,department,level,kind,current_strength,opens,previous_probability,probability,chain\n";
  for (std::size_t i = 0; i < r.plan.steps.size(); ++i) {
    const PlanStep& s = r.plan.steps[i];
    for (const Opening& op : s.opens) {
      out << i + 1 << ',' << csv_field(g.id(s.contact)) << ',' << csv_field(g.name(s.contact)) << ','
          << csv_field(department_label(g, s.contact)) << ',' << g.level(s.contact) << ','
          << (s.strengthen ? "strengthen" : "new") << ',' << format_number(s.current_strength) << ','
          << csv_field(op.group.label) << ',' << format_number(op.previous_probability) << ','
          << format_number(op.probability) << ',' << csv_field(chain_line(g, op.chain)) << '\n';
    }
  }
}

std::string tie_list(const InfluenceGraph& g, const std::vector<DirectTie>& ties, std::size_t limit) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < ties.size() && i < limit; ++i) {
    parts.push_back(g.id(ties[i].person) + " " + fixed_text(ties[i].strength, 2) + " " + join(ties[i].relations, "+"));
  }
  std::string s = join(parts, ", ");
  if (ties.size() > limit) s += ", ... (" + std::to_string(ties.size() - limit) + " more)";
  return s.empty() ? "nobody" : s;
}

void write_reach(std::ostream& out, const InfluenceGraph& g, const std::vector<GroupReach>& reach, bool members) {
  for (const GroupReach& r : reach) {
    out << "  " << (r.covered ? "ok  " : "GAP ") << r.group.label << " (" << r.size
        << (r.size == 1 ? " person): " : " people): ")
        << (r.chain.people.empty() ? std::string("no chain")
                                   : percent(r.probability) + " via " + chain_line(g, r.chain))
        << "\n";
    if (members && !r.influential.empty()) {
      std::vector<std::string> names;
      for (const RankedPerson& p : r.influential) names.push_back(p.id);
      out << "       most influential: " << join(names, ", ") << "\n";
    }
  }
}

void write_table(std::ostream& out, const InfluenceGraph& g, const NetworkPlanResult& r) {
  const NetworkPlanOptions& o = r.options;
  const vertex_id p = r.map.person;
  out << "Networking plan for " << person_label(g, p) << "\n";
  out << "A department or level counts as reached with a chain of at least " << percent(o.min_probability);
  if (o.max_steps) out << " in at most " << *o.max_steps << " steps";
  out << "; a new tie is assumed to carry " << percent(o.new_tie_strength) << "\n\n";

  out << "Your network\n";
  out << "  Listen to you (" << r.map.influences.size() << "): " << tie_list(g, r.map.influences, 8) << "\n";
  out << "  You listen to (" << r.map.influenced_by.size() << "): " << tie_list(g, r.map.influenced_by, 8) << "\n";
  {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < r.map.second_degree.size() && i < 8; ++i) {
      parts.push_back(g.id(r.map.second_degree[i].person) + " (via " + g.id(r.map.second_degree[i].via) + ")");
    }
    out << "  Two ties away (" << r.map.second_degree.size() << "): " << (parts.empty() ? "nobody" : join(parts, ", "))
        << (r.map.second_degree.size() > 8 ? ", ..." : "") << "\n";
  }
  {
    std::vector<std::string> parts{g.id(p)};
    for (const vertex_id v : r.map.chain_of_command) parts.push_back(g.id(v));
    out << "  Chain of command: " << join(parts, " -> ") << "\n\n";
  }
  out << "Reach into departments (most influential by " << to_string(o.measure) << ")\n";
  write_reach(out, g, r.map.departments, true);
  out << "Reach into levels\n";
  write_reach(out, g, r.map.levels, false);

  out << "\nGaps and who could bridge them\n";
  if (r.gaps.empty()) out << "  none: you reach every department and level\n";
  for (const CoverageGap& gap : r.gaps) {
    out << "  " << gap.group.label << " (best today " << percent(gap.probability) << "): ";
    std::vector<std::string> parts;
    for (const GapBridge& b : gap.bridges) {
      parts.push_back(g.id(b.person) + (b.steps == 0
                                            ? std::string(" (a member)")
                                            : " (" + percent(b.probability) + " in " + std::to_string(b.steps) +
                                                  (b.steps == 1 ? " step)" : " steps)")));
    }
    out << (parts.empty() ? "nobody among the candidates" : join(parts, ", ")) << "\n";
  }

  const NetworkingPlan& plan = r.plan;
  out << "\nPlan: " << plan.steps.size() << (plan.steps.size() == 1 ? " contact" : " contacts") << " for "
      << plan.targets << " open targets (departments and the top)";
  if (!plan.steps.empty()) {
    out << "; greedy set cover over " << plan.candidates << " candidates, at most " << fixed_text(plan.bound_factor, 2)
        << " x the fewest possible";
  }
  out << "\n";
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    const PlanStep& s = plan.steps[i];
    out << i + 1 << ". " << (s.strengthen ? "Strengthen your tie to " : "Build a tie to ")
        << person_label(g, s.contact);
    if (s.strengthen) out << " (today " << fixed_text(s.current_strength, 2) << ")";
    out << "\n";
    for (const Opening& op : s.opens) {
      out << "   opens " << op.group.label << ": " << percent(op.previous_probability) << " -> "
          << percent(op.probability) << ", because " << chain_line(g, op.chain) << " (" << percent(op.chain.probability)
          << ")\n";
    }
  }
  if (!plan.complete()) out << "   Not coverable: " << plan.reason << "\n";

  const ManagementAttention& a = r.attention;
  out << "\nWhom " << person_label(g, a.decision_maker) << " listens to\n";
  for (std::size_t i = 0; i < a.people.size(); ++i) {
    const AttentionEntry& e = a.people[i];
    out << i + 1 << ". " << g.id(e.person) << " (dept " << department_label(g, e.person) << ", level "
        << g.level(e.person) << "): chain "
        << (e.chain.people.empty() ? std::string("none") : percent(e.chain.probability) + " " + chain_line(g, e.chain))
        << "; personalized PageRank " << fixed_text(e.score, 3) << "\n";
  }
  if (!a.people.empty() && !a.convergence.converged) {
    out << "warning: the personalized PageRank did not converge in " << a.convergence.iterations
        << " iterations (residual " << a.convergence.residual << ")\n";
  }
}

}  // namespace

void register_network_plan(CLI::App& app) {
  struct Options {
    InputOptions input;
    std::string person;
    NetworkPlanOptions plan;
    std::size_t max_steps = 3;
    std::string candidates = "within_steps";
    std::string measure = "pagerank";
    std::string decision_maker;
    std::string rank_by = "chain";
    std::string format = "table";
  };
  auto o = std::make_shared<Options>();
  CLI::App* command =
      app.add_subcommand("network-plan",
                         "One person's stakeholder map, the departments and levels they have no good chain into, and "
                         "the fewest new or stronger ties that connect them to every department and to the top");
  add_input_options(*command, o->input);
  command->add_option("--person", o->person, "Person id")->required();
  command->add_option("-p,--min-probability", o->plan.min_probability, "A chain this probable counts as a reach")
      ->capture_default_str();
  command->add_option("--max-steps", o->max_steps, "Chains of at most this many steps (0 = no limit)")
      ->capture_default_str();
  command->add_option("--tie-strength", o->plan.new_tie_strength, "Assumed strength of a new or strengthened tie")
      ->capture_default_str();
  command->add_option("--candidates", o->candidates, "Whom to suggest: within_steps, peers or everyone")
      ->capture_default_str();
  command->add_option("--candidate-steps", o->plan.candidate_steps, "within_steps: ties away (either direction)")
      ->capture_default_str();
  command->add_option("--peer-levels", o->plan.peer_levels, "peers: largest level difference")->capture_default_str();
  command->add_option("--measure", o->measure, "Centrality ranking each department's influential members")
      ->capture_default_str();
  command->add_option("--top-members", o->plan.top_members, "Influential members shown per department")
      ->capture_default_str();
  command->add_option("--bridges", o->plan.bridges, "Bridges shown per gap")->capture_default_str();
  command->add_flag("--all-levels", o->plan.plan_all_levels, "Plan to reach every management level, not only the top");
  command->add_option("--decision-maker", o->decision_maker, "Whose attention to analyse (default: the top)");
  command->add_option("--attention", o->plan.attention.top, "People listed under management attention")
      ->capture_default_str();
  command->add_option("--attention-rank", o->rank_by, "Rank management attention by chain or pagerank")
      ->capture_default_str();
  command->add_option("--format", o->format, "Output: table, json or csv")->capture_default_str();
  on_run(command, [o] {
    const OutputFormat format = parse_output_format(o->format);
    LoadedGraph loaded = load_input(o->input);
    const InfluenceGraph& g = loaded.graph;
    const vertex_id person = loaded.vertex_of(o->person);
    NetworkPlanOptions options = o->plan;
    options.max_steps = o->max_steps == 0 ? std::nullopt : std::optional<std::size_t>(o->max_steps);
    options.candidates = parse_candidate_pool(o->candidates);
    options.measure = parse_measure(o->measure);
    options.attention.rank_by = parse_attention_ranking(o->rank_by);
    if (!o->decision_maker.empty()) options.attention.decision_maker = loaded.vertex_of(o->decision_maker);
    const NetworkPlanResult result = network_plan(g, person, options);
    if (format == OutputFormat::json) {
      write_json(std::cout, g, result);
    } else if (format == OutputFormat::csv) {
      write_csv(std::cout, g, result);
    } else {
      write_table(std::cout, g, result);
    }
  });
}

}  // namespace orgnet::cli
