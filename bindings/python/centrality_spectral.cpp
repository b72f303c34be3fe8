// Python bindings of the centrality measures (spectral).

#include "common.hpp"

namespace orgnet::python {

void bind_centrality_spectral(py::module_& m) { (void)m; }

}  // namespace orgnet::python
