"""Peer implementations of community detection, for benchmarks/compare_peers.py.

TASKS is a list of (name, orgnet_fn, {"networkx": fn, "igraph": fn}); every
callable takes an orgnet.InfluenceGraph and returns the communities.

All libraries maximize weighted modularity with resolution 1 on the same
weights: the undirected view sums the two directions of a pair (orgnet's
convention; igraph's ``as_undirected(combine_edges="sum")``, and an nx.Graph
built the same way), the directed task uses the influence DiGraph with
strengths as weights (NetworkX's louvain_communities supports directed
modularity; igraph has no directed Louvain, igraph#890). orgnet and NetworkX
use seed 1; igraph's multilevel is deterministic. Leiden: igraph's
community_leiden with the modularity objective and n_iterations=-1 (until
stable), like orgnet's default.

Converting the graph for a peer is not timed (``prepare(graph)`` builds and
caches the copies). NetworkX's Louvain is pure Python: about a minute on the
100,000-person company, so LIMITS lets it run on every size for the
undirected task (the issue's 10x target is measured there) and up to 10,000
people for the directed one.
"""

from __future__ import annotations

import networkx as nx
import numpy as np

import orgnet

from ._common import converted, edges


def to_networkx(graph):
    """(undirected nx.Graph with summed weights, nx.DiGraph) on vertex ids 0..n-1 (cached)."""
    slot = converted(graph, __name__)
    if "networkx" not in slot:
        sources, targets, strengths = edges(graph)
        d = nx.DiGraph()
        d.add_nodes_from(range(graph.num_vertices))
        d.add_weighted_edges_from(zip(sources.tolist(), targets.tolist(), strengths.tolist()))
        u = nx.Graph()
        u.add_nodes_from(range(graph.num_vertices))
        for a, b, s in zip(sources.tolist(), targets.tolist(), strengths.tolist()):
            if u.has_edge(a, b):
                u[a][b]["weight"] += s
            else:
                u.add_edge(a, b, weight=s)
        slot["networkx"] = (u, d)
    return slot["networkx"]


def to_igraph(graph):
    """Undirected igraph.Graph with summed "weight" (cached)."""
    slot = converted(graph, __name__)
    if "igraph" not in slot:
        import igraph as ig

        sources, targets, strengths = edges(graph)
        g = ig.Graph(n=graph.num_vertices, edges=np.column_stack([sources, targets]).tolist(), directed=True)
        g.es["weight"] = strengths.tolist()
        slot["igraph"] = g.as_undirected(combine_edges="sum")
    return slot["igraph"]


def prepare(graph):
    """Builds (and caches) both peers' copies of `graph`."""
    to_networkx(graph)
    to_igraph(graph)


TASKS = [
    ("louvain undirected", lambda g: orgnet.communities(g, seed=1).community, {
        "networkx": lambda g: nx.community.louvain_communities(to_networkx(g)[0], weight="weight", seed=1),
        "igraph": lambda g: to_igraph(g).community_multilevel(weights="weight"),
    }),
    ("louvain directed (Leicht-Newman)", lambda g: orgnet.communities(g, kind="directed", seed=1).community, {
        "networkx": lambda g: nx.community.louvain_communities(to_networkx(g)[1], weight="weight", seed=1),
    }),
    ("leiden undirected", lambda g: orgnet.communities(g, algorithm="leiden", seed=1).community, {
        "igraph": lambda g: to_igraph(g).community_leiden(objective_function="modularity", weights="weight",
                                                         n_iterations=-1),
    }),
]

LIMITS = {
    "louvain undirected": {"networkx": 100_000},
    "louvain directed (Leicht-Newman)": {"networkx": 10_000},
}
