#include "orgnet/bottleneck/dominators.hpp"

#include <algorithm>
#include <string>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dominator_tree.hpp>

#include "orgnet/error.hpp"

namespace orgnet {

namespace {

void check_vertex(const InfluenceGraph& graph, vertex_id v, const char* function, const char* argument) {
  if (v >= graph.num_vertices()) {
    throw out_of_range(std::string(function) + ": " + argument + " " + std::to_string(v) +
                       " is out of range (graph has " + std::to_string(graph.num_vertices()) + " people)");
  }
}

}  // namespace

std::string_view to_string(MustPassStatus status) {
  switch (status) {
    case MustPassStatus::ok:
      return "ok";
    case MustPassStatus::same_person:
      return "same_person";
    case MustPassStatus::unreachable:
      return "unreachable";
  }
  return "ok";
}

DominatorTree dominator_tree(const InfluenceGraph& graph, vertex_id root) {
  check_vertex(graph, root, "dominator_tree", "root");
  const std::size_t n = graph.num_vertices();
  DominatorTree t;
  t.root = root;
  t.immediate_dominator.assign(n, no_vertex);
  t.reachable.assign(n, 0);
  // Only the people the root reaches enter the flow graph (numbered in
  // breadth-first order, root 0): Lengauer-Tarjan must not see predecessors
  // that its depth-first search never numbered.
  std::vector<vertex_id> order{root}, local(n, no_vertex);
  local[root] = 0;
  t.reachable[root] = 1;
  for (std::size_t i = 0; i < order.size(); ++i) {
    for (const vertex_id w : graph.out_neighbors(order[i])) {
      if (local[w] != no_vertex) continue;
      local[w] = static_cast<vertex_id>(order.size());
      order.push_back(w);
      t.reachable[w] = 1;
    }
  }
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
  using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
  const std::size_t k = order.size();
  Graph g(k);
  for (std::size_t i = 0; i < k; ++i) {
    for (const vertex_id w : graph.out_neighbors(order[i])) boost::add_edge(i, local[w], g);
  }
  std::vector<Vertex> idom(k, boost::graph_traits<Graph>::null_vertex());
  auto idom_map = boost::make_iterator_property_map(idom.begin(), boost::get(boost::vertex_index, g));
  boost::lengauer_tarjan_dominator_tree(g, boost::vertex(0, g), idom_map);
  for (std::size_t i = 1; i < k; ++i) t.immediate_dominator[order[i]] = order[idom[i]];
  return t;
}

MustPassResult must_pass(const InfluenceGraph& graph, vertex_id source, vertex_id target) {
  check_vertex(graph, source, "must_pass", "source");
  check_vertex(graph, target, "must_pass", "target");
  MustPassResult r;
  if (source == target) {
    r.status = MustPassStatus::same_person;
    return r;
  }
  const DominatorTree t = dominator_tree(graph, source);
  if (!t.reachable[target]) {
    r.status = MustPassStatus::unreachable;
    return r;
  }
  for (vertex_id d = t.immediate_dominator[target]; d != source; d = t.immediate_dominator[d]) r.people.push_back(d);
  std::reverse(r.people.begin(), r.people.end());
  return r;
}

}  // namespace orgnet
