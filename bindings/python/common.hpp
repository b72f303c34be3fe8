#pragma once
// Shared helpers of the Python bindings: NumPy views, argument conversion
// (enums given as members or as strings, relation specs and maps given as
// strings, dicts or objects) and the per-concern registration functions.

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "orgnet/orgnet.hpp"

namespace orgnet::python {

namespace py = pybind11;

// ---- registration, one function per source file (module.cpp calls them) ------
void bind_logging(py::module_& m);
void bind_progress(py::module_& m);  // module.cpp
void bind_model(py::module_& m);
void bind_io(py::module_& m);
void bind_structure(py::module_& m);
void bind_report(py::module_& m);
void bind_centrality_paths(py::module_& m);     // centrality_paths.cpp
void bind_centrality_spectral(py::module_& m);  // centrality_spectral.cpp
void bind_centrality_table(py::module_& m);     // centrality_table.cpp
void bind_bottleneck(py::module_& m);           // bottleneck.cpp
void bind_diffusion(py::module_& m);            // diffusion.cpp
void bind_persuasion(py::module_& m);           // persuasion.cpp
void bind_network_plan(py::module_& m);         // network_plan.cpp
void bind_ingest(py::module_& m);               // ingest.cpp

// ---- the GIL -------------------------------------------------------------------

/// True on a thread while a binding runs a computation there with the GIL
/// released (ReleaseGil). A progress callback (module.cpp) takes the GIL back
/// only on such a thread or one that holds it; orgnet's worker threads never
/// wait for it, so a computation that kept the GIL cannot deadlock.
inline thread_local bool computing_without_gil = false;

/// Releases the GIL for the scope and marks the thread (see above).
class ReleaseGil {
 public:
  ReleaseGil() : previous_(computing_without_gil) { computing_without_gil = true; }
  ~ReleaseGil() { computing_without_gil = previous_; }  // then release_ takes the GIL back
  ReleaseGil(const ReleaseGil&) = delete;
  ReleaseGil& operator=(const ReleaseGil&) = delete;

 private:
  bool previous_;
  py::gil_scoped_release release_;
};

// ---- NumPy ---------------------------------------------------------------------

/// Marks `array` read-only.
inline void make_readonly(py::array& array) {
  auto* proxy = py::detail::array_proxy(array.ptr());
  proxy->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
}

/// A read-only NumPy view of `data` (no copy); `owner` keeps the memory alive.
template <class T>
py::array readonly_view(std::span<const T> data, py::handle owner) {
  if (data.empty()) {
    py::array empty(py::dtype::of<T>(), std::vector<py::ssize_t>{0});
    make_readonly(empty);
    return empty;
  }
  py::array view(py::dtype::of<T>(), std::vector<py::ssize_t>{static_cast<py::ssize_t>(data.size())},
                 std::vector<py::ssize_t>{static_cast<py::ssize_t>(sizeof(T))}, data.data(), owner);
  make_readonly(view);
  return view;
}

/// A read-only strided view of one member of an array of structs.
template <class Member, class Struct>
py::array readonly_member_view(std::span<const Struct> records, Member Struct::*member, py::handle owner) {
  if (records.empty()) {
    py::array empty(py::dtype::of<Member>(), std::vector<py::ssize_t>{0});
    make_readonly(empty);
    return empty;
  }
  py::array view(py::dtype::of<Member>(), std::vector<py::ssize_t>{static_cast<py::ssize_t>(records.size())},
                 std::vector<py::ssize_t>{static_cast<py::ssize_t>(sizeof(Struct))}, &(records.data()->*member), owner);
  make_readonly(view);
  return view;
}

/// A NumPy array that takes ownership of `values` (no copy).
template <class T>
py::array_t<T> to_array(std::vector<T>&& values) {
  auto* heap = new std::vector<T>(std::move(values));
  py::capsule owner(heap, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  return py::array_t<T>(static_cast<py::ssize_t>(heap->size()), heap->data(), owner);
}

// ---- arguments -------------------------------------------------------------------

/// Name of the Python type of `value`, for error messages.
inline std::string type_name(py::handle value) {
  return py::str(py::type::handle_of(value).attr("__name__")).cast<std::string>();
}

/// An enum argument given as a member of the enum or as its name.
template <class Enum, class Parse>
Enum enum_arg(py::handle value, Parse parse, const char* argument, const char* enum_name) {
  if (py::isinstance<py::str>(value)) return parse(value.cast<std::string>());
  if (py::isinstance<Enum>(value)) return value.cast<Enum>();
  throw py::type_error(std::string(argument) + ": expected " + enum_name + " or str, got " + type_name(value));
}

InfluenceDirection direction_arg(py::handle value, const char* argument = "direction");
StrengthRule strength_rule_arg(py::handle value, const char* argument = "strength");
DistanceTransform distance_transform_arg(py::handle value, const char* argument = "transform");
OutputFormat output_format_arg(py::handle value, const char* argument = "format");
LogLevel log_level_arg(py::handle value, const char* argument = "level");

/// A relation spec given as a RelationSpec, a string "direction[,rule[,scale]]", an
/// InfluenceDirection (rule: weighted cascade) or a (direction, rule) pair.
RelationSpec relation_spec_arg(py::handle value, const std::string& argument);

/// The `relations` argument of the loaders: None (the defaults), a RelationMap
/// (used as is) or a mapping name -> spec that overrides entries of the defaults.
RelationMap relation_map_arg(py::handle relations, const char* argument = "relations");

/// BuildOptions from the keyword arguments shared by every loader, with the
/// semantics of the CLI's --relation, --strict-relations and --create-missing.
BuildOptions build_options_arg(py::handle relations, bool strict_relations, bool create_missing,
                               std::string hierarchy_relation, const char* relations_argument = "relations");

/// Vertex index argument: negative or too large values raise IndexError with the
/// message InfluenceGraph uses.
vertex_id vertex_arg(const InfluenceGraph& graph, std::int64_t v);

/// A per-person vector given as a 1-d array (or sequence) of n numbers indexed
/// by vertex, or as a dict {person_id: value}. With `require_all`, the dict must
/// name every person; otherwise people it leaves out get 0 (NetworkX's
/// personalization convention). Length and values are checked by the C++ side.
std::vector<double> per_person_arg(const InfluenceGraph& graph, py::handle value, const char* function,
                                   const char* argument, bool require_all);

}  // namespace orgnet::python
