#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "orgnet/io/csv_reader.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

std::vector<std::vector<std::string>> read_all(std::string_view text, CsvDialect dialect = {}) {
  CsvReader reader(text, "t.csv", dialect);
  CsvRecord record;
  std::vector<std::vector<std::string>> rows;
  while (reader.next(record)) {
    auto& row = rows.emplace_back();
    for (const auto& f : record.fields) row.emplace_back(f.text);
  }
  return rows;
}

using Rows = std::vector<std::vector<std::string>>;

TEST(CsvReader, QuotesCommasAndNewlinesInsideFields) {
  EXPECT_EQ(read_all("a,\"b,c\",\"say \"\"hi\"\"\"\n\"multi\nline\",x,\n"),
            (Rows{{"a", "b,c", "say \"hi\""}, {"multi\nline", "x", ""}}));
}

TEST(CsvReader, BomCrlfBlankLinesCommentsAndTrimming) {
  EXPECT_EQ(read_all("\xEF\xBB\xBFid,name\r\n\r\n# a comment, with a comma\r\n 1 , Ana \r\n   \n2,\"  Bo \"\r\n"),
            (Rows{{"id", "name"}, {"1", "Ana"}, {"2", "  Bo "}}));
}

TEST(CsvReader, LoneCarriageReturnEndsALine) { EXPECT_EQ(read_all("a,b\rc,d"), (Rows{{"a", "b"}, {"c", "d"}})); }

TEST(CsvReader, OtherDelimiterAndCommentsOff) {
  EXPECT_EQ(read_all("#id;x\n1;2", {.delimiter = ';', .comment = '\0'}), (Rows{{"#id", "x"}, {"1", "2"}}));
}

TEST(CsvReader, LinesAndColumnsCountCharacters) {
  CsvReader reader("id,name\n\"a\nb\",Zoë,ü\n", "t.csv");
  CsvRecord record;
  ASSERT_TRUE(reader.next(record));
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(record.line, 2u);
  EXPECT_EQ(record.fields[1].line, 3u);
  EXPECT_EQ(record.fields[1].column, 4u);
  EXPECT_EQ(record.fields[2].column, 8u);  // "Zoë" is three characters, four bytes
}

TEST(CsvReader, ErrorsNameLineAndColumn) {
  EXPECT_EQ(test::invalid_argument_message([] { read_all("a,b\nc,\"open\n"); }),
            "t.csv:2:3: quoted field is never closed (the file ends inside it)");
  EXPECT_EQ(test::invalid_argument_message([] { read_all("a,b\nc,d\"e\n"); }),
            "t.csv:2:4: unexpected '\"' inside an unquoted field (quote the whole field and double inner quotes)");
  EXPECT_EQ(test::invalid_argument_message([] { read_all("a,\"b\"x\n"); }),
            "t.csv:1:6: expected ',' or end of line after a closing quote");
  EXPECT_EQ(test::invalid_argument_message([] { read_all("a,b\nZoë,\xff\n"); }),
            "t.csv:2:5: text is not valid UTF-8 (byte 0xFF); re-export the file as UTF-8");
}

TEST(CsvReader, RejectsOverlongAndSurrogateUtf8) {
  EXPECT_THROW(read_all("\xC0\xAF"), orgnet::invalid_argument);            // overlong '/'
  EXPECT_THROW(read_all("\xED\xA0\x80"), orgnet::invalid_argument);        // UTF-16 surrogate
  EXPECT_THROW(read_all("ok\xF4\x90\x80\x80"), orgnet::invalid_argument);  // above U+10FFFF
  EXPECT_THROW(read_all("\xE2\x82"), orgnet::invalid_argument);            // truncated
  EXPECT_NO_THROW(read_all("\xF0\x9F\x98\x80,\xE2\x82\xAC"));              // emoji, euro sign
}

TEST(CsvReader, EmptyTextHasNoRecords) { EXPECT_TRUE(read_all("").empty()); }

}  // namespace
}  // namespace orgnet
