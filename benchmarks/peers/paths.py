"""Peer implementations of betweenness (exact, vertices and edges), closeness and
harmonic closeness, for benchmarks/compare_peers.py.

TASKS is a list of (name, orgnet_fn, {"networkx": fn, "igraph": fn, "boost": fn}); every
callable takes an orgnet.InfluenceGraph and returns the scores. Names say the
edge length and, where it matters for the issue's targets (ratios on one
thread), the thread count; the other orgnet runs use every thread.

Lengths: "hops" (unweighted), "1/s" (the strength's inverse, NetworkX's and
igraph's "stronger tie, shorter distance" habit; every length >= 1) and
"-ln s" (orgnet's default). igraph refuses lengths of 0, which -ln s gives a
tie of strength 1, so it sits out the -ln s task. Directions follow each
library's default for directed graphs: NetworkX's closeness and harmonic
centrality measure distances *to* a person, igraph's mode="in" does the same,
and so does orgnet's default (incoming).

Boost.Graph's brandes_betweenness_centrality (single-threaded) runs in the
C++ tool bin/orgnet_boost_brandes, which reads the graph from a file and times
only the computation; it sits next to the 1-thread rows (and -ln s, which it
accepts with lengths of 0).

Converting the graph for a peer is not part of what is timed: the converted
graph is built on the first call for a given InfluenceGraph and cached (call
``prepare(graph)`` first to keep it out of every timing, including the
first). NetworkX graphs carry the edge attributes "inverse" (1/s) and
"distance" (-ln s); igraph graphs the edge attribute "inverse".

LIMITS keeps the slow runs out: NetworkX's betweenness and closeness are pure
Python (about 2.5 s for betweenness and 1 s for closeness at 1,000 people,
hundreds of seconds at 10,000); the exact measures run one search per person,
O(n m) for every library, so nobody computes them on the 100,000-person
company (that is what approximate_betweenness is for; no peer offers an
approximation with a guarantee, so that task has no peers).
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

import orgnet

from ._common import boost_brandes, converted, edges, igraph_of

def to_networkx(graph):
    """nx.DiGraph on vertex ids 0..n-1 with "inverse" and "distance" edge attributes (cached)."""
    slot = converted(graph, __name__)
    if "networkx" not in slot:
        g = nx.DiGraph()
        g.add_nodes_from(range(graph.num_vertices))
        sources, targets, strengths = edges(graph)
        g.add_edges_from(
            (u, v, {"inverse": 1.0 / s, "distance": 0.0 if s >= 1.0 else -math.log(s)})
            for u, v, s in zip(sources.tolist(), targets.tolist(), strengths.tolist())
        )
        slot["networkx"] = g
    return slot["networkx"]


def to_igraph(graph):
    """igraph.Graph on vertex ids 0..n-1 (edges in orgnet's edge order) with "inverse" (cached)."""
    slot = converted(graph, __name__)
    if "igraph" not in slot:
        slot["igraph"] = igraph_of(graph, "inverse", (1.0 / graph.strengths()).tolist())
    return slot["igraph"]


def prepare(graph):
    """Builds (and caches) both peers' copies of `graph`."""
    to_networkx(graph)
    to_igraph(graph)


def _nx(fn):
    return lambda graph: fn(to_networkx(graph))


def _ig(fn):
    return lambda graph: fn(to_igraph(graph))


def _boost(lengths):
    """Boost.Graph's Brandes with edge lengths "hops", "inverse" (1/s) or "distance" (-ln s)."""
    def run(graph):
        strengths = graph.strengths()
        if lengths == "hops":
            return boost_brandes(graph, "hops")
        values = 1.0 / strengths if lengths == "inverse" else -np.log(strengths)
        return boost_brandes(graph, values)
    return run


def _orgnet(fn, **options):
    return lambda graph: fn(graph, **options).score


TASKS = [
    ("betweenness hops, 1 thread", _orgnet(orgnet.betweenness, distance="hops", threads=1), {
        "networkx": _nx(lambda g: nx.betweenness_centrality(g)),
        "igraph": _ig(lambda g: g.betweenness(directed=True)),
        "boost": _boost("hops"),
    }),
    ("betweenness hops", _orgnet(orgnet.betweenness, distance="hops"), {
        "networkx": _nx(lambda g: nx.betweenness_centrality(g)),
        "igraph": _ig(lambda g: g.betweenness(directed=True)),
    }),
    ("betweenness 1/s, 1 thread", _orgnet(orgnet.betweenness, distance="inverse", threads=1), {
        "networkx": _nx(lambda g: nx.betweenness_centrality(g, weight="inverse")),
        "igraph": _ig(lambda g: g.betweenness(directed=True, weights="inverse")),
        "boost": _boost("inverse"),
    }),
    ("betweenness 1/s", _orgnet(orgnet.betweenness, distance="inverse"), {
        "networkx": _nx(lambda g: nx.betweenness_centrality(g, weight="inverse")),
        "igraph": _ig(lambda g: g.betweenness(directed=True, weights="inverse")),
    }),
    ("betweenness -ln s", _orgnet(orgnet.betweenness), {
        "networkx": _nx(lambda g: nx.betweenness_centrality(g, weight="distance")),
        "boost": _boost("distance"),
    }),
    ("edge betweenness hops, 1 thread", _orgnet(orgnet.edge_betweenness, distance="hops", threads=1), {
        "networkx": _nx(lambda g: nx.edge_betweenness_centrality(g)),
        "igraph": _ig(lambda g: g.edge_betweenness(directed=True)),
    }),
    ("closeness hops, 1 thread", _orgnet(orgnet.closeness, distance="hops", threads=1), {
        "networkx": _nx(lambda g: nx.closeness_centrality(g)),
        "igraph": _ig(lambda g: g.closeness(mode="in")),
    }),
    ("closeness 1/s, 1 thread", _orgnet(orgnet.closeness, distance="inverse", threads=1), {
        "networkx": _nx(lambda g: nx.closeness_centrality(g, distance="inverse")),
        "igraph": _ig(lambda g: g.closeness(mode="in", weights="inverse")),
    }),
    ("harmonic hops, 1 thread", _orgnet(orgnet.harmonic_closeness, distance="hops", threads=1), {
        "networkx": _nx(lambda g: nx.harmonic_centrality(g)),
        "igraph": _ig(lambda g: g.harmonic_centrality(mode="in", normalized=False)),
    }),
    ("harmonic 1/s, 1 thread", _orgnet(orgnet.harmonic_closeness, distance="inverse", threads=1), {
        "networkx": _nx(lambda g: nx.harmonic_centrality(g, distance="inverse")),
        "igraph": _ig(lambda g: g.harmonic_centrality(mode="in", weights="inverse", normalized=False)),
    }),
    ("approx. betweenness -ln s, eps 0.01", _orgnet(orgnet.approximate_betweenness, epsilon=0.01, delta=0.1), {}),
]

_EXACT = 10_000  # one search per person: nobody runs these on 100,000 people
_NX = 2_000  # NetworkX's pure-Python path measures: up to email_eu_core (1,005 people)

LIMITS = {name: {"orgnet": _EXACT, "networkx": _NX, "igraph": _EXACT}
          for name, _, _ in TASKS if not name.startswith("approx")}
