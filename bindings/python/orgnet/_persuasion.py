"""pandas views of persuasion results (chains and win-over plans)."""

from __future__ import annotations

import numpy as np
import pandas as pd


def chain_frame(graph, chain) -> pd.DataFrame:
    """One row per step of ``chain``: from, to (person ids), strength, and the
    probability that the chain has carried conviction that far."""
    people = np.asarray(chain.people)
    strengths = np.asarray(chain.strengths, dtype=np.float64)
    return pd.DataFrame(
        {
            "step": np.arange(1, len(strengths) + 1, dtype=np.int64),
            "from": [graph.id(int(v)) for v in people[:-1]],
            "to": [graph.id(int(v)) for v in people[1:]],
            "strength": strengths,
            "cumulative": np.cumprod(strengths),
        }
    )
