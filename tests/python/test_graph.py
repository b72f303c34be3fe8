"""InfluenceGraph accessors: CSR arrays, people, departments, attributes, ties."""

from __future__ import annotations

import copy
import gc
import pickle
import threading

import networkx as nx
import numpy as np
import pytest

import orgnet
from oracles import DATASETS, assert_same_graph


def test_repr_len_contains(krackhardt):
    assert repr(krackhardt) == "<orgnet.InfluenceGraph: 21 people, 312 ties, 232 influence edges>"
    assert len(krackhardt) == krackhardt.num_vertices == 21
    assert "7" in krackhardt and "99" not in krackhardt
    assert repr(orgnet.InfluenceGraph()) == "<orgnet.InfluenceGraph: 0 people, 0 ties, 0 influence edges>"


@pytest.mark.parametrize("name", DATASETS)
def test_csr_arrays_are_consistent(datasets, name):
    g = datasets[name]
    n, m = g.num_vertices, g.num_edges
    out_offsets, targets, sources = g.out_offsets(), g.out_targets(), g.edge_sources()
    assert out_offsets.dtype == np.uint32 and targets.dtype == np.uint32 and g.strengths().dtype == np.float64
    assert out_offsets.shape == (n + 1,) and targets.shape == sources.shape == (m,)
    assert out_offsets[0] == 0 and out_offsets[-1] == m
    np.testing.assert_array_equal(sources, np.repeat(np.arange(n), np.diff(out_offsets)))
    # Edges sorted by (source, target), no self-loops, no duplicates.
    keys = sources.astype(np.int64) * n + targets
    assert np.all(np.diff(keys) > 0)
    assert not np.any(sources == targets)
    assert np.all((g.strengths() > 0) & (g.strengths() <= 1))
    # In-adjacency is the transpose.
    in_offsets, in_sources, in_ids = g.in_offsets(), g.in_sources(), g.in_edge_ids()
    np.testing.assert_array_equal(np.diff(in_offsets), np.bincount(targets, minlength=n))
    np.testing.assert_array_equal(sources[in_ids], in_sources)
    np.testing.assert_array_equal(targets[in_ids], np.repeat(np.arange(n), np.diff(in_offsets)))
    # Per-vertex views agree with the whole arrays.
    for v in range(0, n, max(1, n // 7)):
        np.testing.assert_array_equal(g.out_neighbors(v), targets[out_offsets[v]:out_offsets[v + 1]])
        np.testing.assert_array_equal(g.out_strengths(v), g.strengths()[out_offsets[v]:out_offsets[v + 1]])
        np.testing.assert_array_equal(g.in_neighbors(v), in_sources[in_offsets[v]:in_offsets[v + 1]])
        np.testing.assert_array_equal(g.in_edges(v), in_ids[in_offsets[v]:in_offsets[v + 1]])
        assert g.out_degree(v) == g.out_end(v) - g.out_begin(v) == len(g.out_neighbors(v))
        assert g.in_degree(v) == len(g.in_neighbors(v))
    # The relation masks name the relations of the ties behind each edge.
    masks = g.edge_relations()
    assert masks.dtype == np.uint32 and masks.shape == (m,) and np.all(masks != 0)


@pytest.mark.parametrize("name", DATASETS)
def test_strength_totals_and_shared_strengths(datasets, name):
    g = datasets[name]
    n = g.num_vertices
    sources, targets, strengths = g.edge_sources(), g.out_targets(), g.strengths()
    np.testing.assert_allclose(g.out_strength_totals(), np.bincount(sources, strengths, n), rtol=1e-12)
    np.testing.assert_allclose(g.in_strength_totals(), np.bincount(targets, strengths, n), rtol=1e-12)
    for shared, rows in ((g.shared_in_strengths(), targets), (g.shared_out_strengths(), sources)):
        lowest = np.full(n, np.inf)
        highest = np.full(n, -np.inf)
        np.minimum.at(lowest, rows, strengths)
        np.maximum.at(highest, rows, strengths)
        if np.array_equal(lowest[np.isfinite(lowest)], highest[np.isfinite(highest)]):
            expected = np.where(np.isfinite(lowest), lowest, 1.0)
            np.testing.assert_array_equal(shared, expected)
        else:
            assert shared.size == 0


def test_weighted_cascade_shares_in_strengths(datasets):
    # email-Eu-core: unit email ties, weighted cascade: 1 / in-degree per person.
    g = datasets["email_eu_core"]
    in_degree = np.diff(g.in_offsets())
    shared = g.shared_in_strengths()
    assert shared.size == g.num_vertices and not shared.flags.writeable
    np.testing.assert_allclose(shared, np.where(in_degree > 0, 1.0 / np.maximum(in_degree, 1), 1.0), rtol=1e-15)
    assert orgnet.InfluenceGraph().shared_in_strengths().size == 0


def test_matches_networkx_degrees(datasets):
    g = datasets["uk_faculty"]
    D = orgnet.to_networkx(g, kind="influence")
    ids = g.ids()
    assert [D.out_degree(i) for i in ids] == [g.out_degree(v) for v in range(len(ids))]
    assert [D.in_degree(i) for i in ids] == [g.in_degree(v) for v in range(len(ids))]


def test_views_are_read_only_and_zero_copy(krackhardt):
    view = krackhardt.strengths()
    assert not view.flags.writeable
    with pytest.raises(ValueError):
        view[0] = 0.5
    assert np.shares_memory(view, krackhardt.strengths())
    ties = krackhardt.ties()
    assert not ties["weight"].flags.writeable
    assert ties["source"].dtype == np.uint32 and ties["relation"].dtype == np.uint16
    assert np.shares_memory(ties["source"], krackhardt.ties()["source"])


def test_views_keep_the_graph_alive():
    g = orgnet.load_dataset("uk_faculty")
    strengths = g.strengths()
    weights = g.ties()["weight"]
    expected = (strengths.sum(), weights.sum())
    del g
    gc.collect()
    orgnet.load_dataset("lazega")  # reuse freed memory, if it had been freed
    assert (strengths.sum(), weights.sum()) == expected


def test_people_accessors(krackhardt):
    g = krackhardt
    ceo = g.index_of("7")
    assert g.id(ceo) == "7" and g.find("7") == ceo
    assert g.ids()[ceo] == "7"
    assert g.level(ceo) == 0 and not g.level_given(ceo)
    assert g.managers()[ceo] == -1 and g.manager(ceo) is None
    vp = g.index_of("2")
    assert g.manager(vp) == ceo and g.level(vp) == 1
    assert orgnet.chain_of_command(g, g.index_of("1")).tolist() == [vp, ceo]
    np.testing.assert_array_equal(orgnet.hierarchy_depths(g), g.levels())
    stats = orgnet.hierarchy_stats(g)
    assert (stats.depth, stats.roots, stats.managers, stats.max_span) == (3, 1, 5, 7)
    assert g.direct_reports(stats.widest_manager).shape == (7,)
    assert g.levels().dtype == np.int32 and g.managers().dtype == np.int64
    assert g.levels_given().dtype == np.bool_


def test_departments_and_attributes(datasets):
    g = datasets["lazega"]
    names = g.department_names()
    assert names == ["Boston", "Hartford", "Providence"]
    assert g.find_department("Hartford") == 1 and g.find_department("Paris") is None
    for d in range(g.num_departments):
        assert g.department_name(d) == names[d]
        np.testing.assert_array_equal(g.department_members(d), np.flatnonzero(g.departments() == d))
    assert g.department(0) == 0
    assert g.attribute_names()[:3] == ["status", "status_label", "gender"]
    assert g.attribute(0, "status_label") == "partner" == g.attribute("status_label")[0]
    enron = datasets["enron"]
    assert enron.department(0) is None and enron.departments().tolist() == [-1] * 184


def test_relations(krackhardt):
    g = krackhardt
    assert g.relation_names() == ["advice", "friendship", "reports_to"]
    assert g.num_relations == 3 and g.relation_name(2) == "reports_to"
    assert g.find_relation("friendship") == 1 and g.find_relation("trust") is None
    assert g.relation_spec("reports_to") == orgnet.RelationSpec("target_to_source", "as_is", 0.5)
    assert g.relation_spec(0) == g.relation_spec("advice")
    assert g.relation_map() == orgnet.RelationMap.defaults()
    e = g.find_edge(g.index_of("7"), g.index_of("2"))  # the CEO sways a VP: reports_to and advice
    assert set(g.edge_relation_names(e)) >= {"reports_to"}
    assert g.edge_source(e) == g.index_of("7") and g.edge_target(e) == g.index_of("2")


def test_frames(krackhardt):
    people = krackhardt.people_frame()
    assert people.index.name == "id" and people.index.tolist() == krackhardt.ids()
    assert list(people.columns) == ["name", "department", "title", "level", "level_given", "manager", "age",
                                    "tenure", "attribute:level", "level_label"]
    assert people.loc["1", "manager"] == "2" and people.loc["7", "manager"] is None
    assert people.loc["7", "level"] == 0 and people.loc["7", "attribute:level"] == "1"
    ties = krackhardt.ties_frame()
    assert ties.shape == (312, 4) and ties.weight.dtype == np.float64
    edges = krackhardt.edges_frame()
    assert edges.shape == (232, 4)
    assert set(";".join(edges.relations).split(";")) == {"advice", "friendship", "reports_to"}


def test_memory_and_load_report(datasets):
    g = datasets["email_eu_core"]
    assert g.memory_bytes() > 8 * (g.num_edges * 4 + g.num_ties * 2)
    report = g.load_report()
    assert report["ties"] == 25571 and report["self_ties"] == 642
    assert report["influence_edges"] == g.num_edges == 25571 - 642
    assert report["merged_arcs"] == 0 and report["relations_using_fallback"] == []


def test_builder_attribute_values():
    b = orgnet.GraphBuilder()
    assert b.add_person("a", attributes={"x": None, "y": 3, "z": "s"}) == 0
    assert b.add_person("b") == 1
    assert b.has_person("a") and not b.has_person("c")
    b.add_tie("a", "b")
    assert (b.num_people, b.num_ties) == (2, 1)
    g = b.build()
    assert g.attribute_names() == ["x", "y", "z"]
    assert [g.attribute(name) for name in g.attribute_names()] == [["", ""], ["3", ""], ["s", ""]]


def test_empty_graph():
    g = orgnet.InfluenceGraph()
    assert g.ids() == [] and g.out_offsets().tolist() == [0] and g.strengths().size == 0
    assert g.ties()["source"].size == 0
    assert g.people_frame().shape[0] == 0 and g.ties_frame().shape[0] == 0 and g.edges_frame().shape[0] == 0
    assert orgnet.weak_components(g).count() == 0 and orgnet.strong_components(g).largest() == 0


def test_pickle_and_copy(datasets, small):
    for g in (*datasets.values(), small, orgnet.InfluenceGraph()):
        assert_same_graph(pickle.loads(pickle.dumps(g)), g)
    assert copy.copy(small) is small and copy.deepcopy(small) is small


def test_components(datasets):
    g = datasets["email_eu_core"]
    D = orgnet.to_networkx(g, kind="influence")
    for result, nx_components in ((orgnet.weak_components(g), nx.weakly_connected_components(D)),
                                  (orgnet.strong_components(g), nx.strongly_connected_components(D))):
        expected = sorted(sorted(g.index_of(i) for i in c) for c in nx_components)
        labels = result.component
        assert labels.dtype == np.uint32 and labels.shape == (g.num_vertices,)
        found = sorted(np.flatnonzero(labels == c).tolist() for c in range(result.count()))
        assert found == expected
        np.testing.assert_array_equal(result.sizes, np.bincount(labels))
        # Components are numbered in order of their lowest vertex.
        firsts = [int(np.flatnonzero(labels == c)[0]) for c in range(result.count())]
        assert firsts == sorted(firsts)


def test_loading_in_threads_gives_identical_graphs():
    """Loaders release the GIL; concurrent loads must not interfere."""
    results = {}

    def load(i):
        results[i] = orgnet.load_dataset("email_eu_core")

    threads = [threading.Thread(target=load, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for g in results.values():
        assert_same_graph(g, results[0])
