"""Peer implementations of diffusion for benchmarks/compare_peers.py: the
Independent Cascade simulation and the Friedkin–Johnsen equilibrium plus
leverage.

No peer library ships weighted IC/LT simulation with intervals (NetworkX
closed its request unimplemented, networkx#693), so the "networkx" column
times what an analyst writes today: a pure-Python IC loop over a NetworkX
DiGraph (one coin per tie when its source is newly convinced, Python's
``random``), and for opinion dynamics NetworkX's adjacency matrix with a dense
NumPy solve (x* and the leverage by two ``numpy.linalg.solve`` calls).

Both sides run 1,000 simulations from the same 10 seeded-random people (the
issue's 10,000-simulation target is timed by benchmarks/bench_diffusion.cpp).
LIMITS: the Python loop stops at 10,000 people (minutes beyond), the dense
solve at 2,000 people (an n x n matrix: 3.2 GB at 20,000).
"""

from __future__ import annotations

import random

import networkx as nx
import numpy as np

import orgnet

from ._common import converted, edges

SIMULATIONS = 1000


def seeds_of(graph, count=10):
    rng = np.random.default_rng(7)
    return sorted(rng.choice(graph.num_vertices, size=min(count, graph.num_vertices), replace=False).tolist())


def stances_of(graph):
    rng = np.random.default_rng(3)
    return rng.uniform(-1, 1, graph.num_vertices), rng.uniform(0.1, 0.9, graph.num_vertices)


def to_networkx(graph):
    """nx.DiGraph on vertex ids 0..n-1 with the strength as "p" (cached)."""
    slot = converted(graph, __name__)
    if "networkx" not in slot:
        g = nx.DiGraph()
        g.add_nodes_from(range(graph.num_vertices))
        sources, targets, strengths = edges(graph)
        g.add_weighted_edges_from(zip(sources.tolist(), targets.tolist(), strengths.tolist()), weight="p")
        slot["networkx"] = g
    return slot["networkx"]


def prepare(graph):
    if graph.num_vertices <= 10_000:
        to_networkx(graph)


def python_ic(graph):
    """Mean reach of SIMULATIONS Independent Cascades in pure Python."""
    g = to_networkx(graph)
    seeds = seeds_of(graph)
    rng = random.Random(1)
    adjacency = {u: [(v, d["p"]) for v, d in g[u].items()] for u in g}
    total = 0
    for _ in range(SIMULATIONS):
        active = set(seeds)
        frontier = list(seeds)
        while frontier:
            new = []
            for u in frontier:
                for v, p in adjacency[u]:
                    if v not in active and rng.random() < p:
                        active.add(v)
                        new.append(v)
            frontier = new
        total += len(active)
    return total / SIMULATIONS


def numpy_fj(graph):
    """Friedkin–Johnsen equilibrium and mean leverage by dense NumPy solves."""
    g = to_networkx(graph)
    x0, sigma = stances_of(graph)
    n = graph.num_vertices
    w = nx.to_numpy_array(g, nodelist=range(n), weight="p").T  # row v: v's in-strengths
    sums = w.sum(axis=1)
    lonely = sums == 0
    w[lonely, lonely] = 1.0
    sums[lonely] = 1.0
    w /= sums[:, None]
    a = np.eye(n) - (1 - sigma)[:, None] * w
    x = np.linalg.solve(a, sigma * x0)
    leverage = sigma * np.linalg.solve(a.T, np.full(n, 1 / n))
    return x, leverage


def orgnet_ic(graph):
    return orgnet.simulate_spread(graph, seeds_of(graph), simulations=SIMULATIONS).expected_reach


def orgnet_fj(graph):
    x0, sigma = stances_of(graph)
    r = orgnet.friedkin_johnsen(graph, x0, stubbornness=sigma)
    return r.equilibrium, r.leverage


TASKS = [
    ("IC spread, 1,000 simulations", orgnet_ic, {"networkx": python_ic}),
    ("Friedkin-Johnsen + leverage", orgnet_fj, {"networkx": numpy_fj}),
]

LIMITS = {
    "IC spread, 1,000 simulations": {"networkx": 10_000},
    "Friedkin-Johnsen + leverage": {"networkx": 2_000},
}
