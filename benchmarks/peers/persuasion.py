"""Peer implementations of influence chains, for benchmarks/compare_peers.py.

TASKS is a list of (name, orgnet_fn, {"networkx": fn}); every callable takes
an orgnet.InfluenceGraph and returns a chain (or list of chains) from the last
person to the person with the most in-ties among the first 1,000 (a busy
manager of the generated company). NetworkX runs on -ln s ("distance"):
dijkstra_path for the most probable chain and the first 10 paths of
shortest_simple_paths for the 10 best chains (the order orgnet reproduces when
probabilities differ). igraph sits out: it refuses the zero lengths that ties
of strength 1 give under -ln s. No general library offers targeted influence
maximization (the win-over plan), so that task has no peer.

Converting the graph is not timed (``prepare`` caches the NetworkX copy).
"""

from __future__ import annotations

import itertools
import math

import networkx as nx

import orgnet

from ._common import converted, edges


def to_networkx(graph):
    """nx.DiGraph on vertex ids 0..n-1 with the "distance" (-ln s) edge attribute (cached)."""
    slot = converted(graph, __name__)
    if "networkx" not in slot:
        g = nx.DiGraph()
        g.add_nodes_from(range(graph.num_vertices))
        sources, targets, strengths = edges(graph)
        g.add_edges_from(
            (u, v, {"distance": 0.0 if s >= 1.0 else -math.log(s)})
            for u, v, s in zip(sources.tolist(), targets.tolist(), strengths.tolist())
        )
        slot["networkx"] = g
    return slot["networkx"]


def prepare(graph):
    """Builds (and caches) NetworkX's copy of `graph`."""
    to_networkx(graph)


def endpoints(graph):
    """(source, target): the last person, and the busiest of the first 1,000."""
    n = graph.num_vertices
    first = range(min(n, 1000))
    target = max(first, key=lambda v: (len(graph.in_neighbors(v)), -v))
    return n - 1, target


def _best(graph):
    s, t = endpoints(graph)
    return orgnet.best_chain(graph, s, t)


def _k_best(graph):
    s, t = endpoints(graph)
    return orgnet.k_best_chains(graph, s, t, 10)


def _nx_best(graph):
    s, t = endpoints(graph)
    return nx.dijkstra_path(to_networkx(graph), s, t, weight="distance")


def _nx_k_best(graph):
    s, t = endpoints(graph)
    return list(itertools.islice(nx.shortest_simple_paths(to_networkx(graph), s, t, weight="distance"), 10))


TASKS = [
    ("most probable chain", _best, {"networkx": _nx_best}),
    ("10 best chains (Yen)", _k_best, {"networkx": _nx_k_best}),
    ("win-over plan k=10, eps 0.05", lambda g: orgnet.win_over_plan(g, endpoints(g)[1], k=10, epsilon=0.05), {}),
]

# The win-over plan on the default relation map is supercritical on generated
# companies (docs/benchmarks.md): keep it to 1,000 people here.
LIMITS = {"win-over plan k=10, eps 0.05": {"orgnet": 1_000}}
