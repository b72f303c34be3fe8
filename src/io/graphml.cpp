#include "orgnet/io/graphml.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <limits>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "xml.hpp"

namespace orgnet {

namespace {

using detail::XmlAttribute;
using detail::XmlEvent;
using detail::XmlEventKind;
using detail::XmlPosition;

constexpr std::size_t no_slot = std::numeric_limits<std::size_t>::max();

// Node values live in slots: the person fields first, then one slot per free
// attribute. Edges have two slots.
enum : std::size_t { name_slot, department_slot, title_slot, level_slot, manager_slot, first_attribute_slot };
enum : std::size_t { relation_slot, weight_slot, edge_slot_count };

// Extra attribute on a <key> that orgnet writes when a free attribute has the
// name of a person field; other GraphML readers ignore it.
constexpr const char* free_attribute_marker = "orgnet.attribute";

// Key ids the writer uses for the person fields, in slot order; they are also
// the default attr.names, which is what makes the round trip work.
constexpr std::array<std::string_view, first_attribute_slot> field_names = {"name", "department", "title", "level",
                                                                            "manager"};

struct Key {
  std::string domain;  // the 'for' attribute
  std::size_t node_slot = no_slot;
  std::size_t edge_slot = no_slot;
};

// The value of one slot for the current node or edge.
struct Value {
  std::string text;
  XmlPosition where;       // of the <data> or <default> it came from
  bool from_data = false;  // false: the key's default, or nothing
};

std::string in_quotes(std::string_view s) {
  std::string out(1, '\'');  // appended: "'" + std::string(s) trips a false -Wrestrict in GCC 12
  out += s;
  out += '\'';
  return out;
}

std::string_view trimmed(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

std::uint32_t narrow(std::size_t x) {
  return static_cast<std::uint32_t>(std::min<std::size_t>(x, std::numeric_limits<std::uint32_t>::max()));
}

// Builder locations hold one line per record; a column is only meaningful on it.
std::size_t column_on(std::size_t line, XmlPosition where) { return where.line == line ? where.column : 0; }

class GraphmlParser {
 public:
  GraphmlParser(std::string_view xml, const GraphmlReadOptions& options, std::string source)
      : options_(options),
        xml_(xml, source),
        builder_(options.build),
        file_index_(builder_.add_source(source)),
        source_(std::move(source)),
        node_defaults_(first_attribute_slot),
        edge_defaults_(edge_slot_count) {}

  InfluenceGraph parse() &&;

 private:
  // What the element being read is; everything inside `skipped` is ignored.
  enum class Context { graphml, key, key_default, graph, node, edge, data, skipped };

  void on_start(const XmlEvent& e);
  void on_end();
  void start_key(const XmlEvent& e);
  void claim(Key& key, std::string_view key_id, std::size_t slot, bool node, XmlPosition where);
  void start_graph(const XmlEvent& e);
  void start_node(const XmlEvent& e);
  void start_edge(const XmlEvent& e);
  void start_data(const XmlEvent& e, bool in_node);
  void finish_node();
  void finish_edge();
  [[noreturn]] void fail(XmlPosition where, const std::string& message) const { xml_.fail(where, message); }

  const GraphmlReadOptions& options_;
  detail::XmlReader xml_;
  GraphBuilder builder_;
  std::uint32_t file_index_;
  std::string source_;
  std::vector<Context> context_;
  bool graph_seen_ = false;
  bool undirected_default_ = false;
  std::string text_;  // text of the current <data> or <default>
  XmlPosition text_where_;

  std::unordered_map<std::string, Key> keys_;
  Key* current_key_ = nullptr;
  std::vector<std::string> attribute_names_;
  std::vector<std::string> node_slot_owner_{first_attribute_slot};  // key id that fills each slot
  std::vector<std::string> edge_slot_owner_{edge_slot_count};
  std::vector<Value> node_defaults_;
  std::vector<Value> edge_defaults_;

  // The node or edge being read.
  std::string node_id_;
  XmlPosition node_where_, id_where_;
  std::string edge_source_, edge_target_;
  XmlPosition edge_where_, source_where_, target_where_;
  bool edge_undirected_ = false;
  std::vector<Value> values_;
  std::size_t data_slot_ = no_slot;

  // Ties wait until every node is in, so people keep node order even when edges
  // come first.
  std::vector<std::pair<Tie, TieLocation>> ties_;
};

InfluenceGraph GraphmlParser::parse() && {
  for (;;) {
    const XmlEvent& e = xml_.next();
    switch (e.kind) {
      case XmlEventKind::start_element:
        on_start(e);
        break;
      case XmlEventKind::end_element:
        on_end();
        break;
      case XmlEventKind::text:
        if (context_.back() == Context::data || context_.back() == Context::key_default) text_ += e.text;
        break;
      case XmlEventKind::end_of_document: {
        if (!graph_seen_) {
          throw invalid_argument(SourceLocation{source_}, "no <graph> element in the GraphML file");
        }
        std::vector<TieView> views;  // the builder's batch interface is its fast path
        views.reserve(ties_.size());
        for (const auto& [tie, where] : ties_) {
          views.push_back({tie.source, tie.target, tie.relation, tie.weight, where});
        }
        builder_.add_ties(views);
        return std::move(builder_).build();
      }
    }
  }
}

void GraphmlParser::on_start(const XmlEvent& e) {
  const std::string_view name = e.name;
  Context next = Context::skipped;
  if (context_.empty()) {
    if (name != "graphml") {
      fail(e.where, "expected the root element <graphml>, found <" + std::string(name) + ">");
    }
    next = Context::graphml;
  } else {
    switch (context_.back()) {
      case Context::graphml:
        if (name == "key") {
          start_key(e);
          next = Context::key;
        } else if (name == "graph" && !graph_seen_) {  // only the first graph is read
          start_graph(e);
          next = Context::graph;
        }
        break;
      case Context::key:
        if (name == "default") {
          text_.clear();
          text_where_ = e.where;
          next = Context::key_default;
        }
        break;
      case Context::graph:
        if (name == "node") {
          start_node(e);
          next = Context::node;
        } else if (name == "edge") {
          start_edge(e);
          next = Context::edge;
        } else if (name == "hyperedge") {
          fail(e.where, "hyperedges are not supported: a tie joins two people (use <edge>)");
        } else if (name == "graph") {
          fail(e.where, "nested graphs are not supported");
        }
        break;
      case Context::node:
      case Context::edge:
        if (name == "data") {
          start_data(e, context_.back() == Context::node);
          next = Context::data;
        } else if (name == "graph") {
          fail(e.where, "nested graphs are not supported (a <graph> inside a <node> or <edge>)");
        } else if (name == "port") {
          fail(e.where, "ports are not supported");
        }
        break;
      default:
        break;  // inside <data>, <default> or a skipped element
    }
  }
  context_.push_back(next);
}

void GraphmlParser::on_end() {
  const Context closing = context_.back();
  context_.pop_back();
  switch (closing) {
    case Context::key:
      current_key_ = nullptr;
      break;
    case Context::key_default: {
      const Value value{text_, text_where_, false};
      if (current_key_->node_slot != no_slot) node_defaults_[current_key_->node_slot] = value;
      if (current_key_->edge_slot != no_slot) edge_defaults_[current_key_->edge_slot] = value;
      break;
    }
    case Context::data:
      if (data_slot_ != no_slot) values_[data_slot_] = Value{std::move(text_), text_where_, true};
      break;
    case Context::node:
      finish_node();
      break;
    case Context::edge:
      finish_edge();
      break;
    default:
      break;
  }
}

void GraphmlParser::start_key(const XmlEvent& e) {
  const XmlAttribute* id = e.attribute("id");
  if (id == nullptr) fail(e.where, "<key> has no 'id' attribute");
  const XmlAttribute* domain = e.attribute("for");
  auto [it, inserted] = keys_.try_emplace(id->value, Key{domain ? domain->value : "all"});
  if (!inserted) fail(id->where, "key id " + in_quotes(id->value) + " is declared twice");
  Key& key = it->second;
  current_key_ = &key;
  const XmlAttribute* attr_name = e.attribute("attr.name");
  if (attr_name == nullptr || attr_name->value.empty()) return;  // application data: ignored
  const std::string& name = attr_name->value;
  const bool for_nodes = key.domain == "node" || key.domain == "all";
  const bool for_edges = key.domain == "edge" || key.domain == "all";
  if (for_edges) {
    if (name == options_.relation_key) claim(key, id->value, relation_slot, false, attr_name->where);
    if (name == options_.weight_key) claim(key, id->value, weight_slot, false, attr_name->where);
  }
  if (!for_nodes || key.edge_slot != no_slot) return;  // a for="all" relation/weight key is meant for edges
  // orgnet marks a free attribute that shares its name with a person field
  // (Krackhardt's 1-based "level" column) so that it reads back as an attribute.
  const XmlAttribute* marker = e.attribute(free_attribute_marker);
  const bool forced_attribute = marker != nullptr && marker->value == "true";
  const std::array<const std::string*, first_attribute_slot> fields = {
      &options_.name_key, &options_.department_key, &options_.title_key, &options_.level_key, &options_.manager_key};
  for (std::size_t slot = 0; slot < fields.size() && !forced_attribute; ++slot) {
    if (name == *fields[slot]) {
      claim(key, id->value, slot, true, attr_name->where);
      return;
    }
  }
  auto same = std::find(attribute_names_.begin(), attribute_names_.end(), name);
  const std::size_t slot = first_attribute_slot + static_cast<std::size_t>(same - attribute_names_.begin());
  if (same == attribute_names_.end()) {
    attribute_names_.push_back(name);
    node_slot_owner_.emplace_back();
    node_defaults_.emplace_back();
  }
  claim(key, id->value, slot, true, attr_name->where);
}

// Assigns a slot to a key; two keys filling one slot would make the value ambiguous.
void GraphmlParser::claim(Key& key, std::string_view key_id, std::size_t slot, bool node, XmlPosition where) {
  std::string& owner = (node ? node_slot_owner_ : edge_slot_owner_)[slot];
  if (!owner.empty()) {
    fail(where, "keys " + in_quotes(owner) + " and " + in_quotes(key_id) + " have the same attr.name for " +
                    (node ? "nodes" : "edges"));
  }
  owner = key_id;
  (node ? key.node_slot : key.edge_slot) = slot;
}

void GraphmlParser::start_graph(const XmlEvent& e) {
  graph_seen_ = true;
  if (const XmlAttribute* direction = e.attribute("edgedefault")) {
    if (direction->value != "directed" && direction->value != "undirected") {
      fail(direction->where, "edgedefault must be 'directed' or 'undirected', got " + in_quotes(direction->value));
    }
    undirected_default_ = direction->value == "undirected";
  }
}

void GraphmlParser::start_node(const XmlEvent& e) {
  const XmlAttribute* id = e.attribute("id");
  if (id == nullptr) fail(e.where, "node has no 'id' attribute");
  node_id_ = id->value;
  node_where_ = e.where;
  id_where_ = id->where;
  values_ = node_defaults_;
}

void GraphmlParser::start_edge(const XmlEvent& e) {
  const XmlAttribute* source = e.attribute("source");
  const XmlAttribute* target = e.attribute("target");
  if (source == nullptr) fail(e.where, "edge has no 'source' attribute");
  if (target == nullptr) fail(e.where, "edge has no 'target' attribute");
  if (e.attribute("sourceport") || e.attribute("targetport")) fail(e.where, "ports are not supported");
  edge_undirected_ = undirected_default_;
  if (const XmlAttribute* directed = e.attribute("directed")) {
    if (directed->value != "true" && directed->value != "false") {
      fail(directed->where, "directed must be 'true' or 'false', got " + in_quotes(directed->value));
    }
    edge_undirected_ = directed->value == "false";
  }
  edge_source_ = source->value;
  edge_target_ = target->value;
  edge_where_ = e.where;
  source_where_ = source->where;
  target_where_ = target->where;
  values_ = edge_defaults_;
}

void GraphmlParser::start_data(const XmlEvent& e, bool in_node) {
  const XmlAttribute* key_id = e.attribute("key");
  if (key_id == nullptr) fail(e.where, "<data> has no 'key' attribute");
  auto it = keys_.find(key_id->value);
  if (it == keys_.end()) {
    fail(key_id->where, "no <key> with id " + in_quotes(key_id->value) + " is declared before this <data>");
  }
  const Key& key = it->second;
  const std::string_view domain = in_node ? "node" : "edge";
  if (key.domain != domain && key.domain != "all") {
    fail(key_id->where, "key " + in_quotes(key_id->value) + " is declared for=" + in_quotes(key.domain) + ", not for " +
                            std::string(domain) + "s");
  }
  data_slot_ = in_node ? key.node_slot : key.edge_slot;
  if (data_slot_ != no_slot && values_[data_slot_].from_data) {
    fail(e.where, "a second <data> for key " + in_quotes(key_id->value) + " in this " + std::string(domain));
  }
  text_.clear();
  text_where_ = e.where;
}

void GraphmlParser::finish_node() {
  Person person;
  person.id = std::move(node_id_);
  person.name = std::move(values_[name_slot].text);
  person.department = std::move(values_[department_slot].text);
  person.title = std::move(values_[title_slot].text);
  person.manager = std::move(values_[manager_slot].text);
  const Value& level = values_[level_slot];
  if (const std::string_view text = trimmed(level.text); !text.empty()) {
    int parsed = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), parsed);
    if (ec != std::errc{} || end != text.data() + text.size() || parsed < 0) {
      fail(level.where, "level of node " + in_quotes(person.id) + " must be an integer >= 0 (0 = top), got " +
                            in_quotes(level.text));
    }
    person.level = parsed;
  }
  for (std::size_t i = 0; i < attribute_names_.size(); ++i) {
    person.attributes.emplace_back(attribute_names_[i], std::move(values_[first_attribute_slot + i].text));
  }
  const std::size_t line = node_where_.line;
  builder_.add_person(std::move(person),
                      PersonLocation{source_, line, column_on(line, id_where_),
                                     column_on(line, values_[manager_slot].where), column_on(line, level.where)});
}

void GraphmlParser::finish_edge() {
  const Value& weight_value = values_[weight_slot];
  double weight = 1.0;
  if (const std::string_view text = trimmed(weight_value.text); !text.empty()) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), weight);
    if (ec != std::errc{} || end != text.data() + text.size()) {
      fail(weight_value.where, "weight of edge " + in_quotes(edge_source_) + " -> " + in_quotes(edge_target_) +
                                   " must be a finite number, got " + in_quotes(weight_value.text));
    }
  }
  std::string relation = std::move(values_[relation_slot].text);
  if (relation.empty()) relation = options_.default_relation;
  const std::size_t line = edge_where_.line;
  const TieLocation where{file_index_, narrow(line), narrow(column_on(line, source_where_)),
                          narrow(column_on(line, target_where_)), narrow(column_on(line, weight_value.where))};
  ties_.emplace_back(Tie{edge_source_, edge_target_, relation, weight}, where);
  if (edge_undirected_) {
    TieLocation reversed = where;
    std::swap(reversed.source_column, reversed.target_column);
    ties_.emplace_back(Tie{edge_target_, edge_source_, std::move(relation), weight}, reversed);
    builder_.note_undirected_tie_split();
  }
}

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw invalid_argument(SourceLocation{file.string()}, std::string("cannot open: ") + std::strerror(errno));
  }
  std::string text;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) throw invalid_argument(SourceLocation{file.string()}, "cannot read the file");
  return text;
}

