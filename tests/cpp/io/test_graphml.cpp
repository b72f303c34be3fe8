#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "orgnet/error.hpp"
#include "orgnet/io/datasets.hpp"
#include "orgnet/io/graphml.hpp"
#include "orgnet/model/graph_builder.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

std::string error_of_xml(std::string_view xml) {
  return test::invalid_argument_message([&] { (void)read_graphml_string(xml); });
}

std::string to_graphml(const InfluenceGraph& g) {
  std::ostringstream out;
  write_graphml(g, out);
  return out.str();
}

std::uint64_t bits(double d) { return std::bit_cast<std::uint64_t>(d); }

std::string department_of(const InfluenceGraph& g, vertex_id v) {
  return g.department(v) == no_department ? "<none>" : g.department_name(g.department(v));
}

// Same people, same ties in the same order (weights bit for bit), same influence graph.
void expect_same_graph(const InfluenceGraph& a, const InfluenceGraph& b) {
  ASSERT_EQ(a.num_vertices(), b.num_vertices());
  ASSERT_EQ(std::vector<std::string>(a.attribute_names().begin(), a.attribute_names().end()),
            std::vector<std::string>(b.attribute_names().begin(), b.attribute_names().end()));
  for (vertex_id v = 0; v < a.num_vertices(); ++v) {
    SCOPED_TRACE("person " + a.id(v));
    EXPECT_EQ(a.id(v), b.id(v));
    EXPECT_EQ(a.name(v), b.name(v));
    EXPECT_EQ(department_of(a, v), department_of(b, v));
    EXPECT_EQ(a.title(v), b.title(v));
    EXPECT_EQ(a.level(v), b.level(v));
    EXPECT_EQ(a.level_given(v), b.level_given(v));
    EXPECT_EQ(a.manager(v), b.manager(v));
    for (const std::string& attribute : a.attribute_names()) {
      EXPECT_EQ(a.attribute(v, attribute), b.attribute(v, attribute)) << attribute;
    }
  }
  ASSERT_EQ(a.num_ties(), b.num_ties());
  for (std::size_t t = 0; t < a.num_ties(); ++t) {
    const TieRecord& x = a.ties()[t];
    const TieRecord& y = b.ties()[t];
    EXPECT_EQ(x.source, y.source) << "tie " << t;
    EXPECT_EQ(x.target, y.target) << "tie " << t;
    EXPECT_EQ(a.relation_name(x.relation), b.relation_name(y.relation)) << "tie " << t;
    EXPECT_EQ(bits(x.weight), bits(y.weight)) << "tie " << t;
  }
  ASSERT_EQ(a.num_edges(), b.num_edges());
  for (edge_id e = 0; e < a.num_edges(); ++e) {
    EXPECT_EQ(a.edge_source(e), b.edge_source(e));
    EXPECT_EQ(a.edge_target(e), b.edge_target(e));
    EXPECT_EQ(bits(a.strength(e)), bits(b.strength(e)));
  }
}

double strength(const InfluenceGraph& g, std::string_view from, std::string_view to) {
  const auto e = g.find_edge(g.index_of(from), g.index_of(to));
  return e ? g.strength(*e) : 0.0;
}

// ---- reading ---------------------------------------------------------------

// ana <-advice(2)- bo -advice(1)-> cy, and ana -- cy undirected (relation "tie").
// Influence: ana -> bo 2/3 and cy -> bo 1/3 (advice is reversed, weighted
// cascade into bo); ana -> cy and cy -> ana 1 (fallback relation, one tie each).
constexpr std::string_view hand_written = R"(<?xml version="1.0" encoding="UTF-8"?>
<!-- a small advice network; the edge comes before its nodes -->
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key id="d0" for="node" attr.name="name" attr.type="string"/>
  <key id="d1" for="node" attr.name="department" attr.type="string">
    <default>Sales</default>
  </key>
  <key id="d2" for="node" attr.name="level" attr.type="int"/>
  <key id="d3" for="node" attr.name="manager" attr.type="string"/>
  <key id="d4" for="node" attr.name="office" attr.type="string"><default>HQ</default></key>
  <key id="d5" for="edge" attr.name="relation" attr.type="string"/>
  <key id="d6" for="edge" attr.name="weight" attr.type="double"/>
  <key id="d7" for="node" yfiles.type="nodegraphics"/>
  <key id="d8" for="graph" attr.name="title" attr.type="string"/>
  <graph id="G" edgedefault="directed">
    <desc>test graph</desc>
    <data key="d8">not a person's title</data>
    <edge id="e0" source="bo" target="ana"><data key="d5">advice</data><data key="d6"> 2 </data></edge>
    <node id="ana">
      <data key="d0">Ana &amp; Co</data>
      <data key="d2">0</data>
      <data key="d7"><y:ShapeNode><y:Fill color="#FF0000"/></y:ShapeNode></data>
    </node>
    <node id='bo'><data key="d0"><![CDATA[Bo <b>]]></data><data key="d1">R&#38;D</data><data key="d3">ana</data><data key="d4">Remote</data></node>
    <node id="cy"/>
    <?some-tool ignore me?>
    <edge source="bo" target="cy"><data key="d5">advice</data></edge>
    <edge source="ana" target="cy" directed="false"/>
  </graph>
  <graph id="second" edgedefault="directed"><node id="ignored"/></graph>
