#include "orgnet/structure/formal_informal.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <set>

#include "orgnet/centrality/detail/parallel_reduce.hpp"
#include "orgnet/detail/random.hpp"
#include "orgnet/error.hpp"
#include "orgnet/model/graph_builder.hpp"

namespace orgnet {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// Dyads sorted by (source, target) with repeated pairs summed, as CSR rows.
struct SparseRows {
  std::vector<std::size_t> offsets;
  std::vector<vertex_id> target;
  std::vector<double> value;

  [[nodiscard]] double at(vertex_id u, vertex_id v) const {
    const auto begin = target.begin() + static_cast<std::ptrdiff_t>(offsets[u]);
    const auto end = target.begin() + static_cast<std::ptrdiff_t>(offsets[u + 1]);
    const auto it = std::lower_bound(begin, end, v);
    return it != end && *it == v ? value[static_cast<std::size_t>(it - target.begin())] : 0.0;
  }
};

SparseRows to_rows(const Dyads& d, const char* argument) {
  if (d.source.size() != d.target.size() || d.source.size() != d.value.size()) {
    throw invalid_argument(std::string("qap_correlation: ") + argument + ": source, target and value differ in length");
  }
  std::vector<std::size_t> order(d.source.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (d.source[i] >= d.n || d.target[i] >= d.n) {
      throw invalid_argument(std::string("qap_correlation: ") + argument + ": entry " + std::to_string(i) +
                             " names a vertex outside 0.." + std::to_string(d.n) + "-1");
    }
    if (d.source[i] == d.target[i]) {
      throw invalid_argument(std::string("qap_correlation: ") + argument + ": entry " + std::to_string(i) +
                             " is on the diagonal");
    }
    if (!std::isfinite(d.value[i])) {
      throw invalid_argument(std::string("qap_correlation: ") + argument + ": entry " + std::to_string(i) +
                             " is not finite");
    }
  }
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return d.source[a] != d.source[b] ? d.source[a] < d.source[b] : d.target[a] < d.target[b];
  });
  SparseRows rows;
  rows.offsets.assign(d.n + 1, 0);
  vertex_id last_u = no_vertex, last_v = no_vertex;
  for (std::size_t i : order) {
    if (d.source[i] == last_u && d.target[i] == last_v) {
      rows.value.back() += d.value[i];
      continue;
    }
    last_u = d.source[i];
    last_v = d.target[i];
    rows.target.push_back(last_v);
    rows.value.push_back(d.value[i]);
    ++rows.offsets[last_u + 1];
  }
  for (std::size_t u = 0; u < d.n; ++u) rows.offsets[u + 1] += rows.offsets[u];
  return rows;
}

double pearson(std::span<const double> x, std::span<const double> y) {
  const std::size_t n = x.size();
  if (n < 2) return nan;
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < n; ++i) {
    mx += x[i];
    my += y[i];
  }
  mx /= static_cast<double>(n);
  my /= static_cast<double>(n);
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < n; ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  if (sxx <= 0 || syy <= 0) return nan;
  return sxy / std::sqrt(sxx * syy);
}

}  // namespace

std::vector<double> percentile_ranks(std::span<const double> values) {
  const std::size_t n = values.size();
  std::vector<double> out(n, 0.5);
  if (n < 2) return out;
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    while (j + 1 < n && values[order[j + 1]] == values[order[i]]) ++j;
    const double rank = (static_cast<double>(i) + static_cast<double>(j)) / 2;  // 0-based average rank
    for (std::size_t t = i; t <= j; ++t) out[order[t]] = rank / static_cast<double>(n - 1);
    i = j + 1;
  }
  return out;
}

