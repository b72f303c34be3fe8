"""Peer implementations of degree, PageRank, Katz, eigenvector, HITS and k-core,
for benchmarks/compare_peers.py.

TASKS is a list of (name, orgnet_fn, {"networkx": fn, "igraph": fn}); every
callable takes an orgnet.InfluenceGraph and returns the scores. The peers read
the same weights as orgnet (the strengths) and, for the iterative measures,
stop by the same rule (L1 change < n * 1e-10, orgnet's default tolerance);
igraph's PRPACK uses its own (L1 residual < 1e-10).

Converting the graph for a peer is not part of what is timed: the converted
graph is built on the first call for a given InfluenceGraph and cached (call
``prepare(graph)`` first to keep it out of every timing, including the
first). NetworkX graphs carry the strength as the edge attribute "weight"
(the only one nx.hits reads); igraph graphs as the edge attribute "weight".
Where a peer lacks a measure (igraph has no Katz) the dict leaves it out.

LIMITS raises the driver's NetworkX size cap (--max-networkx) for the measures
NetworkX computes quickly (degrees, and PageRank and HITS through scipy), so
they are compared on the 100,000-person company too. NetworkX's eigenvector,
Katz and core_number are pure Python (about 75 s, 25 s and 55 s at 100,000
people) and keep the driver's cap.
"""

from __future__ import annotations

import networkx as nx

import orgnet

from ._common import converted, edges, igraph_of

TOLERANCE = 1e-10  # orgnet's default; NetworkX's stopping rule is the same (L1 change < n * tol)

def to_networkx(graph):
    """nx.DiGraph on vertex ids 0..n-1, edge attribute "weight" = strength (cached)."""
    slot = converted(graph, __name__)
    if "networkx" not in slot:
        g = nx.DiGraph()
        g.add_nodes_from(range(graph.num_vertices))
        sources, targets, strengths = edges(graph)
        g.add_weighted_edges_from(zip(sources.tolist(), targets.tolist(), strengths.tolist()))
        slot["networkx"] = g
    return slot["networkx"]


def to_igraph(graph):
    """igraph.Graph on vertex ids 0..n-1, edge attribute "weight" = strength (cached)."""
    slot = converted(graph, __name__)
    if "igraph" not in slot:
        slot["igraph"] = igraph_of(graph, "weight", graph.strengths().tolist())
    return slot["igraph"]


def prepare(graph):
    """Builds (and caches) both peers' copies of `graph`."""
    to_networkx(graph)
    to_igraph(graph)


def _nx(fn):
    return lambda graph: fn(to_networkx(graph))


def _ig(fn):
    return lambda graph: fn(to_igraph(graph))


def _nx_strength(g):
    n = g.number_of_nodes()
    scale = 1.0 / (n - 1) if n > 1 else 1.0
    return {v: d * scale for v, d in g.degree(weight="weight")}


def _ig_hits(g):
    return g.hub_score(weights="weight"), g.authority_score(weights="weight")


TASKS = [
    ("degree (in, count)",
     lambda graph: orgnet.degree_centrality(graph, direction="in").score,
     {"networkx": _nx(lambda g: nx.in_degree_centrality(g)),
      "igraph": _ig(lambda g: g.degree(mode="in"))}),
    ("strength (total)",
     lambda graph: orgnet.degree_centrality(graph, weighted=True).score,
     {"networkx": _nx(_nx_strength),
      "igraph": _ig(lambda g: g.strength(mode="all", weights="weight"))}),
    ("pagerank",
     lambda graph: orgnet.pagerank(graph).score,
     {"networkx": _nx(lambda g: nx.pagerank(g, weight="weight", tol=TOLERANCE, max_iter=1000)),
      "igraph": _ig(lambda g: g.pagerank(directed=True, weights="weight"))}),
    ("katz",
     lambda graph: orgnet.katz_centrality(graph).score,
     {"networkx": _nx(lambda g: nx.katz_centrality(g, alpha=0.1, weight="weight", tol=TOLERANCE,
                                                                       max_iter=1000))}),
    ("eigenvector",
     lambda graph: orgnet.eigenvector_centrality(graph).score,
     {"networkx": _nx(lambda g: nx.eigenvector_centrality(g, weight="weight", tol=TOLERANCE,
                                                                              max_iter=1000)),
      "igraph": _ig(lambda g: g.eigenvector_centrality(directed=True, weights="weight"))}),
    ("hits",
     lambda graph: orgnet.hits(graph).hubs,
     {"networkx": _nx(lambda g: nx.hits(g, tol=TOLERANCE, max_iter=1000)),
      "igraph": _ig(_ig_hits)}),
    ("k-core (in + out)",
     lambda graph: orgnet.core_number(graph).core,
     {"networkx": _nx(lambda g: nx.core_number(g)),
      "igraph": _ig(lambda g: g.coreness(mode="all"))}),
]

LIMITS = {
    "degree (in, count)": {"networkx": 100_000},
    "strength (total)": {"networkx": 100_000},
    "pagerank": {"networkx": 100_000},
    "hits": {"networkx": 100_000},
}
