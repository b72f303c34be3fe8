"""orgnet structure, driven as a user would drive it.

Expected figures come from networkx (modularity of the communities printed)
and from the raw CSV files, computed here independently of orgnet."""

import csv
import io
import json
import os
import pathlib
import subprocess

import networkx as nx
import pytest

CLI = os.environ["ORGNET_CLI"]
DATA = pathlib.Path(os.environ["ORGNET_TEST_DATA_DIR"]).parent.parent / "data"


def run(*args):
    return subprocess.run([CLI, "structure", *args], capture_output=True, text=True, timeout=120)


def structure_json(*args):
    result = run(*args, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def nodes(folder):
    with open(DATA / folder / "nodes.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_default_is_a_readable_account_of_krackhardt():
    result = run()
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Structure of krackhardt")
    assert "Informal groups (louvain, seed 42)" in out
    assert "Agreement with the departments: NMI" in out


def test_lazega_offices_and_practices():
    offices = run("communities", "--dataset", "lazega")
    assert offices.returncode == 0, offices.stderr
    assert "departments Boston" in offices.stdout
    both = run("communities", "--dataset", "lazega", "--compare-with", "departments,practice_label")
    assert both.returncode == 0, both.stderr
    assert "Agreement with the departments" in both.stdout
    assert "Agreement with the practice_label groups" in both.stdout
    assert "litigation" in both.stdout and "corporate" in both.stdout
    flat = run("formal", "--dataset", "lazega")
    assert "everyone has the same level" in flat.stdout


@pytest.mark.parametrize("algorithm", ["louvain", "leiden"])
def test_json_communities_match_networkx_modularity(algorithm):
    doc = structure_json("communities", "--dataset", "lazega", "--algorithm", algorithm, "--seed", "5")
    c = doc["communities"]
    assert c["algorithm"] == algorithm and c["seed"] == 5
    assert sum(c["sizes"]) == 71 == len(c["membership"])
    # Rebuild the undirected influence view from the raw files with the
    # documented default map (advice and friendship reversed, cowork both ways,
    # weighted cascade per relation), and check the printed modularity.
    with open(DATA / "lazega_law_firm" / "edges.csv", newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["source"] != r["target"]]
    arcs = []
    for r in rows:
        s, t, rel, w = r["source"], r["target"], r["relation"], float(r["weight"])
        if rel in ("advice", "friendship", "trust"):
            arcs.append((t, s, rel, w))
        elif rel == "cowork":
            arcs += [(s, t, rel, w), (t, s, rel, w)]
        else:
            arcs.append((s, t, rel, w))
    into = {}
    for u, v, rel, w in arcs:
        into[(v, rel)] = into.get((v, rel), 0.0) + w
    keep = {}
    for u, v, rel, w in arcs:
        keep[(u, v)] = keep.get((u, v), 1.0) * (1 - w / into[(v, rel)])
    g = nx.Graph()
    g.add_nodes_from(row["id"] for row in nodes("lazega_law_firm"))
    for (u, v), q in keep.items():
        s = 1 - q
        if g.has_edge(u, v):
            g[u][v]["weight"] += s
        else:
            g.add_edge(u, v, weight=s)
    groups = {}
    for person, k in c["membership"].items():
        groups.setdefault(k, set()).add(person)
    assert c["modularity"] == pytest.approx(nx.community.modularity(g, list(groups.values())), abs=1e-9)
    # The contingency covers everyone with an office.
    agreement = c["agreements"][0]
    assert agreement["grouping"] == "departments"
    assert sum(sum(row.values()) for row in agreement["contingency"].values()) == agreement["compared"] == 71


def test_same_seed_same_output_and_csv_rows():
    a = run("communities", "--dataset", "email_eu_core", "--seed", "3", "--format", "csv")
    b = run("communities", "--dataset", "email_eu_core", "--seed", "3", "--format", "csv")
    assert a.returncode == 0, a.stderr
    assert a.stdout == b.stdout
    rows = list(csv.DictReader(io.StringIO(a.stdout)))
    assert len(rows) == 1005
    assert set(rows[0]) >= {"id", "department", "community"}


def test_errors_are_one_line():
    bad = run("nonsense")
    assert bad.returncode != 0
    assert "unknown section 'nonsense'" in bad.stderr
    bad = run("communities", "--algorithm", "infomap")
    assert bad.returncode != 0 and "louvain or leiden" in bad.stderr
    bad = run("communities", "--dataset", "lazega", "--compare-with", "no_such_column")
    assert bad.returncode != 0 and "no_such_column" in bad.stderr


def test_silos_json_matches_the_raw_files():
    doc = structure_json("silos", "--dataset", "krackhardt", "--permutations", "200", "--seed", "4")
    silos = doc["silos"]
    # Influence edges: every tie reversed (advice, friendship, reports_to), duplicates merged.
    with open(DATA / "krackhardt_high_tech" / "edges.csv", newline="", encoding="utf-8") as f:
        edges = {(r["target"], r["source"]) for r in csv.DictReader(f) if r["source"] != r["target"]}
    dept = {row["id"]: row["dept"] for row in nodes("krackhardt_high_tech") if row["dept"] != "0"}
    labelled = [(u, v) for u, v in edges if u in dept and v in dept]
    external = sum(dept[u] != dept[v] for u, v in labelled)
    internal = len(labelled) - external
    assert (silos["external"], silos["internal"]) == (external, internal)
    assert silos["ei"] == pytest.approx((external - internal) / (external + internal), abs=1e-12)
    assert 0 < silos["p_less"] <= 1 and silos["permutations"] == 200
    again = structure_json("silos", "--dataset", "krackhardt", "--permutations", "200", "--seed", "4")
    assert again["silos"]["p_less"] == silos["p_less"]


def test_formal_section_on_krackhardt_and_lazega():
    out = run("formal").stdout
    assert "reporting lines vs informal ties: QAP r =" in out
    assert "hidden influencers" in out and "bypass ties" in out
    lazega = run("formal", "--dataset", "lazega", "--level-attribute", "status")
    assert lazega.returncode == 0, lazega.stderr
    assert "no reporting lines in the data" in lazega.stdout
    doc = structure_json("formal", "--dataset", "krackhardt", "--permutations", "100")
    formal = doc["formal"]
    assert formal["informal_relations"] == ["advice", "friendship"]
    assert set(formal["level_correlations"]) == {"degree", "betweenness", "pagerank", "eigenvector"}
    for person in formal["hidden_influencers"]:
        assert person["residual"] >= 0.25
    for tie in formal["bypass_ties"]:
        assert abs(tie["source_level"] - tie["target_level"]) >= 2
    bad = run("formal", "--dataset", "lazega", "--level-attribute", "gender_label")
    assert bad.returncode != 0 and "not a number" in bad.stderr


def test_csv_has_one_row_per_person_with_every_section():
    result = run("--format", "csv", "--permutations", "20")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 21
    assert {"community", "ei", "level", "influence_percentile", "residual", "hidden_influencer",
            "bypass_ties"} <= set(rows[0])


def test_roles_section_lists_people_with_their_numbers():
    out = run("roles").stdout
    for role in ("central connectors", "boundary spanners", "information brokers", "peripheral specialists"):
        assert role in out
    doc = structure_json("roles", "--dataset", "krackhardt", "--connector-percentile", "0.5")
    roles = doc["roles"]
    assert roles["thresholds"]["connector_percentile"] == 0.5
    people = roles["people"]
    assert len(people) == 21
    for p in people:
        assert ("central_connector" in p["roles"]) == (p["degree_percentile"] >= 0.5 - 1e-12 and p["degree"] > 0)
        assert ("peripheral_specialist" in p["roles"]) == (p["degree_percentile"] <= 0.1 + 1e-12)
    # Degree as networkx computes it on the influence graph (every tie reversed).
    with open(DATA / "krackhardt_high_tech" / "edges.csv", newline="", encoding="utf-8") as f:
        edges = {(r["target"], r["source"]) for r in csv.DictReader(f) if r["source"] != r["target"]}
    g = nx.DiGraph()
    g.add_nodes_from(row["id"] for row in nodes("krackhardt_high_tech"))
    g.add_edges_from(edges)
    expected = nx.degree_centrality(g)
    for p in people:
        assert p["degree"] == pytest.approx(expected[p["id"]], abs=1e-12)
