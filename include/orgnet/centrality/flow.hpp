#pragma once
// Which way score flows in the spectral measures (eigenvector, PageRank, Katz).

#include <string_view>

namespace orgnet {

/// An influence edge u -> v means "u influences v". NetworkX's convention for
/// directed graphs lets score flow along the edges: v scores high when highly
/// scored people point at v. On an influence graph that measures how much
/// influence a person *receives*. The question "whom does the organization
/// listen to?" needs the reverse: u scores high when u influences people who
/// are themselves influential.
enum class InfluenceFlow {
  /// Along the edges (NetworkX's in-edge convention on the influence graph;
  /// equals NetworkX on the graph as it is). Default of the functions, for
  /// parity with NetworkX.
  received,
  /// Against the edges: influence exerted (equals NetworkX on G.reverse()).
  /// What centrality_table and `orgnet centrality` rank by default.
  exerted,
};

/// "received", "exerted".
[[nodiscard]] std::string_view to_string(InfluenceFlow flow);
/// Inverse of to_string; throws orgnet::invalid_argument naming the accepted values.
[[nodiscard]] InfluenceFlow parse_influence_flow(std::string_view text);

}  // namespace orgnet