std::vector<double> attribute_levels(const InfluenceGraph& graph, std::string_view attribute) {
  const auto column = graph.attribute_column(attribute);
  std::vector<double> levels(column.size());
  for (std::size_t v = 0; v < column.size(); ++v) {
    const std::string& text = column[v];
    std::size_t used = 0;
    double value = 0;
    try {
      value = std::stod(text, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (text.empty() || used != text.size() || !std::isfinite(value)) {
      throw invalid_argument("attribute_levels: " + std::string(attribute) + " of " +
                             graph.id(static_cast<vertex_id>(v)) + " is '" + text + "', not a number");
    }
    levels[v] = value;
  }
  return levels;
}

Dyads reporting_dyads(const InfluenceGraph& graph) {
  Dyads d;
  d.n = graph.num_vertices();
  for (vertex_id v = 0; v < d.n; ++v) {
    const vertex_id m = graph.manager(v);
    if (m == no_vertex) continue;
    d.source.push_back(m);
    d.target.push_back(v);
    d.value.push_back(1.0);
  }
  return d;
}

Dyads edge_dyads(const InfluenceGraph& graph, bool weighted) {
  Dyads d;
  d.n = graph.num_vertices();
  for (vertex_id u = 0; u < d.n; ++u) {
    for (edge_id e = graph.out_begin(u); e < graph.out_end(u); ++e) {
      d.source.push_back(u);
      d.target.push_back(graph.edge_target(e));
      d.value.push_back(weighted ? graph.strength(e) : 1.0);
    }
  }
  return d;
}

std::vector<std::string> informal_relations(const InfluenceGraph& graph) {
  std::vector<std::string> out;
  const std::string hierarchy = BuildOptions{}.hierarchy_relation;
  for (std::size_t r = 0; r < graph.num_relations(); ++r) {
    const std::string& name = graph.relation_name(static_cast<relation_id>(r));
    if (name != hierarchy) out.push_back(name);
  }
  return out;
}

InfluenceGraph relation_subgraph(const InfluenceGraph& graph, std::span<const std::string> relations) {
  std::vector<char> keep(graph.num_relations(), 0);
  for (const std::string& name : relations) {
    const auto r = graph.find_relation(name);
    if (!r) {
      std::string known;
      for (std::size_t i = 0; i < graph.num_relations(); ++i) {
        known += (i ? ", " : "") + graph.relation_name(static_cast<relation_id>(i));
      }
      throw invalid_argument("relation_subgraph: the graph has no relation '" + name + "' (it has " +
                             (known.empty() ? std::string("none") : known) + ")");
    }
    keep[*r] = 1;
  }
  BuildOptions build;
  build.relations = graph.relation_map();
  build.hierarchy_relation.clear();  // managers are carried by the people
  GraphBuilder builder(build);
  const auto attributes = graph.attribute_names();
  for (vertex_id v = 0; v < graph.num_vertices(); ++v) {
    Person p;
    p.id = graph.id(v);
    p.name = graph.name(v);
    p.title = graph.title(v);
    if (graph.department(v) != no_department) p.department = graph.department_name(graph.department(v));
    if (graph.level_given(v)) p.level = graph.level(v);
    if (graph.manager(v) != no_vertex) p.manager = graph.id(graph.manager(v));
    for (const std::string& name : attributes) p.attributes.emplace_back(name, graph.attribute(v, name));
    builder.add_person(std::move(p));
  }
  for (const TieRecord& tie : graph.ties()) {
    if (!keep[tie.relation]) continue;
    builder.add_tie(graph.id(tie.source), graph.id(tie.target), graph.relation_name(tie.relation), tie.weight);
  }
  return std::move(builder).build();
}

QapResult qap_correlation(const Dyads& x, const Dyads& y, const QapOptions& options) {
  if (x.n != y.n) {
    throw invalid_argument("qap_correlation: the matrices differ in size (" + std::to_string(x.n) + " and " +
                           std::to_string(y.n) + ")");
  }
  if (options.threads < 0) {
    throw invalid_argument("qap_correlation: threads must be >= 0, got " + std::to_string(options.threads));
  }
  const SparseRows xs = to_rows(x, "x"), ys = to_rows(y, "y");
  const std::size_t n = x.n;
  QapResult result;
  result.permutations = options.permutations;
  result.seed = options.seed;
  const double N = static_cast<double>(n) * (static_cast<double>(n) - 1);
  double sx = 0, sxx = 0, sy = 0, syy = 0;
  for (double v : xs.value) {
    sx += v;
    sxx += v * v;
  }
  for (double v : ys.value) {
    sy += v;
    syy += v * v;
  }
  const double denominator = std::sqrt((N * sxx - sx * sx) * (N * syy - sy * sy));
  auto correlation = [&](auto&& y_at) {
    double sxy = 0;
    for (vertex_id u = 0; u < n; ++u) {
      for (std::size_t e = xs.offsets[u]; e < xs.offsets[u + 1]; ++e) sxy += xs.value[e] * y_at(u, xs.target[e]);
    }
    return (N * sxy - sx * sy) / denominator;
  };
  result.expected = result.sd = result.p_greater = result.p_less = result.p_two_sided = nan;
  if (n < 2 || !(denominator > 0)) {
    result.correlation = nan;
    return result;
  }
  result.correlation = correlation([&](vertex_id u, vertex_id v) { return ys.at(u, v); });
  const std::size_t R = options.permutations;
  if (R == 0) return result;
  std::vector<double> null(R);
  detail::parallel_for_items(
      R, detail::resolve_threads(options.threads), 4, [&] { return std::vector<vertex_id>(n); },
      [&](std::vector<vertex_id>& pi, std::size_t r) {
        detail::SplitMix64 rng(detail::stream_seed(options.seed, r));
        std::iota(pi.begin(), pi.end(), vertex_id{0});
        for (std::size_t i = n; i > 1; --i) std::swap(pi[i - 1], pi[rng.below(i)]);
        null[r] = correlation([&](vertex_id u, vertex_id v) { return ys.at(pi[u], pi[v]); });
      });
  double mean = 0;
  for (double v : null) mean += v;
  mean /= static_cast<double>(R);
  double var = 0;
  std::size_t greater = 0, less = 0, extreme = 0;
  const double observed = result.correlation;
  // Compare with a relative tolerance: a relabelling that maps the matrix
  // onto itself gives the observed value up to rounding.
  const double eps = 1e-12 * std::max(1.0, std::abs(observed));
  for (double v : null) {
    var += (v - mean) * (v - mean);
    if (v >= observed - eps) ++greater;
    if (v <= observed + eps) ++less;
    if (std::abs(v - mean) >= std::abs(observed - mean) - eps) ++extreme;
  }
  result.expected = mean;
  result.sd = R > 1 ? std::sqrt(var / static_cast<double>(R - 1)) : 0.0;
  result.p_greater = static_cast<double>(1 + greater) / static_cast<double>(1 + R);
  result.p_less = static_cast<double>(1 + less) / static_cast<double>(1 + R);
  result.p_two_sided = static_cast<double>(1 + extreme) / static_cast<double>(1 + R);
  return result;
}

FormalInformalResult formal_vs_informal(const InfluenceGraph& graph, const FormalInformalOptions& options) {
  const std::size_t n = graph.num_vertices();
  if (!options.levels.empty() && options.levels.size() != n) {
    throw invalid_argument("formal_vs_informal: levels has " + std::to_string(options.levels.size()) +
                           " values, the graph has " + std::to_string(n) + " people");
  }
  for (std::size_t v = 0; v < options.levels.size(); ++v) {
    if (!std::isfinite(options.levels[v])) {
      throw invalid_argument("formal_vs_informal: the level of " + graph.id(static_cast<vertex_id>(v)) +
                             " is not finite");
    }
  }
  if (options.min_level_gap < 1) {
    throw invalid_argument("formal_vs_informal: min_level_gap must be >= 1, got " +
                           std::to_string(options.min_level_gap));
  }
  if (!std::isfinite(options.min_residual)) {
    throw invalid_argument("formal_vs_informal: min_residual must be finite");
  }
  FormalInformalResult result;
  result.informal_relations =
      options.informal_relations.empty() ? informal_relations(graph) : options.informal_relations;
  const InfluenceGraph informal = relation_subgraph(graph, result.informal_relations);

  // QAP: reporting lines against the informal network.
  const Dyads formal = reporting_dyads(graph);
  result.has_reporting_lines = !formal.source.empty();
  result.qap = qap_correlation(formal, edge_dyads(informal, options.weighted), options.qap);

  // Levels.
  result.level.resize(n);
  for (vertex_id v = 0; v < n; ++v) {
    result.level[v] = options.levels.empty() ? static_cast<double>(graph.level(v)) : options.levels[v];
  }

  // Centrality on the informal graph, then correlations with the level.
  CentralityTableOptions centrality = options.centrality;
  centrality.measures = options.measures;
  if (std::find(centrality.measures.begin(), centrality.measures.end(), options.influence) ==
      centrality.measures.end()) {
    centrality.measures.push_back(options.influence);
  }
  const CentralityTable table = centrality_table(informal, centrality);
  const std::vector<double> level_ranks = percentile_ranks(result.level);
  for (Measure m : options.measures) {
    const CentralityColumn* column = table.find(m);
    const std::vector<double> ranks = percentile_ranks(column->values);
    result.level_correlations.push_back(
        {.measure = m, .pearson = pearson(result.level, column->values), .spearman = pearson(level_ranks, ranks)});
  }

  // Hidden influencers: residual of the influence percentile regressed on level.
  result.influence = table.find(options.influence)->values;
  result.percentile = percentile_ranks(result.influence);
  result.predicted.assign(n, 0.0);
  result.residual.assign(n, 0.0);
  if (n > 0) {
    double ml = 0, mp = 0;
    for (std::size_t v = 0; v < n; ++v) {
      ml += result.level[v];
      mp += result.percentile[v];
    }
    ml /= static_cast<double>(n);
    mp /= static_cast<double>(n);
    double sll = 0, slp = 0;
    for (std::size_t v = 0; v < n; ++v) {
      sll += (result.level[v] - ml) * (result.level[v] - ml);
      slp += (result.level[v] - ml) * (result.percentile[v] - mp);
    }
    result.levels_vary = sll > 0;
    result.slope = sll > 0 ? slp / sll : 0.0;
    result.intercept = mp - result.slope * ml;
    for (std::size_t v = 0; v < n; ++v) {
      result.predicted[v] = result.intercept + result.slope * result.level[v];
      result.residual[v] = result.percentile[v] - result.predicted[v];
      if (result.levels_vary && result.residual[v] >= options.min_residual) {
        result.hidden_influencers.push_back(static_cast<vertex_id>(v));
      }
    }
    std::stable_sort(result.hidden_influencers.begin(), result.hidden_influencers.end(),
                     [&](vertex_id a, vertex_id b) { return result.residual[a] > result.residual[b]; });
  }

  // Bypass ties on the informal graph.
  result.bypass_count.assign(n, 0);
  auto in_chain = [&](vertex_id lower, vertex_id higher) {
    for (vertex_id m = graph.manager(lower); m != no_vertex; m = graph.manager(m)) {
      if (m == higher) return true;
    }
    return false;
  };
  for (vertex_id u = 0; u < n; ++u) {
    for (vertex_id v : informal.out_neighbors(u)) {
      const double gap = std::abs(result.level[u] - result.level[v]);
      if (gap < options.min_level_gap) continue;
      const bool u_higher = result.level[u] < result.level[v];
      BypassTie tie{.source = u,
                    .target = v,
                    .source_level = result.level[u],
                    .target_level = result.level[v],
                    .gap = gap,
                    .in_chain = u_higher ? in_chain(v, u) : in_chain(u, v)};
      result.bypass_ties.push_back(tie);
      ++result.bypass_count[u];
      ++result.bypass_count[v];
    }
  }
  return result;
}

}  // namespace orgnet