</graphml>
)";

TEST(Graphml, ReadsPeopleFieldsAndAttributes) {
  const InfluenceGraph g = read_graphml_string(hand_written);
  ASSERT_EQ(g.num_vertices(), 3u);
  // Node order, although an edge named bo and ana first.
  EXPECT_EQ(g.id(0), "ana");
  EXPECT_EQ(g.id(1), "bo");
  EXPECT_EQ(g.id(2), "cy");
  EXPECT_EQ(g.name(0), "Ana & Co");
  EXPECT_EQ(g.name(1), "Bo <b>");
  EXPECT_EQ(g.name(2), "");
  EXPECT_EQ(department_of(g, 0), "Sales");  // the key's default
  EXPECT_EQ(department_of(g, 1), "R&D");
  EXPECT_EQ(department_of(g, 2), "Sales");
  EXPECT_EQ(g.title(0), "");  // d8 is a graph key, not a node title
  EXPECT_EQ(g.level(0), 0);
  EXPECT_TRUE(g.level_given(0));
  EXPECT_EQ(g.manager(1), 0u);
  EXPECT_EQ(g.level(1), 1);  // derived from the manager
  EXPECT_FALSE(g.level_given(1));
  EXPECT_EQ(g.manager(2), no_vertex);
  ASSERT_EQ(g.attribute_names().size(), 1u);  // d7 has no attr.name
  EXPECT_EQ(g.attribute_names()[0], "office");
  EXPECT_EQ(g.attribute(0, "office"), "HQ");
  EXPECT_EQ(g.attribute(1, "office"), "Remote");
  EXPECT_EQ(g.attribute(2, "office"), "HQ");
}

