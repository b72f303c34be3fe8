"""from_arrays: NumPy arrays, sequences and pandas people tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import orgnet
from oracles import assert_same_graph, read_raw


def test_numpy_integer_ids_and_weights():
    sources = np.array([3, 1, 2, 3], dtype=np.int64)
    targets = np.array([1, 2, 3, 2], dtype=np.int32)
    weights = np.array([1.0, 2.0, 0.5, 4.0])
    g = orgnet.from_arrays(sources, targets, weights)
    assert g.ids() == ["3", "1", "2"]  # order of first appearance
    assert g.relation_names() == ["tie"]
    assert g.load_report()["people_from_ties"] == 3
    np.testing.assert_array_equal(g.ties()["weight"], weights)
    # "tie" uses the fallback: source_to_target, weighted cascade.
    frame = g.edges_frame().set_index(["source", "target"]).strength
    assert frame[("3", "2")] == pytest.approx(4.0 / 6.0) and frame[("1", "2")] == pytest.approx(2.0 / 6.0)
    assert frame[("3", "1")] == 1.0 and frame[("2", "3")] == 1.0


def test_relations_array_and_single_string():
    g = orgnet.from_arrays(["a", "b"], ["b", "a"], relations=np.array(["advice", "email"]))
    assert g.relation_names() == ["advice", "email"]
    h = orgnet.from_arrays(["a", "b"], ["b", "a"], relations="advice")
    assert h.relation_names() == ["advice"]
    k = orgnet.from_arrays(["a"], ["b"], default_relation="trust")
    assert k.relation_names() == ["trust"]


def test_people_dataframe_matches_load_dataset():
    """from_arrays on the raw CSV columns gives the same graph as load_dataset."""
    nodes, edges = read_raw("lazega")
    people = nodes.rename(columns={"office_label": "department"})
    g = orgnet.from_arrays(edges.source.to_numpy(), edges.target.to_numpy(), edges.weight.to_numpy(),
                           edges.relation.to_numpy(), people=people)
    reference = orgnet.load_dataset("lazega")
    assert_same_graph(g, reference, load_report=True)


def test_people_frame_round_trip(krackhardt):
    """people_frame() and ties_frame() feed from_arrays back to the same graph."""
    people = krackhardt.people_frame()
    ties = krackhardt.ties_frame()
    g = orgnet.from_arrays(ties.source, ties.target, ties.weight, ties.relation, people=people,
                           relation_map=krackhardt.relation_map())
    assert_same_graph(g, krackhardt)


def test_people_as_dict_with_missing_values():
    people = {
        "id": [10, 20, 30],
        "name": ["Ann", None, "Cy"],
        "level": [0, np.nan, pd.NA],
        "manager": [None, 10, ""],
        "department": ["X", np.nan, "Y"],
        "badge": [1.5, None, "z"],
    }
    g = orgnet.from_arrays([20, 30], [10, 10], people=people)
    assert g.ids() == ["10", "20", "30"]
    assert g.names() == ["Ann", "", "Cy"]
    assert g.levels_given().tolist() == [True, False, False]
    assert g.levels().tolist() == [0, 1, 0]
    assert g.managers().tolist() == [-1, 0, -1]
    assert g.department_names() == ["X", "Y"] and g.departments().tolist() == [0, -1, 1]
    assert g.attribute("badge") == ["1.5", "", "z"]


def test_people_table_with_unknown_tie_endpoint_and_create_missing():
    g = orgnet.from_arrays(["a"], ["zed"], people={"id": ["a"]}, create_missing=True)
    assert g.ids() == ["a", "zed"] and g.load_report()["people_from_ties"] == 1


def test_level_errors():
    with pytest.raises(ValueError, match=r"^people row 0: level must be a whole number >= 0, got 1.5$"):
        orgnet.from_arrays([], [], people={"id": ["a"], "level": [1.5]})
    with pytest.raises(ValueError, match=r"^people row 0: field 'level': level must be >= 0 \(0 = top\), got -1"):
        orgnet.from_arrays([], [], people={"id": ["a"], "level": [-1]})


def test_empty_arrays():
    g = orgnet.from_arrays(np.array([], dtype=np.int64), np.array([], dtype=np.int64))
    assert (g.num_vertices, g.num_ties, g.num_edges) == (0, 0, 0)
    assert g.strengths().shape == (0,) and g.out_offsets().tolist() == [0]


def test_two_dimensional_input_is_rejected():
    with pytest.raises(ValueError, match=r"^sources: expected a 1-dimensional array$"):
        orgnet.from_arrays(np.zeros((2, 2)), np.zeros(2))
