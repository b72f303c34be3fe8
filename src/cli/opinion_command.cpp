// orgnet opinion: where stances settle (Friedkin–Johnsen / DeGroot) and whose
// initial stance moves the organization most (leverage).

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "input.hpp"
#include "orgnet/centrality/ranking.hpp"
#include "orgnet/diffusion/opinion.hpp"
#include "orgnet/error.hpp"
#include "orgnet/io/csv_reader.hpp"
#include "orgnet/io/csv_writer.hpp"
#include "orgnet/io/json_writer.hpp"
#include "orgnet/io/output_format.hpp"
#include "people_text.hpp"

namespace orgnet::cli {

namespace {

double parse_number(std::string_view text, const std::string& what) {
  double value = 0.0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end) throw invalid_argument(what + ": '" + std::string(text) + "' is not a number");
  return value;
}

/// Reads a CSV with columns id, stance and optionally stubbornness.
void read_stances(const LoadedGraph& g, const std::string& path, std::vector<double>& stance,
                  std::vector<double>& stubbornness, bool& has_stubbornness) {
  const std::string text = read_text_file(path);
  CsvReader reader(text, path);
  CsvRecord record;
  if (!reader.next(record)) throw invalid_argument(path + ": empty file (expected a header id,stance)");
  std::ptrdiff_t id_col = -1, stance_col = -1, stubborn_col = -1;
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    const auto name = record.fields[i].text;
    if (name == "id") id_col = static_cast<std::ptrdiff_t>(i);
    if (name == "stance") stance_col = static_cast<std::ptrdiff_t>(i);
    if (name == "stubbornness") stubborn_col = static_cast<std::ptrdiff_t>(i);
  }
  if (id_col < 0 || (stance_col < 0 && stubborn_col < 0)) {
    throw invalid_argument(path + ":1: the header needs an id column and a stance and/or stubbornness column");
  }
  has_stubbornness = has_stubbornness || stubborn_col >= 0;
  while (reader.next(record)) {
    auto field = [&](std::ptrdiff_t col) -> const CsvField& {
      if (static_cast<std::size_t>(col) >= record.fields.size()) {
        throw invalid_argument(path + ":" + std::to_string(record.line) + ": missing field");
      }
      return record.fields[static_cast<std::size_t>(col)];
    };
    const CsvField& id = field(id_col);
    const auto v = g.find(id.text);
    if (!v) {
      throw invalid_argument(reader.location(id, "id").to_string() + ": unknown person id '" + std::string(id.text) +
                             "'");
    }
    const std::string where = reader.location(id).to_string();
    if (stance_col >= 0 && !field(stance_col).text.empty()) {
      stance[*v] = parse_number(field(stance_col).text, where + ": stance");
    }
    if (stubborn_col >= 0 && !field(stubborn_col).text.empty()) {
      stubbornness[*v] = parse_number(field(stubborn_col).text, where + ": stubbornness");
    }
  }
}

}  // namespace