TEST(Graphml, ReadsTiesAndStrengths) {
  const InfluenceGraph g = read_graphml_string(hand_written);
  ASSERT_EQ(g.num_ties(), 4u);
  const auto tie = [&](std::size_t t) {
    const TieRecord& r = g.ties()[t];
    return g.id(r.source) + "->" + g.id(r.target) + " " + g.relation_name(r.relation) + " " + std::to_string(r.weight);
  };
  EXPECT_EQ(tie(0), "bo->ana advice 2.000000");
  EXPECT_EQ(tie(1), "bo->cy advice 1.000000");  // no weight: 1
  EXPECT_EQ(tie(2), "ana->cy tie 1.000000");    // no relation: default_relation
  EXPECT_EQ(tie(3), "cy->ana tie 1.000000");    // the other half of the undirected edge
  EXPECT_EQ(g.load_report().undirected_ties_split, 1u);

  ASSERT_EQ(g.num_edges(), 4u);
  EXPECT_DOUBLE_EQ(strength(g, "ana", "bo"), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(strength(g, "cy", "bo"), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(strength(g, "ana", "cy"), 1.0);
  EXPECT_DOUBLE_EQ(strength(g, "cy", "ana"), 1.0);
}

TEST(Graphml, UndirectedGraphSplitsEveryEdgeUnlessMarkedDirected) {
  const InfluenceGraph g = read_graphml_string(R"(<graphml><graph edgedefault="undirected">
    <node id="a"/><node id="b"/><node id="c"/>
    <edge source="a" target="b"/>
    <edge source="b" target="c" directed="true"/>
  </graph></graphml>)");
  ASSERT_EQ(g.num_ties(), 3u);
  EXPECT_EQ(g.ties()[0].source, 0u);
  EXPECT_EQ(g.ties()[1].source, 1u);
  EXPECT_EQ(g.ties()[1].target, 0u);
  EXPECT_EQ(g.ties()[2].source, 1u);
  EXPECT_EQ(g.ties()[2].target, 2u);
  EXPECT_EQ(g.load_report().undirected_ties_split, 1u);
}

TEST(Graphml, OptionsRenameFieldsAndDefaultRelation) {
  constexpr std::string_view xml = R"(<graphml>
    <key id="k1" for="node" attr.name="dept"/>
    <key id="k2" for="node" attr.name="title"/>
    <key id="k3" for="edge" attr.name="kind"/>
    <key id="k4" for="all" attr.name="strength"/>
    <graph>
      <node id="a"><data key="k1">Ops</data><data key="k2">Boss</data></node>
      <node id="b"/>
      <edge source="b" target="a"><data key="k4">0.5</data></edge>
      <edge source="a" target="b"><data key="k3">email</data></edge>
    </graph></graphml>)";
  GraphmlReadOptions options;
  options.department_key = "dept";
  options.title_key = "";  // off: the title key becomes a free attribute
  options.relation_key = "kind";
  options.weight_key = "strength";
  options.default_relation = "advice";
  const InfluenceGraph g = read_graphml_string(xml, options);
  EXPECT_EQ(department_of(g, 0), "Ops");
  EXPECT_EQ(g.title(0), "");
  ASSERT_EQ(g.attribute_names().size(), 1u);  // k4 is for="all" but names the weight
  EXPECT_EQ(g.attribute(0, "title"), "Boss");
  EXPECT_EQ(g.relation_name(g.ties()[0].relation), "advice");
  EXPECT_EQ(g.ties()[0].weight, 0.5);
  EXPECT_EQ(g.relation_name(g.ties()[1].relation), "email");
}

TEST(Graphml, EmptyGraphAndLineEndsAndBom) {
  const InfluenceGraph empty = read_graphml_string("\xEF\xBB\xBF<graphml><graph/></graphml>");
  EXPECT_EQ(empty.num_vertices(), 0u);
  EXPECT_EQ(empty.num_ties(), 0u);

  // CR LF and lone CR both end a line: the error is on line 4.
  EXPECT_EQ(error_of_xml("<graphml>\r\n<graph>\r<node id=\"a\"/>\r\n<edge source=\"a\"/></graph></graphml>"),
            "<string>:4:1: edge has no 'target' attribute");
  // Text keeps its line ends as '\n'; attribute values turn literal ones into spaces.
  const InfluenceGraph g = read_graphml_string(
      "<graphml><key id='n' for='node' attr.name='name'/><graph>"
      "<node id=\"a&#10;b\r\nc\"><data key='n'>x\r\ny\rz&#13;</data></node></graph></graphml>");
  EXPECT_EQ(g.id(0), "a\nb c");
  EXPECT_EQ(g.name(0), "x\ny\nz\r");
}

// ---- round trip ------------------------------------------------------------

InfluenceGraph hand_made_graph() {
  GraphBuilder b(BuildOptions{.unknown_people = UnknownPersonPolicy::create});
  b.add_person({.id = "ceo",
                .name = "Ana <Boss> & \"Co\" 'x'",
                .department = "Board",
                .title = "CEO",
                .level = 0,
                .attributes = {{"office", "Z\xC3\xBCrich"}, {"note", "line1\nline2\r\n\ttabbed  "}}});
  b.add_person({.id = "vp 1",
                .name = " Bo ",
                .department = "R&D",
                .title = "VP ]]> <![CDATA[",
                .manager = "ceo",
                .attributes = {{"office", "\xE6\x9D\xB1\xE4\xBA\xAC"}}});
  b.add_person({.id = "x'y\t\"z\"\n", .department = "R&D", .level = 4, .attributes = {{"note", "&amp;"}}});
  b.add_person({.id = "solo"});
  b.add_tie("vp 1", "ceo", "advice", 0.1);
  b.add_tie("x'y\t\"z\"\n", "vp 1", "reports_to", 1.0);
  b.add_tie("x'y\t\"z\"\n", "ceo", "trust", 1.0 / 3.0);
  b.add_tie("ceo", "x'y\t\"z\"\n", "email", 5e-324);
  b.add_tie("vp 1", "vp 1", "advice", 2.5);    // self-tie
  b.add_tie("ghost", "ceo", "cowork", 1e300);  // ghost is created from the tie
  b.add_tie("vp 1", "ceo", "advice", 0.7);     // merged with the first by noisy-or
  b.add_tie("ceo", "solo", "r\xC3\xA9union <&>", 3.0);
  return std::move(b).build();
}

TEST(Graphml, RoundTripIsExactOnHandMadeGraph) {
  const InfluenceGraph g = hand_made_graph();
  ASSERT_EQ(g.num_vertices(), 5u);
  ASSERT_EQ(g.manager(2), 1u);  // from the reports_to tie
  const std::string text = to_graphml(g);
  const InfluenceGraph back = read_graphml_string(text);
  expect_same_graph(g, back);
  EXPECT_EQ(to_graphml(back), text);
  // Only the given levels are written.
  EXPECT_NE(text.find("<data key=\"level\">0</data>"), std::string::npos);
  EXPECT_NE(text.find("<data key=\"level\">4</data>"), std::string::npos);
  EXPECT_EQ(text.find("<data key=\"level\">1</data>"), std::string::npos);
}

TEST(Graphml, WritesExpectedDocument) {
  GraphBuilder b;
  b.add_person({.id = "a", .name = "A & B", .level = 0});
  b.add_person({.id = "b", .manager = "a"});
  b.add_tie("b", "a", "advice", 0.1);
  const std::string text = to_graphml(std::move(b).build());
  EXPECT_EQ(text,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
            "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
            "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
            "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
            "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
            "  <key id=\"level\" for=\"node\" attr.name=\"level\" attr.type=\"int\"/>\n"
            "  <key id=\"manager\" for=\"node\" attr.name=\"manager\" attr.type=\"string\"/>\n"
            "  <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
            "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
            "  <graph id=\"G\" edgedefault=\"directed\">\n"
            "    <node id=\"a\">\n"
            "      <data key=\"name\">A &amp; B</data>\n"
            "      <data key=\"level\">0</data>\n"
            "    </node>\n"
            "    <node id=\"b\">\n"
            "      <data key=\"manager\">a</data>\n"
            "    </node>\n"
            "    <edge source=\"b\" target=\"a\">\n"
            "      <data key=\"relation\">advice</data>\n"
            "      <data key=\"weight\">0.1</data>\n"
            "    </edge>\n"
            "  </graph>\n"
            "</graphml>\n");
}

TEST(Graphml, RoundTripOfEmptyGraphAndThroughAFile) {
  const InfluenceGraph empty;
  expect_same_graph(empty, read_graphml_string(to_graphml(empty)));

  const InfluenceGraph g = hand_made_graph();
  const test::TempDir dir;
  const auto path = dir.path() / "roundtrip.graphml";
  write_graphml(g, path);
  expect_same_graph(g, read_graphml(path));
}

TEST(Graphml, FreeAttributeNamedLikeAFieldStaysAnAttribute) {
  GraphBuilder clash;
  clash.add_person({.id = "a", .title = "CEO", .attributes = {{"title", "x"}, {"level", "1"}}});
  clash.add_person({.id = "b", .level = 1, .manager = "a", .attributes = {{"title", "y"}, {"level", "2"}}});
  const InfluenceGraph g = std::move(clash).build();
  const std::string xml = to_graphml(g);
  EXPECT_NE(xml.find("attr.name=\"level\" attr.type=\"string\" orgnet.attribute=\"true\""), std::string::npos) << xml;
  const InfluenceGraph back = read_graphml_string(xml);
  expect_same_graph(g, back);
  EXPECT_EQ(back.title(0), "CEO");
  EXPECT_EQ(back.attribute(0, "title"), "x");
  EXPECT_EQ(back.attribute(1, "level"), "2");
  EXPECT_EQ(back.level(1), 1);
}

TEST(Graphml, BundledKrackhardtRoundTrip) {
  const InfluenceGraph g = load_dataset("krackhardt");  // keeps the file's "level" column as an attribute
  expect_same_graph(g, read_graphml_string(to_graphml(g)));
}

TEST(Graphml, RoundTripOfSharedHandWorkedGraph) {
  const InfluenceGraph g = test::hand_worked_graph();
  expect_same_graph(g, read_graphml_string(to_graphml(g)));
}

std::string write_error(GraphBuilder builder, std::ostream& out) {
  const InfluenceGraph g = std::move(builder).build();
  return test::invalid_argument_message([&] { write_graphml(g, out); });
}

TEST(Graphml, WriteRejectsWhatGraphmlCannotCarry) {
  std::ostringstream out;
  GraphBuilder control;
  control.add_person({.id = "a", .name = "bell\x07"});
  EXPECT_EQ(write_error(std::move(control), out),
            "cannot write GraphML: the name of person 'a' holds a byte XML 1.0 cannot carry (offset 4: not "
            "UTF-8, or a control character)");

  GraphBuilder latin1;
  latin1.add_person({.id = "Jos\xE9"});
  EXPECT_NE(write_error(std::move(latin1), out).find("person 'Jos"), std::string::npos);
  EXPECT_EQ(out.str(), "");  // nothing written on error
}

// Krackhardt's high-tech managers, loaded with a minimal CSV split (the data
// has no quoted fields).
std::vector<std::vector<std::string>> csv_rows(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::vector<std::string> fields;
    std::stringstream split(line);
    for (std::string field; std::getline(split, field, ',');) fields.push_back(field);
    rows.push_back(std::move(fields));
  }
  return rows;
}

