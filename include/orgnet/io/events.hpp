#pragma once
// Communication events -> tie weights, with exponential time decay.
//
// ONA on e-mail or chat metadata starts from a log of events "from wrote to
// `to` at time t on channel c". ingest_events() reads such a log as CSV and
// aggregates it into one tie per (from, to, channel), the channel becoming the
// tie's relation:
//
//   weight(from, to, c) = sum over its events e of 2^(-(t_ref - t_e) / half_life)
//
// t_ref is the `as_of` option (default: the time of the latest event used). An
// event at t_ref counts 1, one a half-life older counts 1/2, and so on; with no
// half-life (infinite, the default) every event counts 1 and the weight is the
// number of events. Worked example (half-life 1 day, as_of 2024-03-03): events
// on 03-03, 03-02 and 03-01 give 1 + 1/2 + 1/4 = 1.75.
//
// The ties are ready for GraphBuilder (or the ties CSV writer): the default
// relation map treats "communication" and "email" as source_to_target with
// weighted cascade, so only relative weights matter.
//
// Input: a CSV file with a header line; columns `from`, `to`, `timestamp`
// (required) and `channel` (optional; mappable like TieColumns: a mapped name
// must exist, a default name that is absent is not read, "" turns it off). An
// empty channel value means the default channel. Timestamps, one of:
//   * Unix epoch seconds: an integer or a decimal with up to 9 decimals,
//     optionally negative: 1709294400, 1709294400.25, -86400.
//   * ISO 8601 / RFC 3339: YYYY-MM-DD (midnight), YYYY-MM-DDTHH:MM,
//     YYYY-MM-DDTHH:MM:SS, YYYY-MM-DDTHH:MM:SS.fffffffff (1 to 9 decimals), 'T'
//     or one space between date and time, then optionally a zone: Z, +HH:MM,
//     -HH:MM, +HHMM or +HH. No zone means UTC.
//   Years 0001 to 9999 (epoch seconds in the same span); fields in range (month
//   01-12, a day that exists in its month, hour 00-23, minute and second 00-59,
//   zone up to 23:59). Anything else is an error naming file:line:column and
//   the field.
//
// Nothing is dropped silently; EventsReport counts every event and tie that is
// not used, by reason. Each skipped event counts under the first reason that
// applies, in this order:
//   * empty_ids: `from` or `to` is empty;
//   * self_events: from == to (a person does not influence themselves);
//   * unknown_people: `people` is given and from or to is not in it;
//   * after_as_of: the event is later than the given as_of.
// A tie whose weight is below min_weight (default: the smallest normal double,
// 2.2e-308, i.e. only weights that would underflow) is dropped and counted
// (ties_dropped, events_in_dropped_ties): its events are over ~1022 half-lives
// older than t_ref. Every tie returned has a finite weight > 0.
//
// Numerics: times are kept as whole seconds plus nanoseconds, and each tie's sum
// is kept relative to its own latest event (s = sum 2^(-(t_last - t_e)/h), in
// [1, events]); the weight s * 2^(-(t_ref - t_last)/h) is formed once, at the
// end. So huge epoch values lose no precision, events may come in any
// order, and as_of may be far away without overflow.
//
// Memory: the input is streamed (CsvStreamReader, chunk_size bytes at a time);
// memory is O(distinct people + distinct (from, to, channel) ties + chunk +
// longest record), never O(events). Time: O(events) expected.
//
// Output order: ties in the order their first event appears in the file.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <istream>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "orgnet/io/csv_reader.hpp"
#include "orgnet/io/csv_stream.hpp"

namespace orgnet {

/// A point in time: seconds since 1970-01-01T00:00:00Z plus nanoseconds.
struct Timestamp {
  std::int64_t seconds = 0;
  std::int32_t nanoseconds = 0;  ///< In [0, 1e9).

