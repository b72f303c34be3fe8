#pragma once
// GraphBuilder: the single place where input data is validated.
//
// Loaders (CSV, edge list, GraphML, NumPy arrays, networkx) all feed people and
// ties into a builder; build() checks everything that can only be checked once
// all data is in (unknown person ids, managers, the hierarchy, strengths) and
// produces the immutable InfluenceGraph. Every error is an
// orgnet::invalid_argument whose message starts with the location the caller
// passed for the offending record, so users see "ties.csv:12:7: ...".
//
//   GraphBuilder b;
//   b.add_person({.id = "ana", .department = "Sales"});
//   b.add_person({.id = "bo", .department = "Sales", .manager = "ana"});
//   b.add_tie("bo", "ana", "advice", 1.0);   // bo asks ana: ana influences bo
//   InfluenceGraph g = std::move(b).build();

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "orgnet/error.hpp"
#include "orgnet/model/detail/id_table.hpp"
#include "orgnet/model/influence_graph.hpp"
#include "orgnet/model/person.hpp"
#include "orgnet/model/relation_map.hpp"

namespace orgnet {

/// What to do with a tie that names a person who was never added.
enum class UnknownPersonPolicy {
  error,   ///< Reject the tie, naming the id and its location (default).
  create,  ///< Add a person with that id and no attributes; counted in the load report.
};

struct BuildOptions {
  RelationMap relations = RelationMap::defaults();
  UnknownPersonPolicy unknown_people = UnknownPersonPolicy::error;
  /// Ties of this relation also define the formal hierarchy: "source reports to
  /// target" makes target the source's manager. Empty disables it.
  std::string hierarchy_relation = "reports_to";
};

/// Where a person came from: the file, the line, and the columns of the fields
/// that can be wrong (0 = unknown).
struct PersonLocation {
  std::string file;
  std::size_t line = 0;
  std::size_t id_column = 0;
  std::size_t manager_column = 0;
  std::size_t level_column = 0;
};

/// Where a tie came from, in a compact form; columns point at the source and
/// target fields (used when an id turns out to be unknown).
struct TieLocation {
  std::uint32_t file = 0;  ///< Index returned by GraphBuilder::add_source(); 0 = none.
  std::uint32_t line = 0;
  std::uint32_t source_column = 0;
  std::uint32_t target_column = 0;
  std::uint32_t weight_column = 0;
};

/// A tie given by views into the caller's storage, for GraphBuilder::add_ties.
struct TieView {
  std::string_view source;
  std::string_view target;
  std::string_view relation;
  double weight = 1.0;
  TieLocation where = {};
};

class GraphBuilder {
 public:
  explicit GraphBuilder(BuildOptions options = {});

  /// Registers a file name for tie locations; returns the index to put in
  /// TieLocation::file.
  std::uint32_t add_source(std::string file_name);

  /// Adds a person. Throws on an empty or duplicate id, a negative level, or a
  /// person who is their own manager. `where` is used in the message (and kept
  /// for errors found at build time, such as a manager nobody knows).
  vertex_id add_person(Person person, const PersonLocation& where = {});

  /// Adds a tie. Throws at once on an empty id or a weight that is not finite
  /// and > 0; unknown ids are resolved (or reported) by build().
  void add_tie(std::string_view source, std::string_view target, std::string_view relation, double weight = 1.0,
               const TieLocation& where = {});
  void add_tie(const Tie& tie, const TieLocation& where = {}) {
    add_tie(tie.source, tie.target, tie.relation, tie.weight, where);
  }

  /// Adds many ties with the same checks as add_tie. Faster on large inputs:
  /// the id lookups of a batch overlap (prefetched) instead of each waiting on
  /// memory in turn. Loaders pass batches of a few hundred ties.
  void add_ties(std::span<const TieView> ties);

  /// Counts an undirected tie that the caller split into two ties.
  void note_undirected_tie_split() { ++undirected_splits_; }

  [[nodiscard]] std::size_t num_people() const noexcept { return people_.size(); }
  [[nodiscard]] std::size_t num_ties() const noexcept { return tie_source_.size(); }
  [[nodiscard]] bool has_person(std::string_view id) const;

  /// Validates and builds the graph. The builder is left empty.
  [[nodiscard]] InfluenceGraph build() &&;

 private:
  std::uint32_t intern(std::string_view id, std::uint32_t tag);
  void add_tie_tagged(const TieView& tie, std::uint32_t source_tag, std::uint32_t target_tag);
  /// Location of a tie's field ("source", "target", "weight", "relation").
  [[nodiscard]] SourceLocation tie_location(std::size_t tie, std::string field) const;

  BuildOptions options_;
  std::vector<std::string> files_{""};
  // Ids of people and of tie endpoints share one table; people_[i] is set for
  // the ones that were added as people.
  std::vector<std::string> ids_;
  detail::IdTable id_table_;
  std::vector<std::optional<Person>> people_;  // by interned id
  std::vector<PersonLocation> person_locations_;
  std::vector<std::string> relation_names_;
  std::unordered_map<std::string, relation_id> relation_index_;
  relation_id last_relation_ = 0;
  std::vector<std::uint32_t> tag_scratch_;  // add_ties: id hash tags of a batch
  std::vector<std::uint32_t> tie_source_;
  std::vector<std::uint32_t> tie_target_;
  std::vector<relation_id> tie_relation_;
  std::vector<double> tie_weight_;
  std::vector<TieLocation> tie_locations_;  // empty unless some tie had a location
  std::size_t undirected_splits_ = 0;
};

}  // namespace orgnet