InfluenceGraph krackhardt() {
  const std::filesystem::path dir = std::filesystem::path(ORGNET_BUNDLED_DATA_DIR) / "krackhardt_high_tech";
  GraphBuilder b;
  for (const auto& r : csv_rows(dir / "nodes.csv")) {  // id,age,tenure,level,level_label,dept
    b.add_person({.id = r.at(0),
                  .department = r.at(5) == "0" ? "" : "dept " + r.at(5),
                  .title = r.at(4),
                  .level = std::stoi(r.at(3)) - 1,  // the data's CEO is level 1; orgnet's top is 0
                  .attributes = {{"age", r.at(1)}, {"tenure", r.at(2)}}});
  }
  for (const auto& r : csv_rows(dir / "edges.csv")) {  // source,target,relation,weight
    b.add_tie(r.at(0), r.at(1), r.at(2), std::stod(r.at(3)));
  }
  return std::move(b).build();
}

TEST(Graphml, RoundTripIsExactOnKrackhardt) {
  const InfluenceGraph g = krackhardt();
  ASSERT_EQ(g.num_vertices(), 21u);
  ASSERT_EQ(g.num_ties(), 312u);
  EXPECT_EQ(g.id(g.manager(g.index_of("2"))), "7");
  const std::string text = to_graphml(g);
  const InfluenceGraph back = read_graphml_string(text);
  expect_same_graph(g, back);
  EXPECT_EQ(back.attribute(back.index_of("1"), "tenure"), "9.333");
  EXPECT_EQ(back.title(back.index_of("7")), "CEO");
  EXPECT_EQ(back.num_departments(), 4u);
  EXPECT_EQ(to_graphml(back), text);
}

