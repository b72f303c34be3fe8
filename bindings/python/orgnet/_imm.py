"""pandas view of IMM seeds (orgnet.imm_seeds)."""

from __future__ import annotations

import pandas as pd


def seeds_frame(graph, result) -> pd.DataFrame:
    """The seeds of an ImmResult (or CelfResult) as a table: one row per seed in
    the order chosen (order, id, department, level, marginal gain, cumulative
    expected reach including the convinced people)."""
    rows = []
    reach = float(result.base_spread)
    for order, (v, gain) in enumerate(zip(result.seeds, result.marginal_gain), start=1):
        v = int(v)
        reach += float(gain)
        department = graph.department(v)
        rows.append(
            {
                "order": order,
                "id": graph.id(v),
                "department": graph.department_name(department) if department is not None and department >= 0 else None,
                "level": graph.level(v),
                "marginal_gain": float(gain),
                "cumulative_reach": reach,
            }
        )
    columns = ["order", "id", "department", "level", "marginal_gain", "cumulative_reach"]
    return pd.DataFrame(rows, columns=columns)
