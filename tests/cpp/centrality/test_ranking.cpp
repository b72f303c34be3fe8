#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "orgnet/centrality/centrality_table.hpp"
#include "orgnet/centrality/degree.hpp"
#include "orgnet/centrality/pagerank.hpp"
#include "orgnet/centrality/ranking.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

// hand_worked_graph: a (S), b (S), c (T), d (no department).
TEST(TopK, CompetitionRanksTiesByVertexAndNanLast) {
  InfluenceGraph g = test::hand_worked_graph();
  const std::vector<double> scores = {0.5, std::nan(""), 0.9, 0.5};
  std::vector<RankedPerson> top = top_k(g, scores, {.k = 0});
  ASSERT_EQ(top.size(), 4u);
  EXPECT_EQ(top[0].id, "c");
  EXPECT_EQ(top[0].rank, 1u);
  EXPECT_EQ(top[0].department, "T");
  EXPECT_EQ(top[1].id, "a");  // tie with d: lower vertex first, same rank
  EXPECT_EQ(top[1].rank, 2u);
  EXPECT_EQ(top[2].id, "d");
  EXPECT_EQ(top[2].rank, 2u);
  EXPECT_EQ(top[2].department, "");
  EXPECT_EQ(top[3].id, "b");
  EXPECT_EQ(top[3].rank, 4u);

  std::vector<RankedPerson> lowest = top_k(g, scores, {.k = 2, .ascending = true});
  ASSERT_EQ(lowest.size(), 2u);
  EXPECT_EQ(lowest[0].id, "a");
  EXPECT_EQ(lowest[1].id, "d");
  EXPECT_EQ(lowest[1].rank, 1u);
}

TEST(TopK, WrongLengthIsAnError) {
  InfluenceGraph g = test::hand_worked_graph();
  const std::vector<double> scores = {1.0};
  EXPECT_EQ(test::invalid_argument_message([&] { (void)top_k(g, scores); }),
            "top_k: scores has 1 entries, the graph 4 people");
}

TEST(CentralityTable, ColumnsEqualTheMeasuresThemselves) {
  InfluenceGraph g = test::hand_worked_graph();
  CentralityTable table = centrality_table(g, {.measures = {Measure::pagerank, Measure::in_degree, Measure::pagerank}});
  ASSERT_EQ(table.columns.size(), 2u);  // pagerank once
  EXPECT_EQ(table.columns[0].values,
            pagerank(g, {.flow = InfluenceFlow::exerted}).score);  // the table ranks exerted influence
  ASSERT_TRUE(table.columns[0].convergence.has_value());
  EXPECT_TRUE(table.columns[0].convergence->converged);
  // In-degree normalized by n - 1 = 3: b has in-neighbours a, c, d.
  EXPECT_DOUBLE_EQ(table.find(Measure::in_degree)->values[g.index_of("b")], 1.0);
  EXPECT_EQ(table.find(Measure::katz), nullptr);
}

TEST(CentralityTable, MeasureNames) {
  EXPECT_EQ(parse_measures("pagerank,coreness"), (std::vector<Measure>{Measure::pagerank, Measure::coreness}));
  EXPECT_EQ(parse_measures("all").size(), 16u);
  for (Measure m : all_measures()) EXPECT_EQ(parse_measure(to_string(m)), m);
  EXPECT_THROW((void)parse_measure("fame"), orgnet::invalid_argument);
}

TEST(CentralityTable, CsvIsSortedAndComplete) {
  InfluenceGraph g = test::hand_worked_graph();
  CentralityTable table =
      centrality_table(g, {.measures = {Measure::in_degree, Measure::out_degree}, .normalized = false});
  std::ostringstream out;
  write_centrality_table(g, table, out, OutputFormat::csv, {.top = 0});
  // Edges a->b a->c b->c c->b c->d d->c d->b. In-degrees: b 3 (a, c, d) and
  // c 3 (a, b, d) share rank 1, then d 1 (c), a 0.
  EXPECT_EQ(out.str(),
            "rank,id,department,in_degree,out_degree\n"
            "1,b,S,3,1\n"
            "1,c,T,3,2\n"
            "3,d,,1,2\n"
            "4,a,S,0,2\n");
}

TEST(CentralityTable, EmptyGraph) {
  CentralityTable table = centrality_table(InfluenceGraph{});
  for (const auto& column : table.columns) EXPECT_TRUE(column.values.empty()) << to_string(column.measure);
  std::ostringstream out;
  write_centrality_table(InfluenceGraph{}, table, out, OutputFormat::json);
  EXPECT_NE(out.str().find("\"rows\": []"), std::string::npos) << out.str();
}

}  // namespace
}  // namespace orgnet
