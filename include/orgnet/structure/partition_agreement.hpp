#pragma once
// How far the informal groups agree with the formal ones: normalized mutual
// information, adjusted Rand index and the contingency table of two labelings
// (communities vs departments, or any attribute), with the departments that
// split across communities and the communities that merge departments.
//
// Labelings. A Labeling gives each person a group number 0..k-1, or
// `Labeling::missing` (no department, an empty attribute value); groups have
// names. department_labeling, attribute_labeling and community_labeling make
// one from the graph or a CommunityResult. People missing in either labeling
// are left out of the comparison (`compared` says how many remain).
//
// Definitions, over the N people compared, with n_ij people in group i of a
// and group j of b, row sums a_i and column sums b_j:
//   H(a)   = - sum_i (a_i / N) ln(a_i / N),   likewise H(b);
//   I(a,b) = sum_ij (n_ij / N) ln(N n_ij / (a_i b_j));
//   NMI    = I / ((H(a) + H(b)) / 2)   (arithmetic-mean normalization, as
//            scikit-learn's normalized_mutual_info_score by default);
//   ARI    = (sum_ij C(n_ij, 2) - E) / ((sum_i C(a_i, 2) + sum_j C(b_j, 2)) / 2 - E),
//            E = sum_i C(a_i, 2) sum_j C(b_j, 2) / C(N, 2)   (Hubert and Arabie 1985).
// Degenerate cases, as scikit-learn: NMI is 1 when both labelings have one
// group (or N = 0), else 0 when I = 0; ARI is 1 when its denominator is 0
// (both one group, both all singletons, or N < 2).
//
// Splits and merges. Group i of a *splits* when at least two groups of b each
// hold a share >= min_share of its members; group j of b *merges* when at
// least two groups of a each hold a share >= min_share of its members. Groups
// with fewer than min_size people compared are never reported. With a
// = departments and b = communities: departments that work as several informal
// groups, and informal groups that span departments.
//
// References.
//   A. Strehl, J. Ghosh, "Cluster ensembles", JMLR 3 (2002) 583-617 (NMI).
//   L. Hubert, P. Arabie, "Comparing partitions", J. Classification 2 (1985)
//   193-218. doi:10.1007/BF01908075 (ARI).
//
// Complexity: O(N + k_a k_b).

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "orgnet/model/influence_graph.hpp"
#include "orgnet/structure/communities.hpp"

namespace orgnet {

/// A grouping of the people: a group number per vertex and the group names.
struct Labeling {
  static constexpr std::int32_t missing = -1;
  /// Group of each vertex (0..names.size()-1) or `missing`.
  std::vector<std::int32_t> label;
  /// Name of each group.
  std::vector<std::string> names;

  [[nodiscard]] std::size_t num_groups() const noexcept { return names.size(); }
};

/// Departments of the graph (names as in the data; no department = missing).
[[nodiscard]] Labeling department_labeling(const InfluenceGraph& graph);
/// Values of a free attribute (groups in order of first appearance; the empty
/// value = missing). Throws orgnet::out_of_range for an unknown attribute.
[[nodiscard]] Labeling attribute_labeling(const InfluenceGraph& graph, std::string_view attribute);
/// Communities as a labeling, named "C1", "C2", ... (community 0 is "C1").
[[nodiscard]] Labeling community_labeling(const CommunityResult& communities);
/// Any integer labels (one per vertex; negative = missing), named by their value.
[[nodiscard]] Labeling labeling_from_values(std::span<const std::int64_t> values);

/// Checks that `labeling` fits a graph of n people (length n, labels in range);
/// throws orgnet::invalid_argument naming `argument` otherwise.
void validate_labeling(const Labeling& labeling, std::size_t n, std::string_view argument);

struct AgreementOptions {
  /// Share of a group's members another group must hold to count in a split
  /// or merge; in (0, 0.5].
  double min_share = 0.2;
  /// Groups smaller than this (people compared) are not reported as splitting or merging.
  std::size_t min_size = 3;
};

/// One group of one labeling spread over the groups of the other.
struct GroupSpread {
  std::int32_t group = 0;  ///< In its own labeling.
  std::size_t size = 0;    ///< Members compared.
  /// Groups of the other labeling holding >= min_share of the members, largest first.
  std::vector<std::int32_t> parts;
  std::vector<std::size_t> part_sizes;
};

struct PartitionAgreement {
  double nmi = 0.0;
  double ari = 0.0;
  std::size_t compared = 0;  ///< People labelled in both.
  /// Contingency counts, row-major: counts[i * b_groups + j] = n_ij.
  std::vector<std::size_t> counts;
  std::size_t a_groups = 0, b_groups = 0;
  std::vector<std::string> a_names, b_names;
  /// Groups of a that split across b, and groups of b that merge groups of a.
  std::vector<GroupSpread> splits, merges;

  [[nodiscard]] std::size_t count(std::size_t i, std::size_t j) const { return counts[i * b_groups + j]; }
};

/// NMI, ARI, the contingency table, splits and merges (see the header comment).
/// Throws orgnet::invalid_argument when the labelings differ in length, a label
/// is out of range, or min_share is outside (0, 0.5].
[[nodiscard]] PartitionAgreement partition_agreement(const Labeling& a, const Labeling& b,
                                                     const AgreementOptions& options = {});

}  // namespace orgnet
