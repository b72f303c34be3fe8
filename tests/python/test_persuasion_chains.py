"""Influence chains against NetworkX.

The oracle graph is built from orgnet's edge arrays (sources, targets,
strengths) with lengths -ln s computed here by math.log (the same C library
log, so the doubles agree bit for bit and exact ties stay exact ties):

* most probable chain: ``nx.dijkstra_path(G, s, t, weight="length")``; where
  several chains tie exactly, orgnet's documented rule picks, among
  ``nx.all_shortest_paths`` (which keeps every exactly tied predecessor), the
  one with fewest steps, then the smallest people read from the target
  backwards;
* k best chains: ``nx.shortest_simple_paths`` on seeded random graphs with
  continuous strengths (no ties, so the order is unique);
* widest chain: the largest strength floor at which the target is still
  reachable (``nx.has_path`` on the subgraph), then dijkstra_path on it;
* fewest steps: ``nx.shortest_path_length`` without weights.
"""

from __future__ import annotations

import functools
import itertools
import math
import random

import networkx as nx
import numpy as np
import pytest

import orgnet
from oracles import read_raw

SMALL = ["krackhardt", "lazega", "uk_faculty"]


@functools.cache
def graph(name: str) -> orgnet.InfluenceGraph:
    return orgnet.load_dataset(name)


def nx_of(g: orgnet.InfluenceGraph) -> nx.DiGraph:
    """Vertices 0..n-1, edges u -> v with "strength" and "length" = -ln s."""
    G = nx.DiGraph()
    G.add_nodes_from(range(g.num_vertices))
    offsets = np.asarray(g.out_offsets())
    targets = np.asarray(g.out_targets())
    strengths = np.asarray(g.strengths())
    for u in range(g.num_vertices):
        for e in range(offsets[u], offsets[u + 1]):
            s = float(strengths[e])
            G.add_edge(u, int(targets[e]), strength=s, length=0.0 if s >= 1.0 else -math.log(s))
    return G


@functools.cache
def nx_graph(name: str) -> nx.DiGraph:
    return nx_of(graph(name))


def path_length(G, path):
    total = 0.0
    for u, v in zip(path, path[1:]):
        total += G[u][v]["length"]
    return total


def documented_best(G, s, t):
    """Among the exactly shortest chains: fewest steps, then people read backwards."""
    paths = list(nx.all_shortest_paths(G, s, t, weight="length"))
    return min(paths, key=lambda p: (len(p), p[::-1]))


def pairs(name, count=250, seed=7):
    n = graph(name).num_vertices
    everything = list(itertools.product(range(n), range(n)))
    if len(everything) <= count:
        return everything
    return random.Random(seed).sample(everything, count)


@pytest.mark.parametrize("name", SMALL)
def test_most_probable_chain_matches_networkx(name):
    g, G = graph(name), nx_graph(name)
    checked = 0
    for s, t in pairs(name):
        r = orgnet.best_chain(g, s, t)
        if not nx.has_path(G, s, t):
            assert not r.found and r.status == orgnet.ChainStatus.no_chain
            continue
        assert r.found
        expected = nx.dijkstra_path(G, s, t, weight="length")
        assert r.chain.length == path_length(G, expected)
        assert list(r.chain.people) == documented_best(G, s, t)
        assert r.chain.probability == pytest.approx(math.prod(G[u][v]["strength"] for u, v in zip(expected, expected[1:])), rel=1e-12)
        checked += 1
    assert checked > 50


@pytest.mark.parametrize("name", SMALL)
def test_fewest_steps_and_widest_match_networkx(name):
    g, G = graph(name), nx_graph(name)
    strengths = sorted({d["strength"] for _, _, d in G.edges(data=True)}, reverse=True)
    for s, t in pairs(name, count=60, seed=11):
        if s == t or not nx.has_path(G, s, t):
            continue
        fewest = orgnet.best_chain(g, s, t, objective="fewest_steps")
        assert fewest.chain.steps == nx.shortest_path_length(G, s, t)
        widest = orgnet.best_chain(g, s, t, objective="widest")
        def floor_graph(w):
            H = nx.DiGraph()
            H.add_nodes_from(G)
            H.add_edges_from((u, v, d) for u, v, d in G.edges(data=True) if d["strength"] >= w)
            return H

        floor = next(w for w in strengths if nx.has_path(floor_graph(w), s, t))
        assert widest.chain.weakest == floor
        H = floor_graph(floor)
        assert widest.chain.length == nx.dijkstra_path_length(H, s, t, weight="length")


