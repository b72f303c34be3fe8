#pragma once
// Burt's structural holes: constraint, effective size, efficiency and
// hierarchy of every person's ego network.
//
// Contacts and weights. The contacts N(i) of person i are their in- and
// out-neighbours, each counted once (the conventions). The tie between i and
// j is the mutual weight
//     m(i, j) = a(i, j) + a(j, i),
// where a(i, j) is the strength of the influence edge i -> j (0 when absent);
// with `weighted` false every edge counts 1 (m in {0, 1, 2}). Two
// normalizations of it (NetworkX's normalized_mutual_weight):
//     p(i, j) = m(i, j) / sum_{k in N(i)} m(i, k)   (share of i's relations)
//     r(i, j) = m(i, j) / max_{k in N(i)} m(i, k)   (relative to i's strongest)
//
// Constraint (Burt 1992, eq. 2.4): how much i's contacts are tied to each other,
//     c(i, j) = ( p(i, j) + sum_{q in N(i)} p(i, q) p(q, j) )^2   (local constraint)
//     C(i)    = sum_{j in N(i)} c(i, j).
// Effective size (Burt 1992, eq. 2.2): contacts minus their redundancy,
//     E(i) = sum_{j in N(i)} ( 1 - sum_{q in N(i)} p(i, q) r(j, q) ).
// Efficiency: E(i) / |N(i)|.
// Hierarchy (Burt 1992, p. 71; as UCINET computes it): how much of the
// constraint is concentrated on one contact, the Coleman-Theil disorder of
// the local constraints,
//     H(i) = sum_{j in N(i)} (c(i, j) / cbar) ln(c(i, j) / cbar) / (N ln N),
// with N = |N(i)| and cbar = C(i) / N: 0 when every contact constrains i
// equally, 1 when a single contact holds all the constraint.
//
// NetworkX. Constraint and effective size equal networkx.constraint(G,
// weight="strength") and networkx.effective_size(G, weight="strength") on the
// influence DiGraph (to_networkx(graph, kind="influence")), or with
// weight=None when `weighted` is false. NetworkX 2.8 answers NaN for a person
// with in-ties but no out-ties (it tests len(G[v]), the successors); orgnet
// gives the value its own formula defines, which is sum(local_constraint(G, v,
// j)) over the contacts. NetworkX has no hierarchy (networkx#3467).
//
// Degenerate cases. A person with no contacts (and everyone in a graph
// without ties): all four are NaN. Hierarchy is NaN with one contact (N ln N
// = 0). Empty graph: empty vectors.
//
// Algorithm: one pass per ego over its contacts' contact lists with a shared
// scratch array (slot of each contact), parallel over egos. Time
// O(sum_i sum_{q in N(i)} |N(q)|) = O(sum_q |N(q)|^2), memory O(n + m) plus
// O(n) per thread; each ego is computed by one thread, so the results do not
// depend on the thread count.
//
// References.
//   R. S. Burt, Structural Holes: The Social Structure of Competition, Harvard
//   University Press, 1992.
//   S. P. Borgatti, "Structural holes: unpacking Burt's redundancy measures",
//   Connections 20(1), 1997.

#include <cstdint>
#include <vector>

#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

struct StructuralHolesOptions {
  /// Mutual weights from strengths (default); false: every edge counts 1.
  bool weighted = true;
  /// Threads; 0 = all available. Results do not depend on it.
  int threads = 0;
};

struct StructuralHolesResult {
  /// Per vertex (num_vertices() long); NaN for people without contacts.
  std::vector<double> constraint;
  std::vector<double> effective_size;
  std::vector<double> efficiency;
  /// NaN also with a single contact.
  std::vector<double> hierarchy;
  /// |N(i)|: in- and out-neighbours, each once.
  std::vector<std::uint32_t> contacts;
};

/// Constraint, effective size, efficiency and hierarchy of every person (see
/// the header comment). Throws orgnet::invalid_argument for negative threads.
[[nodiscard]] StructuralHolesResult structural_holes(const InfluenceGraph& graph,
                                                     const StructuralHolesOptions& options = {});

}  // namespace orgnet
