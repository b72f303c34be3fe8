// CsvStreamReader against CsvReader: the same text, cut into chunks at every
// possible boundary, gives the same records (fields, lines, columns) and the
// same error message.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <streambuf>
#include <string>
#include <thread>
#include <vector>

#include "orgnet/detail/random.hpp"
#include "orgnet/io/csv_reader.hpp"
#include "orgnet/io/csv_stream.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

// Everything a reader gives out, as text: one line per field "line:column:text"
// and "--" after each record, then "end" or "error: <message>".
template <class Reader>
std::string transcript(Reader& reader, std::size_t max_records = static_cast<std::size_t>(-1)) {
  std::string out;
  CsvRecord record;
  try {
    for (std::size_t n = 0; n < max_records && reader.next(record); ++n) {
      out += "record " + std::to_string(record.line) + "\n";
      for (const CsvField& f : record.fields) {
        out += std::to_string(f.line) + ":" + std::to_string(f.column) + ":" + std::string(f.text) + "\n";
      }
    }
    out += "end";
  } catch (const invalid_argument& e) {
    out += std::string("error: ") + e.what();
  }
  return out;
}

std::string in_memory(std::string_view text, CsvDialect dialect = {}) {
  try {
    CsvReader reader(text, "t.csv", dialect);
    return transcript(reader);
  } catch (const invalid_argument& e) {
    return std::string("error: ") + e.what();
  }
}

std::string streamed(const std::string& text, std::size_t chunk_size, CsvDialect dialect = {}) {
  std::istringstream in(text);
  CsvStreamReader reader(in, "t.csv", dialect, chunk_size);
  return transcript(reader);
}

// Inputs that exercise every rule of the tokenizer and every error; valid UTF-8.
const std::vector<std::string>& valid_utf8_inputs() {
  static const std::vector<std::string> inputs = {
      "",
      "a",
      "a,b\nc,d\n",
      "a,b\r\nc,d\r\n",
      "a,b\rc,d\r",
      "\xEF\xBB\xBFid,name\r\n1,Ana\r\n",
      "\xEF\xBB\xBF",
      "\xEF\xBB",
      "id,name\n\n   \n# comment, with a comma\n 1 , Ana \n\t\n2,\"  Bo \"\n",
      "a,\"b,c\",\"say \"\"hi\"\"\"\n\"multi\nline\",x,\n",
      "\"over\r\nthree\rlines\",\"\"\"\"\n",
      "Zo\xC3\xAB,\xE5\xB7\xA5\xE7\xA8\x8B,\xF0\x9F\x98\x80\n\xC3\xA9\xC3\xA9,\"\xC3\xA9\n\xE2\x82\xAC\",x\n",
      "x,\xC3\xA9\xC3\xA9\"y\n",  // stray quote after multi-byte characters
      "a,\"b\" c\n",              // text after a closing quote
      "a,\"b\"   \nc\n",          // blanks after a closing quote
      "a,b\n\"never\nclosed,\n",  // unclosed quote
      "a,\"\"\"",                 // unclosed after a doubled quote
      "a,\"b\"",                  // closing quote at the very end
      "a,b,",                     // empty last field, no line end
      ",,\n,\n",
      "# only a comment",
      "# comment\r\n#another\rx\n",
      "  \t  ",
      "a\n\n\n\nb\r\n\r\nc",
      "\xC3\xA9\xC3\xA9\xC3\xA9,\"\xC3\xA9\" \xC3\xA9\n",  // column of text after a quote counts characters
  };
  return inputs;
}

TEST(CsvStream, EveryChunkBoundaryGivesTheInMemoryRecordsAndErrors) {
  for (const std::string& text : valid_utf8_inputs()) {
    const std::string expected = in_memory(text);
    for (std::size_t chunk = 1; chunk <= text.size() + 1; ++chunk) {
      EXPECT_EQ(streamed(text, chunk), expected) << "chunk size " << chunk << ", text: " << text;
    }
  }
}

