"""orgnet spread and orgnet opinion, driven as a user would drive them.

Expected figures are computed here independently: exact spread by
enumerating the live-edge worlds of a tiny graph; opinion equilibria and
leverage by dense numpy solves."""

import csv
import io
import itertools
import json
import os
import subprocess
from collections import deque

import numpy as np
import pytest

CLI = os.environ["ORGNET_CLI"]

# The hand-worked graph: a -> b 0.5, a -> c 0.4, b -> c 0.2, b -> d 0.7,
# c -> d 0.3, d -> e 0.6; departments S (a, b) and T (c, d); e has none.
# IC from a: P(b) = 0.5, P(c) = 1 - 0.6 * 0.9 = 0.46.
TIES = [("a", "b", 0.5), ("a", "c", 0.4), ("b", "c", 0.2), ("b", "d", 0.7), ("c", "d", 0.3), ("d", "e", 0.6)]
PEOPLE = [("a", "S"), ("b", "S"), ("c", "T"), ("d", "T"), ("e", "")]


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120)


@pytest.fixture()
def files(tmp_path):
    people = tmp_path / "people.csv"
    people.write_text("id,department\n" + "".join(f"{p},{d}\n" for p, d in PEOPLE))
    ties = tmp_path / "ties.csv"
    ties.write_text("source,target,relation,weight\n" + "".join(f"{u},{v},tie,{s}\n" for u, v, s in TIES))
    return ["--people", str(people), "--ties", str(ties), "--relation", "tie=source_to_target,as_is"]


def exact_ic(seeds):
    """Exact IC reach probabilities by enumerating the 2^6 live-edge worlds."""
    names = [p for p, _ in PEOPLE]
    prob = dict.fromkeys(names, 0.0)
    for mask in itertools.product((0, 1), repeat=len(TIES)):
        weight = 1.0
        out = {p: [] for p in names}
        for bit, (u, v, s) in zip(mask, TIES):
            weight *= s if bit else 1 - s
            if bit:
                out[u].append(v)
        seen, queue = set(seeds), deque(seeds)
        while queue:
            for v in out[queue.popleft()]:
                if v not in seen:
                    seen.add(v)
                    queue.append(v)
        for p in seen:
            prob[p] += weight
    return prob


