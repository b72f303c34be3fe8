// Events ingest benchmarks: communication events (CSV text in memory) into
// decayed tie weights, and the streamed CSV tokenizer against the in-memory one.
//
// The log: 500 people writing to 20 contacts each on 3 channels (at most 30,000
// distinct ties), a year of timestamps, as epoch seconds or ISO 8601 with a
// zone. Counter `events_per_second` is the figure docs/benchmarks.md records.

#include <benchmark/benchmark.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "orgnet/detail/random.hpp"
#include "orgnet/io/csv_reader.hpp"
#include "orgnet/io/csv_stream.hpp"
#include "orgnet/io/events.hpp"

namespace {

const std::string& event_log(std::size_t events, bool iso) {
  static std::map<std::pair<std::size_t, bool>, std::string> cache;
  auto& text = cache[{events, iso}];
  if (!text.empty()) return text;
  orgnet::detail::SplitMix64 rng(42);
  std::vector<std::vector<std::size_t>> contacts(500);
  for (std::size_t p = 0; p < 500; ++p) {
    for (int k = 0; k < 20; ++k) contacts[p].push_back((p + 1 + rng.below(499)) % 500);
  }
  static const char* channels[] = {"email", "chat", "meeting"};
  text = "from,to,timestamp,channel\n";
  text.reserve(events * 72);
  for (std::size_t i = 0; i < events; ++i) {
    const std::size_t from = rng.below(500);
    const std::size_t to = contacts[from][rng.below(20)];
    const orgnet::Timestamp t{1'704'067'200 + static_cast<std::int64_t>(rng.below(365 * 86400)), 0};
    text += "person" + std::to_string(from) + "@example.com,person" + std::to_string(to) + "@example.com,";
    text += iso ? orgnet::format_timestamp(t) : std::to_string(t.seconds);
    text += ',';
    text += channels[rng.below(3)];
    text += '\n';
  }
  return text;
}

void BM_IngestEvents(benchmark::State& state) {
  const auto events = static_cast<std::size_t>(state.range(0));
  const bool iso = state.range(1) != 0;
  const std::string& text = event_log(events, iso);
  orgnet::EventsOptions options;
  options.half_life = 30 * 86400.0;
  std::size_t ties = 0;
  for (auto _ : state) {
    std::istringstream in(text);
    const auto result = orgnet::ingest_events(in, "events.csv", options);
    ties = result.ties.size();
    benchmark::DoNotOptimize(result.ties.data());
  }
  state.counters["ties"] = static_cast<double>(ties);
  state.counters["events_per_second"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsIterationInvariantRate);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_IngestEvents)
    ->ArgNames({"events", "iso"})
    ->Args({1'000'000, 0})
    ->Args({1'000'000, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The tokenizer alone: records of the same log, in memory and streamed in 1 MiB chunks.
void BM_CsvTokenize(benchmark::State& state) {
  const bool stream = state.range(0) != 0;
  const std::string& text = event_log(1'000'000, true);
  std::size_t records = 0;
  for (auto _ : state) {
    orgnet::CsvRecord record;
    records = 0;
    if (stream) {
      std::istringstream in(text);
      orgnet::CsvStreamReader reader(in, "events.csv");
      while (reader.next(record)) ++records;
    } else {
      orgnet::CsvReader reader(text, "events.csv");
      while (reader.next(record)) ++records;
    }
    benchmark::DoNotOptimize(records);
  }
  state.counters["records_per_second"] =
      benchmark::Counter(static_cast<double>(records), benchmark::Counter::kIsIterationInvariantRate);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_CsvTokenize)->ArgNames({"streamed"})->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
