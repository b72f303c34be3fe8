// Every case of the malformed-input corpus (tests/data/malformed/csv) must fail
// with exactly the one-line message in its expected.txt.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "orgnet/io/csv.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> corpus_cases() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(fs::path(ORGNET_TEST_DATA_DIR) / "malformed" / "csv")) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string expected_message(const fs::path& dir) {
  std::ifstream in(dir / "expected.txt");
  std::string line;
  std::getline(in, line);
  for (auto at = line.find("{dir}"); at != std::string::npos; at = line.find("{dir}")) {
    line.replace(at, 5, dir.string());
  }
  return line;
}

class MalformedCsv : public ::testing::TestWithParam<std::string> {};

TEST_P(MalformedCsv, FailsWithItsExpectedMessage) {
  const fs::path dir = fs::path(ORGNET_TEST_DATA_DIR) / "malformed" / "csv" / GetParam();
  const std::string expected = expected_message(dir);
  ASSERT_FALSE(expected.empty()) << "missing expected.txt in " << dir;
  const std::string message =
      test::invalid_argument_message([&] { (void)load_csv(dir / "people.csv", dir / "ties.csv"); });
  EXPECT_EQ(message, expected);
  EXPECT_EQ(message.find('\n'), std::string::npos) << "an error is one line";
}

INSTANTIATE_TEST_SUITE_P(Corpus, MalformedCsv, ::testing::ValuesIn(corpus_cases()),
                         [](const auto& param_info) { return param_info.param; });

TEST(MalformedCsv, CorpusHasAtLeastTenKinds) { EXPECT_GE(corpus_cases().size(), 10u); }

}  // namespace
}  // namespace orgnet