// ---- errors ----------------------------------------------------------------

// Each file of tests/data/malformed/graphml with the exact message it gives;
// {file} stands for the file's path. Positions were checked by hand.
struct MalformedCase {
  const char* file;
  const char* message;
};

class GraphmlMalformed : public ::testing::TestWithParam<MalformedCase> {};

TEST_P(GraphmlMalformed, FailsWithFileLineColumnAndWhatWasExpected) {
  const MalformedCase& c = GetParam();
  const std::string path = std::string(ORGNET_TEST_DATA_DIR) + "/malformed/graphml/" + c.file;
  EXPECT_THROW((void)read_graphml(path), invalid_argument);
  EXPECT_EQ(test::invalid_argument_message([&] { (void)read_graphml(path); }), path + c.message);
}

INSTANTIATE_TEST_SUITE_P(
    Files, GraphmlMalformed,
    ::testing::Values(
        MalformedCase{"unclosed_tag.graphml",
                      ":5:5: tag <node> (opened at 4:5) is not closed: expected an attribute name, '>' or "
                      "'/>', found '<'"},
        MalformedCase{"mismatched_end_tag.graphml", ":4:18: end tag </edge> does not match <node> (opened at 4:5)"},
        MalformedCase{"missing_target.graphml", ":6:5: edge has no 'target' attribute"},
        MalformedCase{"bad_weight.graphml", ":8:7: weight of edge 'a' -> 'b' must be a finite number, got 'heavy'"},
        MalformedCase{"bad_entity.graphml",
                      ":5:35: unknown entity '&eacute;' (XML predefines only &lt; &gt; &amp; &apos; &quot;)"},
        MalformedCase{"not_utf8.graphml",  // columns count characters: the ë before it is one
                      ":5:43: text is not valid UTF-8 (byte 0xE9); re-export the file as UTF-8"},
        MalformedCase{"unknown_node.graphml",
                      ":6:22: field 'target': unknown person id 'zed' (not in the people data; ask to create "
                      "missing people to accept it)"},
        MalformedCase{"truncated.graphml", ":6:1: unexpected end of file: <graph> (opened at 3:3) is not closed"},
        MalformedCase{"nested_graph.graphml",
                      ":4:18: nested graphs are not supported (a <graph> inside a <node> or <edge>)"},
        MalformedCase{"bad_level.graphml", ":6:7: level of node 'a' must be an integer >= 0 (0 = top), got '-1'"},
        MalformedCase{"undeclared_key.graphml", ":5:13: no <key> with id 'd9' is declared before this <data>"}),
    [](const auto& test) {
      std::string name = test.param.file;
      return name.substr(0, name.find('.'));
    });

