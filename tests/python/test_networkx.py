"""Conversion to and from networkx; from_networkx(to_networkx(g)) is exact."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest

import orgnet
from oracles import DATASETS, assert_same_graph


@pytest.mark.parametrize("name", DATASETS)
def test_round_trip_bundled(datasets, name):
    g = datasets[name]
    assert_same_graph(orgnet.from_networkx(orgnet.to_networkx(g)), g)


def test_round_trip_hand_made(small):
    back = orgnet.from_networkx(orgnet.to_networkx(small))
    assert_same_graph(back, small)
    # "dee" was created from a tie in `small`; in the networkx graph she is a node.
    assert small.load_report()["people_from_ties"] == 1
    assert back.load_report()["people_from_ties"] == 0


@pytest.mark.parametrize(
    "relations",
    [
        None,
        {"advice": "source_to_target,scale_by_max"},
        orgnet.RelationMap({"advice": "both", "email": "target_to_source", "reports_to": "target_to_source,as_is",
                            "gossip": ("both", "scale_by_max")}),  # strict: no fallback
    ],
)
def test_round_trip_keeps_the_relation_map(relations):
    b = orgnet.GraphBuilder(relations=relations, create_missing=True)
    b.add_tie("a", "b", "advice", 3.0)
    b.add_tie("b", "a", "email", 0.25)
    b.add_tie("c", "a", "gossip", 7.0)
    b.add_tie("a", "c", "advice", 1.0)
    g = b.build()
    G = orgnet.to_networkx(g)
    assert G.graph["relation_map"] == g.relation_map().to_dict()
    fallback = g.relation_map().fallback()
    assert G.graph["relation_fallback"] == (None if fallback is None else str(fallback))
    assert_same_graph(orgnet.from_networkx(G), g)


def test_round_trip_degenerate():
    empty = orgnet.InfluenceGraph()
    assert_same_graph(orgnet.from_networkx(orgnet.to_networkx(empty)), empty)
    b = orgnet.GraphBuilder()
    b.add_person("solo", level=3)
    one = b.build()
    assert_same_graph(orgnet.from_networkx(orgnet.to_networkx(one)), one)


def test_ties_graph_contents(small):
    G = orgnet.to_networkx(small)
    assert isinstance(G, nx.MultiDiGraph)
    assert list(G.nodes) == small.ids()
    assert G.nodes["ana"] == {"name": "Ana", "department": "Exec", "title": "CEO", "level": 0,
                              "attribute:level": "L1", "site": "Zürich", "attribute:attribute:x": ""}
    # Levels only where given; managers where there is one (field or reports_to tie).
    assert "level" not in G.nodes["bo"] and G.nodes["bo"]["manager"] == "ana"
    assert G.nodes["cy"]["manager"] == "ana"
    assert G.nodes["cy"]["attribute:attribute:x"] == "odd"
    assert "manager" not in G.nodes["dee"] and G.nodes["dee"]["department"] == ""
    edges = sorted(G.edges(keys=True, data=True), key=lambda e: e[2])
    assert [(u, v, k, d["relation"], d["weight"]) for u, v, k, d in edges] == [
        ("bo", "ana", 0, "advice", 1.0),
        ("cy", "ana", 1, "reports_to", 1.0),
        ("bo", "cy", 2, "email", 2.0),
        ("bo", "cy", 3, "email", 0.1),
        ("cy", "cy", 4, "advice", 1.0),
        ("dee", "bo", 5, "gossip", 3.0),
    ]


@pytest.mark.parametrize("name", DATASETS)
def test_influence_graph_contents(datasets, name):
    g = datasets[name]
    D = orgnet.to_networkx(g, kind="influence")
    assert isinstance(D, nx.DiGraph) and not D.is_multigraph()
    assert D.number_of_nodes() == g.num_vertices and D.number_of_edges() == g.num_edges
    frame = g.edges_frame()
    for u, v, s, relations in zip(frame.source, frame.target, frame.strength, frame.relations):
        data = D.edges[u, v]
        assert data["strength"] == s
        assert data["distance"] == (0.0 if s == 1.0 else -math.log(s))
        assert ";".join(data["relations"]) == relations
    # Reciprocity and components as networkx sees them agree with orgnet.
    s = orgnet.summary(g)
    if g.num_edges:
        assert nx.overall_reciprocity(D) == pytest.approx(s["reciprocity"], rel=1e-15)
    assert nx.number_weakly_connected_components(D) == s["weak_components"]
    assert nx.number_strongly_connected_components(D) == s["strong_components"]


def test_to_networkx_unknown_kind(small):
    with pytest.raises(ValueError, match=r"^to_networkx: unknown kind 'edges' \(expected ties or influence\)$"):
        orgnet.to_networkx(small, kind="edges")


def test_from_undirected_graph_splits_edges():
    G = nx.karate_club_graph()
    g = orgnet.from_networkx(G)
    assert g.num_vertices == 34
    assert g.ids() == [str(n) for n in G.nodes]
    assert g.num_ties == 2 * G.number_of_edges() == 156
    assert g.load_report()["undirected_ties_split"] == 78
    # Every edge becomes u -> v then v -> u, with the edge's weight.
    frame = g.ties_frame()
    for i, (u, v, data) in enumerate(G.edges(data=True)):
        assert tuple(frame.iloc[2 * i][["source", "target"]]) == (str(u), str(v))
        assert tuple(frame.iloc[2 * i + 1][["source", "target"]]) == (str(v), str(u))
        assert frame.weight.iloc[2 * i] == frame.weight.iloc[2 * i + 1] == data["weight"]
    # The "club" node attribute becomes a free attribute.
    assert g.attribute("club") == [G.nodes[n]["club"] for n in G.nodes]
    # Influence edges: each undirected pair, both ways.
    assert g.num_edges == 156


def test_undirected_self_loop_is_one_tie():
    G = nx.Graph()
    G.add_edge("a", "a")
    G.add_edge("a", "b")
    g = orgnet.from_networkx(G)
    assert g.ties_frame()[["source", "target"]].values.tolist() == [["a", "a"], ["a", "b"], ["b", "a"]]
    assert g.load_report()["self_ties"] == 1 and g.load_report()["undirected_ties_split"] == 1


def test_from_plain_digraph_with_attributes():
    G = nx.DiGraph()
    G.add_node(1, name="One", level=0, dept="x")
    G.add_node(2, manager=1, level=np.int64(1), department="Ops", weight_class=3.5)
    G.add_node(3, level=2.0, manager=None, department=float("nan"))
    G.add_edge(2, 1, relation="advice", weight=2)
    G.add_edge(3, 1)
    g = orgnet.from_networkx(G)
    assert g.ids() == ["1", "2", "3"]
    assert g.name(0) == "One" and g.manager(1) == 0 and g.manager(2) is None
    assert g.levels().tolist() == [0, 1, 2] and g.levels_given().all()
    assert g.department_names() == ["Ops"] and g.department(2) is None
    assert g.attribute_names() == ["dept", "weight_class"]
    assert g.attribute("weight_class") == ["", "3.5", ""]
    assert g.relation_names() == ["advice", "tie"]
    assert g.ties()["weight"].tolist() == [2.0, 1.0]


def test_from_networkx_options():
    G = nx.MultiDiGraph()
    G.add_edge("a", "b", kind="trust", w=0.5)
    G.add_edge("a", "b", kind="trust", w=0.25)
    g = orgnet.from_networkx(G, relation_attr="kind", weight_attr="w",
                             relation_map={"trust": "source_to_target,as_is"})
    assert g.relation_names() == ["trust"]
    assert g.strengths().tolist() == [1 - 0.5 * 0.75]
    with pytest.raises(ValueError, match=r"relation 'kind_of' is not in the relation map and the map has no fallback"):
        H = nx.DiGraph()
        H.add_edge("a", "b", relation="kind_of")
        orgnet.from_networkx(H, strict_relations=True)


def test_from_networkx_errors():
    G = nx.DiGraph()
    G.add_node("a", level="top")
    with pytest.raises(ValueError, match=r"^node 'a': level must be a whole number >= 0, got 'top'$"):
        orgnet.from_networkx(G)
    G = nx.DiGraph()
    G.add_node("a", manager="a")
    with pytest.raises(ValueError, match=r"^node 'a': field 'manager': person 'a' is their own manager$"):
        orgnet.from_networkx(G)
    G = nx.DiGraph()
    G.add_edge("a", "b", weight=-1.0)
    with pytest.raises(ValueError, match=r"^tie 0: field 'weight': expected a finite number > 0, got -1$"):
        orgnet.from_networkx(G)
    G = nx.DiGraph()
    G.add_edge("a", "b", weight=float("nan"))
    with pytest.raises(ValueError, match=r"got nan$"):
        orgnet.from_networkx(G)
    G = nx.DiGraph()
    G.add_node("a", manager="zed")
    with pytest.raises(ValueError, match=r"manager 'zed' of person 'a' names nobody in the people data"):
        orgnet.from_networkx(G)


def test_multigraph_with_ordinary_keys_keeps_edge_order():
    """Keys that are not distinct integers leave the ties in networkx's edge order."""
    G = nx.MultiDiGraph()
    G.add_edge("b", "a", key="x")
    G.add_edge("a", "b", key="y")
    G.add_edge("a", "b")
    g = orgnet.from_networkx(G)
    assert g.ties_frame()[["source", "target"]].values.tolist() == [["b", "a"], ["a", "b"], ["a", "b"]]