def random_graph(seed, n=30, m=120):
    rng = random.Random(seed)
    edges = set()
    while len(edges) < m:
        u, v = rng.randrange(n), rng.randrange(n)
        if u != v:
            edges.add((u, v))
    edges = sorted(edges)
    weights = [rng.uniform(0.05, 0.95) for _ in edges]
    g = orgnet.from_arrays([f"p{u}" for u, _ in edges], [f"p{v}" for _, v in edges], weights,
                           relations="tie", relation_map={"tie": "source_to_target,as_is"},
                           people={"id": [f"p{i}" for i in range(n)]})
    return g


@pytest.mark.parametrize("seed", range(6))
def test_k_best_chains_follow_shortest_simple_paths(seed):
    g = random_graph(seed)
    G = nx_of(g)
    rng = random.Random(100 + seed)
    for _ in range(8):
        s, t = rng.sample(range(g.num_vertices), 2)
        r = orgnet.k_best_chains(g, s, t, 10)
        if not nx.has_path(G, s, t):
            assert not r.found
            continue
        expected = list(itertools.islice(nx.shortest_simple_paths(G, s, t, weight="length"), 10))
        assert [list(c.people) for c in r.chains] == expected
        lengths = [c.length for c in r.chains]
        assert lengths == sorted(lengths)


def test_constraints_on_krackhardt_reports_to_tree():
    g = graph("krackhardt")
    # The hierarchy rule: 10 (a manager, level 2) to the CEO 7 (level 0).
    ceo, manager = g.index_of("7"), g.index_of("10")
    assert g.level(ceo) == 0 and g.level(manager) == 2
    free = orgnet.best_chain(g, "10", "7")
    polite = orgnet.best_chain(g, "10", "7", max_level_skip=1)
    assert free.found and polite.found
    levels = [g.level(int(v)) for v in polite.chain.people]
    assert all(a - b <= 1 for a, b in zip(levels, levels[1:]))
    assert polite.chain.probability <= free.chain.probability
    # Oracle: networkx on the graph without the steps that rise more than one level.
    G = nx_graph("krackhardt")
    H = nx.DiGraph((u, v, d) for u, v, d in G.edges(data=True) if g.level(u) - g.level(v) <= 1)
    assert polite.chain.length == nx.dijkstra_path_length(H, manager, ceo, weight="length")
    # No upward step at all: the CEO is out of reach.
    flat = orgnet.best_chain(g, "10", "7", max_level_skip=0)
    assert not flat.found and "over someone's head" in flat.reason
    # Avoid every in-neighbour of the CEO: no chain, with the reason.
    blocked = orgnet.best_chain(g, "10", "7", avoid=[g.id(int(v)) for v in g.in_neighbors(ceo)])
    assert blocked.status == orgnet.ChainStatus.no_chain and "avoided" in blocked.reason
    assert orgnet.best_chain(g, "10", "7", avoid="7").status == orgnet.ChainStatus.endpoint_avoided
    # Steps limit and relation filter.
    two = orgnet.best_chain(g, "10", "7", max_steps=1)
    assert not two.found or two.chain.steps <= 1
    # Advice only: "a asks b for advice" means b influences a (the raw ties reversed).
    nodes, edges = read_raw("krackhardt")
    advice_arcs = {(g.index_of(str(t)), g.index_of(str(s))) for s, t, r in
                   zip(edges.source, edges.target, edges.relation) if r == "advice" and s != t}
    K = nx.DiGraph((u, v, d) for u, v, d in G.edges(data=True) if (u, v) in advice_arcs)
    advice = orgnet.best_chain(g, "10", "7", relations=["advice"])
    assert advice.found
    assert advice.chain.length == nx.dijkstra_path_length(K, manager, ceo, weight="length")
    assert all((int(u), int(v)) in advice_arcs for u, v in zip(advice.chain.people, advice.chain.people[1:]))
    with pytest.raises(ValueError):
        orgnet.best_chain(g, "10", "7", relations=["gossip"])
    with pytest.raises(IndexError):
        orgnet.best_chain(g, "10", "nobody")


def test_tree_and_frame():
    g = graph("krackhardt")
    tree = orgnet.best_chains_from(g, "10")
    G = nx_graph("krackhardt")
    lengths = nx.single_source_dijkstra_path_length(G, g.index_of("10"), weight="length")
    for v, length in lengths.items():
        assert tree.reached(v)
        assert tree.chain_to(g, v).length == length
    frame = orgnet.chain_frame(g, orgnet.best_chain(g, "10", "7").chain)
    assert list(frame.columns) == ["step", "from", "to", "strength", "cumulative"]
    assert frame["from"].iloc[0] == "10" and frame["to"].iloc[-1] == "7"
