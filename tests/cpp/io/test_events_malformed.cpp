// Every case of the malformed events corpus (tests/data/malformed/events) must
// fail with exactly the one-line message in its expected.txt.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "orgnet/io/events.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

namespace fs = std::filesystem;

fs::path corpus_dir() { return fs::path(ORGNET_TEST_DATA_DIR) / "malformed" / "events"; }

std::vector<std::string> corpus_cases() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(corpus_dir())) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string expected_message(const fs::path& dir, const std::string& file_name) {
  std::ifstream in(dir / "expected.txt");
  std::string line;
  std::getline(in, line);
  for (auto at = line.find("{dir}/events.csv"); at != std::string::npos; at = line.find("{dir}/events.csv")) {
    line.replace(at, 16, file_name);
  }
  return line;
}

class MalformedEvents : public ::testing::TestWithParam<std::string> {};

TEST_P(MalformedEvents, FailsWithItsExpectedMessage) {
  const fs::path dir = corpus_dir() / GetParam();
  const fs::path file = dir / "events.csv";
  const std::string expected = expected_message(dir, file.string());
  ASSERT_FALSE(expected.empty()) << "missing expected.txt in " << dir;
  const std::string message = test::invalid_argument_message([&] { (void)ingest_events(file); });
  EXPECT_EQ(message, expected);
  EXPECT_EQ(message.find('\n'), std::string::npos) << "an error is one line";
  // The same message, streamed in chunks of 1 to 7 bytes from an istream.
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  for (std::size_t chunk = 1; chunk <= 7; ++chunk) {
    std::istringstream stream(text.str());
    EventsOptions options;
    options.chunk_size = chunk;
    EXPECT_EQ(test::invalid_argument_message([&] { (void)ingest_events(stream, "events.csv", options); }),
              expected_message(dir, "events.csv"))
        << "chunk size " << chunk;
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, MalformedEvents, ::testing::ValuesIn(corpus_cases()),
                         [](const auto& param_info) { return param_info.param; });

TEST(MalformedEvents, CorpusHasAtLeastTenKinds) { EXPECT_GE(corpus_cases().size(), 10u); }

}  // namespace
}  // namespace orgnet
