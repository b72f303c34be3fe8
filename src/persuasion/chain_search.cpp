// The chain searches (see chain_search.hpp).

#include "chain_search.hpp"

#include <algorithm>
#include <string>

#include "orgnet/error.hpp"
#include "orgnet/model/distance.hpp"

namespace orgnet::persuasion_detail {

StepRules::StepRules(const InfluenceGraph& g, const ChainConstraints& constraints) : graph(&g) {
  const std::size_t n = g.num_vertices();
  const auto strengths = g.strengths();
  length.resize(strengths.size());
  for (std::size_t e = 0; e < strengths.size(); ++e) length[e] = to_distance(strengths[e], DistanceTransform::neg_log);
  if (!constraints.avoid.empty()) {
    avoided.assign(n, 0);
    for (const vertex_id v : constraints.avoid) {
      if (v >= n) {
        throw out_of_range("chain constraints: avoided vertex " + std::to_string(v) + " is out of range (graph has " +
                           std::to_string(n) + " people)");
      }
      avoided[v] = 1;
    }
  }
  if (constraints.max_level_skip && *constraints.max_level_skip < 0) {
    throw invalid_argument("chain constraints: max_level_skip must be >= 0, got " +
                           std::to_string(*constraints.max_level_skip));
  }
  max_level_skip = constraints.max_level_skip;
  if (!constraints.relations.empty()) {
    for (const relation_id r : constraints.relations) {
      if (r >= g.num_relations()) {
        throw invalid_argument("chain constraints: relation id " + std::to_string(r) + " is unknown (graph has " +
                               std::to_string(g.num_relations()) + " relations)");
      }
      allowed |= RelationMask{1} << std::min<unsigned>(r, 31);
    }
    masks = edge_relation_masks(g);
  }
}

void ChainSearch::reset() {
  for (const vertex_id v : touched_) {
    length_[v] = infinite_length;
    key_[v] = infinite_length;
    steps_[v] = no_steps;
    pred_[v] = no_vertex;
    via_[v] = no_edge;
    latest_[v] = no_steps;
    seen_[v] = 0;
    next_length_[v] = infinite_length;
    next_pred_[v] = no_vertex;
    next_via_[v] = no_edge;
  }
  touched_.clear();
  history_.clear();
  heap_.clear();
  length_heap_.clear();
}

void ChainSearch::probable(const StepRules& rules, vertex_id source, vertex_id target, double start_length,
                           std::uint32_t start_steps, const std::vector<double>* heuristic) {
  reset();
  used_rounds_ = false;
  const InfluenceGraph& g = *rules.graph;
  const edge_id* offsets = g.out_offsets().data();
  const vertex_id* heads = g.out_targets().data();
  const double* len = rules.length.data();
  const double* h = heuristic != nullptr ? heuristic->data() : nullptr;
  if (h != nullptr && h[source] == infinite_length) return;
  touch(source);
  length_[source] = start_length;
  steps_[source] = start_steps;
  key_[source] = start_length + (h != nullptr ? h[source] : 0.0);
  (void)heap_.push(detail::PathKey{key_[source], start_steps}, source);
  double last = key_[source];
  while (!heap_.empty()) {
    const auto entry = heap_.pop();
    const vertex_id v = entry.vertex;
    const detail::PathKey key = entry.key();
    // Live entry: the one pushed with the vertex's current key and steps.
    if (key.length != key_[v] || key.zero_steps != steps_[v]) continue;
    last = key.length;
    if (v == target) break;
    const double lv = length_[v];
    const std::uint32_t sw = steps_[v] + 1;
    for (edge_id k = offsets[v], end = offsets[v + 1]; k < end; ++k) {
      const vertex_id w = heads[k];
      const double nl = lv + len[k];
      if (nl > length_[w]) continue;
      if (!rules.allows(v, k, w)) continue;
      if (nl < length_[w] || sw < steps_[w]) {
        const double hw = h != nullptr ? h[w] : 0.0;
        if (hw == infinite_length) continue;
        touch(w);
        length_[w] = nl;
        steps_[w] = sw;
        pred_[w] = v;
        via_[w] = k;
        // With a heuristic, rounding can put f a hair below the last key
        // popped; the monotone queue needs keys that never go back.
        key_[w] = std::max(nl + hw, last);
        (void)heap_.push(detail::PathKey{key_[w], sw}, w);
      } else if (sw == steps_[w] && v < pred_[w]) {
        pred_[w] = v;
        via_[w] = k;
      }
    }
  }
}

void ChainSearch::rounds(const StepRules& rules, vertex_id source, vertex_id target, std::uint32_t max_rounds,
                         RoundMode mode, double start_length, std::uint32_t start_steps) {
  reset();
  used_rounds_ = true;
  const InfluenceGraph& g = *rules.graph;
  const edge_id* offsets = g.out_offsets().data();
  const vertex_id* heads = g.out_targets().data();
  const double* len = rules.length.data();
  const double* strength = g.strengths().data();
  touch(source);
  length_[source] = mode == RoundMode::widest ? -1.0 : start_length;
  steps_[source] = start_steps;
  history_.push_back({source, no_vertex, no_edge, start_steps, no_steps});
  latest_[source] = 0;
  frontier_.assign(1, source);
  for (std::uint32_t round = 1; round <= max_rounds && !frontier_.empty(); ++round) {
    changed_.clear();
    for (const vertex_id u : frontier_) {
      const double lu = length_[u];  // committed at the end of the previous round
      for (edge_id k = offsets[u], end = offsets[u + 1]; k < end; ++k) {
        const vertex_id w = heads[k];
        if (mode == RoundMode::fewest && steps_[w] != no_steps) continue;
        const double nl = mode == RoundMode::widest ? std::max(lu, -strength[k]) : lu + len[k];
        if (!(nl < length_[w])) continue;
        if (nl > next_length_[w]) continue;
        if (!rules.allows(u, k, w)) continue;
        touch(w);
        if (next_length_[w] == infinite_length) changed_.push_back(w);
        if (nl < next_length_[w] || u < next_pred_[w]) {
          next_length_[w] = nl;
          next_pred_[w] = u;
          next_via_[w] = k;
        }
      }
    }
    frontier_.clear();
    bool reached_target = false;
    for (const vertex_id w : changed_) {
      length_[w] = next_length_[w];
      steps_[w] = start_steps + round;
      pred_[w] = next_pred_[w];
      via_[w] = next_via_[w];
      next_length_[w] = infinite_length;
      next_pred_[w] = no_vertex;
      history_.push_back({w, pred_[w], via_[w], steps_[w], latest_[w]});
      latest_[w] = static_cast<std::uint32_t>(history_.size() - 1);
      frontier_.push_back(w);
      reached_target = reached_target || w == target;
    }
    if (mode == RoundMode::fewest && reached_target) break;
  }
}

double ChainSearch::widest(const StepRules& rules, vertex_id source, vertex_id target, std::uint32_t max_rounds) {
  if (max_rounds != no_steps) {
    rounds(rules, source, target, max_rounds, RoundMode::widest);
    return target == no_vertex || length_[target] == infinite_length ? 0.0 : -length_[target];
  }
  reset();
  used_rounds_ = false;
  const InfluenceGraph& g = *rules.graph;
  const edge_id* offsets = g.out_offsets().data();
  const vertex_id* heads = g.out_targets().data();
  const double* strength = g.strengths().data();
  // length_ holds minus the width (negation is exact), so smaller is better.
  touch(source);
  length_[source] = -1.0;
  steps_[source] = 0;
  width_heap_.clear();
  width_heap_.emplace_back(1.0, source);
  auto later = [](const std::pair<double, vertex_id>& a, const std::pair<double, vertex_id>& b) {
    return a.first < b.first || (a.first == b.first && a.second > b.second);
  };
  while (!width_heap_.empty()) {
    std::pop_heap(width_heap_.begin(), width_heap_.end(), later);
    const auto [width, v] = width_heap_.back();
    width_heap_.pop_back();
    if (-width != length_[v] || seen_[v] == 2) continue;
    seen_[v] = 2;  // settled (touched vertices are 1, reset clears both)
    if (v == target) break;
    for (edge_id k = offsets[v], end = offsets[v + 1]; k < end; ++k) {
      const vertex_id w = heads[k];
      const double nb = std::max(-width, -strength[k]);
      if (!(nb < length_[w])) continue;
      if (!rules.allows(v, k, w)) continue;
      touch(w);
      length_[w] = nb;
      steps_[w] = steps_[v] + 1;
      pred_[w] = v;
      via_[w] = k;
      width_heap_.emplace_back(-nb, w);
      std::push_heap(width_heap_.begin(), width_heap_.end(), later);
    }
  }
  return target == no_vertex || length_[target] == infinite_length ? 0.0 : -length_[target];
}

void ChainSearch::distances_to(const StepRules& rules, vertex_id target, std::vector<double>& out) {
  const InfluenceGraph& g = *rules.graph;
  out.assign(g.num_vertices(), infinite_length);
  length_heap_.clear();
  const edge_id* offsets = g.in_offsets().data();
  const vertex_id* tails = g.in_sources().data();
  const edge_id* ids = g.in_edge_ids().data();
  const double* len = rules.length.data();
  out[target] = 0.0;
  (void)length_heap_.push(0.0, target);
  while (!length_heap_.empty()) {
    const auto entry = length_heap_.pop();
    const vertex_id v = entry.vertex;
    const double dv = entry.key();
    if (dv != out[v]) continue;
    for (edge_id k = offsets[v], end = offsets[v + 1]; k < end; ++k) {
      const vertex_id u = tails[k];
      const edge_id e = ids[k];
      const double nd = dv + len[e];
      if (!(nd < out[u])) continue;
      if (!rules.allows(u, e, v)) continue;
      out[u] = nd;
      (void)length_heap_.push(nd, u);
    }
  }
  length_heap_.clear();
}

void ChainSearch::chain_to(vertex_id target, std::vector<vertex_id>& people, std::vector<edge_id>& ties) const {
  people.clear();
  ties.clear();
  if (!used_rounds_) {
    if (steps_[target] == no_steps) return;
    for (vertex_id v = target; v != no_vertex; v = pred_[v]) {
      people.push_back(v);
      if (pred_[v] != no_vertex) ties.push_back(via_[v]);
    }
  } else {
    std::uint32_t i = latest_[target];
    if (i == no_steps) return;
    while (true) {
      const ChainTree::Improvement& entry = history_[i];
      people.push_back(entry.vertex);
      if (entry.predecessor == no_vertex) break;
      ties.push_back(entry.via);
      // The predecessor's label as it stood one round earlier.
      std::uint32_t j = latest_[entry.predecessor];
      while (history_[j].steps > entry.steps - 1) j = history_[j].previous;
      i = j;
    }
  }
  std::reverse(people.begin(), people.end());
  std::reverse(ties.begin(), ties.end());
}

std::vector<vertex_id> ChainSearch::people_to(vertex_id target) const {
  std::vector<vertex_id> people;
  std::vector<edge_id> ties;
  chain_to(target, people, ties);
  return people;
}

Chain make_chain(const InfluenceGraph& g, std::vector<vertex_id> people, std::vector<edge_id> ties) {
  Chain c;
  c.people = std::move(people);
  c.ties = std::move(ties);
  c.strengths.reserve(c.ties.size());
  c.probability = 1.0;
  c.length = 0.0;
  c.weakest = 1.0;
  for (const edge_id e : c.ties) {
    const double s = g.strength(e);
    c.strengths.push_back(s);
    c.probability *= s;
    c.length += to_distance(s, DistanceTransform::neg_log);
    c.weakest = std::min(c.weakest, s);
  }
  return c;
}

}  // namespace orgnet::persuasion_detail