// ---- writing ---------------------------------------------------------------

std::string graphml_document(const InfluenceGraph& g) {
  const auto n = static_cast<vertex_id>(g.num_vertices());
  for (const std::string& attribute : g.attribute_names()) {
    if (attribute.empty()) throw invalid_argument("cannot write GraphML: a free attribute has an empty name");
  }
  // Values of the person fields, in slot order ("" = none).
  const auto field = [&](vertex_id v, std::size_t slot) -> std::string {
    switch (slot) {
      case name_slot:
        return g.name(v);
      case department_slot:
        return g.department(v) == no_department ? "" : g.department_name(g.department(v));
      case title_slot:
        return g.title(v);
      case level_slot:
        return g.level_given(v) ? std::to_string(g.level(v)) : "";
      default:
        return g.manager(v) == no_vertex ? "" : g.id(g.manager(v));
    }
  };
  std::array<bool, first_attribute_slot> used{};
  for (vertex_id v = 0; v < n; ++v) {
    for (std::size_t slot = 0; slot < used.size(); ++slot) used[slot] = used[slot] || !field(v, slot).empty();
  }

  std::string out;
  const auto put = [&](std::string& to, std::string_view text, bool attribute, const auto& what) {
    const std::size_t bad = detail::append_xml_escaped(to, text, attribute);
    if (bad != std::string_view::npos) {
      throw invalid_argument("cannot write GraphML: " + what() + " holds a byte XML 1.0 cannot carry (offset " +
                             std::to_string(bad) + ": not UTF-8, or a control character)");
    }
  };
  out +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (std::size_t slot = 0; slot < used.size(); ++slot) {
    if (!used[slot]) continue;
    const std::string name(field_names[slot]);
    out += "  <key id=\"" + name + "\" for=\"node\" attr.name=\"" + name + "\" attr.type=\"" +
           (slot == level_slot ? "int" : "string") + "\"/>\n";
  }
  const auto attributes = g.attribute_names();
  for (std::size_t i = 0; i < attributes.size(); ++i) {
    out += "  <key id=\"a" + std::to_string(i) + "\" for=\"node\" attr.name=\"";
    put(out, attributes[i], true, [&] { return "attribute name " + in_quotes(attributes[i]); });
    out += "\" attr.type=\"string\"";
    if (std::find(field_names.begin(), field_names.end(), attributes[i]) != field_names.end()) {
      out += std::string(" ") + free_attribute_marker + "=\"true\"";
    }
    out += "/>\n";
  }
  out +=
      "  <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
      "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
      "  <graph id=\"G\" edgedefault=\"directed\">\n";

  std::string body;  // a node's <data> lines
  const auto data = [&](std::string_view key, std::string_view text, const auto& what) {
    body += "      <data key=\"";
    body += key;
    body += "\">";
    put(body, text, false, what);
    body += "</data>\n";
  };
  for (vertex_id v = 0; v < n; ++v) {
    const auto person = [&] { return "person " + in_quotes(g.id(v)); };
    body.clear();
    for (std::size_t slot = 0; slot < used.size(); ++slot) {
      const std::string value = field(v, slot);
      if (!value.empty()) {
        data(field_names[slot], value, [&] { return "the " + std::string(field_names[slot]) + " of " + person(); });
      }
    }
    for (std::size_t i = 0; i < attributes.size(); ++i) {
      const std::string& value = g.attribute(v, attributes[i]);
      if (!value.empty()) {
        data("a" + std::to_string(i), value,
             [&] { return "attribute " + in_quotes(attributes[i]) + " of " + person(); });
      }
    }
    out += "    <node id=\"";
    put(out, g.id(v), true, person);
    out += body.empty() ? "\"/>\n" : "\">\n" + body + "    </node>\n";
  }
  for (const TieRecord& tie : g.ties()) {
    char weight[32];
    const auto weight_end = std::to_chars(weight, weight + sizeof weight, tie.weight).ptr;
    out += "    <edge source=\"";
    put(out, g.id(tie.source), true, [&] { return "person " + in_quotes(g.id(tie.source)); });
    out += "\" target=\"";
    put(out, g.id(tie.target), true, [&] { return "person " + in_quotes(g.id(tie.target)); });
    out += "\">\n      <data key=\"relation\">";
    put(out, g.relation_name(tie.relation), false,
        [&] { return "relation " + in_quotes(g.relation_name(tie.relation)); });
    out += "</data>\n      <data key=\"weight\">";
    out.append(weight, weight_end);
    out += "</data>\n    </edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

}  // namespace

InfluenceGraph read_graphml_string(std::string_view xml, const GraphmlReadOptions& options,
                                   std::string_view source_name) {
  return GraphmlParser(xml, options, std::string(source_name)).parse();
}

InfluenceGraph read_graphml(const std::filesystem::path& file, const GraphmlReadOptions& options) {
  const std::string text = read_file(file);
  return read_graphml_string(text, options, file.string());
}

void write_graphml(const InfluenceGraph& graph, std::ostream& out) { out << graphml_document(graph); }

void write_graphml(const InfluenceGraph& graph, const std::filesystem::path& file) {
  const std::string text = graphml_document(graph);
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  if (!out) {
    throw invalid_argument(SourceLocation{file.string()},
                           std::string("cannot open for writing: ") + std::strerror(errno));
  }
  out << text;
  out.close();
  if (!out) throw invalid_argument(SourceLocation{file.string()}, "cannot write the file");
}

}  // namespace orgnet