TEST(Graphml, MissingFileIsAnError) {
  const std::string message = test::invalid_argument_message([] { (void)read_graphml("/nonexistent/dir/x.graphml"); });
  EXPECT_EQ(message.rfind("/nonexistent/dir/x.graphml: cannot open", 0), 0u) << message;
}

TEST(Graphml, MalformedXmlInStrings) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "<string>:1:1: no root element"},
      {"   <!-- only a comment -->\n", "<string>:2:1: no root element"},
      {"<graph/>", "<string>:1:1: expected the root element <graphml>, found <graph>"},
      {"<graphml><graph/></graphml><graphml/>", "<string>:1:28: a second root element <graphml>"},
      {"<graphml/>trailing", "<string>:1:11: text after the end of the root element"},
      {"<graphml><graph a='1' a='2'/></graphml>", "<string>:1:23: attribute 'a' given twice in tag <graph>"},
      {"<graphml><graph a='1'b='2'/></graphml>", "<string>:1:22: expected a space before attribute 'b'"},
      {"<graphml><graph a=1/></graphml>", "<string>:1:19: expected a quoted value for attribute 'a'"},
      {"<graphml><graph a/></graphml>", "<string>:1:18: expected '=' after attribute name 'a'"},
      {"<graphml><graph a='<'/></graphml>", "<string>:1:20: '<' is not allowed in an attribute value"},
      {"<graphml><graph a='x & y'/></graphml>", "<string>:1:22: '&' must start an entity reference"},
      {"<graphml><graph a='&#0;'/></graphml>", "<string>:1:20: character reference '&#0;'"},
      {"<graphml><graph a='&#xD800;'/></graphml>", "<string>:1:20: character reference '&#xD800;'"},
      {"<graphml><graph a='&#99999999999;'/></graphml>", "<string>:1:20: character reference"},
      {"<graphml><graph a='&#x;'/></graphml>", "<string>:1:20: character reference '&#x;'"},
      {"<graphml><graph a='x", "<string>:1:19: the value of attribute 'a' is not closed"},
      {"<graphml><graph", "<string>:1:10: tag <graph> is not closed (end of file)"},
      {"<graphml><!-- never closed", "<string>:1:10: comment is not closed"},
      {"<graphml><![CDATA[ never closed", "<string>:1:10: CDATA section is not closed"},
      {"<graphml><?pi never closed", "<string>:1:10: processing instruction <?pi is not closed"},
      {" <?xml version='1.0'?><graphml/>", "<string>:1:2: the XML declaration"},
      {"<graphml></>", "<string>:1:12: expected an element name after '</'"},
      {"<graphml></graphml", "<string>:1:19: expected '>' to end the tag </graphml>"},
      {"<graphml>< graph/></graphml>", "<string>:1:11: expected an element name after '<'"},
      {"<graphml><!ELEMENT x></graphml>", "<string>:1:10: unknown markup '<!'"},
      {"<graphml>\x01</graphml>", "<string>:1:10: character U+0001 is not allowed in XML"},
      {"<graphml>\xEF\xBF\xBE</graphml>", "<string>:1:10: character U+FFFE is not allowed in XML"},
      {"\xFF\xFE<\0g\0", "<string>:1:1: the file is UTF-16"},
      {"<graphml>\xC3\xA9\xC3(</graphml>", "<string>:1:11: text is not valid UTF-8 (byte 0xC3)"},
  };
  for (const auto& [xml, expected] : cases) {
    const std::string message = error_of_xml(xml);
    EXPECT_EQ(message.substr(0, expected.size()), expected) << "input: " << xml << "\nmessage: " << message;
  }
}

