// The extension module orgnet._orgnet: enums, argument conversion shared by
// the other binding files, logging, and the registration of every concern.
//
// Errors: orgnet::invalid_argument derives from std::invalid_argument and
// orgnet::out_of_range from std::out_of_range, so pybind11's standard
// translation raises ValueError and IndexError with the C++ message unchanged.

#include <functional>
#include <limits>
#include <string>

#include "common.hpp"

namespace orgnet::python {

// ---- argument conversion -----------------------------------------------------------

InfluenceDirection direction_arg(py::handle value, const char* argument) {
  return enum_arg<InfluenceDirection>(value, parse_influence_direction, argument, "InfluenceDirection");
}
StrengthRule strength_rule_arg(py::handle value, const char* argument) {
  return enum_arg<StrengthRule>(value, parse_strength_rule, argument, "StrengthRule");
}
DistanceTransform distance_transform_arg(py::handle value, const char* argument) {
  return enum_arg<DistanceTransform>(value, parse_distance_transform, argument, "DistanceTransform");
}
OutputFormat output_format_arg(py::handle value, const char* argument) {
  return enum_arg<OutputFormat>(value, parse_output_format, argument, "OutputFormat");
}
LogLevel log_level_arg(py::handle value, const char* argument) {
  return enum_arg<LogLevel>(value, parse_log_level, argument, "LogLevel");
}

RelationSpec relation_spec_arg(py::handle value, const std::string& argument) {
  if (py::isinstance<RelationSpec>(value)) return value.cast<RelationSpec>();
  if (py::isinstance<py::str>(value)) return parse_relation_spec(value.cast<std::string>());
  if (py::isinstance<InfluenceDirection>(value)) return RelationSpec{.direction = value.cast<InfluenceDirection>()};
  if (py::isinstance<py::tuple>(value) || py::isinstance<py::list>(value)) {
    auto items = py::reinterpret_borrow<py::sequence>(value);
    if (items.size() >= 1 && items.size() <= 3) {
      RelationSpec spec;
      spec.direction = direction_arg(items[0], argument.c_str());
      if (items.size() >= 2) spec.strength = strength_rule_arg(items[1], argument.c_str());
      if (items.size() == 3) spec.scale = items[2].cast<double>();
      return spec;
    }
  }
  throw py::type_error(argument +
                       ": expected a RelationSpec, a string 'direction[,rule[,scale]]', an InfluenceDirection or a "
                       "(direction, rule[, scale]) tuple, got " +
                       type_name(value));
}

RelationMap relation_map_arg(py::handle relations, const char* argument) {
  if (relations.is_none()) return RelationMap::defaults();
  if (py::isinstance<RelationMap>(relations)) return relations.cast<RelationMap>();
  if (py::isinstance<py::dict>(relations) || py::hasattr(relations, "items")) {
    RelationMap map = RelationMap::defaults();
    for (auto item : relations.attr("items")()) {
      auto pair = py::reinterpret_borrow<py::tuple>(item);
      if (!py::isinstance<py::str>(pair[0])) {
        throw py::type_error(std::string(argument) + ": relation names must be str, got " + type_name(pair[0]));
      }
      auto name = pair[0].cast<std::string>();
      map.set(name, relation_spec_arg(pair[1], std::string(argument) + "['" + name + "']"));
    }
    return map;
  }
  throw py::type_error(std::string(argument) + ": expected None, a dict {relation: spec} or a RelationMap, got " +
                       type_name(relations));
}

BuildOptions build_options_arg(py::handle relations, bool strict_relations, bool create_missing,
                               std::string hierarchy_relation, const char* relations_argument) {
  BuildOptions build;
  build.relations = relation_map_arg(relations, relations_argument);
  if (strict_relations) build.relations.set_fallback(std::nullopt);
  if (create_missing) build.unknown_people = UnknownPersonPolicy::create;
  build.hierarchy_relation = std::move(hierarchy_relation);
  return build;
}

vertex_id vertex_arg(const InfluenceGraph& graph, std::int64_t v) {
  if (v < 0 || static_cast<std::uint64_t>(v) >= graph.num_vertices()) {
    throw out_of_range("vertex " + std::to_string(v) + " is out of range (graph has " +
                       std::to_string(graph.num_vertices()) + " people)");
  }
  return static_cast<vertex_id>(v);
}

std::vector<double> per_person_arg(const InfluenceGraph& graph, py::handle value, const char* function,
                                   const char* argument, bool require_all) {
  const std::size_t n = graph.num_vertices();
  if (py::isinstance<py::dict>(value)) {
    std::vector<double> out(n, 0.0);
    std::vector<char> seen(n, 0);
    for (auto item : py::reinterpret_borrow<py::dict>(value)) {
      if (!py::isinstance<py::str>(item.first)) {
        throw py::type_error(std::string(function) + ": " + argument + " keys must be person ids (str), got " +
                             type_name(item.first));
      }
      const auto person = item.first.cast<std::string>();
      const auto found = graph.find(person);
      if (!found) {
        throw out_of_range(std::string(function) + ": " + argument + ": unknown person id '" + person + "'");
      }
      const vertex_id v = *found;
      out[v] = py::cast<double>(py::float_(py::reinterpret_borrow<py::object>(item.second)));
      seen[v] = 1;
    }
    if (require_all) {
      for (vertex_id v = 0; v < n; ++v) {
        if (!seen[v]) {
          throw invalid_argument(std::string(function) + ": " + argument + " has no value for person '" + graph.id(v) +
                                 "' (a dict must name every person)");
        }
      }
    }
    return out;
  }
  auto array = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(value);
  if (!array) {
    throw py::type_error(std::string(function) + ": " + argument +
                         " must be a 1-d array of numbers or a dict {person_id: value}, got " + type_name(value));
  }
  if (array.ndim() != 1) {
    throw invalid_argument(std::string(function) + ": " + argument + " must be 1-dimensional, got " +
                           std::to_string(array.ndim()) + " dimensions");
  }
  return std::vector<double>(array.data(), array.data() + array.size());
}

// ---- logging -------------------------------------------------------------------------

namespace {

// Whether a Python callback is installed; it is removed at interpreter exit,
// before the objects it refers to disappear.
bool python_callback_installed = false;

/// `callback`, checked to be callable, kept for calls from C++. The last copy
/// may go on a thread that does not hold the GIL (a task still running when
/// the callback is replaced): the object is released with the GIL taken.
std::shared_ptr<py::object> held_callable(py::object callback, const char* function) {
  if (!PyCallable_Check(callback.ptr())) {
    throw py::type_error(std::string(function) + ": expected a callable or None, got " + type_name(callback));
  }
  return {new py::object(std::move(callback)), [](py::object* p) {
            py::gil_scoped_acquire gil;
            delete p;
          }};
}

void clear_python_callback() {
  if (python_callback_installed) {
    set_log_callback({});
    python_callback_installed = false;
  }
}

}  // namespace

void bind_logging(py::module_& m) {
  py::enum_<LogLevel>(m, "LogLevel", "Severity of log messages; ``off`` silences orgnet (the default).")
      .value("trace", LogLevel::trace)
      .value("debug", LogLevel::debug)
      .value("info", LogLevel::info)
      .value("warn", LogLevel::warn)
      .value("error", LogLevel::error)
      .value("off", LogLevel::off);

  m.def(
      "set_log_level", [](py::object level) { set_log_level(log_level_arg(level)); }, py::arg("level"),
      R"doc(Drop log messages below ``level``.

Parameters
----------
level : LogLevel or str
    "trace", "debug", "info", "warn", "error" or "off" (the default: orgnet is
    silent unless asked).)doc");
  m.def("log_level", &log_level, "The current log level.");
  m.def(
      "set_log_callback",
      [](py::object callback) {
        if (callback.is_none()) {
          clear_python_callback();
          return;
        }
        // The std::function may be called from worker threads that do not hold
        // the GIL; it takes the GIL for the call.
        auto holder = held_callable(std::move(callback), "set_log_callback");
        set_log_callback([holder](LogLevel level, std::string_view message) {
          py::gil_scoped_acquire gil;
          try {
            (*holder)(py::cast(level), py::str(message.data(), message.size()));
          } catch (py::error_already_set& e) {
            e.discard_as_unraisable("orgnet log callback");
          }
        });
        python_callback_installed = true;
      },
      py::arg("callback"),
      R"doc(Send log messages to ``callback(level, message)`` instead of stderr.

Parameters
----------
callback : callable or None
    Called with a LogLevel and the message text; None restores stderr. The
    level set by :func:`set_log_level` still filters messages.)doc");
  py::module_::import("atexit").attr("register")(py::cpp_function(&clear_python_callback));
}

// ---- progress ------------------------------------------------------------------------

namespace {

bool python_progress_installed = false;

void clear_python_progress() {
  if (python_progress_installed) {
    set_progress_callback({});
    python_progress_installed = false;
  }
}

}  // namespace

void bind_progress(py::module_& m) {
  m.def(
      "set_progress_callback",
      [](py::object callback) {
        if (callback.is_none()) {
          clear_python_progress();
          return;
        }
        auto holder = held_callable(std::move(callback), "set_progress_callback");
        set_progress_callback([holder](const ProgressEvent& event) {
          // Only the thread that runs the call (it holds the GIL or released
          // it in ReleaseGil) takes the GIL; a worker thread's report is
          // dropped, as thinned reports are: the caller of a computation that
          // kept the GIL may be waiting for that very worker.
          if (!PyGILState_Check() && !computing_without_gil) return;
          py::gil_scoped_acquire gil;
          try {
            (*holder)(py::str(event.task.data(), event.task.size()), event.done, event.total);
          } catch (py::error_already_set& e) {
            e.discard_as_unraisable("orgnet progress callback");
          }
        });
        python_progress_installed = true;
      },
      py::arg("callback"),
      R"doc(Report the progress of long computations to ``callback(task, done, total)``.

Parameters
----------
callback : callable or None
    Called with the task's name (e.g. "betweenness"), the items done and the
    items in the task; None turns progress off (the default). Calls come at
    most about five times a second per task, plus one at the start
    (done = 0) and one at the end (done = total), on the thread that called
    orgnet. Reports that fall to orgnet's worker threads are skipped, so a
    parallel task may report less often. An exception the callback raises
    goes to ``sys.unraisablehook`` and does not stop the computation.

Which computations report: exact betweenness of people and of ties,
closeness and harmonic closeness, approximate betweenness, Monte Carlo
spread, and the reverse-reachable sets of IMM and the win-over plan.)doc");
  py::module_::import("atexit").attr("register")(py::cpp_function(&clear_python_progress));
}

}  // namespace orgnet::python

