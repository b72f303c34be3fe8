#pragma once
// Pseudonymization: ONA data is personal data, so reports and exports can
// replace person ids by pseudonyms and drop names, titles and free attributes.
//
// Pseudonyms are `prefix` followed by a number with at least four digits
// (more when there are 10,000 people or more): "P0001", "P0002", ... They are
// handed out in this documented order:
//   - without a salt, in vertex order (the order people appear in the input);
//   - with a salt, in the order of a keyed 64-bit hash of (salt, id) (ties by
//     vertex order), so the numbering reveals nothing about the input order to
//     someone who does not know the salt.
// The same data and salt always give the same pseudonyms. This is
// pseudonymization, not anonymization: the ties themselves may still identify
// people, and the hash is not cryptographic (keep the salt secret and do not
// rely on it against someone who can guess ids and the salt).
//
// pseudonymize() rebuilds the graph with pseudonyms as ids: same vertex order,
// departments, given levels, managers (as pseudonyms), relations, relation map
// and ties, hence identical results for every algorithm; names, titles and the
// free attributes are dropped. Every CSV/JSON export written from the
// pseudonymized graph (the CLI commands, the Python DataFrames) then carries
// pseudonyms only. Department names are kept: they are groups, not people (use
// a minimum group size for the figures of small departments, see
// report/html_report.hpp).
//
// Complexity: O(n log n + ties).

#include <string>
#include <vector>

#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

struct PseudonymOptions {
  std::string salt;          ///< Empty: number people in vertex order.
  std::string prefix = "P";  ///< Must not be empty.
};

/// The pseudonym of every person, indexed by vertex id. Throws
/// orgnet::invalid_argument for an empty prefix.
[[nodiscard]] std::vector<std::string> pseudonyms(const InfluenceGraph& graph, const PseudonymOptions& options = {});

/// The graph with pseudonyms as ids and no names, titles or free attributes.
[[nodiscard]] InfluenceGraph pseudonymize(const InfluenceGraph& graph, const PseudonymOptions& options = {});

}  // namespace orgnet
