// Every bundled dataset loads with the counts its README (and the original
// publication) gives.

#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <string>

#include "orgnet/io/datasets.hpp"
#include "orgnet/structure/components.hpp"

namespace orgnet {
namespace {

std::map<std::string, std::size_t> ties_per_relation(const InfluenceGraph& g) {
  std::map<std::string, std::size_t> counts;
  for (const TieRecord& t : g.ties()) ++counts[g.relation_name(t.relation)];
  return counts;
}

TEST(Datasets, KrackhardtPublishedCounts) {
  InfluenceGraph g = load_dataset("krackhardt");
  EXPECT_EQ(g.num_vertices(), 21u);
  EXPECT_EQ(g.num_ties(), 312u);
  auto counts = ties_per_relation(g);
  EXPECT_EQ(counts["advice"], 190u);
  EXPECT_EQ(counts["friendship"], 102u);
  EXPECT_EQ(counts["reports_to"], 20u);
  EXPECT_EQ(g.load_report().self_ties, 0u);
  // reports_to is a tree rooted at the CEO, id 7; VPs 2, 14, 18, 21.
  EXPECT_EQ(g.manager(g.index_of("7")), no_vertex);
  EXPECT_EQ(g.level(g.index_of("7")), 0);
  for (const char* vp : {"2", "14", "18", "21"}) {
    EXPECT_EQ(g.manager(g.index_of(vp)), g.index_of("7")) << vp;
    EXPECT_EQ(g.level(g.index_of(vp)), 1) << vp;
  }
  EXPECT_EQ(g.level(g.index_of("1")), 2);
  EXPECT_EQ(g.attribute(g.index_of("7"), "level"), "1");  // the file's 1-based level, kept as attribute
  EXPECT_EQ(g.num_departments(), 4u);                     // codes 1 to 4; the CEO's 0 means none
  EXPECT_EQ(g.department(g.index_of("7")), no_department);
}

TEST(Datasets, LazegaPublishedCounts) {
  InfluenceGraph g = load_dataset("lazega");
  EXPECT_EQ(g.num_vertices(), 71u);
  auto counts = ties_per_relation(g);
  EXPECT_EQ(counts["advice"], 892u);
  EXPECT_EQ(counts["friendship"], 575u);
  EXPECT_EQ(counts["cowork"], 1104u);
  EXPECT_EQ(g.num_departments(), 3u);  // Boston, Hartford, Providence
  EXPECT_EQ(g.department_members(*g.find_department("Boston")).size(), 48u);
  EXPECT_EQ(g.department_members(*g.find_department("Hartford")).size(), 19u);
}

TEST(Datasets, EmailEuCorePublishedCounts) {
  InfluenceGraph g = load_dataset("email_eu_core");
  EXPECT_EQ(g.num_vertices(), 1005u);
  EXPECT_EQ(g.num_ties(), 25571u);
  EXPECT_EQ(g.load_report().self_ties, 642u);
  EXPECT_EQ(g.num_edges(), 25571u - 642u);  // no duplicates; email keeps direction
  EXPECT_EQ(g.num_departments(), 42u);
  // SNAP: largest WCC 986 people, 203 SCCs, largest SCC 803 people.
  ComponentsResult weak = weak_components(g);
  ComponentsResult strong = strong_components(g);
  EXPECT_EQ(weak.largest(), 986u);
  EXPECT_EQ(strong.count(), 203u);
  EXPECT_EQ(strong.largest(), 803u);
}

TEST(Datasets, UkFacultyPublishedCounts) {
  InfluenceGraph g = load_dataset("uk_faculty");
  EXPECT_EQ(g.num_vertices(), 81u);
  EXPECT_EQ(g.num_ties(), 817u);
  EXPECT_EQ(g.num_departments(), 4u);
  EXPECT_EQ(g.department_members(*g.find_department("1")).size(), 33u);
}

TEST(Datasets, EnronPublishedCounts) {
  InfluenceGraph g = load_dataset("enron");
  EXPECT_EQ(g.num_vertices(), 184u);
  EXPECT_EQ(g.num_ties(), 5295u);
  auto counts = ties_per_relation(g);
  EXPECT_EQ(counts["email_to"], 2935u);
  EXPECT_EQ(counts["email_cc"], 1180u);
  EXPECT_EQ(counts["email_bcc"], 1180u);
  EXPECT_EQ(g.load_report().relations_using_fallback.size(), 3u);
  EXPECT_EQ(g.title(g.index_of("2")), "Vice President");
  EXPECT_EQ(g.title(g.index_of("3")), "");  // "NA" in the file: position unknown
}

TEST(Datasets, UnknownNameListsTheKnownOnes) {
  try {
    (void)load_dataset("nope");
    FAIL();
  } catch (const orgnet::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "unknown dataset 'nope' (bundled: krackhardt, lazega, email_eu_core, uk_faculty, enron)");
  }
}

}  // namespace
}  // namespace orgnet

namespace orgnet {
namespace {

// The worked example of docs/data-model.md. Manager 1 asks 6 colleagues for
// advice (2, 4, 8, 16, 18, 21) and names 5 friends (2, 4, 8, 12, 16); 1 reports to 2.
TEST(Datasets, KrackhardtWorkedExampleStrengths) {
  InfluenceGraph g = load_dataset("krackhardt");
  auto s = [&](const char* u, const char* v) { return g.strength(*g.find_edge(g.index_of(u), g.index_of(v))); };
  EXPECT_NEAR(s("21", "1"), 1.0 / 6.0, 1e-15);                       // advice only
  EXPECT_NEAR(s("12", "1"), 1.0 / 5.0, 1e-15);                       // friendship only
  EXPECT_NEAR(s("4", "1"), 1.0 - (5.0 / 6.0) * (4.0 / 5.0), 1e-15);  // both: 1/3
  // advice 1/6, friendship 1/5, reports_to weight 1 times the default scale 0.5:
  EXPECT_NEAR(s("2", "1"), 1.0 - (5.0 / 6.0) * (4.0 / 5.0) * 0.5, 1e-15);  // 2/3
  EXPECT_FALSE(g.find_edge(g.index_of("1"), g.index_of("21")));            // 21 neither asks 1 for advice nor names 1
  EXPECT_EQ(g.in_degree(g.index_of("1")), 7u);                             // {2, 4, 8, 12, 16, 18, 21}
}

}  // namespace
}  // namespace orgnet
