#pragma once
// Output helpers shared by `orgnet path` and `orgnet win-over`: how a person
// and a chain are shown in tables, JSON and CSV.

#include <cstdio>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "orgnet/io/csv_writer.hpp"
#include "orgnet/io/json_writer.hpp"
#include "orgnet/model/influence_graph.hpp"
#include "orgnet/persuasion/chains.hpp"

namespace orgnet::cli {

/// Department name or "-".
inline std::string department_label(const InfluenceGraph& g, vertex_id v) {
  const department_id d = g.department(v);
  return d == no_department ? std::string("-") : g.department_name(d);
}

/// "id (name, department D, level L)" with the parts that exist.
inline std::string person_label(const InfluenceGraph& g, vertex_id v) {
  std::string s = g.id(v) + " (";
  if (!g.name(v).empty()) s += g.name(v) + ", ";
  s += "dept " + department_label(g, v) + ", level " + std::to_string(g.level(v)) + ")";
  return s;
}

/// A probability as a percentage with one decimal ("42.5%").
inline std::string percent(double p) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", 100.0 * p);
  return buffer;
}

/// "a -(0.50)-> b -(0.25)-> c".
inline std::string chain_line(const InfluenceGraph& g, const Chain& c) {
  std::ostringstream out;
  for (std::size_t i = 0; i < c.people.size(); ++i) {
    if (i > 0) {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, " -(%.3g)-> ", c.strengths[i - 1]);
      out << buffer;
    }
    out << g.id(c.people[i]);
  }
  return out.str();
}

/// One person as a JSON object: id, name, department, level.
inline void json_person(JsonWriter& json, const InfluenceGraph& g, vertex_id v) {
  json.begin_object().field("id", g.id(v)).field("name", g.name(v));
  if (g.department(v) == no_department) {
    json.key("department").null();
  } else {
    json.field("department", g.department_name(g.department(v)));
  }
  json.field("level", g.level(v)).end_object();
}

/// A chain as a JSON object: probability, weakest, steps, people, strengths.
inline void json_chain(JsonWriter& json, const InfluenceGraph& g, const Chain& c) {
  json.begin_object().field("probability", c.probability).field("weakest", c.weakest).field("steps", c.steps());
  json.key("people").begin_array();
  for (const vertex_id v : c.people) json_person(json, g, v);
  json.end_array();
  json.key("strengths").begin_array();
  for (const double s : c.strengths) json.value(s);
  json.end_array().end_object();
}

}  // namespace orgnet::cli
