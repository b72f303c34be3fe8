// io/events.hpp: communication events -> decayed tie weights. The public
// function is orgnet.ingest_events (orgnet/_ingest.py), which converts Python
// times and durations and builds the DataFrame; these are its C++ halves.

#include <cmath>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "common.hpp"

namespace orgnet::python {

namespace {

namespace fs = std::filesystem;

py::object time_or_none(const std::optional<Timestamp>& time) {
  return time ? py::object(py::str(format_timestamp(*time))) : py::object(py::none());
}

// (columns, report) as plain Python objects: the wrapper makes the DataFrame.
py::tuple to_python(const EventsIngestResult& result) {
  const std::size_t n = result.ties.size();
  py::list source(n), target(n), relation(n), last_event(n);
  py::array_t<double> weight(static_cast<py::ssize_t>(n));
  py::array_t<std::int64_t> events(static_cast<py::ssize_t>(n));
  auto w = weight.mutable_unchecked<1>();
  auto e = events.mutable_unchecked<1>();
  for (std::size_t k = 0; k < n; ++k) {
    const EventTie& tie = result.ties[k];
    source[k] = py::str(tie.source);
    target[k] = py::str(tie.target);
    relation[k] = py::str(tie.relation);
    last_event[k] = py::str(format_timestamp(tie.last_event));
    w(static_cast<py::ssize_t>(k)) = tie.weight;
    e(static_cast<py::ssize_t>(k)) = static_cast<std::int64_t>(tie.events);
  }
  py::dict columns;
  columns["source"] = source;
  columns["target"] = target;
  columns["relation"] = relation;
  columns["weight"] = weight;
  columns["events"] = events;
  columns["last_event"] = last_event;

  const EventsReport& r = result.report;
  py::dict report;
  report["events"] = r.events;
  report["events_used"] = r.events_used;
  report["empty_ids"] = r.empty_ids;
  report["self_events"] = r.self_events;
  report["unknown_people"] = r.unknown_people;
  report["after_as_of"] = r.after_as_of;
  report["ties"] = r.ties;
  report["ties_dropped"] = r.ties_dropped;
  report["events_in_dropped_ties"] = r.events_in_dropped_ties;
  report["people"] = r.people;
  report["first_event"] = time_or_none(r.first_event);
  report["last_event"] = time_or_none(r.last_event);
  report["as_of"] = time_or_none(r.as_of);
  report["half_life_seconds"] = r.half_life;
  report["bytes_read"] = r.bytes_read;
  report["first_skipped"] = r.first_skipped;
  return py::make_tuple(columns, report);
}

EventsOptions events_options(double half_life, const std::optional<std::string>& as_of,
                             const std::optional<std::vector<std::string>>& people, const std::string& from_col,
                             const std::string& to_col, const std::string& timestamp_col,
                             const std::optional<std::string>& channel_col, const std::string& default_channel,
                             const std::string& delimiter, std::optional<double> min_weight, std::size_t chunk_size) {
  EventsOptions o;
  if (delimiter.size() != 1) throw invalid_argument("delimiter must be one character, got '" + delimiter + "'");
  o.dialect.delimiter = delimiter[0];
  o.columns = {from_col, to_col, timestamp_col, channel_col.value_or("")};
  o.default_channel = default_channel;
  o.half_life = half_life;
  if (as_of) o.as_of = parse_timestamp(*as_of);
  o.people = people;
  if (min_weight) o.min_weight = *min_weight;
  o.chunk_size = chunk_size;
  return o;
}

}  // namespace

void bind_ingest(py::module_& m) {
  const EventsOptions defaults;
  m.def("_parse_duration", &parse_duration, py::arg("text"),
        "Seconds of a duration such as '30d' (see ingest_events).");
  m.def(
      "_parse_timestamp",
      [](const std::string& text) {
        const Timestamp t = parse_timestamp(text);
        return py::make_tuple(t.seconds, t.nanoseconds);
      },
      py::arg("text"), "(seconds, nanoseconds) since the Unix epoch of an ISO 8601 or epoch timestamp.");
  m.def(
      "_ingest_events",
      [](py::object source, bool is_text, double half_life, std::optional<std::string> as_of,
         std::optional<std::vector<std::string>> people, const std::string& from_col, const std::string& to_col,
         const std::string& timestamp_col, std::optional<std::string> channel_col, const std::string& default_channel,
         const std::string& delimiter, std::optional<double> min_weight, std::size_t chunk_size,
         const std::string& source_name) {
        const EventsOptions options = events_options(half_life, as_of, people, from_col, to_col, timestamp_col,
                                                     channel_col, default_channel, delimiter, min_weight, chunk_size);
        EventsIngestResult result;
        if (is_text) {
          const std::string text = source.cast<std::string>();
          ReleaseGil release;
          std::istringstream in(text);
          result = ingest_events(in, source_name, options);
        } else {
          const fs::path path = source.cast<fs::path>();
          ReleaseGil release;
          result = ingest_events(path, options);
        }
        return to_python(result);
      },
      py::arg("source"), py::arg("is_text"), py::arg("half_life"), py::arg("as_of"), py::arg("people"),
      py::arg("from_col") = defaults.columns.from, py::arg("to_col") = defaults.columns.to,
      py::arg("timestamp_col") = defaults.columns.timestamp, py::arg("channel_col") = defaults.columns.channel,
      py::arg("default_channel") = defaults.default_channel, py::arg("delimiter") = ",",
      py::arg("min_weight") = py::none(), py::arg("chunk_size") = defaults.chunk_size,
      py::arg("source_name") = "<events>", "C++ half of orgnet.ingest_events: (columns dict, report dict).");
}

}  // namespace orgnet::python
