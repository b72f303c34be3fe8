// Python bindings of the centrality measures (paths).

#include "common.hpp"

namespace orgnet::python {

void bind_centrality_paths(py::module_& m) { (void)m; }

}  // namespace orgnet::python
