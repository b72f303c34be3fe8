"""Shared fixtures of the orgnet Python tests."""

from __future__ import annotations

import pytest

import orgnet
from oracles import DATASETS


@pytest.fixture(scope="session")
def datasets() -> dict[str, orgnet.InfluenceGraph]:
    """Every bundled dataset, loaded once per session."""
    return {name: orgnet.load_dataset(name) for name in DATASETS}


@pytest.fixture(scope="session")
def krackhardt(datasets) -> orgnet.InfluenceGraph:
    return datasets["krackhardt"]


@pytest.fixture()
def small() -> orgnet.InfluenceGraph:
    """A hand-made graph (drawn below) with every kind of data orgnet keeps.

        ana (CEO, level given 0)
         +-- bo (manager field)        bo  -advice->  ana   ana influences bo
         +-- cy (reports_to tie)       cy  -reports_to-> ana
        dee (created from ties)        bo  -email->  cy, twice (noisy-or merge)
                                       cy  -advice-> cy (self-tie)
                                       dee -gossip-> bo (relation not in the map)
    """
    b = orgnet.GraphBuilder(create_missing=True)
    b.add_person("ana", name="Ana", department="Exec", title="CEO", level=0,
                 attributes={"level": "L1", "site": "Zürich"})
    b.add_person("bo", name="Bo", department="Sales", manager="ana", attributes={"site": "Paris"})
    b.add_person("cy", department="Sales", attributes={"attribute:x": "odd", "site": ""})
    b.add_tie("bo", "ana", "advice", 1.0)
    b.add_tie("cy", "ana", "reports_to", 1.0)
    b.add_tie("bo", "cy", "email", 2.0)
    b.add_tie("bo", "cy", "email", 0.1)
    b.add_tie("cy", "cy", "advice", 1.0)
    b.add_tie("dee", "bo", "gossip", 3.0)
    return b.build()
