"""pandas views of an InfluenceGraph (attached to the class as methods)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ._common import attribute_key

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ._orgnet import InfluenceGraph


def people_frame(self: InfluenceGraph) -> pd.DataFrame:
    """People as a DataFrame indexed by person id.

    Returns
    -------
    pandas.DataFrame
        Index "id" (vertex order); columns name, department (None if none),
        title, level (int, given or derived), level_given (bool), manager
        (person id or None), then the free attributes in source order. A free
        attribute named like a person field is prefixed "attribute:".
        ``from_arrays(..., people=g.people_frame())`` reads it back.
    """
    import pandas as pd

    ids = self.ids()
    departments = self.department_names()
    data = {
        "name": self.names(),
        "department": [departments[d] if d >= 0 else None for d in self.departments().tolist()],
        "title": self.titles(),
        "level": np.asarray(self.levels(), dtype=np.int64),
        "level_given": np.asarray(self.levels_given(), dtype=bool),
        "manager": [ids[m] if m >= 0 else None for m in self.managers().tolist()],
    }
    for name in self.attribute_names():
        data[attribute_key(name)] = self.attribute(name)
    return pd.DataFrame(data, index=pd.Index(ids, name="id", dtype=object))


def ties_frame(self: InfluenceGraph) -> pd.DataFrame:
    """Observed ties in load order as a DataFrame.

    Returns
    -------
    pandas.DataFrame
        Columns source and target (person ids), relation (name) and weight
        (float64), one row per tie, self-ties and duplicates included.
    """
    import pandas as pd

    ties = self.ties()
    ids = np.array(self.ids(), dtype=object)
    relations = np.array(self.relation_names(), dtype=object)
    return pd.DataFrame(
        {
            "source": ids[ties["source"]] if len(ids) else np.array([], dtype=object),
            "target": ids[ties["target"]] if len(ids) else np.array([], dtype=object),
            "relation": relations[ties["relation"]] if len(relations) else np.array([], dtype=object),
            "weight": np.array(ties["weight"], dtype=np.float64),
        }
    )


def edges_frame(self: InfluenceGraph) -> pd.DataFrame:
    """Influence edges by edge id as a DataFrame.

    Returns
    -------
    pandas.DataFrame
        Columns source and target (person ids; source influences target),
        strength in (0, 1] and relations (the contributing relations'
        names joined by ";").
    """
    import pandas as pd

    ids = np.array(self.ids(), dtype=object)
    names = self.relation_names()
    joined = {}
    labels = []
    for mask in self.edge_relations().tolist():
        label = joined.get(mask)
        if label is None:
            label = ";".join(n for r, n in enumerate(names) if mask & (1 << min(r, 31)))
            joined[mask] = label
        labels.append(label)
    sources = self.edge_sources()
    targets = self.out_targets()
    empty = np.array([], dtype=object)
    return pd.DataFrame(
        {
            "source": ids[sources] if len(sources) else empty,
            "target": ids[targets] if len(targets) else empty,
            "strength": np.array(self.strengths(), dtype=np.float64),
            "relations": np.array(labels, dtype=object),
        }
    )
