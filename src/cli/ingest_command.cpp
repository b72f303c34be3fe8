// orgnet ingest: communication events (from, to, timestamp, channel) -> a ties
// CSV with exponentially decayed weights. The events are streamed: a log of any
// size, a FIFO or standard input ("-") takes memory for its distinct ties only.

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "orgnet/error.hpp"
#include "orgnet/io/csv.hpp"
#include "orgnet/io/csv_writer.hpp"
#include "orgnet/io/events.hpp"
#include "orgnet/io/json_writer.hpp"

namespace orgnet::cli {

namespace {

struct IngestOptions {
  std::string events;
  std::string half_life = "none";
  std::string as_of;
  std::string people;
  std::string id_col = "id";
  std::string from_col = "from";
  std::string to_col = "to";
  std::string time_col = "timestamp";
  std::string channel_col = "channel";
  std::string default_channel = "communication";
  std::string delimiter = ",";
  double min_weight = 0;
  std::string out = "-";
  std::string format = "csv";
  bool quiet = false;
};

char delimiter_of(const std::string& text) {
  if (text == "\\t" || text == "tab") return '\t';
  if (text.size() != 1) throw invalid_argument("--delimiter must be one character (or 'tab'), got '" + text + "'");
  return text[0];
}

// The ids of a people CSV (validated as orgnet validates any people file).
std::vector<std::string> people_ids(const IngestOptions& options, char delimiter) {
  CsvOptions csv;
  csv.dialect.delimiter = delimiter;
  csv.people.id = options.id_col;
  GraphBuilder builder(csv.build);
  read_people_csv(builder, read_text_file(options.people), options.people, csv);
  const InfluenceGraph graph = std::move(builder).build();
  std::vector<std::string> ids;
  ids.reserve(graph.num_vertices());
  for (vertex_id v = 0; v < graph.num_vertices(); ++v) ids.push_back(graph.id(v));
  return ids;
}

void write_json(std::ostream& out, const EventsIngestResult& result) {
  const EventsReport& r = result.report;
  JsonWriter json(out);
  const auto time = [&](const char* name, const std::optional<Timestamp>& t) {
    if (t) {
      json.field(name, format_timestamp(*t));
    } else {
      json.key(name).null();
    }
  };
  json.begin_object().key("report").begin_object();
  json.field("events", r.events).field("events_used", r.events_used).field("empty_ids", r.empty_ids);
  json.field("self_events", r.self_events).field("unknown_people", r.unknown_people);
  json.field("after_as_of", r.after_as_of).field("ties", r.ties).field("ties_dropped", r.ties_dropped);
  json.field("events_in_dropped_ties", r.events_in_dropped_ties).field("people", r.people);
  time("first_event", r.first_event);
  time("last_event", r.last_event);
  time("as_of", r.as_of);
  json.field("half_life_seconds", r.half_life).field("bytes_read", r.bytes_read);
  json.key("first_skipped").begin_array();
  for (const std::string& note : r.first_skipped) json.value(note);
  json.end_array().end_object();
  json.key("ties").begin_array();
  for (const EventTie& tie : result.ties) {
    json.begin_object().field("source", tie.source).field("target", tie.target).field("relation", tie.relation);
    json.field("weight", tie.weight).field("events", tie.events).field("last_event", format_timestamp(tie.last_event));
    json.end_object();
  }
  json.end_array().end_object();
  out << '\n';
}

std::string duration_text(double seconds) {
  if (!std::isfinite(seconds)) return "none (plain counts)";
  return format_number(seconds / 86400) + " days";
}

void print_summary(const EventsIngestResult& result) {
  const EventsReport& r = result.report;
  std::ostringstream s;
  s << "orgnet ingest: " << r.events << " events (" << r.bytes_read << " bytes) -> " << r.ties << " ties between "
    << r.people << " people\n";
  s << "  time span: " << (r.first_event ? format_timestamp(*r.first_event) : "-") << " to "
    << (r.last_event ? format_timestamp(*r.last_event) : "-")
    << "; as of: " << (r.as_of ? format_timestamp(*r.as_of) : "-") << "; half-life: " << duration_text(r.half_life)
    << '\n';
  s << "  skipped events: " << r.empty_ids << " with an empty id, " << r.self_events << " self-events, "
    << r.unknown_people << " naming people not in the people file, " << r.after_as_of << " after as-of\n";
  s << "  dropped ties: " << r.ties_dropped << " below the minimum weight (" << r.events_in_dropped_ties
    << " events)\n";
  for (const std::string& note : r.first_skipped) s << "  first skipped: " << note << '\n';
  std::cerr << s.str();
}

}  // namespace

void register_ingest(CLI::App& app) {
  auto options = std::make_shared<IngestOptions>();
  CLI::App* command = app.add_subcommand(
      "ingest",
      "Aggregate communication events (from, to, timestamp, channel) into a ties CSV with time-decayed weights: "
      "weight = sum over events of 2^(-(as_of - t) / half_life). Streams the events (a FIFO or '-' works) in "
      "memory bounded by the distinct ties.");
  command->add_option("--events", options->events, "Events CSV file, or - for standard input")->required();
  command
      ->add_option("--half-life", options->half_life,
                   "Half-life of an event's weight: 30d, 12h, 90m, 45s, 2w, seconds, or none (plain counts)")
      ->capture_default_str();
  command->add_option("--as-of", options->as_of,
                      "Reference time (ISO 8601 or epoch seconds); later events are skipped. Default: the latest "
                      "event");
  command->add_option("--people", options->people,
                      "People CSV: use only events between these people (the others are counted)");
  command->add_option("--id-col", options->id_col, "Id column of the people file")->capture_default_str();
  command->add_option("--from-col", options->from_col, "Sender column")->capture_default_str();
  command->add_option("--to-col", options->to_col, "Recipient column")->capture_default_str();
  command->add_option("--time-col", options->time_col, "Timestamp column")->capture_default_str();
  command->add_option("--channel-col", options->channel_col, "Channel column (optional; '' = ignore)")
      ->capture_default_str();
  command->add_option("--default-channel", options->default_channel, "Relation of events without a channel")
      ->capture_default_str();
  command->add_option("--delimiter", options->delimiter, "Field delimiter of the CSV files (or 'tab')")
      ->capture_default_str();
  command->add_option("--min-weight", options->min_weight,
                      "Drop ties lighter than this (default: only weights that would underflow)");
  command->add_option("--out,-o", options->out, "Ties CSV to write, or - for standard output")->capture_default_str();
  command->add_option("--format", options->format, "Output: csv (a ties file) or json (ties and report)")
      ->capture_default_str();
  command->add_flag("--quiet,-q", options->quiet, "No summary on standard error");

  on_run(command, [options] {
    if (options->format != "csv" && options->format != "json") {
      throw invalid_argument("--format must be csv or json, got '" + options->format + "'");
    }
    EventsOptions events;
    events.dialect.delimiter = delimiter_of(options->delimiter);
    events.columns = {options->from_col, options->to_col, options->time_col, options->channel_col};
    events.default_channel = options->default_channel;
    events.half_life = parse_duration(options->half_life);
    if (!options->as_of.empty()) events.as_of = parse_timestamp(options->as_of);
    if (options->min_weight != 0) events.min_weight = options->min_weight;
    if (!options->people.empty()) events.people = people_ids(*options, events.dialect.delimiter);

    const EventsIngestResult result =
        options->events == "-" ? ingest_events(std::cin, "<stdin>", events) : ingest_events(options->events, events);

    std::ofstream file;
    if (options->out != "-") {
      file.open(options->out, std::ios::binary);
      if (!file) throw invalid_argument(options->out + ": cannot open for writing");
    }
    std::ostream& out = options->out == "-" ? std::cout : file;
    if (options->format == "json") {
      write_json(out, result);
    } else {
      write_event_ties_csv(out, result.ties);
    }
    out.flush();
    if (!out)
      throw invalid_argument(options->out == "-" ? "cannot write to standard output" : options->out + ": cannot write");
    if (!options->quiet) print_summary(result);
  });
}

}  // namespace orgnet::cli
