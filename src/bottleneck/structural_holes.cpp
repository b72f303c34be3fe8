#include "orgnet/bottleneck/structural_holes.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "bottleneck/undirected.hpp"
#include "orgnet/centrality/detail/parallel_reduce.hpp"
#include "orgnet/error.hpp"

namespace orgnet {

namespace {

// Per-thread scratch: slot[j] = 1 + position of j among the ego's contacts
// (0 = not a contact), and per contact the indirect term and p(i, j).
struct EgoScratch {
  explicit EgoScratch(std::size_t n) : slot(n, 0) {}
  std::vector<std::uint32_t> slot;
  std::vector<double> indirect, share;
};

}  // namespace

StructuralHolesResult structural_holes(const InfluenceGraph& graph, const StructuralHolesOptions& options) {
  if (options.threads < 0) {
    throw invalid_argument("structural_holes: threads must be >= 0 (0 = all available), got " +
                           std::to_string(options.threads));
  }
  const std::size_t n = graph.num_vertices();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  StructuralHolesResult r;
  r.constraint.assign(n, nan);
  r.effective_size.assign(n, nan);
  r.efficiency.assign(n, nan);
  r.hierarchy.assign(n, nan);
  r.contacts.assign(n, 0);
  if (n == 0) return r;
  const auto c = bottleneck_detail::make_contacts(graph, options.weighted);

  // Denominators of p (sum) and r (max) for every person.
  std::vector<double> sum(n, 0.0), max(n, 0.0);
  for (vertex_id v = 0; v < n; ++v) {
    for (const double m : c.weights(v)) {
      sum[v] += m;
      max[v] = std::max(max[v], m);
    }
  }

  const int team = c.neighbor.size() < 20000 ? 1 : detail::resolve_threads(options.threads);
  detail::parallel_for_items(
      n, team, 64, [n] { return EgoScratch(n); },
      [&](EgoScratch& s, std::size_t item) {
        const auto i = static_cast<vertex_id>(item);
        const auto contacts = c.neighbors(i);
        const auto weights = c.weights(i);
        const std::size_t k = contacts.size();
        r.contacts[i] = static_cast<std::uint32_t>(k);
        if (k == 0) return;
        s.indirect.assign(k, 0.0);
        s.share.resize(k);
        for (std::size_t a = 0; a < k; ++a) {
          s.slot[contacts[a]] = static_cast<std::uint32_t>(a + 1);
          s.share[a] = weights[a] / sum[i];  // p(i, j)
        }
        double redundancy = 0.0;  // sum_j sum_q p(i, q) r(j, q)
        for (std::size_t a = 0; a < k; ++a) {
          const vertex_id q = contacts[a];
          const double p_iq = s.share[a];
          const auto q_contacts = c.neighbors(q);
          const auto q_weights = c.weights(q);
          for (std::size_t b = 0; b < q_contacts.size(); ++b) {
            const std::uint32_t slot = s.slot[q_contacts[b]];
            if (slot == 0) continue;
            const double m_qj = q_weights[b];
            s.indirect[slot - 1] += p_iq * (m_qj / sum[q]);     // p(i, q) p(q, j)
            redundancy += s.share[slot - 1] * (m_qj / max[q]);  // p(i, j) r(q, j), q as the contact
          }
        }
        double total = 0.0;
        for (std::size_t a = 0; a < k; ++a) {
          const double local = (s.share[a] + s.indirect[a]) * (s.share[a] + s.indirect[a]);
          s.indirect[a] = local;  // now c(i, j)
          total += local;
        }
        r.constraint[i] = total;
        const double size = static_cast<double>(k);
        r.effective_size[i] = size - redundancy;
        r.efficiency[i] = (size - redundancy) / size;
        if (k >= 2 && total > 0.0) {
          const double mean = total / size;
          double h = 0.0;
          for (std::size_t a = 0; a < k; ++a) {
            const double ratio = s.indirect[a] / mean;
            if (ratio > 0.0) h += ratio * std::log(ratio);
          }
          r.hierarchy[i] = h / (size * std::log(size));
        }
        for (const vertex_id j : contacts) s.slot[j] = 0;
      });
  return r;
}

}  // namespace orgnet
