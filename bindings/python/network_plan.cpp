// Python bindings of the networking plan (persuasion/network_plan.hpp).
//
// The C++ result is flattened into columns (dict of lists) by the private
// functions _network_plan and _management_attention; the Python layer
// (orgnet/_network_plan.py) turns them into pandas DataFrames keyed by person
// id. The GIL is released while computing.

#include <string>

#include "common.hpp"
#include "orgnet/persuasion/network_plan.hpp"

namespace orgnet::python {

namespace {

vertex_id plan_person_arg(const InfluenceGraph& graph, py::handle value, const char* argument) {
  if (py::isinstance<py::str>(value)) return graph.index_of(value.cast<std::string>());
  if (py::isinstance<py::int_>(value) && !py::isinstance<py::bool_>(value)) {
    return vertex_arg(graph, value.cast<std::int64_t>());
  }
  throw py::type_error(std::string(argument) + ": expected a person id (str) or a vertex index (int), got " +
                       type_name(value));
}

py::list ids_of(const InfluenceGraph& g, const std::vector<vertex_id>& people) {
  py::list out;
  for (const vertex_id v : people) out.append(g.id(v));
  return out;
}

py::object department_of(const InfluenceGraph& g, vertex_id v) {
  const department_id d = g.department(v);
  return d == no_department ? py::object(py::none()) : py::object(py::str(g.department_name(d)));
}

py::dict ties_columns(const InfluenceGraph& g, const std::vector<DirectTie>& ties) {
  py::list person, strength, relations;
  for (const DirectTie& t : ties) {
    person.append(g.id(t.person));
    strength.append(t.strength);
    py::list r;
    for (const auto& name : t.relations) r.append(name);
    relations.append(r);
  }
  py::dict d;
  d["person"] = person;
  d["strength"] = strength;
  d["relations"] = relations;
  return d;
}

py::dict reach_columns(const InfluenceGraph& g, const std::vector<GroupReach>& reach) {
  py::list group, size, probability, covered, steps, member, chain, influential;
  for (const GroupReach& r : reach) {
    group.append(r.group.kind == GroupKind::department ? py::object(py::str(r.group.label))
                                                       : py::object(py::int_(r.group.value)));
    size.append(r.size);
    probability.append(r.probability);
    covered.append(r.covered);
    const bool has = !r.chain.people.empty();
    steps.append(has ? py::object(py::int_(r.chain.steps())) : py::object(py::none()));
    member.append(has ? py::object(py::str(g.id(r.chain.people.back()))) : py::object(py::none()));
    chain.append(ids_of(g, r.chain.people));
    py::list inf;
    for (const RankedPerson& p : r.influential) inf.append(p.id);
    influential.append(inf);
  }
  py::dict d;
  d["group"] = group;
  d["size"] = size;
  d["probability"] = probability;
  d["covered"] = covered;
  d["steps"] = steps;
  d["member"] = member;
  d["chain"] = chain;
  d["influential"] = influential;
  return d;
}

py::dict attention_columns(const InfluenceGraph& g, const ManagementAttention& a) {
  py::list person, department, level, pagerank, chain_probability, steps, chain;
  for (const AttentionEntry& e : a.people) {
    person.append(g.id(e.person));
    department.append(department_of(g, e.person));
    level.append(g.level(e.person));
    pagerank.append(e.score);
    const bool has = !e.chain.people.empty();
    chain_probability.append(has ? e.chain.probability : 0.0);
    steps.append(has ? py::object(py::int_(e.chain.steps())) : py::object(py::none()));
    chain.append(ids_of(g, e.chain.people));
  }
  py::dict d;
  d["person"] = person;
  d["department"] = department;
  d["level"] = level;
  d["pagerank"] = pagerank;
  d["chain_probability"] = chain_probability;
  d["steps"] = steps;
  d["chain"] = chain;
  py::dict out;
  out["decision_maker"] = g.id(a.decision_maker);
  out["people"] = d;
  out["converged"] = a.convergence.converged;
  return out;
}

ManagementAttentionOptions attention_options(const InfluenceGraph& g, py::handle decision_maker, std::size_t top,
                                             const std::string& rank_by, double damping) {
  ManagementAttentionOptions o;
  if (!decision_maker.is_none()) o.decision_maker = plan_person_arg(g, decision_maker, "decision_maker");
  o.top = top;
  o.rank_by = parse_attention_ranking(rank_by);
  o.damping = damping;
  return o;
}

py::dict plan_columns(const InfluenceGraph& g, const NetworkPlanResult& r) {
  py::dict out;
  out["person"] = g.id(r.map.person);
  out["influenced_by"] = ties_columns(g, r.map.influenced_by);
  out["influences"] = ties_columns(g, r.map.influences);
  {
    py::list person, common, via;
    for (const SecondDegreeContact& c : r.map.second_degree) {
      person.append(g.id(c.person));
      common.append(c.common_contacts);
      via.append(g.id(c.via));
    }
    py::dict d;
    d["person"] = person;
    d["common_contacts"] = common;
    d["via"] = via;
    out["second_degree"] = d;
  }
  out["chain_of_command"] = ids_of(g, r.map.chain_of_command);
  out["departments"] = reach_columns(g, r.map.departments);
  out["levels"] = reach_columns(g, r.map.levels);
  {
    py::list kind, group, probability, bridges, bridge_probability, bridge_steps;
    for (const CoverageGap& gap : r.gaps) {
      kind.append(gap.group.kind == GroupKind::department ? "department" : "level");
      group.append(gap.group.label);
      probability.append(gap.probability);
      py::list b, bp, bs;
      for (const GapBridge& x : gap.bridges) {
        b.append(g.id(x.person));
        bp.append(x.probability);
        bs.append(x.steps);
      }
      bridges.append(b);
      bridge_probability.append(bp);
      bridge_steps.append(bs);
    }
    py::dict d;
    d["kind"] = kind;
    d["group"] = group;
    d["probability"] = probability;
    d["bridges"] = bridges;
    d["bridge_probabilities"] = bridge_probability;
    d["bridge_steps"] = bridge_steps;
    out["gaps"] = d;
  }
  {
    py::list order, contact, department, level, kind, current_strength, current_reach, opens, previous, probability,
        chain;
    for (std::size_t i = 0; i < r.plan.steps.size(); ++i) {
      const PlanStep& s = r.plan.steps[i];
      for (const Opening& op : s.opens) {
        order.append(i + 1);
        contact.append(g.id(s.contact));
        department.append(department_of(g, s.contact));
        level.append(g.level(s.contact));
        kind.append(s.strengthen ? "strengthen" : "new");
        current_strength.append(s.current_strength);
        current_reach.append(s.current_reach);
        opens.append(op.group.label);
        previous.append(op.previous_probability);
        probability.append(op.probability);
        chain.append(ids_of(g, op.chain.people));
      }
    }
    py::dict d;
    d["order"] = order;
    d["contact"] = contact;
    d["department"] = department;
    d["level"] = level;
    d["kind"] = kind;
    d["current_strength"] = current_strength;
    d["current_reach"] = current_reach;
    d["opens"] = opens;
    d["previous_probability"] = previous;
    d["probability"] = probability;
    d["chain"] = chain;
    out["plan"] = d;
  }
  py::list unreachable;
  for (const OrgGroup& u : r.plan.unreachable) unreachable.append(u.label);
  out["unreachable"] = unreachable;
  out["reason"] = r.plan.reason;
  out["targets"] = r.plan.targets;
  out["candidates"] = r.plan.candidates;
  out["largest_coverage"] = r.plan.largest_coverage;
  out["bound_factor"] = r.plan.bound_factor;
  out["attention"] = attention_columns(g, r.attention);
  return out;
}

}  // namespace

void bind_network_plan(py::module_& m) {
  m.def(
      "_network_plan",
      [](const InfluenceGraph& graph, py::handle person, double min_probability, std::optional<std::size_t> max_steps,
         double new_tie_strength, const std::string& candidates, std::size_t candidate_steps, int peer_levels,
         const std::string& measure, std::size_t top_members, std::size_t bridges, bool plan_all_levels,
         py::handle decision_maker, std::size_t attention, const std::string& attention_rank) {
        const vertex_id p = plan_person_arg(graph, person, "person");
        NetworkPlanOptions o;
        o.min_probability = min_probability;
        o.max_steps = max_steps;
        o.new_tie_strength = new_tie_strength;
        o.candidates = parse_candidate_pool(candidates);
        o.candidate_steps = candidate_steps;
        o.peer_levels = peer_levels;
        o.measure = parse_measure(measure);
        o.top_members = top_members;
        o.bridges = bridges;
        o.plan_all_levels = plan_all_levels;
        o.attention = attention_options(graph, decision_maker, attention, attention_rank, 0.85);
        NetworkPlanResult result;
        {
          ReleaseGil release;
          result = network_plan(graph, p, o);
        }
        return plan_columns(graph, result);
      },
      py::arg("graph"), py::arg("person"), py::arg("min_probability"), py::arg("max_steps"),
      py::arg("new_tie_strength"), py::arg("candidates"), py::arg("candidate_steps"), py::arg("peer_levels"),
      py::arg("measure"), py::arg("top_members"), py::arg("bridges"), py::arg("plan_all_levels"),
      py::arg("decision_maker"), py::arg("attention"), py::arg("attention_rank"),
      "Columns of network_plan (private; use orgnet.network_plan).");
  m.def(
      "_management_attention",
      [](const InfluenceGraph& graph, py::handle decision_maker, std::size_t top, const std::string& rank_by,
         double damping) {
        const ManagementAttentionOptions o = attention_options(graph, decision_maker, top, rank_by, damping);
        ManagementAttention a;
        {
          ReleaseGil release;
          a = management_attention(graph, o);
        }
        return attention_columns(graph, a);
      },
      py::arg("graph"), py::arg("decision_maker"), py::arg("top"), py::arg("rank_by"), py::arg("damping"),
      "Columns of management_attention (private; use orgnet.management_attention).");
}

}  // namespace orgnet::python
