"""ONA roles against numbers computed here with networkx and pandas: degree
and betweenness from networkx, contacts across departments from the edge
list, percentiles by average ranks, then the documented thresholds."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import orgnet


def percentiles(values) -> np.ndarray:
    s = pd.Series(values, dtype=float)
    return ((s.rank(method="average") - 1) / (len(s) - 1)).to_numpy()


@pytest.mark.parametrize("name", ["krackhardt", "lazega", "uk_faculty"])
def test_roles_follow_the_documented_thresholds(name):
    g = orgnet.load_dataset(name)
    r = orgnet.ona_roles(g, distance="hops")
    ids = g.ids()
    edges = g.edges_frame()
    d = nx.DiGraph()
    d.add_nodes_from(ids)
    d.add_edges_from(zip(edges.source, edges.target))
    degree = np.array([nx.degree_centrality(d)[p] for p in ids])
    between = np.array([nx.betweenness_centrality(d)[p] for p in ids])
    assert r.degree == pytest.approx(degree, abs=1e-12)
    assert r.betweenness == pytest.approx(between, abs=1e-12)
    dept = dict(zip(ids, g.people_frame().department))
    contacts = {p: set(d.successors(p)) | set(d.predecessors(p)) for p in ids}
    external = np.array([sum(1 for q in contacts[p] if dept[p] and dept[q] and dept[q] != dept[p]) for p in ids])
    reached = np.array([len({dept[q] for q in contacts[p] if dept[p] and dept[q] and dept[q] != dept[p]})
                        for p in ids])
    assert r.contacts.tolist() == [len(contacts[p]) for p in ids]
    assert r.external.tolist() == external.tolist()
    assert r.groups_reached.tolist() == reached.tolist()
    dp, bp, ep = percentiles(degree), percentiles(between), percentiles(external)
    assert r.degree_percentile == pytest.approx(dp, abs=1e-12)
    eps = 1e-12
    assert r.central_connector.tolist() == ((dp + eps >= 0.9) & (degree > 0)).tolist()
    assert r.boundary_spanner.tolist() == ((ep + eps >= 0.8) & (external > 0) & (reached >= 2)).tolist()
    assert r.information_broker.tolist() == ((bp + eps >= 0.9) & (between > 0) & (reached >= 1)).tolist()
    assert r.peripheral_specialist.tolist() == (dp <= 0.1 + eps).tolist()
    frame = orgnet.roles_frame(g, r)
    assert frame.index.tolist() == ids
    assert (frame.roles.str.contains("central_connector") == frame.central_connector).all()


def test_thresholds_and_groupings_are_adjustable():
    g = orgnet.load_dataset("lazega")
    default = orgnet.ona_roles(g)
    loose = orgnet.ona_roles(g, connector_percentile=0.5, peripheral_percentile=0.3)
    assert loose.central_connector.sum() > default.central_connector.sum()
    assert loose.peripheral_specialist.sum() > default.peripheral_specialist.sum()
    by_practice = orgnet.ona_roles(g, "practice_label")
    assert by_practice.groups_reached.max() <= 1  # two practices: one other group at most
    assert not by_practice.boundary_spanner.any()  # spanners need 2 other groups
    with pytest.raises(ValueError, match="connector_percentile"):
        orgnet.ona_roles(g, connector_percentile=float("nan"))
    assert "central connectors" in repr(default)
