#pragma once
// What every fuzz target checks after a load that did not throw: the graph is
// internally consistent. A violated invariant aborts (libFuzzer reports it as
// a crash with the input that caused it).

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "orgnet/model/influence_graph.hpp"

namespace orgnet::fuzz {

[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "graph invariant violated: %s\n", what);
  std::abort();
}

inline void require(bool condition, const char* what) {
  if (!condition) fail(what);
}

inline void check_graph(const InfluenceGraph& g) {
  const std::size_t n = g.num_vertices();
  const std::size_t m = g.num_edges();
  const auto out_offsets = g.out_offsets();
  const auto in_offsets = g.in_offsets();
  require(out_offsets.size() == n + 1 && in_offsets.size() == n + 1, "offset arrays have n + 1 entries");
  require(out_offsets[0] == 0 && out_offsets[n] == m, "out offsets span [0, m]");
  require(in_offsets[0] == 0 && in_offsets[n] == m, "in offsets span [0, m]");
  require(g.out_targets().size() == m && g.strengths().size() == m, "out arrays have m entries");
  require(g.in_sources().size() == m && g.in_edge_ids().size() == m, "in arrays have m entries");

  std::vector<char> seen(m, 0);
  for (vertex_id u = 0; u < n; ++u) {
    require(out_offsets[u] <= out_offsets[u + 1], "out offsets never decrease");
    for (edge_id e = out_offsets[u]; e < out_offsets[u + 1]; ++e) {
      const vertex_id v = g.out_targets()[e];
      require(v < n, "edge target in range");
      require(v != u, "no self-loop edges (self-ties are kept as ties only)");
      if (e > out_offsets[u]) require(g.out_targets()[e - 1] < v, "targets sorted and unique per source");
      const double s = g.strength(e);
      require(std::isfinite(s) && s > 0.0 && s <= 1.0, "strength in (0, 1]");
      require(g.edge_source(e) == u, "edge_source agrees with the out CSR");
    }
  }
  for (vertex_id v = 0; v < n; ++v) {
    require(in_offsets[v] <= in_offsets[v + 1], "in offsets never decrease");
    for (edge_id k = in_offsets[v]; k < in_offsets[v + 1]; ++k) {
      const edge_id e = g.in_edge_ids()[k];
      require(e < m, "in edge id in range");
      require(!seen[e], "every edge appears once in the in CSR");
      seen[e] = 1;
      require(g.edge_target(e) == v, "in CSR lists edges into v");
      require(g.in_sources()[k] == g.edge_source(e), "in source agrees with the edge");
    }
  }

  for (vertex_id v = 0; v < n; ++v) {
    const auto found = g.find(g.id(v));
    require(found.has_value() && *found == v, "ids are unique and indexed");
    const department_id d = g.department(v);
    require(d == no_department || (d >= 0 && static_cast<std::size_t>(d) < g.num_departments()), "department in range");
    // Following managers ends within n steps: the hierarchy is a forest.
    vertex_id at = v;
    std::size_t steps = 0;
    while (g.manager(at) != no_vertex) {
      require(g.manager(at) < n, "manager in range");
      require(++steps <= n, "managers form no cycle");
      at = g.manager(at);
    }
  }
  require(g.ties().size() == g.num_ties(), "every kept tie is listed");
}

}  // namespace orgnet::fuzz
