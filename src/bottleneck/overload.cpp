#include "orgnet/bottleneck/overload.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

#include "orgnet/centrality/betweenness.hpp"
#include "orgnet/error.hpp"

namespace orgnet {

OverloadResult overload(const InfluenceGraph& graph, const OverloadOptions& options) {
  if (options.threads < 0) {
    throw invalid_argument("overload: threads must be >= 0 (0 = all available), got " +
                           std::to_string(options.threads));
  }
  const std::size_t n = graph.num_vertices();
  OverloadResult r;
  r.load.assign(n, 0.0);
  r.load_ratio.assign(n, 0.0);
  r.chain_share.assign(n, 0.0);
  r.score.assign(n, 0.0);

  // Which relations count: a mask over relation ids (all bits = every edge).
  RelationMask mask = 0;
  bool every = false;
  if (options.relations.empty()) {
    if (const auto advice = graph.find_relation("advice")) {
      mask |= RelationMask{1} << std::min<unsigned>(*advice, 31);
      r.relations.emplace_back("advice");
    } else {
      every = true;
      for (std::size_t k = 0; k < graph.num_relations(); ++k) {
        r.relations.push_back(graph.relation_name(static_cast<relation_id>(k)));
      }
    }
  } else {
    for (const auto& name : options.relations) {
      const auto id = graph.find_relation(name);
      if (!id) throw invalid_argument("overload: unknown relation '" + name + "' in relations");
      mask |= RelationMask{1} << std::min<unsigned>(*id, 31);
      r.relations.push_back(name);
    }
  }
  if (n == 0) {
    r.median_load = std::numeric_limits<double>::quiet_NaN();
    return r;
  }
  const std::vector<RelationMask> masks = every ? std::vector<RelationMask>{} : edge_relation_masks(graph);
  const auto strengths = graph.strengths();
  for (vertex_id v = 0; v < n; ++v) {
    for (edge_id e = graph.out_begin(v); e < graph.out_end(v); ++e) {
      if (every || (masks[e] & mask) != 0) r.load[v] += strengths[e];
    }
  }
  std::vector<double> positive;
  for (const double x : r.load) {
    if (x > 0.0) positive.push_back(x);
  }
  if (positive.empty()) {
    r.median_load = std::numeric_limits<double>::quiet_NaN();
  } else {
    std::sort(positive.begin(), positive.end());
    const std::size_t h = positive.size() / 2;
    r.median_load = positive.size() % 2 == 1 ? positive[h] : (positive[h - 1] + positive[h]) / 2.0;
    for (vertex_id v = 0; v < n; ++v) r.load_ratio[v] = r.load[v] / r.median_load;
  }

  r.chain_share =
      betweenness(graph, {.distance = options.distance, .normalized = true, .threads = options.threads}).score;
  if (n < 3) std::fill(r.chain_share.begin(), r.chain_share.end(), 0.0);

  const double max_load = *std::max_element(r.load.begin(), r.load.end());
  const double max_share = *std::max_element(r.chain_share.begin(), r.chain_share.end());
  for (vertex_id v = 0; v < n; ++v) {
    const double a = max_load > 0.0 ? r.load[v] / max_load : 0.0;
    const double b = max_share > 0.0 ? r.chain_share[v] / max_share : 0.0;
    r.score[v] = (a + b) / 2.0;
  }
  r.ranking.resize(n);
  std::iota(r.ranking.begin(), r.ranking.end(), vertex_id{0});
  std::stable_sort(r.ranking.begin(), r.ranking.end(),
                   [&](vertex_id a, vertex_id b) { return r.score[a] > r.score[b]; });
  return r;
}

}  // namespace orgnet
