// Quick start: load an organization, look at its influence graph.
//
//   build/release/examples/example_quickstart [people.csv ties.csv]
//
// Without arguments it uses the bundled Krackhardt network.

#include <orgnet/orgnet.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <vector>

int main(int argc, char** argv) {
  try {
    // 1. Load: a bundled dataset, or a people file and a ties file.
    const orgnet::InfluenceGraph graph =
        argc == 3 ? orgnet::load_csv(argv[1], argv[2]) : orgnet::load_dataset("krackhardt");

    // 2. The figures to check first.
    orgnet::write_summary(orgnet::summarize(graph), std::cout, orgnet::OutputFormat::table);

    // 3. Walk the influence graph: the strongest single ties of influence.
    std::vector<orgnet::edge_id> edges(graph.num_edges());
    for (orgnet::edge_id e = 0; e < edges.size(); ++e) edges[e] = e;
    std::stable_sort(edges.begin(), edges.end(), [&](auto a, auto b) { return graph.strength(a) > graph.strength(b); });
    std::cout << "\nStrongest influence ties (excluding reporting lines):\n";
    int shown = 0;
    for (orgnet::edge_id e : edges) {
      const auto u = graph.edge_source(e), v = graph.edge_target(e);
      if (graph.manager(v) == u) continue;  // the formal line, shown elsewhere
      std::printf("  %s -> %s  strength %.3f  (-ln s = %.3f)\n", graph.id(u).c_str(), graph.id(v).c_str(),
                  graph.strength(e), orgnet::to_distance(graph.strength(e), orgnet::DistanceTransform::neg_log));
      if (++shown == 5) break;
    }
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << '\n';
    return 2;
  }
  return 0;
}
