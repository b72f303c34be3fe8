#include "orgnet/centrality/degree.hpp"

#include <cstdint>
#include <span>
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
  if (options.normalized && n <= 1) {
    // NetworkX's convention: a lone person is maximally central.
    result.score.assign(n, 1.0);
    return result;
  }
  result.score.resize(n);
  const double scale = options.normalized ? 1.0 / (static_cast<double>(n) - 1.0) : 1.0;
  const bool in = options.direction != DegreeDirection::out;
  const bool out = options.direction != DegreeDirection::in;
  const auto out_offsets = graph.out_offsets();
  const auto in_offsets = graph.in_offsets();
  double* score = result.score.data();
  if (!options.weighted) {
    // One pass per direction, with signed counts: an unsigned 64-bit count
    // converts to double through a branch, a signed one in one instruction,
    // and this loop is the whole cost of the call.
    auto count = [&](std::span<const edge_id> offsets) {
      for (std::size_t v = 0; v < n; ++v) {
        score[v] = static_cast<double>(static_cast<std::int64_t>(offsets[v + 1] - offsets[v])) * scale;
      }
    };
    if (in && out) {
      for (std::size_t v = 0; v < n; ++v) {
        const auto d = static_cast<std::int64_t>(out_offsets[v + 1] - out_offsets[v]) +
                       static_cast<std::int64_t>(in_offsets[v + 1] - in_offsets[v]);
        score[v] = static_cast<double>(d) * scale;
      }
    } else {
      count(in ? in_offsets : out_offsets);
    }
    return result;
  }
  // Out-strengths first, then in-strengths, each in adjacency order (the
  // order NetworkX's DiGraph.degree(weight=...) adds them).
  // In-strengths come from the graph's cached copy in in-edge order (the
  // same values in the same order as strengths[in_edge_ids[k]], read without
  // the indirection: one stream instead of a random access per edge).
  const auto strengths = graph.strengths();
  const std::span<const double> in_strengths = in ? graph.in_strengths() : std::span<const double>();
  for (std::size_t v = 0; v < n; ++v) {
    double s_out = 0.0;
    double s_in = 0.0;
    if (out) {
      for (edge_id e = out_offsets[v]; e < out_offsets[v + 1]; ++e) s_out += strengths[e];
    }
    if (in) {
      for (edge_id k = in_offsets[v]; k < in_offsets[v + 1]; ++k) s_in += in_strengths[k];
    }
    score[v] = (out && in ? s_out + s_in : (out ? s_out : s_in)) * scale;
  }
  return result;
}

}  // namespace orgnet
