#include "orgnet/centrality/ranking.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "orgnet/error.hpp"

namespace orgnet {

std::vector<RankedPerson> top_k(const InfluenceGraph& graph, std::span<const double> scores,
                                const TopKOptions& options) {
  const std::size_t n = graph.num_vertices();
  if (scores.size() != n) {
    throw invalid_argument("top_k: scores has " + std::to_string(scores.size()) + " entries, the graph " +
                           std::to_string(n) + " people");
  }
  if (!(options.error >= 0.0 && std::isfinite(options.error))) {
    throw invalid_argument("top_k: error = " + std::to_string(options.error) + " must be finite and >= 0");
  }
  // Strict weak order: numbers before NaN, then by score, then by vertex id.
  auto better = [&](vertex_id a, vertex_id b) {
    const double x = scores[a], y = scores[b];
    const bool x_nan = std::isnan(x), y_nan = std::isnan(y);
    if (x_nan != y_nan) return y_nan;
    if (!x_nan && x != y) return options.ascending ? x < y : x > y;
    return a < b;
  };
  const std::size_t k = options.k == 0 ? n : std::min(options.k, n);
  std::vector<vertex_id> order(n);
  std::iota(order.begin(), order.end(), vertex_id{0});
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(), better);

  // Certainty: count the other people whose bound reaches this person's
  // opposite bound, by binary search in the sorted numeric scores (a NaN can be
  // anything, so each NaN counts as a rival of everyone).
  std::vector<double> sorted;
  sorted.reserve(n);
  for (double x : scores) {
    if (!std::isnan(x)) sorted.push_back(x);
  }
  std::sort(sorted.begin(), sorted.end());
  const std::size_t nan_count = n - sorted.size();
  auto certain = [&](double x) {
    if (std::isnan(x)) return false;
    const double reach = 2.0 * options.error;
    // Descending: rivals have y + e >= x - e. Ascending: y - e <= x + e.
    const std::size_t rivals =
        options.ascending
            ? static_cast<std::size_t>(std::upper_bound(sorted.begin(), sorted.end(), x + reach) - sorted.begin())
            : static_cast<std::size_t>(sorted.end() - std::lower_bound(sorted.begin(), sorted.end(), x - reach));
    return rivals - 1 + nan_count < k;  // minus the person themself
  };

  std::vector<RankedPerson> ranking;
  ranking.reserve(k);
  for (std::size_t i = 0; i < k; ++i) {
    const vertex_id v = order[i];
    const bool same_as_previous =
        i > 0 && (scores[v] == ranking.back().score || (std::isnan(scores[v]) && std::isnan(ranking.back().score)));
    const department_id d = graph.department(v);
    ranking.push_back({same_as_previous ? ranking.back().rank : i + 1, v, graph.id(v),
                       d == no_department ? std::string() : graph.department_name(d), scores[v], certain(scores[v])});
  }
  return ranking;
}

}  // namespace orgnet
