#pragma once
// How observed ties become influence.
//
// A tie records what a survey or a log says ("A asks B for advice", "A wrote to
// B"). Influence is what the algorithms need: u -> v with strength s(u, v) in
// (0, 1], the probability that u, once convinced, convinces v in one step.
// For each relation the map states
//   * the direction of influence relative to the tie, and
//   * how the tie's raw weight becomes a strength.
// Ties on the same ordered pair (several relations, or repeated rows) combine by
// noisy-or: s = 1 - prod_i (1 - s_i). See docs/data-model.md for a worked example.

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace orgnet {

/// Direction of influence relative to a tie source -> target.
enum class InfluenceDirection {
  source_to_target,  ///< The source influences the target (email: the sender informs).
  target_to_source,  ///< The target influences the source (advice: the adviser sways the asker).
  both,              ///< Each influences the other (cowork).
};

/// How a raw tie weight w becomes a strength in (0, 1].
enum class StrengthRule {
  /// s = w; the weight must already lie in (0, 1].
  as_is,
  /// s = w / max w over all ties of the relation.
  scale_by_max,
  /// Weighted cascade: s(u, v) = w(u, v) / sum_x w(x, v), the sum running over
  /// the ties of this relation that influence v (after direction is applied).
  weighted_cascade,
};

struct RelationSpec {
  InfluenceDirection direction = InfluenceDirection::source_to_target;
  StrengthRule strength = StrengthRule::weighted_cascade;
  /// Multiplies the strength the rule gives; in (0, 1]. It says how much of a
  /// tie of this relation carries influence at all: a formal reporting line
  /// makes a report likely, not certain, to follow the manager, so reports_to
  /// defaults to 0.5. The default 1 leaves the rule's strength unchanged.
  double scale = 1.0;

  friend bool operator==(const RelationSpec&, const RelationSpec&) = default;
};

/// Per-relation specs plus an optional fallback for relations not listed.
class RelationMap {
 public:
  /// An empty map without fallback: every relation must be listed.
  RelationMap() = default;

  /// The documented defaults (docs/data-model.md):
  ///   advice, trust, friendship   target_to_source, weighted_cascade
  ///   communication, email        source_to_target, weighted_cascade
  ///   reports_to                  target_to_source, as_is, scale 0.5 (the manager sways
  ///                               the report: a weight-1 tie gives strength 0.5)
  ///   cowork                      both,             weighted_cascade
  ///   any other relation          source_to_target, weighted_cascade (the fallback;
  ///                               the load report lists relations that used it)
  [[nodiscard]] static RelationMap defaults();

  /// Adds or replaces the spec of one relation. Throws orgnet::invalid_argument
  /// for an empty name or a scale outside (0, 1].
  RelationMap& set(std::string relation, RelationSpec spec);
  /// Sets the spec used for relations that are not listed; nullopt makes an
  /// unlisted relation an error. Throws like set() for a bad scale.
  RelationMap& set_fallback(std::optional<RelationSpec> spec);

  /// The spec listed for `relation`, or nullptr.
  [[nodiscard]] const RelationSpec* find(std::string_view relation) const;
  [[nodiscard]] const std::optional<RelationSpec>& fallback() const noexcept { return fallback_; }
  [[nodiscard]] const std::map<std::string, RelationSpec, std::less<>>& specs() const noexcept { return specs_; }

 private:
  std::map<std::string, RelationSpec, std::less<>> specs_;
  std::optional<RelationSpec> fallback_;
};

/// Calls arc(influencer, influenced) for each influence arc that a tie
/// source -> target gives under `direction`: once, or twice for `both`.
template <class Id, class Arc>
constexpr void for_each_influence_arc(InfluenceDirection direction, Id source, Id target, Arc&& arc) {
  if (direction != InfluenceDirection::target_to_source) arc(source, target);
  if (direction != InfluenceDirection::source_to_target) arc(target, source);
}

/// "source_to_target", "target_to_source", "both".
[[nodiscard]] std::string_view to_string(InfluenceDirection direction);
/// "as_is", "scale_by_max", "weighted_cascade".
[[nodiscard]] std::string_view to_string(StrengthRule rule);
/// Throws orgnet::invalid_argument, prefixed by `context`, unless the spec's
/// scale lies in (0, 1].
void validate_relation_spec(const RelationSpec& spec, std::string_view context = "relation spec");
/// Inverse of to_string; throws orgnet::invalid_argument naming the accepted values.
[[nodiscard]] InfluenceDirection parse_influence_direction(std::string_view text);
[[nodiscard]] StrengthRule parse_strength_rule(std::string_view text);
/// Parses "direction[,rule[,scale]]" (rule defaults to weighted_cascade, scale
/// to 1), e.g. "target_to_source,as_is,0.5"; used by the CLI and Python.
[[nodiscard]] RelationSpec parse_relation_spec(std::string_view text);
/// The inverse of parse_relation_spec: "direction,rule", plus ",scale" when the
/// scale is not 1 (written with the shortest text that reads back exactly).
[[nodiscard]] std::string to_string(const RelationSpec& spec);

}  // namespace orgnet
