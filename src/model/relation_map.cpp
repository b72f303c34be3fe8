#include "orgnet/model/relation_map.hpp"

#include <string>

#include "orgnet/error.hpp"

namespace orgnet {

RelationMap RelationMap::defaults() {
  using enum InfluenceDirection;
  RelationMap map;
  map.set("advice", {target_to_source, StrengthRule::weighted_cascade});
  map.set("trust", {target_to_source, StrengthRule::weighted_cascade});
  map.set("friendship", {target_to_source, StrengthRule::weighted_cascade});
  map.set("communication", {source_to_target, StrengthRule::weighted_cascade});
  map.set("email", {source_to_target, StrengthRule::weighted_cascade});
  map.set("reports_to", {target_to_source, StrengthRule::as_is});
  map.set("cowork", {both, StrengthRule::weighted_cascade});
  map.set_fallback(RelationSpec{source_to_target, StrengthRule::weighted_cascade});
  return map;
}

RelationMap& RelationMap::set(std::string relation, RelationSpec spec) {
  if (relation.empty()) throw invalid_argument("RelationMap::set: relation name is empty");
  specs_.insert_or_assign(std::move(relation), spec);
  return *this;
}

RelationMap& RelationMap::set_fallback(std::optional<RelationSpec> spec) {
  fallback_ = spec;
  return *this;
}

const RelationSpec* RelationMap::find(std::string_view relation) const {
  auto it = specs_.find(relation);
  return it == specs_.end() ? nullptr : &it->second;
}

std::string_view to_string(InfluenceDirection direction) {
  switch (direction) {
    case InfluenceDirection::source_to_target:
      return "source_to_target";
    case InfluenceDirection::target_to_source:
      return "target_to_source";
    case InfluenceDirection::both:
      return "both";
  }
  return "?";
}

std::string_view to_string(StrengthRule rule) {
  switch (rule) {
    case StrengthRule::as_is:
      return "as_is";
    case StrengthRule::scale_by_max:
      return "scale_by_max";
    case StrengthRule::weighted_cascade:
      return "weighted_cascade";
  }
  return "?";
}

InfluenceDirection parse_influence_direction(std::string_view text) {
  for (auto d :
       {InfluenceDirection::source_to_target, InfluenceDirection::target_to_source, InfluenceDirection::both}) {
    if (text == to_string(d)) return d;
  }
  throw invalid_argument("unknown influence direction '" + std::string(text) +
                         "' (expected source_to_target, target_to_source or both)");
}

StrengthRule parse_strength_rule(std::string_view text) {
  for (auto r : {StrengthRule::as_is, StrengthRule::scale_by_max, StrengthRule::weighted_cascade}) {
    if (text == to_string(r)) return r;
  }
  throw invalid_argument("unknown strength rule '" + std::string(text) +
                         "' (expected as_is, scale_by_max or weighted_cascade)");
}

RelationSpec parse_relation_spec(std::string_view text) {
  RelationSpec spec;
  auto comma = text.find(',');
  spec.direction = parse_influence_direction(text.substr(0, comma));
  if (comma != std::string_view::npos) spec.strength = parse_strength_rule(text.substr(comma + 1));
  return spec;
}

}  // namespace orgnet
