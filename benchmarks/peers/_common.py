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


class SelfTimed(float):
    """Seconds a peer measured itself (e.g. a C++ tool that excludes loading
    its input); the driver uses this value instead of timing the call."""


BUILD_DIR = None  # set by compare_peers.py: where bin/orgnet_boost_brandes lives


def boost_brandes(graph, lengths, repeat: int = 1) -> SelfTimed:
    """Boost.Graph's brandes_betweenness_centrality on `graph`, run by the C++
    tool bin/orgnet_boost_brandes: the graph file is written once per graph and
    length ("hops" or an array of edge lengths), and only the computation is timed."""
    import pathlib
    import subprocess
    import tempfile

    key = "hops" if isinstance(lengths, str) else "weighted"
    slot = converted(graph, "boost")
    if key not in slot:
        sources, targets, strengths = edges(graph)
        values = np.ones_like(strengths) if key == "hops" else np.asarray(lengths, dtype=np.float64)
        handle = tempfile.NamedTemporaryFile(prefix="orgnet_boost_", suffix=".bin", delete=False)
        with handle:
            np.array([graph.num_vertices, len(sources)], dtype="<i8").tofile(handle)
            sources.astype("<i8").tofile(handle)
            targets.astype("<i8").tofile(handle)
            values.astype("<f8").tofile(handle)
        slot[key] = pathlib.Path(handle.name)
    tool = pathlib.Path(BUILD_DIR) / "bin" / "orgnet_boost_brandes"
    out = subprocess.run([str(tool), str(slot[key]), key, str(repeat)], check=True, capture_output=True, text=True)
    return SelfTimed(float(out.stdout.split()[0]))
