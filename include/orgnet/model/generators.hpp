#pragma once
// Seeded synthetic organizations, for benchmarks, tests and demos.

#include <cstddef>
#include <cstdint>

#include "orgnet/model/influence_graph.hpp"

namespace orgnet {

struct CompanyOptions {
  std::size_t people = 1000;
  std::size_t departments = 10;
  /// Depth of the reporting tree, counted in people (CEO = level 0); at least 2.
  std::size_t levels = 4;
  /// Mean number of ties each person reports (advice asked, messages sent).
  double ties_per_person = 25.0;
  /// Share of a person's ties that stay inside their own department.
  double within_department = 0.8;
  /// Share of ties that go to someone above the person in the hierarchy
  /// (people ask advice upwards), the rest go to anyone in the chosen department.
  double upward = 0.2;
  std::uint64_t seed = 42;
};

/// A directed stochastic-block "company": person 0 is the CEO; the others are
/// spread round-robin over `departments`, each a reporting tree under the CEO
/// whose span of control gives about `levels` levels. Every person sends about
/// `ties_per_person` ties (a fixed count, rounded up or down at random to hit the
/// mean): half `advice` (asker -> adviser), half `communication` (sender ->
/// recipient), integer weights 1..5. The target's department is the person's
/// own with probability `within_department`, else uniform among the others.
/// Default relation map (weighted cascade); duplicate draws merge by noisy-or
/// like any other data.
///
/// The same options give the same graph on every machine (orgnet's own
/// SplitMix64, no std distributions). Throws orgnet::invalid_argument for
/// people < 2, departments < 1, levels < 2, or shares outside [0, 1].
/// O(people * ties_per_person).
[[nodiscard]] InfluenceGraph generate_company(const CompanyOptions& options = {});

}  // namespace orgnet
