"""Conversion between InfluenceGraph and networkx graphs."""

from __future__ import annotations

import math
from typing import Any

from ._common import PERSON_FIELDS, attribute_key, attribute_name, is_missing, level, text
from ._orgnet import GraphBuilder, InfluenceGraph, RelationMap, _defaults


def to_networkx(graph: InfluenceGraph, kind: str = "ties") -> Any:
    """Convert to a networkx graph.

    Parameters
    ----------
    graph : InfluenceGraph
    kind : {"ties", "influence"}
        "ties": a ``networkx.MultiDiGraph`` with one edge per observed tie in
        load order (key = tie index; attributes relation and weight), from
        which :func:`from_networkx` rebuilds exactly the same graph.
        "influence": a ``networkx.DiGraph`` of the influence edges with
        attributes strength, distance (-ln strength) and relations (list of
        relation names).

    Returns
    -------
    networkx.MultiDiGraph or networkx.DiGraph
        Nodes are person ids in vertex order, with attributes name, department
        and title (str, "" when unknown), level (int; only where the data gave
        it), manager (person id; only where there is one) and the free
        attributes (str; one named like a person field is stored as
        "attribute:<name>"). Graph attributes: "relation_map" ({relation:
        "direction,rule"}) and "relation_fallback" ("direction,rule" or None).
    """
    import networkx as nx

    if kind == "ties":
        result = nx.MultiDiGraph()
    elif kind == "influence":
        result = nx.DiGraph()
    else:
        raise ValueError(f"to_networkx: unknown kind '{kind}' (expected ties or influence)")
    relation_map = graph.relation_map()
    fallback = relation_map.fallback()
    result.graph["relation_map"] = relation_map.to_dict()
    result.graph["relation_fallback"] = None if fallback is None else str(fallback)

    ids = graph.ids()
    names = graph.names()
    titles = graph.titles()
    levels = graph.levels().tolist()
    given = graph.levels_given().tolist()
    managers = graph.managers().tolist()
    department_names = graph.department_names()
    departments = graph.departments().tolist()
    attributes = [(attribute_key(a), graph.attribute(a)) for a in graph.attribute_names()]
    for v, person in enumerate(ids):
        data: dict[str, Any] = {
            "name": names[v],
            "department": department_names[departments[v]] if departments[v] >= 0 else "",
            "title": titles[v],
        }
        if given[v]:
            data["level"] = levels[v]
        if managers[v] >= 0:
            data["manager"] = ids[managers[v]]
        for key, column in attributes:
            data[key] = column[v]
        result.add_node(person, **data)

    relation_names = graph.relation_names()
    if kind == "ties":
        ties = graph.ties()
        result.add_edges_from(
            (ids[s], ids[t], i, {"relation": relation_names[r], "weight": w})
            for i, (s, t, r, w) in enumerate(
                zip(
                    ties["source"].tolist(),
                    ties["target"].tolist(),
                    ties["relation"].tolist(),
                    ties["weight"].tolist(),
                )
            )
        )
    else:
        labels: dict[int, list[str]] = {}

        def names_of(mask: int) -> list[str]:
            if mask not in labels:
                labels[mask] = [n for r, n in enumerate(relation_names) if mask & (1 << min(r, 31))]
            return list(labels[mask])

        result.add_edges_from(
            (
                ids[u],
                ids[v],
                {"strength": s, "distance": 0.0 if s >= 1.0 else -math.log(s), "relations": names_of(mask)},
            )
            for u, v, s, mask in zip(
                graph.edge_sources().tolist(),
                graph.out_targets().tolist(),
                graph.strengths().tolist(),
                graph.edge_relations().tolist(),
            )
        )
    return result


def _node_id(node: Any) -> str:
    return node if isinstance(node, str) else text(node)


def _base_relation_map(nx_graph: Any) -> RelationMap | None:
    specs = nx_graph.graph.get("relation_map")
    if specs is None:
        return None
    if "relation_fallback" in nx_graph.graph:
        fallback = nx_graph.graph["relation_fallback"]
    else:
        fallback = RelationMap.defaults().fallback()
    return RelationMap(dict(specs), fallback=fallback)


