#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <set>

#include "../test_support.hpp"
#include "orgnet/io/datasets.hpp"
#include "orgnet/model/generators.hpp"
#include "orgnet/structure/communities.hpp"
#include "orgnet/structure/partition_agreement.hpp"

namespace orgnet {
namespace {

using test::graph_of;

// Two directed triangles joined by c -> d, every strength 1:
//
//   a -> b -> c -> a      d -> e -> f -> d      c -> d
//
// Undirected view: W = 7 edges; degrees a 2, b 2, c 3, d 3, e 2, f 2, so
// K = 7 for each triangle and L = 3 inside each:
//   Q = 2 (3/7 - (7/14)^2) = 6/7 - 1/2 = 5/14.
// Directed (Leicht-Newman): k_out a1 b1 c2 d1 e1 f1, k_in a1 b1 c1 d2 e1 f1;
//   triangle 1: K_out 4, K_in 3; triangle 2: K_out 3, K_in 4;
//   Q = 6/7 - (4*3 + 3*4)/49 = 18/49.
// Resolution 2 (undirected): 6/7 - 2 (1/4 + 1/4) = -1/7.
InfluenceGraph two_triangles() {
  return graph_of({"a", "b", "c", "d", "e", "f"}, {{"a", "b", 1.0},
                                                   {"b", "c", 1.0},
                                                   {"c", "a", 1.0},
                                                   {"d", "e", 1.0},
                                                   {"e", "f", 1.0},
                                                   {"f", "d", 1.0},
                                                   {"c", "d", 1.0}});
}

// Connected in the undirected view restricted to each community?
bool communities_connected(const InfluenceGraph& g, const std::vector<std::uint32_t>& community) {
  const std::size_t n = g.num_vertices();
  std::vector<std::uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0u);
  auto find = [&](std::uint32_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  for (vertex_id u = 0; u < n; ++u) {
    for (vertex_id v : g.out_neighbors(u)) {
      if (community[u] == community[v]) parent[find(u)] = find(v);
    }
  }
  std::vector<std::set<std::uint32_t>> roots(*std::max_element(community.begin(), community.end()) + 1);
  for (vertex_id v = 0; v < n; ++v) roots[community[v]].insert(find(v));
  for (const auto& r : roots) {
    if (r.size() > 1) return false;
  }
  return true;
}

// A seeded planted partition: `groups` groups of `size`, each ordered pair
// tied with probability p_in inside a group and p_out across, strength 1/2.
InfluenceGraph planted(std::uint64_t seed, std::size_t groups, std::size_t size, double p_in, double p_out,
                       std::vector<std::int64_t>& truth) {
  detail::SplitMix64 rng(seed);
  std::vector<std::string> people;
  const std::size_t n = groups * size;
  truth.clear();
  for (std::size_t i = 0; i < n; ++i) {
    people.push_back("p" + std::to_string(i));
    truth.push_back(static_cast<std::int64_t>(i / size));
  }
  std::vector<test::StrengthTie> ties;
  for (std::size_t u = 0; u < n; ++u) {
    for (std::size_t v = 0; v < n; ++v) {
      if (u == v) continue;
      const double p = truth[u] == truth[v] ? p_in : p_out;
      if (rng.uniform() < p) ties.emplace_back(people[u], people[v], 0.5);
    }
  }
  return graph_of(people, ties);
}

TEST(StructureModularity, HandWorked) {
  const InfluenceGraph g = two_triangles();
  const std::vector<std::uint32_t> split = {0, 0, 0, 1, 1, 1};
  EXPECT_NEAR(modularity(g, split), 5.0 / 14.0, 1e-15);
  EXPECT_NEAR(modularity(g, split, {.kind = ModularityKind::directed}), 18.0 / 49.0, 1e-15);
  EXPECT_NEAR(modularity(g, split, {.resolution = 2.0}), -1.0 / 7.0, 1e-15);
  // Labels need not be contiguous.
  const std::vector<std::uint32_t> sparse = {7, 7, 7, 1000, 1000, 1000};
  EXPECT_NEAR(modularity(g, sparse), 5.0 / 14.0, 1e-15);
  // Everyone together: Q = 1 - 1 = 0.
  EXPECT_NEAR(modularity(g, std::vector<std::uint32_t>(6, 0)), 0.0, 1e-15);
}

TEST(StructureModularity, Errors) {
  const InfluenceGraph g = two_triangles();
  EXPECT_NE(
      test::invalid_argument_message([&] { (void)modularity(g, std::vector<std::uint32_t>(5, 0)); }).find("5 labels"),
      std::string::npos);
  EXPECT_NE(test::invalid_argument_message([&] {
              (void)modularity(g, std::vector<std::uint32_t>(6, 0), {.resolution = 0.0});
            }).find("resolution"),
            std::string::npos);
  EXPECT_THROW((void)communities(g, {.resolution = -1}), invalid_argument);
  EXPECT_THROW((void)communities(g, {.threshold = -1}), invalid_argument);
  EXPECT_THROW((void)communities(g, {.randomness = 0}), invalid_argument);
  EXPECT_EQ(parse_community_algorithm("leiden"), CommunityAlgorithm::leiden);
  EXPECT_EQ(parse_modularity_kind("directed"), ModularityKind::directed);
  EXPECT_THROW((void)parse_community_algorithm("infomap"), invalid_argument);
}

TEST(StructureCommunities, TwoTriangles) {
  const InfluenceGraph g = two_triangles();
  for (auto algorithm : {CommunityAlgorithm::louvain, CommunityAlgorithm::leiden}) {
    for (auto kind : {ModularityKind::undirected, ModularityKind::directed}) {
      const CommunityResult r = communities(g, {.algorithm = algorithm, .kind = kind, .seed = 7});
      EXPECT_EQ(r.community, (std::vector<std::uint32_t>{0, 0, 0, 1, 1, 1})) << to_string(algorithm);
      EXPECT_EQ(r.sizes, (std::vector<std::size_t>{3, 3}));
      EXPECT_NEAR(r.modularity, kind == ModularityKind::undirected ? 5.0 / 14.0 : 18.0 / 49.0, 1e-15);
      EXPECT_EQ(r.seed, 7u);
      EXPECT_EQ(r.algorithm, algorithm);
    }
  }
}

TEST(StructureCommunities, Degenerate) {
  const InfluenceGraph empty = graph_of({}, {});
  const InfluenceGraph one = graph_of({"a"}, {});
  const InfluenceGraph isolated = graph_of({"a", "b", "c"}, {});
  for (auto algorithm : {CommunityAlgorithm::louvain, CommunityAlgorithm::leiden}) {
    EXPECT_EQ(communities(empty, {.algorithm = algorithm}).count(), 0u);
    EXPECT_EQ(communities(one, {.algorithm = algorithm}).community, std::vector<std::uint32_t>{0});
    const CommunityResult r = communities(isolated, {.algorithm = algorithm});
    EXPECT_EQ(r.community, (std::vector<std::uint32_t>{0, 1, 2}));
    EXPECT_EQ(r.modularity, 0.0);
  }
  EXPECT_EQ(modularity(empty, {}), 0.0);
  // A single pair ends in one community: Q = 1 - 1 = 0 either way, and
  // isolated people stay alone.
  const InfluenceGraph pair = graph_of({"a", "b", "c"}, {{"a", "b", 0.5}});
  const CommunityResult r = communities(pair);
  EXPECT_EQ(r.community, (std::vector<std::uint32_t>{0, 0, 1}));
}

TEST(StructureCommunities, PlantedPartitionRecovered) {
  std::vector<std::int64_t> truth;
  const InfluenceGraph g = planted(11, 4, 40, 0.25, 0.01, truth);
  const Labeling planted_labels = labeling_from_values(truth);
  std::vector<std::uint32_t> truth32(truth.begin(), truth.end());
  const double q_truth = modularity(g, truth32);
  for (auto algorithm : {CommunityAlgorithm::louvain, CommunityAlgorithm::leiden}) {
    for (auto kind : {ModularityKind::undirected, ModularityKind::directed}) {
      const CommunityResult r = communities(g, {.algorithm = algorithm, .kind = kind, .seed = 3});
      const PartitionAgreement agreement = partition_agreement(planted_labels, community_labeling(r));
      EXPECT_GE(agreement.nmi, 0.95) << to_string(algorithm) << ' ' << to_string(kind);
      if (kind == ModularityKind::undirected) {
        EXPECT_GE(r.modularity, q_truth - 1e-9);
      }
      EXPECT_NEAR(r.modularity, modularity(g, r.community, {.kind = kind}), 1e-12);
    }
  }
}

TEST(StructureCommunities, SeededAndDeterministic) {
  const InfluenceGraph g = generate_company({.people = 600, .seed = 5});
  for (auto algorithm : {CommunityAlgorithm::louvain, CommunityAlgorithm::leiden}) {
    const CommunityResult a = communities(g, {.algorithm = algorithm, .seed = 1});
    const CommunityResult b = communities(g, {.algorithm = algorithm, .seed = 1});
    EXPECT_EQ(a.community, b.community);
    EXPECT_EQ(a.modularity, b.modularity);
    EXPECT_GT(a.modularity, 0.3);
    EXPECT_EQ(std::accumulate(a.sizes.begin(), a.sizes.end(), std::size_t{0}), g.num_vertices());
    // Communities are numbered in order of their lowest vertex.
    std::uint32_t next = 0;
    for (std::uint32_t c : a.community) {
      ASSERT_LE(c, next);
      if (c == next) ++next;
    }
  }
  // Leiden's communities are connected.
  const CommunityResult leiden = communities(g, {.algorithm = CommunityAlgorithm::leiden, .seed = 9});
  EXPECT_TRUE(communities_connected(g, leiden.community));
  // max_levels = 1 stops after the first aggregation.
  EXPECT_EQ(communities(g, {.max_levels = 1}).levels, 1u);
}

TEST(StructureCommunities, ResolutionControlsSize) {
  const InfluenceGraph g = generate_company({.people = 400, .seed = 2});
  const std::size_t coarse = communities(g, {.resolution = 0.3}).count();
  const std::size_t fine = communities(g, {.resolution = 3.0}).count();
  EXPECT_LT(coarse, fine);
}

TEST(StructurePartition, HandWorked) {
  // a = [0 0 0 1 1 1], b = [0 0 1 1 2 2]: contingency [[2 1 0] [0 1 2]], N = 6.
  // ARI: sum C(n_ij,2) = 2, sum C(a_i,2) = 6, sum C(b_j,2) = 3, C(6,2) = 15,
  //      E = 6*3/15 = 1.2, ARI = (2 - 1.2) / (4.5 - 1.2) = 0.8 / 3.3.
  // NMI: H(a) = ln 2, H(b) = ln 3, I = 2 (2/6) ln(6*2/(3*2)) = (2/3) ln 2,
  //      NMI = (2/3) ln 2 / ((ln 2 + ln 3) / 2) = (4/3) ln 2 / ln 6.
  const std::vector<std::int64_t> a = {0, 0, 0, 1, 1, 1}, b = {0, 0, 1, 1, 2, 2};
  const PartitionAgreement r = partition_agreement(labeling_from_values(a), labeling_from_values(b), {.min_size = 2});
  EXPECT_NEAR(r.ari, 0.8 / 3.3, 1e-15);
  EXPECT_NEAR(r.nmi, (4.0 / 3.0) * std::log(2.0) / std::log(6.0), 1e-15);
  EXPECT_EQ(r.compared, 6u);
  EXPECT_EQ(r.count(0, 0), 2u);
  EXPECT_EQ(r.count(0, 1), 1u);
  EXPECT_EQ(r.count(1, 2), 2u);
  // Each group of a splits (shares 2/3 and 1/3 >= 0.2); group 1 of b merges.
  ASSERT_EQ(r.splits.size(), 2u);
  EXPECT_EQ(r.splits[0].parts, (std::vector<std::int32_t>{0, 1}));
  EXPECT_EQ(r.splits[0].part_sizes, (std::vector<std::size_t>{2, 1}));
  ASSERT_EQ(r.merges.size(), 1u);
  EXPECT_EQ(r.merges[0].group, 1);
  // With min_share 0.5 nothing splits (1/3 < 0.5) and b's group 1 still merges (1/2 each).
  const PartitionAgreement strict =
      partition_agreement(labeling_from_values(a), labeling_from_values(b), {.min_share = 0.5, .min_size = 2});
  EXPECT_TRUE(strict.splits.empty());
  EXPECT_EQ(strict.merges.size(), 1u);
  // Groups under min_size (default 3) are not reported: b's group 1 has 2 people.
  EXPECT_TRUE(partition_agreement(labeling_from_values(a), labeling_from_values(b)).merges.empty());
}

TEST(StructurePartition, SpecialCasesAndMissing) {
  const std::vector<std::int64_t> same = {3, 3, 5, 5}, renamed = {9, 9, 1, 1};
  auto agree = [](const std::vector<std::int64_t>& x, const std::vector<std::int64_t>& y) {
    return partition_agreement(labeling_from_values(x), labeling_from_values(y));
  };
  EXPECT_NEAR(agree(same, renamed).nmi, 1.0, 1e-15);
  EXPECT_NEAR(agree(same, renamed).ari, 1.0, 1e-15);
  // Both one group: 1 and 1 (scikit-learn's convention).
  EXPECT_EQ(agree({0, 0, 0}, {4, 4, 4}).nmi, 1.0);
  EXPECT_EQ(agree({0, 0, 0}, {4, 4, 4}).ari, 1.0);
  // One group against all singletons: NMI 0, ARI 0 (sum C(n_ij,2) = E = 0, denominator 3/2).
  EXPECT_EQ(agree({0, 0, 0}, {0, 1, 2}).nmi, 0.0);
  EXPECT_EQ(agree({0, 0, 0}, {0, 1, 2}).ari, 0.0);
  // Empty: 1 and 1.
  EXPECT_EQ(agree({}, {}).nmi, 1.0);
  // Missing labels are left out: the last person does not count.
  const PartitionAgreement r = agree({0, 0, 1, 1, -1}, {2, 2, 3, 3, 2});
  EXPECT_EQ(r.compared, 4u);
  EXPECT_NEAR(r.nmi, 1.0, 1e-15);
  EXPECT_THROW((void)agree({0, 1}, {0}), invalid_argument);
  EXPECT_THROW((void)partition_agreement(labeling_from_values(same), labeling_from_values(same), {.min_share = 0.7}),
               invalid_argument);
  Labeling bad{.label = {0, 2}, .names = {"x"}};
  EXPECT_NE(test::invalid_argument_message([&] { validate_labeling(bad, 2, "groups"); }).find("label 2"),
            std::string::npos);
}

TEST(StructurePartition, GraphLabelings) {
  const InfluenceGraph g = test::hand_worked_graph();
  const Labeling departments = department_labeling(g);
  EXPECT_EQ(departments.label, (std::vector<std::int32_t>{0, 0, 1, Labeling::missing}));
  EXPECT_EQ(departments.names, (std::vector<std::string>{"S", "T"}));
  const InfluenceGraph lazega = load_dataset("lazega");
  const Labeling practice = attribute_labeling(lazega, "practice_label");
  EXPECT_EQ(practice.num_groups(), 2u);
  EXPECT_THROW((void)attribute_labeling(lazega, "no such column"), out_of_range);
}

}  // namespace
}  // namespace orgnet
