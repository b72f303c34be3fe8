"""orgnet bottlenecks, driven as a user would drive it. Expected figures come
from networkx on the bundled CSV files (documented default relation directions)."""

import csv
import io
import json
import math
import os
import subprocess

import networkx as nx
import pytest
from cli_oracles import influence_digraph

CLI = os.environ["ORGNET_CLI"]


def run(*args):
    return subprocess.run([CLI, "bottlenecks", *args], capture_output=True, text=True, timeout=120)


def test_default_table_is_readable():
    result = run()
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Bottlenecks of krackhardt (bundled dataset): top 10 by brokerage")
    header = out.splitlines()[1].split()
    assert header[:3] == ["rank", "id", "department"]
    assert "constraint" in header and "hierarchy" in header and "overload" in header
    assert "Articulation points:" in out and "Bridges:" in out
    assert "Key players (k = 3, distance_fragmentation)" in out
    for role in ["coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"]:
        assert f"  {role}" in out
    rows = out.splitlines()[2:12]
    # Counted from the right: a person without a department leaves that column blank.
    counts = [int(r.split()[header.index("brokerage") - len(header)]) for r in rows]
    assert counts == sorted(counts, reverse=True)


@pytest.mark.parametrize("dataset,folder", [("uk_faculty", "uk_faculty"), ("lazega", "lazega_law_firm")])
def test_json_matches_networkx(dataset, folder):
    result = run("--dataset", dataset, "--format", "json", "--top", "0", "--unweighted", "--key-players", "1",
                 "--objective", "fragmentation")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    g = influence_digraph(folder)
    u = g.to_undirected()
    assert {a["id"] for a in doc["articulation_points"]} == set(nx.articulation_points(u))
    assert {frozenset((b["u"], b["v"])) for b in doc["bridges"]} == {frozenset(e) for e in nx.bridges(u)}
    constraint = nx.constraint(g)
    effective = nx.effective_size(g)
    people = {p["id"]: p for p in doc["people"]}
    assert len(people) == g.number_of_nodes()
    for p, row in people.items():
        if g.out_degree(p) > 0:
            assert row["constraint"] == pytest.approx(constraint[p], rel=1e-12)
            assert row["effective_size"] == pytest.approx(effective[p], rel=1e-12)
        total = row["roles"]["total"]["observed"]
        assert total == sum(row["roles"][r]["observed"] for r in
                            ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"])
        assert row["brokerage"] == total
    # Total brokerage: open two-paths a -> b -> c, a != c, no a -> c.
    open_paths = sum(1 for b in g for a in g.predecessors(b) for c in g.successors(b)
                     if a != c and not g.has_edge(a, c))
    assert doc["brokerage"]["network"]["total"]["observed"] == open_paths
    key = doc["key_players"]
    assert len(key["people"]) == 1
    w = u.copy()
    w.remove_nodes_from(key["people"])
    n = w.number_of_nodes()
    f = 1 - sum(len(c) * (len(c) - 1) for c in nx.connected_components(w)) / (n * (n - 1))
    assert key["fragmentation"] == pytest.approx(f, abs=1e-12)


def test_queries_dominators_must_pass_cuts_and_impact():
    g = influence_digraph("krackhardt_high_tech")
    ids = sorted(g.nodes, key=int)
    source, target = ids[0], ids[5]
    result = run("--format", "json", "--dominators", source, "--must-pass", f"{source},{target}",
                 "--cut", f"{source},{target}", "--impact", source, "--key-players", "0")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    expected = nx.immediate_dominators(g, source)
    expected.pop(source)
    assert doc["dominator_tree"]["immediate_dominator"] == expected
    cut = doc["cuts"][0]
    if g.has_edge(source, target):
        assert cut["vertex_cut"]["status"] == "adjacent"
    else:
        assert len(cut["vertex_cut"]["people"]) == len(nx.minimum_node_cut(g, source, target))
    removed = [(e["source"], e["target"]) for e in cut["edge_cut"]["edges"]]
    w = g.copy()
    w.remove_edges_from(removed)
    assert not nx.has_path(w, source, target)
    assert doc["removal_impact"]["reaches"] == len(nx.descendants(g, source))
    assert "key_players" not in doc


def test_cut_between_departments_and_csv():
    result = run("--cut-groups", "1,2")
    assert result.returncode == 0, result.stderr
    assert "Minimum cuts from 1 to 2 (departments):" in result.stdout
    result = run("--format", "csv", "--sort-by", "constraint", "--top", "5")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 5
    values = [float(r["constraint"]) for r in rows]
    assert values == sorted(values)
    assert all(not math.isnan(v) for v in values)


def test_errors_are_one_line():
    for args in (["--sort-by", "height"], ["--must-pass", "1"], ["--dominators", "nobody"],
                 ["--cut-groups", "1,nowhere"], ["--objective", "x"]):
        result = run(*args)
        assert result.returncode != 0
        assert result.stderr.strip() and len(result.stderr.strip().splitlines()) == 1, result.stderr
