// structure/: weakly and strongly connected components; the other structure
// bindings (communities, silos, formal vs informal, roles) live in
// structure_*.cpp and are registered from here.

#include "common.hpp"
#include "structure_common.hpp"

namespace orgnet::python {

void bind_structure(py::module_& m) {
  py::class_<ComponentsResult>(m, "ComponentsResult", "Components of the influence graph.")
      .def_property_readonly(
          "component",
          [](py::object self) {
            const auto& r = self.cast<const ComponentsResult&>();
            return readonly_view(std::span<const std::uint32_t>(r.component), self);
          },
          "Component of each vertex (uint32), numbered 0..count-1 in order of their lowest vertex.")
      .def_property_readonly(
          "sizes",
          [](py::object self) {
            const auto& r = self.cast<const ComponentsResult&>();
            std::vector<std::uint64_t> sizes(r.sizes.begin(), r.sizes.end());
            return to_array(std::move(sizes));
          },
          "Size of each component (uint64).")
      .def("count", &ComponentsResult::count, "Number of components.")
      .def("largest", &ComponentsResult::largest, "Size of the largest component (0 for the empty graph).")
      .def("__repr__", [](const ComponentsResult& r) {
        return "<orgnet.ComponentsResult: " + std::to_string(r.count()) + " components, largest " +
               std::to_string(r.largest()) + ">";
      });

  m.def(
      "weak_components",
      [](const InfluenceGraph& graph) {
        ReleaseGil release;
        return weak_components(graph);
      },
      py::arg("graph"),
      "Components of the undirected view (an edge in either direction joins two people). O(m alpha(n)).");
  m.def(
      "strong_components",
      [](const InfluenceGraph& graph) {
        ReleaseGil release;
        return strong_components(graph);
      },
      py::arg("graph"),
      "Strongly connected components: u and v share one when each can influence the other through some chain. "
      "O(n + m).");

  bind_structure_communities(m);
  bind_structure_silos(m);
  bind_structure_formal(m);
  bind_structure_roles(m);
}

}  // namespace orgnet::python
