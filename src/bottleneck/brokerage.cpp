#include "orgnet/bottleneck/brokerage.hpp"

#include <cmath>
#include <map>
#include <string>
#include <unordered_map>

#include "orgnet/centrality/detail/parallel_reduce.hpp"
#include "orgnet/error.hpp"

namespace orgnet {

std::string_view to_string(BrokerageRole role) {
  switch (role) {
    case BrokerageRole::coordinator:
      return "coordinator";
    case BrokerageRole::itinerant:
      return "itinerant";
    case BrokerageRole::representative:
      return "representative";
    case BrokerageRole::gatekeeper:
      return "gatekeeper";
    case BrokerageRole::liaison:
      return "liaison";
    case BrokerageRole::total:
      return "total";
  }
  return "total";
}

std::string_view sna_name(BrokerageRole role) {
  switch (role) {
    case BrokerageRole::coordinator:
      return "w_I";
    case BrokerageRole::itinerant:
      return "w_O";
    case BrokerageRole::representative:
      return "b_IO";
    case BrokerageRole::gatekeeper:
      return "b_OI";
    case BrokerageRole::liaison:
      return "b_O";
    case BrokerageRole::total:
      return "t";
  }
  return "t";
}

namespace {

constexpr std::size_t W_I = 0, W_O = 1, B_IO = 2, B_OI = 3, B_O = 4, TOTAL = 5;

struct Scratch {
  Scratch(std::size_t n, std::size_t groups) : mark(n, 0), per_group(groups, 0) {}
  std::vector<char> mark;                // out-neighbours of the broker
  std::vector<std::uint64_t> per_group;  // broker's out-neighbours by group
};

}  // namespace

BrokerageResult brokerage(const InfluenceGraph& graph, const BrokerageOptions& options) {
  if (options.threads < 0) {
    throw invalid_argument("brokerage: threads must be >= 0 (0 = all available), got " +
                           std::to_string(options.threads));
  }
  const std::size_t n = graph.num_vertices();
  BrokerageResult r;
  for (std::size_t k = 0; k < brokerage_columns; ++k) {
    r.observed[k].assign(n, 0);
    r.expected[k].assign(n, 0.0);
    r.sd[k].assign(n, 0.0);
    r.z[k].assign(n, 0.0);
  }

  // Groups, numbered in order of first appearance.
  r.group.assign(n, 0);
  {
    std::unordered_map<std::string, std::uint32_t> index;
    std::span<const std::string> values;
    if (!options.attribute.empty()) values = graph.attribute_column(options.attribute);
    for (vertex_id v = 0; v < n; ++v) {
      std::string name;
      if (!options.attribute.empty()) {
        name = values[v];
      } else if (graph.department(v) != no_department) {
        name = graph.department_name(graph.department(v));
      }
      auto [it, added] = index.emplace(name, static_cast<std::uint32_t>(r.group_names.size()));
      if (added) {
        r.group_names.push_back(name);
        r.group_sizes.push_back(0);
      }
      r.group[v] = it->second;
      ++r.group_sizes[it->second];
    }
  }
  const std::size_t groups = r.group_names.size();

  // Observed counts, one broker per work item.
  const auto& group = r.group;
  const int team = graph.num_edges() < 20000 ? 1 : detail::resolve_threads(options.threads);
  detail::parallel_for_items(
      n, team, 64, [&] { return Scratch(n, groups); },
      [&](Scratch& s, std::size_t item) {
        const auto b = static_cast<vertex_id>(item);
        const auto out_b = graph.out_neighbors(b);
        const auto in_b = graph.in_neighbors(b);
        if (out_b.empty() || in_b.empty()) return;
        for (const vertex_id c : out_b) {
          s.mark[c] = 1;
          ++s.per_group[group[c]];
        }
        const std::uint32_t gb = group[b];
        std::array<std::uint64_t, brokerage_columns> count{};
        for (const vertex_id a : in_b) {
          const std::uint32_t ga = group[a];
          // Candidates c: out(b) without a and without out(a).
          std::uint64_t all = out_b.size(), same_b = s.per_group[gb], same_a = s.per_group[ga];
          auto drop = [&](vertex_id c) {
            --all;
            if (group[c] == gb) --same_b;
            if (group[c] == ga) --same_a;
          };
          if (s.mark[a]) drop(a);
          for (const vertex_id c : graph.out_neighbors(a)) {
            if (s.mark[c]) drop(c);
          }
          if (ga == gb) {
            count[W_I] += same_b;
            count[B_IO] += all - same_b;
          } else {
            count[B_OI] += same_b;
            count[W_O] += same_a;
            count[B_O] += all - same_a - same_b;
          }
        }
        for (const vertex_id c : out_b) {
          s.mark[c] = 0;
          s.per_group[group[c]] = 0;
        }
        std::uint64_t total = 0;
        for (std::size_t k = 0; k < TOTAL; ++k) {
          r.observed[k][b] = count[k];
          total += count[k];
        }
        r.observed[TOTAL][b] = total;
      });
  for (std::size_t k = 0; k < brokerage_columns; ++k) {
    for (vertex_id v = 0; v < n; ++v) r.network_observed[k] += r.observed[k][v];
  }

  // Moments of the null model (sna's formulas; see the header).
  const double N = static_cast<double>(n);
  const double d = n >= 2 ? static_cast<double>(graph.num_edges()) / (N * (N - 1.0)) : 0.0;
  r.density = d;
  const double p = d * d * (1.0 - d);
  const double q = std::pow(d, 3) * std::pow(1.0 - d, 3);
  const double d4 = std::pow(d, 4) * std::pow(1.0 - d, 2);
  const double d5 = std::pow(d, 5) * (1.0 - d);
  auto choose2 = [](double x) { return x * (x - 1.0) / 2.0; };
  std::vector<double> size(groups);
  for (std::size_t g = 0; g < groups; ++g) size[g] = static_cast<double>(r.group_sizes[g]);
  double sum_pairs = 0.0, sum_triples = 0.0, sum_squares = 0.0;
  for (const double x : size) {
    sum_pairs += x * (x - 1.0);
    sum_triples += x * (x - 1.0) * (x - 2.0);
    sum_squares += x * x;
  }
  std::vector<std::array<double, brokerage_columns>> e(groups), var(groups);
  for (std::size_t i = 0; i < groups; ++i) {
    const double ni = size[i];
    auto& E = e[i];
    auto& V = var[i];
    E[W_I] = p * (ni - 1.0) * (ni - 2.0);
    V[W_I] = E[W_I] * (1.0 - p) + 2.0 * (ni - 1.0) * (ni - 2.0) * (ni - 3.0) * q;
    E[W_O] = p * (sum_pairs - ni * (ni - 1.0));
    V[W_O] = E[W_O] * (1.0 - p) + 2.0 * (sum_triples - ni * (ni - 1.0) * (ni - 2.0)) * q;
    E[B_IO] = p * (N - ni) * (ni - 1.0);
    V[B_IO] = E[B_IO] * (1.0 - p) + 2.0 * ((ni - 1.0) * choose2(N - ni) + (N - ni) * choose2(ni - 1.0)) * q;
    E[B_OI] = E[B_IO];
    V[B_OI] = V[B_IO];
    E[B_O] = p * ((N - ni) * (N - ni) - (sum_squares - ni * ni));
    double liaison = 0.0;
    for (std::size_t j = 0; j < groups; ++j) {
      if (j != i) liaison += size[j] * choose2(N - size[j] - ni);
    }
    V[B_O] = E[B_O] * (1.0 - p) + 4.0 * liaison * q;
    E[TOTAL] = p * (N - 1.0) * (N - 2.0);
    V[TOTAL] = E[TOTAL] * (1.0 - p) + 2.0 * (N - 1.0) * (N - 2.0) * (N - 3.0) * q;
  }
  for (vertex_id v = 0; v < n; ++v) {
    for (std::size_t k = 0; k < brokerage_columns; ++k) {
      const double E = e[group[v]][k];
      const double sd = std::sqrt(var[group[v]][k]);
      r.expected[k][v] = E;
      r.sd[k][v] = sd;
      r.z[k][v] = (static_cast<double>(r.observed[k][v]) - E) / sd;
    }
  }

  // Network level.
  auto& E = r.network_expected;
  std::array<double, brokerage_columns> V{};
  {
    double s1 = 0.0, v1 = 0.0, s3 = 0.0, v3 = 0.0, v2a = 0.0, v2b = 0.0, e5a = 0.0, e5b = 0.0, v5 = 0.0;
    for (const double x : size) {
      s1 += x * (x - 1.0) * (x - 2.0);
      v1 += x * (x - 1.0) * (x - 2.0) * ((4.0 * x - 10.0) * q - 4.0 * (x - 3.0) * d4 + (x - 3.0) * d5);
      s3 += x * (N - x) * (x - 1.0);
      v3 += x * (N - x) * (x - 1.0) * ((N - 3.0) * q + (x - 2.0) * d5);
      v2b += x * x * (x - 1.0) * ((4.0 * x - 6.0) * q + (N - x - 1.0) * d5);
      e5b += x * x * (N - 2.0 * x);
      for (const double y : size) {
        v2a += x * y * (x - 1.0) * ((2.0 * x + 2.0 * y - 6.0) * q + (N - x - 1.0) * d5);
        e5a += x * y * (N - x - y);
      }
    }
    for (std::size_t i = 0; i < groups; ++i) {
      for (std::size_t j = 0; j < groups; ++j) {
        if (j == i) continue;
        for (std::size_t k = 0; k < groups; ++k) {
          if (k == i || k == j) continue;
          const double ni = size[i], nj = size[j], nk = size[k];
          v5 += ni * nj * nk *
                ((4.0 * (N - nj) - 2.0 * (ni + nk + 1.0)) * q - (4.0 * (N - nk) - 2.0 * (ni + nj + 1.0)) * d4 +
                 (N - (ni + nk + 1.0)) * d5);
        }
      }
    }
    E[W_I] = p * s1;
    V[W_I] = E[W_I] * (1.0 - p) + v1;
    E[W_O] = p * s3;
    V[W_O] = E[W_O] * (1.0 - p) + (v2a - v2b);
    E[B_IO] = p * s3;
    V[B_IO] = E[B_IO] * (1.0 - p) + v3;
    E[B_OI] = E[B_IO];
    V[B_OI] = V[B_IO];
    E[B_O] = p * (e5a - e5b);
    V[B_O] = E[B_O] * (1.0 - p) + v5;
    E[TOTAL] = p * N * (N - 1.0) * (N - 2.0);
    V[TOTAL] = E[TOTAL] * (1.0 - p) +
               N * (N - 1.0) * (N - 2.0) * ((4.0 * N - 10.0) * q - 4.0 * (N - 3.0) * d4 + (N - 3.0) * d5);
  }
  for (std::size_t k = 0; k < brokerage_columns; ++k) {
    r.network_sd[k] = std::sqrt(V[k]);
    r.network_z[k] = (static_cast<double>(r.network_observed[k]) - E[k]) / r.network_sd[k];
  }
  return r;
}

}  // namespace orgnet
