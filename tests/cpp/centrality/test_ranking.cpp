#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "orgnet/centrality/centrality_table.hpp"
#include "orgnet/centrality/degree.hpp"
#include "orgnet/centrality/pagerank.hpp"
#include "orgnet/centrality/ranking.hpp"
#include "orgnet/io/datasets.hpp"
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

TEST(Ranking, TopKCertaintyByHand) {
  InfluenceGraph g = test::graph_of({"a", "b", "c", "d", "e"}, {});
  const std::vector<double> scores{0.50, 0.40, 0.37, 0.20, 0.10};
  // error 0.02, k = 2. a: lower 0.48, nobody else's upper bound (b: 0.42)
  // reaches it, certain. b: lower 0.38, a (0.52) and c (0.39) reach it, two
  // rivals for two places, not certain.
  auto two = top_k(g, scores, {.k = 2, .error = 0.02});
  ASSERT_EQ(two.size(), 2u);
  EXPECT_TRUE(two[0].certain);
  EXPECT_FALSE(two[1].certain);
  // k = 3: b's rivals a, c and c's rivals a, b are two each, under three places.
  auto three = top_k(g, scores, {.k = 3, .error = 0.02});
  EXPECT_TRUE(three[0].certain && three[1].certain && three[2].certain);
  // Lowest first, error 0.06: e (upper 0.16) is reached by d (lower 0.14) only,
  // so with k = 1 it is not certain, with k = 2 both are.
  auto low = top_k(g, scores, {.k = 1, .ascending = true, .error = 0.06});
  EXPECT_EQ(low[0].id, "e");
  EXPECT_FALSE(low[0].certain);
  auto low2 = top_k(g, scores, {.k = 2, .ascending = true, .error = 0.06});
  EXPECT_TRUE(low2[0].certain && low2[1].certain);
  // Exact scores: certain, except a tie across the edge of the list.
  const std::vector<double> tied{3.0, 2.0, 2.0, 1.0, 0.0};
  auto exact = top_k(g, tied, {.k = 2});
  EXPECT_TRUE(exact[0].certain);
  EXPECT_FALSE(exact[1].certain);
  // A NaN could be anything: never certain, and a rival of everyone.
  const std::vector<double> with_nan{0.9, std::nan(""), 0.5, 0.4, 0.3};
  auto nan_rows = top_k(g, with_nan, {.k = 2, .error = 0.01});
  EXPECT_FALSE(nan_rows[1].certain);  // c, 0.5: rivals a and the NaN
  EXPECT_TRUE(nan_rows[0].certain);   // a: only the NaN
  auto everyone = top_k(g, with_nan, {.k = 0, .error = 0.01});
  EXPECT_FALSE(everyone.back().certain);  // the NaN itself
  EXPECT_THROW((void)top_k(g, scores, {.error = -1.0}), orgnet::invalid_argument);
  EXPECT_THROW((void)top_k(g, scores, {.error = std::nan("")}), orgnet::invalid_argument);
}

TEST(CentralityTable, ApproximateRankingSaysWhichRowsAreCertain) {
  InfluenceGraph g = load_dataset("krackhardt");
  CentralityTable table = centrality_table(g, {.measures = {Measure::approx_betweenness}, .epsilon = 0.05});
  ASSERT_TRUE(table.columns[0].error.has_value());
  EXPECT_EQ(*table.columns[0].error, 0.05);
  EXPECT_EQ(*table.columns[0].error_probability, 0.1);
  std::ostringstream csv;
  write_centrality_table(g, table, csv, OutputFormat::csv, {.top = 5});
  EXPECT_EQ(csv.str().substr(0, csv.str().find('\n')), "rank,id,department,approx_betweenness,certain");
  const auto rows = top_k(g, table.columns[0].values, {.k = 5, .error = 0.05});
  std::ostringstream text;
  write_centrality_table(g, table, text, OutputFormat::table, {.top = 5});
  const auto certain = std::count_if(rows.begin(), rows.end(), [](const RankedPerson& r) { return r.certain; });
  EXPECT_NE(text.str().find(std::to_string(certain) + " of these 5 are certainly in the top 5"), std::string::npos)
      << text.str();
}

}  // namespace
}  // namespace orgnet
