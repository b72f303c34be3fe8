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


def approach_frame(graph, plan) -> pd.DataFrame:
    """The approach order of a win-over plan as a table: one row per person
    (order, id, department, level, gain, probability so far, alone, cost, best
    chain and its probability)."""
    rows = []
    for order, step in enumerate(plan.steps, start=1):
        v = int(step.person)
        department = graph.department(v)
        chain = step.chains[0] if step.chains else None
        rows.append(
            {
                "order": order,
                "id": graph.id(v),
                "department": graph.department_name(department) if department >= 0 else None,
                "level": graph.level(v),
                "gain": step.gain,
                "probability": step.probability,
                "alone": step.alone,
                "cost": step.cost,
                "chain": [graph.id(int(u)) for u in chain.people] if chain is not None else [],
                "chain_probability": chain.probability if chain is not None else np.nan,
            }
        )
    columns = ["order", "id", "department", "level", "gain", "probability", "alone", "cost", "chain",
               "chain_probability"]
    return pd.DataFrame(rows, columns=columns)
