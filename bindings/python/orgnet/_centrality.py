"""Ranking helpers and the one-call centrality table (pandas front of the C++ code)."""

from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd

from . import _orgnet

_DEFAULTS = _orgnet._CENTRALITY_TABLE_DEFAULTS


def centrality_table(
    graph: _orgnet.InfluenceGraph,
    measures: Iterable[str] | str | None = None,
    *,
    distance: str = _DEFAULTS["distance"],
    flow: str = _DEFAULTS["flow"],
    normalized: bool = _DEFAULTS["normalized"],
    damping: float = _DEFAULTS["damping"],
    katz_alpha: float = _DEFAULTS["katz_alpha"],
    epsilon: float = _DEFAULTS["epsilon"],
    delta: float = _DEFAULTS["delta"],
    seed: int = _DEFAULTS["seed"],
    threads: int = _DEFAULTS["threads"],
) -> pd.DataFrame:
    """Several centrality measures in one call, as a DataFrame indexed by person id.

    Columns: ``department`` then one column per measure, in the order asked
    (names as in ``orgnet centrality --measure``: in_degree, out_degree, degree,
    in_strength, out_strength, strength, closeness, harmonic, betweenness,
    approx_betweenness, eigenvector, pagerank, katz, hubs, authorities, coreness;
    ``"all"`` for every one). The default set is the exact measures. Path
    measures use ``distance`` (neg_log: most probable chains). ``flow``
    "exerted" (default) ranks the influence a person exerts: outgoing distances,
    score flowing back along influence; "received" gives NetworkX's conventions
    on the influence graph. Convergence of
    the iterative measures is in ``df.attrs["convergence"]``.
    """
    if measures is None:
        names = list(_DEFAULTS["measures"])
    elif isinstance(measures, str):
        names = [measures]
    else:
        names = list(measures)
    columns = _orgnet._centrality_columns(graph, names, str(distance).split(".")[-1], str(flow).split(".")[-1],
                                          normalized, damping, katz_alpha, epsilon,
                                          delta, seed, threads)
    departments = graph.department_names()
    frame = pd.DataFrame(
        {"department": [departments[d] if d >= 0 else "" for d in graph.departments()]},
        index=pd.Index(graph.ids(), name="id"),
    )
    convergence = {}
    for name, values, converged in columns:
        frame[name] = values
        if converged is not None:
            convergence[name] = converged
    frame.attrs["convergence"] = convergence
    return frame


def top_k(graph: _orgnet.InfluenceGraph, scores, k: int = 10, *, ascending: bool = False,
          error: float | None = None) -> pd.DataFrame:
    """The k people with the highest (or lowest) score, best first.

    ``scores`` is one value per person (a NumPy array or sequence in vertex
    order, a pandas Series indexed by person id, or an
    ApproximateBetweennessResult, whose ``epsilon`` is then the error). Equal
    scores share a rank (competition ranking "1, 2, 2, 4") and keep vertex
    order; NaN ranks last. ``k = 0`` ranks everyone. Columns: rank, id,
    department, score; with an ``error`` (an absolute bound on every score),
    also ``certain``: the person is in the top k whatever the true scores
    within the bound (fewer than k others have score + error >= their
    score - error).
    """
    if isinstance(scores, _orgnet.ApproximateBetweennessResult):
        error = scores.epsilon if error is None else error
        scores = scores.score
    if isinstance(scores, pd.Series):
        scores = scores.reindex(graph.ids()).to_numpy(dtype=float)
    rows = _orgnet._top_k(graph, np.asarray(scores, dtype=float), k, ascending, 0.0 if error is None else error)
    frame = pd.DataFrame(rows, columns=["rank", "vertex", "id", "department", "score", "certain"]).drop(columns="vertex")
    return frame if error is not None else frame.drop(columns="certain")
