// io/: CSV, edge lists, GraphML and the bundled datasets.
//
// Keyword arguments mirror the C++ option structs (and the CLI's options);
// their defaults are read from those structs. A column or key given as None or
// "" turns the field off, as an empty name does in C++.

#include <filesystem>
#include <sstream>
#include <string>

#include "common.hpp"

namespace orgnet::python {

namespace {

namespace fs = std::filesystem;

std::string name_arg(py::handle value, const char* argument) {
  if (value.is_none()) return {};
  if (!py::isinstance<py::str>(value)) {
    throw py::type_error(std::string(argument) + ": expected str or None, got " + type_name(value));
  }
  return value.cast<std::string>();
}

char delimiter_arg(const std::string& text) {
  if (text.size() != 1) throw invalid_argument("delimiter must be one character, got '" + text + "'");
  return text[0];
}

char comment_arg(py::handle value) {
  if (value.is_none()) return '\0';
  const auto text = value.cast<std::string>();
  if (text.empty()) return '\0';
  if (text.size() != 1) throw invalid_argument("comment must be one character or None, got '" + text + "'");
  return text[0];
}

struct CsvArgs {
  py::object id_col, name_col, department_col, title_col, level_col, manager_col;
  py::object source_col, target_col, relation_col, weight_col;
  std::string default_relation, delimiter;
  py::object comment;
};

CsvOptions csv_options(const CsvArgs& a, BuildOptions build) {
  CsvOptions o;
  o.build = std::move(build);
  o.dialect.delimiter = delimiter_arg(a.delimiter);
  o.dialect.comment = comment_arg(a.comment);
  o.people.id = name_arg(a.id_col, "id_col");
  o.people.name = name_arg(a.name_col, "name_col");
  o.people.department = name_arg(a.department_col, "department_col");
  o.people.title = name_arg(a.title_col, "title_col");
  o.people.level = name_arg(a.level_col, "level_col");
  o.people.manager = name_arg(a.manager_col, "manager_col");
  o.ties.source = name_arg(a.source_col, "source_col");
  o.ties.target = name_arg(a.target_col, "target_col");
  o.ties.relation = name_arg(a.relation_col, "relation_col");
  o.ties.weight = name_arg(a.weight_col, "weight_col");
  o.ties.default_relation = a.default_relation;
  return o;
}

std::string comment_default() {
  const char c = CsvDialect{}.comment;
  return c == '\0' ? std::string() : std::string(1, c);
}

GraphmlReadOptions graphml_options(py::handle name_key, py::handle department_key, py::handle title_key,
                                   py::handle level_key, py::handle manager_key, py::handle relation_key,
                                   py::handle weight_key, std::string default_relation, BuildOptions build) {
  GraphmlReadOptions o;
  o.build = std::move(build);
  o.name_key = name_arg(name_key, "name_key");
  o.department_key = name_arg(department_key, "department_key");
  o.title_key = name_arg(title_key, "title_key");
  o.level_key = name_arg(level_key, "level_key");
  o.manager_key = name_arg(manager_key, "manager_key");
  o.relation_key = name_arg(relation_key, "relation_key");
  o.weight_key = name_arg(weight_key, "weight_key");
  o.default_relation = std::move(default_relation);
  return o;
}

constexpr const char* build_doc = R"doc(
relations : dict, RelationMap or None
    How ties become influence. None: the default relation map. A dict
    {relation: spec} overrides entries of the defaults, like the CLI's
    ``--relation NAME=SPEC`` (spec: "direction[,rule[,scale]]", RelationSpec or
    (direction, rule)); a RelationMap replaces the whole map.
strict_relations : bool
    Reject relations that the map does not list (``--strict-relations``).
hierarchy_relation : str
    Ties of this relation also define managers ("source reports to target");
    "" disables it.)doc";

constexpr const char* create_doc = R"doc(
create_missing : bool
    Create people named by ties but absent from the people data
    (``--create-missing``); otherwise such a tie is an error.)doc";

std::string doc(const std::string& head, const std::string& parameters, bool create_missing, const std::string& tail) {
  return head + "\n\nParameters\n----------\n" + parameters + build_doc + (create_missing ? create_doc : "") + tail;
}

