#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "orgnet/model/graph_builder.hpp"
#include "orgnet/report/summary.hpp"

namespace orgnet {
namespace {

// Same graph as test_graph_builder.cpp's hand-worked example: 4 people, 7
// influence edges a->b a->c b->c c->b c->d d->c d->b.
InfluenceGraph small_org() {
  GraphBuilder b;
  b.add_person({.id = "a", .department = "S"});
  b.add_person({.id = "b", .department = "S", .manager = "a"});
  b.add_person({.id = "c", .department = "T", .manager = "a"});
  b.add_person({.id = "d"});
  b.add_tie("b", "a", "advice", 1);
  b.add_tie("b", "c", "advice", 3);
  b.add_tie("c", "a", "trust", 2);
  b.add_tie("c", "b", "trust", 2);
  b.add_tie("a", "b", "email", 2);
  b.add_tie("d", "b", "email", 6);
  b.add_tie("c", "d", "cowork", 1);
  b.add_tie("c", "a", "reports_to", 0.5);
  b.add_tie("a", "a", "advice", 1);
  return std::move(b).build();
}

TEST(Summary, HandWorkedFigures) {
  GraphSummary s = summarize(small_org());
  EXPECT_EQ(s.people, 4u);
  EXPECT_EQ(s.ties, 9u);
  EXPECT_EQ(s.influence_edges, 7u);
  ASSERT_EQ(s.relations.size(), 5u);  // advice, trust, email, cowork, reports_to
  EXPECT_EQ(s.relations[0].relation, "advice");
  EXPECT_EQ(s.relations[0].ties, 3u);  // two plus the self-tie
  EXPECT_EQ(s.departments, 2u);
  EXPECT_EQ(s.people_without_department, 1u);
  EXPECT_DOUBLE_EQ(s.density, 7.0 / 12.0);
  EXPECT_DOUBLE_EQ(s.reciprocity, 4.0 / 7.0);  // b<->c and c<->d
  EXPECT_EQ(s.weak_components, 1u);
  EXPECT_EQ(s.strong_components, 2u);  // {a}, {b, c, d}
  EXPECT_EQ(s.largest_strong_component, 3u);
  EXPECT_EQ(s.hierarchy.depth, 2u);
  EXPECT_EQ(s.hierarchy.roots, 2u);
  EXPECT_EQ(s.hierarchy.managers, 1u);
  EXPECT_DOUBLE_EQ(s.hierarchy.mean_span, 2.0);
  EXPECT_EQ(s.load.self_ties, 1u);
}

TEST(Summary, EmptyGraphIsDefined) {
  GraphSummary s = summarize(InfluenceGraph{});
  EXPECT_EQ(s.people, 0u);
  EXPECT_EQ(s.density, 0.0);
  EXPECT_TRUE(std::isnan(s.reciprocity));
  EXPECT_EQ(s.hierarchy.depth, 0u);
  std::ostringstream json;
  write_summary(s, json, OutputFormat::json);
  EXPECT_NE(json.str().find("\"reciprocity\": null"), std::string::npos) << json.str();
}

TEST(Summary, CsvRows) {
  std::ostringstream csv;
  write_summary(summarize(small_org()), csv, OutputFormat::csv);
  const std::string text = csv.str();
  EXPECT_EQ(text.rfind("metric,value\npeople,4\nties,9\nties.advice,3\n", 0), 0u) << text;
  EXPECT_NE(text.find("\nreciprocity,0.5714285714285714\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace orgnet
