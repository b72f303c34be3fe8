#include "orgnet/report/layout.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "orgnet/centrality/detail/parallel_reduce.hpp"
#include "orgnet/detail/random.hpp"
#include "orgnet/error.hpp"

namespace orgnet {

namespace {

void validate(const InfluenceGraph& graph, const LayoutOptions& o) {
  auto bad = [](const std::string& what) { throw invalid_argument("force_layout: " + what); };
  if (!(o.width > 0) || !std::isfinite(o.width)) bad("width must be finite and > 0, got " + std::to_string(o.width));
  if (!(o.height > 0) || !std::isfinite(o.height)) {
    bad("height must be finite and > 0, got " + std::to_string(o.height));
  }
  if (!(o.margin >= 0) || 2 * o.margin >= o.width || 2 * o.margin >= o.height) {
    bad("margin must be >= 0 and below half the width and height, got " + std::to_string(o.margin));
  }
  if (!(o.gravity >= 0) || !std::isfinite(o.gravity)) {
    bad("gravity must be finite and >= 0, got " + std::to_string(o.gravity));
  }
  if (!(o.initial_temperature > 0) || !std::isfinite(o.initial_temperature)) {
    bad("initial_temperature must be finite and > 0, got " + std::to_string(o.initial_temperature));
  }
  if (!o.include.empty() && o.include.size() != graph.num_vertices()) {
    bad("include must be empty or hold one flag per person (" + std::to_string(graph.num_vertices()) + "), got " +
        std::to_string(o.include.size()));
  }
  if (o.threads < 0) bad("threads must be >= 0 (0 = all available), got " + std::to_string(o.threads));
}

// The undirected view restricted to the people laid out, in local indices:
// neighbours of local i are nbr[off[i]..off[i+1]) with merged weights w.
struct LocalGraph {
  std::vector<std::size_t> off;
  std::vector<std::size_t> nbr;
  std::vector<double> w;
};

LocalGraph local_graph(const InfluenceGraph& graph, const std::vector<vertex_id>& people,
                       const std::vector<std::size_t>& local, bool weighted) {
  constexpr std::size_t absent = std::numeric_limits<std::size_t>::max();
  LocalGraph lg;
  lg.off.assign(people.size() + 1, 0);
  std::vector<double> merged(people.size(), 0.0);
  std::vector<std::size_t> touched;
  for (std::size_t i = 0; i < people.size(); ++i) {
    const vertex_id v = people[i];
    touched.clear();
    auto add = [&](vertex_id u, double s) {
      const std::size_t j = local[u];
      if (j == absent || j == i) return;
      if (merged[j] == 0.0) touched.push_back(j);
      merged[j] += weighted ? s : 1.0;
    };
    const auto outs = graph.out_neighbors(v);
    const auto out_s = graph.out_strengths(v);
    for (std::size_t k = 0; k < outs.size(); ++k) add(outs[k], out_s[k]);
    const auto ins = graph.in_neighbors(v);
    const auto in_e = graph.in_edges(v);
    for (std::size_t k = 0; k < ins.size(); ++k) add(ins[k], graph.strength(in_e[k]));
    std::sort(touched.begin(), touched.end());
    for (std::size_t j : touched) {
      // Unweighted: one per pair, whether one direction or both.
      lg.nbr.push_back(j);
      lg.w.push_back(weighted ? merged[j] : 1.0);
      merged[j] = 0.0;
    }
    lg.off[i + 1] = lg.nbr.size();
  }
  return lg;
}

}  // namespace

LayoutResult force_layout(const InfluenceGraph& graph, const LayoutOptions& options) {
  validate(graph, options);
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  constexpr std::size_t absent = std::numeric_limits<std::size_t>::max();
  const std::size_t n = graph.num_vertices();
  LayoutResult result;
  result.seed = options.seed;
  result.x.assign(n, nan);
  result.y.assign(n, nan);

  std::vector<vertex_id> people;
  std::vector<std::size_t> local(n, absent);
  for (vertex_id v = 0; v < n; ++v) {
    if (options.include.empty() || options.include[v]) {
      local[v] = people.size();
      people.push_back(v);
    }
  }
  const std::size_t np = people.size();
  if (np == 0) return result;

  const LocalGraph lg = local_graph(graph, people, local, options.weighted);
  const auto npd = static_cast<double>(np);
  std::size_t iterations = options.iterations;
  if (iterations == 0) {
    const double fit = 3e7 / (npd * npd);
    iterations = static_cast<std::size_t>(std::clamp(fit, 50.0, 300.0));
  }
  if (np == 1) iterations = 0;
  result.iterations = iterations;

  // Start: uniform in the unit square, in vertex order.
  std::vector<double> x(np), y(np), dx(np), dy(np);
  detail::SplitMix64 rng(options.seed);
  for (std::size_t i = 0; i < np; ++i) {
    x[i] = rng.uniform();
    y[i] = rng.uniform();
  }

  const double k = std::sqrt(1.0 / npd);  // ideal distance
  const double k2 = k * k;
  // One parallel loop per iteration pays a barrier; below ~2,000 people an
  // iteration is too short for that to pay off on a busy machine (measured:
  // 500 people took 65 ms on one thread, 250 ms on two under load).
  const int threads = np >= 2000 ? detail::resolve_threads(options.threads) : 1;
  for (std::size_t it = 0; it < iterations; ++it) {
    const double temperature =
        options.initial_temperature * (1.0 - static_cast<double>(it) / static_cast<double>(iterations));
    detail::parallel_for_items(
        np, threads, 32, [] { return 0; },
        [&](int&, std::size_t i) {
          double fx = 0, fy = 0;
          for (std::size_t j = 0; j < np; ++j) {  // repulsion k^2 / d along (p_i - p_j) / d
            if (j == i) continue;
            double ex = x[i] - x[j], ey = y[i] - y[j];
            double d2 = ex * ex + ey * ey;
            if (d2 < 1e-18) {  // same spot: a direction from the pair's indices
              const double angle = 2.399963229728653 * static_cast<double>(i > j ? i - j : j - i);
              const double sign = i > j ? 1.0 : -1.0;
              ex = sign * 1e-9 * std::cos(angle);
              ey = sign * 1e-9 * std::sin(angle);
              d2 = 1e-18;
            }
            const double f = k2 / d2;  // (k^2 / d) / d
            fx += ex * f;
            fy += ey * f;
          }
          for (std::size_t e = lg.off[i]; e < lg.off[i + 1]; ++e) {  // attraction w d^2 / k
            const std::size_t j = lg.nbr[e];
            const double ex = x[i] - x[j], ey = y[i] - y[j];
            const double d = std::sqrt(ex * ex + ey * ey);
            const double f = lg.w[e] * d / k;  // (w d^2 / k) / d
            fx -= ex * f;
            fy -= ey * f;
          }
          const double cx = x[i] - 0.5, cy = y[i] - 0.5;  // gravity g d_c^2 / k
          const double dc = std::sqrt(cx * cx + cy * cy);
          fx -= options.gravity * cx * dc / k;
          fy -= options.gravity * cy * dc / k;
          const double norm = std::sqrt(fx * fx + fy * fy);
          if (norm > 0 && std::isfinite(norm)) {
            const double step = std::min(norm, temperature) / norm;
            dx[i] = fx * step;
            dy[i] = fy * step;
          } else {
            dx[i] = dy[i] = 0.0;
          }
        });
    for (std::size_t i = 0; i < np; ++i) {
      x[i] += dx[i];
      y[i] += dy[i];
    }
  }

  // Fit into the box: uniform scale, centred.
  const auto [min_x, max_x] = std::minmax_element(x.begin(), x.end());
  const auto [min_y, max_y] = std::minmax_element(y.begin(), y.end());
  const double span_x = *max_x - *min_x, span_y = *max_y - *min_y;
  const double inner_w = options.width - 2 * options.margin, inner_h = options.height - 2 * options.margin;
  double scale = std::numeric_limits<double>::infinity();
  if (span_x > 0) scale = std::min(scale, inner_w / span_x);
  if (span_y > 0) scale = std::min(scale, inner_h / span_y);
  if (!std::isfinite(scale)) scale = 0.0;
  const double mid_x = (*min_x + *max_x) / 2, mid_y = (*min_y + *max_y) / 2;
  for (std::size_t i = 0; i < np; ++i) {
    const double px = options.width / 2 + (x[i] - mid_x) * scale;
    const double py = options.height / 2 + (y[i] - mid_y) * scale;
    result.x[people[i]] = std::clamp(px, options.margin, options.width - options.margin);
    result.y[people[i]] = std::clamp(py, options.margin, options.height - options.margin);
  }
  return result;
}

}  // namespace orgnet
