// The file loaders (load_csv, load_ties_csv, load_edge_list) stream their files
// in 1 MiB chunks; they must build exactly the graph that the in-memory readers
// build from the same text, and give the same errors, for files of several
// chunks with records cut by the chunk boundaries.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "orgnet/detail/random.hpp"
#include "orgnet/io/csv.hpp"
#include "orgnet/io/edge_list.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

namespace fs = std::filesystem;

class LoadersStream : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("orgnet_loaders_stream_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& text) {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  fs::path dir_;
};

// Everything observable about a graph, as text.
std::string describe(const InfluenceGraph& g) {
  std::string out;
  for (vertex_id v = 0; v < g.num_vertices(); ++v) {
    const department_id d = g.department(v);
    out += g.id(v) + '|' + g.name(v) + '|' + (d == no_department ? std::string("-") : g.department_name(d)) + '|' +
           (g.manager(v) == no_vertex ? std::string("-") : g.id(g.manager(v))) + '|' + std::to_string(g.level(v)) +
           '\n';
  }
  for (const TieRecord& t : g.ties()) {
    out += g.id(t.source) + ">" + g.id(t.target) + ":" + g.relation_name(t.relation) + ":" + std::to_string(t.weight) +
           '\n';
  }
  return out;
}

// About 3 MB of people and ties with multi-byte names, quoted fields holding
// line breaks and CRLF line ends, so chunk boundaries fall everywhere.
std::string people_text(std::size_t people) {
  std::string text = "\xEF\xBB\xBFid,name,department,level,manager\r\n";
  for (std::size_t i = 0; i < people; ++i) {
    text += "p" + std::to_string(i) + ",\"Zo\xC3\xAB " + std::to_string(i) + "\nthe " + std::to_string(i % 7) +
            "th\",D\xE2\x82\xAC" + std::to_string(i % 13) + "," + std::to_string(i == 0 ? 0 : 1) + "," +
            (i == 0 ? "" : "p0") + "\r\n";
  }
  return text;
}

std::string ties_text(std::size_t people, std::size_t ties) {
  detail::SplitMix64 rng(5);
  std::string text = "source,target,relation,weight\n# a comment\n";
  for (std::size_t i = 0; i < ties; ++i) {
    text += "p" + std::to_string(rng.below(people)) + ",p" + std::to_string(rng.below(people)) +
            (i % 3 == 0 ? ",\"advice\"," : ",email,") + std::to_string(1 + rng.below(9)) + "\n";
  }
  return text;
}

TEST_F(LoadersStream, CsvFilesGiveTheInMemoryGraph) {
  const std::string people = people_text(60000);
  const std::string ties = ties_text(60000, 120000);
  ASSERT_GT(people.size(), 2u << 20);
  ASSERT_GT(ties.size(), 2u << 20);
  const fs::path people_file = write("people.csv", people);
  const fs::path ties_file = write("ties.csv", ties);
  GraphBuilder builder;
  read_people_csv(builder, people, people_file.string());
  read_ties_csv(builder, ties, ties_file.string());
  const std::string expected = describe(std::move(builder).build());
  EXPECT_EQ(describe(load_csv(people_file, ties_file)), expected);

  CsvOptions options;
  options.build.unknown_people = UnknownPersonPolicy::create;
  GraphBuilder ties_only(options.build);
  read_ties_csv(ties_only, ties, ties_file.string(), options);
  EXPECT_EQ(describe(load_ties_csv(ties_file)), describe(std::move(ties_only).build()));
}

TEST_F(LoadersStream, CsvErrorsLateInABigFileAreTheInMemoryOnes) {
  std::string ties = ties_text(100, 150000);
  for (const std::string& bad : {std::string("p1,p2,email,\"7\" x\n"), std::string("p1,p2,email,heavy\n"),
                                 std::string("p1,p\xC3\xA9\xFF,email,1\n"), std::string("p1,p2,\"email\n")}) {
    const std::string text = ties + bad + "p3,p4,email,1\n";
    const fs::path file = write("bad_ties.csv", text);
    const std::string expected = test::invalid_argument_message([&] {
      CsvOptions options;
      options.build.unknown_people = UnknownPersonPolicy::create;
      GraphBuilder builder(options.build);
      read_ties_csv(builder, text, file.string(), options);
      (void)std::move(builder).build();
    });
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(test::invalid_argument_message([&] { (void)load_ties_csv(file); }), expected);
  }
}

TEST_F(LoadersStream, EdgeListFileGivesTheInMemoryGraphAndErrors) {
  detail::SplitMix64 rng(9);
  std::string text = "\xEF\xBB\xBF# edges\n";
  for (int i = 0; i < 200000; ++i) {
    text += "n\xC3\xA9" + std::to_string(rng.below(5000)) + "\t n" + std::to_string(rng.below(5000)) +
            (i % 2 ? " " + std::to_string(1 + rng.below(9)) : std::string()) + (i % 5 ? "\n" : "\r\n");
    if (i % 1000 == 0) text += "\n% blank line above\n";
  }
  ASSERT_GT(text.size(), 3u << 20);
  const fs::path file = write("edges.txt", text + "last one");  // no final line end
  EdgeListOptions options;
  options.build.unknown_people = UnknownPersonPolicy::create;
  GraphBuilder builder(options.build);
  read_edge_list(builder, text + "last one", file.string(), options);
  EXPECT_EQ(describe(load_edge_list(file)), describe(std::move(builder).build()));

  for (const std::string& bad :
       {std::string("a b c d\n"), std::string("lonely\n"), std::string("a b x\n"), std::string("a\xC3\xA9 \xC3\n")}) {
    const fs::path bad_file = write("bad_edges.txt", text + bad + "a b\n");
    const std::string expected = test::invalid_argument_message([&] {
      GraphBuilder b(options.build);
      read_edge_list(b, text + bad + "a b\n", bad_file.string(), options);
    });
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(test::invalid_argument_message([&] { (void)load_edge_list(bad_file); }), expected);
  }
}

}  // namespace
}  // namespace orgnet
