#include "orgnet/persuasion/network_plan.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <sstream>
#include <string>

#include "chain_search.hpp"
#include "orgnet/centrality/pagerank.hpp"
#include "orgnet/error.hpp"
#include "orgnet/model/hierarchy.hpp"

namespace orgnet {

using persuasion_detail::ChainSearch;
using persuasion_detail::make_chain;
using persuasion_detail::no_steps;
using persuasion_detail::StepRules;

std::string_view to_string(CandidatePool pool) {
  switch (pool) {
    case CandidatePool::within_steps:
      return "within_steps";
    case CandidatePool::peers:
      return "peers";
    case CandidatePool::everyone:
      return "everyone";
  }
  return "within_steps";
}

CandidatePool parse_candidate_pool(std::string_view text) {
  if (text == "within_steps" || text == "within") return CandidatePool::within_steps;
  if (text == "peers") return CandidatePool::peers;
  if (text == "everyone" || text == "all") return CandidatePool::everyone;
  throw invalid_argument("unknown candidate pool '" + std::string(text) +
                         "' (expected within_steps, peers or everyone)");
}

std::string_view to_string(AttentionRanking ranking) {
  return ranking == AttentionRanking::chain ? "chain" : "pagerank";
}

AttentionRanking parse_attention_ranking(std::string_view text) {
  if (text == "chain") return AttentionRanking::chain;
  if (text == "pagerank") return AttentionRanking::pagerank;
  throw invalid_argument("unknown attention ranking '" + std::string(text) + "' (expected chain or pagerank)");
}

namespace {

void check_person(const InfluenceGraph& g, vertex_id v, const char* what) {
  if (v >= g.num_vertices()) {
    throw out_of_range(std::string(what) + ": vertex " + std::to_string(v) + " is out of range (graph has " +
                       std::to_string(g.num_vertices()) + " people)");
  }
}

void validate(const NetworkPlanOptions& o) {
  if (!(o.min_probability > 0.0 && o.min_probability <= 1.0)) {
    throw invalid_argument("network_plan: min_probability must be in (0, 1], got " + std::to_string(o.min_probability));
  }
  if (!(o.new_tie_strength > 0.0 && o.new_tie_strength <= 1.0)) {
    throw invalid_argument("network_plan: new_tie_strength must be in (0, 1], got " +
                           std::to_string(o.new_tie_strength));
  }
  if (o.max_steps && *o.max_steps == 0) throw invalid_argument("network_plan: max_steps must be >= 1 (or unlimited)");
  if (o.peer_levels < 0) throw invalid_argument("network_plan: peer_levels must be >= 0");
}

double harmonic(std::size_t d) {
  double h = 0.0;
  for (std::size_t i = 1; i <= d; ++i) h += 1.0 / static_cast<double>(i);
  return d == 0 ? 1.0 : h;
}

// Departments first (by id), then the levels present (ascending).
struct Groups {
  std::vector<OrgGroup> groups;
  std::vector<std::vector<vertex_id>> members;
  std::vector<int> level_group;  // by level - min_level, -1 when absent
  int min_level = 0;
  std::size_t num_departments = 0;

  explicit Groups(const InfluenceGraph& g) {
    const std::size_t n = g.num_vertices();
    num_departments = g.num_departments();
    for (std::size_t d = 0; d < num_departments; ++d) {
      const auto dep = static_cast<department_id>(d);
      groups.push_back({GroupKind::department, dep, g.department_name(dep)});
      const auto m = g.department_members(dep);
      members.emplace_back(m.begin(), m.end());
    }
    if (n == 0) return;
    int lo = g.level(0), hi = g.level(0);
    for (vertex_id v = 0; v < n; ++v) {
      lo = std::min(lo, g.level(v));
      hi = std::max(hi, g.level(v));
    }
    min_level = lo;
    std::vector<std::vector<vertex_id>> by_level(static_cast<std::size_t>(hi - lo + 1));
    for (vertex_id v = 0; v < n; ++v) by_level[static_cast<std::size_t>(g.level(v) - lo)].push_back(v);
    level_group.assign(by_level.size(), -1);
    for (std::size_t i = 0; i < by_level.size(); ++i) {
      if (by_level[i].empty()) continue;
      const int level = lo + static_cast<int>(i);
      level_group[i] = static_cast<int>(groups.size());
      groups.push_back(
          {GroupKind::level, level, level == 0 ? std::string("top (level 0)") : "level " + std::to_string(level)});
      members.push_back(std::move(by_level[i]));
    }
  }

