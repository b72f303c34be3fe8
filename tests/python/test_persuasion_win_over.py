"""The win-over plan against an exact oracle written here with NetworkX.

The oracle enumerates every live-edge world of a small graph (each tie live
with its strength, independently) and asks networkx whether some seed reaches
the target over the live ties: P(target convinced | seeds) exactly, with no
orgnet code involved. The plan's interval must contain that exact value, and
the plan must be within (1 - 1/e - epsilon) of the best set found by brute
force.
"""

from __future__ import annotations

import itertools
import math
import random

import networkx as nx
import numpy as np
import pytest

import orgnet


def random_graph(seed, n=7, m=11):
    rng = random.Random(seed)
    edges = set()
    while len(edges) < m:
        u, v = rng.randrange(n), rng.randrange(n)
        if u != v:
            edges.add((u, v))
    edges = sorted(edges)
    weights = [round(rng.uniform(0.1, 0.9), 3) for _ in edges]
    g = orgnet.from_arrays([f"p{u}" for u, _ in edges], [f"p{v}" for _, v in edges], weights,
                           relations="tie", relation_map={"tie": "source_to_target,as_is"},
                           people={"id": [f"p{i}" for i in range(n)]})
    return g, {(f"p{u}", f"p{v}"): w for (u, v), w in zip(edges, weights)}


def exact(edges, n, target, seeds):
    """P(target reached from seeds) by enumerating the 2^m live-edge worlds."""
    items = list(edges.items())
    total = 0.0
    for live in itertools.product([False, True], repeat=len(items)):
        p = 1.0
        G = nx.DiGraph()
        G.add_nodes_from(f"p{i}" for i in range(n))
        for ((u, v), s), on in zip(items, live):
            p *= s if on else 1.0 - s
            if on:
                G.add_edge(u, v)
        if any(s == target or nx.has_path(G, s, target) for s in seeds):
            total += p
    return total


def test_exact_matches_enumeration_with_networkx():
    for seed in range(4):
        g, edges = random_graph(seed)
        for seeds in (["p1"], ["p2", "p3"], ["p0", "p4", "p5"]):
            assert orgnet.exact_win_probability(g, "p6", seeds) == pytest.approx(exact(edges, 7, "p6", seeds), abs=1e-12)


@pytest.mark.parametrize("seed", range(6))
def test_plan_interval_contains_the_exact_value_and_is_near_optimal(seed):
    g, edges = random_graph(100 + seed)
    target = f"p{seed % 7}"
    epsilon = 0.1
    plan = orgnet.win_over_plan(g, target, k=2, epsilon=epsilon, delta=0.01, seed=seed)
    chosen = [g.id(int(v)) for v in plan.people]
    value = exact(edges, 7, target, chosen)
    assert plan.lower - 1e-12 <= value <= plan.upper + 1e-12
    others = [f"p{i}" for i in range(7) if f"p{i}" != target]
    best = max(exact(edges, 7, target, list(pair)) for pair in itertools.combinations(others, 2))
    assert value >= (1 - 1 / math.e - epsilon) * best - 1e-12
    assert math.isclose(sum(s.gain for s in plan.steps), plan.probability, abs_tol=1e-12)


def test_krackhardt_plan_reads_like_a_plan(krackhardt):
    g = krackhardt
    plan = orgnet.win_over_plan(g, "7", k=3, seed=5)
    assert len(plan) == 3 and plan.guarantee
    assert 0.0 <= plan.lower <= plan.probability <= plan.upper <= 1.0
    assert g.index_of("7") not in set(plan.people.tolist())
    frame = orgnet.approach_frame(g, plan)
    assert list(frame["order"]) == [1, 2, 3]
    assert (np.diff(frame["probability"]) >= 0).all()
    assert all(chain[-1] == "7" for chain in frame["chain"])
    # Same plan for any thread count.
    again = orgnet.win_over_plan(g, "7", k=3, seed=5, threads=1)
    assert again.people.tolist() == plan.people.tolist() and again.probability == plan.probability
    # Restricted to what person 10 reaches in two steps, without 7's reports.
    reports = {g.id(int(v)) for v in g.direct_reports(g.index_of("7"))}
    limited = orgnet.win_over_plan(g, "7", k=3, source="10", source_steps=2, exclude_target_reports=True)
    assert not reports & {g.id(int(v)) for v in limited.people}
    smallest = orgnet.smallest_win_over_set(g, "7", 0.5, seed=2)
    assert smallest.goal == 0.5 and smallest.goal_reached
    with pytest.raises(ValueError):
        orgnet.win_over_plan(g, "7", epsilon=0.0)
    with pytest.raises(IndexError):
        orgnet.win_over_plan(g, "nobody")
