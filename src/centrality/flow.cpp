#include "orgnet/centrality/flow.hpp"

#include <string>

#include "orgnet/error.hpp"

namespace orgnet {

std::string_view to_string(InfluenceFlow flow) { return flow == InfluenceFlow::received ? "received" : "exerted"; }

InfluenceFlow parse_influence_flow(std::string_view text) {
  if (text == "received") return InfluenceFlow::received;
  if (text == "exerted") return InfluenceFlow::exerted;
  throw invalid_argument("unknown influence flow '" + std::string(text) + "' (expected received or exerted)");
}

}  // namespace orgnet
