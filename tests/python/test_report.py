"""The HTML report (orgnet.write_report), the layout and pseudonymization.

The report is parsed with the standard library's html.parser and xml.etree,
and its figures are compared with networkx computed here from the bundled CSV
files (oracles.py), with published counts, and with the raw files (department
sizes) -- never with orgnet's own output alone.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser

import networkx as nx
import numpy as np
import pytest

import orgnet
from oracles import DATASETS, Key, edge_strengths, read_raw


class Tables(HTMLParser):
    """Every <table id=...> as a list of rows; a cell is (text, data-value, data-id).
    Also collects every data-id and every element id."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, list[list[tuple[str, str | None, str | None]]]] = {}
        self.ids: set[str] = set()
        self._table = None
        self._row = None
        self._cell = None
        self._in_head = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "table":
            self._table = self.tables.setdefault(a.get("id", ""), [])
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr" and self._table is not None:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = ["", a.get("data-value"), a.get("data-id")]

    def handle_data(self, data):
        if self._cell is not None:
            self._cell[0] += data

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append(tuple(self._cell))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if not self._in_head:
                self._table.append(self._row)
            self._row = None
        elif tag == "thead":
            self._in_head = False
        elif tag == "table":
            self._table = None


def svg_of(html: str) -> ET.Element:
    match = re.search(r"<svg.*?</svg>", html, re.S)
    assert match
    return ET.fromstring(match.group(0))  # well-formed XML, or this raises


def strength_digraph(name: str) -> nx.DiGraph:
    """networkx DiGraph of a bundled dataset with the noisy-or merged strengths."""
    nodes, edges = read_raw(name)
    g = nx.DiGraph()
    g.add_nodes_from(nodes.id)
    for (u, v), s in edge_strengths(edges).items():
        g.add_edge(u, v, strength=s, length=-math.log(s))
    return g


@pytest.fixture(scope="module")
def krackhardt_report(krackhardt):
    return orgnet.write_report(krackhardt, title="Krackhardt")


def column(table, index):
    return [row[index] for row in table]


def test_summary_shows_the_published_krackhardt_counts(krackhardt_report):
    rows = {row[0][0]: int(row[1][1]) for row in Tables(krackhardt_report).tables["summary-table"]
            if row[1][1] not in (None, "nan") and float(row[1][1]).is_integer()}
    # Krackhardt (1987): 21 managers, 190 advice ties, 102 friendship ties, 20 reporting ties.
    assert rows["People"] == 21
    assert rows["Ties: advice"] == 190
    assert rows["Ties: friendship"] == 102
    assert rows["Ties: reports_to"] == 20
    assert rows["Influence edges (merged, directed)"] == strength_digraph("krackhardt").number_of_edges()


def test_top_pagerank_is_networkx_pagerank_of_influence_exerted(krackhardt_report):
    table = Tables(krackhardt_report).tables["top-pagerank"]
    assert len(table) == 10
    # Influence exerted: PageRank flows against the influence ties.
    expected = nx.pagerank(strength_digraph("krackhardt").reverse(), weight="strength", tol=1e-14, max_iter=10000)
    best = sorted(expected.items(), key=lambda item: (-item[1], int(item[0])))[:10]
    assert [row[1][2] for row in table] == [person for person, _ in best]
    np.testing.assert_allclose([float(row[-1][1]) for row in table], [score for _, score in best], rtol=1e-7)
    assert [int(row[0][1]) for row in table] == list(range(1, 11))


@pytest.mark.parametrize("name", ["krackhardt", "lazega", "uk_faculty"])
def test_top_betweenness_and_degree_match_networkx(datasets, name):
    html = orgnet.write_report(datasets[name], top=8)
    tables = Tables(html).tables
    g = strength_digraph(name)
    # Betweenness on orgnet's own strengths (bit-identical lengths, so that
    # equally long chains tie exactly in both), by NetworkX's algorithm.
    lengths = orgnet.to_networkx(datasets[name], kind="influence")
    for _, _, data in lengths.edges(data=True):
        data["key"] = Key(data["distance"], 1 if data["distance"] == 0.0 else 0)
    between = nx.betweenness_centrality(lengths, weight="key", normalized=True)
    degree = nx.degree_centrality(g)
    for key, oracle in (("top-betweenness", between), ("top-degree", degree)):
        rows = tables[key]
        assert len(rows) == 8
        shown = {row[1][2]: float(row[-1][1]) for row in rows}
        for person, value in shown.items():
            assert value == pytest.approx(oracle[person], rel=1e-9, abs=1e-12), (key, person)
        # They are the 8 highest: nobody left out scores more than the last shown.
        assert min(shown.values()) >= max(v for p, v in oracle.items() if p not in shown) - 1e-12


