#include "orgnet/structure/mixing.hpp"

#include <cmath>
#include <limits>

#include "orgnet/centrality/detail/parallel_reduce.hpp"
#include "orgnet/detail/random.hpp"
#include "orgnet/error.hpp"

namespace orgnet {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

double ei_index(std::size_t external, std::size_t internal) {
  const std::size_t total = external + internal;
  if (total == 0) return nan;
  return (static_cast<double>(external) - static_cast<double>(internal)) / static_cast<double>(total);
}

struct Edge {
  vertex_id u, v;
};

// Group-level external and internal counts for one labelling.
void group_counts(const std::vector<Edge>& edges, const std::vector<std::int32_t>& label, DegreeDirection direction,
                  std::vector<std::size_t>& external, std::vector<std::size_t>& internal, std::size_t& ext_total,
                  std::size_t& int_total) {
  std::fill(external.begin(), external.end(), 0);
  std::fill(internal.begin(), internal.end(), 0);
  ext_total = int_total = 0;
  for (const Edge& e : edges) {
    const auto a = static_cast<std::size_t>(label[e.u]), b = static_cast<std::size_t>(label[e.v]);
    if (a == b) {
      ++internal[a];
      ++int_total;
      continue;
    }
    ++ext_total;
    if (direction != DegreeDirection::in) ++external[a];
    if (direction != DegreeDirection::out) ++external[b];
  }
}

}  // namespace

MixingResult mixing(const InfluenceGraph& graph, const MixingOptions& options) {
  if (options.threads < 0) {
    throw invalid_argument("mixing: threads must be >= 0, got " + std::to_string(options.threads));
  }
  const std::size_t n = graph.num_vertices();
  const Labeling groups =
      options.groups.label.empty() && options.groups.names.empty() ? department_labeling(graph) : options.groups;
  validate_labeling(groups, n, "mixing: groups");
  const std::size_t k = groups.num_groups();
  const auto& label = groups.label;
  MixingResult result;
  result.groups = groups.names;
  result.ties.assign(k * k, 0);
  result.strength.assign(k * k, 0.0);
  result.person_external.assign(n, 0);
  result.person_internal.assign(n, 0);
  result.person_ei.assign(n, nan);
  result.permutations = options.permutations;
  result.seed = options.seed;

  std::vector<Edge> edges;
  edges.reserve(graph.num_edges());
  for (vertex_id u = 0; u < n; ++u) {
    if (label[u] == Labeling::missing) continue;
    for (edge_id e = graph.out_begin(u); e < graph.out_end(u); ++e) {
      const vertex_id v = graph.edge_target(e);
      if (label[v] == Labeling::missing) continue;
      edges.push_back({u, v});
      const std::size_t cell = static_cast<std::size_t>(label[u]) * k + static_cast<std::size_t>(label[v]);
      ++result.ties[cell];
      result.strength[cell] += graph.strength(e);
      const bool same = label[u] == label[v];
      if (options.direction != DegreeDirection::in) ++(same ? result.person_internal[u] : result.person_external[u]);
      if (options.direction != DegreeDirection::out) ++(same ? result.person_internal[v] : result.person_external[v]);
    }
  }
  for (vertex_id v = 0; v < n; ++v) {
    if (label[v] != Labeling::missing)
      result.person_ei[v] = ei_index(result.person_external[v], result.person_internal[v]);
  }
  result.group_external.assign(k, 0);
  result.group_internal.assign(k, 0);
  group_counts(edges, label, options.direction, result.group_external, result.group_internal, result.external,
               result.internal);
  result.group_ei.resize(k);
  for (std::size_t g = 0; g < k; ++g) result.group_ei[g] = ei_index(result.group_external[g], result.group_internal[g]);
  result.ei = ei_index(result.external, result.internal);

  result.group_expected_ei.assign(k, nan);
  result.group_p_less.assign(k, nan);
  result.group_p_greater.assign(k, nan);
  result.expected_ei = result.p_less = result.p_greater = nan;
  const std::size_t R = options.permutations;
  if (R == 0) return result;

  std::vector<vertex_id> labelled;
  for (vertex_id v = 0; v < n; ++v) {
    if (label[v] != Labeling::missing) labelled.push_back(v);
  }
  // EI of every relabelling: the network's, then each group's.
  std::vector<double> network(R), per_group(R * k);
  struct Scratch {
    std::vector<std::int32_t> label;
    std::vector<std::int32_t> values;
    std::vector<std::size_t> external, internal;
  };
  detail::parallel_for_items(
      R, detail::resolve_threads(options.threads), 4,
      [&] {
        Scratch s;
        s.label = label;
        s.external.resize(k);
        s.internal.resize(k);
        return s;
      },
      [&](Scratch& s, std::size_t r) {
        detail::SplitMix64 rng(detail::stream_seed(options.seed, r));
        s.values.clear();
        for (vertex_id v : labelled) s.values.push_back(label[v]);
        for (std::size_t i = s.values.size(); i > 1; --i) std::swap(s.values[i - 1], s.values[rng.below(i)]);
        for (std::size_t i = 0; i < labelled.size(); ++i) s.label[labelled[i]] = s.values[i];
        std::size_t ext = 0, in = 0;
        group_counts(edges, s.label, options.direction, s.external, s.internal, ext, in);
        network[r] = ei_index(ext, in);
        for (std::size_t g = 0; g < k; ++g) per_group[r * k + g] = ei_index(s.external[g], s.internal[g]);
      });

  auto summarize = [&](auto value_of, double observed, double& expected, double& p_less, double& p_greater) {
    double sum = 0;
    std::size_t count = 0, less = 0, greater = 0;
    for (std::size_t r = 0; r < R; ++r) {
      const double x = value_of(r);
      if (std::isnan(x)) continue;
      sum += x;
      ++count;
      if (x <= observed) ++less;
      if (x >= observed) ++greater;
    }
    expected = count ? sum / static_cast<double>(count) : nan;
    if (std::isnan(observed)) return;
    p_less = static_cast<double>(1 + less) / static_cast<double>(1 + R);
    p_greater = static_cast<double>(1 + greater) / static_cast<double>(1 + R);
  };
  summarize([&](std::size_t r) { return network[r]; }, result.ei, result.expected_ei, result.p_less, result.p_greater);
  for (std::size_t g = 0; g < k; ++g) {
    summarize([&](std::size_t r) { return per_group[r * k + g]; }, result.group_ei[g], result.group_expected_ei[g],
              result.group_p_less[g], result.group_p_greater[g]);
  }
  return result;
}

}  // namespace orgnet
