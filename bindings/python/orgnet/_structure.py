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
        if v is None or (np.isscalar(v) and pd.isna(v)) or v is pd.NA:
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


_MIXING_DEFAULTS = _orgnet._MIXING_DEFAULTS


def mixing(
    graph: _orgnet.InfluenceGraph,
    groups="departments",
    *,
    direction: str = "out",
    permutations: int = _MIXING_DEFAULTS["permutations"],
    seed: int = _MIXING_DEFAULTS["seed"],
    threads: int = _MIXING_DEFAULTS["threads"],
) -> _orgnet.MixingResult:
    """Silos: the group-by-group mixing matrix and Krackhardt's E-I index, with a permutation test.

    E-I = (E - I) / (E + I) over unweighted ties: external (to another group)
    and internal. Per person over the ties they send (``direction`` "out":
    influence out-edges; "in" or "total" also possible), per group, and for the
    whole network. The permutation test relabels the groups at random (sizes
    fixed, seeded); ``p_less`` small means more internal ties than chance.

    Parameters
    ----------
    graph : InfluenceGraph
    groups : grouping
        "departments" (default), an attribute name, a CommunityResult, a
        Labeling, or one label per person (None/NaN = missing, left out).
    direction : str or DegreeDirection
    permutations : int
        Relabellings; 0 skips the test.
    seed : int
    threads : int
        0 = all available; results do not depend on it.

    Returns
    -------
    MixingResult
        See :func:`ei_frame`, :func:`group_ei_frame` and :func:`mixing_frame`
        for labelled tables.
    """
    return _orgnet._mixing(graph, _grouping(graph, groups, "groups"), direction, permutations, seed, threads)


def mixing_frame(result: _orgnet.MixingResult, *, weighted: bool = False) -> pd.DataFrame:
    """The mixing matrix as a DataFrame (rows: source group, columns: target
    group): tie counts, or total strength when ``weighted``."""
    values = result.strength if weighted else result.ties
    return pd.DataFrame(np.asarray(values), index=pd.Index(result.groups, name="from"),
                        columns=pd.Index(result.groups, name="to"))


def group_ei_frame(result: _orgnet.MixingResult) -> pd.DataFrame:
    """Per group: external and internal ties, E-I, its mean under relabelling
    and the permutation p-values, indexed by group name, most siloed first."""
    frame = pd.DataFrame(
        {
            "external": result.group_external,
            "internal": result.group_internal,
            "ei": result.group_ei,
            "expected_ei": result.group_expected_ei,
            "p_less": result.group_p_less,
            "p_greater": result.group_p_greater,
        },
        index=pd.Index(result.groups, name="group"),
    )
    return frame.sort_values("ei", kind="stable")


def ei_frame(graph: _orgnet.InfluenceGraph, result: _orgnet.MixingResult) -> pd.DataFrame:
    """Per person: department, external and internal ties sent and E-I, indexed by person id."""
    departments = graph.department_names()
    return pd.DataFrame(
        {
            "department": [departments[d] if d >= 0 else None for d in graph.departments().tolist()],
            "external": result.person_external,
            "internal": result.person_internal,
            "ei": result.person_ei,
        },
        index=pd.Index(graph.ids(), name="id", dtype=object),
    )


def hidden_influencers_frame(graph: _orgnet.InfluenceGraph, result: _orgnet.FormalInformalResult,
                             *, everyone: bool = False) -> pd.DataFrame:
    """Hidden influencers (or everyone) with level, influence, percentile,
    predicted percentile and residual, indexed by person id, largest residual first."""
    ids = np.array(graph.ids(), dtype=object)
    departments = graph.department_names()
    frame = pd.DataFrame(
        {
            "department": [departments[d] if d >= 0 else None for d in graph.departments().tolist()],
            "level": result.level,
            "influence": result.influence,
            "percentile": result.percentile,
            "predicted": result.predicted,
            "residual": result.residual,
        },
        index=pd.Index(ids, name="id", dtype=object),
    )
    if everyone:
        return frame.sort_values("residual", ascending=False, kind="stable")
    return frame.iloc[np.asarray(result.hidden_influencers, dtype=np.int64)]