namespace py = pybind11;
using namespace orgnet;

PYBIND11_MODULE(_orgnet, m) {
  m.doc() = "orgnet: organizational network analysis (C++ core). Import the `orgnet` package instead.";
  m.attr("__version__") = config::version;

  py::enum_<InfluenceDirection>(m, "InfluenceDirection", "Direction of influence relative to a tie source -> target.")
      .value("source_to_target", InfluenceDirection::source_to_target,
             "The source influences the target (email: the sender informs).")
      .value("target_to_source", InfluenceDirection::target_to_source,
             "The target influences the source (advice: the adviser sways the asker).")
      .value("both", InfluenceDirection::both, "Each influences the other (cowork).");
  py::enum_<StrengthRule>(m, "StrengthRule", "How a raw tie weight becomes a strength in (0, 1].")
      .value("as_is", StrengthRule::as_is, "s = w; the weight must already lie in (0, 1].")
      .value("scale_by_max", StrengthRule::scale_by_max, "s = w / max w over the ties of the relation.")
      .value("weighted_cascade", StrengthRule::weighted_cascade,
             "s(u, v) = w(u, v) / sum_x w(x, v) over the ties of the relation that influence v.");
  py::enum_<DistanceTransform>(m, "DistanceTransform", "How strengths become lengths for path-based measures.")
      .value("neg_log", DistanceTransform::neg_log, "d = -ln s: the shortest path is the most probable chain.")
      .value("inverse", DistanceTransform::inverse, "d = 1 / s.")
      .value("hops", DistanceTransform::hops, "d = 1: every tie is one step.");
  py::enum_<UnknownPersonPolicy>(m, "UnknownPersonPolicy", "What to do with a tie naming a person never added.")
      .value("error", UnknownPersonPolicy::error, "Reject the tie, naming the id and its location.")
      .value("create", UnknownPersonPolicy::create, "Add a person with that id and no attributes.");
  py::enum_<OutputFormat>(m, "OutputFormat", "Output formats of results.")
      .value("table", OutputFormat::table, "Aligned text for people to read.")
      .value("json", OutputFormat::json, "One JSON document; NaN and infinities are written as null.")
      .value("csv", OutputFormat::csv, "RFC 4180, with a header line.");

  orgnet::python::bind_logging(m);
  orgnet::python::bind_progress(m);
  orgnet::python::bind_model(m);
  orgnet::python::bind_io(m);
  orgnet::python::bind_structure(m);
  orgnet::python::bind_centrality_paths(m);
  orgnet::python::bind_centrality_spectral(m);
  orgnet::python::bind_centrality_table(m);
  orgnet::python::bind_bottleneck(m);
  orgnet::python::bind_report(m);
  orgnet::python::bind_diffusion(m);
  orgnet::python::bind_persuasion(m);
  orgnet::python::bind_network_plan(m);
  orgnet::python::bind_ingest(m);
}
