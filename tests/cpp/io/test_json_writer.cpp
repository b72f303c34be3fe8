#include <gtest/gtest.h>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>

#include "orgnet/io/json_writer.hpp"

namespace orgnet {
namespace {

// Writes a small document with every kind of value.
void write_sample(JsonWriter& json) {
  json.begin_object()
      .field("name", "Ana")
      .field("size", std::size_t{3})
      .key("scores")
      .begin_array()
      .value(0.5)
      .value(std::nan(""))
      .value(1.0)
      .end_array()
      .key("empty")
      .begin_object()
      .end_object()
      .key("none_yet")
      .begin_array()
      .end_array()
      .field("ok", true)
      .key("missing")
      .null()
      .end_object();
}

TEST(JsonWriter, PrettyPrintsWithIndent) {
  std::ostringstream out;
  JsonWriter json(out);
  write_sample(json);
  EXPECT_EQ(out.str(),
            "{\n"
            "  \"name\": \"Ana\",\n"
            "  \"size\": 3,\n"
            "  \"scores\": [\n"
            "    0.5,\n"
            "    null,\n"
            "    1\n"
            "  ],\n"
            "  \"empty\": {},\n"
            "  \"none_yet\": [],\n"
            "  \"ok\": true,\n"
            "  \"missing\": null\n"
            "}");
}

TEST(JsonWriter, CompactWithIndentZero) {
  std::ostringstream out;
  JsonWriter json(out, 0);
  write_sample(json);
  EXPECT_EQ(out.str(),
            R"({"name":"Ana","size":3,"scores":[0.5,null,1],"empty":{},"none_yet":[],"ok":true,"missing":null})");
}

TEST(JsonWriter, IndentFourAndNestedArrays) {
  std::ostringstream out;
  JsonWriter json(out, 4);
  json.begin_array()
      .begin_array()
      .value(1)
      .value(2)
      .end_array()
      .begin_object()
      .field("k", "v")
      .end_object()
      .end_array();
  EXPECT_EQ(out.str(), "[\n    [\n        1,\n        2\n    ],\n    {\n        \"k\": \"v\"\n    }\n]");
}

TEST(JsonWriter, TopLevelScalar) {
  std::ostringstream out;
  JsonWriter(out).value(42);
  EXPECT_EQ(out.str(), "42");
}

std::string compact(double d) {
  std::ostringstream out;
  JsonWriter(out, 0).value(d);
  return out.str();
}

TEST(JsonWriter, NonFiniteDoublesAreNull) {
  EXPECT_EQ(compact(std::numeric_limits<double>::quiet_NaN()), "null");
  EXPECT_EQ(compact(std::numeric_limits<double>::infinity()), "null");
  EXPECT_EQ(compact(-std::numeric_limits<double>::infinity()), "null");
}

TEST(JsonWriter, DoublesUseShortestRoundTripForm) {
  EXPECT_EQ(compact(0.1), "0.1");
  EXPECT_EQ(compact(1.0), "1");
  EXPECT_EQ(compact(-2.5), "-2.5");
  EXPECT_EQ(compact(1.0 / 3.0), "0.3333333333333333");
  EXPECT_EQ(compact(1e21), "1e+21");
  EXPECT_EQ(compact(1e-7), "1e-07");
  EXPECT_EQ(compact(-0.0), "-0");
  EXPECT_EQ(compact(5e-324), "5e-324");
  EXPECT_EQ(compact(std::numeric_limits<double>::max()), "1.7976931348623157e+308");

  std::mt19937_64 random(7);
  for (int i = 0; i < 1000; ++i) {
    const double d = std::bit_cast<double>(random());
    if (!std::isfinite(d)) continue;
    const std::string text = compact(d);
    double back = 0;
    std::from_chars(text.data(), text.data() + text.size(), back);
    EXPECT_EQ(std::bit_cast<std::uint64_t>(back), std::bit_cast<std::uint64_t>(d)) << text;
  }
}

TEST(JsonWriter, IntegersOfEveryWidth) {
  std::ostringstream out;
  JsonWriter json(out, 0);
  json.begin_array()
      .value(-1)
      .value(7u)
      .value(std::numeric_limits<std::int64_t>::min())
      .value(std::numeric_limits<std::uint64_t>::max())
      .value(std::size_t{0})
      .value(-3L)
      .value(4LL)
      .value(5ULL)
      .value(std::uint32_t{4000000000u})
      .value(std::int16_t{-12})
      .value(false)
      .end_array();
  EXPECT_EQ(out.str(), "[-1,7,-9223372036854775808,18446744073709551615,0,-3,4,5,4000000000,-12,false]");
}

TEST(JsonWriter, FieldAcceptsStringsAndNumbers) {
  std::ostringstream out;
  JsonWriter json(out, 0);
  const std::string person = "bo";
  json.begin_object()
      .field("id", person)
      .field("view", std::string_view("x"))
      .field("count", std::int64_t{-5})
      .field("share", 0.25)
      .end_object();
  EXPECT_EQ(out.str(), R"({"id":"bo","view":"x","count":-5,"share":0.25})");
}

TEST(JsonWriter, KeysAreEscaped) {
  std::ostringstream out;
  JsonWriter(out, 0).begin_object().field("a\"b", 1).end_object();
  EXPECT_EQ(out.str(), R"({"a\"b":1})");
}

TEST(JsonEscape, QuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(json_escape(""), "\"\"");
  EXPECT_EQ(json_escape("say \"hi\""), R"("say \"hi\"")");
  EXPECT_EQ(json_escape("C:\\temp"), R"("C:\\temp")");
  EXPECT_EQ(json_escape("a\nb\tc\rd\be\ff"), R"("a\nb\tc\rd\be\ff")");
  EXPECT_EQ(json_escape(std::string_view("\x00\x01\x1f\x7f", 4)), "\"\\u0000\\u0001\\u001f\x7f\"");
  EXPECT_EQ(json_escape("</script>"), "\"</script>\"");
}

TEST(JsonEscape, KeepsUtf8AndReplacesInvalidBytes) {
  EXPECT_EQ(json_escape("Zo\xC3\xAB \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x98\x80"),
            "\"Zo\xC3\xAB \xE6\x9D\xB1\xE4\xBA\xAC \xF0\x9F\x98\x80\"");  // Zoë 東京 😀
  const std::string replacement = "\xEF\xBF\xBD";
  EXPECT_EQ(json_escape("a\xFF"
                        "b"),
            "\"a" + replacement + "b\"");
  EXPECT_EQ(json_escape("\xC0\xAF"), "\"" + replacement + replacement + "\"");                    // overlong '/'
  EXPECT_EQ(json_escape("\xED\xA0\x80"), "\"" + replacement + replacement + replacement + "\"");  // surrogate
  EXPECT_EQ(json_escape("end\xE6\x9D"), "\"end" + replacement + replacement + "\"");              // cut short
}

TEST(JsonWriter, MisuseThrowsLogicError) {
  std::ostringstream out;
  {
    JsonWriter json(out);
    json.begin_object();
    EXPECT_THROW(json.value(1), std::logic_error);  // no key
    json.key("a");
    EXPECT_THROW(json.key("b"), std::logic_error);      // key twice
    EXPECT_THROW(json.end_object(), std::logic_error);  // key without value
    EXPECT_THROW(json.end_array(), std::logic_error);   // wrong container
    json.value(1).end_object();
    EXPECT_THROW(json.end_object(), std::logic_error);  // nothing open
    EXPECT_THROW(json.value(2), std::logic_error);      // second top-level value
    EXPECT_THROW(json.begin_array(), std::logic_error);
  }
  {
    JsonWriter json(out);
    EXPECT_THROW(json.key("a"), std::logic_error);  // key at top level
    json.begin_array();
    EXPECT_THROW(json.key("a"), std::logic_error);  // key in an array
    EXPECT_THROW(json.end_object(), std::logic_error);
  }
}

}  // namespace
}  // namespace orgnet