def test_spread_json_matches_exact_enumeration(files):
    result = run("spread", *files, "--from", "a", "--simulations", "20000", "--delta", "0.001", "--format", "json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    exact = exact_ic(["a"])
    assert exact["b"] == pytest.approx(0.5) and exact["c"] == pytest.approx(0.46)
    assert out["seeds"] == ["a"]
    assert out["reach_low"] <= sum(exact.values()) <= out["reach_high"]
    for person, p in exact.items():
        assert out["probability"][person] == pytest.approx(p, abs=out["probability_margin"])
    assert out["adoption_curve"][0] == 1
    assert {d["department"]: d["members"] for d in out["departments"]} == {"S": 2, "T": 2}
    adoption = {d["department"]: d["adoption"] for d in out["departments"]}
    assert adoption["S"] == pytest.approx((1 + out["probability"]["b"]) / 2)


def test_spread_csv_and_threads(files):
    one = run("spread", *files, "--from", "b,c", "--format", "csv", "--threads", "1", "--simulations", "3000")
    two = run("spread", *files, "--from", "b,c", "--format", "csv", "--threads", "2", "--simulations", "3000")
    assert one.returncode == 0, one.stderr
    assert one.stdout == two.stdout
    rows = list(csv.DictReader(io.StringIO(one.stdout)))
    assert [r["id"] for r in rows] == ["a", "b", "c", "d", "e"]
    assert [r["seed"] for r in rows] == ["0", "1", "1", "0", "0"]
    assert float(rows[0]["probability"]) == 0.0  # nobody influences a
    assert float(rows[1]["probability"]) == 1.0


def test_spread_table_on_bundled_data():
    result = run("spread", "--dataset", "lazega", "--simulations", "2000", "--top", "3")
    assert result.returncode == 0, result.stderr
    assert "expected reach" in result.stdout and "most resistant first" in result.stdout
    assert result.stdout.count("\n") > 8


def test_spread_errors(files):
    result = run("spread", *files, "--from", "zed")
    assert result.returncode == 2 and "zed" in result.stderr
    result = run("spread", *files, "--from", "a", "--model", "sir")
    assert result.returncode == 2 and "cascade model" in result.stderr
    heavy = run("spread", "--dataset", "krackhardt", "--model", "lt", "--relation", "advice=target_to_source,as_is")
    assert heavy.returncode == 2 and "in-strengths" in heavy.stderr


def dense_fj(stance, sigma):
    """Dense numpy Friedkin–Johnsen on the hand-worked graph: row v of W holds
    v's in-strengths normalized (a has no in-ties: W[a, a] = 1)."""
    names = [p for p, _ in PEOPLE]
    index = {p: i for i, p in enumerate(names)}
    n = len(names)
    w = np.zeros((n, n))
    for u, v, s in TIES:
        w[index[v], index[u]] += s
    for v in range(n):
        if w[v].sum() == 0:
            w[v, v] = 1
        w[v] /= w[v].sum()
    a = np.eye(n) - np.diag(1 - sigma) @ w
    x = np.linalg.solve(a, sigma * stance)
    leverage = sigma * np.linalg.solve(a.T, np.full(n, 1 / n))
    return x, leverage


def test_opinion_matches_dense_numpy(files, tmp_path):
    stances = tmp_path / "stances.csv"
    stances.write_text("id,stance,stubbornness\na,1,0.9\nb,-0.5,0.2\nc,,0.4\nd,0.25,0.1\ne,-1,0.5\n")
    result = run("opinion", *files, "--stances", str(stances), "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    x, leverage = dense_fj(np.array([1, -0.5, 0, 0.25, -1]), np.array([0.9, 0.2, 0.4, 0.1, 0.5]))
    np.testing.assert_allclose([float(r["equilibrium"]) for r in rows], x, atol=1e-12)
    np.testing.assert_allclose([float(r["leverage"]) for r in rows], leverage, atol=1e-12)
    # --stance and --stubbornness, JSON with a trajectory.
    result = run("opinion", *files, "--stance", "a=1", "--stance", "e=-1", "--stubbornness", "0.3",
                 "--steps", "2", "--format", "json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    x, leverage = dense_fj(np.array([1, 0, 0, 0, -1.0]), np.full(5, 0.3))
    assert out["mean_equilibrium"] == pytest.approx(x.mean(), abs=1e-12)
    assert {r["id"]: r["leverage"] for r in out["rows"]} == pytest.approx(dict(zip("abcde", leverage)), abs=1e-12)
    assert len(out["trajectory"]) == 3 and out["trajectory"][0] == [1, 0, 0, 0, -1]


def test_opinion_table_and_errors(files):
    result = run("opinion", "--dataset", "lazega", "--degroot", "--top", "3")
    assert result.returncode == 0, result.stderr
    assert "DeGroot" in result.stdout and "moves the mean stance most" in result.stdout
    bad = run("opinion", *files, "--stance", "a=2")
    assert bad.returncode == 2 and "outside [-1, 1]" in bad.stderr
    bad = run("opinion", *files, "--leverage", "person")
    assert bad.returncode == 2 and "--target" in bad.stderr
    bad = run("opinion", *files, "--stance", "zed=0.5")
    assert bad.returncode == 2 and "zed" in bad.stderr


def test_spread_within_h_steps(files):
    # Best chains from a within 2 steps: b 0.5, c max(0.4, 0.5 * 0.2) = 0.4,
    # d max(0.5 * 0.7, 0.4 * 0.3) = 0.35; e needs 3 steps.
    result = run("spread", *files, "--from", "a", "--within", "2", "--min-probability", "0.36", "--best-chain",
                 "--format", "json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    got = {r["id"]: (r["probability"], r["steps"]) for r in out["reached"]}
    assert got == {"a": (1.0, 0), "b": (0.5, 1), "c": (0.4, 1)}
    # Cascade within 1 step: exactly b (0.5) and c (0.4) besides a.
    result = run("spread", *files, "--from", "a", "--within", "1", "--min-probability", "0.45", "--simulations",
                 "20000", "--delta", "0.001", "--format", "csv")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    margin = (np.log(2 / 0.001) / (2 * 20000)) ** 0.5
    assert float(rows["b"]["probability"]) == pytest.approx(0.5, abs=margin)
    assert float(rows["c"]["probability"]) == pytest.approx(0.4, abs=margin)
    assert rows["d"]["probability"] == "0" and rows["b"]["reached"] == "1" and rows["c"]["reached"] == "0"
