"""Shared by the peer modules: a per-graph cache of converted graphs, and the
edge arrays of an orgnet graph."""

from __future__ import annotations

import numpy as np

import orgnet

_cache: dict[int, tuple[object, dict[str, object]]] = {}


def converted(graph: orgnet.InfluenceGraph, owner: str) -> dict[str, object]:
    """A dict in which the peer module `owner` keeps its converted copies of `graph`."""
    entry = _cache.get(id(graph))
    if entry is None or entry[0] is not graph:
        entry = (graph, {})  # keeps `graph` alive, so its id is not reused
        _cache[id(graph)] = entry
    return entry[1].setdefault(owner, {})


def edges(graph):
    """(sources, targets, strengths) of every influence edge, by edge id."""
    sources = np.repeat(np.arange(graph.num_vertices, dtype=np.int64), np.diff(graph.out_offsets()))
    return sources, graph.out_targets().astype(np.int64), graph.strengths()


def igraph_of(graph, attribute: str, values):
    """igraph.Graph on vertex ids 0..n-1 with one edge attribute, by edge id."""
    import igraph as ig

    sources, targets, _ = edges(graph)
    g = ig.Graph(n=graph.num_vertices, edges=np.column_stack([sources, targets]).tolist(), directed=True)
    g.es[attribute] = list(values)
    return g
