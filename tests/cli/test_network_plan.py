"""orgnet network-plan on the bundled Krackhardt data.

The influence graph is rebuilt here from the CSV files (test_persuasion.py's
oracle: documented default relation map, weighted cascade, noisy-or), and the
reach into each department is recomputed with NetworkX: single_source_dijkstra
on -ln s without a step limit, and a step-limited Bellman-Ford over the same
lengths with the default limit of 3 steps.
"""

import csv
import json
import math

import networkx as nx

from test_persuasion import DATA, krackhardt, run


def people():
    with open(DATA / "krackhardt_high_tech" / "nodes.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    dept = {r["id"]: (None if r["dept"] == "0" else r["dept"]) for r in rows}
    return dept


def hop_limited(g, source, h, avoid=()):
    """Best chain probability from source to everyone in at most h steps."""
    best = {source: 1.0}
    frontier = dict(best)
    for _ in range(h):
        nxt = {}
        for u, pu in frontier.items():
            for v in g.successors(u):
                if v in avoid or v == source:
                    continue
                p = pu * g[u][v]["strength"]
                if p > best.get(v, 0.0) and p > nxt.get(v, 0.0):
                    nxt[v] = p
        for v, p in nxt.items():
            best[v] = p
        frontier = nxt
    return best


def department_reach(prob, dept):
    out = {}
    for v, d in dept.items():
        if d is not None:
            out[d] = max(out.get(d, 0.0), prob.get(v, 0.0))
    return out


def plan(*args):
    result = run("network-plan", "--person", "10", "--format", "json", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_unlimited_reach_matches_networkx_dijkstra():
    g, dept = krackhardt(), people()
    out = plan("--max-steps", "0")
    dist = nx.single_source_dijkstra_path_length(g, "10", weight="length")
    expected = department_reach({v: math.exp(-d) for v, d in dist.items()}, dept)
    got = {r["group"]["label"]: r["probability"] for r in out["stakeholders"]["departments"]}
    assert got.keys() == expected.keys()
    for d, p in expected.items():
        assert math.isclose(got[d], p, rel_tol=1e-12), d


def test_step_limited_reach_and_gaps_match_bellman_ford():
    g, dept = krackhardt(), people()
    out = plan()
    expected = department_reach(hop_limited(g, "10", 3), dept)
    for r in out["stakeholders"]["departments"]:
        d = r["group"]["label"]
        assert math.isclose(r["probability"], expected[d], rel_tol=1e-12), d
        assert r["covered"] == (expected[d] >= 0.1)
    gaps = {gap["group"]["label"] for gap in out["gaps"] if gap["group"]["kind"] == "department"}
    assert gaps == {d for d, p in expected.items() if p < 0.1}
    # Chain of command: 10 reports to 18, who reports to the CEO 7.
    assert [p["id"] for p in out["stakeholders"]["chain_of_command"]] == ["18", "7"]


def test_plan_covers_every_department_and_the_top():
    g, dept = krackhardt(), people()
    for args in ([], ["--candidates", "peers", "--tie-strength", "0.9"]):
        out = plan(*args)
        p, t = out["options"]["min_probability"], out["options"]["new_tie_strength"]
        covered = {r["group"]["label"] for r in out["stakeholders"]["departments"] if r["covered"]}
        for step in out["plan"]["steps"]:
            c = step["contact"]["id"]
            from_c = hop_limited(g, c, 2, avoid={"10"})
            for op in step["opens"]:
                chain = [q["id"] for q in op["chain"]["people"]]
                assert chain[0] == c
                q = math.prod(g[a][b]["strength"] for a, b in zip(chain, chain[1:]))
                assert math.isclose(op["chain"]["probability"], q, rel_tol=1e-12)
                assert math.isclose(op["probability"], t * q, rel_tol=1e-12)
                assert op["probability"] >= p
                members = [v for v, d in dept.items() if d == op["group"]["label"]] if op["group"]["kind"] == "department" else ["7"]
                assert math.isclose(max(from_c.get(v, 0.0) for v in members), q, rel_tol=1e-12)
                covered.add(op["group"]["label"])
        unreachable = {u["label"] for u in out["plan"]["unreachable"]}
        assert (covered | unreachable) >= set(d for d in dept.values() if d is not None)
        assert "top (level 0)" in covered or "top (level 0)" in unreachable or not any(
            gp["group"]["value"] == 0 and gp["group"]["kind"] == "level" for gp in out["gaps"])


def test_attention_of_the_ceo_matches_networkx_pagerank():
    g = krackhardt()
    out = plan("--attention", "20", "--attention-rank", "pagerank")
    assert out["attention"]["decision_maker"]["id"] == "7"
    pr = nx.pagerank(g.reverse(), personalization={"7": 1.0}, weight="strength", tol=1e-12, max_iter=10000)
    for e in out["attention"]["people"]:
        assert math.isclose(e["pagerank"], pr[e["person"]["id"]], abs_tol=1e-8)
    scores = [e["pagerank"] for e in out["attention"]["people"]]
    assert scores == sorted(scores, reverse=True)


def test_table_is_a_plan_a_manager_can_act_on():
    result = run("network-plan", "--person", "10")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "Networking plan for 10" in text
    assert "Chain of command: 10 -> 18 -> 7" in text
    assert "GAP 2" in text
    assert "1. Build a tie to 7" in text
    # Department 2's best chain today is 10 -> 19 (advice, 1/11); through a new
    # tie to 7 (50%) it becomes 0.5 * s(7, 14), s from the oracle graph.
    g = krackhardt()
    assert f"opens 2: {100 * g['10']['19']['strength']:.1f}% -> {100 * 0.5 * g['7']['14']['strength']:.1f}%" in text
    assert "Whom 7" in text


def test_csv_and_errors():
    result = run("network-plan", "--person", "10", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("order,contact,")
    bad = run("network-plan", "--person", "nobody")
    assert bad.returncode != 0 and "nobody" in bad.stderr
    bad = run("network-plan", "--person", "10", "--candidates", "friends")
    assert bad.returncode != 0 and "friends" in bad.stderr
