#pragma once
// Gould-Fernandez brokerage roles: who mediates between whom, by group.
//
// Two-paths. Person b brokers the ordered pair (a, c) when a -> b -> c are
// influence edges, a != c and there is no edge a -> c (b is the only direct
// way from a to c). Weights play no part (the conventions). Each person
// belongs to one group (their department by default, or the value of a free
// attribute); with A, B, C the groups of a, b, c the brokered pair is a
//   coordinator      (w_I)   A = B = C
//   itinerant        (w_O)   A = C != B         (consultant)
//   representative   (b_IO)  A = B != C         (b carries her group's word out)
//   gatekeeper       (b_OI)  A != B = C         (b lets outside word in)
//   liaison          (b_O)   A, B, C all different
// role, and `total` counts them all. These are the raw.nli columns of R's
// sna::brokerage(g, cl) (w_I, w_O, b_IO, b_OI, b_O, t), in that order.
//
// Null model (sna's). Edges independent with probability d = m / (N (N - 1)),
// the observed density, groups fixed. One ordered pair is brokered by b with
// probability p = d^2 (1 - d). For a broker in a group of size n_i (N people
// in all, other groups of sizes n_j), with q = d^3 (1 - d)^3, the expected
// counts E and variances V are
//   w_I   E = p (n_i - 1)(n_i - 2)
//         V = E (1 - p) + 2 (n_i - 1)(n_i - 2)(n_i - 3) q
//   w_O   E = p sum_{j != i} n_j (n_j - 1)
//         V = E (1 - p) + 2 sum_{j != i} n_j (n_j - 1)(n_j - 2) q
//   b_IO, b_OI (each)
//         E = p (N - n_i)(n_i - 1)
//         V = E (1 - p) + 2 ((n_i - 1) C(N - n_i, 2) + (N - n_i) C(n_i - 1, 2)) q
//   b_O   E = p ((N - n_i)^2 - sum_{j != i} n_j^2)
//         V = E (1 - p) + 4 sum_{j != i} n_j C(N - n_j - n_i, 2) q
//   total E = p (N - 1)(N - 2)
//         V = E (1 - p) + 2 (N - 1)(N - 2)(N - 3) q
// (C(x, 2) = x (x - 1) / 2): the ordered pairs of the right groups times p,
// plus the covariance of two-paths that share an edge. z = (observed - E) /
// sqrt(V). The network-level figures (sna's raw.gli, exp.gli, sd.gli, z.gli)
// sum over brokers:
//   w_I   E = p sum n (n-1)(n-2)
//         V = E (1-p) + sum n (n-1)(n-2) ((4n-10) q - 4 (n-3) d^4 (1-d)^2 + (n-3) d^5 (1-d))
//   w_O   E = p sum n (N-n)(n-1)
//         V = E (1-p) + sum_{x,y} x y (x-1) ((2x+2y-6) q + (N-x-1) d^5 (1-d))
//                     - sum n^2 (n-1) ((4n-6) q + (N-n-1) d^5 (1-d))
//   b_IO, b_OI (each)
//         E = p sum n (N-n)(n-1)
//         V = E (1-p) + sum n (N-n)(n-1) ((N-3) q + (n-2) d^5 (1-d))
//   b_O   E = p (sum_{x,y} x y (N-x-y) - sum n^2 (N-2n))
//         V = E (1-p) + sum over distinct groups i, j, k of n_i n_j n_k
//               ((4(N-n_j) - 2(n_i+n_k+1)) q - (4(N-n_k) - 2(n_i+n_j+1)) d^4 (1-d)^2
//                + (N-(n_i+n_k+1)) d^5 (1-d))
//   total E = p N (N-1)(N-2)
//         V = E (1-p) + N (N-1)(N-2) ((4N-10) q - 4 (N-3) d^4 (1-d)^2 + (N-3) d^5 (1-d))
// (sums over groups; x, y over the group sizes). These are sna's moments, kept
// as sna computes them so that the figures can be compared.
//
// Groups. People without a department (or with an empty attribute value)
// form one group of their own, named "". With a single group every two-path
// is coordination: the other roles observe 0, expect 0 and have z = NaN.
//
// Degenerate cases. z is (observed - E) / sd with IEEE arithmetic, as in sna:
// NaN when observed = E and sd = 0, +-infinity when sd = 0 otherwise. Fewer
// than 2 people: density 0 (sna divides by zero), every count, E and V 0.
// Empty graph: empty per-person vectors.
//
// Complexity: for each broker b and each in-neighbour a, the out-lists of a
// and b are compared through a marker array: O(sum_b indeg(b) outdeg(b) +
// sum_a outdeg(a)^2) time, O(n + groups) scratch per thread, parallel over
// brokers (integer counts: identical for every thread count). The network
// liaison variance is O(groups^3).
//
// References.
//   R. V. Gould and R. M. Fernandez, "Structures of mediation: a formal
//   approach to brokerage in transaction networks", Sociological Methodology
//   19, 1989. doi:10.2307/270949.
//   C. T. Butts, sna: Tools for Social Network Analysis (R package),
//   function brokerage.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

/// The five roles and their total, in sna's column order.
enum class BrokerageRole : std::uint8_t {
  coordinator = 0,     ///< w_I
  itinerant = 1,       ///< w_O (consultant)
  representative = 2,  ///< b_IO
  gatekeeper = 3,      ///< b_OI
  liaison = 4,         ///< b_O
  total = 5,           ///< t
};

inline constexpr std::size_t brokerage_columns = 6;

/// "coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total".
[[nodiscard]] std::string_view to_string(BrokerageRole role);
/// sna's column name: "w_I", "w_O", "b_IO", "b_OI", "b_O", "t".
[[nodiscard]] std::string_view sna_name(BrokerageRole role);

struct BrokerageOptions {
  /// Free attribute that defines the groups; empty (default) = department.
  std::string attribute;
  /// Threads; 0 = all available. Results do not depend on it.
  int threads = 0;
};

struct BrokerageResult {
  /// Per role (indexed by BrokerageRole), per vertex.
  std::array<std::vector<std::uint64_t>, brokerage_columns> observed;
  std::array<std::vector<double>, brokerage_columns> expected;
  std::array<std::vector<double>, brokerage_columns> sd;
  std::array<std::vector<double>, brokerage_columns> z;
  /// Network level (sums over brokers), per role.
  std::array<std::uint64_t, brokerage_columns> network_observed{};
  std::array<double, brokerage_columns> network_expected{};
  std::array<double, brokerage_columns> network_sd{};
  std::array<double, brokerage_columns> network_z{};
  /// Group of each vertex (index into group_names) and the groups' names and
  /// sizes, in order of first appearance by vertex.
  std::vector<std::uint32_t> group;
  std::vector<std::string> group_names;
  std::vector<std::size_t> group_sizes;
  /// Density d = m / (N (N - 1)) of the null model.
  double density = 0.0;

  [[nodiscard]] const std::vector<std::uint64_t>& observed_of(BrokerageRole role) const {
    return observed[static_cast<std::size_t>(role)];
  }
  [[nodiscard]] const std::vector<double>& z_of(BrokerageRole role) const { return z[static_cast<std::size_t>(role)]; }
};

/// Gould-Fernandez brokerage of every person (see the header comment).
/// Throws orgnet::out_of_range for an unknown attribute and
/// orgnet::invalid_argument for negative threads.
[[nodiscard]] BrokerageResult brokerage(const InfluenceGraph& graph, const BrokerageOptions& options = {});

}  // namespace orgnet