TEST(CsvStream, OtherDialects) {
  const std::string text = "#id;x\n1;\"2;3\"\n\n4 ; 5\n";
  for (const CsvDialect dialect : {CsvDialect{.delimiter = ';', .comment = '\0'}, CsvDialect{.delimiter = ';'},
                                   CsvDialect{.delimiter = '\t', .comment = '%'}}) {
    const std::string expected = in_memory(text, dialect);
    for (std::size_t chunk = 1; chunk <= text.size(); ++chunk) EXPECT_EQ(streamed(text, chunk, dialect), expected);
  }
}

TEST(CsvStream, ErrorMessagesAreTheInMemoryOnes) {
  // Spot checks that the comparison above compares real messages.
  EXPECT_EQ(streamed("a,b\n\"never\nclosed,\n", 3),
            "record 1\n1:1:a\n1:3:b\nerror: t.csv:2:1: quoted field is never closed (the file ends inside it)");
  EXPECT_EQ(streamed("x,\xC3\xA9\xC3\xA9\"y\n", 1),
            "error: t.csv:1:5: unexpected '\"' inside an unquoted field (quote the whole field and double inner "
            "quotes)");
}

// Random texts over an alphabet of the characters the tokenizer cares about.
std::string random_text(std::uint64_t seed, std::size_t length, bool utf8_only) {
  static const std::vector<std::string> valid = {
      "a",  "b", ",",        "\"",           "\"\"", "\n",   "\r",           " ",
      "\t", "#", "\xC3\xA9", "\xE2\x82\xAC", ";",    "\r\n", "\xEF\xBB\xBF", "\xF0\x9F\x98\x80"};
  static const std::vector<std::string> invalid = {"\xC3", "\xFF", "\x80", "\xE2\x82", "\xED\xA0\x80"};
  detail::SplitMix64 rng(seed);
  std::string text;
  while (text.size() < length) {
    if (!utf8_only && rng.next() % 40 == 0) {
      text += invalid[rng.next() % invalid.size()];
    } else {
      text += valid[rng.next() % valid.size()];
    }
  }
  return text;
}

TEST(CsvStream, RandomTextsAtEveryChunkSize) {
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    const std::string text = random_text(seed, 1 + seed % 37, true);
    const std::string expected = in_memory(text);
    for (std::size_t chunk = 1; chunk <= text.size() + 1; ++chunk) {
      ASSERT_EQ(streamed(text, chunk), expected) << "seed " << seed << ", chunk size " << chunk;
    }
  }
}

// Text that is not UTF-8: the stream gives the records that lie before the bad
// byte and then the in-memory reader's error (or a CSV error that comes first),
// the same for every chunk size.
TEST(CsvStream, TextThatIsNotUtf8) {
  const std::string text = "id,name\n1,Ana\n2,\"Ren\xC3\xA9\ne\"\n3,Jos\xE9\n4,x\n";
  const std::string expected_error = in_memory(text);
  EXPECT_EQ(expected_error, "error: t.csv:5:6: text is not valid UTF-8 (byte 0xE9); re-export the file as UTF-8");
  // The records before the bad line, as the in-memory reader reads them.
  std::string records = in_memory(text.substr(0, text.find("3,Jos")));
  ASSERT_TRUE(records.ends_with("end"));
  records.resize(records.size() - 3);
  for (std::size_t chunk = 1; chunk <= text.size(); ++chunk) {
    EXPECT_EQ(streamed(text, chunk), records + expected_error) << "chunk size " << chunk;
  }
  // A multi-byte character cut short at the very end, and one cut by the end of a chunk that is fine.
  EXPECT_EQ(streamed("a,\xE2\x82", 1), in_memory("a,\xE2\x82"));
  EXPECT_EQ(streamed("a,\xE2\x82\xAC\n", 3), in_memory("a,\xE2\x82\xAC\n"));
}

TEST(CsvStream, RandomTextsThatAreNotUtf8DoNotDependOnTheChunkSize) {
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    const std::string text = random_text(seed, 1 + seed % 41, false);
    const std::string whole = streamed(text, text.size() + 1);
    const std::string memory = in_memory(text);
    if (memory.find("not valid UTF-8") != std::string::npos) {
      // Either the same UTF-8 error, after the records of the text before the bad
      // byte, or an earlier CSV error.
      const bool same_error = whole.ends_with(memory.substr(memory.find("error: ")));
      EXPECT_TRUE(same_error || whole.find("not valid UTF-8") == std::string::npos) << whole << " vs " << memory;
    } else {
      EXPECT_EQ(whole, memory);
    }
    for (std::size_t chunk = 1; chunk <= text.size(); ++chunk) {
      ASSERT_EQ(streamed(text, chunk), whole) << "seed " << seed << ", chunk size " << chunk;
    }
  }
}

