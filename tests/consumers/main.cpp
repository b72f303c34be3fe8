// A program that uses orgnet the way an application would: build a tiny
// organization, summarize it, and check the figures.

#include <orgnet/orgnet.hpp>

#include <cstdio>

int main() {
  orgnet::GraphBuilder builder;
  builder.add_person({.id = "ceo", .department = "Board"});
  builder.add_person({.id = "ana", .department = "Sales", .manager = "ceo"});
  builder.add_person({.id = "bo", .department = "Sales", .manager = "ana"});
  builder.add_tie("bo", "ana", "advice", 1.0);
  builder.add_tie("ana", "ceo", "advice", 1.0);
  const orgnet::InfluenceGraph graph = std::move(builder).build();
  const orgnet::GraphSummary summary = orgnet::summarize(graph);
  std::printf("orgnet %s: %zu people, %zu influence edges, hierarchy depth %zu\n", orgnet::config::version,
              summary.people, summary.influence_edges, summary.hierarchy.depth);
  return summary.people == 3 && summary.influence_edges == 2 && summary.hierarchy.depth == 3 ? 0 : 1;
}
