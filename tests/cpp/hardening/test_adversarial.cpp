// Hostile and extreme inputs (issue 8): each either loads into a correct graph
// or is rejected with a short message naming where. Expected values are worked
// out from the construction of each input.

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "orgnet/orgnet.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

using test::invalid_argument_message;

InfluenceGraph load_texts(const std::string& people, const std::string& ties, CsvOptions options = {}) {
  GraphBuilder builder(options.build);
  read_people_csv(builder, people, "people.csv", options);
  read_ties_csv(builder, ties, "ties.csv", options);
  return std::move(builder).build();
}

TEST(Adversarial, HundredKilobyteIdsLoadAndMessagesStayShort) {
  const std::string huge(100 * 1024, 'x');
  const std::string other = huge + "y";
  const InfluenceGraph g =
      load_texts("id\n" + huge + "\n" + other + "\n", "source,target\n" + huge + "," + other + "\n");
  ASSERT_EQ(g.num_vertices(), 2u);
  EXPECT_EQ(g.id(g.index_of(other)), other);
  EXPECT_EQ(g.num_edges(), 1u);

  // A tie naming an unknown 100 KB id: the message quotes 80 bytes and the size.
  const std::string message = invalid_argument_message(
      [&] { (void)load_texts("id\n" + huge + "\n", "source,target\n" + huge + "," + huge + "z\n"); });
  EXPECT_LT(message.size(), 300u) << message.substr(0, 300);
  EXPECT_NE(message.find("ties.csv:2:"), std::string::npos) << message.substr(0, 300);
  EXPECT_NE(message.find("(102401 bytes)"), std::string::npos) << message.substr(0, 300);
}

TEST(Adversarial, LongIdMessageNeverSplitsACharacter) {
  // 79 ASCII bytes then 'é' (2 bytes) straddling byte 80: the cut backs off to 79.
  const std::string id = std::string(79, 'a') + "\xC3\xA9" + std::string(50, 'b');
  std::string expected(1, '\'');
  expected.append(79, 'a');
  expected.append("...' (131 bytes)");
  EXPECT_EQ(quote_for_message(id), expected);
  EXPECT_EQ(quote_for_message("short"), "'short'");
}

TEST(Adversarial, TenThousandLevelChainFromCsv) {
  constexpr int n = 10000;
  std::string people = "id,manager\n0,\n";
  for (int i = 1; i < n; ++i) people += std::to_string(i) + "," + std::to_string(i - 1) + "\n";
  const InfluenceGraph g = load_texts(people, "source,target\n");
  EXPECT_EQ(g.level(g.index_of("0")), 0);
  EXPECT_EQ(g.level(g.index_of(std::to_string(n - 1))), n - 1);
  EXPECT_EQ(g.manager(g.index_of("5000")), g.index_of("4999"));
}

TEST(Adversarial, TenThousandPersonManagerCycleIsNamedBriefly) {
  // 0 reports to 9999, and i to i - 1: one cycle through everyone.
  constexpr int n = 10000;
  std::string people = "id,manager\n0," + std::to_string(n - 1) + "\n";
  for (int i = 1; i < n; ++i) people += std::to_string(i) + "," + std::to_string(i - 1) + "\n";
  const std::string message = invalid_argument_message([&] { (void)load_texts(people, "source,target\n"); });
  EXPECT_NE(message.find("the reporting lines form a cycle"), std::string::npos) << message;
  EXPECT_NE(message.find("(10000 people)"), std::string::npos) << message;
  EXPECT_LT(message.size(), 400u) << message;
}

TEST(Adversarial, NonFiniteAndNegativeNumbersInEveryNumericColumn) {
  // weight is the only numeric tie column; level the only numeric people column.
  for (const std::string bad : {"nan", "NaN", "inf", "-inf", "1e400", "-1", "0x10"}) {
    SCOPED_TRACE(bad);
    const std::string weight_message =
        invalid_argument_message([&] { (void)load_texts("id\na\nb\n", "source,target,weight\na,b," + bad + "\n"); });
    EXPECT_NE(weight_message.find("ties.csv:2:"), std::string::npos) << weight_message;
    EXPECT_NE(weight_message.find("field 'weight'"), std::string::npos) << weight_message;
    const std::string level_message =
        invalid_argument_message([&] { (void)load_texts("id,level\na," + bad + "\n", "source,target\n"); });
    EXPECT_NE(level_message.find("people.csv:2:"), std::string::npos) << level_message;
    EXPECT_NE(level_message.find("field 'level'"), std::string::npos) << level_message;
  }
}

