"""pandas front of the structure functions: groupings given as anything
label-like, contingency tables and result frames keyed by person id."""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import _orgnet

_AGREEMENT_DEFAULTS = _orgnet._AGREEMENT_DEFAULTS


def _grouping(graph: _orgnet.InfluenceGraph, value, argument: str):
    """A grouping as the C++ side accepts it: strings (departments or an
    attribute name), CommunityResult and Labeling pass through; a pandas Series
    is aligned on person ids; any other sequence is factorized (None/NaN =
    missing) into one integer per person."""
    if isinstance(value, (str, _orgnet.CommunityResult, _orgnet.Labeling)):
        return value
    if isinstance(value, pd.Series):
        value = value.reindex(graph.ids())
    values = value.tolist() if isinstance(value, (pd.Series, np.ndarray)) else list(value)
    if len(values) != graph.num_vertices:
        raise ValueError(f"{argument}: {len(values)} labels for {graph.num_vertices} people")
    codes: dict = {}
    label = []
    for v in values:
        if v is None or (isinstance(v, float) and np.isnan(v)):
            label.append(-1)
        else:
            label.append(codes.setdefault(v, len(codes)))
    return _orgnet.Labeling(label, [str(v) for v in codes])


def partition_agreement(
    graph: _orgnet.InfluenceGraph,
    a="departments",
    b="departments",
    *,
    min_share: float = _AGREEMENT_DEFAULTS["min_share"],
    min_size: int = _AGREEMENT_DEFAULTS["min_size"],
) -> _orgnet.PartitionAgreement:
    """How far two groupings of the people agree: NMI, ARI, contingency, splits and merges.

    Parameters
    ----------
    graph : InfluenceGraph
    a, b : grouping
        "departments", the name of a free attribute, a CommunityResult, a
        Labeling, or one label per person (a sequence in vertex order or a
        pandas Series indexed by person id; None/NaN = missing). People missing
        in either grouping are left out.
    min_share : float
        A group *splits* when at least two groups of the other grouping each
        hold this share of its members (and *merges* the other way round); in
        (0, 0.5].
    min_size : int
        Groups with fewer people compared are not reported as splitting or merging.

    Returns
    -------
    PartitionAgreement
        ``nmi`` (arithmetic normalization, as sklearn), ``ari``, ``compared``,
        ``counts`` (use :func:`contingency_frame` for a labelled DataFrame),
        ``splits`` and ``merges``.
    """
    return _orgnet._partition_agreement(graph, _grouping(graph, a, "a"), _grouping(graph, b, "b"), min_share, min_size)


def contingency_frame(agreement: _orgnet.PartitionAgreement) -> pd.DataFrame:
    """The contingency table of a PartitionAgreement as a DataFrame (rows: groups
    of a, columns: groups of b, values: people in both)."""
    return pd.DataFrame(np.asarray(agreement.counts), index=pd.Index(agreement.a_names, name="a"),
                        columns=pd.Index(agreement.b_names, name="b"))


def communities_frame(graph: _orgnet.InfluenceGraph, result: _orgnet.CommunityResult) -> pd.DataFrame:
    """Each person's community as a DataFrame indexed by person id (columns
    department and community, numbered from 0 like ``result.community``)."""
    departments = graph.department_names()
    return pd.DataFrame(
        {
            "department": [departments[d] if d >= 0 else None for d in graph.departments().tolist()],
            "community": np.asarray(result.community, dtype=np.int64),
        },
        index=pd.Index(graph.ids(), name="id", dtype=object),
    )
