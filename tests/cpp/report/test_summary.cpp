#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "orgnet/model/graph_builder.hpp"
#include "orgnet/report/summary.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

TEST(Summary, HandWorkedFigures) {
  GraphSummary s = summarize(test::hand_worked_graph());
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
  write_summary(summarize(test::hand_worked_graph()), csv, OutputFormat::csv);
  const std::string text = csv.str();
  EXPECT_EQ(text.rfind("metric,value\npeople,4\nties,9\nties.advice,3\n", 0), 0u) << text;
  EXPECT_NE(text.find("\nreciprocity,0.5714285714285714\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace orgnet