void register_opinion(CLI::App& app) {
  struct Options {
    InputOptions input;
    std::string stances_file;
    std::vector<std::string> stances;
    double stubbornness = OpinionOptions{}.stubbornness;
    bool degroot = false;
    std::string leverage = "mean";
    std::string target;
    std::size_t steps = 0;
    std::string solver = "automatic";
    std::size_t top = 10;
    std::string format = "table";
  };
  auto o = std::make_shared<Options>();
  CLI::App* command =
      app.add_subcommand("opinion",
                         "Where stances settle (Friedkin-Johnsen, or DeGroot) and whose initial stance moves the "
                         "organization most (leverage)");
  add_input_options(*command, o->input);
  command->add_option("--stances", o->stances_file,
                      "CSV with a header: id, stance (in [-1, 1]) and/or stubbornness (in [0, 1]); people not "
                      "listed have stance 0 and the --stubbornness value");
  command->add_option("--stance", o->stances, "ID=VALUE, one person's initial stance (repeatable)");
  command->add_option("--stubbornness", o->stubbornness, "Everyone's stubbornness: 1 never moves, 0 only listens")
      ->capture_default_str();
  command->add_flag("--degroot", o->degroot, "DeGroot: stubbornness 0 for everyone");
  command
      ->add_option("--leverage", o->leverage,
                   "Leverage on: mean (the organization's mean stance), person or department (give --target)")
      ->capture_default_str();
  command->add_option("--target", o->target, "The person id or department name for --leverage person/department");
  command->add_option("--steps", o->steps, "Also report the first T steps (mean stance per step; JSON: all)")
      ->capture_default_str();
  command->add_option("--solver", o->solver, "automatic, direct (sparse LU) or iterative (BiCGSTAB)")
      ->capture_default_str();
  command->add_option("--top", o->top, "People to list (table); 0 = everyone")->capture_default_str();
  command
      ->add_option("--format", o->format,
                   "table, json or csv (one row per person: id, department, initial, equilibrium, leverage)")
      ->capture_default_str();
  on_run(command, [o] {
    const OutputFormat format = parse_output_format(o->format);
    const LoadedGraph loaded = load_input(o->input);
    const InfluenceGraph& g = loaded.graph;
    const std::size_t n = g.num_vertices();
    std::vector<double> x0(n, 0.0), stubborn(n, o->stubbornness);
    bool per_person = false;
    if (!o->stances_file.empty()) read_stances(loaded, o->stances_file, x0, stubborn, per_person);
    for (const auto& item : o->stances) {
      const auto eq = item.find('=');
      if (eq == std::string::npos) throw invalid_argument("--stance '" + item + "': expected ID=VALUE");
      x0[loaded.vertex_of(item.substr(0, eq))] = parse_number(item.substr(eq + 1), "--stance " + item.substr(0, eq));
    }
    OpinionOptions options;
    if (per_person) {
      options.stubbornness_by_person = stubborn;
    } else {
      options.stubbornness = o->stubbornness;
    }
    options.leverage = parse_leverage_target(o->leverage);
    if (options.leverage == LeverageTarget::person) {
      if (o->target.empty()) throw invalid_argument("--leverage person needs --target PERSON_ID");
      options.target_person = loaded.vertex_of(o->target);
    } else if (options.leverage == LeverageTarget::department) {
      const auto d = g.find_department(o->target);
      if (!d) throw invalid_argument("--leverage department needs --target DEPARTMENT (unknown: '" + o->target + "')");
      options.target_department = *d;
    } else if (!o->target.empty()) {
      throw invalid_argument("--target is only read with --leverage person or department");
    }
    options.trajectory_steps = o->steps;
    options.solver = parse_opinion_solver(o->solver);
    const OpinionResult r = o->degroot ? degroot(g, x0, options) : friedkin_johnsen(g, x0, options);
    const auto ranked = top_k(g, r.leverage, {.k = format == OutputFormat::table ? o->top : 0});
    auto step_mean = [&](std::size_t t) {
      double sum = 0.0;
      for (std::size_t v = 0; v < n; ++v) sum += r.trajectory[t * n + v];
      return n ? sum / static_cast<double>(n) : 0.0;
    };
    std::string target_text = std::string(to_string(options.leverage));
    if (!o->target.empty()) target_text += " " + o->target;

    std::ostream& out = std::cout;
    switch (format) {
      case OutputFormat::table: {
        out << (o->degroot ? "DeGroot" : "Friedkin-Johnsen") << " opinion dynamics in " << loaded.title << '\n';
        out << "  mean stance     " << fixed_text(r.mean_initial, 4, "nan") << " -> "
            << fixed_text(r.mean_equilibrium, 4, "nan") << "  (residual " << r.residual << ", " << to_string(r.solver)
            << " solver" << (r.iterations ? ", " + std::to_string(r.iterations) + " iterations" : std::string())
            << ")\n";
        if (r.consensus_groups > 0) {
          out << "  consensus groups " << r.consensus_groups
              << (r.converges ? "" : " (some oscillate forever: equilibrium = long-run average)") << '\n';
        }
        if (!r.solved) out << "warning: a linear solve did not reach its tolerance\n";
        if (r.trajectory_steps > 0) {
          out << "  mean by step    ";
          for (std::size_t t = 0; t <= r.trajectory_steps; ++t)
            out << (t ? "  " : "") << t << ": " << fixed_text(step_mean(t), 4, "nan");
          out << '\n';
        }
        std::size_t id_width = 2, department_width = 10;
        for (const auto& row : ranked) {
          id_width = std::max(id_width, row.id.size());
          department_width = std::max(department_width, row.department.size());
        }
        out << "\nWhose initial stance moves the " << target_text << " stance most\n";
        out << std::right << std::setw(5) << "rank"
            << "  " << std::left << std::setw(static_cast<int>(id_width)) << "id"
            << "  " << std::setw(static_cast<int>(department_width)) << "department" << std::right << std::setw(10)
            << "leverage" << std::setw(9) << "initial" << std::setw(13) << "equilibrium" << '\n';
        for (const auto& row : ranked) {
          out << std::right << std::setw(5) << row.rank << "  " << std::left << std::setw(static_cast<int>(id_width))
              << row.id << "  " << std::setw(static_cast<int>(department_width)) << row.department << std::right
              << std::setw(10) << fixed_text(row.score, 4, "nan") << std::setw(9)
              << fixed_text(x0[row.vertex], 3, "nan") << std::setw(13)
              << fixed_text(r.equilibrium[row.vertex], 4, "nan") << '\n';
        }
        break;
      }
      case OutputFormat::csv: {
        out << "id,department,initial,equilibrium,leverage\n";
        for (vertex_id v = 0; v < n; ++v) {
          out << csv_field(g.id(v)) << ',' << csv_field(department_label(g, v)) << ',' << format_number(x0[v]) << ','
              << format_number(r.equilibrium[v]) << ',' << format_number(r.leverage[v]) << '\n';
        }
        break;
      }
      case OutputFormat::json: {
        JsonWriter json(out);
        json.begin_object()
            .field("title", loaded.title)
            .field("model", o->degroot ? "degroot" : "friedkin_johnsen")
            .field("leverage_target", target_text)
            .field("people", n)
            .field("mean_initial", r.mean_initial)
            .field("mean_equilibrium", r.mean_equilibrium)
            .field("residual", r.residual)
            .field("leverage_residual", r.leverage_residual)
            .field("solver", to_string(r.solver))
            .field("iterations", r.iterations)
            .field("solved", r.solved)
            .field("consensus_groups", r.consensus_groups)
            .field("converges", r.converges);
        json.key("rows").begin_array();
        for (const auto& row : ranked) {
          json.begin_object()
              .field("rank", row.rank)
              .field("id", row.id)
              .field("department", row.department)
              .field("initial", x0[row.vertex])
              .field("equilibrium", r.equilibrium[row.vertex])
              .field("leverage", row.score)
              .end_object();
        }
        json.end_array();
        json.key("trajectory").begin_array();
        for (std::size_t t = 0; t < (r.trajectory.empty() ? 0 : r.trajectory_steps + 1); ++t) {
          json.begin_array();
          for (std::size_t v = 0; v < n; ++v) json.value(r.trajectory[t * n + v]);
          json.end_array();
        }
        json.end_array();
        json.end_object();
        out << '\n';
        break;
      }
    }
  });
}

}  // namespace orgnet::cli
