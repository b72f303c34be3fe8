"""Independent oracles for the orgnet Python tests.

Everything here reads the bundled CSV files with pandas and restates the
documented relation map itself, so the tests compare orgnet against code that
shares nothing with it.
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import networkx as nx
import pandas as pd

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
MALFORMED = REPO / "tests" / "data" / "malformed"

#: Bundled datasets: folder, the column orgnet reads as the department, and the
#: value that means "none" in the person fields (data/*/README.md: Krackhardt's
#: CEO has department code 0, "no department"; Enron writes NA for an unknown position).
DATASETS = {
    "krackhardt": {"folder": "krackhardt_high_tech", "department": "dept", "none": "0"},
    "lazega": {"folder": "lazega_law_firm", "department": "office_label"},
    "email_eu_core": {"folder": "email_eu_core", "department": "department"},
    "uk_faculty": {"folder": "uk_faculty", "department": "group"},
    "enron": {"folder": "enron_email", "department": None, "none": "NA"},
}

# The default relation map as documented (docs/data-model.md, relation_map.hpp),
# restated: relations whose influence runs against the tie, relations that act
# both ways, relations whose weights are already strengths, and the scale that
# multiplies a relation's strengths (1 when not listed). Every other relation
# runs with the tie and uses the weighted cascade.
REVERSED = {"advice", "trust", "friendship", "reports_to"}
BOTH = {"cowork"}
AS_IS = {"reports_to"}
SCALE = {"reports_to": 0.5}


def read_raw(name: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """nodes.csv (all text) and edges.csv (ids as text, weight as float)."""
    folder = DATA / DATASETS[name]["folder"]
    nodes = pd.read_csv(folder / "nodes.csv", dtype=str, keep_default_na=False)
    edges = pd.read_csv(
        folder / "edges.csv",
        dtype={"source": str, "target": str, "relation": str, "weight": np.float64},
        keep_default_na=False,
    )
    return nodes, edges


def influence_arcs(edges: pd.DataFrame) -> pd.DataFrame:
    """Directed influence contributions u -> v (columns u, v, relation, weight),
    directions applied, self-ties dropped, `both` relations doubled."""
    edges = edges[edges.source != edges.target]
    forward = ~edges.relation.isin(REVERSED)
    parts = [
        pd.DataFrame(
            {
                "u": np.where(forward, edges.source, edges.target),
                "v": np.where(forward, edges.target, edges.source),
                "relation": edges.relation.to_numpy(),
                "weight": edges.weight.to_numpy(),
            }
        )
    ]
    both = edges[edges.relation.isin(BOTH)]
    parts.append(
        pd.DataFrame(
            {
                "u": both.target.to_numpy(),
                "v": both.source.to_numpy(),
                "relation": both.relation.to_numpy(),
                "weight": both.weight.to_numpy(),
            }
        )
    )
    return pd.concat(parts, ignore_index=True)


def arc_strengths(arcs: pd.DataFrame) -> pd.Series:
    """Strength of each arc: as is, or weighted cascade w(u,v) / sum_x w(x,v)
    over the arcs of the same relation into v; then times the relation's scale."""
    into = arcs.groupby(["relation", "v"]).weight.transform("sum")
    scale = arcs.relation.map(SCALE).fillna(1.0).to_numpy()
    return pd.Series(scale * np.where(arcs.relation.isin(AS_IS), arcs.weight, arcs.weight / into), index=arcs.index)


def edge_strengths(edges: pd.DataFrame) -> pd.Series:
    """Noisy-or merged strength of each influence pair: 1 - prod(1 - s_i),
    indexed by (u, v)."""
    arcs = influence_arcs(edges)
    arcs["miss"] = 1.0 - arc_strengths(arcs)
    return 1.0 - arcs.groupby(["u", "v"]).miss.prod()


def influence_digraph(name: str) -> nx.DiGraph:
    """The influence graph of a bundled dataset, built by networkx from the raw files
    (directions applied, self-ties dropped, parallel arcs merged into one edge)."""
    nodes, edges = read_raw(name)
    arcs = influence_arcs(edges)
    graph = nx.DiGraph()
    graph.add_nodes_from(nodes.id)
    graph.add_edges_from(zip(arcs.u, arcs.v))
    return graph


def assert_same_graph(a, b, *, load_report: bool = False) -> None:
    """a and b are the same graph: people, attributes, ties (bit for bit),
    relation specs and map, CSR arrays and strengths."""
    assert a.num_vertices == b.num_vertices
    assert a.num_ties == b.num_ties
    assert a.num_edges == b.num_edges
    assert a.ids() == b.ids()
    assert a.names() == b.names()
    assert a.titles() == b.titles()
    assert a.department_names() == b.department_names()
    np.testing.assert_array_equal(a.departments(), b.departments())
    np.testing.assert_array_equal(a.levels(), b.levels())
    np.testing.assert_array_equal(a.levels_given(), b.levels_given())
    np.testing.assert_array_equal(a.managers(), b.managers())
    assert a.attribute_names() == b.attribute_names()
    for name in a.attribute_names():
        assert a.attribute(name) == b.attribute(name), name
    assert a.relation_names() == b.relation_names()
    assert [a.relation_spec(r) for r in a.relation_names()] == [b.relation_spec(r) for r in b.relation_names()]
    assert a.relation_map() == b.relation_map()
    ta, tb = a.ties(), b.ties()
    for key in ("source", "target", "relation"):
        np.testing.assert_array_equal(ta[key], tb[key])
    np.testing.assert_array_equal(ta["weight"].view(np.uint64), tb["weight"].view(np.uint64))
    for accessor in ("out_offsets", "out_targets", "edge_sources", "in_offsets", "in_sources", "in_edge_ids",
                     "edge_relations"):
        np.testing.assert_array_equal(getattr(a, accessor)(), getattr(b, accessor)(), err_msg=accessor)
    # Bit-identical strengths, not merely close.
    np.testing.assert_array_equal(a.strengths().view(np.uint64), b.strengths().view(np.uint64))
    if load_report:
        assert a.load_report() == b.load_report()


@functools.total_ordering
class Key:
    """A path length (-ln s summed, strength-1 steps) ordered lexicographically:
    among equally probable chains orgnet counts those with the fewest
    zero-length steps (betweenness.hpp), which plain float lengths cannot say.
    Used as the weight of NetworkX's shortest-path searches in the oracles."""

    __slots__ = ("length", "zeros")

    def __init__(self, length, zeros=0):
        self.length, self.zeros = length, zeros

    def _pair(self, other):
        return (other.length, other.zeros) if isinstance(other, Key) else (other, 0)

    def __add__(self, other):
        length, zeros = self._pair(other)
        return Key(self.length + length, self.zeros + zeros)

    __radd__ = __add__

    def __lt__(self, other):
        return (self.length, self.zeros) < self._pair(other)

    def __eq__(self, other):
        return (self.length, self.zeros) == self._pair(other)

    def __hash__(self):
        return hash((self.length, self.zeros))
