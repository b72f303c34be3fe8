#include <gtest/gtest.h>

#include "orgnet/io/csv.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

TEST(CsvLoader, ColumnMappingAndFreeAttributes) {
  test::TempDir dir;
  auto people = dir.write("people.csv",
                          "employee,full name,unit,grade,boss,site\n"
                          "e1,\"Doe, Jane\",Sales,0,,Paris\n"
                          "e2,Ömer,Sales,,e1,Lyon\n");
  auto ties = dir.write("ties.csv", "from,to,kind,w\ne2,e1,advice,2\ne1,e2,email,1.5\n");
  CsvOptions options;
  options.people = {
      .id = "employee", .name = "full name", .department = "unit", .title = "", .level = "grade", .manager = "boss"};
  options.ties = {.source = "from", .target = "to", .relation = "kind", .weight = "w"};
  InfluenceGraph g = load_csv(people, ties, options);
  ASSERT_EQ(g.num_vertices(), 2u);
  EXPECT_EQ(g.name(0), "Doe, Jane");
  EXPECT_EQ(g.name(1), "Ömer");
  EXPECT_EQ(g.department_name(g.department(1)), "Sales");
  EXPECT_EQ(g.manager(1), 0u);
  EXPECT_EQ(g.level(0), 0);
  EXPECT_TRUE(g.level_given(0));
  EXPECT_EQ(g.level(1), 1);
  EXPECT_FALSE(g.level_given(1));
  ASSERT_EQ(g.attribute_names().size(), 1u);
  EXPECT_EQ(g.attribute(1, "site"), "Lyon");
  ASSERT_EQ(g.num_ties(), 2u);
  EXPECT_EQ(g.ties()[0].weight, 2.0);
  EXPECT_EQ(g.relation_name(g.ties()[1].relation), "email");
  // advice e2 -> e1 means e1 influences e2; email e1 -> e2 too: one merged edge.
  EXPECT_EQ(g.num_edges(), 1u);
  EXPECT_EQ(g.load_report().merged_arcs, 1u);
}

TEST(CsvLoader, TiesWithoutRelationOrWeightColumns) {
  test::TempDir dir;
  auto ties = dir.write("ties.csv", "source,target\nx,y\ny,z\n");
  CsvOptions options;
  options.ties.default_relation = "advice";
  InfluenceGraph g = load_ties_csv(ties, options);
  EXPECT_EQ(g.num_vertices(), 3u);
  EXPECT_EQ(g.load_report().people_from_ties, 3u);
  EXPECT_EQ(g.relation_name(0), "advice");
  EXPECT_TRUE(g.find_edge(g.index_of("y"), g.index_of("x")));  // advice is reversed
}

TEST(CsvLoader, HeaderOnlyFilesGiveAnEmptyGraph) {
  test::TempDir dir;
  InfluenceGraph g = load_csv(dir.write("p.csv", "id,name\n"), dir.write("t.csv", "source,target\n"));
  EXPECT_EQ(g.num_vertices(), 0u);
  EXPECT_EQ(g.num_edges(), 0u);
}

TEST(CsvLoader, MissingMappedColumnIsAnError) {
  test::TempDir dir;
  auto people = dir.write("p.csv", "id,name\n1,a\n");
  auto ties = dir.write("t.csv", "source,target\n");
  CsvOptions options;
  options.people.department = "dept";
  EXPECT_EQ(test::invalid_argument_message([&] { (void)load_csv(people, ties, options); }),
            people.string() + ":1: no column 'dept' in the header (columns: id, name)");
}

TEST(CsvLoader, MissingFileIsAnError) {
  EXPECT_EQ(test::invalid_argument_message([] { (void)load_ties_csv("/nonexistent/t.csv"); }),
            "/nonexistent/t.csv: cannot open: No such file or directory");
}

}  // namespace
}  // namespace orgnet