def from_networkx(
    nx_graph: Any,
    *,
    relation_attr: str = "relation",
    weight_attr: str = "weight",
    default_relation: str = _defaults["default_relation"],
    relation_map: Any = None,
    strict_relations: bool = False,
    hierarchy_relation: str = _defaults["hierarchy_relation"],
) -> InfluenceGraph:
    """Build a graph from a networkx graph: nodes are people, edges are ties.

    Parameters
    ----------
    nx_graph : networkx.Graph, DiGraph, MultiGraph or MultiDiGraph
        Node keys become person ids (their text: node 5 is person "5"), in
        node order. Node attributes name, department, title, level (an integer
        >= 0) and manager (a node key) fill the person fields (None, NaN and ""
        mean "none"); "attribute:X" becomes free attribute X and every other
        node attribute a free attribute (value as str). Edges of a directed
        graph are ties in edge order, or in key order when all keys of a
        multigraph are distinct integers (as :func:`to_networkx` makes them).
        Each edge of an undirected graph becomes two ties, u -> v then v -> u
        (counted in the load report's undirected_ties_split); an undirected
        self-loop becomes one self-tie.
    relation_attr, weight_attr : str
        Edge attributes holding the relation (default ``default_relation``
        when absent, None or "") and the weight (default 1).
    default_relation : str
    relation_map : dict, RelationMap or None
        How ties become influence. The base map is the graph attribute
        "relation_map" ({relation: spec}; with "relation_fallback", None
        meaning strict; as :func:`to_networkx` writes them) when present, else
        orgnet's defaults; a dict overrides entries of that base, a
        RelationMap replaces it.
    strict_relations : bool
        Reject relations the map does not list.
    hierarchy_relation : str
        Ties of this relation also define managers; "" disables it.

    Returns
    -------
    InfluenceGraph
        ``from_networkx(to_networkx(g))`` has the same people in the same
        order, the same ties in the same order and the same relation map as g,
        hence the same influence edges and strengths.
    """
    base = _base_relation_map(nx_graph)
    if relation_map is None or isinstance(relation_map, RelationMap):
        relations = relation_map if relation_map is not None else base
    else:
        relations = base.copy() if base is not None else RelationMap.defaults()
        for name, spec in dict(relation_map).items():
            relations.set(name, spec)
    builder = GraphBuilder(
        relations=relations,
        strict_relations=strict_relations,
        create_missing=False,
        hierarchy_relation=hierarchy_relation,
    )

    for node, data in nx_graph.nodes(data=True):
        person = _node_id(node)
        where = f"node {person!r}"
        attributes = {attribute_name(k): text(v) for k, v in data.items() if k not in PERSON_FIELDS}
        manager = data.get("manager")
        person_level = level(data.get("level"), where)
        try:
            builder.add_person(
                person,
                name=text(data.get("name")),
                department=text(data.get("department")),
                title=text(data.get("title")),
                level=person_level,
                manager="" if is_missing(manager) else _node_id(manager),
                attributes=attributes,
            )
        except ValueError as error:
            raise ValueError(f"{where}: {error}") from None

    if nx_graph.is_multigraph():
        edges = list(nx_graph.edges(keys=True, data=True))
        keys = [k for _, _, k, _ in edges]
        if all(isinstance(k, int) and not isinstance(k, bool) for k in keys) and len(set(keys)) == len(keys):
            edges.sort(key=lambda edge: edge[2])
        edges = [(u, v, d) for u, v, _, d in edges]
    else:
        edges = list(nx_graph.edges(data=True))
    undirected = not nx_graph.is_directed()

    sources: list[str] = []
    targets: list[str] = []
    relations_of_ties: list[str] = []
    weights: list[float] = []
    for u, v, data in edges:
        relation = data.get(relation_attr)
        relation = default_relation if relation is None or relation == "" else text(relation)
        weight = data.get(weight_attr)
        weight = 1.0 if weight is None else float(weight)  # NaN stays, and is rejected
        a, b = _node_id(u), _node_id(v)
        sources.append(a)
        targets.append(b)
        relations_of_ties.append(relation)
        weights.append(weight)
        if undirected and a != b:
            sources.append(b)
            targets.append(a)
            relations_of_ties.append(relation)
            weights.append(weight)
            builder.note_undirected_tie_split()
    builder.add_ties(sources, targets, relations_of_ties, weights)
    return builder.build()