def undirected_view(g: nx.DiGraph) -> nx.Graph:
    u = nx.Graph()
    u.add_nodes_from(g)
    u.add_edges_from(g.edges())
    return u


def test_cut_points_are_networkx_articulation_points(datasets):
    for name in ("krackhardt", "uk_faculty", "lazega"):
        html = orgnet.write_report(datasets[name], top=1000)
        expected = set(nx.articulation_points(undirected_view(strength_digraph(name))))
        table = Tables(html).tables.get("cut-points", [])
        assert {row[1][2] for row in table} == expected, name


def nmi(a, b):
    """Normalized mutual information, arithmetic-mean normalization (as scikit-learn)."""
    n = len(a)
    joint = Counter(zip(a, b))
    ca, cb = Counter(a), Counter(b)
    mi = sum(c / n * math.log(c * n / (ca[x] * cb[y])) for (x, y), c in joint.items())
    ha = -sum(c / n * math.log(c / n) for c in ca.values())
    hb = -sum(c / n * math.log(c / n) for c in cb.values())
    return 1.0 if ha == hb == 0 else mi / ((ha + hb) / 2)


def test_communities_agreement_is_the_nmi_of_the_labels(datasets):
    g = datasets["lazega"]
    html = orgnet.write_report(g, seed=7)
    found = orgnet.communities(g, seed=7)
    nodes, _ = read_raw("lazega")
    department = dict(zip(nodes.id, nodes.office_label))
    ids = g.ids()
    shown = float(re.search(r'id="nmi" data-value="([^"]+)"', html).group(1))
    assert shown == pytest.approx(nmi([department[i] for i in ids], list(found.community)), rel=1e-9)
    assert f'data-value="{len(found.sizes)}">{len(found.sizes)}</span> communities' in html


@pytest.mark.parametrize("k", [2, 3, 4])
def test_min_group_size_suppresses_exactly_the_small_departments(krackhardt, k):
    html = orgnet.write_report(krackhardt, min_group_size=k)
    nodes, _ = read_raw("krackhardt")
    sizes = Counter(d for d in nodes.dept if d != DATASETS["krackhardt"]["none"])
    rows = Tables(html).tables["departments-table"]
    assert {row[0][0] for row in rows} == set(sizes)
    for row in rows:
        suppressed = all(cell[0] == f"suppressed (< {k})" for cell in row[1:])
        assert suppressed == (sizes[row[0][0]] < k), row
        if not suppressed:
            assert int(row[1][1]) == sizes[row[0][0]]


def personal_graph() -> orgnet.InfluenceGraph:
    b = orgnet.GraphBuilder()
    staff = ["ann.ho", "ben.ito", "cat.uno", "dan.vo", "eve.wu", "fay.xu"]
    for i, person in enumerate(staff):
        b.add_person(person, name=f"Fullname{i}", department="Lab" if i < 4 else "Ops", title=f"Secret title {i}",
                     attributes={"phone": f"555-01{i:02d}"})
    for i, u in enumerate(staff):
        for v in staff[i + 1:i + 3]:
            b.add_tie(u, v, "advice", 1.0)
    return b.build()


def test_pseudonymized_report_contains_no_id_name_title_or_attribute():
    g = personal_graph()
    for salt in ("", "pepper"):
        html = orgnet.write_report(g, pseudonymize=True, pseudonym_salt=salt, path_from="ann.ho", path_to="fay.xu")
        for v in range(g.num_vertices):
            for text in (g.id(v), g.name(v), g.title(v), g.attribute(v, "phone")):
                assert text not in html
        shown = [cell[2] for cell in column(Tables(html).tables["top-pagerank"], 1)]
        assert len(shown) == 6 and set(shown) == set(orgnet.pseudonyms(g, salt=salt))