TEST(Adversarial, HeaderOnlyFilesGiveAnEmptyGraph) {
  const InfluenceGraph g = load_texts("id,name,department\n", "source,target,relation,weight\n");
  EXPECT_EQ(g.num_vertices(), 0u);
  EXPECT_EQ(g.num_edges(), 0u);
  EXPECT_TRUE(pagerank(g).score.empty());
  EXPECT_EQ(weak_components(g).count(), 0u);
}

TEST(Adversarial, ExtremeStrengthsKeepMeasuresFinite) {
  // a -> b at 1e-300 and b -> c at exactly 1: -ln s gives lengths 690.78 and 0.
  const InfluenceGraph g = test::graph_of({"a", "b", "c"}, {{"a", "b", 1e-300}, {"b", "c", 1.0}});
  const auto h = harmonic_closeness(g, {.direction = PathDirection::outgoing});
  const double far = -std::log(1e-300);
  // a reaches b and c both at distance 690.78 (the 0-length step adds nothing).
  EXPECT_NEAR(h.score[0], 2.0 / far, 1e-15);
  // b reaches c at distance 0, which adds nothing (NetworkX's convention).
  EXPECT_EQ(h.score[1], 0.0);
  const auto pr = pagerank(g);
  ASSERT_TRUE(pr.convergence.converged);
  for (double x : pr.score) EXPECT_TRUE(std::isfinite(x) && x > 0.0);
}

TEST(Adversarial, CompleteGraphOfThreeThousandPeople) {
  constexpr std::size_t n = 3000;
  GraphBuilder b;
  for (std::size_t i = 0; i < n; ++i) b.add_person({.id = std::to_string(i)});
  std::vector<std::string> ids(n);
  for (std::size_t i = 0; i < n; ++i) ids[i] = std::to_string(i);
  std::vector<TieView> batch;
  batch.reserve(n);
  for (std::size_t u = 0; u < n; ++u) {
    batch.clear();
    for (std::size_t v = 0; v < n; ++v) {
      if (u != v) batch.push_back({.source = ids[u], .target = ids[v], .relation = "communication", .weight = 1.0});
    }
    b.add_ties(batch);
  }
  const InfluenceGraph g = std::move(b).build();
  ASSERT_EQ(g.num_edges(), n * (n - 1));
  // Weighted cascade over n - 1 equal in-ties: every strength is 1 / (n - 1).
  EXPECT_DOUBLE_EQ(g.strength(0), 1.0 / static_cast<double>(n - 1));
  // By symmetry every PageRank score is 1 / n.
  const auto pr = pagerank(g);
  ASSERT_TRUE(pr.convergence.converged);
  for (double x : pr.score) ASSERT_NEAR(x, 1.0 / n, 1e-12);
  EXPECT_EQ(strong_components(g).count(), 1u);
}

TEST(Adversarial, MillionIsolatedPeople) {
  constexpr std::size_t n = 1000000;
  GraphBuilder b;
  for (std::size_t i = 0; i < n; ++i) b.add_person({.id = std::to_string(i)});
  const InfluenceGraph g = std::move(b).build();
  ASSERT_EQ(g.num_vertices(), n);
  EXPECT_EQ(g.num_edges(), 0u);
  EXPECT_EQ(weak_components(g).count(), n);
  // Everyone dangles: PageRank spreads uniformly.
  const auto pr = pagerank(g);
  ASSERT_TRUE(pr.convergence.converged);
  EXPECT_NEAR(pr.score[123456], 1.0 / n, 1e-16);  // sums of a million terms: relative 1e-10
  EXPECT_EQ(g.index_of("999999"), n - 1);
}

}  // namespace
}  // namespace orgnet
