#pragma once
// Helpers shared by the structure binding files (structure*.cpp). bind_structure
// (structure.cpp, declared in common.hpp) calls the per-file registrations.

#include "common.hpp"

namespace orgnet::python {

void bind_structure_communities(py::module_& m);  // structure_communities.cpp
void bind_structure_silos(py::module_& m);        // structure_silos.cpp
void bind_structure_formal(py::module_& m);       // structure_formal.cpp
void bind_structure_roles(py::module_& m);        // structure_roles.cpp

/// A grouping given as "departments", the name of a free attribute, a
/// CommunityResult, a Labeling or one integer per person (negative = missing);
/// validated against the graph. Throws TypeError / ValueError naming `argument`.
Labeling labeling_arg(const InfluenceGraph& graph, py::handle value, const char* argument);

}  // namespace orgnet::python