constexpr const char* csv_people_params = R"doc(people : str or os.PathLike
    People file: a header line, one row per person. ``id`` is required; name,
    department, title, level (0 = top) and manager are read when present; every
    other column becomes a free attribute.
ties : str or os.PathLike
    Ties file: source, target, and optionally relation and weight.
id_col, name_col, department_col, title_col, level_col, manager_col : str or None
    People column names. A mapped name that differs from the default must exist;
    an absent default is not read; None or "" turns the field off (its column,
    if any, becomes a free attribute).
)doc";

constexpr const char* csv_ties_params = R"doc(source_col, target_col, relation_col, weight_col : str or None
    Ties column names (same rules).
default_relation : str
    Relation of the ties when the file has no relation column.
delimiter : str
    Field delimiter, one character.
comment : str or None
    Lines starting with this character are skipped; None turns comments off.)doc";

constexpr const char* raises_doc = R"doc(

Returns
-------
InfluenceGraph

Raises
------
ValueError
    On any problem with the data; the message starts with "file:line:column: ".)doc";

}  // namespace

void bind_io(py::module_& m) {
  const CsvOptions csv;
  const BuildOptions build;
  const auto& pc = csv.people;
  const auto& tc = csv.ties;

  m.def(
      "load_csv",
      [](const fs::path& people, const fs::path& ties, py::object id_col, py::object name_col,
         py::object department_col, py::object title_col, py::object level_col, py::object manager_col,
         py::object source_col, py::object target_col, py::object relation_col, py::object weight_col,
         std::string default_relation, std::string delimiter, py::object comment, py::object relations,
         bool strict_relations, bool create_missing, std::string hierarchy_relation) {
        const CsvOptions options =
            csv_options({id_col, name_col, department_col, title_col, level_col, manager_col, source_col, target_col,
                         relation_col, weight_col, std::move(default_relation), std::move(delimiter), comment},
                        build_options_arg(relations, strict_relations, create_missing, std::move(hierarchy_relation)));
        ReleaseGil release;
        return load_csv(people, ties, options);
      },
      py::arg("people"), py::arg("ties"), py::kw_only(), py::arg("id_col") = pc.id, py::arg("name_col") = pc.name,
      py::arg("department_col") = pc.department, py::arg("title_col") = pc.title, py::arg("level_col") = pc.level,
      py::arg("manager_col") = pc.manager, py::arg("source_col") = tc.source, py::arg("target_col") = tc.target,
      py::arg("relation_col") = tc.relation, py::arg("weight_col") = tc.weight,
      py::arg("default_relation") = tc.default_relation, py::arg("delimiter") = std::string(1, csv.dialect.delimiter),
      py::arg("comment") = comment_default(), py::arg("relations") = py::none(), py::arg("strict_relations") = false,
      py::arg("create_missing") = build.unknown_people == UnknownPersonPolicy::create,
      py::arg("hierarchy_relation") = build.hierarchy_relation,
      doc("Load people and ties from two CSV files (quoted fields, UTF-8, CRLF, comments and blank lines are "
          "handled).",
          std::string(csv_people_params) + csv_ties_params, true, raises_doc)
          .c_str());

  m.def(
      "load_ties_csv",
      [](const fs::path& ties, py::object source_col, py::object target_col, py::object relation_col,
         py::object weight_col, std::string default_relation, std::string delimiter, py::object comment,
         py::object relations, bool strict_relations, std::string hierarchy_relation) {
        const py::object none = py::none();
        CsvOptions options =
            csv_options({py::str(CsvOptions{}.people.id), none, none, none, none, none, source_col, target_col,
                         relation_col, weight_col, std::move(default_relation), std::move(delimiter), comment},
                        build_options_arg(relations, strict_relations, true, std::move(hierarchy_relation)));
        ReleaseGil release;
        return load_ties_csv(ties, options);
      },
      py::arg("ties"), py::kw_only(), py::arg("source_col") = tc.source, py::arg("target_col") = tc.target,
      py::arg("relation_col") = tc.relation, py::arg("weight_col") = tc.weight,
      py::arg("default_relation") = tc.default_relation, py::arg("delimiter") = std::string(1, csv.dialect.delimiter),
      py::arg("comment") = comment_default(), py::arg("relations") = py::none(), py::arg("strict_relations") = false,
      py::arg("hierarchy_relation") = build.hierarchy_relation,
      doc("Load a ties CSV file alone; every person named by a tie is created, with no attributes.",
          std::string(
              "ties : str or os.PathLike\n    Ties file: source, target, and optionally relation and weight.\n") +
              csv_ties_params,
          false, raises_doc)
          .c_str());

  const EdgeListOptions edge_list;
  m.def(
      "load_edge_list",
      [](const fs::path& path, std::string relation, py::object relations, bool strict_relations,
         std::string hierarchy_relation) {
        EdgeListOptions options;
        options.relation = std::move(relation);
        options.build = build_options_arg(relations, strict_relations, true, std::move(hierarchy_relation));
        ReleaseGil release;
        return load_edge_list(path, options);
      },
      py::arg("path"), py::kw_only(), py::arg("relation") = edge_list.relation, py::arg("relations") = py::none(),
      py::arg("strict_relations") = false, py::arg("hierarchy_relation") = build.hierarchy_relation,
      doc("Load a whitespace-separated edge list, \"source target [weight]\" per line (SNAP, igraph's ncol).\n\n"
          "Lines starting with '#' or '%' and blank lines are skipped; people are created from the ids that "
          "name them.",
          "path : str or os.PathLike\nrelation : str\n    Relation given to every tie.", false, raises_doc)
          .c_str());

  const GraphmlReadOptions gml;
  const std::string graphml_params = R"doc(name_key, department_key, title_key, level_key, manager_key : str or None
    attr.name of the node keys that fill person fields; None or "" turns the
    field off (its key becomes a free attribute). Other node keys become free
    attributes.
relation_key, weight_key : str or None
    attr.name of the edge keys holding the relation and the weight.
default_relation : str
    Relation of edges without one. Undirected edges become two ties.)doc";
  m.def(
      "read_graphml",
      [](const fs::path& path, py::object name_key, py::object department_key, py::object title_key,
         py::object level_key, py::object manager_key, py::object relation_key, py::object weight_key,
         std::string default_relation, py::object relations, bool strict_relations, bool create_missing,
         std::string hierarchy_relation) {
        const GraphmlReadOptions options = graphml_options(
            name_key, department_key, title_key, level_key, manager_key, relation_key, weight_key,
            std::move(default_relation),
            build_options_arg(relations, strict_relations, create_missing, std::move(hierarchy_relation)));
        ReleaseGil release;
        return read_graphml(path, options);
      },
      py::arg("path"), py::kw_only(), py::arg("name_key") = gml.name_key,
      py::arg("department_key") = gml.department_key, py::arg("title_key") = gml.title_key,
      py::arg("level_key") = gml.level_key, py::arg("manager_key") = gml.manager_key,
      py::arg("relation_key") = gml.relation_key, py::arg("weight_key") = gml.weight_key,
      py::arg("default_relation") = gml.default_relation, py::arg("relations") = py::none(),
      py::arg("strict_relations") = false,
      py::arg("create_missing") = gml.build.unknown_people == UnknownPersonPolicy::create,
      py::arg("hierarchy_relation") = gml.build.hierarchy_relation,
      doc("Read a GraphML file: nodes are people, edges are ties.", "path : str or os.PathLike\n" + graphml_params,
          true, raises_doc)
          .c_str());

  m.def(
      "read_graphml_string",
      [](const std::string& xml, std::string source_name, py::object name_key, py::object department_key,
         py::object title_key, py::object level_key, py::object manager_key, py::object relation_key,
         py::object weight_key, std::string default_relation, py::object relations, bool strict_relations,
         bool create_missing, std::string hierarchy_relation) {
        const GraphmlReadOptions options = graphml_options(
            name_key, department_key, title_key, level_key, manager_key, relation_key, weight_key,
            std::move(default_relation),
            build_options_arg(relations, strict_relations, create_missing, std::move(hierarchy_relation)));
        ReleaseGil release;
        return read_graphml_string(xml, options, source_name);
      },
      py::arg("xml"), py::kw_only(), py::arg("source_name") = "<string>", py::arg("name_key") = gml.name_key,
      py::arg("department_key") = gml.department_key, py::arg("title_key") = gml.title_key,
      py::arg("level_key") = gml.level_key, py::arg("manager_key") = gml.manager_key,
      py::arg("relation_key") = gml.relation_key, py::arg("weight_key") = gml.weight_key,
      py::arg("default_relation") = gml.default_relation, py::arg("relations") = py::none(),
      py::arg("strict_relations") = false,
      py::arg("create_missing") = gml.build.unknown_people == UnknownPersonPolicy::create,
      py::arg("hierarchy_relation") = gml.build.hierarchy_relation,
      doc("Read GraphML held in a string.",
          "xml : str\nsource_name : str\n    Prefixes error messages.\n" + graphml_params, true, raises_doc)
          .c_str());

  m.def(
      "write_graphml_string",
      [](const InfluenceGraph& graph) {
        std::ostringstream out;
        {
          ReleaseGil release;
          write_graphml(graph, out);
        }
        return out.str();
      },
      py::arg("graph"),
      R"doc(The graph as a GraphML document (see write_graphml).

Raises
------
ValueError
    For what GraphML cannot carry exactly: a free attribute with an empty
    name, or text that is not UTF-8 or holds control characters other than
    tab, line feed and carriage return.)doc");
  m.def(
      "write_graphml",
      [](const InfluenceGraph& graph, py::object file) {
        if (py::hasattr(file, "write")) {
          std::ostringstream out;
          {
            ReleaseGil release;
            write_graphml(graph, out);
          }
          // Binary streams (open(..., "wb"), BytesIO) get UTF-8 bytes, others text.
          auto io = py::module_::import("io");
          const bool binary =
              py::isinstance(file, io.attr("BufferedIOBase")) || py::isinstance(file, io.attr("RawIOBase"));
          if (binary) {
            file.attr("write")(py::bytes(out.str()));
          } else {
            file.attr("write")(py::str(out.str()));
          }
          return;
        }
        const auto path = file.cast<fs::path>();
        ReleaseGil release;
        write_graphml(graph, path);
      },
      py::arg("graph"), py::arg("file"),
      R"doc(Write the graph as GraphML: people as nodes (with their fields and free
attributes), observed ties as edges with relation and weight.