  // The (at most two) groups of v.
  template <class F>
  void for_groups(const InfluenceGraph& g, vertex_id v, F&& f) const {
    const department_id d = g.department(v);
    if (d != no_department) f(static_cast<std::size_t>(d));
    f(static_cast<std::size_t>(level_group[static_cast<std::size_t>(g.level(v) - min_level)]));
  }

  [[nodiscard]] bool is_top(std::size_t gi) const {
    return groups[gi].kind == GroupKind::level && groups[gi].value == 0;
  }
};

std::vector<std::string> relation_names(const InfluenceGraph& g, RelationMask mask) {
  std::vector<std::string> names;
  for (std::size_t r = 0; r < g.num_relations(); ++r) {
    if (mask & (RelationMask{1} << std::min<std::size_t>(r, 31)))
      names.push_back(g.relation_name(static_cast<relation_id>(r)));
  }
  return names;
}

void sort_ties(std::vector<DirectTie>& ties) {
  std::sort(ties.begin(), ties.end(), [](const DirectTie& a, const DirectTie& b) {
    return a.strength != b.strength ? a.strength > b.strength : a.person < b.person;
  });
}

std::vector<SecondDegreeContact> second_degree(const InfluenceGraph& g, vertex_id p) {
  const std::size_t n = g.num_vertices();
  std::vector<vertex_id> direct;
  for (const vertex_id v : g.out_neighbors(p)) direct.push_back(v);
  for (const vertex_id v : g.in_neighbors(p)) direct.push_back(v);
  std::sort(direct.begin(), direct.end());
  direct.erase(std::unique(direct.begin(), direct.end()), direct.end());
  std::vector<char> is_direct(n, 0);
  for (const vertex_id v : direct) is_direct[v] = 1;
  std::vector<vertex_id> stamp(n, no_vertex);
  std::vector<std::size_t> count(n, 0);
  std::vector<vertex_id> via(n, no_vertex);
  std::vector<vertex_id> found;
  auto visit = [&](vertex_id c, vertex_id w) {
    if (w == p || is_direct[w] || stamp[w] == c) return;
    stamp[w] = c;
    if (count[w]++ == 0) {
      via[w] = c;
      found.push_back(w);
    }
  };
  for (const vertex_id c : direct) {
    for (const vertex_id w : g.out_neighbors(c)) visit(c, w);
    for (const vertex_id w : g.in_neighbors(c)) visit(c, w);
  }
  std::vector<SecondDegreeContact> out;
  out.reserve(found.size());
  for (const vertex_id w : found) out.push_back({w, count[w], via[w]});
  std::sort(out.begin(), out.end(), [](const SecondDegreeContact& a, const SecondDegreeContact& b) {
    return a.common_contacts != b.common_contacts ? a.common_contacts > b.common_contacts : a.person < b.person;
  });
  return out;
}

std::vector<vertex_id> candidate_pool(const InfluenceGraph& g, vertex_id p, const NetworkPlanOptions& o) {
  const std::size_t n = g.num_vertices();
  std::vector<vertex_id> pool;
  switch (o.candidates) {
    case CandidatePool::within_steps: {
      // Breadth-first over ties read in either direction.
      std::vector<std::size_t> dist(n, SIZE_MAX);
      std::vector<vertex_id> frontier{p}, next;
      dist[p] = 0;
      for (std::size_t round = 1; round <= o.candidate_steps && !frontier.empty(); ++round) {
        next.clear();
        for (const vertex_id u : frontier) {
          auto add = [&](vertex_id w) {
            if (dist[w] != SIZE_MAX) return;
            dist[w] = round;
            next.push_back(w);
            pool.push_back(w);
          };
          for (const vertex_id w : g.out_neighbors(u)) add(w);
          for (const vertex_id w : g.in_neighbors(u)) add(w);
        }
        frontier.swap(next);
      }
      break;
    }
    case CandidatePool::peers:
      for (vertex_id v = 0; v < n; ++v) {
        if (v != p && std::abs(g.level(v) - g.level(p)) <= o.peer_levels) pool.push_back(v);
      }
      break;
    case CandidatePool::everyone:
      for (vertex_id v = 0; v < n; ++v) {
        if (v != p) pool.push_back(v);
      }
      break;
  }
  std::sort(pool.begin(), pool.end());
  // An existing tie at least as strong as t adds nothing new.
  std::erase_if(pool, [&](vertex_id c) {
    const auto e = g.find_edge(p, c);
    return e && g.strength(*e) >= o.new_tie_strength;
  });
  return pool;
}

// Best chain of candidate c into one gap group.
struct Into {
  double length = persuasion_detail::infinite_length;
  std::uint32_t steps = no_steps;
  vertex_id member = no_vertex;
  Chain chain;
  [[nodiscard]] bool found() const { return member != no_vertex; }
};

bool better_label(double la, std::uint32_t sa, vertex_id va, const Into& b) {
  if (la != b.length) return la < b.length;
  if (sa != b.steps) return sa < b.steps;
  return va < b.member;
}

}  // namespace

vertex_id top_of_hierarchy(const InfluenceGraph& g) {
  const std::size_t n = g.num_vertices();
  if (n == 0) return no_vertex;
  int lo = g.level(0);
  for (vertex_id v = 1; v < n; ++v) lo = std::min(lo, g.level(v));
  vertex_id best = no_vertex;
  std::size_t reports = 0;
  for (vertex_id v = 0; v < n; ++v) {
    if (g.level(v) != lo) continue;
    const std::size_t r = g.direct_reports(v).size();
    if (best == no_vertex || r > reports) {
      best = v;
      reports = r;
    }
  }
  return best;
}

ManagementAttention management_attention(const InfluenceGraph& g, const ManagementAttentionOptions& options) {
  if (g.num_vertices() == 0) throw invalid_argument("management_attention: the graph has no people");
  const vertex_id d = options.decision_maker ? *options.decision_maker : top_of_hierarchy(g);
  check_person(g, d, "management_attention: decision_maker");
  PageRankOptions pr;
  pr.damping = options.damping;
  pr.personalization.assign(g.num_vertices(), 0.0);
  pr.personalization[d] = 1.0;
  pr.flow = InfluenceFlow::exerted;
  const PageRankResult scores = pagerank(g, pr);
  ManagementAttention out;
  out.decision_maker = d;
  out.convergence = scores.convergence;
  // Lengths of the best chains to d: one backward search.
  const StepRules rules(g, ChainConstraints{});
  ChainSearch search(g.num_vertices());
  std::vector<double> to_d;
  search.distances_to(rules, d, to_d);
  std::vector<vertex_id> people;
  for (vertex_id v = 0; v < g.num_vertices(); ++v) {
    if (v != d && (scores.score[v] > 0.0 || to_d[v] != persuasion_detail::infinite_length)) people.push_back(v);
  }
  const std::size_t k = std::min(options.top, people.size());
  const bool by_chain = options.rank_by == AttentionRanking::chain;
  std::partial_sort(people.begin(), people.begin() + static_cast<std::ptrdiff_t>(k), people.end(),
                    [&](vertex_id a, vertex_id b) {
                      const double la = to_d[a], lb = to_d[b], sa = scores.score[a], sb = scores.score[b];
                      if (by_chain) {
                        if (la != lb) return la < lb;
                        if (sa != sb) return sa > sb;
                      } else {
                        if (sa != sb) return sa > sb;
                        if (la != lb) return la < lb;
                      }
                      return a < b;
                    });
  for (std::size_t i = 0; i < k; ++i) {
    const vertex_id v = people[i];
    ChainResult c = best_chain(g, v, d);
    out.people.push_back({v, scores.score[v], c.found() ? std::move(c.chain) : Chain{}});
  }
  return out;
}

NetworkPlanResult network_plan(const InfluenceGraph& g, vertex_id p, const NetworkPlanOptions& options) {
  check_person(g, p, "network_plan: person");
  validate(options);
  const double threshold = options.min_probability;
  const double t = options.new_tie_strength;
  NetworkPlanResult result;
  result.options = options;
  StakeholderMap& map = result.map;
  map.person = p;

  // ---- direct ties, second degree, chain of command ----------------------
  const std::vector<RelationMask> masks = edge_relation_masks(g);
  {
    const auto from = g.in_neighbors(p);
    const auto edges = g.in_edges(p);
    for (std::size_t i = 0; i < from.size(); ++i) {
      map.influenced_by.push_back({from[i], g.strength(edges[i]), relation_names(g, masks[edges[i]])});
    }
    for (edge_id e = g.out_begin(p); e < g.out_end(p); ++e) {
      map.influences.push_back({g.edge_target(e), g.strength(e), relation_names(g, masks[e])});
    }
    sort_ties(map.influenced_by);
    sort_ties(map.influences);
  }
  map.second_degree = second_degree(g, p);
  map.chain_of_command = chain_of_command(g, p);

  // ---- reach into every group (one chain search from p) ------------------
  const Groups groups(g);
  ChainOptions chain_options;
  chain_options.constraints.max_steps = options.max_steps;
  const ChainTree tree = best_chains_from(g, p, chain_options);
  std::vector<GroupReach> reach(groups.groups.size());
  for (std::size_t gi = 0; gi < groups.groups.size(); ++gi) {
    GroupReach& r = reach[gi];
    r.group = groups.groups[gi];
    r.size = groups.members[gi].size();
    vertex_id best = no_vertex;
    for (const vertex_id v : groups.members[gi]) {
      if (!tree.reached(v)) continue;
      if (best == no_vertex || tree.probability[v] > tree.probability[best] ||
          (tree.probability[v] == tree.probability[best] && tree.steps[v] < tree.steps[best])) {
        best = v;  // members ascend, so ties keep the smaller id
      }
    }
    if (best != no_vertex) {
      r.probability = tree.probability[best];
      r.chain = tree.chain_to(g, best);
    }
    r.covered = r.probability >= threshold;
  }
  if (options.top_members > 0 && groups.num_departments > 0) {
    CentralityTableOptions co;
    co.measures = {options.measure};
    const CentralityTable table = centrality_table(g, co);
    const std::vector<double>& score = table.columns.front().values;
    for (std::size_t d = 0; d < groups.num_departments; ++d) {
      std::vector<vertex_id> m = groups.members[d];
      const std::size_t k = std::min(options.top_members, m.size());
      auto by_score = [&](vertex_id a, vertex_id b) {
        const bool na = std::isnan(score[a]), nb = std::isnan(score[b]);
        if (na != nb) return nb;
        if (!na && score[a] != score[b]) return score[a] > score[b];
        return a < b;
      };
      std::partial_sort(m.begin(), m.begin() + static_cast<std::ptrdiff_t>(k), m.end(), by_score);
      for (std::size_t i = 0; i < k; ++i) {
        RankedPerson rp;
        rp.rank = (i > 0 && score[m[i]] == score[m[i - 1]]) ? reach[d].influential.back().rank : i + 1;
        rp.vertex = m[i];
        rp.id = g.id(m[i]);
        rp.department = g.department_name(static_cast<department_id>(d));
        rp.score = score[m[i]];
        reach[d].influential.push_back(std::move(rp));
      }
    }
  }

  // ---- gaps and what each candidate contact would open -------------------
  std::vector<std::size_t> gap_groups;  // group indices not covered
  std::vector<int> gap_of(groups.groups.size(), -1);
  for (std::size_t gi = 0; gi < reach.size(); ++gi) {
    if (!reach[gi].covered && reach[gi].size > 0) {
      gap_of[gi] = static_cast<int>(gap_groups.size());
      gap_groups.push_back(gi);
    }
  }
  const std::size_t num_gaps = gap_groups.size();
  std::vector<vertex_id> pool;
  std::vector<std::vector<Into>> into;  // [candidate][gap]
  if (num_gaps > 0) {
    pool = candidate_pool(g, p, options);
    ChainConstraints constraints;
    constraints.avoid = {p};
    StepRules rules(g, constraints);
    // A chain with a step weaker than p / t has probability below p / t and
    // can never open a group through a tie of strength t: refusing such
    // steps prunes the searches without changing any coverage.
    rules.min_strength = threshold / t;
    ChainSearch search(g.num_vertices());
    into.assign(pool.size(), std::vector<Into>(num_gaps));
    std::vector<vertex_id> people;
    std::vector<edge_id> ties;
    for (std::size_t ci = 0; ci < pool.size(); ++ci) {
      const vertex_id c = pool[ci];
      if (options.max_steps) {
        search.rounds(rules, c, no_vertex, static_cast<std::uint32_t>(*options.max_steps - 1),
                      ChainSearch::RoundMode::probable);
      } else {
        search.probable(rules, c, no_vertex);
      }
      std::vector<Into>& row = into[ci];
      for (const vertex_id v : search.touched()) {
        if (search.steps(v) == no_steps) continue;
        groups.for_groups(g, v, [&](std::size_t gi) {
          const int k = gap_of[gi];
          if (k < 0) return;
          Into& cur = row[static_cast<std::size_t>(k)];
          if (!cur.found() || better_label(search.length(v), search.steps(v), v, cur)) {
            cur.length = search.length(v);
            cur.steps = search.steps(v);
            cur.member = v;
          }
        });
      }
      for (Into& cur : row) {
        if (!cur.found()) continue;
        search.chain_to(cur.member, people, ties);
        cur.chain = make_chain(g, people, ties);
      }
    }
  }

  // Bridges per gap.
  for (std::size_t k = 0; k < num_gaps; ++k) {
    const std::size_t gi = gap_groups[k];
    CoverageGap gap;
    gap.group = groups.groups[gi];
    gap.probability = reach[gi].probability;
    std::vector<std::size_t> order;
    for (std::size_t ci = 0; ci < pool.size(); ++ci) {
      if (into[ci][k].found() && t * into[ci][k].chain.probability >= threshold) order.push_back(ci);
    }
    auto better = [&](std::size_t a, std::size_t b) {
      const Chain& ca = into[a][k].chain;
      const Chain& cb = into[b][k].chain;
      if (ca.probability != cb.probability) return ca.probability > cb.probability;
      if (ca.steps() != cb.steps()) return ca.steps() < cb.steps();
      return pool[a] < pool[b];
    };
    const std::size_t nb = std::min(options.bridges, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(nb), order.end(), better);
    for (std::size_t i = 0; i < nb; ++i) {
      const std::size_t ci = order[i];
      const Into& x = into[ci][k];
      gap.bridges.push_back({pool[ci], x.chain.probability, x.chain.steps(), x.member, tree.probability[pool[ci]]});
    }
    result.gaps.push_back(std::move(gap));
  }

  // ---- greedy set cover ---------------------------------------------------
  NetworkingPlan& plan = result.plan;
  plan.candidates = pool.size();
  std::vector<std::size_t> targets;  // gap indices the plan must cover
  for (std::size_t k = 0; k < num_gaps; ++k) {
    const std::size_t gi = gap_groups[k];
    if (groups.groups[gi].kind == GroupKind::department || options.plan_all_levels || groups.is_top(gi)) {
      targets.push_back(k);
    }
  }
  plan.targets = targets.size();
  auto covers = [&](std::size_t ci, std::size_t k) {
    const Into& x = into[ci][k];
    return x.found() && t * x.chain.probability >= threshold;
  };
  for (std::size_t ci = 0; ci < pool.size(); ++ci) {
    std::size_t d = 0;
    for (const std::size_t k : targets) d += covers(ci, k) ? 1 : 0;
    plan.largest_coverage = std::max(plan.largest_coverage, d);
  }
  plan.bound_factor = harmonic(plan.largest_coverage);
  std::vector<char> open(num_gaps, 0);
  for (const std::size_t k : targets) open[k] = 1;
  std::vector<char> used(pool.size(), 0);
  for (;;) {
    std::size_t best = SIZE_MAX, best_count = 0;
    double best_sum = 0.0;
    for (std::size_t ci = 0; ci < pool.size(); ++ci) {
      if (used[ci]) continue;
      std::size_t count = 0;
      double sum = 0.0;
      for (const std::size_t k : targets) {
        if (open[k] && covers(ci, k)) {
          ++count;
          sum += t * into[ci][k].chain.probability;
        }
      }
      if (count == 0) continue;
      // pool ascends by vertex id, so strict comparisons keep the smaller id.
      if (count > best_count || (count == best_count && sum > best_sum)) {
        best = ci;
        best_count = count;
        best_sum = sum;
      }
    }
    if (best == SIZE_MAX) break;
    used[best] = 1;
    PlanStep step;
    step.contact = pool[best];
    const auto e = g.find_edge(p, step.contact);
    step.strengthen = e.has_value();
    step.current_strength = e ? g.strength(*e) : 0.0;
    step.current_reach = tree.probability[step.contact];
    for (const std::size_t k : targets) {
      if (!open[k] || !covers(best, k)) continue;
      open[k] = 0;
      const std::size_t gi = gap_groups[k];
      step.opens.push_back(
          {groups.groups[gi], reach[gi].probability, t * into[best][k].chain.probability, into[best][k].chain});
    }
    plan.steps.push_back(std::move(step));
  }
  for (const std::size_t k : targets) {
    if (open[k]) plan.unreachable.push_back(groups.groups[gap_groups[k]]);
  }
  if (!plan.unreachable.empty()) {
    std::ostringstream why;
    why << "no candidate contact (" << pool.size() << " in the pool: " << to_string(options.candidates)
        << ") has a chain of probability >= " << threshold / t << " (= p / t) into ";
    for (std::size_t i = 0; i < plan.unreachable.size(); ++i) {
      why << (i ? ", " : "") << plan.unreachable[i].label;
    }
    if (options.max_steps) why << " within " << *options.max_steps - 1 << " steps";
    plan.reason = why.str();
  }

  for (std::size_t gi = 0; gi < reach.size(); ++gi) {
    (groups.groups[gi].kind == GroupKind::department ? map.departments : map.levels).push_back(std::move(reach[gi]));
  }
  if (g.num_vertices() > 0) result.attention = management_attention(g, options.attention);
  return result;
}

}  // namespace orgnet
