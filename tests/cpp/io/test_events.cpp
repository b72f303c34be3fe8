// Events ingest: timestamps, durations, decayed weights worked by hand, skip
// counts, errors with their locations, and streaming at every chunk size.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "orgnet/detail/random.hpp"
#include "orgnet/io/csv.hpp"
#include "orgnet/io/events.hpp"
#include "test_support.hpp"

namespace orgnet {
namespace {

EventsIngestResult ingest_text(const std::string& text, EventsOptions options = {}) {
  std::istringstream in(text);
  return ingest_events(in, "ev.csv", options);
}

std::string ingest_error(const std::string& text, EventsOptions options = {}) {
  return test::invalid_argument_message([&] { (void)ingest_text(text, std::move(options)); });
}

const EventTie& tie_of(const EventsIngestResult& result, const std::string& source, const std::string& target,
                       const std::string& relation = "communication") {
  for (const EventTie& tie : result.ties) {
    if (tie.source == source && tie.target == target && tie.relation == relation) return tie;
  }
  throw std::runtime_error("no tie " + source + " -> " + target + " (" + relation + ")");
}

// ---- timestamps and durations -----------------------------------------------------

TEST(EventsTimestamp, AcceptedForms) {
  // Epoch values checked with Python's datetime.fromisoformat(...) - 1970-01-01Z.
  struct Case {
    const char* text;
    std::int64_t seconds;
    std::int32_t nanoseconds;
  };
  const Case cases[] = {
      {"2024-03-01T12:00:00Z", 1709294400, 0},
      {"2024-03-01T12:00:00+01:00", 1709290800, 0},
      {"2024-03-01T12:00:00+0100", 1709290800, 0},
      {"2024-03-01T12:00:00+01", 1709290800, 0},
      {"2024-03-01T12:00:00-05:30", 1709314200, 0},
      {"2024-03-01 12:00:00", 1709294400, 0},
      {"2024-03-01T12:00", 1709294400, 0},
      {"2024-03-01T12:00Z", 1709294400, 0},
      {"2024-03-01", 1709251200, 0},
      {"2000-02-29", 951782400, 0},
      {"0001-01-01", -62135596800, 0},
      {"9999-12-31T23:59:59Z", 253402300799, 0},
      {"1969-12-31T23:59:59Z", -1, 0},
      {"2024-03-01T12:00:00.25Z", 1709294400, 250000000},
      {"2024-03-01T12:00:00.000000001Z", 1709294400, 1},
      {"1709294400", 1709294400, 0},
      {"1709294400.25", 1709294400, 250000000},
      {"0", 0, 0},
      {"-1.5", -2, 500000000},  // -2 s + 0.5 s
      {"-86400", -86400, 0},
      {"2024", 2024, 0},  // four digits without a dash: epoch seconds
  };
  for (const Case& c : cases) {
    const Timestamp t = parse_timestamp(c.text);
    EXPECT_EQ(t.seconds, c.seconds) << c.text;
    EXPECT_EQ(t.nanoseconds, c.nanoseconds) << c.text;
  }
}

TEST(EventsTimestamp, RejectedFormsSayWhy) {
  const std::string expected =
      "expected an ISO 8601 time (2024-03-01T12:00:00Z, 2024-03-01T13:00:00+01:00, 2024-03-01) or Unix epoch "
      "seconds (1709294400, 1709294400.25), got ";
  for (const char* text : {"", "yesterday", "1e9", "+5", "1.", ".5", "1.2.3", "2024-03-01T12", "2024-3-1",
                           "2024-03-01T12:00:00.1234567891Z", "2024-03-01T12:00:00 Z", "2024-03-01Z",
                           "2024-03-01T12:00:00+1", "2024-03-01T12:00:00+01:0", "12:00", "0x10", "1709294400 "}) {
    EXPECT_EQ(test::invalid_argument_message([&] { (void)parse_timestamp(text); }), expected + quote_for_message(text))
        << text;
  }
  const auto error = [](const char* text) {
    return test::invalid_argument_message([&] { (void)parse_timestamp(text); });
  };
  EXPECT_EQ(error("2024-13-01"), "month 13 is out of range (01-12) in '2024-13-01'");
  EXPECT_EQ(error("2024-00-01"), "month 0 is out of range (01-12) in '2024-00-01'");
  EXPECT_EQ(error("2023-02-29"), "day 29 does not exist in month 2 of 2023 in '2023-02-29'");
  EXPECT_EQ(error("2024-04-31"), "day 31 does not exist in month 4 of 2024 in '2024-04-31'");
  EXPECT_EQ(error("0000-01-01"), "year 0 is out of range (0001-9999) in '0000-01-01'");
  EXPECT_EQ(error("2024-03-01T24:00"), "hour 24 is out of range (00-23) in '2024-03-01T24:00'");
  EXPECT_EQ(error("2024-03-01T23:60"), "minute 60 is out of range (00-59) in '2024-03-01T23:60'");
  EXPECT_EQ(error("2024-03-01T23:59:60"), "second 60 is out of range (00-59) in '2024-03-01T23:59:60'");
  EXPECT_EQ(error("2024-03-01T12:00+24:00"), "zone hour 24 is out of range (00-23) in '2024-03-01T12:00+24:00'");
  EXPECT_EQ(error("2024-03-01T12:00+01:60"), "zone minute 60 is out of range (00-59) in '2024-03-01T12:00+01:60'");
  EXPECT_EQ(error("253402300800"), "epoch seconds '253402300800' are out of range (years 0001 to 9999)");
  EXPECT_EQ(error("-62135596800.5"), "epoch seconds '-62135596800.5' are out of range (years 0001 to 9999)");
  EXPECT_EQ(error("99999999999999999999999"),
            "epoch seconds '99999999999999999999999' are out of range (years 0001 to 9999)");
}

TEST(EventsTimestamp, FormatRoundTripsAndIsIso) {
  EXPECT_EQ(format_timestamp({1709294400, 0}), "2024-03-01T12:00:00Z");
  EXPECT_EQ(format_timestamp({-1, 0}), "1969-12-31T23:59:59Z");
  EXPECT_EQ(format_timestamp({-62135596800, 0}), "0001-01-01T00:00:00Z");
  EXPECT_EQ(format_timestamp({253402300799, 0}), "9999-12-31T23:59:59Z");
  EXPECT_EQ(format_timestamp({951782400, 250000000}), "2000-02-29T00:00:00.25Z");
  EXPECT_EQ(format_timestamp({0, 1}), "1970-01-01T00:00:00.000000001Z");
  detail::SplitMix64 rng(7);
  for (int i = 0; i < 20000; ++i) {
    const Timestamp t{-62135596800 + static_cast<std::int64_t>(rng.below(253402300799ULL + 62135596800ULL + 1)),
                      static_cast<std::int32_t>(rng.below(1'000'000'000))};
    ASSERT_EQ(parse_timestamp(format_timestamp(t)), t) << format_timestamp(t);
  }
}

TEST(EventsTimestamp, SecondsBetweenKeepsNanosecondsOfHugeEpochs) {
  EXPECT_EQ(seconds_between({253402300799, 1}, {253402300799, 0}), 1e-9);
  EXPECT_EQ(seconds_between({10, 0}, {9, 999999999}), 1e-9);
  EXPECT_DOUBLE_EQ(epoch_seconds({-2, 500000000}), -1.5);
}

TEST(EventsDuration, UnitsAndErrors) {
  EXPECT_EQ(parse_duration("30d"), 30 * 86400.0);
  EXPECT_EQ(parse_duration("12h"), 12 * 3600.0);
  EXPECT_EQ(parse_duration("90m"), 5400.0);
  EXPECT_EQ(parse_duration("45s"), 45.0);
  EXPECT_EQ(parse_duration("1.5w"), 1.5 * 7 * 86400);
  EXPECT_EQ(parse_duration("3600"), 3600.0);
  EXPECT_TRUE(std::isinf(parse_duration("none")));
  EXPECT_TRUE(std::isinf(parse_duration("inf")));
  for (const char* bad : {"", "0d", "-1h", "d", "abc", "5y", "1e400", "nan"}) {
    EXPECT_EQ(test::invalid_argument_message([&] { (void)parse_duration(bad); }),
              "expected a duration > 0 such as 30d, 12h, 90m, 45s, 2w or a number of seconds (or 'none'), got " +
                  quote_for_message(bad))
        << bad;
  }
}

// ---- weights ----------------------------------------------------------------------

TEST(EventsIngest, HandWorkedDecay) {
  EventsOptions options;
  options.half_life = 86400;  // one day
  options.as_of = parse_timestamp("2024-03-03");
  const auto result = ingest_text(
      "from,to,timestamp,channel\n"
      "ana,bo,2024-03-03,\n"                 // 0 days before as_of: 1
      "ana,bo,2024-03-02T00:00:00Z,\n"       // 1 day: 1/2
      "ana,bo,2024-03-01T01:00:00+01:00,\n"  // 2024-03-01T00:00Z, 2 days: 1/4
      "ana,bo,2024-03-02T12:00:00Z,email\n"  // half a day: 2^-0.5
      "bo,ana,1709251200,chat\n",            // 2024-03-01: 1/4
      options);
  // ana -> bo (communication): 1 + 1/2 + 1/4 = 1.75, exactly representable.
  EXPECT_EQ(tie_of(result, "ana", "bo").weight, 1.75);
  EXPECT_EQ(tie_of(result, "ana", "bo").events, 3u);
  EXPECT_EQ(format_timestamp(tie_of(result, "ana", "bo").last_event), "2024-03-03T00:00:00Z");
  EXPECT_DOUBLE_EQ(tie_of(result, "ana", "bo", "email").weight, std::sqrt(0.5));
  EXPECT_EQ(tie_of(result, "bo", "ana", "chat").weight, 0.25);
  ASSERT_EQ(result.ties.size(), 3u);
  // Order of first appearance.
  EXPECT_EQ(result.ties[0].relation, "communication");
  EXPECT_EQ(result.ties[1].relation, "email");
  EXPECT_EQ(result.ties[2].relation, "chat");
  const EventsReport& r = result.report;
  EXPECT_EQ(r.events, 5u);
  EXPECT_EQ(r.events_used, 5u);
  EXPECT_EQ(r.ties, 3u);
  EXPECT_EQ(r.people, 2u);
  EXPECT_EQ(format_timestamp(*r.first_event), "2024-03-01T00:00:00Z");
  EXPECT_EQ(format_timestamp(*r.last_event), "2024-03-03T00:00:00Z");
  EXPECT_EQ(format_timestamp(*r.as_of), "2024-03-03T00:00:00Z");
  EXPECT_TRUE(r.first_skipped.empty());
}

TEST(EventsIngest, DefaultAsOfIsTheLatestEventAndOrderDoesNotMatter) {
  // Half-life 1000 s; t_ref = 3000 (c -> d). a -> b: 2^(-3000/1000) + 2^(-2000/1000) = 1/8 + 1/4.
  const std::string rows[] = {"a,b,0\n", "a,b,1000\n", "c,d,3000\n", "a,b,1000\n"};
  EventsOptions options;
  options.half_life = 1000;
  const int orders[][4] = {{0, 1, 2, 3}, {2, 1, 3, 0}, {3, 2, 0, 1}, {1, 3, 0, 2}};
  for (const auto& order : orders) {
    std::string text = "from,to,timestamp\n";
    for (int k : order) text += rows[k];
    const auto result = ingest_text(text, options);
    EXPECT_DOUBLE_EQ(tie_of(result, "a", "b").weight, 0.125 + 0.25 + 0.25);
    EXPECT_EQ(tie_of(result, "c", "d").weight, 1.0);
    EXPECT_EQ(result.report.as_of->seconds, 3000);
  }
}

TEST(EventsIngest, NoHalfLifeCountsEvents) {
  const auto result = ingest_text("from,to,timestamp\na,b,5\na,b,1\nb,a,2024-01-01\na,b,3\n");
  EXPECT_EQ(tie_of(result, "a", "b").weight, 3.0);
  EXPECT_EQ(tie_of(result, "b", "a").weight, 1.0);
  EXPECT_EQ(tie_of(result, "a", "b").last_event.seconds, 5);
  EXPECT_TRUE(std::isinf(result.report.half_life));
}

TEST(EventsIngest, NanosecondsOfHugeEpochsAreNotLost) {
  // Half-life 1 ns; events 1 ns apart near the end of year 9999: 1 + 1/2. With the
  // times held as doubles (ulp 3e-5 s there) both events would weigh 1.
  EventsOptions options;
  options.half_life = 1e-9;
  const auto result = ingest_text("from,to,timestamp\na,b,253402300799.000000001\na,b,9999-12-31T23:59:59Z\n", options);
  EXPECT_DOUBLE_EQ(tie_of(result, "a", "b").weight, 1.5);
}

TEST(EventsIngest, WeightsThatWouldUnderflowAreDroppedAndCounted) {
  // Half-life 1 s, t_ref = 2000: a -> b weighs 2^-1000 (a normal double, kept
  // exactly), c -> d 2^-1050 (subnormal: dropped), e -> f 2^-2000 (0: dropped).
  EventsOptions options;
  options.half_life = 1;
  const auto result = ingest_text("from,to,timestamp\na,b,1000\nc,d,950\nc,d,950\ne,f,0\nx,y,2000\n", options);
  EXPECT_EQ(tie_of(result, "a", "b").weight, std::ldexp(1.0, -1000));
  EXPECT_EQ(result.ties.size(), 2u);
  EXPECT_EQ(result.report.ties_dropped, 2u);
  EXPECT_EQ(result.report.events_in_dropped_ties, 3u);
  EXPECT_EQ(result.report.events_used, 5u);
  for (const EventTie& tie : result.ties) EXPECT_GT(tie.weight, 0.0);
  // A higher threshold: 0.5 keeps x -> y (1) and a -> b (2^-1), not c -> d (2^-2).
  options.min_weight = 0.5;
  const auto strict = ingest_text("from,to,timestamp\nc,d,1998\nx,y,2000\na,b,1999\n", options);
  ASSERT_EQ(strict.ties.size(), 2u);
  EXPECT_EQ(strict.ties[0].source, "x");
  EXPECT_EQ(strict.ties[1].weight, 0.5);
  EXPECT_EQ(strict.report.ties_dropped, 1u);
  EXPECT_EQ(strict.report.people, 4u);
}

TEST(EventsIngest, SkippedEventsAreCountedByReason) {
  EventsOptions options;
  options.people = std::vector<std::string>{"ana", "bo", "cy", "ana"};
  options.as_of = parse_timestamp("2024-06-01");
  const auto result = ingest_text(
      "from,to,timestamp\n"
      "ana,bo,2024-05-01\n"
      ",bo,2024-05-01\n"      // empty from
      "ana,,2024-05-01\n"     // empty to
      "bo,bo,2024-05-01\n"    // self
      ",,2024-05-01\n"        // empty (first reason wins)
      "ana,zed,2024-05-01\n"  // unknown
      "zed,zed,2024-05-01\n"  // self (before unknown)
      "cy,ana,2024-07-01\n"   // after as_of
      "zed,ana,2024-07-01\n"  // unknown (before after as_of)
      "cy,ana,2024-06-01\n",  // exactly as_of: used, weight 1
      options);
  const EventsReport& r = result.report;
  EXPECT_EQ(r.events, 10u);
  EXPECT_EQ(r.empty_ids, 3u);
  EXPECT_EQ(r.self_events, 2u);
  EXPECT_EQ(r.unknown_people, 2u);
  EXPECT_EQ(r.after_as_of, 1u);
  EXPECT_EQ(r.events_used, 2u);
  EXPECT_EQ(r.events, r.events_used + r.empty_ids + r.self_events + r.unknown_people + r.after_as_of);
  EXPECT_EQ(r.people, 3u);
  EXPECT_EQ(r.first_skipped, (std::vector<std::string>{"ev.csv:3: empty 'from' id", "ev.csv:5: self-event of 'bo'",
                                                       "ev.csv:7: 'zed' is not in the people list",
                                                       "ev.csv:9: event at 2024-07-01T00:00:00Z is after as_of "
                                                       "2024-06-01T00:00:00Z"}));
}

TEST(EventsIngest, MappedColumnsAndChannels) {
  EventsOptions options;
  options.columns = {.from = "sender", .to = "recipient", .timestamp = "sent_at", .channel = "medium"};
  options.default_channel = "email";
  options.dialect.delimiter = ';';
  const auto result =
      ingest_text("sender;recipient;sent_at;medium;subject\na;b;1;;x\na;b;2;slack;y\na;b;3;email;z\n", options);
  EXPECT_EQ(tie_of(result, "a", "b", "email").weight, 2.0);
  EXPECT_EQ(tie_of(result, "a", "b", "slack").weight, 1.0);
  // No channel column: every event gets the default channel; "" turns a present column off.
  options.columns.channel = "";
  const auto off = ingest_text("sender;recipient;sent_at;medium\na;b;1;slack\n", options);
  EXPECT_EQ(tie_of(off, "a", "b", "email").weight, 1.0);
}

TEST(EventsIngest, ErrorsNameFileLineColumnAndField) {
  EXPECT_EQ(ingest_error("from,to,timestamp\na,b,1\na,b,  2024-02-30\n"),
            "ev.csv:3:7: field 'timestamp': day 30 does not exist in month 2 of 2024 in '2024-02-30'");
  EXPECT_EQ(ingest_error("from,to,timestamp\nana,b\xC3\xA9,noon\n"),
            "ev.csv:2:8: field 'timestamp': expected an ISO 8601 time (2024-03-01T12:00:00Z, "
            "2024-03-01T13:00:00+01:00, 2024-03-01) or Unix epoch seconds (1709294400, 1709294400.25), got 'noon'");
  EXPECT_EQ(ingest_error(""), "ev.csv: the events file is empty (expected a header line)");
  EXPECT_EQ(ingest_error("from,timestamp\n"), "ev.csv:1: no column 'to' in the header (columns: from, timestamp)");
  EXPECT_EQ(ingest_error("from,to,timestamp\na,b\n"), "ev.csv:2:3: expected 3 fields as in the header, got 2");
  EventsOptions mapped;
  mapped.columns.channel = "medium";
  EXPECT_EQ(ingest_error("from,to,timestamp\n", mapped),
            "ev.csv:1: no column 'medium' in the header (columns: from, to, timestamp)");
  // A bad timestamp is an error even in a row that would be skipped.
  EXPECT_EQ(ingest_error("from,to,timestamp\na,a,x\n").substr(0, 31), "ev.csv:2:5: field 'timestamp': ");
}

TEST(EventsIngest, BadOptions) {
  EventsOptions options;
  options.half_life = 0;
  EXPECT_EQ(ingest_error("from,to,timestamp\n", options),
            "half_life must be > 0 seconds (or infinite for plain counts), got 0");
  options = {};
  options.min_weight = 0;
  EXPECT_EQ(ingest_error("from,to,timestamp\n", options), "min_weight must be finite and > 0, got 0");
  options = {};
  options.default_channel = "";
  EXPECT_EQ(ingest_error("from,to,timestamp\n", options), "default_channel cannot be empty");
  options = {};
  options.chunk_size = 0;
  EXPECT_EQ(ingest_error("from,to,timestamp\n", options), "CSV stream chunk size must be > 0");
  EXPECT_EQ(test::invalid_argument_message([] { (void)ingest_events(std::filesystem::path("/nonexistent.csv")); }),
            "/nonexistent.csv: cannot open: No such file or directory");
}

TEST(EventsIngest, EmptyLogGivesNoTies) {
  const auto result = ingest_text("from,to,timestamp\n");
  EXPECT_TRUE(result.ties.empty());
  EXPECT_FALSE(result.report.as_of.has_value());
  EXPECT_FALSE(result.report.first_event.has_value());
}

TEST(EventsIngest, SameResultAtEveryChunkSize) {
  std::string text =
      "\xEF\xBB\xBF"
      "from,to,timestamp,channel\r\n# exported 2024\r\n";
  detail::SplitMix64 rng(11);
  const char* names[] = {"ana", "b\xC3\xB6", "\"c,y\"", "d\xE2\x82\xAC"};
  for (int i = 0; i < 60; ++i) {
    text += std::string(names[rng.below(4)]) + "," + names[rng.below(4)] + "," +
            std::to_string(1709251200 + rng.below(864000)) + (i % 3 == 0 ? ",\"e\nmail\"\r\n" : ",chat\r\n");
  }
  EventsOptions options;
  options.half_life = 86400;
  options.chunk_size = 1 << 20;
  const auto whole = ingest_text(text, options);
  ASSERT_GT(whole.ties.size(), 5u);
  for (std::size_t chunk = 1; chunk <= 64; ++chunk) {
    options.chunk_size = chunk;
    const auto part = ingest_text(text, options);
    ASSERT_EQ(part.ties.size(), whole.ties.size());
    for (std::size_t k = 0; k < whole.ties.size(); ++k) {
      EXPECT_EQ(part.ties[k].source, whole.ties[k].source);
      EXPECT_EQ(part.ties[k].target, whole.ties[k].target);
      EXPECT_EQ(part.ties[k].relation, whole.ties[k].relation);
      EXPECT_EQ(part.ties[k].weight, whole.ties[k].weight);
    }
    EXPECT_EQ(part.report.events, whole.report.events);
    EXPECT_EQ(part.report.bytes_read, text.size());
  }
}

TEST(EventsIngest, TiesCsvReadsBackExactly) {
  EventsOptions options;
  options.half_life = 3 * 86400;
  const auto result = ingest_text(
      "from,to,timestamp,channel\n#x,\" b\",2024-01-01T10:00:00Z,email\n\"#x\",c,2024-01-03T10:00:00.5Z,\"a,b\"\n"
      "c,#x,2024-01-02,email\n",
      options);
  std::ostringstream out;
  write_event_ties_csv(out, result.ties);
  EXPECT_EQ(out.str().substr(0, out.str().find('\n')), "source,target,relation,weight,events,last_event");
  CsvOptions csv;
  csv.build.unknown_people = UnknownPersonPolicy::create;
  GraphBuilder builder(csv.build);
  read_ties_csv(builder, out.str(), "ties.csv", csv);
  const InfluenceGraph g = std::move(builder).build();
  ASSERT_EQ(g.ties().size(), result.ties.size());
  for (std::size_t k = 0; k < result.ties.size(); ++k) {
    const TieRecord& tie = g.ties()[k];
    EXPECT_EQ(g.id(tie.source), result.ties[k].source);
    EXPECT_EQ(g.id(tie.target), result.ties[k].target);
    EXPECT_EQ(g.relation_name(tie.relation), result.ties[k].relation);
    EXPECT_EQ(tie.weight, result.ties[k].weight);
  }
}

}  // namespace
}  // namespace orgnet
