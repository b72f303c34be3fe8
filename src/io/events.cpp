#include "orgnet/io/events.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <ostream>
#include <utility>

#include "io/csv_header.hpp"
#include "orgnet/error.hpp"
#include "orgnet/io/csv_writer.hpp"
#include "orgnet/model/detail/id_table.hpp"

namespace orgnet {

namespace {

// ---- calendar ---------------------------------------------------------------------

constexpr std::int64_t seconds_per_day = 86400;
constexpr std::int64_t earliest_second = -62135596800;  // 0001-01-01T00:00:00Z
constexpr std::int64_t latest_second = 253402300799;    // 9999-12-31T23:59:59Z

bool is_leap(std::int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(std::int64_t year, int month) {
  static constexpr int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

// Days from 1970-01-01 to year-month-day of the proleptic Gregorian calendar,
// counting in 400-year eras of 146097 days that start on March 1st.
std::int64_t days_from_civil(std::int64_t year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const std::int64_t year_of_era = year - era * 400;                                          // [0, 399]
  const std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;  // [0, 365]
  const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

struct Civil {
  std::int64_t year;
  int month;
  int day;
};

// Inverse of days_from_civil.
Civil civil_from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t day_of_era = days - era * 146097;  // [0, 146096]
  const std::int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t mp = (5 * day_of_year + 2) / 153;  // month from March = 0
  const int day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {year_of_era + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

// ---- parsing ----------------------------------------------------------------------

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `count` digits at text[pos] into value.
bool digits(std::string_view text, std::size_t& pos, std::size_t count, int& value) {
  if (text.size() - pos < count) return false;
  value = 0;
  for (std::size_t k = 0; k < count; ++k) {
    if (!is_digit(text[pos + k])) return false;
    value = value * 10 + (text[pos + k] - '0');
  }
  pos += count;
  return true;
}

// 1 to 9 decimals at text[pos] as nanoseconds.
bool fraction(std::string_view text, std::size_t& pos, std::int32_t& nanoseconds) {
  std::size_t count = 0;
  nanoseconds = 0;
  while (pos < text.size() && is_digit(text[pos])) {
    if (++count > 9) return false;
    nanoseconds = nanoseconds * 10 + (text[pos++] - '0');
  }
  if (count == 0) return false;
  for (std::size_t k = count; k < 9; ++k) nanoseconds *= 10;
  return true;
}

std::string expected_timestamp(std::string_view text) {
  return "expected an ISO 8601 time (2024-03-01T12:00:00Z, 2024-03-01T13:00:00+01:00, 2024-03-01) or Unix epoch "
         "seconds (1709294400, 1709294400.25), got " +
         quote_for_message(text);
}

std::string out_of_range(const char* what, int value, const char* range, std::string_view text) {
  return std::string(what) + " " + std::to_string(value) + " is out of range (" + range + ") in " +
         quote_for_message(text);
}

// Parses `text` into `time`; on failure returns false with the reason in `why`.
bool parse_time(std::string_view text, Timestamp& time, std::string& why) {
  const bool iso = text.size() >= 5 && is_digit(text[0]) && is_digit(text[1]) && is_digit(text[2]) &&
                   is_digit(text[3]) && text[4] == '-';
  if (!iso) {
    // Unix epoch seconds: -?digits(.digits{1,9})?
    std::size_t pos = 0;
    const bool negative = !text.empty() && text[0] == '-';
    if (negative) ++pos;
    const std::size_t int_start = pos;
    while (pos < text.size() && is_digit(text[pos])) ++pos;
    const std::size_t int_end = pos;
    std::int32_t nanoseconds = 0;
    if (int_end == int_start) {
      why = expected_timestamp(text);
      return false;
    }
    if (pos < text.size() && text[pos] == '.') {
      ++pos;
      if (!fraction(text, pos, nanoseconds)) {
        why = expected_timestamp(text);
        return false;
      }
    }
    if (pos != text.size()) {
      why = expected_timestamp(text);
      return false;
    }
    std::int64_t seconds = 0;
    const auto [end, ec] = std::from_chars(text.data() + int_start, text.data() + int_end, seconds);
    if (ec != std::errc() || end != text.data() + int_end || seconds > latest_second ||
        (negative && seconds > -earliest_second) || (negative && seconds == -earliest_second && nanoseconds > 0)) {
      why = "epoch seconds " + quote_for_message(text) + " are out of range (years 0001 to 9999)";
      return false;
    }
    if (negative) {
      seconds = -seconds;
      if (nanoseconds > 0) {
        seconds -= 1;
        nanoseconds = 1'000'000'000 - nanoseconds;
      }
    }
    time = Timestamp{seconds, nanoseconds};
    return true;
  }

  // ISO 8601: date, optional time, optional zone.
  std::size_t pos = 0;
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  std::int32_t nanoseconds = 0;
  if (!digits(text, pos, 4, year) || pos >= text.size() || text[pos++] != '-' || !digits(text, pos, 2, month) ||
      pos >= text.size() || text[pos++] != '-' || !digits(text, pos, 2, day)) {
    why = expected_timestamp(text);
    return false;
  }
  std::int64_t offset = 0;  // seconds east of UTC
  if (pos < text.size()) {
    if ((text[pos] != 'T' && text[pos] != ' ') || !digits(text, ++pos, 2, hour) || pos >= text.size() ||
        text[pos++] != ':' || !digits(text, pos, 2, minute)) {
      why = expected_timestamp(text);
      return false;
    }
    if (pos < text.size() && text[pos] == ':') {
      if (!digits(text, ++pos, 2, second)) {
        why = expected_timestamp(text);
        return false;
      }
      if (pos < text.size() && text[pos] == '.' && !fraction(text, ++pos, nanoseconds)) {
        why = expected_timestamp(text);
        return false;
      }
    }
    if (pos < text.size() && text[pos] == 'Z') {
      ++pos;
    } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
      const bool west = text[pos++] == '-';
      int zone_hours = 0, zone_minutes = 0;
      if (!digits(text, pos, 2, zone_hours)) {
        why = expected_timestamp(text);
        return false;
      }
      if (pos < text.size()) {
        if (text[pos] == ':') ++pos;
        if (!digits(text, pos, 2, zone_minutes)) {
          why = expected_timestamp(text);
          return false;
        }
      }
      if (zone_hours > 23) {
        why = out_of_range("zone hour", zone_hours, "00-23", text);
        return false;
      }
      if (zone_minutes > 59) {
        why = out_of_range("zone minute", zone_minutes, "00-59", text);
        return false;
      }
      offset = (west ? -1 : 1) * (std::int64_t{zone_hours} * 3600 + std::int64_t{zone_minutes} * 60);
    }
    if (pos != text.size()) {
      why = expected_timestamp(text);
      return false;
    }
  }
  if (year < 1) {
    why = out_of_range("year", year, "0001-9999", text);
    return false;
  }
  if (month < 1 || month > 12) {
    why = out_of_range("month", month, "01-12", text);
    return false;
  }
  if (day < 1 || day > days_in_month(year, month)) {
    why = "day " + std::to_string(day) + " does not exist in month " + std::to_string(month) + " of " +
          std::to_string(year) + " in " + quote_for_message(text);
    return false;
  }
  if (hour > 23) {
    why = out_of_range("hour", hour, "00-23", text);
    return false;
  }
  if (minute > 59) {
    why = out_of_range("minute", minute, "00-59", text);
    return false;
  }
  if (second > 59) {
    why = out_of_range("second", second, "00-59", text);
    return false;
  }
  const std::int64_t seconds = days_from_civil(year, month, day) * seconds_per_day + std::int64_t{hour} * 3600 +
                               std::int64_t{minute} * 60 + second - offset;
  time = Timestamp{seconds, nanoseconds};
  return true;
}

// ---- aggregation ------------------------------------------------------------------

struct TieKey {
  std::uint32_t from;
  std::uint32_t to;
  std::uint32_t channel;
  friend bool operator==(const TieKey&, const TieKey&) = default;
};

// A tie being summed: sum = sum over its events of 2^(-(last - t)/half_life).
struct Accumulator {
  TieKey key{};
  std::uint32_t order = UINT32_MAX;  // rank of its first event among the ties; UINT32_MAX: free slot
  Timestamp last{};
  double sum = 0;
  std::size_t events = 0;
};

// The ties by (from, to, channel): open addressing with linear probing, the
// sums kept in the slots, so an event usually costs one cache miss here.
class TieTable {
 public:
  /// The tie of `key`; a new one (order = size() before the call, no events) if absent.
  Accumulator& find_or_insert(const TieKey& key) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    for (std::size_t s = hash(key) & mask_;; s = (s + 1) & mask_) {
      Accumulator& slot = slots_[s];
      if (slot.order == UINT32_MAX) {
        slot.key = key;
        slot.order = static_cast<std::uint32_t>(size_++);
        return slot;
      }
      if (slot.key == key) return slot;
    }
  }

  [[nodiscard]] std::size_t size() const noexcept { return size_; }

  /// The ties in the order of their first event.
  [[nodiscard]] std::vector<Accumulator> in_order() const {
    std::vector<Accumulator> out(size_);
    for (const Accumulator& slot : slots_) {
      if (slot.order != UINT32_MAX) out[slot.order] = slot;
    }
    return out;
  }

 private:
  static std::size_t hash(const TieKey& key) noexcept {
    std::uint64_t h = (static_cast<std::uint64_t>(key.from) << 32) | key.to;
    h ^= static_cast<std::uint64_t>(key.channel) * 0x9E3779B97F4A7C15ULL;
    h ^= h >> 31;
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 29;
    return static_cast<std::size_t>(h);
  }

  void grow() {
    std::vector<Accumulator> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Accumulator{});
    mask_ = slots_.size() - 1;
    for (const Accumulator& slot : old) {
      if (slot.order == UINT32_MAX) continue;
      std::size_t s = hash(slot.key) & mask_;
      while (slots_[s].order != UINT32_MAX) s = (s + 1) & mask_;
      slots_[s] = slot;
    }
  }

  std::vector<Accumulator> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

// Strings interned to dense indices (people ids, channels).
class Interner {
 public:
  std::uint32_t find(std::string_view text) const {
    return table_.find(text, detail::IdTable::tag_of(text),
                       [&](std::uint32_t i) -> std::string_view { return names_[i]; });
  }
  std::uint32_t intern(std::string_view text) {
    const std::uint32_t tag = detail::IdTable::tag_of(text);
    std::uint32_t index = table_.find(text, tag, [&](std::uint32_t i) -> std::string_view { return names_[i]; });
    if (index == detail::IdTable::not_found) {
      index = static_cast<std::uint32_t>(names_.size());
      names_.emplace_back(text);
      table_.insert(tag, index);
    }
    return index;
  }
  [[nodiscard]] const std::string& name(std::uint32_t i) const { return names_[i]; }

 private:
  std::vector<std::string> names_;
  detail::IdTable table_;
};

void check_options(const EventsOptions& options) {
  if (!(options.half_life > 0)) {
    throw invalid_argument("half_life must be > 0 seconds (or infinite for plain counts), got " +
                           format_number(options.half_life));
  }
  if (!(options.min_weight > 0) || !std::isfinite(options.min_weight)) {
    throw invalid_argument("min_weight must be finite and > 0, got " + format_number(options.min_weight));
  }
  if (options.default_channel.empty()) throw invalid_argument("default_channel cannot be empty");
  if (options.as_of && (options.as_of->nanoseconds < 0 || options.as_of->nanoseconds >= 1'000'000'000)) {
    throw invalid_argument("as_of nanoseconds must lie in [0, 1e9)");
  }
}

EventsIngestResult ingest(CsvStreamReader& reader, const EventsOptions& options) {
  const std::string& file = reader.source_name();
  detail::CsvHeader<CsvStreamReader> header(reader, "events");
  const EventColumns& columns = options.columns;
  const std::size_t from_column = header.find(columns.from, "from", true);
  const std::size_t to_column = header.find(columns.to, "to", true);
  const std::size_t time_column = header.find(columns.timestamp, "timestamp", true);
  const std::size_t channel_column = header.find(columns.channel, "channel", false);

  EventsIngestResult result;
  EventsReport& report = result.report;
  report.half_life = options.half_life;
  const double half_life = options.half_life;
  const bool decays = std::isfinite(half_life);

  Interner people;
  const bool restricted = options.people.has_value();
  if (restricted) {
    for (const std::string& id : *options.people) people.intern(id);
  }
  Interner channels;
  const std::uint32_t default_channel = channels.intern(options.default_channel);
  TieTable table;

  // First case of each skip reason, for the report.
  bool noted[4] = {false, false, false, false};
  const auto note = [&](int reason, std::size_t line, const std::string& what) {
    if (noted[reason]) return;
    noted[reason] = true;
    report.first_skipped.push_back(file + ":" + std::to_string(line) + ": " + what);
  };

  CsvRecord record;
  Timestamp time;
  std::string why;
  while (reader.next(record)) {
    detail::check_width(reader, record, header.size());
    ++report.events;
    const CsvField& time_field = record.fields[time_column];
    if (!parse_time(time_field.text, time, why)) throw invalid_argument(reader.location(time_field, "timestamp"), why);
    const std::string_view from = record.fields[from_column].text;
    const std::string_view to = record.fields[to_column].text;
    if (from.empty() || to.empty()) {
      ++report.empty_ids;
      note(0, record.line, std::string("empty '") + (from.empty() ? "from" : "to") + "' id");
      continue;
    }
    if (from == to) {
      ++report.self_events;
      note(1, record.line, "self-event of " + quote_for_message(from));
      continue;
    }
    std::uint32_t from_index = 0, to_index = 0;
    if (restricted) {
      from_index = people.find(from);
      to_index = people.find(to);
      if (from_index == detail::IdTable::not_found || to_index == detail::IdTable::not_found) {
        ++report.unknown_people;
        note(2, record.line,
             quote_for_message(from_index == detail::IdTable::not_found ? from : to) + " is not in the people list");
        continue;
      }
    }
    if (options.as_of && time > *options.as_of) {
      ++report.after_as_of;
      note(3, record.line,
           "event at " + format_timestamp(time) + " is after as_of " + format_timestamp(*options.as_of));
      continue;
    }
    if (!restricted) {
      from_index = people.intern(from);
      to_index = people.intern(to);
    }
    std::uint32_t channel = default_channel;
    if (channel_column != detail::absent && !record.fields[channel_column].text.empty()) {
      channel = channels.intern(record.fields[channel_column].text);
    }

    ++report.events_used;
    if (!report.first_event || time < *report.first_event) report.first_event = time;
    if (!report.last_event || time > *report.last_event) report.last_event = time;
    if (table.size() == UINT32_MAX - 1) throw invalid_argument(file + ": more than 2^32 - 2 distinct ties");
    Accumulator& tie = table.find_or_insert(TieKey{from_index, to_index, channel});
    if (tie.events++ == 0) {
      tie.last = time;
      tie.sum = 1.0;
      continue;
    }
    if (!decays) {
      tie.sum += 1.0;
      if (time > tie.last) tie.last = time;
    } else if (time <= tie.last) {
      tie.sum += std::exp2(-seconds_between(tie.last, time) / half_life);
    } else {
      tie.sum = tie.sum * std::exp2(-seconds_between(time, tie.last) / half_life) + 1.0;
      tie.last = time;
    }
  }
  report.bytes_read = reader.bytes_read();
  report.as_of = options.as_of ? options.as_of : report.last_event;

  std::vector<bool> in_ties;
  const std::vector<Accumulator> ties = table.in_order();
  result.ties.reserve(ties.size());
  for (const Accumulator& tie : ties) {
    double weight = tie.sum;
    if (decays) weight *= std::exp2(-seconds_between(*report.as_of, tie.last) / half_life);
    if (!(weight >= options.min_weight)) {
      ++report.ties_dropped;
      report.events_in_dropped_ties += tie.events;
      continue;
    }
    for (const std::uint32_t person : {tie.key.from, tie.key.to}) {
      if (person >= in_ties.size()) in_ties.resize(person + 1, false);
      if (!in_ties[person]) {
        in_ties[person] = true;
        ++report.people;
      }
    }
    result.ties.push_back(EventTie{people.name(tie.key.from), people.name(tie.key.to), channels.name(tie.key.channel),
                                   weight, tie.events, tie.last});
  }
  report.ties = result.ties.size();
  return result;
}

}  // namespace

Timestamp parse_timestamp(std::string_view text) {
  Timestamp time;
  std::string why;
  if (!parse_time(text, time, why)) throw invalid_argument(why);
  return time;
}

std::string format_timestamp(Timestamp time) {
  const std::int64_t days = (time.seconds >= 0 ? time.seconds : time.seconds - (seconds_per_day - 1)) / seconds_per_day;
  const std::int64_t second_of_day = time.seconds - days * seconds_per_day;
  const Civil date = civil_from_days(days);
  char buffer[64] = {};
  int length =
      std::snprintf(buffer, sizeof buffer, "%04lld-%02d-%02dT%02lld:%02lld:%02lld", static_cast<long long>(date.year),
                    date.month, date.day, static_cast<long long>(second_of_day / 3600),
                    static_cast<long long>(second_of_day / 60 % 60), static_cast<long long>(second_of_day % 60));
  std::string out(buffer, static_cast<std::size_t>(length));
  if (time.nanoseconds != 0) {
    length = std::snprintf(buffer, sizeof buffer, ".%09d", static_cast<int>(time.nanoseconds));
    std::string decimals(buffer, static_cast<std::size_t>(length));
    while (decimals.back() == '0') decimals.pop_back();
    out += decimals;
  }
  return out + "Z";
}

double epoch_seconds(Timestamp time) {
  return static_cast<double>(time.seconds) + static_cast<double>(time.nanoseconds) / 1e9;
}

double seconds_between(Timestamp later, Timestamp earlier) {
  std::int64_t seconds = later.seconds - earlier.seconds;
  std::int64_t nanoseconds = later.nanoseconds - earlier.nanoseconds;
  if (nanoseconds < 0) {
    seconds -= 1;
    nanoseconds += 1'000'000'000;
  }
  return static_cast<double>(seconds) + static_cast<double>(nanoseconds) / 1e9;
}

double parse_duration(std::string_view text) {
  if (text == "none" || text == "inf" || text == "infinite") return std::numeric_limits<double>::infinity();
  const std::string expected =
      "expected a duration > 0 such as 30d, 12h, 90m, 45s, 2w or a number of seconds (or 'none'), got " +
      quote_for_message(text);
  double unit = 1;
  std::string_view number = text;
  if (!number.empty()) {
    switch (number.back()) {
      case 's':
        unit = 1;
        break;
      case 'm':
        unit = 60;
        break;
      case 'h':
        unit = 3600;
        break;
      case 'd':
        unit = 86400;
        break;
      case 'w':
        unit = 7.0 * 86400;
        break;
      default:
        unit = 0;
    }
    if (unit != 0) number.remove_suffix(1);
    if (unit == 0) unit = 1;
  }
  double value = 0;
  const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (number.empty() || ec != std::errc() || end != number.data() + number.size() || !(value > 0) ||
      !std::isfinite(value * unit)) {
    throw invalid_argument(expected);
  }
  return value * unit;
}

EventsIngestResult ingest_events(const std::filesystem::path& path, const EventsOptions& options) {
  check_options(options);
  CsvStreamReader reader(path, options.dialect, options.chunk_size);
  return ingest(reader, options);
}

EventsIngestResult ingest_events(std::istream& in, const std::string& source_name, const EventsOptions& options) {
  check_options(options);
  CsvStreamReader reader(in, source_name, options.dialect, options.chunk_size);
  return ingest(reader, options);
}

void write_event_ties_csv(std::ostream& out, const std::vector<EventTie>& ties) {
  out << "source,target,relation,weight,events,last_event\n";
  for (const EventTie& tie : ties) {
    // A first field starting with '#' would read back as a comment line: quote it.
    std::string source = csv_field(tie.source);
    if (source.starts_with('#')) source = "\"" + source + "\"";
    out << source << ',' << csv_field(tie.target) << ',' << csv_field(tie.relation) << ',' << format_number(tie.weight)
        << ',' << tie.events << ',' << format_timestamp(tie.last_event) << '\n';
  }
}

}  // namespace orgnet
