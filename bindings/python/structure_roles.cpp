// Python bindings of ONA roles (structure/roles.hpp).

#include <string>

#include "common.hpp"
#include "structure_common.hpp"

namespace orgnet::python {

namespace {

template <class T>
py::array copy_of(const std::vector<T>& values) {
  return to_array(std::vector<T>(values));
}

py::array counts_of(const std::vector<std::size_t>& values) {
  return to_array(std::vector<std::int64_t>(values.begin(), values.end()));
}

py::array flags_of(const std::vector<char>& values) {
  py::array_t<bool> a(static_cast<py::ssize_t>(values.size()));
  for (std::size_t i = 0; i < values.size(); ++i) a.mutable_data()[i] = values[i] != 0;
  return a;
}

}  // namespace

void bind_structure_roles(py::module_& m) {
  py::class_<RolesResult>(m, "RolesResult", "ONA roles per person (Cross and Prusak) with the numbers behind them.")
      .def_property_readonly(
          "degree", [](const RolesResult& r) { return copy_of(r.degree); },
          "Degree centrality (in + out, normalized by n - 1).")
      .def_property_readonly(
          "degree_percentile", [](const RolesResult& r) { return copy_of(r.degree_percentile); },
          "Percentile of degree in [0, 1].")
      .def_property_readonly(
          "betweenness", [](const RolesResult& r) { return copy_of(r.betweenness); }, "Normalized betweenness.")
      .def_property_readonly(
          "betweenness_percentile", [](const RolesResult& r) { return copy_of(r.betweenness_percentile); },
          "Percentile of betweenness in [0, 1].")
      .def_property_readonly(
          "contacts", [](const RolesResult& r) { return counts_of(r.contacts); },
          "Distinct in- and out-neighbours (int64).")
      .def_property_readonly(
          "external", [](const RolesResult& r) { return counts_of(r.external); }, "Contacts in another group (int64).")
      .def_property_readonly(
          "groups_reached", [](const RolesResult& r) { return counts_of(r.groups_reached); },
          "Other groups among the contacts (int64).")
      .def_property_readonly(
          "external_share", [](const RolesResult& r) { return copy_of(r.external_share); },
          "external / contacts (NaN without contacts).")
      .def_property_readonly(
          "external_percentile", [](const RolesResult& r) { return copy_of(r.external_percentile); },
          "Percentile of external contacts in [0, 1].")
      .def_property_readonly(
          "central_connector", [](const RolesResult& r) { return flags_of(r.central_connector); },
          "Central connector flags (bool).")
      .def_property_readonly(
          "boundary_spanner", [](const RolesResult& r) { return flags_of(r.boundary_spanner); },
          "Boundary spanner flags (bool).")
      .def_property_readonly(
          "information_broker", [](const RolesResult& r) { return flags_of(r.information_broker); },
          "Information broker flags (bool).")
      .def_property_readonly(
          "peripheral_specialist", [](const RolesResult& r) { return flags_of(r.peripheral_specialist); },
          "Peripheral specialist flags (bool).")
      .def(
          "roles", [](const RolesResult& r, std::int64_t v) { return role_names(r, static_cast<vertex_id>(v)); },
          py::arg("v"), "The roles of vertex v joined by ',' ('' for none).")
      .def("__repr__", [](const RolesResult& r) {
        auto count = [](const std::vector<char>& f) { return std::to_string(std::count(f.begin(), f.end(), 1)); };
        return "<orgnet.RolesResult: " + count(r.central_connector) + " central connectors, " +
               count(r.boundary_spanner) + " boundary spanners, " + count(r.information_broker) +
               " information brokers, " + count(r.peripheral_specialist) + " peripheral specialists>";
      });

  const RoleOptions defaults;
  m.attr("_ROLE_DEFAULTS") =
      py::dict(py::arg("connector_percentile") = defaults.connector_percentile,
               py::arg("spanner_percentile") = defaults.spanner_percentile,
               py::arg("spanner_min_groups") = defaults.spanner_min_groups,
               py::arg("broker_percentile") = defaults.broker_percentile,
               py::arg("broker_min_groups") = defaults.broker_min_groups,
               py::arg("peripheral_percentile") = defaults.peripheral_percentile,
               py::arg("distance") = std::string(to_string(defaults.distance)), py::arg("threads") = defaults.threads);
  m.def(
      "_ona_roles",
      [](const InfluenceGraph& graph, py::object groups, double connector_percentile, double spanner_percentile,
         std::size_t spanner_min_groups, double broker_percentile, std::size_t broker_min_groups,
         double peripheral_percentile, py::object distance, int threads) {
        RoleOptions options{.groups = labeling_arg(graph, groups, "groups"),
                            .connector_percentile = connector_percentile,
                            .spanner_percentile = spanner_percentile,
                            .spanner_min_groups = spanner_min_groups,
                            .broker_percentile = broker_percentile,
                            .broker_min_groups = broker_min_groups,
                            .peripheral_percentile = peripheral_percentile,
                            .distance = distance_transform_arg(distance, "distance"),
                            .threads = threads};
        ReleaseGil release;
        return ona_roles(graph, options);
      },
      py::arg("graph"), py::arg("groups"), py::arg("connector_percentile"), py::arg("spanner_percentile"),
      py::arg("spanner_min_groups"), py::arg("broker_percentile"), py::arg("broker_min_groups"),
      py::arg("peripheral_percentile"), py::arg("distance"), py::arg("threads"),
      "ona_roles on a grouping resolved by labeling_arg (see orgnet.ona_roles).");
}

}  // namespace orgnet::python
