"""Independent oracles for the diffusion tests: exact live-edge enumeration,
pure-Python Monte Carlo of Independent Cascade and Linear Threshold (written
from the models' definitions, sharing nothing with orgnet), and graphs with
exact strengths."""

from __future__ import annotations

import itertools
import random
from collections import deque

import numpy as np

import orgnet


def strength_graph(people, ties, departments=None):
    """A graph whose influence edges are exactly `ties` (u, v, strength)."""
    frame = {"id": list(people)}
    if departments is not None:
        frame["department"] = list(departments)
    return orgnet.from_arrays([u for u, _, _ in ties], [v for _, v, _ in ties], [s for _, _, s in ties],
                              people=frame, relation_map={"tie": "source_to_target,as_is"})


def edges_of(graph):
    """(u, v, s) by vertex index, in orgnet's edge order."""
    frame = graph.edges_frame()
    index = {p: i for i, p in enumerate(graph.ids())}
    return [(index[u], index[v], s) for u, v, s in zip(frame.source, frame.target, frame.strength)]


def _within(n, live_out, seeds):
    dist = [None] * n
    queue = deque()
    for s in seeds:
        if dist[s] is None:
            dist[s] = 0
            queue.append(s)
    while queue:
        u = queue.popleft()
        for v in live_out[u]:
            if dist[v] is None:
                dist[v] = dist[u] + 1
                queue.append(v)
    return dist


def exact_spread(graph, seeds, model="ic", normalize=False, max_steps=None):
    """Exact expected reach, per-person probability and the expected number
    within t steps (t = 0..n), by enumerating every live-edge world. With
    max_steps, reach and probability count only people within that many steps."""
    n = graph.num_vertices
    edges = edges_of(graph)
    reach = 0.0
    prob = np.zeros(n)
    within = np.zeros(n + 1)

    def add(live_out, weight):
        nonlocal reach
        dist = _within(n, live_out, seeds)
        for v, d in enumerate(dist):
            if d is not None:
                within[d:] += weight
                if max_steps is None or d <= max_steps:
                    reach += weight
                    prob[v] += weight

    if model == "ic":
        for mask in itertools.product((0, 1), repeat=len(edges)):
            weight = 1.0
            live_out = [[] for _ in range(n)]
            for bit, (u, v, s) in zip(mask, edges):
                weight *= s if bit else 1.0 - s
                if bit:
                    live_out[u].append(v)
            add(live_out, weight)
    else:
        into = [[(u, s) for u, v2, s in edges if v2 == v] for v in range(n)]
        options = []
        for v in range(n):
            total = sum(s for _, s in into[v])
            scale = 1.0 / total if normalize and total > 0 else 1.0
            choice = [(None, 1.0 - total * scale)] if 1.0 - total * scale > 1e-15 else []
            choice += [(u, s * scale) for u, s in into[v]]
            options.append(choice)
        for pick in itertools.product(*options):
            weight = 1.0
            live_out = [[] for _ in range(n)]
            for v, (u, p) in enumerate(pick):
                weight *= p
                if u is not None:
                    live_out[u].append(v)
            add(live_out, weight)
    return reach, prob, within


def simulate_python(graph, seeds, runs, rng_seed, model="ic", normalize=False):
    """Pure-Python Monte Carlo, step by step as the models are defined:
    IC flips a coin per tie when its source is newly convinced; LT draws a
    threshold per person and compares the convinced in-strengths against it.
    Returns the list of reach counts and the per-person reach frequency."""
    rng = random.Random(rng_seed)
    n = graph.num_vertices
    edges = edges_of(graph)
    out = [[] for _ in range(n)]
    into_total = [0.0] * n
    for u, v, s in edges:
        out[u].append((v, s))
        into_total[v] += s
    counts = []
    hits = np.zeros(n)
    for _ in range(runs):
        active = set(seeds)
        frontier = list(dict.fromkeys(seeds))
        if model == "ic":
            while frontier:
                new = []
                for u in frontier:
                    for v, s in out[u]:
                        if v not in active and rng.random() < s:
                            active.add(v)
                            new.append(v)
                frontier = new
        else:
            theta = [rng.random() for _ in range(n)]
            weight = [0.0] * n
            while frontier:
                new = []
                for u in frontier:
                    for v, s in out[u]:
                        if v in active:
                            continue
                        weight[v] += s / into_total[v] if normalize else s
                        if weight[v] >= theta[v]:
                            active.add(v)
                            new.append(v)
                frontier = new
        counts.append(len(active))
        for v in active:
            hits[v] += 1
    return counts, hits / runs
