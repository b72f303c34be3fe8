#include "orgnet/structure/roles.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "orgnet/centrality/betweenness.hpp"
#include "orgnet/centrality/degree.hpp"
#include "orgnet/error.hpp"
#include "orgnet/structure/formal_informal.hpp"

namespace orgnet {

RolesResult ona_roles(const InfluenceGraph& graph, const RoleOptions& options) {
  for (auto [name, value] : {std::pair{"connector_percentile", options.connector_percentile},
                             std::pair{"spanner_percentile", options.spanner_percentile},
                             std::pair{"broker_percentile", options.broker_percentile},
                             std::pair{"peripheral_percentile", options.peripheral_percentile}}) {
    if (std::isnan(value) || value < 0) {
      throw invalid_argument(std::string("ona_roles: ") + name + " must be >= 0, got " + std::to_string(value));
    }
  }
  if (options.threads < 0) {
    throw invalid_argument("ona_roles: threads must be >= 0, got " + std::to_string(options.threads));
  }
  const std::size_t n = graph.num_vertices();
  const Labeling groups =
      options.groups.label.empty() && options.groups.names.empty() ? department_labeling(graph) : options.groups;
  validate_labeling(groups, n, "ona_roles: groups");
  RolesResult r;
  r.thresholds = options;
  r.thresholds.groups = {};
  r.degree = degree_centrality(graph, {.direction = DegreeDirection::total}).score;
  r.betweenness = betweenness(graph, {.distance = options.distance, .threads = options.threads}).score;
  r.degree_percentile = percentile_ranks(r.degree);
  r.betweenness_percentile = percentile_ranks(r.betweenness);
  r.contacts.assign(n, 0);
  r.external.assign(n, 0);
  r.groups_reached.assign(n, 0);
  r.external_share.assign(n, std::numeric_limits<double>::quiet_NaN());
  std::vector<char> seen_group(groups.num_groups(), 0);
  std::vector<std::int32_t> touched;
  for (vertex_id v = 0; v < n; ++v) {
    auto out = graph.out_neighbors(v);
    auto in = graph.in_neighbors(v);
    const std::int32_t own = groups.label[v];
    auto visit = [&](vertex_id u) {
      ++r.contacts[v];
      const std::int32_t g = groups.label[u];
      if (own == Labeling::missing || g == Labeling::missing || g == own) return;
      ++r.external[v];
      if (!seen_group[static_cast<std::size_t>(g)]) {
        seen_group[static_cast<std::size_t>(g)] = 1;
        touched.push_back(g);
      }
    };
    // Merge the two sorted lists so a reciprocated pair counts once.
    std::size_t a = 0, b = 0;
    while (a < out.size() || b < in.size()) {
      if (b == in.size() || (a < out.size() && out[a] < in[b])) {
        visit(out[a++]);
      } else if (a == out.size() || in[b] < out[a]) {
        visit(in[b++]);
      } else {
        visit(out[a]);
        ++a;
        ++b;
      }
    }
    r.groups_reached[v] = touched.size();
    for (std::int32_t g : touched) seen_group[static_cast<std::size_t>(g)] = 0;
    touched.clear();
    if (r.contacts[v] > 0) {
      r.external_share[v] = static_cast<double>(r.external[v]) / static_cast<double>(r.contacts[v]);
    }
  }
  std::vector<double> external(r.external.begin(), r.external.end());
  r.external_percentile = percentile_ranks(external);
  r.central_connector.assign(n, 0);
  r.boundary_spanner.assign(n, 0);
  r.information_broker.assign(n, 0);
  r.peripheral_specialist.assign(n, 0);
  for (vertex_id v = 0; v < n; ++v) {
    // The top person sits at percentile 1 (or 0.5 when n = 1): a threshold of
    // 1 must still admit them, so compare with a tiny tolerance.
    constexpr double eps = 1e-12;
    r.central_connector[v] = r.degree_percentile[v] + eps >= options.connector_percentile && r.degree[v] > 0;
    r.boundary_spanner[v] = r.external_percentile[v] + eps >= options.spanner_percentile && r.external[v] > 0 &&
                            r.groups_reached[v] >= options.spanner_min_groups;
    r.information_broker[v] = r.betweenness_percentile[v] + eps >= options.broker_percentile && r.betweenness[v] > 0 &&
                              r.groups_reached[v] >= options.broker_min_groups;
    r.peripheral_specialist[v] = r.degree_percentile[v] <= options.peripheral_percentile + eps;
  }
  return r;
}

std::string role_names(const RolesResult& roles, vertex_id v) {
  std::string out;
  auto add = [&](bool on, const char* name) {
    if (on) out += (out.empty() ? "" : ",") + std::string(name);
  };
  add(roles.central_connector.at(v), "central_connector");
  add(roles.boundary_spanner.at(v), "boundary_spanner");
  add(roles.information_broker.at(v), "information_broker");
  add(roles.peripheral_specialist.at(v), "peripheral_specialist");
  return out;
}

}  // namespace orgnet
