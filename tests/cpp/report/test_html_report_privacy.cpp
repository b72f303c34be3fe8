#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "orgnet/centrality/pagerank.hpp"
#include "orgnet/model/graph_builder.hpp"
#include "orgnet/report/html_report.hpp"
#include "orgnet/report/privacy.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

// Ten people with identifying ids, names, titles and attributes:
// department Sales 5 people, Legal 3, Board 2 (and one without department).
InfluenceGraph personal_graph() {
  GraphBuilder b;
  const std::vector<std::pair<std::string, std::string>> people = {
      {"alice.smith", "Sales"}, {"bob.jones", "Sales"},   {"carol.white", "Sales"}, {"dave.brown", "Sales"},
      {"erin.green", "Sales"},  {"frank.black", "Legal"}, {"grace.hall", "Legal"},  {"heidi.king", "Legal"},
      {"ivan.lord", "Board"},   {"judy.moss", "Board"},   {"ken.nobody", ""}};
  for (std::size_t i = 0; i < people.size(); ++i) {
    Person p{.id = people[i].first, .department = people[i].second};
    p.name = "Name of " + people[i].first;
    p.title = "Title-" + std::to_string(i) + "-Secret";
    p.attributes = {{"salary", "SALARY" + std::to_string(1000 + i)}};
    if (i > 0 && i < 9) p.manager = "ivan.lord";
    if (i == 8) p.manager = "";
    b.add_person(std::move(p));
  }
  for (std::size_t i = 0; i < people.size(); ++i) {
    for (std::size_t j = 0; j < people.size(); ++j) {
      if (i != j && (i * 7 + j * 3) % 5 == 0) b.add_tie(people[i].first, people[j].first, "advice", 1);
    }
  }
  b.add_tie("judy.moss", "ken.nobody", "friendship", 1);
  return std::move(b).build();
}

TEST(ReportPrivacy, PseudonymsInVertexOrderWithoutSalt) {
  const InfluenceGraph g = personal_graph();
  const std::vector<std::string> p = pseudonyms(g);
  ASSERT_EQ(p.size(), 11u);
  EXPECT_EQ(p[0], "P0001");
  EXPECT_EQ(p[10], "P0011");
  EXPECT_EQ(pseudonyms(g, {.prefix = "X"})[3], "X0004");
  EXPECT_NE(test::invalid_argument_message([&] { (void)pseudonyms(g, {.prefix = ""}); }).find("prefix"),
            std::string::npos);
}

TEST(ReportPrivacy, SaltedPseudonymsAreAStablePermutation) {
  const InfluenceGraph g = personal_graph();
  const std::vector<std::string> plain = pseudonyms(g);
  const std::vector<std::string> a = pseudonyms(g, {.salt = "s3cret"});
  const std::vector<std::string> b = pseudonyms(g, {.salt = "s3cret"});
  const std::vector<std::string> c = pseudonyms(g, {.salt = "other"});
  EXPECT_EQ(a, b);
  EXPECT_EQ(std::set<std::string>(a.begin(), a.end()), std::set<std::string>(plain.begin(), plain.end()));
  EXPECT_NE(a, plain);  // 1 chance in 11! to be the vertex order
  EXPECT_NE(a, c);
}

TEST(ReportPrivacy, PseudonymizedGraphGivesTheSameResults) {
  const InfluenceGraph g = personal_graph();
  const InfluenceGraph q = pseudonymize(g);
  ASSERT_EQ(q.num_vertices(), g.num_vertices());
  ASSERT_EQ(q.num_edges(), g.num_edges());
  EXPECT_EQ(std::vector<double>(q.strengths().begin(), q.strengths().end()),
            std::vector<double>(g.strengths().begin(), g.strengths().end()));
  EXPECT_EQ(pagerank(q).score, pagerank(g).score);
  for (vertex_id v = 0; v < g.num_vertices(); ++v) {
    EXPECT_EQ(q.id(v), pseudonyms(g)[v]);
    EXPECT_TRUE(q.name(v).empty());
    EXPECT_TRUE(q.title(v).empty());
    EXPECT_EQ(q.level(v), g.level(v));
    EXPECT_EQ(q.manager(v), g.manager(v));
    EXPECT_EQ(q.department(v) == no_department, g.department(v) == no_department);
    if (g.department(v) != no_department) {
      EXPECT_EQ(q.department_name(q.department(v)), g.department_name(g.department(v)));
    }
  }
  EXPECT_TRUE(q.attribute_names().empty());
}

