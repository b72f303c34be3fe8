#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "orgnet/error.hpp"
#include "orgnet/io/output_format.hpp"

namespace orgnet {
namespace {

TEST(OutputFormat, ParsesItsOwnNames) {
  for (auto f : {OutputFormat::table, OutputFormat::json, OutputFormat::csv}) {
    EXPECT_EQ(parse_output_format(to_string(f)), f);
  }
  EXPECT_THROW((void)parse_output_format("xml"), orgnet::invalid_argument);
}

TEST(OutputFormat, FixedTextRoundsAndNamesNonNumbers) {
  EXPECT_EQ(fixed_text(0.123456, 4), "0.1235");
  EXPECT_EQ(fixed_text(2.0, 2), "2.00");
  EXPECT_EQ(fixed_text(-0.5, 0), "-0");  // printf rounds half to even
  EXPECT_EQ(fixed_text(1e20, 1), "100000000000000000000.0");
  EXPECT_EQ(fixed_text(std::nan(""), 3), "n/a");
  EXPECT_EQ(fixed_text(std::nan(""), 3, "-"), "-");
  EXPECT_EQ(fixed_text(std::numeric_limits<double>::infinity(), 3), "inf");
  EXPECT_EQ(fixed_text(-std::numeric_limits<double>::infinity(), 3), "-inf");
  EXPECT_EQ(fixed_text(1e300, 2).size(), 301u + 3u);  // 301 digits, ".", two decimals
}

}  // namespace
}  // namespace orgnet
