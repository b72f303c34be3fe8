// libFuzzer target: a communication-events CSV (orgnet::ingest_events). The
// first two bytes choose the options (chunk size, half-life, as_of, people
// list, channel column); the rest is the file. An ingest either throws
// orgnet::invalid_argument or returns a consistent result:
//   * every tie has non-empty, distinct endpoints, a non-empty relation, a
//     finite weight >= min_weight > 0, at least one event, and no two ties share
//     (source, target, relation);
//   * the report adds up: events = used + every skip reason, used = the ties'
//     events + the events of dropped ties, ties = the ties returned;
//   * times are ordered: first_event <= last event of each tie <= as_of;
//   * the result (or the error message) is the same with the whole text in one chunk.
// Anything else (another exception, a crash, undefined behaviour) is a finding.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>

#include "orgnet/error.hpp"
#include "orgnet/io/events.hpp"

namespace {

void require(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "events invariant violated: %s\n", what);
    std::abort();
  }
}

// The outcome as text: every tie and report field, or the error message.
std::string outcome(const std::string& text, const orgnet::EventsOptions& options) {
  try {
    std::istringstream in(text);
    const orgnet::EventsIngestResult result = orgnet::ingest_events(in, "events.csv", options);
    const orgnet::EventsReport& r = result.report;
    std::set<std::tuple<std::string, std::string, std::string>> keys;
    std::size_t tie_events = 0;
    for (const orgnet::EventTie& tie : result.ties) {
      require(!tie.source.empty() && !tie.target.empty() && tie.source != tie.target, "tie endpoints");
      require(!tie.relation.empty(), "tie relation");
      require(std::isfinite(tie.weight) && tie.weight > 0 && tie.weight >= options.min_weight, "tie weight");
      require(tie.events > 0, "tie events");
      require(keys.emplace(tie.source, tie.target, tie.relation).second, "duplicate tie");
      require(r.first_event && *r.first_event <= tie.last_event && tie.last_event <= *r.last_event, "tie time");
      require(r.as_of && tie.last_event <= *r.as_of, "tie after as_of");
      if (!std::isfinite(options.half_life)) require(tie.weight == static_cast<double>(tie.events), "plain count");
      tie_events += tie.events;
    }
    require(r.events == r.events_used + r.empty_ids + r.self_events + r.unknown_people + r.after_as_of,
            "events add up");
    require(r.events_used == tie_events + r.events_in_dropped_ties, "used events add up");
    require(r.ties == result.ties.size(), "tie count");
    require(r.ties_dropped <= r.events_in_dropped_ties, "dropped ties have events");
    require(r.first_skipped.size() <= 4, "one note per reason");
    require(r.bytes_read == text.size(), "bytes read");
    std::string out;
    for (const orgnet::EventTie& tie : result.ties) {
      out += tie.source + '\n' + tie.target + '\n' + tie.relation + '\n' + std::to_string(tie.weight) + '\n' +
             std::to_string(tie.events) + '\n';
    }
    return out + std::to_string(r.events) + ' ' + std::to_string(r.events_used) + ' ' + std::to_string(r.ties_dropped);
  } catch (const orgnet::invalid_argument& e) {
    return std::string("error: ") + e.what();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const unsigned char a = data[0], b = data[1];
  const std::string text(reinterpret_cast<const char*>(data) + 2, size - 2);

  orgnet::EventsOptions options;
  options.chunk_size = 1 + (a & 0x1F);
  static constexpr double half_lives[4] = {HUGE_VAL, 1.0, 86400.0, 1e-9};
  options.half_life = half_lives[(a >> 5) & 3];
  if (a & 0x80) options.as_of = orgnet::Timestamp{static_cast<std::int64_t>(b) * 1'000'000'000 / 4, 0};
  if (b & 1) options.people = std::vector<std::string>{"a", "b", "c", "\xC3\xA9"};
  if (b & 2) options.columns.channel.clear();
  if (b & 4) options.min_weight = 0.25;

  const std::string chunked = outcome(text, options);
  options.chunk_size = text.size() + 1;  // the whole text in one chunk
  const std::string whole = outcome(text, options);
  require(chunked == whole, "the outcome depends on the chunk size");
  return 0;
}