TEST(Graphml, GraphmlStructureErrors) {
  const std::string keys = "<key id='n' for='node' attr.name='name'/><key id='w' for='edge' attr.name='weight'/>";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"<graphml/>", "<string>: no <graph> element"},
      {"<graphml><graph><node/></graph></graphml>", "<string>:1:17: node has no 'id' attribute"},
      {"<graphml><graph><edge target='a'/></graph></graphml>", "<string>:1:17: edge has no 'source' attribute"},
      {"<graphml><graph><hyperedge/></graph></graphml>", "<string>:1:17: hyperedges are not supported"},
      {"<graphml><graph><node id='a'><port name='p'/></node></graph></graphml>",
       "<string>:1:30: ports are not supported"},
      {"<graphml><graph><node id='a'/><edge source='a' target='a' sourceport='p'/></graph></graphml>",
       "<string>:1:31: ports are not supported"},
      {"<graphml><graph edgedefault='sideways'/></graphml>", "<string>:1:17: edgedefault must be 'directed' or"},
      {"<graphml><graph><node id='a'/><edge source='a' target='a' directed='yes'/></graph></graphml>",
       "<string>:1:59: directed must be 'true' or 'false'"},
      {"<graphml><key for='node'/></graphml>", "<string>:1:10: <key> has no 'id' attribute"},
      {"<graphml><key id='k'/><key id='k'/></graphml>", "<string>:1:28: key id 'k' is declared twice"},
      {"<graphml><key id='a' attr.name='x'/><key id='b' for='node' attr.name='x'/></graphml>",
       "<string>:1:60: keys 'a' and 'b' have the same attr.name for nodes"},
      {"<graphml>" + keys + "<graph><node id='a'><data>x</data></node></graph></graphml>",
       "<string>:1:114: <data> has no 'key' attribute"},
      {"<graphml>" + keys + "<graph><node id='a'><data key='w'>1</data></node></graph></graphml>",
       "<string>:1:120: key 'w' is declared for='edge', not for nodes"},
      {"<graphml>" + keys + "<graph><node id='a'><data key='n'>x</data><data key='n'>y</data></node></graph></graphml>",
       "<string>:1:136: a second <data> for key 'n' in this node"},
      {"<graphml>" + keys + "<graph><node id='a'/><node id='a'/></graphml>",
       "<string>:1:121: field 'id': duplicate person id 'a'"},
      {"<graphml>" + keys +
           "<graph><node id='a'/><edge source='a' target='a'><data "
           "key='w'>-2</data></edge></graph></graphml>",
       "<string>:1:143: field 'weight': expected a finite number > 0, got -2"},
      {"<graphml>" + keys +
           "<graph><node id='a'/><edge source='a' target='a'><data "
           "key='w'>1e999</data></edge></graph></graphml>",
       "<string>:1:143: weight of edge 'a' -> 'a' must be a finite number, got '1e999'"},
  };
  for (const auto& [xml, expected] : cases) {
    const std::string message = error_of_xml(xml);
    EXPECT_EQ(message.substr(0, expected.size()), expected) << "input: " << xml << "\nmessage: " << message;
  }
}

// The reader must reject, never crash on, any prefix or corruption of a valid
// document (a cheap stand-in for fuzzing; run it under the sanitize preset).
TEST(Graphml, EveryTruncationAndByteFlipIsHandled) {
  constexpr char replacements[] = "<>&;'\"/!?[]-\x80\xFF\x00 a=#x\n";
  const std::string bytes(replacements, sizeof replacements - 1);
  for (const std::string& doc : {to_graphml(hand_made_graph()), std::string(hand_written)}) {
    for (std::size_t cut = 0; cut + 1 < doc.size(); ++cut) {  // all but the final newline is needed
      EXPECT_THROW((void)read_graphml_string(std::string_view(doc).substr(0, cut)), invalid_argument) << cut;
    }
    for (std::size_t i = 0; i < doc.size(); ++i) {
      std::string corrupt = doc;
      corrupt[i] = bytes[i % bytes.size()];
      try {
        (void)read_graphml_string(corrupt);
      } catch (const invalid_argument&) {
        // the expected outcome for most corruptions
      }
    }
  }
}

}  // namespace
}  // namespace orgnet