def test_enron_names_never_appear_when_pseudonymized(datasets):
    nodes, _ = read_raw("enron")
    html = orgnet.write_report(datasets["enron"], pseudonymize=True)
    names = [n for n in nodes.name if len(n) > 3]
    assert names and not [n for n in names if n in html]
    plain = orgnet.write_report(datasets["enron"])
    assert [n for n in names if n in plain]  # the check above can fail


def test_pseudonymize_keeps_every_result():
    g = personal_graph()
    q = orgnet.pseudonymize(g, salt="s")
    assert q.ids() == orgnet.pseudonyms(g, salt="s")
    assert sorted(q.ids()) == [f"P{i:04d}" for i in range(1, 7)]
    assert q.names() == [""] * 6 and q.titles() == [""] * 6
    np.testing.assert_array_equal(orgnet.pagerank(q).score, orgnet.pagerank(g).score)
    frame = orgnet.centrality_table(q)
    assert not set(frame.index) & set(g.ids())


EVIL = ["<script>alert(1)</script>", "\"quoted\" & 'single'", "Zoë Åström 日本語", "</svg><svg onload=x>"]


def test_every_text_is_escaped_and_the_svg_is_well_formed_xml():
    b = orgnet.GraphBuilder()
    for i, person in enumerate(EVIL):
        b.add_person(person, name=f"<b>{person}</b>", department="R&D <team>" if i % 2 else "\"Ops\"")
    for u, v in zip(EVIL, EVIL[1:] + EVIL[:1]):
        b.add_tie(u, v, "<advice>&amp;", 1.0)
    g = b.build()
    html = orgnet.write_report(g, title="<script>title</script>", path_from=EVIL[0], path_to=EVIL[2])
    assert "<script" not in html.lower()
    assert "<b>" not in html and "<advice>" not in html and "onload=x>" not in html
    svg = svg_of(html)
    drawn = [c.get("data-id") for c in svg.iter("{http://www.w3.org/2000/svg}circle")]
    assert sorted(drawn) == sorted(EVIL)  # ids round-trip through the escaping
    parsed = Tables(html)
    assert {cell[2] for cell in column(parsed.tables["top-pagerank"], 1)} == set(EVIL)
    assert "Zoë Åström 日本語" in html
    assert re.search(r"<title>&lt;script&gt;title&lt;/script&gt;</title>", html)


@pytest.mark.parametrize("name", list(DATASETS))
def test_every_dataset_renders_self_contained(datasets, name):
    html = orgnet.write_report(datasets[name])
    svg = svg_of(html)
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    # No external resource: no scheme-qualified URL except the SVG namespace name.
    urls = set(re.findall(r"(?:https?:|//)[^\s\"'<>)]*", html))
    assert urls <= {"http://www.w3.org/2000/svg"}
    assert "<script" not in html and "<link" not in html and "@import" not in html
    assert set(re.findall(r"url\(([^)]*)\)", html)) <= {"#arrow"}
    circles = list(svg.iter("{http://www.w3.org/2000/svg}circle"))
    n = datasets[name].num_vertices
    if n <= 500:
        assert len(circles) == n
    else:  # the 500 highest by PageRank, plus brokers; the caption says so
        assert 500 <= len(circles) < n
        assert f"Only {len(circles)} of {n} people are drawn" in html
    for c in circles:
        assert 0 <= float(c.get("cx")) <= 960 and 0 <= float(c.get("cy")) <= 720


def test_write_report_to_a_file_returns_none(tmp_path, krackhardt, krackhardt_report):
    path = tmp_path / "report.html"
    assert orgnet.write_report(krackhardt, path, title="Krackhardt") is None
    assert path.read_text(encoding="utf-8") == krackhardt_report
    with pytest.raises(ValueError, match="path_to"):
        orgnet.write_report(krackhardt, path_from="1")
    with pytest.raises(IndexError, match="nobody"):
        orgnet.write_report(krackhardt, path_from="1", path_to="nobody")
    with pytest.raises(ValueError, match="measure"):
        orgnet.write_report(krackhardt, size_by="fame")


