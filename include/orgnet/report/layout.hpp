#pragma once
// Force-directed layout of the influence graph, for the sociogram of the HTML
// report (report/html_report.hpp) and for callers who draw their own pictures.
//
// Algorithm: Fruchterman-Reingold on the undirected view (the two directions of
// a pair merged by summing strengths, as for modularity and cut points). With
// k = sqrt(1 / n') the ideal distance in the unit square (n' = people laid
// out), every pair repels with force k^2 / d, every tie {u, v} of merged
// strength w attracts its ends with force w d^2 / k, and a weak gravity
// `gravity` * d_c^2 / k pulls everyone towards the centre (d_c = distance to
// it) so that separate components stay in view. Each iteration moves a person
// along their net force by at most the temperature, which falls linearly from
// `initial_temperature` to 0 over the iterations. Finally the picture is
// scaled uniformly (aspect ratio kept) and centred to fill the box
// [margin, width - margin] x [margin, height - margin].
//
// Determinism. The start positions are uniform in the unit square, drawn from
// SplitMix64(seed) in vertex order; each iteration computes every person's
// force from the previous positions in a fixed order, so the result is the
// same for a seed whatever the thread count. Two people on the same spot are
// pushed apart along a direction derived from their ids.
//
// Subsets. `include` (one flag per vertex; empty = everyone) lays out only the
// flagged people, with the ties among them; the others get NaN coordinates.
//
// Degenerate cases: nobody to lay out gives empty (or all-NaN) coordinates;
// one person sits at the centre of the box; people without ties spread out
// under repulsion and gravity.
//
// Reference: T. M. J. Fruchterman and E. M. Reingold, "Graph drawing by
// force-directed placement", Software: Practice and Experience 21(11), 1991.
// doi:10.1002/spe.4380211102.
//
// Parallelism: from 2,000 people the forces of an iteration are computed in
// parallel (each person's by one thread, in a fixed order).
//
// Complexity: O(n'^2 + m) per iteration, O(n + m) memory. `iterations = 0`
// picks min(300, max(50, 3e7 / n'^2)) iterations: 300 up to ~300 people, 50
// (about 0.1 s) for 1,000 people.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

struct LayoutOptions {
  std::uint64_t seed = 42;
  std::size_t iterations = 0;        ///< 0 = automatic (see above).
  double width = 1.0;                ///< Box width, > 0.
  double height = 1.0;               ///< Box height, > 0.
  double margin = 0.0;               ///< Kept free on every side; < width / 2 and < height / 2.
  double gravity = 0.1;              ///< Pull towards the centre, >= 0.
  double initial_temperature = 0.1;  ///< Largest step of the first iteration, in the unit square; > 0.
  bool weighted = true;              ///< Attraction scaled by merged strength (else 1 per tie).
  std::vector<char> include = {};    ///< Empty = everyone; else one flag per vertex.
  int threads = 0;                   ///< 0 = all available; the result does not depend on it.
};

struct LayoutResult {
  std::vector<double> x;  ///< Indexed by vertex id; NaN for people not laid out.
  std::vector<double> y;  ///< Indexed by vertex id; NaN for people not laid out.
  std::size_t iterations = 0;
  std::uint64_t seed = 0;
};

/// Lays the graph out in the box. Throws orgnet::invalid_argument for a bad
/// box, margin, gravity or temperature, or an `include` of the wrong length.
[[nodiscard]] LayoutResult force_layout(const InfluenceGraph& graph, const LayoutOptions& options = {});

}  // namespace orgnet
