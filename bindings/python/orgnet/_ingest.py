"""Communication events -> tie weights with exponential time decay (io/events.hpp)."""

from __future__ import annotations

import datetime as _dt
import math
import os

import pandas as pd

from . import _orgnet

_DEFAULT_CHUNK = 1 << 20


def _half_life_seconds(half_life) -> float:
    if half_life is None:
        return math.inf
    if isinstance(half_life, str):
        return _orgnet._parse_duration(half_life)
    if isinstance(half_life, (_dt.timedelta, pd.Timedelta)):
        seconds = half_life.total_seconds()
    elif isinstance(half_life, (int, float)) and not isinstance(half_life, bool):
        seconds = float(half_life)
    else:
        raise TypeError(f"half_life: expected None, a number of seconds, a str such as '30d' or a timedelta, "
                        f"got {type(half_life).__name__}")
    if not seconds > 0:
        raise ValueError(f"half_life must be > 0 seconds (or None for plain counts), got {seconds!r}")
    return seconds


def _as_of_text(as_of) -> str | None:
    if as_of is None:
        return None
    if isinstance(as_of, str):
        return as_of
    if isinstance(as_of, (_dt.datetime, pd.Timestamp)):
        # A naive time means UTC, as in the file format.
        return as_of.isoformat()
    if isinstance(as_of, _dt.date):
        return as_of.isoformat()
    if isinstance(as_of, int) and not isinstance(as_of, bool):
        return str(as_of)
    if isinstance(as_of, float):
        if not math.isfinite(as_of):
            raise ValueError(f"as_of must be a finite time, got {as_of!r}")
        return f"{as_of:.9f}"
    raise TypeError(f"as_of: expected None, a str, epoch seconds or a datetime, got {type(as_of).__name__}")


def _people_ids(people) -> list[str] | None:
    if people is None:
        return None
    if isinstance(people, _orgnet.InfluenceGraph):
        return list(people.ids())
    if isinstance(people, str):
        raise TypeError("people: expected an iterable of person ids or an InfluenceGraph, got str")
    return [str(p) for p in people]


def ingest_events(
    events,
    *,
    half_life=None,
    as_of=None,
    people=None,
    from_col: str = "from",
    to_col: str = "to",
    timestamp_col: str = "timestamp",
    channel_col: str | None = "channel",
    default_channel: str = "communication",
    delimiter: str = ",",
    min_weight: float | None = None,
    chunk_size: int = _DEFAULT_CHUNK,
) -> tuple[pd.DataFrame, dict]:
    """Aggregate communication events into ties with time-decayed weights.

    weight(from, to, channel) = sum over its events of 2^(-(as_of - t) / half_life).

    Parameters
    ----------
    events : str, os.PathLike or pandas.DataFrame
        An events CSV (streamed: memory grows with the distinct ties, not the
        events; a FIFO works), or a DataFrame with the same columns (datetime
        columns are accepted).
    half_life : None, float, str or timedelta
        Seconds, '30d' / '12h' / '90m' / '45s' / '2w', or a timedelta. None
        (default): no decay, the weight counts the events.
    as_of : None, str, int, float or datetime
        Reference time t_ref (ISO 8601 or epoch seconds; naive datetimes are
        UTC); later events are skipped and counted. Default: the latest event.
    people : None, iterable of str or InfluenceGraph
        Use only events between these people; the others are counted.
    from_col, to_col, timestamp_col, channel_col : str
        Column names; channel_col None or "" ignores the channel column.
    default_channel : str
        Relation of events with no channel.
    min_weight : float or None
        Drop ties lighter than this (default: only weights that would underflow).

    Returns
    -------
    (ties, report)
        ties: DataFrame source, target, relation, weight, events, last_event
        (ISO 8601 UTC), one row per (from, to, channel) in order of first
        appearance; report: dict of counts (events, events_used, empty_ids,
        self_events, unknown_people, after_as_of, ties, ties_dropped,
        events_in_dropped_ties, people), first_event, last_event, as_of (ISO
        strings or None), half_life_seconds, bytes_read and first_skipped.
        Raises ValueError naming file:line:column on bad input.
    """
    is_text = isinstance(events, pd.DataFrame)
    if is_text:
        source = events.to_csv(index=False)
        name = "<DataFrame>"
    elif isinstance(events, (str, os.PathLike)):
        source = os.fspath(events)
        name = source
    else:
        raise TypeError(f"events: expected a path or a pandas DataFrame, got {type(events).__name__}")
    columns, report = _orgnet._ingest_events(
        source, is_text, _half_life_seconds(half_life), _as_of_text(as_of), _people_ids(people),
        from_col=from_col, to_col=to_col, timestamp_col=timestamp_col, channel_col=channel_col or "",
        default_channel=default_channel, delimiter=delimiter, min_weight=min_weight, chunk_size=chunk_size,
        source_name=name)
    ties = pd.DataFrame(columns, columns=["source", "target", "relation", "weight", "events", "last_event"])
    return ties, report
