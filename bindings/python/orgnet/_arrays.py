"""Building a graph from NumPy arrays, sequences and pandas frames."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from ._common import PERSON_FIELDS, attribute_name, is_missing, level, text
from ._orgnet import GraphBuilder, InfluenceGraph, _defaults


def _people_columns(people: Any) -> dict[str, list[Any]]:
    """Columns of a DataFrame or a dict of sequences, with an "id" column."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover
        pd = None
    if pd is not None and isinstance(people, pd.DataFrame):
        columns = {str(c): people[c].tolist() for c in people.columns}
        if "id" not in columns:
            if people.index.name != "id":
                raise ValueError("from_arrays: people needs an 'id' column (or an index named 'id')")
            columns = {"id": people.index.tolist(), **columns}
        return columns
    if isinstance(people, Mapping):
        columns = {str(k): list(v) for k, v in people.items()}
        if "id" not in columns:
            raise ValueError("from_arrays: people needs an 'id' column")
        return columns
    raise TypeError(f"from_arrays: people must be a pandas DataFrame or a dict of columns, got {type(people).__name__}")


def add_people(builder: GraphBuilder, people: Any) -> None:
    """Adds the rows of ``people`` (see from_arrays) to ``builder``."""
    columns = _people_columns(people)
    ids = columns.pop("id")
    size = len(ids)
    for name, values in columns.items():
        if len(values) != size:
            raise ValueError(f"from_arrays: people column '{name}' has {len(values)} rows but 'id' has {size}")
    fields = {f: columns.pop(f) for f in PERSON_FIELDS if f in columns}
    given = columns.pop("level_given", None)
    attributes = [(attribute_name(k), v) for k, v in columns.items()]
    for i in range(size):
        where = f"people row {i}"
        person_id = ids[i]
        if is_missing(person_id) or text(person_id) == "":
            raise ValueError(f"{where}: person id is empty")
        person_level = level(fields["level"][i], where) if "level" in fields else None
        if given is not None and not bool(given[i]):
            person_level = None
        try:
            builder.add_person(
                text(person_id),
                name=text(fields["name"][i]) if "name" in fields else "",
                department=text(fields["department"][i]) if "department" in fields else "",
                title=text(fields["title"][i]) if "title" in fields else "",
                level=person_level,
                manager=text(fields["manager"][i]) if "manager" in fields else "",
                attributes={name: text(values[i]) for name, values in attributes},
            )
        except ValueError as error:
            raise ValueError(f"{where}: {error}") from None


def from_arrays(
    sources: Any,
    targets: Any,
    weights: Any = None,
    relations: Any = None,
    people: Any = None,
    *,
    default_relation: str = _defaults["default_relation"],
    relation_map: Any = None,
    strict_relations: bool = False,
    create_missing: bool = _defaults["create_missing"],
    hierarchy_relation: str = _defaults["hierarchy_relation"],
) -> InfluenceGraph:
    """Build a graph from arrays of ties and, optionally, a table of people.

    Parameters
    ----------
    sources, targets : array-like
        Person ids of each tie, in the direction the data states it. Integers
        (or any other values) become their text: ``5`` is person "5".
    weights : array-like of float, optional
        Tie weights (finite, > 0); 1 for every tie when omitted.
    relations : str or array-like of str, optional
        One relation for all ties or one per tie; ``default_relation`` when
        omitted.
    people : pandas.DataFrame or dict of columns, optional
        One row per person with an "id" column (or a DataFrame index named
        "id", as :meth:`InfluenceGraph.people_frame` returns). Columns name,
        department, title, level and manager fill the person fields (None,
        NaN and "" mean "none"; a "level_given" column, if present, marks
        which levels count as given); "attribute:X" becomes free attribute X;
        every other column becomes a free attribute (values as str). Without
        people, everyone named by a tie is created, in order of appearance.
    default_relation : str
        Relation of the ties when ``relations`` is None.
    relation_map : dict, RelationMap or None
        How ties become influence, as ``relations`` of the loaders: None for
        the defaults, a dict {relation: spec} overriding entries of the
        defaults, or a whole RelationMap.
    strict_relations : bool
        Reject relations the map does not list.
    create_missing : bool
        With ``people``, create people named by ties but absent from the table
        (otherwise an error).
    hierarchy_relation : str
        Ties of this relation also define managers; "" disables it.

    Returns
    -------
    InfluenceGraph

    Raises
    ------
    ValueError
        Mismatched lengths or invalid data; the message names the tie ("tie 3:")
        or the people row.
    """
    builder = GraphBuilder(
        relations=relation_map,
        strict_relations=strict_relations,
        create_missing=create_missing or people is None,
        hierarchy_relation=hierarchy_relation,
    )
    if people is not None:
        add_people(builder, people)
    if relations is None:
        relations = default_relation
    if weights is not None:
        weights = np.asarray(weights, dtype=np.float64)
    builder.add_ties(sources, targets, relations, weights)
    return builder.build()