Reading it back with the same relation map gives the same graph. Levels are
written only where the data gave them; the relation map itself is not written.

Parameters
----------
graph : InfluenceGraph
file : str, os.PathLike or file object
    A path is created or replaced; an object with a ``write`` method receives
    the document (bytes for binary streams, str otherwise).

Raises
------
ValueError
    See write_graphml_string.)doc");

  // ---- bundled datasets
  m.def(
      "bundled_datasets",
      [] {
        py::list out;
        for (const DatasetInfo& d : bundled_datasets()) {
          py::dict info;
          info["name"] = std::string(d.name);
          info["folder"] = std::string(d.folder);
          info["description"] = std::string(d.description);
          info["citation"] = std::string(d.citation);
          out.append(info);
        }
        return out;
      },
      "The bundled published datasets (Krackhardt first): dicts with name, folder, description, citation.");
  m.def("bundled_data_dir", &bundled_data_dir,
        "Directory of the bundled data: $ORGNET_DATA_DIR if set, else the source tree orgnet was built from, else the "
        "installed share/orgnet/data. Raises ValueError if none exists.");
  m.def(
      "load_dataset",
      [](const std::string& name, py::object relations, bool strict_relations, bool create_missing,
         std::string hierarchy_relation) {
        const BuildOptions options =
            build_options_arg(relations, strict_relations, create_missing, std::move(hierarchy_relation));
        ReleaseGil release;
        return load_dataset(name, options);
      },
      py::arg("name") = std::string(bundled_datasets().front().name), py::kw_only(), py::arg("relations") = py::none(),
      py::arg("strict_relations") = false,
      py::arg("create_missing") = build.unknown_people == UnknownPersonPolicy::create,
      py::arg("hierarchy_relation") = build.hierarchy_relation,
      doc("Load a bundled dataset by short name (krackhardt, lazega, email_eu_core, uk_faculty, enron) or folder.\n\n"
          "Krackhardt's levels are derived from reports_to (CEO 0); the file's 1-based column is kept as the free "
          "attribute \"level\".",
          "name : str", true,
          "\n\nReturns\n-------\nInfluenceGraph\n\nRaises\n------\nValueError\n    For an unknown name (the message "
          "lists the bundled ones).")
          .c_str());
}

}  // namespace orgnet::python
