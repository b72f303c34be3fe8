"""GraphML: orgnet's writer and reader round trip, and networkx interoperates."""

from __future__ import annotations

import io
import re

import networkx as nx
import pytest

import orgnet
from oracles import DATASETS, MALFORMED, assert_same_graph


def graphml_round_trip(graph, tmp_path, **read_options):
    path = tmp_path / "graph.graphml"
    orgnet.write_graphml(graph, path)
    return orgnet.read_graphml(path, relations=graph.relation_map(), **read_options)


@pytest.mark.parametrize("name", DATASETS)
def test_round_trip_bundled(datasets, name, tmp_path):
    g = datasets[name]
    assert_same_graph(graphml_round_trip(g, tmp_path), g)


def test_krackhardt_level_attribute_stays_an_attribute(krackhardt, tmp_path):
    """Krackhardt keeps the file's 1-based level column as a free attribute
    named "level"; it must not come back as the (derived, 0-based) level."""
    back = graphml_round_trip(krackhardt, tmp_path)
    assert not back.levels_given().any()
    assert back.attribute("level") == krackhardt.attribute("level")


def test_unwritable_text_is_rejected_before_writing(tmp_path):
    b = orgnet.GraphBuilder()
    b.add_person("a", name="bell\x07")
    with pytest.raises(ValueError, match=r"^cannot write GraphML: "):
        orgnet.write_graphml(b.build(), tmp_path / "g.graphml")
    assert not (tmp_path / "g.graphml").exists()


@pytest.fixture()
def tricky():
    """Escaping, Unicode, given and derived levels, a manager field and a
    reports_to tie, a self-tie, a relation using the fallback, a custom map."""
    b = orgnet.GraphBuilder(relations={"advice": "both,scale_by_max"})
    b.add_person("a&b", name="Zoë <\"boss\">", department="R&D", title="C'EO", level=0,
                 attributes={"note": "x\ty", "empty": ""})
    b.add_person("ß", manager="a&b", attributes={"note": "  spaced  "})
    b.add_person("c")
    b.add_tie("ß", "a&b", "advice", 0.1 + 0.2)
    b.add_tie("c", "ß", "reports_to", 1.0)
    b.add_tie("c", "c", "advice", 5e-324)
    b.add_tie("a&b", "c", "banter", 1e300)
    return b.build()


def test_round_trip_hand_made(tricky, tmp_path):
    assert_same_graph(graphml_round_trip(tricky, tmp_path), tricky)
    assert graphml_round_trip(tricky, tmp_path).level_given(2) is False


def test_write_to_file_object_and_string(tricky):
    buffer = io.StringIO()
    orgnet.write_graphml(tricky, buffer)
    text = orgnet.write_graphml_string(tricky)
    assert buffer.getvalue() == text
    back = orgnet.read_graphml_string(text, relations=tricky.relation_map())
    assert_same_graph(back, tricky)
    binary = io.BytesIO()
    orgnet.write_graphml(tricky, binary)
    assert binary.getvalue() == text.encode("utf-8")


def test_networkx_reads_orgnet_graphml(datasets, tmp_path):
    g = datasets["uk_faculty"]
    path = tmp_path / "uk.graphml"
    orgnet.write_graphml(g, path)
    G = nx.read_graphml(path)
    assert list(G.nodes) == g.ids()
    assert G.number_of_edges() == g.num_ties
    names = g.department_names()
    assert [G.nodes[n]["department"] for n in G.nodes] == [names[d] for d in g.departments()]
    weights = [w for _, _, w in G.edges(data="weight")]
    assert sorted(weights) == sorted(g.ties()["weight"].tolist())


def test_orgnet_reads_networkx_graphml(tmp_path):
    G = nx.DiGraph()
    G.add_node("ana", name="Ana", department="Exec", level=0)
    G.add_node("bo", name="Bo", department="Sales", manager="ana", site="Paris")
    G.add_edge("bo", "ana", relation="advice", weight=2.5)
    G.add_edge("ana", "bo", relation="email", weight=1.0)
    path = tmp_path / "nx.graphml"
    nx.write_graphml(G, path)
    g = orgnet.read_graphml(path)
    assert g.ids() == ["ana", "bo"]
    assert g.names() == ["Ana", "Bo"]
    assert g.level(0) == 0 and g.level_given(0) and g.manager(1) == 0
    assert g.attribute("site") == ["", "Paris"]
    # networkx writes edges in its own edge order (by source node).
    assert g.ties_frame().values.tolist() == [["ana", "bo", "email", 1.0], ["bo", "ana", "advice", 2.5]]


def test_undirected_graphml_edges_become_two_ties():
    xml = """<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <graph edgedefault="undirected"><node id="a"/><node id="b"/><edge source="a" target="b"/></graph>
</graphml>"""
    g = orgnet.read_graphml_string(xml)
    assert g.ties_frame()[["source", "target"]].values.tolist() == [["a", "b"], ["b", "a"]]
    assert g.load_report()["undirected_ties_split"] == 1


def test_graphml_read_options():
    xml = """<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k0" for="node" attr.name="rank" attr.type="int"/>
  <key id="k1" for="edge" attr.name="kind" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="a"><data key="k0">2</data></node><node id="b"/>
    <edge source="a" target="b"><data key="k1">gossip</data></edge>
    <edge source="b" target="a"/>
  </graph>
</graphml>"""
    g = orgnet.read_graphml_string(xml, level_key="rank", relation_key="kind", default_relation="chat")
    assert g.level(0) == 2 and g.level_given(0)
    assert g.relation_names() == ["gossip", "chat"]
    with pytest.raises(ValueError, match=r"^memory\.graphml:"):
        orgnet.read_graphml_string(xml, source_name="memory.graphml", strict_relations=True)


MALFORMED_GRAPHML = sorted((MALFORMED / "graphml").glob("*.graphml"))


@pytest.mark.parametrize("path", MALFORMED_GRAPHML, ids=lambda p: p.stem)
def test_malformed_graphml_names_file_line_and_column(path):
    with pytest.raises(ValueError) as error:
        orgnet.read_graphml(str(path))
    message = str(error.value)
    assert re.match(re.escape(str(path)) + r":\d+:\d+: \S", message), message
    assert "\n" not in message


def test_malformed_graphml_corpus_is_there():
    assert len(MALFORMED_GRAPHML) >= 5
