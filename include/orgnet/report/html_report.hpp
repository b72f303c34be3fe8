#pragma once
// The self-contained HTML report (`orgnet report`): one file with inline CSS,
// no script, no external resource (fonts, style sheets, images), readable
// offline and printable. Every figure comes from the library's own functions,
// run with the settings stated in the report:
//
//   section (element id)      contents                                  computed by
//   summary (highlights,      highlights quoting the sections below;    summarize (report/summary.hpp)
//   summary-table)            people, ties per relation, edges,
//                             density, reciprocity, components,
//                             hierarchy
//   sociogram                 SVG drawing (see below)                   force_layout (report/layout.hpp)
//   centrality                top-k tables: PageRank, betweenness,      centrality_table, top_k
//   (top-<measure>)           degree, harmonic closeness, eigenvector
//                             (flow = exerted), and the sizing measure
//   bottlenecks               cut points (cut-points), bridges, top     cut_points, structural_holes,
//   (cut-points, brokers)     brokers by betweenness with Burt's         betweenness
//                             measures (people with >= 2 contacts)
//   departments               size, internal/external ties, E-I with    mixing (permutation test,
//   (departments, mixing)     permutation test, mixing matrix            `permutations`, `seed`)
//   structure                 communities vs departments (NMI, ARI),    communities, partition_agreement,
//   (hidden-influencers,      hidden influencers, ONA roles             formal_vs_informal, ona_roles
//   roles)
//   path (path-steps)         the most probable chain path_from ->       best_chain, must_pass
//                             path_to, step by step, must-pass people
//   notes                     settings, privacy, what was omitted
//
// Numbers are shown rounded; every numeric table cell also carries the exact
// value in a `data-value` attribute (17 significant digits), and every person
// cell the person id in `data-id`, so that the figures can be checked.
//
// Sociogram. Nodes are coloured by department (a fixed palette of 19 colours
// for the 19 largest departments, grey for the others, white for people with
// no department; the legend names them), their area is proportional to the
// `size_by` measure, brokers (the `top` cut points that cut off most people
// and the `outlined_brokers` first rows of the brokers table with betweenness
// above 0) are outlined in black, the persuasion chain's people and steps are
// drawn in red with arrows, and a tie's opacity grows with its strength. Above
// `max_sociogram_people` people only that many are drawn: the highest by
// `size_by`, plus the brokers and the chain; the drawing's caption says how
// many people and ties were left out. Nothing is dropped silently.
//
// Privacy. With `pseudonymize`, the report is computed on
// pseudonymize(graph, {salt}) (report/privacy.hpp): person ids are replaced by
// pseudonyms and names, titles and free attributes never reach the output
// (the path endpoints are still given by their real ids). With
// `min_group_size` = k > 1, figures about a department with fewer than k
// people are replaced by "suppressed (< k)": its size, internal/external tie
// counts, E-I index and permutation p-value in the departments table, its row
// and column of the mixing matrix, and its size in the legend. Whole-network
// figures (E-I of the network, NMI, ARI) and per-person tables are not
// affected. All text from the data or the options (ids, names, departments,
// relation names, the title) is HTML/XML-escaped; bytes that are not UTF-8 and
// control characters are written as U+FFFD, so the SVG part is well-formed
// XML.
//
// Cost: dominated by exact betweenness, O(n m + n^2 log n), and the layout,
// O(iterations * n'^2) for the n' people drawn; about a second for 1,000
// people (docs/benchmarks.md).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "orgnet/centrality/centrality_table.hpp"
#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

struct HtmlReportOptions {
  std::string title;                       ///< Heading; "" = "Organizational network report".
  Measure size_by = Measure::pagerank;     ///< Node area in the sociogram.
  std::size_t top = 10;                    ///< Rows per ranking table, >= 1.
  std::string path_from;                   ///< Person id; with path_to, adds the persuasion chain.
  std::string path_to;                     ///< Person id.
  bool pseudonymize = false;               ///< Replace ids by pseudonyms; drop names and titles.
  std::string pseudonym_salt;              ///< See report/privacy.hpp.
  std::size_t min_group_size = 0;          ///< Suppress figures of smaller departments; 0 or 1 = off.
  std::uint64_t seed = 42;                 ///< Layout, communities, permutation tests.
  std::size_t permutations = 1000;         ///< E-I permutation test (0 = none).
  std::size_t max_sociogram_people = 500;  ///< Draw at most this many people (>= 1).
  std::size_t outlined_brokers = 5;        ///< Outline this many top brokers (besides the top cut points).
  int threads = 0;                         ///< 0 = all available; the report does not depend on it.
  /// Called with the name of each step before it runs (e.g. to print progress).
  std::function<void(std::string_view)> progress = {};
};

struct HtmlReport {
  std::string html;
  std::vector<std::string> sections;                ///< Element ids of the sections, in order.
  std::vector<std::string> suppressed_departments;  ///< Department names whose figures were suppressed.
  std::size_t drawn_people = 0;                     ///< People in the sociogram.
  std::size_t drawn_ties = 0;                       ///< Influence edges in the sociogram.
  std::vector<vertex_id> brokers;                   ///< Outlined people, ascending.
};

/// Builds the report. Throws orgnet::invalid_argument for bad options (top 0,
/// max_sociogram_people 0, only one of path_from / path_to) and
/// orgnet::out_of_range for an unknown path endpoint. An infeasible chain is
/// reported in the path section, not thrown.
[[nodiscard]] HtmlReport build_html_report(const InfluenceGraph& graph, const HtmlReportOptions& options = {});

/// Writes build_html_report(graph, options).html to `out`.
void write_html_report(const InfluenceGraph& graph, std::ostream& out, const HtmlReportOptions& options = {});

/// `text` escaped for HTML text and double- or single-quoted attribute values
/// (& < > " ' as entities), with bytes that are not UTF-8 and control
/// characters other than tab and line feed replaced by U+FFFD.
[[nodiscard]] std::string html_escape(std::string_view text);

}  // namespace orgnet
