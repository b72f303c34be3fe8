#include "orgnet/centrality/degree.hpp"

#include <string>

#include "orgnet/error.hpp"

namespace orgnet {

std::string_view to_string(DegreeDirection direction) {
  switch (direction) {
    case DegreeDirection::in:
      return "in";
    case DegreeDirection::out:
      return "out";
    case DegreeDirection::total:
      return "total";
  }
  return "?";
}

DegreeDirection parse_degree_direction(std::string_view text) {
  for (auto d : {DegreeDirection::in, DegreeDirection::out, DegreeDirection::total}) {
    if (text == to_string(d)) return d;
  }
  throw invalid_argument("unknown degree direction '" + std::string(text) + "' (expected in, out or total)");
}

DegreeResult degree_centrality(const InfluenceGraph& graph, const DegreeOptions& options) {
  const std::size_t n = graph.num_vertices();
  DegreeResult result;
  result.score.assign(n, 0.0);
  const bool in = options.direction != DegreeDirection::out;
  const bool out = options.direction != DegreeDirection::in;
  const auto out_offsets = graph.out_offsets();
  const auto in_offsets = graph.in_offsets();
  if (!options.weighted) {
    for (std::size_t v = 0; v < n; ++v) {
      std::size_t d = 0;
      if (out) d += out_offsets[v + 1] - out_offsets[v];
      if (in) d += in_offsets[v + 1] - in_offsets[v];
      result.score[v] = static_cast<double>(d);
    }
  } else {
    // Out-strengths first, then in-strengths, each in adjacency order (the
    // order NetworkX's DiGraph.degree(weight=...) adds them).
    const auto strengths = graph.strengths();
    const auto in_ids = graph.in_edge_ids();
    for (std::size_t v = 0; v < n; ++v) {
      double s_out = 0.0;
      double s_in = 0.0;
      if (out) {
        for (edge_id e = out_offsets[v]; e < out_offsets[v + 1]; ++e) s_out += strengths[e];
      }
      if (in) {
        for (edge_id k = in_offsets[v]; k < in_offsets[v + 1]; ++k) s_in += strengths[in_ids[k]];
      }
      result.score[v] = out && in ? s_out + s_in : (out ? s_out : s_in);
    }
  }
  if (options.normalized) {
    if (n <= 1) {
      // NetworkX's convention: a lone person is maximally central.
      for (double& x : result.score) x = 1.0;
    } else {
      const double scale = 1.0 / (static_cast<double>(n) - 1.0);
      for (double& x : result.score) x *= scale;
    }
  }
  return result;
}

}  // namespace orgnet
