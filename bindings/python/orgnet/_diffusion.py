"""pandas views of the diffusion results (attached to the result classes as methods)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from ._orgnet import InfluenceGraph, SimulationResult


def _departments(graph: InfluenceGraph) -> list:
    names = graph.department_names()
    return [names[d] if d >= 0 else None for d in graph.departments().tolist()]


def spread_people_frame(self: SimulationResult, graph: InfluenceGraph) -> pd.DataFrame:
    """Per-person probability of being reached, as a DataFrame indexed by person id.

    Parameters
    ----------
    graph : InfluenceGraph
        The graph the simulation ran on.

    Returns
    -------
    pandas.DataFrame
        Index "id" (vertex order); columns department (None if none), seed
        (bool) and probability, sorted by probability, highest first (ties in
        vertex order).
    """
    import pandas as pd

    seed = np.zeros(graph.num_vertices, dtype=bool)
    seed[np.asarray(self.seeds, dtype=np.int64)] = True
    frame = pd.DataFrame(
        {"department": _departments(graph), "seed": seed, "probability": np.asarray(self.probability)},
        index=pd.Index(graph.ids(), name="id", dtype=object),
    )
    return frame.sort_values("probability", ascending=False, kind="stable")


def spread_departments_frame(self: SimulationResult, graph: InfluenceGraph) -> pd.DataFrame:
    """Adoption by department, as a DataFrame indexed by department name.

    Parameters
    ----------
    graph : InfluenceGraph
        The graph the simulation ran on.

    Returns
    -------
    pandas.DataFrame
        Columns members (int), expected_reached (expected number of members
        reached) and adoption (expected share reached), in department order;
        the departments that resist the idea have the lowest adoption.
    """
    import pandas as pd

    names = graph.department_names()
    members = np.bincount(np.asarray(graph.departments())[np.asarray(graph.departments()) >= 0],
                          minlength=len(names)) if len(names) else np.zeros(0, dtype=np.int64)
    adoption = np.asarray(self.department_adoption)
    return pd.DataFrame(
        {"members": members.astype(np.int64), "expected_reached": adoption * members, "adoption": adoption},
        index=pd.Index(names, name="department", dtype=object),
    )


def opinion_frame(self, graph: InfluenceGraph) -> pd.DataFrame:
    """Equilibrium stance and leverage of every person, as a DataFrame indexed by person id.

    Parameters
    ----------
    graph : InfluenceGraph
        The graph the dynamics ran on.

    Returns
    -------
    pandas.DataFrame
        Index "id"; columns department (None if none), equilibrium and
        leverage, sorted by leverage, highest first (whose initial stance
        moves the target most).
    """
    import pandas as pd

    frame = pd.DataFrame(
        {"department": _departments(graph), "equilibrium": np.asarray(self.equilibrium),
         "leverage": np.asarray(self.leverage)},
        index=pd.Index(graph.ids(), name="id", dtype=object),
    )
    return frame.sort_values("leverage", ascending=False, kind="stable")
