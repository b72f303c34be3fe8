#pragma once
// A person and a tie as they arrive from a data source, before validation.

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace orgnet {

/// One member of the organization.
struct Person {
  std::string id;          ///< Unique, non-empty.
  std::string name;        ///< Display name; may be empty.
  std::string department;  ///< Empty means "no department".
  std::string title;       ///< Job title; may be empty.
  /// Formal rank, 0 = top of the hierarchy. When absent it is derived from the
  /// manager forest (roots are 0, each report is one below their manager).
  std::optional<int> level;
  std::string manager;  ///< Id of the person's manager; empty for none.
  /// Any other columns of the source, in source order: (name, value).
  std::vector<std::pair<std::string, std::string>> attributes;
};

/// One observed relationship, in the direction the data states it
/// ("source asks target for advice"). The relation map turns it into influence.
struct Tie {
  std::string source;
  std::string target;
  std::string relation;
  double weight = 1.0;  ///< Finite and > 0.
};

}  // namespace orgnet
