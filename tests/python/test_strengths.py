"""Influence strengths against a pandas re-implementation of the documented
rules: direction per relation, weighted cascade s(u,v) = w(u,v) / sum_x w(x,v),
as-is weights, and noisy-or merging s = 1 - prod(1 - s_i)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import orgnet
from oracles import DATASETS, edge_strengths, read_raw


def orgnet_strengths(graph: orgnet.InfluenceGraph) -> pd.Series:
    edges = graph.edges_frame()
    return pd.Series(edges.strength.to_numpy(), index=pd.MultiIndex.from_arrays([edges.source, edges.target]))


@pytest.mark.parametrize("name", ["krackhardt", "uk_faculty", "lazega", "email_eu_core", "enron"])
def test_strengths_match_pandas(datasets, name):
    _, edges = read_raw(name)
    expected = edge_strengths(edges)
    actual = orgnet_strengths(datasets[name])
    assert len(actual) == len(expected)
    assert set(actual.index) == set(expected.index)
    actual = actual.loc[expected.index]
    np.testing.assert_allclose(actual.to_numpy(), expected.to_numpy(), rtol=1e-12, atol=0)


def test_uk_faculty_weighted_cascade_sums_to_one(datasets):
    """With one relation and the weighted cascade, the in-strengths of anyone
    influenced sum to 1."""
    g = datasets["uk_faculty"]
    sums = np.bincount(g.out_targets(), weights=g.strengths(), minlength=g.num_vertices)
    influenced = np.diff(g.in_offsets()) > 0
    np.testing.assert_allclose(sums[influenced], 1.0, rtol=1e-12)


def test_noisy_or_by_hand(small):
    """bo -email-> cy twice (weights 2 and 0.1): the weighted cascade gives
    2/2.1 and 0.1/2.1, merged 1 - (1 - 2/2.1)(1 - 0.1/2.1)."""
    e = small.find_edge(small.index_of("bo"), small.index_of("cy"))
    assert e is not None
    expected = 1 - (1 - 2 / 2.1) * (1 - 0.1 / 2.1)
    assert small.strength(e) == pytest.approx(expected, rel=1e-15)
    assert small.edge_relation_names(e) == ["email"]
    # ana -> bo (advice reversed, only advice tie into bo) has strength 1, distance 0.
    e = small.find_edge(small.index_of("ana"), small.index_of("bo"))
    assert small.strength(e) == 1.0
    assert orgnet.edge_distances(small)[e] == 0.0
    # The self-tie is kept as a tie, not as an edge.
    assert small.load_report()["self_ties"] == 1
    assert small.find_edge(small.index_of("cy"), small.index_of("cy")) is None


def test_relation_overrides_change_strengths():
    """friendship as source_to_target with scale_by_max: s = w / max w."""
    sources, targets, weights = ["a", "a", "b"], ["b", "c", "c"], [2.0, 4.0, 1.0]
    g = orgnet.from_arrays(sources, targets, weights, "friendship",
                           relation_map={"friendship": "source_to_target,scale_by_max"})
    frame = g.edges_frame().set_index(["source", "target"]).strength
    assert frame.to_dict() == {("a", "b"): 0.5, ("a", "c"): 1.0, ("b", "c"): 0.25}
    assert g.relation_spec("friendship") == orgnet.RelationSpec("source_to_target", "scale_by_max")


def test_distances(krackhardt):
    s = krackhardt.strengths()
    np.testing.assert_array_equal(orgnet.edge_distances(krackhardt, "hops"), np.ones_like(s))
    np.testing.assert_allclose(orgnet.edge_distances(krackhardt, orgnet.DistanceTransform.inverse), 1 / s)
    expected = np.where(s >= 1.0, 0.0, -np.log(s))
    np.testing.assert_allclose(orgnet.edge_distances(krackhardt), expected, rtol=1e-15)
    assert orgnet.to_distance(0.5) == pytest.approx(math.log(2))
    assert orgnet.to_distance(1.0) == 0.0 and math.copysign(1, orgnet.to_distance(1.0)) == 1
    with pytest.raises(ValueError, match=r"^unknown distance transform 'km' \(expected neg_log, inverse or hops\)$"):
        orgnet.edge_distances(krackhardt, "km")
    with pytest.raises(ValueError, match=r"strength must lie in \(0, 1\]"):
        orgnet.to_distance(1.5)
