#include "orgnet/centrality/centrality_table.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <iomanip>
#include <sstream>

#include "orgnet/centrality/approximate_betweenness.hpp"
#include "orgnet/centrality/betweenness.hpp"
#include "orgnet/centrality/closeness.hpp"
#include "orgnet/centrality/degree.hpp"
#include "orgnet/centrality/eigenvector.hpp"
#include "orgnet/centrality/hits.hpp"
#include "orgnet/centrality/katz.hpp"
#include "orgnet/centrality/kcore.hpp"
#include "orgnet/centrality/pagerank.hpp"
#include "orgnet/centrality/ranking.hpp"
#include "orgnet/error.hpp"
#include "orgnet/io/csv_writer.hpp"
#include "orgnet/io/json_writer.hpp"
#include "orgnet/io/output_format.hpp"

namespace orgnet {

namespace {

constexpr std::array<std::pair<Measure, std::string_view>, 16> measure_names{{
    {Measure::in_degree, "in_degree"},
    {Measure::out_degree, "out_degree"},
    {Measure::degree, "degree"},
    {Measure::in_strength, "in_strength"},
    {Measure::out_strength, "out_strength"},
    {Measure::strength, "strength"},
    {Measure::closeness, "closeness"},
    {Measure::harmonic, "harmonic"},
    {Measure::betweenness, "betweenness"},
    {Measure::approx_betweenness, "approx_betweenness"},
    {Measure::eigenvector, "eigenvector"},
    {Measure::pagerank, "pagerank"},
    {Measure::katz, "katz"},
    {Measure::hubs, "hubs"},
    {Measure::authorities, "authorities"},
    {Measure::coreness, "coreness"},
}};

}  // namespace

std::string_view to_string(Measure measure) {
  for (const auto& [m, name] : measure_names) {
    if (m == measure) return name;
  }
  return "?";
}

Measure parse_measure(std::string_view text) {
  for (const auto& [m, name] : measure_names) {
    if (name == text) return m;
  }
  std::string known;
  for (const auto& entry : measure_names) known += (known.empty() ? "" : ", ") + std::string(entry.second);
  throw invalid_argument("unknown measure '" + std::string(text) + "' (expected one of: " + known + ", or all)");
}

std::vector<Measure> all_measures() {
  std::vector<Measure> all;
  all.reserve(std::size(measure_names));
  for (const auto& entry : measure_names) all.push_back(entry.first);
  return all;
}

std::vector<Measure> parse_measures(std::string_view text) {
  if (text == "all") return all_measures();
  std::vector<Measure> measures;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    measures.push_back(parse_measure(text.substr(start, comma - start)));
    start = comma + 1;
  }
  return measures;
}

const CentralityColumn* CentralityTable::find(Measure measure) const {
  for (const auto& column : columns) {
    if (column.measure == measure) return &column;
  }
  return nullptr;
}

CentralityTable centrality_table(const InfluenceGraph& graph, const CentralityTableOptions& o) {
  CentralityTable table;
  const PathDirection paths = o.flow == InfluenceFlow::exerted ? PathDirection::outgoing : PathDirection::incoming;
  std::optional<HitsResult> hits_result;  // hubs and authorities come from one run
  for (Measure measure : o.measures) {
    if (table.find(measure) != nullptr) continue;
    CentralityColumn column{measure, {}, std::nullopt};
    auto degree = [&](DegreeDirection direction, bool weighted) {
      return degree_centrality(graph, {.direction = direction, .weighted = weighted, .normalized = o.normalized}).score;
    };
    switch (measure) {
      case Measure::in_degree:
        column.values = degree(DegreeDirection::in, false);
        break;
      case Measure::out_degree:
        column.values = degree(DegreeDirection::out, false);
        break;
      case Measure::degree:
        column.values = degree(DegreeDirection::total, false);
        break;
      case Measure::in_strength:
        column.values = degree(DegreeDirection::in, true);
        break;
      case Measure::out_strength:
        column.values = degree(DegreeDirection::out, true);
        break;
      case Measure::strength:
        column.values = degree(DegreeDirection::total, true);
        break;
      case Measure::closeness:
        column.values = closeness(graph, {.distance = o.distance, .direction = paths, .threads = o.threads}).score;
        break;
      case Measure::harmonic:
        column.values =
            harmonic_closeness(graph, {.distance = o.distance, .direction = paths, .threads = o.threads}).score;
        break;
      case Measure::betweenness:
        column.values =
            betweenness(graph, {.distance = o.distance, .normalized = o.normalized, .threads = o.threads}).score;
        break;
      case Measure::approx_betweenness: {
        auto result = approximate_betweenness(
            graph,
            {.epsilon = o.epsilon, .delta = o.delta, .seed = o.seed, .distance = o.distance, .threads = o.threads});
        column.values = std::move(result.score);
        column.error = result.epsilon;
        column.error_probability = result.delta;
        break;
      }
      case Measure::eigenvector: {
        auto result = eigenvector_centrality(graph, {.flow = o.flow, .threads = o.threads});
        column.values = std::move(result.score);
        column.convergence = result.convergence;
        break;
      }
      case Measure::pagerank: {
        auto result = pagerank(graph, {.damping = o.damping, .flow = o.flow, .threads = o.threads});
        column.values = std::move(result.score);
        column.convergence = result.convergence;
        break;
      }
      case Measure::katz: {
        auto result = katz_centrality(graph, {.alpha = o.katz_alpha, .flow = o.flow, .threads = o.threads});
        column.values = std::move(result.score);
        column.convergence = result.convergence;
        break;
      }
      case Measure::hubs:
      case Measure::authorities: {
        if (!hits_result) hits_result = hits(graph, {.threads = o.threads});
        column.values = measure == Measure::hubs ? hits_result->hubs : hits_result->authorities;
        column.convergence = hits_result->convergence;
        break;
      }
      case Measure::coreness: {
        auto cores = core_number(graph).core;
        column.values.assign(cores.begin(), cores.end());
        break;
      }
    }
    table.columns.push_back(std::move(column));
  }
  return table;
}

