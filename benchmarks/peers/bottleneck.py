"""Peer implementations of the bottleneck measures, for benchmarks/compare_peers.py.

TASKS is a list of (name, orgnet_fn, {"networkx": fn, "igraph": fn}); every
callable takes an orgnet.InfluenceGraph. The headline comparison is Burt's
constraint and effective size (issue 4's target: orgnet at least 100x faster
than NetworkX's constraint + effective_size on the same weighted directed
graph): NetworkX runs both on the influence DiGraph with weight="strength",
orgnet's structural_holes computes both (plus efficiency and hierarchy) in
one pass. Articulation points and bridges run on the undirected view
(NetworkX on G.to_undirected(), igraph on as_undirected()); the dominator
tree is rooted at vertex 0. Gould-Fernandez brokerage has no Python peer.

Converting the graph for a peer is not timed (``prepare(graph)``).

LIMITS: NetworkX's structural holes are pure Python and recompute each
normalization for every pair (roughly O(sum of degree^3)): more than 15
minutes on email-Eu-core (it did not finish within 900 s), so NetworkX runs
them up to 600 people (run with --sizes 200,500,... to get the ratio), and
only in the 1-thread task.
"""

from __future__ import annotations

import networkx as nx

import orgnet

from ._common import converted, edges, igraph_of


def to_networkx(graph):
    """nx.DiGraph on vertex ids 0..n-1 with the "strength" edge attribute (cached)."""
    slot = converted(graph, __name__)
    if "networkx" not in slot:
        g = nx.DiGraph()
        g.add_nodes_from(range(graph.num_vertices))
        sources, targets, strengths = edges(graph)
        g.add_edges_from((u, v, {"strength": s})
                         for u, v, s in zip(sources.tolist(), targets.tolist(), strengths.tolist()))
        slot["networkx"] = g
        slot["networkx_undirected"] = g.to_undirected()
    return slot["networkx"]


def to_igraph(graph):
    """igraph.Graph on vertex ids 0..n-1 (cached), and its undirected view."""
    slot = converted(graph, __name__)
    if "igraph" not in slot:
        g = igraph_of(graph, "strength", graph.strengths().tolist())
        slot["igraph"] = g
        slot["igraph_undirected"] = g.as_undirected()
    return slot["igraph"]


def prepare(graph):
    """Builds (and caches) both peers' copies of `graph`."""
    to_networkx(graph)
    to_igraph(graph)


def _holes_nx(graph):
    g = to_networkx(graph)
    return nx.constraint(g, weight="strength"), nx.effective_size(g, weight="strength")


def _cuts_nx(graph):
    to_networkx(graph)
    u = converted(graph, __name__)["networkx_undirected"]
    return list(nx.articulation_points(u)), list(nx.bridges(u))


def _cuts_ig(graph):
    to_igraph(graph)
    u = converted(graph, __name__)["igraph_undirected"]
    return u.articulation_points(), u.bridges()


TASKS = [
    ("structural holes, 1 thread", lambda g: orgnet.structural_holes(g, threads=1).constraint,
     {"networkx": _holes_nx}),
    ("structural holes", lambda g: orgnet.structural_holes(g).constraint, {"networkx": _holes_nx}),
    ("brokerage (Gould-Fernandez)", lambda g: orgnet.brokerage(g).observed, {}),
    ("articulation points + bridges", lambda g: orgnet.cut_points(g).cut_off,
     {"networkx": _cuts_nx, "igraph": _cuts_ig}),
    ("dominator tree from vertex 0", lambda g: orgnet.dominator_tree(g, 0).immediate_dominator, {
        "networkx": lambda g: nx.immediate_dominators(to_networkx(g), 0),
        "igraph": lambda g: to_igraph(g).dominator(0),
    }),
]

LIMITS = {
    "structural holes, 1 thread": {"networkx": 600},
    "structural holes": {"networkx": 0},
}
