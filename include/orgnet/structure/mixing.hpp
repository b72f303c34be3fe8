#pragma once
// Silos: how much the groups (departments, or any grouping) talk among
// themselves rather than to each other.
//
// Mixing matrix. ties[i][j] = number of influence edges u -> v with u in group
// i and v in group j; strength[i][j] = the sum of their strengths. People
// without a group (Labeling::missing) are left out, with their ties.
//
// E-I index (Krackhardt and Stern 1988), unweighted, E = external ties (to
// another group), I = internal ties (same group):  EI = (E - I) / (E + I),
// in [-1, 1]: -1 = every tie stays inside, +1 = every tie leaves.
//   person v: the ties v *sends* (orgnet's convention): by default its
//     influence out-edges u -> w; `direction` in counts in-edges, total both;
//     NaN when v has no group or sends no tie to someone with a group.
//   group g: E = edges between g and other groups in the chosen direction
//     (out: leaving g; in: entering g; total: either), I = edges inside g
//     (each counted once); NaN when E + I = 0.
//   whole network: E = edges between groups, I = edges inside groups.
//
// Permutation test (seeded). The group labels are shuffled among the people
// who have one (group sizes fixed) `permutations` times; for the network and
// every group the E-I of each relabelling is computed. Reported: the mean E-I
// under relabelling (`expected`) and the one-sided p-values
//   p_less    = (1 + #{EI_perm <= EI_obs}) / (1 + permutations)
//               (small: more internal ties than chance, a silo),
//   p_greater = (1 + #{EI_perm >= EI_obs}) / (1 + permutations).
// Relabelling r draws from its own SplitMix64 stream stream_seed(seed, r), so
// results do not depend on the thread count. permutations = 0 skips the test
// (expected and p-values NaN).
//
// Reference: D. Krackhardt, R. N. Stern, "Informal networks and
// organizational crises: an experimental simulation", Social Psychology
// Quarterly 51(2), 1988, 123-140. doi:10.2307/2786835.
//
// Complexity: O(n + m + k^2) for the index, O(permutations (n + m)) for the
// test (parallel over relabellings); O(n + m + permutations k) memory.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "orgnet/centrality/degree.hpp"
#include "orgnet/model/influence_graph.hpp"
#include "orgnet/structure/partition_agreement.hpp"

namespace orgnet {

struct MixingOptions {
  /// The grouping; empty (no labels) means the departments.
  Labeling groups = {};
  /// Which ties a person "sends": out-edges (default), in-edges, or both.
  DegreeDirection direction = DegreeDirection::out;
  /// Relabellings for the permutation test; 0 skips it.
  std::size_t permutations = 1000;
  std::uint64_t seed = 42;
  /// Threads; 0 = all available. Results do not depend on it.
  int threads = 0;
};

struct MixingResult {
  /// Group names (the matrices' rows and columns).
  std::vector<std::string> groups;
  /// k x k, row-major: edges from group i to group j, and their total strength.
  std::vector<std::size_t> ties;
  std::vector<double> strength;

  /// Per person (vertex id): external and internal ties sent, and their E-I.
  std::vector<std::size_t> person_external, person_internal;
  std::vector<double> person_ei;
  /// Per group.
  std::vector<std::size_t> group_external, group_internal;
  std::vector<double> group_ei;
  /// Whole network.
  std::size_t external = 0, internal = 0;
  double ei = 0.0;

  /// Permutation test (NaN when permutations = 0).
  std::size_t permutations = 0;
  std::uint64_t seed = 0;
  double expected_ei = 0.0;
  double p_less = 0.0;
  double p_greater = 0.0;
  std::vector<double> group_expected_ei, group_p_less, group_p_greater;

  [[nodiscard]] std::size_t num_groups() const noexcept { return groups.size(); }
  [[nodiscard]] std::size_t tie_count(std::size_t i, std::size_t j) const { return ties[i * groups.size() + j]; }
};

/// Mixing matrix, E-I indices and their permutation test (see the header
/// comment). Throws orgnet::invalid_argument for a grouping that does not fit
/// the graph or negative threads.
[[nodiscard]] MixingResult mixing(const InfluenceGraph& graph, const MixingOptions& options = {});

}  // namespace orgnet