namespace {}  // namespace

void write_centrality_table(const InfluenceGraph& graph, const CentralityTable& table, std::ostream& out,
                            OutputFormat format, const CentralityWriteOptions& options) {
  if (table.columns.empty()) throw invalid_argument("write_centrality_table: the table has no columns");
  const CentralityColumn* key = options.sort_by ? table.find(*options.sort_by) : &table.columns.front();
  if (key == nullptr) {
    throw invalid_argument("write_centrality_table: sort_by '" + std::string(to_string(*options.sort_by)) +
                           "' is not a column of the table");
  }
  const bool ranked_with_error = key->error.has_value();
  const std::vector<RankedPerson> rows =
      top_k(graph, key->values, {.k = options.top, .error = key->error.value_or(0.0)});
  const auto certain_rows = static_cast<std::size_t>(
      std::count_if(rows.begin(), rows.end(), [](const RankedPerson& row) { return row.certain; }));

  switch (format) {
    case OutputFormat::table: {
      out << "Centrality" << (options.title.empty() ? "" : " of " + options.title) << ": ";
      out << (options.top == 0 ? "everyone" : "top " + std::to_string(rows.size())) << " by " << to_string(key->measure)
          << '\n';
      std::size_t id_width = 2, department_width = 10;
      for (const auto& row : rows) {
        id_width = std::max(id_width, row.id.size());
        department_width = std::max(department_width, row.department.size());
      }
      out << std::right << std::setw(5) << "rank"
          << "  " << std::left << std::setw(static_cast<int>(id_width)) << "id"
          << "  " << std::setw(static_cast<int>(department_width)) << "department";
      for (const auto& column : table.columns) {
        out << "  " << std::right << std::setw(std::max<int>(9, static_cast<int>(to_string(column.measure).size())))
            << to_string(column.measure);
      }
      out << '\n';
      for (const auto& row : rows) {
        out << std::right << std::setw(5) << row.rank << "  " << std::left << std::setw(static_cast<int>(id_width))
            << row.id << "  " << std::setw(static_cast<int>(department_width)) << row.department;
        for (const auto& column : table.columns) {
          out << "  " << std::right << std::setw(std::max<int>(9, static_cast<int>(to_string(column.measure).size())))
              << fixed_text(column.values[row.vertex], 4, "nan");
        }
        out << '\n';
      }
      if (ranked_with_error) {
        out << to_string(key->measure) << " estimates b / (n (n - 1)) within " << format_number(*key->error)
            << " for everyone (failure probability " << format_number(*key->error_probability) << "): " << certain_rows
            << " of these " << rows.size() << " are certainly in the top " << rows.size() << '\n';
      }
      for (const auto& column : table.columns) {
        if (column.convergence && !column.convergence->converged) {
          out << "warning: " << to_string(column.measure) << " did not converge in " << column.convergence->iterations
              << " iterations (residual " << column.convergence->residual << ")\n";
        }
      }
      break;
    }
    case OutputFormat::csv: {
      out << "rank,id,department";
      for (const auto& column : table.columns) out << ',' << to_string(column.measure);
      if (ranked_with_error) out << ",certain";
      out << '\n';
      for (const auto& row : rows) {
        out << row.rank << ',' << csv_field(row.id) << ',' << csv_field(row.department);
        for (const auto& column : table.columns) out << ',' << format_number(column.values[row.vertex]);
        if (ranked_with_error) out << ',' << (row.certain ? "true" : "false");
        out << '\n';
      }
      break;
    }
    case OutputFormat::json: {
      JsonWriter json(out);
      json.begin_object();
      if (!options.title.empty()) json.field("title", options.title);
      json.field("sort_by", to_string(key->measure));
      json.key("columns").begin_array();
      for (const auto& column : table.columns) {
        json.begin_object().field("measure", to_string(column.measure));
        if (column.convergence) {
          json.key("convergence")
              .begin_object()
              .field("iterations", column.convergence->iterations)
              .field("residual", column.convergence->residual)
              .field("converged", column.convergence->converged)
              .end_object();
        }
        if (column.error) json.field("error", *column.error).field("error_probability", *column.error_probability);
        json.end_object();
      }
      json.end_array();
      json.key("rows").begin_array();
      for (const auto& row : rows) {
        json.begin_object().field("rank", row.rank).field("id", row.id).field("department", row.department);
        for (const auto& column : table.columns) json.field(to_string(column.measure), column.values[row.vertex]);
        if (ranked_with_error) json.field("certain", row.certain);
        json.end_object();
      }
      json.end_array();
      json.end_object();
      out << '\n';
      break;
    }
  }
}

}  // namespace orgnet