// A stream buffer that generates `records` lines "person<i mod 7>,x<i>\n" on the
// fly and hands them out in pieces of at most 1000 bytes, like a pipe.
class GeneratedLines : public std::streambuf {
 public:
  explicit GeneratedLines(std::size_t records) : records_(records) {}

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    piece_.clear();
    while (piece_.size() < 1000 && next_ < records_) {
      piece_ += "person" + std::to_string(next_ % 7) + ",\"x" + std::to_string(next_) + "\"\n";
      ++next_;
    }
    if (piece_.empty()) return traits_type::eof();
    setg(piece_.data(), piece_.data(), piece_.data() + piece_.size());
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::size_t records_;
  std::size_t next_ = 0;
  std::string piece_;
};

TEST(CsvStream, MemoryIsBoundedByTheChunkNotTheInput) {
  constexpr std::size_t records = 400000;  // about 6 MB of text
  GeneratedLines lines(records);
  std::istream in(&lines);
  CsvStreamReader reader(in, "gen.csv", {}, 4096);
  CsvRecord record;
  std::size_t count = 0;
  std::size_t max_capacity = 0;
  while (reader.next(record)) {
    ASSERT_EQ(record.fields.size(), 2u);
    if (count % 99991 == 0) {
      EXPECT_EQ(record.fields[1].text, "x" + std::to_string(count));
      EXPECT_EQ(record.line, count + 1);
    }
    ++count;
    max_capacity = std::max(max_capacity, reader.buffer_capacity());
  }
  EXPECT_EQ(count, records);
  EXPECT_GT(reader.bytes_read(), 6'000'000u);
  EXPECT_LE(max_capacity, 3 * 4096u);
}

TEST(CsvStream, RecordLongerThanManyChunks) {
  const std::string big(300000, 'z');
  const std::string text = "a,\"" + big + "\n" + big + "\",b\nc,d\n";
  std::istringstream in(text);
  CsvStreamReader reader(in, "t.csv", {}, 64);
  CsvRecord record;
  ASSERT_TRUE(reader.next(record));
  ASSERT_EQ(record.fields.size(), 3u);
  EXPECT_EQ(record.fields[1].text, big + "\n" + big);
  EXPECT_EQ(record.fields[2].line, 2u);
  EXPECT_EQ(record.fields[2].column, big.size() + 3);
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(record.line, 3u);
  EXPECT_FALSE(reader.next(record));
  EXPECT_LE(reader.buffer_capacity(), 4 * text.size());
}

TEST(CsvStream, ReadsAFifoWithoutSeeking) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("orgnet_csv_stream_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::filesystem::path fifo = dir / "events.fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "p" + std::to_string(i % 13) + ",q" + std::to_string(i) + "\r\n";
  std::thread writer([&] {
    std::ofstream out(fifo, std::ios::binary);
    for (std::size_t at = 0; at < text.size(); at += 777) out << text.substr(at, 777) << std::flush;
  });
  std::string got;
  {
    CsvStreamReader reader(fifo, {}, 1000);
    EXPECT_EQ(reader.source_name(), fifo.string());
    got = transcript(reader);
  }
  writer.join();
  std::filesystem::remove_all(dir);
  EXPECT_EQ(got, in_memory(text));
}

TEST(CsvStream, BadArguments) {
  std::istringstream in("a");
  EXPECT_EQ(test::invalid_argument_message([&] { CsvStreamReader reader(in, "t.csv", {}, 0); }),
            "CSV stream chunk size must be > 0");
  EXPECT_EQ(test::invalid_argument_message([&] { CsvStreamReader reader(in, "t.csv", {.delimiter = '"'}); }),
            "CSV delimiter cannot be a quote or a line break");
  EXPECT_EQ(test::invalid_argument_message([] { CsvStreamReader reader(std::filesystem::path("/nonexistent/x.csv")); }),
            "/nonexistent/x.csv: cannot open: No such file or directory");
}

}  // namespace
}  // namespace orgnet