  friend constexpr bool operator==(const Timestamp&, const Timestamp&) = default;
  friend constexpr bool operator<(const Timestamp& a, const Timestamp& b) {
    return a.seconds != b.seconds ? a.seconds < b.seconds : a.nanoseconds < b.nanoseconds;
  }
  friend constexpr bool operator>(const Timestamp& a, const Timestamp& b) { return b < a; }
  friend constexpr bool operator<=(const Timestamp& a, const Timestamp& b) { return !(b < a); }
  friend constexpr bool operator>=(const Timestamp& a, const Timestamp& b) { return !(a < b); }
};

/// Parses one of the timestamp forms listed above; throws orgnet::invalid_argument
/// saying what was expected.
[[nodiscard]] Timestamp parse_timestamp(std::string_view text);
/// "YYYY-MM-DDTHH:MM:SSZ" in UTC, with the decimals of the second when not whole
/// (trailing zeros removed).
[[nodiscard]] std::string format_timestamp(Timestamp time);
/// The time as (fractional) Unix epoch seconds.
[[nodiscard]] double epoch_seconds(Timestamp time);
/// later - earlier in seconds, from the exact difference in whole seconds and
/// nanoseconds (so nanoseconds count even between huge epoch values).
[[nodiscard]] double seconds_between(Timestamp later, Timestamp earlier);

/// A duration in seconds from "<number><unit>", unit s, m (minutes), h, d or w,
/// or a plain number of seconds: "30d", "12h", "1.5w", "3600". "none", "inf"
/// and "infinite" give +infinity (no decay). Throws orgnet::invalid_argument
/// unless the result is > 0.
[[nodiscard]] double parse_duration(std::string_view text);

struct EventColumns {
  std::string from = "from";
  std::string to = "to";
  std::string timestamp = "timestamp";
  std::string channel = "channel";  ///< Optional column.
};

struct EventsOptions {
  CsvDialect dialect = {};
  EventColumns columns = {};
  /// Relation of events with no channel column or an empty channel.
  std::string default_channel = "communication";
  /// Half-life of an event's weight in seconds; +infinity (default) = plain counts.
  double half_life = std::numeric_limits<double>::infinity();
  /// Reference time t_ref; events after it are skipped (counted). Default: the
  /// latest event used.
  std::optional<Timestamp> as_of = std::nullopt;
  /// When set, only events between these people are used (the others counted).
  std::optional<std::vector<std::string>> people = std::nullopt;
  /// Ties lighter than this are dropped (counted); must be > 0.
  double min_weight = std::numeric_limits<double>::min();
  /// Bytes read at a time.
  std::size_t chunk_size = CsvStreamReader::default_chunk_size;
};

/// One aggregated tie: source wrote to target on channel `relation`.
struct EventTie {
  std::string source;
  std::string target;
  std::string relation;
  double weight = 0;          ///< Decayed sum, finite and > 0.
  std::size_t events = 0;     ///< Events aggregated into it.
  Timestamp last_event = {};  ///< Its latest event.
};

/// What ingest_events did with every event. events = events_used + empty_ids +
/// self_events + unknown_people + after_as_of, and events_used = sum of the
/// ties' events + events_in_dropped_ties.
struct EventsReport {
  std::size_t events = 0;       ///< Data rows read.
  std::size_t events_used = 0;  ///< Aggregated into a tie (kept or dropped).
  std::size_t empty_ids = 0;
  std::size_t self_events = 0;
  std::size_t unknown_people = 0;
  std::size_t after_as_of = 0;
  std::size_t ties = 0;          ///< Ties returned.
  std::size_t ties_dropped = 0;  ///< Ties lighter than min_weight.
  std::size_t events_in_dropped_ties = 0;
  std::size_t people = 0;                ///< Distinct people in the ties returned.
  std::optional<Timestamp> first_event;  ///< Earliest and latest event used.
  std::optional<Timestamp> last_event;
  std::optional<Timestamp> as_of;  ///< t_ref used (none if no event was used and none was given).
  double half_life = 0;            ///< Seconds; +infinity = plain counts.
  std::size_t bytes_read = 0;
  /// For each reason that skipped something, the first case: "events.csv:12:
  /// self-event of 'ana'".
  std::vector<std::string> first_skipped;
};

struct EventsIngestResult {
  std::vector<EventTie> ties;
  EventsReport report;
};

/// Reads and aggregates the events file `path` (a regular file, a FIFO or
/// /dev/stdin). Throws orgnet::invalid_argument on bad input or options, naming
/// file:line:column and the field.
[[nodiscard]] EventsIngestResult ingest_events(const std::filesystem::path& path, const EventsOptions& options = {});
/// Same, reading `in`; `source_name` prefixes errors.
[[nodiscard]] EventsIngestResult ingest_events(std::istream& in, const std::string& source_name,
                                               const EventsOptions& options = {});

/// Writes the ties as a ties CSV (source,target,relation,weight) that
/// load_csv / load_ties_csv read back exactly.
void write_event_ties_csv(std::ostream& out, const std::vector<EventTie>& ties);

}  // namespace orgnet
