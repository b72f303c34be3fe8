// Python bindings of silos (structure/mixing.hpp): the mixing matrix and the
// E-I index with its permutation test.

#include <string>

#include "common.hpp"
#include "structure_common.hpp"

namespace orgnet::python {

namespace {

template <class T>
py::array vector_copy(const std::vector<T>& values) {
  return to_array(std::vector<T>(values));
}

py::array square(const std::vector<double>& values, std::size_t k) {
  py::array_t<double> a({static_cast<py::ssize_t>(k), static_cast<py::ssize_t>(k)});
  std::copy(values.begin(), values.end(), a.mutable_data());
  return a;
}

py::array square(const std::vector<std::size_t>& values, std::size_t k) {
  py::array_t<std::int64_t> a({static_cast<py::ssize_t>(k), static_cast<py::ssize_t>(k)});
  std::transform(values.begin(), values.end(), a.mutable_data(),
                 [](std::size_t x) { return static_cast<std::int64_t>(x); });
  return a;
}

template <class T>
py::array counts(const std::vector<T>& values) {
  std::vector<std::int64_t> out(values.begin(), values.end());
  return to_array(std::move(out));
}

}  // namespace

void bind_structure_silos(py::module_& m) {
  py::class_<MixingResult>(m, "MixingResult", "Mixing matrix and E-I indices of a grouping, with a permutation test.")
      .def_readonly("groups", &MixingResult::groups, "Group names (rows and columns of the matrices).")
      .def_property_readonly(
          "ties", [](const MixingResult& r) { return square(r.ties, r.num_groups()); },
          "Influence edges from group i to group j (int64, k x k).")
      .def_property_readonly(
          "strength", [](const MixingResult& r) { return square(r.strength, r.num_groups()); },
          "Total strength from group i to group j (float64, k x k).")
      .def_property_readonly(
          "person_external", [](const MixingResult& r) { return counts(r.person_external); },
          "External ties each person sends (int64, by vertex id).")
      .def_property_readonly(
          "person_internal", [](const MixingResult& r) { return counts(r.person_internal); },
          "Internal ties each person sends (int64, by vertex id).")
      .def_property_readonly(
          "person_ei", [](const MixingResult& r) { return vector_copy(r.person_ei); },
          "E-I index of each person (float64; NaN without a group or ties).")
      .def_property_readonly(
          "group_external", [](const MixingResult& r) { return counts(r.group_external); },
          "External ties of each group (int64).")
      .def_property_readonly(
          "group_internal", [](const MixingResult& r) { return counts(r.group_internal); },
          "Internal ties of each group (int64).")
      .def_property_readonly(
          "group_ei", [](const MixingResult& r) { return vector_copy(r.group_ei); }, "E-I index of each group.")
      .def_readonly("external", &MixingResult::external, "Ties between groups.")
      .def_readonly("internal", &MixingResult::internal, "Ties inside groups.")
      .def_readonly("ei", &MixingResult::ei, "E-I index of the whole network.")
      .def_readonly("permutations", &MixingResult::permutations, "Relabellings of the permutation test.")
      .def_readonly("seed", &MixingResult::seed, "The seed used.")
      .def_readonly("expected_ei", &MixingResult::expected_ei, "Mean network E-I under random relabelling.")
      .def_readonly("p_less", &MixingResult::p_less,
                    "P(E-I under relabelling <= observed): small means more internal ties than chance (silos).")
      .def_readonly("p_greater", &MixingResult::p_greater, "P(E-I under relabelling >= observed).")
      .def_property_readonly(
          "group_expected_ei", [](const MixingResult& r) { return vector_copy(r.group_expected_ei); },
          "Mean E-I of each group under relabelling.")
      .def_property_readonly(
          "group_p_less", [](const MixingResult& r) { return vector_copy(r.group_p_less); },
          "Per group: P(E-I under relabelling <= observed).")
      .def_property_readonly(
          "group_p_greater", [](const MixingResult& r) { return vector_copy(r.group_p_greater); },
          "Per group: P(E-I under relabelling >= observed).")
      .def("num_groups", &MixingResult::num_groups, "Number of groups.")
      .def("__repr__", [](const MixingResult& r) {
        return "<orgnet.MixingResult: " + std::to_string(r.num_groups()) + " groups, E-I " +
               py::repr(py::float_(r.ei)).cast<std::string>() + ", p_less " +
               py::repr(py::float_(r.p_less)).cast<std::string>() + ">";
      });

  const MixingOptions defaults;
  m.attr("_MIXING_DEFAULTS") = py::dict(py::arg("permutations") = defaults.permutations,
                                        py::arg("seed") = defaults.seed, py::arg("threads") = defaults.threads);
  m.def(
      "_mixing",
      [](const InfluenceGraph& graph, py::object groups, py::object direction, std::size_t permutations,
         std::uint64_t seed, int threads) {
        MixingOptions options{
            .groups = labeling_arg(graph, groups, "groups"),
            .direction = enum_arg<DegreeDirection>(direction, parse_degree_direction, "direction", "DegreeDirection"),
            .permutations = permutations,
            .seed = seed,
            .threads = threads};
        ReleaseGil release;
        return mixing(graph, options);
      },
      py::arg("graph"), py::arg("groups"), py::arg("direction"), py::arg("permutations"), py::arg("seed"),
      py::arg("threads"), "mixing on a grouping resolved by labeling_arg (see orgnet.mixing).");
}

}  // namespace orgnet::python
