// Python bindings of communities and partition agreement
// (structure/communities.hpp, structure/partition_agreement.hpp).
//
// Groupings ("labelings") are accepted as "departments", the name of a free
// attribute, a CommunityResult, or one integer per person (negative = missing);
// the Python wrapper in orgnet/_structure.py also factorizes any sequence or
// pandas Series of labels into integers before calling in.

#include <string>

#include "common.hpp"
#include "structure_common.hpp"

namespace orgnet::python {

Labeling labeling_arg(const InfluenceGraph& graph, py::handle value, const char* argument) {
  Labeling labeling;
  if (py::isinstance<py::str>(value)) {
    const auto text = value.cast<std::string>();
    labeling =
        text == "departments" || text == "department" ? department_labeling(graph) : attribute_labeling(graph, text);
  } else if (py::isinstance<CommunityResult>(value)) {
    labeling = community_labeling(value.cast<const CommunityResult&>());
  } else if (py::isinstance<Labeling>(value)) {
    labeling = value.cast<Labeling>();
  } else {
    py::array_t<std::int64_t, py::array::c_style | py::array::forcecast> values;
    try {
      values = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>::ensure(value);
    } catch (const py::error_already_set&) {
    }
    if (!values || values.ndim() != 1) {
      throw py::type_error(std::string(argument) +
                           ": expected \"departments\", an attribute name, a CommunityResult or one integer per "
                           "person, got " +
                           type_name(value));
    }
    labeling = labeling_from_values(std::span<const std::int64_t>(values.data(), values.size()));
  }
  validate_labeling(labeling, graph.num_vertices(), argument);
  return labeling;
}

namespace {

py::list spreads_list(const std::vector<GroupSpread>& spreads, const std::vector<std::string>& own,
                      const std::vector<std::string>& other) {
  py::list out;
  for (const auto& s : spreads) {
    py::list parts;
    for (std::size_t i = 0; i < s.parts.size(); ++i) {
      parts.append(py::make_tuple(other[static_cast<std::size_t>(s.parts[i])], s.part_sizes[i]));
    }
    py::dict item;
    item["group"] = own[static_cast<std::size_t>(s.group)];
    item["size"] = s.size;
    item["parts"] = parts;
    out.append(item);
  }
  return out;
}

}  // namespace

void bind_structure_communities(py::module_& m) {
  py::enum_<ModularityKind>(m, "ModularityKind",
                            "Which modularity: on the undirected view (summed weights) or Leicht-Newman's directed "
                            "one. Functions also accept the strings.")
      .value("undirected", ModularityKind::undirected,
             "A(u, v) = w(u, v) + w(v, u); NetworkX's modularity on that nx.Graph.")
      .value("directed", ModularityKind::directed, "Leicht-Newman; NetworkX's modularity on the influence DiGraph.");
  py::enum_<CommunityAlgorithm>(m, "CommunityAlgorithm", "Community detection method.")
      .value("louvain", CommunityAlgorithm::louvain, "Blondel et al. 2008.")
      .value("leiden", CommunityAlgorithm::leiden, "Traag et al. 2019: refined, connected communities.");

  py::class_<Labeling>(m, "Labeling", "A grouping of the people: a group number per person (-1 = missing) and names.")
      .def(py::init([](std::vector<std::int32_t> label, std::vector<std::string> names) {
             return Labeling{std::move(label), std::move(names)};
           }),
           py::arg("label"), py::arg("names"), "A labeling from group numbers (-1 = missing) and group names.")
      .def_property_readonly(
          "label",
          [](py::object self) {
            const auto& l = self.cast<const Labeling&>();
            return readonly_view(std::span<const std::int32_t>(l.label), self);
          },
          "Group of each vertex (int32, -1 = missing).")
      .def_readonly("names", &Labeling::names, "Name of each group.")
      .def("num_groups", &Labeling::num_groups, "Number of groups.")
      .def("__repr__", [](const Labeling& l) {
        return "<orgnet.Labeling: " + std::to_string(l.label.size()) + " people, " + std::to_string(l.num_groups()) +
               " groups>";
      });

  py::class_<CommunityResult>(m, "CommunityResult", "Communities found by Louvain or Leiden.")
      .def_property_readonly(
          "community",
          [](py::object self) {
            const auto& r = self.cast<const CommunityResult&>();
            return readonly_view(std::span<const std::uint32_t>(r.community), self);
          },
          "Community of each vertex (uint32), numbered 0..count-1 in order of their lowest vertex.")
      .def_property_readonly(
          "sizes",
          [](const CommunityResult& r) {
            std::vector<std::uint64_t> sizes(r.sizes.begin(), r.sizes.end());
            return to_array(std::move(sizes));
          },
          "Number of people in each community (uint64).")
      .def_readonly("modularity", &CommunityResult::modularity,
                    "Modularity of the communities (kind, resolution and weights as requested).")
      .def_readonly("levels", &CommunityResult::levels, "Levels run (local moving + aggregation rounds).")
      .def_readonly("algorithm", &CommunityResult::algorithm, "The algorithm used.")
      .def_readonly("seed", &CommunityResult::seed, "The seed used.")
      .def("count", &CommunityResult::count, "Number of communities.")
      .def("__repr__", [](const CommunityResult& r) {
        return "<orgnet.CommunityResult: " + std::string(to_string(r.algorithm)) + ", " + std::to_string(r.count()) +
               " communities, modularity " + py::repr(py::float_(r.modularity)).cast<std::string>() + ">";
      });

  py::class_<PartitionAgreement>(m, "PartitionAgreement",
                                 "Agreement of two groupings: NMI, ARI, contingency, splits and merges.")
      .def_readonly("nmi", &PartitionAgreement::nmi, "Normalized mutual information (arithmetic mean, as sklearn).")
      .def_readonly("ari", &PartitionAgreement::ari, "Adjusted Rand index.")
      .def_readonly("compared", &PartitionAgreement::compared, "People labelled in both groupings.")
      .def_readonly("a_names", &PartitionAgreement::a_names, "Group names of the first grouping (rows).")
      .def_readonly("b_names", &PartitionAgreement::b_names, "Group names of the second grouping (columns).")
      .def_property_readonly(
          "counts",
          [](const PartitionAgreement& r) {
            py::array_t<std::int64_t> a({static_cast<py::ssize_t>(r.a_groups), static_cast<py::ssize_t>(r.b_groups)});
            auto view = a.mutable_unchecked<2>();
            for (std::size_t i = 0; i < r.a_groups; ++i) {
              for (std::size_t j = 0; j < r.b_groups; ++j) view(i, j) = static_cast<std::int64_t>(r.count(i, j));
            }
            return a;
          },
          "Contingency counts (int64, rows: groups of a, columns: groups of b).")
      .def_property_readonly(
          "splits", [](const PartitionAgreement& r) { return spreads_list(r.splits, r.a_names, r.b_names); },
          "Groups of a spread over several groups of b: list of {group, size, parts: [(b group, people)]}.")
      .def_property_readonly(
          "merges", [](const PartitionAgreement& r) { return spreads_list(r.merges, r.b_names, r.a_names); },
          "Groups of b that gather several groups of a: list of {group, size, parts: [(a group, people)]}.")
      .def("__repr__", [](const PartitionAgreement& r) {
        return "<orgnet.PartitionAgreement: nmi " + py::repr(py::float_(r.nmi)).cast<std::string>() + ", ari " +
               py::repr(py::float_(r.ari)).cast<std::string>() + ", " + std::to_string(r.compared) + " people>";
      });

  const ModularityOptions modularity_defaults;
  m.def(
      "modularity",
      [](const InfluenceGraph& graph, py::array_t<std::int64_t, py::array::c_style | py::array::forcecast> community,
         py::object kind, double resolution, bool weighted) {
        if (community.ndim() != 1) throw py::value_error("modularity: community must be one-dimensional");
        std::vector<std::uint32_t> labels(static_cast<std::size_t>(community.size()));
        for (py::ssize_t i = 0; i < community.size(); ++i) {
          const std::int64_t l = community.data()[i];
          if (l < 0 || l > std::numeric_limits<std::uint32_t>::max()) {
            throw invalid_argument("modularity: community labels must be non-negative, got " + std::to_string(l));
          }
          labels[static_cast<std::size_t>(i)] = static_cast<std::uint32_t>(l);
        }
        ModularityOptions options{
            .kind = enum_arg<ModularityKind>(kind, parse_modularity_kind, "kind", "ModularityKind"),
            .resolution = resolution,
            .weighted = weighted};
        ReleaseGil release;
        return modularity(graph, labels, options);
      },
      py::arg("graph"), py::arg("community"), py::kw_only(), py::arg("kind") = py::cast(modularity_defaults.kind),
      py::arg("resolution") = modularity_defaults.resolution, py::arg("weighted") = modularity_defaults.weighted,
      R"doc(Modularity of a partition of the people.

undirected: Q = sum_c [L_c / m - gamma (K_c / 2m)^2] on the undirected view
A(u, v) = w(u, v) + w(v, u) (networkx.community.modularity on that nx.Graph);
directed: Leicht-Newman, Q = sum_c [L_c / W - gamma K_out,c K_in,c / W^2]
(networkx.community.modularity on the influence DiGraph).

Parameters
----------
graph : InfluenceGraph
community : array of int
    One non-negative label per person (vertex order).
kind : ModularityKind or str
    "undirected" (default) or "directed".
resolution : float
    gamma > 0.
weighted : bool
    Strengths as weights (default) or every influence edge 1.)doc");

  const CommunityOptions defaults;
  m.def(
      "communities",
      [](const InfluenceGraph& graph, py::object algorithm, py::object kind, double resolution, bool weighted,
         std::uint64_t seed, double threshold, std::size_t max_levels, double randomness, std::size_t iterations) {
        CommunityOptions options{
            .algorithm =
                enum_arg<CommunityAlgorithm>(algorithm, parse_community_algorithm, "algorithm", "CommunityAlgorithm"),
            .kind = enum_arg<ModularityKind>(kind, parse_modularity_kind, "kind", "ModularityKind"),
            .resolution = resolution,
            .weighted = weighted,
            .seed = seed,
            .threshold = threshold,
            .max_levels = max_levels,
            .randomness = randomness,
            .iterations = iterations};
        ReleaseGil release;
        return communities(graph, options);
      },
      py::arg("graph"), py::kw_only(), py::arg("algorithm") = py::cast(defaults.algorithm),
      py::arg("kind") = py::cast(defaults.kind), py::arg("resolution") = defaults.resolution,
      py::arg("weighted") = defaults.weighted, py::arg("seed") = defaults.seed,
      py::arg("threshold") = defaults.threshold, py::arg("max_levels") = defaults.max_levels,
      py::arg("randomness") = defaults.randomness, py::arg("iterations") = defaults.iterations,
      R"doc(Communities by Louvain or Leiden, maximizing modularity.

Parameters
----------
graph : InfluenceGraph
algorithm : CommunityAlgorithm or str
    "louvain" (default) or "leiden" (refined, connected communities).
kind : ModularityKind or str
    "undirected" (default: the two directions of a pair summed) or
    "directed" (Leicht-Newman).
resolution : float
    gamma > 0: above 1 gives smaller communities.
weighted : bool
    Strengths as weights (default) or every influence edge 1.
seed : int
    Same seed, same communities, on every machine and thread count.
threshold : float
    Louvain stops when a level gains no more modularity than this
    (NetworkX's 1e-7); Leiden likewise for a whole run.
max_levels : int
    Stop after this many aggregation levels; 0 = until converged.
randomness : float
    Leiden's refinement randomness theta > 0.
iterations : int
    Leiden runs, each from the previous result; 0 = until no improvement.

Returns
-------
CommunityResult
    ``community`` by vertex id, ``sizes``, ``modularity``, ``levels``.)doc");

  m.attr("_AGREEMENT_DEFAULTS") =
      py::dict(py::arg("min_share") = AgreementOptions{}.min_share, py::arg("min_size") = AgreementOptions{}.min_size);
  m.def("department_labeling", &department_labeling, py::arg("graph"),
        "The departments as a Labeling (no department = -1).");
  m.def("attribute_labeling", &attribute_labeling, py::arg("graph"), py::arg("attribute"),
        "The values of a free attribute as a Labeling (groups in order of first appearance; empty = -1).");

  const AgreementOptions agreement_defaults;
  m.def(
      "_partition_agreement",
      [](const InfluenceGraph& graph, py::object a, py::object b, double min_share, std::size_t min_size) {
        const Labeling la = labeling_arg(graph, a, "a");
        const Labeling lb = labeling_arg(graph, b, "b");
        ReleaseGil release;
        return partition_agreement(la, lb, {.min_share = min_share, .min_size = min_size});
      },
      py::arg("graph"), py::arg("a"), py::arg("b"), py::arg("min_share") = agreement_defaults.min_share,
      py::arg("min_size") = agreement_defaults.min_size,
      "partition_agreement on two groupings resolved by labeling_arg (see orgnet.partition_agreement).");
}

}  // namespace orgnet::python