def test_chain_section_is_the_best_chain(krackhardt):
    html = orgnet.write_report(krackhardt, path_from="10", path_to="7")
    chain = orgnet.best_chain(krackhardt, "10", "7")
    steps = Tables(html).tables["path-steps"]
    assert [row[1][2] for row in steps] + [steps[-1][2][2]] == [krackhardt.id(v) for v in chain.chain.people]
    shown = float(re.search(r'id="path-probability" data-value="([^"]+)"', html).group(1))
    # Oracle: the product of the networkx strengths along the shown steps.
    g = strength_digraph("krackhardt")
    assert shown == pytest.approx(math.prod(g[row[1][2]][row[2][2]]["strength"] for row in steps), rel=1e-12)
    # And no chain is more probable: networkx's shortest -ln s path has the same probability.
    best = nx.shortest_path_length(g, "10", "7", weight="length")
    assert shown == pytest.approx(math.exp(-best), rel=1e-9)


def test_layout_is_seeded_finite_and_inside_the_box(krackhardt):
    xy = orgnet.layout(krackhardt, seed=3, width=200, height=100, margin=5)
    assert xy.shape == (21, 2) and xy.dtype == np.float64
    assert np.isfinite(xy).all()
    assert (xy[:, 0] >= 5).all() and (xy[:, 0] <= 195).all() and (xy[:, 1] >= 5).all() and (xy[:, 1] <= 95).all()
    np.testing.assert_array_equal(xy, orgnet.layout(krackhardt, seed=3, width=200, height=100, margin=5))
    assert not np.array_equal(xy, orgnet.layout(krackhardt, seed=4, width=200, height=100, margin=5))
    np.testing.assert_array_equal(orgnet.layout(krackhardt, threads=1), orgnet.layout(krackhardt, threads=2))
    part = orgnet.layout(krackhardt, include=[v < 5 for v in range(21)])
    assert np.isfinite(part[:5]).all() and np.isnan(part[5:]).all()
    with pytest.raises(ValueError, match="width"):
        orgnet.layout(krackhardt, width=0)


def test_layout_places_planted_groups_together():
    planted = nx.planted_partition_graph(3, 12, 0.6, 0.03, seed=5)
    g = orgnet.from_networkx(planted, default_relation="cowork")
    xy = orgnet.layout(g, seed=1)
    index = {person: v for v, person in enumerate(g.ids())}
    same, other = [], []
    for a in planted:
        for b in planted:
            if a < b:
                d = float(np.hypot(*(xy[index[str(a)]] - xy[index[str(b)]])))
                (same if a // 12 == b // 12 else other).append(d)
    assert np.mean(same) < 0.6 * np.mean(other)


def test_department_ei_matches_counts_from_the_raw_files(datasets):
    """E-I per office in Lazega's firm, counted here from the influence edges
    people send (unweighted): (external - internal) / (external + internal)."""
    html = orgnet.write_report(datasets["lazega"], permutations=0)
    nodes, _ = read_raw("lazega")
    office = dict(zip(nodes.id, nodes.office_label))
    inside, outside = Counter(), Counter()
    for u, v in strength_digraph("lazega").edges():
        (inside if office[u] == office[v] else outside)[office[u]] += 1
    rows = {row[0][0]: row for row in Tables(html).tables["departments-table"]}
    assert set(rows) == set(office.values())
    for name, row in rows.items():
        assert int(row[1][1]) == Counter(office.values())[name]
        assert (int(row[2][1]), int(row[3][1])) == (inside[name], outside[name])
        assert float(row[4][1]) == pytest.approx((outside[name] - inside[name]) / (outside[name] + inside[name]),
                                                 rel=1e-12)
    network = float(re.search(r'id="network-ei" data-value="([^"]+)"', html).group(1))
    total_in, total_out = sum(inside.values()), sum(outside.values())
    assert network == pytest.approx((total_out - total_in) / (total_out + total_in), rel=1e-12)
