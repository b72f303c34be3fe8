#include "orgnet/model/distance.hpp"

#include <string>

#include "orgnet/error.hpp"
#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

std::vector<double> edge_distances(const InfluenceGraph& graph, DistanceTransform transform) {
  auto strengths = graph.strengths();
  std::vector<double> out(strengths.size());
  for (std::size_t e = 0; e < strengths.size(); ++e) out[e] = to_distance(strengths[e], transform);
  return out;
}

std::string_view to_string(DistanceTransform transform) {
  switch (transform) {
    case DistanceTransform::neg_log:
      return "neg_log";
    case DistanceTransform::inverse:
      return "inverse";
    case DistanceTransform::hops:
      return "hops";
  }
  return "?";
}

DistanceTransform parse_distance_transform(std::string_view text) {
  for (auto t : {DistanceTransform::neg_log, DistanceTransform::inverse, DistanceTransform::hops}) {
    if (text == to_string(t)) return t;
  }
  throw invalid_argument("unknown distance transform '" + std::string(text) + "' (expected neg_log, inverse or hops)");
}

}  // namespace orgnet