def bypass_ties_frame(graph: _orgnet.InfluenceGraph, result: _orgnet.FormalInformalResult) -> pd.DataFrame:
    """Bypass ties with person ids: source, target (influence runs source ->
    target), their levels, the gap and whether the higher person is in the
    lower one's chain of command."""
    ids = graph.ids()
    rows = [dict(t, source=ids[t["source"]], target=ids[t["target"]]) for t in result.bypass_ties]
    return pd.DataFrame(rows, columns=["source", "target", "source_level", "target_level", "gap", "in_chain"])


_ROLE_DEFAULTS = _orgnet._ROLE_DEFAULTS


def ona_roles(
    graph: _orgnet.InfluenceGraph,
    groups="departments",
    *,
    connector_percentile: float = _ROLE_DEFAULTS["connector_percentile"],
    spanner_percentile: float = _ROLE_DEFAULTS["spanner_percentile"],
    spanner_min_groups: int = _ROLE_DEFAULTS["spanner_min_groups"],
    broker_percentile: float = _ROLE_DEFAULTS["broker_percentile"],
    broker_min_groups: int = _ROLE_DEFAULTS["broker_min_groups"],
    peripheral_percentile: float = _ROLE_DEFAULTS["peripheral_percentile"],
    distance: str = _ROLE_DEFAULTS["distance"],
    threads: int = _ROLE_DEFAULTS["threads"],
) -> _orgnet.RolesResult:
    """ONA roles per person after Cross and Prusak (HBR 2002), from adjustable thresholds.

    central connector: degree percentile >= connector_percentile;
    boundary spanner: percentile of contacts in other groups >=
    spanner_percentile and contacts in >= spanner_min_groups other groups;
    information broker: betweenness percentile >= broker_percentile and
    contacts in >= broker_min_groups other groups; peripheral specialist:
    degree percentile <= peripheral_percentile. Percentiles are ranks in
    [0, 1] (ties averaged). Degree is NetworkX's degree centrality,
    betweenness orgnet's (``distance`` -ln s by default).

    Parameters
    ----------
    graph : InfluenceGraph
    groups : grouping
        "departments" (default), an attribute name, a CommunityResult, a
        Labeling or one label per person.

    Returns
    -------
    RolesResult
        See :func:`roles_frame` for one labelled table.
    """
    return _orgnet._ona_roles(graph, _grouping(graph, groups, "groups"), connector_percentile, spanner_percentile,
                              spanner_min_groups, broker_percentile, broker_min_groups, peripheral_percentile,
                              distance, threads)


def roles_frame(graph: _orgnet.InfluenceGraph, result: _orgnet.RolesResult) -> pd.DataFrame:
    """Roles and the numbers behind them, one row per person, indexed by person id.

    Columns: department, roles (names joined by ","), the four role flags,
    degree, degree_percentile, betweenness, betweenness_percentile, contacts,
    external, external_share, external_percentile, groups_reached.
    """
    departments = graph.department_names()
    return pd.DataFrame(
        {
            "department": [departments[d] if d >= 0 else None for d in graph.departments().tolist()],
            "roles": [result.roles(v) for v in range(graph.num_vertices)],
            "central_connector": result.central_connector,
            "boundary_spanner": result.boundary_spanner,
            "information_broker": result.information_broker,
            "peripheral_specialist": result.peripheral_specialist,
            "degree": result.degree,
            "degree_percentile": result.degree_percentile,
            "betweenness": result.betweenness,
            "betweenness_percentile": result.betweenness_percentile,
            "contacts": result.contacts,
            "external": result.external,
            "external_share": result.external_share,
            "external_percentile": result.external_percentile,
            "groups_reached": result.groups_reached,
        },
        index=pd.Index(graph.ids(), name="id", dtype=object),
    )
