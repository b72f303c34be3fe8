#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "orgnet/bottleneck/cut_points.hpp"
#include "orgnet/centrality/centrality_table.hpp"
#include "orgnet/centrality/ranking.hpp"
#include "orgnet/error.hpp"
#include "orgnet/model/graph_builder.hpp"
#include "orgnet/report/html_report.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

// The text of the element `<tag id="id" ...>...</tag>` (first match).
std::string element(const std::string& html, const std::string& tag, const std::string& id) {
  const std::size_t begin = html.find("<" + tag + " id=\"" + id + "\"");
  if (begin == std::string::npos) return {};
  const std::size_t end = html.find("</" + tag + ">", begin);
  return html.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

// Values of attribute `name` in `text`, in order.
std::vector<std::string> attribute_values(const std::string& text, const std::string& name) {
  std::vector<std::string> out;
  const std::string key = " " + name + "=\"";
  for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + 1)) {
    const std::size_t begin = at + key.size();
    out.push_back(text.substr(begin, text.find('"', begin) - begin));
  }
  return out;
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t count = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++count;
  return count;
}

TEST(ReportHtml, EscapeReplacesMarkupAndBadBytes) {
  EXPECT_EQ(html_escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(html_escape("Zo\xC3\xAB \xE6\x97\xA5"), "Zo\xC3\xAB \xE6\x97\xA5");  // UTF-8 kept
  EXPECT_EQ(html_escape("a\xFF"
                        "b"),
            "a\xEF\xBF\xBD"
            "b");  // not UTF-8
  EXPECT_EQ(html_escape(std::string("a\x01\x1B"
                                    "b",
                                    4)),
            "a\xEF\xBF\xBD\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(html_escape("tab\tand\nline"), "tab\tand\nline");
}

TEST(ReportHtml, TopTablesAreTheLibrarysRankings) {
  const InfluenceGraph g = test::random_exact_graph(9, 30, 90);
  const HtmlReport r = build_html_report(g, {.top = 7});
  const CentralityTable table =
      centrality_table(g, {.measures = {Measure::pagerank, Measure::betweenness, Measure::degree, Measure::harmonic,
                                        Measure::eigenvector}});
  for (const CentralityColumn& col : table.columns) {
    const std::string tab = element(r.html, "table", "top-" + std::string(to_string(col.measure)));
    ASSERT_FALSE(tab.empty()) << to_string(col.measure);
    std::vector<std::string> expected;
    for (const RankedPerson& p : top_k(g, col.values, {.k = 7})) expected.push_back(p.id);
    EXPECT_EQ(attribute_values(tab, "data-id"), expected) << to_string(col.measure);
  }
  // The summary counts.
  const std::string summary = element(r.html, "table", "summary-table");
  EXPECT_NE(summary.find("<td>People</td><td class=\"num\" data-value=\"30\">"), std::string::npos);
  EXPECT_NE(summary.find("<td>Influence edges (merged, directed)</td><td class=\"num\" data-value=\"90\">"),
            std::string::npos);
  EXPECT_EQ(r.sections,
            (std::vector<std::string>{"summary", "sociogram", "centrality", "bottlenecks", "structure", "notes"}));
}

TEST(ReportHtml, ChainIsListedStepByStepAndHighlighted) {
  // hand_worked_graph: a -> c (5/8: trust 1/2 merged with reports_to 1/2 x 1/2),
  // c -> d (1): the most probable chain a to d has probability 5/8
  // (a -> b -> c is 7/16 * 1/2, worse).
  const InfluenceGraph g = test::hand_worked_graph();
  const HtmlReport r = build_html_report(g, {.path_from = "a", .path_to = "d"});
  const std::string steps = element(r.html, "table", "path-steps");
  EXPECT_EQ(attribute_values(steps, "data-id"), (std::vector<std::string>{"a", "c", "c", "d"}));
  EXPECT_NE(r.html.find("id=\"path-probability\" data-value=\"0.625\""), std::string::npos);
  EXPECT_EQ(occurrences(r.html, "marker-end=\"url(#arrow)\""), 2u);
  EXPECT_NE(r.html.find("<p id=\"must-pass\">Must-pass people (every chain from the source to the target runs "
                        "through them): <span class=\"person\" data-id=\"c\">"),
            std::string::npos);
  // Nothing reaches a (it has no in-ties): reported, not thrown.
  const HtmlReport none = build_html_report(g, {.path_from = "d", .path_to = "a"});
  EXPECT_NE(none.html.find("</strong>: none ("), std::string::npos);
  EXPECT_EQ(occurrences(none.html, "marker-end="), 0u);
}

TEST(ReportHtml, BrokersAreTheCutPointsAndOutlined) {
  // A path a - b - c - d (influence both ways): b and c are cut points.
  const InfluenceGraph g = test::graph_of(
      {"a", "b", "c", "d"}, {{"a", "b", 1}, {"b", "a", 1}, {"b", "c", 1}, {"c", "b", 1}, {"c", "d", 1}, {"d", "c", 1}});
  const HtmlReport r = build_html_report(g);
  const CutPointsResult cuts = cut_points(g);
  for (vertex_id v : cuts.articulation_points) {
    EXPECT_TRUE(std::binary_search(r.brokers.begin(), r.brokers.end(), v));
    EXPECT_NE(r.html.find("stroke=\"#000\" stroke-width=\"2.5\" data-id=\"" + g.id(v) + "\""), std::string::npos);
  }
  EXPECT_EQ(attribute_values(element(r.html, "table", "cut-points"), "data-id"), (std::vector<std::string>{"b", "c"}));
}

TEST(ReportHtml, BigGraphsDrawTheTopPeopleAndSaySo) {
  const InfluenceGraph g = test::random_exact_graph(4, 50, 200);
  const HtmlReport r = build_html_report(g, {.max_sociogram_people = 12});
  EXPECT_GE(r.drawn_people, 12u);
  EXPECT_LT(r.drawn_people, 50u);
  EXPECT_EQ(occurrences(r.html, "<circle "), r.drawn_people);
  EXPECT_NE(r.html.find("<strong>Only " + std::to_string(r.drawn_people) + " of 50 people are drawn</strong>"),
            std::string::npos);
  EXPECT_NE(r.html.find(std::to_string(50 - r.drawn_people) + " people and " + std::to_string(200 - r.drawn_ties) +
                        " of 200 ties are omitted"),
            std::string::npos);
  // The 12 highest by PageRank are among the drawn.
  const CentralityTable t = centrality_table(g, {.measures = {Measure::pagerank}});
  const std::string svg = r.html.substr(r.html.find("<svg"));
  for (const RankedPerson& p : top_k(g, t.columns[0].values, {.k = 12})) {
    EXPECT_NE(svg.find("data-id=\"" + p.id + "\"><title>"), std::string::npos) << p.id;
  }
  const HtmlReport all = build_html_report(g);
  EXPECT_EQ(all.drawn_people, 50u);
  EXPECT_EQ(all.drawn_ties, 200u);
}

TEST(ReportHtml, SameReportForAnyThreadCount) {
  const InfluenceGraph g = test::random_exact_graph(6, 40, 160);
  EXPECT_EQ(build_html_report(g, {.threads = 1}).html, build_html_report(g, {.threads = 2}).html);
}

TEST(ReportHtml, DegenerateGraphsRender) {
  const HtmlReport empty = build_html_report(InfluenceGraph{});
  EXPECT_NE(empty.html.find("</html>"), std::string::npos);
  const HtmlReport one = build_html_report(test::graph_of({"solo"}, {}));
  EXPECT_EQ(occurrences(one.html, "<circle "), 1u);
  std::ostringstream out;
  write_html_report(test::hand_worked_graph(), out);
  EXPECT_EQ(out.str(), build_html_report(test::hand_worked_graph()).html);
}

TEST(ReportHtml, RejectsBadOptions) {
  const InfluenceGraph g = test::hand_worked_graph();
  EXPECT_NE(test::invalid_argument_message([&] { (void)build_html_report(g, {.top = 0}); }).find("top"),
            std::string::npos);
  EXPECT_NE(test::invalid_argument_message([&] { (void)build_html_report(g, {.path_from = "a"}); }).find("path_to"),
            std::string::npos);
  EXPECT_NE(test::invalid_argument_message([&] {
              (void)build_html_report(g, {.max_sociogram_people = 0});
            }).find("max_sociogram_people"),
            std::string::npos);
  EXPECT_THROW((void)build_html_report(g, {.path_from = "a", .path_to = "nobody"}), orgnet::out_of_range);
}

}  // namespace
}  // namespace orgnet
