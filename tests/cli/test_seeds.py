"""orgnet seeds (IMM), driven as a user would drive it. The expected best
seeds are found here independently, by enumerating the live-edge worlds of a
tiny graph and trying every k-set."""

import csv
import io
import itertools
import json
import os
import subprocess

import pytest

CLI = os.environ["ORGNET_CLI"]

# a -> b 0.5, a -> c 0.4, b -> c 0.2, b -> d 0.7, c -> d 0.3, d -> e 0.6;
# departments S (a, b) and T (c, d); e has none.
TIES = [("a", "b", 0.5), ("a", "c", 0.4), ("b", "c", 0.2), ("b", "d", 0.7), ("c", "d", 0.3), ("d", "e", 0.6)]
PEOPLE = [("a", "S"), ("b", "S"), ("c", "T"), ("d", "T"), ("e", "")]
NAMES = [p for p, _ in PEOPLE]


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def files(tmp_path):
    people = tmp_path / "people.csv"
    people.write_text("id,department\n" + "".join(f"{p},{d}\n" for p, d in PEOPLE))
    ties = tmp_path / "ties.csv"
    ties.write_text("source,target,relation,weight\n" + "".join(f"{u},{v},tie,{s}\n" for u, v, s in TIES))
    return ["--people", str(people), "--ties", str(ties), "--relation", "tie=source_to_target,as_is"]


def exact_ic_reach(seeds):
    """Exact expected IC reach by enumerating the 2^6 live-edge worlds."""
    total = 0.0
    for mask in range(1 << len(TIES)):
        weight = 1.0
        live = {p: [] for p in NAMES}
        for i, (u, v, s) in enumerate(TIES):
            if mask >> i & 1:
                weight *= s
                live[u].append(v)
            else:
                weight *= 1 - s
        reached, stack = set(seeds), list(seeds)
        while stack:
            for v in live[stack.pop()]:
                if v not in reached:
                    reached.add(v)
                    stack.append(v)
        total += weight * len(reached)
    return total


def test_seeds_json_near_the_brute_force_optimum(files):
    out = run("seeds", *files, "--k", "2", "--epsilon", "0.1", "--delta", "0.05", "--seed", "3", "--format", "json")
    assert out.returncode == 0, out.stderr
    r = json.loads(out.stdout)
    chosen = [s["id"] for s in r["seeds"]]
    assert len(chosen) == 2 and r["k"] == 2 and r["model"] == "independent_cascade"
    best = max(exact_ic_reach(list(pair)) for pair in itertools.combinations(NAMES, 2))
    exact = exact_ic_reach(chosen)
    assert exact >= 0.95 * best
    assert r["spread_low"] <= exact <= r["spread_high"]
    assert sum(s["marginal_gain"] for s in r["seeds"]) + r["base_spread"] == pytest.approx(r["spread"])
    assert r["rr_sets"] == r["sampling_rr_sets"] + r["selection_rr_sets"] + r["evaluation_rr_sets"]
    # a reaches the most alone (1 + 0.5 + P(c) + P(d) + P(e)): the first pick.
    assert chosen[0] == "a"
    assert r["seeds"][0]["department"] == "S"


def test_seeds_table_csv_threads_and_errors(files):
    table = run("seeds", *files, "--k", "2", "--convinced", "a")
    assert table.returncode == 0, table.stderr
    assert "marginal gain" in table.stdout and "the convinced alone reach" in table.stdout
    one = run("seeds", *files, "--k", "2", "--format", "csv", "--threads", "1")
    two = run("seeds", *files, "--k", "2", "--format", "csv", "--threads", "2")
    assert one.returncode == 0, one.stderr
    assert one.stdout == two.stdout
    rows = list(csv.DictReader(io.StringIO(one.stdout)))
    assert [r["order"] for r in rows] == ["1", "2"]
    assert set(rows[0]) == {"order", "id", "department", "level", "marginal_gain"}
    lt = run("seeds", *files, "--k", "1", "--model", "lt", "--format", "json")
    assert lt.returncode == 0, lt.stderr  # in-strength sums: c 0.6, d 1.0 (valid)
    bad = run("seeds", *files, "--k", "6")
    assert bad.returncode != 0 and "k = 6 exceeds the number of people (5)" in bad.stderr
    bad = run("seeds", *files, "--epsilon", "0")
    assert bad.returncode != 0 and "epsilon" in bad.stderr
    bad = run("seeds", *files, "--k", "1", "--delta", "1.5")
    assert bad.returncode != 0 and "delta" in bad.stderr
