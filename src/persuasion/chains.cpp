// Influence chains: best chain, k best chains (Yen), best chains from one source.

#include "orgnet/persuasion/chains.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <tuple>

#include "chain_search.hpp"
#include "orgnet/error.hpp"

namespace orgnet {

using persuasion_detail::ChainSearch;
using persuasion_detail::infinite_length;
using persuasion_detail::make_chain;
using persuasion_detail::no_steps;
using persuasion_detail::StepRules;
using RoundMode = ChainSearch::RoundMode;

std::string_view to_string(ChainObjective objective) {
  switch (objective) {
    case ChainObjective::most_probable:
      return "most_probable";
    case ChainObjective::widest:
      return "widest";
    case ChainObjective::fewest_steps:
      return "fewest_steps";
  }
  return "most_probable";
}

ChainObjective parse_chain_objective(std::string_view text) {
  if (text == "most_probable" || text == "probable") return ChainObjective::most_probable;
  if (text == "widest") return ChainObjective::widest;
  if (text == "fewest_steps" || text == "fewest") return ChainObjective::fewest_steps;
  throw invalid_argument("unknown chain objective '" + std::string(text) +
                         "' (expected most_probable, widest or fewest_steps)");
}

std::string_view to_string(ChainStatus status) {
  switch (status) {
    case ChainStatus::found:
      return "found";
    case ChainStatus::endpoint_avoided:
      return "endpoint_avoided";
    case ChainStatus::no_chain:
      return "no_chain";
  }
  return "no_chain";
}

namespace {

void check_vertex(const InfluenceGraph& g, vertex_id v, const char* what) {
  if (v >= g.num_vertices()) {
    throw out_of_range(std::string(what) + " vertex " + std::to_string(v) + " is out of range (graph has " +
                       std::to_string(g.num_vertices()) + " people)");
  }
}

std::uint32_t step_limit(const ChainConstraints& c) {
  if (!c.max_steps) return no_steps;
  return static_cast<std::uint32_t>(std::min<std::size_t>(*c.max_steps, no_steps - 1));
}

// Fewest steps from source to target under `rules` (no_steps when unreachable).
std::uint32_t hop_distance(const StepRules& rules, vertex_id source, vertex_id target) {
  ChainSearch search(rules.graph->num_vertices());
  search.rounds(rules, source, target, no_steps - 1, RoundMode::fewest);
  return search.steps(target);
}

// Why no chain satisfies the constraints: each constraint is tried alone.
std::string explain_no_chain(const InfluenceGraph& g, vertex_id source, vertex_id target, const ChainConstraints& c) {
  const std::string who = "'" + g.id(source) + "' to '" + g.id(target) + "'";
  const std::uint32_t plain = hop_distance(StepRules(g, {}), source, target);
  if (plain == no_steps) return "no chain of influence leads from " + who + " at all";
  std::vector<std::string> blockers;
  if (!c.avoid.empty() && hop_distance(StepRules(g, {.avoid = c.avoid}), source, target) == no_steps) {
    blockers.emplace_back("every chain passes through an avoided person");
  }
  if (c.max_steps && plain > *c.max_steps) {
    blockers.push_back("the shortest chain has " + std::to_string(plain) + " steps, more than the limit of " +
                       std::to_string(*c.max_steps));
  }
  if (c.max_level_skip &&
      hop_distance(StepRules(g, {.max_level_skip = c.max_level_skip}), source, target) == no_steps) {
    blockers.push_back("every chain has an upward step rising more than " + std::to_string(*c.max_level_skip) +
                       " level(s) (over someone's head)");
  }
  if (!c.relations.empty() && hop_distance(StepRules(g, {.relations = c.relations}), source, target) == no_steps) {
    std::string names;
    for (const relation_id r : c.relations) names += (names.empty() ? "" : ", ") + g.relation_name(r);
    blockers.push_back("no chain uses only the relations " + names);
  }
  if (blockers.empty())
    return "no chain from " + who + " satisfies all the constraints together (each alone allows one)";
  std::string reason = "no chain from " + who + ": ";
  for (std::size_t i = 0; i < blockers.size(); ++i) reason += (i ? "; " : "") + blockers[i];
  return reason;
}

// Endpoint checks shared by best_chain and k_best_chains; fills `status` and
// `reason` and returns false when the request cannot have a chain.
bool endpoints_usable(const InfluenceGraph& g, vertex_id source, vertex_id target, const StepRules& rules,
                      ChainStatus& status, std::string& reason) {
  for (const vertex_id v : {source, target}) {
    if (!rules.avoided.empty() && rules.avoided[v]) {
      status = ChainStatus::endpoint_avoided;
      reason = std::string(v == source ? "the source" : "the target") + " '" + g.id(v) + "' is in the avoid list";
      return false;
    }
  }
  return true;
}

// The best chain under `rules` (which may carry Yen's bans); empty people when none.
void search_best(ChainSearch& search, StepRules& rules, vertex_id source, vertex_id target, ChainObjective objective,
                 std::uint32_t limit, std::vector<vertex_id>& people, std::vector<edge_id>& ties) {
  switch (objective) {
    case ChainObjective::most_probable:
      if (limit == no_steps) {
        search.probable(rules, source, target);
      } else {
        search.rounds(rules, source, target, limit, RoundMode::probable);
      }
      break;
    case ChainObjective::fewest_steps:
      search.rounds(rules, source, target, limit == no_steps ? no_steps - 1 : limit, RoundMode::fewest);
      break;
    case ChainObjective::widest: {
      const double width = search.widest(rules, source, target, limit);
      if (width == 0.0) {
        people.clear();
        ties.clear();
        return;
      }
      const double saved = rules.min_strength;
      rules.min_strength = width;
      if (limit == no_steps) {
        search.probable(rules, source, target);
      } else {
        search.rounds(rules, source, target, limit, RoundMode::probable);
      }
      rules.min_strength = saved;
      break;
    }
  }
  search.chain_to(target, people, ties);
}

}  // namespace

ChainResult best_chain(const InfluenceGraph& g, vertex_id source, vertex_id target, const ChainOptions& options) {
  check_vertex(g, source, "best_chain: source");
  check_vertex(g, target, "best_chain: target");
  StepRules rules(g, options.constraints);
  ChainResult result;
  if (!endpoints_usable(g, source, target, rules, result.status, result.reason)) return result;
  ChainSearch search(g.num_vertices());
  std::vector<vertex_id> people;
  std::vector<edge_id> ties;
  search_best(search, rules, source, target, options.objective, step_limit(options.constraints), people, ties);
  if (people.empty()) {
    result.status = ChainStatus::no_chain;
    result.reason = explain_no_chain(g, source, target, options.constraints);
    return result;
  }
  result.status = ChainStatus::found;
  result.chain = make_chain(g, std::move(people), std::move(ties));
  return result;
}

KBestChainsResult k_best_chains(const InfluenceGraph& g, vertex_id source, vertex_id target, std::size_t k,
                                const ChainOptions& options) {
  check_vertex(g, source, "k_best_chains: source");
  check_vertex(g, target, "k_best_chains: target");
  if (options.objective != ChainObjective::most_probable) {
    throw invalid_argument("k_best_chains: objective must be most_probable, got " +
                           std::string(to_string(options.objective)));
  }
  KBestChainsResult result;
  StepRules rules(g, options.constraints);
  if (!endpoints_usable(g, source, target, rules, result.status, result.reason)) return result;
  const std::uint32_t limit = step_limit(options.constraints);
  ChainSearch search(g.num_vertices());
  std::vector<vertex_id> people;
  std::vector<edge_id> ties;
  search_best(search, rules, source, target, options.objective, limit, people, ties);
  if (people.empty()) {
    result.status = ChainStatus::no_chain;
    result.reason = explain_no_chain(g, source, target, options.constraints);
    return result;
  }
  result.status = ChainStatus::found;
  if (k == 0) return result;
  result.chains.push_back(make_chain(g, people, ties));
  if (source == target || k == 1) return result;

  // A* heuristic: exact distances to the target under the constraints (a
  // lower bound once Yen's bans remove people and ties).
  std::vector<double> to_target;
  if (limit == no_steps) search.distances_to(rules, target, to_target);

  rules.banned_vertex.assign(g.num_vertices(), 0);
  rules.banned_edge.assign(g.num_edges(), 0);
  // Candidates ordered by (length, steps, people): B in Yen's paper.
  auto before = [](const Chain& a, const Chain& b) {
    if (a.length != b.length) return a.length < b.length;
    if (a.people.size() != b.people.size()) return a.people.size() < b.people.size();
    return a.people < b.people;
  };
  std::set<Chain, decltype(before)> candidates(before);
  std::vector<edge_id> banned;
  while (result.chains.size() < k) {
    const Chain& last = result.chains.back();
    // Lengths of the root paths, added in path order from the source.
    double root_length = 0.0;
    for (std::size_t i = 0; i + 1 < last.people.size(); ++i) {
      const vertex_id spur = last.people[i];
      if (i > 0) root_length += rules.length[last.ties[i - 1]];
      // Ban the next tie of every chain found so far that shares this root.
      banned.clear();
      for (const Chain& c : result.chains) {
        if (c.people.size() > i + 1 &&
            std::equal(c.people.begin(), c.people.begin() + static_cast<long>(i) + 1, last.people.begin())) {
          banned.push_back(c.ties[i]);
        }
      }
      for (const edge_id e : banned) rules.banned_edge[e] = 1;
      for (std::size_t j = 0; j < i; ++j) rules.banned_vertex[last.people[j]] = 1;
      if (limit == no_steps) {
        search.probable(rules, spur, target, root_length, static_cast<std::uint32_t>(i), &to_target);
        search.chain_to(target, people, ties);
      } else if (i < limit) {
        search.rounds(rules, spur, target, limit - static_cast<std::uint32_t>(i), RoundMode::probable, root_length,
                      static_cast<std::uint32_t>(i));
        search.chain_to(target, people, ties);
      } else {
        people.clear();
      }
      for (const edge_id e : banned) rules.banned_edge[e] = 0;
      for (std::size_t j = 0; j < i; ++j) rules.banned_vertex[last.people[j]] = 0;
      if (people.empty()) continue;
      std::vector<vertex_id> full(last.people.begin(), last.people.begin() + static_cast<long>(i));
      std::vector<edge_id> full_ties(last.ties.begin(), last.ties.begin() + static_cast<long>(i));
      full.insert(full.end(), people.begin(), people.end());
      full_ties.insert(full_ties.end(), ties.begin(), ties.end());
      candidates.insert(make_chain(g, std::move(full), std::move(full_ties)));
    }
    if (candidates.empty()) break;
    result.chains.push_back(*candidates.begin());
    candidates.erase(candidates.begin());
  }
  return result;
}

Chain ChainTree::chain_to(const InfluenceGraph& graph, vertex_id v) const {
  if (v >= steps.size()) {
    throw out_of_range("ChainTree::chain_to: vertex " + std::to_string(v) + " is out of range (tree has " +
                       std::to_string(steps.size()) + " people)");
  }
  if (!reached(v)) return {};
  std::vector<vertex_id> people;
  std::vector<edge_id> ties;
  if (history.empty()) {
    for (vertex_id u = v; u != no_vertex; u = predecessor[u]) {
      people.push_back(u);
      if (predecessor[u] != no_vertex) ties.push_back(via[u]);
    }
  } else {
    std::uint32_t i = latest[v];
    while (true) {
      const Improvement& entry = history[i];
      people.push_back(entry.vertex);
      if (entry.predecessor == no_vertex) break;
      ties.push_back(entry.via);
      std::uint32_t j = latest[entry.predecessor];
      while (history[j].steps > entry.steps - 1) j = history[j].previous;
      i = j;
    }
  }
  std::reverse(people.begin(), people.end());
  std::reverse(ties.begin(), ties.end());
  return persuasion_detail::make_chain(graph, std::move(people), std::move(ties));
}

ChainTree best_chains_from(const InfluenceGraph& g, vertex_id source, const ChainOptions& options) {
  check_vertex(g, source, "best_chains_from: source");
  StepRules rules(g, options.constraints);
  const std::size_t n = g.num_vertices();
  ChainTree tree;
  tree.source = source;
  tree.objective = options.objective;
  tree.probability.assign(n, 0.0);
  tree.weakest.assign(n, 0.0);
  tree.steps.assign(n, no_steps);
  tree.predecessor.assign(n, no_vertex);
  tree.via.assign(n, persuasion_detail::no_edge);
  if (!rules.avoided.empty() && rules.avoided[source]) return tree;
  const std::uint32_t limit = step_limit(options.constraints);
  ChainSearch search(n);
  switch (options.objective) {
    case ChainObjective::most_probable:
      if (limit == no_steps) {
        search.probable(rules, source, no_vertex);
      } else {
        search.rounds(rules, source, no_vertex, limit, RoundMode::probable);
      }
      break;
    case ChainObjective::fewest_steps:
      search.rounds(rules, source, no_vertex, limit == no_steps ? no_steps - 1 : limit, RoundMode::fewest);
      break;
    case ChainObjective::widest:
      (void)search.widest(rules, source, no_vertex, limit);
      break;
  }
  std::vector<vertex_id> reached(search.touched());
  std::sort(reached.begin(), reached.end());
  for (const vertex_id v : reached) {
    if (search.steps(v) == no_steps) continue;
    tree.steps[v] = search.steps(v);
    tree.predecessor[v] = search.predecessor(v);
    tree.via[v] = search.via(v);
  }
  if (search.used_rounds() && options.objective != ChainObjective::fewest_steps) {
    tree.history = search.history();
    tree.latest.assign(n, no_steps);
    for (const vertex_id v : reached) tree.latest[v] = search.latest()[v];
  }
  // Probability and weakest step of each chain, in path order.
  for (const vertex_id v : reached) {
    if (!tree.reached(v)) continue;
    const Chain c = tree.chain_to(g, v);
    tree.probability[v] = c.probability;
    tree.weakest[v] = c.weakest;
  }
  return tree;
}

}  // namespace orgnet
