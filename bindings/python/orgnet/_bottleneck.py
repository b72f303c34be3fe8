"""The per-person bottleneck table as a pandas DataFrame (front of the C++ code)."""

from __future__ import annotations

import pandas as pd

from . import _orgnet


def bottleneck_table(
    graph: _orgnet.InfluenceGraph,
    *,
    attribute: str = "",
    weighted: bool = True,
    relations: list[str] | None = None,
    threads: int = 0,
) -> pd.DataFrame:
    """Every per-person bottleneck figure in one DataFrame indexed by person id.

    Columns: department; cut_off and pieces (articulation points, undirected
    view); contacts, constraint, effective_size, efficiency, hierarchy
    (Burt's structural holes, mutual strengths unless ``weighted`` is False);
    one column per Gould-Fernandez role with its count (coordinator,
    itinerant, representative, gatekeeper, liaison, total; groups from
    ``attribute``, department by default) and ``<role>_z`` z-scores under
    sna's null model; load, load_ratio, chain_share and overload (dependence
    on the ``relations``, advice by default). The same figures as
    ``orgnet bottlenecks --format csv``.
    """
    cuts = _orgnet.cut_points(graph)
    holes = _orgnet.structural_holes(graph, weighted=weighted, threads=threads)
    brokers = _orgnet.brokerage(graph, attribute=attribute, threads=threads)
    load = _orgnet.overload(graph, relations=relations, threads=threads)
    departments = graph.department_names()
    frame = pd.DataFrame(
        {"department": [departments[d] if d >= 0 else "" for d in graph.departments().tolist()]},
        index=pd.Index(graph.ids(), name="id"),
    )
    frame["cut_off"] = cuts.cut_off
    frame["pieces"] = cuts.pieces
    frame["contacts"] = holes.contacts
    frame["constraint"] = holes.constraint
    frame["effective_size"] = holes.effective_size
    frame["efficiency"] = holes.efficiency
    frame["hierarchy"] = holes.hierarchy
    observed, z = brokers.observed, brokers.z
    for k, role in enumerate(_orgnet.BrokerageResult.roles):
        frame[role] = observed[:, k]
    for k, role in enumerate(_orgnet.BrokerageResult.roles):
        frame[f"{role}_z"] = z[:, k]
    frame["load"] = load.load
    frame["load_ratio"] = load.load_ratio
    frame["chain_share"] = load.chain_share
    frame["overload"] = load.score
    return frame
