#include "orgnet/model/relation_map.hpp"

#include <charconv>
#include <cmath>
#include <string>

#include "orgnet/error.hpp"

namespace orgnet {

void validate_relation_spec(const RelationSpec& spec, std::string_view context) {
  if (!(spec.scale > 0.0 && spec.scale <= 1.0)) {  // also rejects NaN
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, spec.scale);
    throw invalid_argument(std::string(context) + ": scale must lie in (0, 1], got " + std::string(buffer, end));
  }
}

RelationMap RelationMap::defaults() {
  using enum InfluenceDirection;
  RelationMap map;
  map.set("advice", {target_to_source, StrengthRule::weighted_cascade});
  map.set("trust", {target_to_source, StrengthRule::weighted_cascade});
  map.set("friendship", {target_to_source, StrengthRule::weighted_cascade});
  map.set("communication", {source_to_target, StrengthRule::weighted_cascade});
  map.set("email", {source_to_target, StrengthRule::weighted_cascade});
  // A reporting line makes the report likely, not certain, to follow the
  // manager; strength 1 would put the manager at distance 0 from the whole
  // subtree and make every chain through the hierarchy free.
  map.set("reports_to", {target_to_source, StrengthRule::as_is, 0.5});
  map.set("cowork", {both, StrengthRule::weighted_cascade});
  map.set_fallback(RelationSpec{source_to_target, StrengthRule::weighted_cascade});
  return map;
}

RelationMap& RelationMap::set(std::string relation, RelationSpec spec) {
  if (relation.empty()) throw invalid_argument("RelationMap::set: relation name is empty");
  validate_relation_spec(spec, "relation " + quote_for_message(relation));
  specs_.insert_or_assign(std::move(relation), spec);
  return *this;
}

RelationMap& RelationMap::set_fallback(std::optional<RelationSpec> spec) {
  if (spec) validate_relation_spec(*spec, "fallback relation spec");
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
  const auto comma = text.find(',');
  spec.direction = parse_influence_direction(text.substr(0, comma));
  if (comma == std::string_view::npos) return spec;
  const std::string_view rest = text.substr(comma + 1);
  const auto second = rest.find(',');
  spec.strength = parse_strength_rule(rest.substr(0, second));
  if (second == std::string_view::npos) return spec;
  const std::string_view scale = rest.substr(second + 1);
  const auto [end, ec] = std::from_chars(scale.data(), scale.data() + scale.size(), spec.scale);
  if (ec != std::errc{} || end != scale.data() + scale.size() || !(spec.scale > 0.0 && spec.scale <= 1.0)) {
    throw invalid_argument("relation spec '" + std::string(text) + "': scale must be a number in (0, 1], got '" +
                           std::string(scale) + "'");
  }
  return spec;
}

std::string to_string(const RelationSpec& spec) {
  std::string text = std::string(to_string(spec.direction)) + "," + std::string(to_string(spec.strength));
  if (spec.scale != 1.0) {
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, spec.scale);
    text += ',';
    text.append(buffer, end);
  }
  return text;
}

}  // namespace orgnet
