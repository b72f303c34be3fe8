"""orgnet.ingest_events against pandas: the same decayed aggregation computed
with groupby + numpy.exp2 on a generated event log must agree to 1e-12."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

import orgnet
from oracles import MALFORMED

EVENT_CASES = sorted(p for p in (MALFORMED / "events").iterdir() if p.is_dir())
KEY = ["source", "target", "relation"]


def event_log(seed: int, n: int, people: int = 25) -> pd.DataFrame:
    """Random events over 90 days with epoch-second times, some self-events and
    empty channels, in no particular order."""
    rng = np.random.default_rng(seed)
    names = np.array([f"p{i}" for i in range(people)])
    return pd.DataFrame({
        "from": names[rng.integers(0, people, n)],
        "to": names[rng.integers(0, people, n)],
        "timestamp": 1_700_000_000 + rng.integers(0, 90 * 86400, n),
        "channel": rng.choice(np.array(["email", "chat", ""]), n),
    })


def oracle(log: pd.DataFrame, half_life: float, as_of: int | None = None, people=None) -> pd.DataFrame:
    """The documented aggregation, in pandas."""
    used = log[log["from"] != log["to"]]
    if people is not None:
        used = used[used["from"].isin(people) & used["to"].isin(people)]
    if as_of is not None:
        used = used[used["timestamp"] <= as_of]
    t_ref = as_of if as_of is not None else used["timestamp"].max()
    used = used.assign(
        relation=used["channel"].replace("", "communication"),
        w=np.exp2(-(t_ref - used["timestamp"]).astype(float) / half_life),
    )
    grouped = used.groupby(["from", "to", "relation"], as_index=False).agg(weight=("w", "sum"), events=("w", "size"))
    # Weights below the smallest normal double are dropped (counted in the report).
    grouped = grouped[grouped["weight"] >= np.finfo(float).tiny]
    return grouped.rename(columns={"from": "source", "to": "target"}).sort_values(KEY).reset_index(drop=True)


def write_log(log: pd.DataFrame, path) -> str:
    log.to_csv(path, index=False)
    return str(path)


def assert_same_ties(ties: pd.DataFrame, expected: pd.DataFrame):
    got = ties.sort_values(KEY).reset_index(drop=True)
    assert list(got[KEY].itertuples(index=False)) == list(expected[KEY].itertuples(index=False))
    np.testing.assert_allclose(got["weight"].to_numpy(), expected["weight"].to_numpy(), rtol=1e-12, atol=0)
    assert got["events"].tolist() == expected["events"].tolist()


@pytest.mark.parametrize("half_life", [3600.0, 7 * 86400.0, 30 * 86400.0])
def test_decayed_weights_match_pandas(tmp_path, half_life):
    log = event_log(1, 20_000)
    ties, report = orgnet.ingest_events(write_log(log, tmp_path / "events.csv"), half_life=half_life)
    expected = oracle(log, half_life)
    assert_same_ties(ties, expected)
    all_pairs = log[log["from"] != log["to"]].assign(c=log["channel"].replace("", "communication"))
    assert report["ties_dropped"] == all_pairs.groupby(["from", "to", "c"]).ngroups - len(expected)
    if half_life == 3600.0:
        assert report["ties_dropped"] > 0  # 90 days are over 2000 half-lives
    self_events = int((log["from"] == log["to"]).sum())
    assert report["self_events"] == self_events
    assert report["events"] == len(log)
    assert report["events_used"] == len(log) - self_events
    latest_used = int(log.loc[log["from"] != log["to"], "timestamp"].max())  # self-events are not used
    assert report["as_of"] == pd.Timestamp(latest_used, unit="s").strftime("%Y-%m-%dT%H:%M:%SZ")
    assert report["half_life_seconds"] == half_life
    assert (ties["weight"] > 0).all()


def test_as_of_people_and_channels_match_pandas(tmp_path):
    log = event_log(2, 10_000)
    as_of = 1_700_000_000 + 45 * 86400
    people = [f"p{i}" for i in range(0, 25, 2)]
    ties, report = orgnet.ingest_events(write_log(log, tmp_path / "events.csv"), half_life="2d", as_of=as_of,
                                        people=people)
    assert_same_ties(ties, oracle(log, 2 * 86400.0, as_of=as_of, people=people))
    counted = (report["events_used"] + report["empty_ids"] + report["self_events"] + report["unknown_people"]
               + report["after_as_of"])
    assert counted == report["events"] == len(log)
    assert report["after_as_of"] > 0 and report["unknown_people"] > 0
    assert report["events_used"] == int(ties["events"].sum())


def test_plain_counts_and_dataframe_input():
    log = event_log(3, 2_000)
    log["timestamp"] = pd.to_datetime(log["timestamp"], unit="s", utc=True)  # written as '2023-11-14 22:13:20+00:00'
    ties, report = orgnet.ingest_events(log)
    expected = (log[log["from"] != log["to"]].assign(relation=lambda d: d["channel"].replace("", "communication"))
                .groupby(["from", "to", "relation"]).size())
    got = ties.set_index(["source", "target", "relation"])["events"]
    assert got.sort_index().tolist() == expected.sort_index().tolist()
    assert (ties["weight"] == ties["events"]).all()
    assert np.isinf(report["half_life_seconds"])


def test_time_and_duration_arguments():
    log = pd.DataFrame({"from": ["a", "a", "a"], "to": ["b", "b", "b"],
                        "timestamp": ["2024-03-03T00:00:00Z", "2024-03-02", "2024-03-01T01:00:00+01:00"]})
    # Half-life one day, as of 2024-03-03: 1 + 1/2 + 1/4.
    for half_life in ("1d", 86400, dt.timedelta(days=1), pd.Timedelta(hours=24), "24h"):
        for as_of in (None, "2024-03-03", dt.datetime(2024, 3, 3), dt.datetime(2024, 3, 3, tzinfo=dt.timezone.utc),
                      pd.Timestamp("2024-03-03", tz="UTC"), 1709424000, 1709424000.0, dt.date(2024, 3, 3)):
            ties, report = orgnet.ingest_events(log, half_life=half_life, as_of=as_of)
            assert ties["weight"].tolist() == [1.75], (half_life, as_of)
            assert report["as_of"] == "2024-03-03T00:00:00Z"
    ties, _ = orgnet.ingest_events(log, half_life="1d", as_of="2024-03-02T00:00:00Z")
    assert ties["weight"].tolist() == [1.5]


def test_graph_as_people_and_mapped_columns(small):
    log = pd.DataFrame({"sender": ["ana", "bo", "zed"], "recipient": ["bo", "cy", "ana"], "at": [1, 2, 3],
                        "medium": ["chat", "", "chat"]})
    ties, report = orgnet.ingest_events(log, people=small, from_col="sender", to_col="recipient",
                                        timestamp_col="at", channel_col="medium", default_channel="email")
    assert list(ties[KEY].itertuples(index=False)) == [("ana", "bo", "chat"), ("bo", "cy", "email")]
    assert report["unknown_people"] == 1
    assert report["first_skipped"] == ["<DataFrame>:4: 'zed' is not in the people list"]
    ties, _ = orgnet.ingest_events(log, from_col="sender", to_col="recipient", timestamp_col="at", channel_col=None)
    assert set(ties["relation"]) == {"communication"}


def test_underflowing_ties_are_dropped_and_counted():
    log = pd.DataFrame({"from": ["a", "c"], "to": ["b", "d"], "timestamp": [0, 2000]})
    ties, report = orgnet.ingest_events(log, half_life=1)
    assert ties["source"].tolist() == ["c"]
    assert report["ties_dropped"] == 1 and report["events_in_dropped_ties"] == 1


@pytest.mark.parametrize("case", EVENT_CASES, ids=lambda p: p.name)
def test_malformed_events_corpus(case):
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()[0].replace("{dir}", str(case))
    with pytest.raises(ValueError) as error:
        orgnet.ingest_events(str(case / "events.csv"))
    assert str(error.value) == expected


def test_bad_arguments():
    log = pd.DataFrame({"from": ["a"], "to": ["b"], "timestamp": [0]})
    with pytest.raises(ValueError, match="expected a duration > 0"):
        orgnet.ingest_events(log, half_life="0d")
    with pytest.raises(ValueError, match="half_life must be > 0"):
        orgnet.ingest_events(log, half_life=-5)
    with pytest.raises(TypeError, match="half_life"):
        orgnet.ingest_events(log, half_life=[1])
    with pytest.raises(ValueError, match="month 13 is out of range"):
        orgnet.ingest_events(log, as_of="2024-13-01")
    with pytest.raises(TypeError, match="as_of"):
        orgnet.ingest_events(log, as_of=[1])
    with pytest.raises(TypeError, match="events"):
        orgnet.ingest_events(42)
    with pytest.raises(TypeError, match="people"):
        orgnet.ingest_events(log, people="ana")
    with pytest.raises(ValueError, match="delimiter must be one character"):
        orgnet.ingest_events(log, delimiter=";;")
    with pytest.raises(ValueError, match="no column 'sender'"):
        orgnet.ingest_events(log, from_col="sender")
    with pytest.raises(ValueError, match="min_weight must be finite and > 0"):
        orgnet.ingest_events(log, min_weight=0.0)