TEST(ReportPrivacy, PseudonymizedReportNamesNobody) {
  const InfluenceGraph g = personal_graph();
  for (const std::string& salt : {std::string(), std::string("pepper")}) {
    const HtmlReport r = build_html_report(
        g, {.path_from = "alice.smith", .path_to = "heidi.king", .pseudonymize = true, .pseudonym_salt = salt});
    for (vertex_id v = 0; v < g.num_vertices(); ++v) {
      EXPECT_EQ(r.html.find(g.id(v)), std::string::npos) << g.id(v);
      EXPECT_EQ(r.html.find(g.name(v)), std::string::npos) << g.name(v);
      EXPECT_EQ(r.html.find(g.title(v)), std::string::npos) << g.title(v);
      EXPECT_EQ(r.html.find(g.attribute(v, "salary")), std::string::npos);
    }
    EXPECT_EQ(r.html.find("<th>Name</th>"), std::string::npos);
    const std::vector<std::string> alias = pseudonyms(g, {.salt = salt});
    EXPECT_NE(r.html.find("data-id=\"" + alias[0] + "\""), std::string::npos);
  }
  // Without pseudonyms, ids and names are shown (the test above can fail).
  const HtmlReport plain = build_html_report(g);
  EXPECT_NE(plain.html.find("alice.smith"), std::string::npos);
  EXPECT_NE(plain.html.find("<th>Name</th>"), std::string::npos);
}

TEST(ReportPrivacy, MinGroupSizeSuppressesExactlyTheSmallDepartments) {
  const InfluenceGraph g = personal_graph();
  const HtmlReport r = build_html_report(g, {.min_group_size = 3});
  EXPECT_EQ(r.suppressed_departments, std::vector<std::string>{"Board"});
  const std::size_t begin = r.html.find("<table id=\"departments-table\"");
  const std::string table = r.html.substr(begin, r.html.find("</table>", begin) - begin);
  EXPECT_NE(table.find("<td>Board</td><td class=\"suppressed\">suppressed (&lt; 3)</td>"), std::string::npos);
  EXPECT_NE(table.find("<td>Legal</td><td class=\"num\" data-value=\"3\">"), std::string::npos);
  EXPECT_NE(table.find("<td>Sales</td><td class=\"num\" data-value=\"5\">"), std::string::npos);
  // Mixing matrix: Board's row and column, 3 groups -> 3 + 3 - 1 = 5 cells.
  const std::size_t mb = r.html.find("<table id=\"mixing\"");
  const std::string mixing = r.html.substr(mb, r.html.find("</table>", mb) - mb);
  std::size_t cells = 0;
  for (std::size_t at = mixing.find("suppressed (&lt; 3)"); at != std::string::npos;
       at = mixing.find("suppressed (&lt; 3)", at + 1)) {
    ++cells;
  }
  EXPECT_EQ(cells, 5u);
  EXPECT_NE(r.html.find("Board (size suppressed)"), std::string::npos);
  EXPECT_NE(r.html.find("Legal (3)"), std::string::npos);

  const HtmlReport more = build_html_report(g, {.min_group_size = 4});
  EXPECT_EQ(more.suppressed_departments, (std::vector<std::string>{"Legal", "Board"}));
  EXPECT_TRUE(build_html_report(g, {.min_group_size = 1}).suppressed_departments.empty());
  EXPECT_EQ(build_html_report(g).html.find("suppressed (&lt;"), std::string::npos);
}

TEST(ReportPrivacy, EveryTextIsEscaped) {
  GraphBuilder b({.unknown_people = UnknownPersonPolicy::create});
  const std::string evil = "<script>alert(1)</script>";
  const std::string quoted = "\"quoted\" & 'single'";
  const std::string utf8 = "Zo\xC3\xAB \xC3\x85str\xC3\xB6m \xE6\x97\xA5\xE6\x9C\xAC";
  b.add_person({.id = evil, .name = "<img src=x onerror=alert(2)>", .department = "<b>R&D</b>"});
  b.add_person({.id = quoted, .department = "<b>R&D</b>"});
  b.add_person({.id = utf8, .department = "Ops\xFF"});
  b.add_tie(evil, quoted, "<rel>&", 1);
  b.add_tie(quoted, utf8, "<rel>&", 1);
  b.add_tie(utf8, evil, "advice", 1);
  const InfluenceGraph g = std::move(b).build();
  const HtmlReport r =
      build_html_report(g, {.title = "</title><script>x</script>", .path_from = evil, .path_to = utf8});
  EXPECT_EQ(r.html.find("<script"), std::string::npos);
  EXPECT_EQ(r.html.find("<img"), std::string::npos);
  EXPECT_EQ(r.html.find("<b>"), std::string::npos);
  EXPECT_EQ(r.html.find("<rel>"), std::string::npos);
  EXPECT_EQ(r.html.find("\xFF"), std::string::npos);
  EXPECT_NE(r.html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(r.html.find("&quot;quoted&quot; &amp; &#39;single&#39;"), std::string::npos);
  EXPECT_NE(r.html.find(utf8), std::string::npos);
  EXPECT_NE(r.html.find("Ops\xEF\xBF\xBD"), std::string::npos);
  EXPECT_NE(r.html.find("<title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>"), std::string::npos);
}

}  // namespace
}  // namespace orgnet
