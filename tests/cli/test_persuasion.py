"""orgnet path and orgnet win-over on the bundled Krackhardt data.

The oracle influence graph is rebuilt here from the CSV files with the
documented default relation map (advice, friendship and reports_to reversed;
weighted cascade per relation, reports_to as is times its scale 0.5; parallel arcs merged by
noisy-or), and NetworkX finds the most probable chains on -ln s.
"""

import csv
import itertools
import json
import math
import os
import pathlib
import subprocess
from collections import defaultdict

import networkx as nx
import pytest

CLI = os.environ["ORGNET_CLI"]
DATA = pathlib.Path(os.environ["ORGNET_TEST_DATA_DIR"]).parent.parent / "data"
REVERSED = {"advice", "trust", "friendship", "reports_to"}
AS_IS = {"reports_to"}
SCALE = {"reports_to": 0.5}


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120)


def krackhardt():
    """networkx DiGraph of Krackhardt's influence graph with strengths."""
    arcs = []
    with open(DATA / "krackhardt_high_tech" / "edges.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            s, t, rel, w = row["source"], row["target"], row["relation"], float(row["weight"])
            if s == t:
                continue
            u, v = (t, s) if rel in REVERSED else (s, t)
            arcs.append((u, v, rel, w))
    into = defaultdict(float)
    for u, v, rel, w in arcs:
        into[(rel, v)] += w
    miss = defaultdict(lambda: 1.0)
    for u, v, rel, w in arcs:
        strength = SCALE.get(rel, 1.0) * (w if rel in AS_IS else w / into[(rel, v)])
        miss[(u, v)] *= 1.0 - strength
    g = nx.DiGraph()
    for (u, v), m in miss.items():
        s = 1.0 - m
        g.add_edge(u, v, strength=s, length=0.0 if s >= 1.0 else -math.log(s))
    return g


def test_path_most_probable_matches_networkx():
    g = krackhardt()
    result = run("path", "--from", "10", "--to", "7", "--format", "json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["status"] == "found"
    expected = nx.dijkstra_path_length(g, "10", "7", weight="length")
    assert out["chains"][0]["probability"] == pytest.approx(math.exp(-expected), rel=1e-9)
    people = [p["id"] for p in out["chains"][0]["people"]]
    assert people[0] == "10" and people[-1] == "7"


def test_path_alternatives_and_table():
    g = krackhardt()
    result = run("path", "--from", "10", "--to", "7", "-k", "4", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(result.stdout.splitlines()))
    chains = sorted({int(r["chain"]) for r in rows})
    assert chains == [1, 2, 3, 4]
    finals = [float([r for r in rows if int(r["chain"]) == c][-1]["cumulative"]) for c in chains]
    assert finals == sorted(finals, reverse=True)
    paths = list(itertools.islice(nx.shortest_simple_paths(g, "10", "7", weight="length"), 4))
    expected = [math.exp(-sum(g[u][v]["length"] for u, v in zip(p, p[1:]))) for p in paths]
    assert finals == pytest.approx(expected, rel=1e-9)
    table = run("path", "--from", "10", "--to", "7", "--max-level-skip", "1")
    assert table.returncode == 0 and "probability" in table.stdout and "level" in table.stdout


def test_path_infeasible_prints_the_reason():
    result = run("path", "--from", "10", "--to", "7", "--max-level-skip", "0")
    assert result.returncode == 0
    assert "No chain" in result.stdout and "over someone's head" in result.stdout
    bad = run("path", "--from", "10", "--to", "nobody")
    assert bad.returncode != 0 and "nobody" in bad.stderr


def test_win_over_krackhardt_target_7():
    table = run("win-over", "--target", "7")
    assert table.returncode == 0, table.stderr
    text = table.stdout
    assert "Approach order:" in text and "1. " in text and "why: best chain" in text
    assert "dept" in text and "level" in text and "interval" in text
    out = json.loads(run("win-over", "--target", "7", "-k", "3", "--format", "json").stdout)
    assert out["target"]["id"] == "7" and len(out["steps"]) == 3
    assert 0 <= out["lower"] <= out["probability"] <= out["upper"] <= 1
    g = krackhardt()
    for step in out["steps"]:
        chain = step["chains"][0]
        people = [p["id"] for p in chain["people"]]
        assert people[0] == step["person"]["id"] and people[-1] == "7"
        # The chain shown is the most probable one (networkx on -ln s).
        best = nx.dijkstra_path_length(g, people[0], "7", weight="length")
        assert chain["probability"] == pytest.approx(math.exp(-best), rel=1e-9)
    gains = [s["gain"] for s in out["steps"]]
    assert sum(gains) == pytest.approx(out["probability"], abs=1e-12)
    csv_out = run("win-over", "--target", "7", "--goal", "0.5", "--format", "csv")
    assert csv_out.returncode == 0 and csv_out.stdout.startswith("order,id,name,department,level,gain")
    assert run("win-over", "--target", "7", "--epsilon", "2").returncode != 0
