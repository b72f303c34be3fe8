"""centrality_table and top_k: the pandas front of the ranking helpers.

Oracles: NetworkX on the influence graph built from the raw files (tests/python/oracles.py)."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import orgnet
from oracles import influence_digraph


@pytest.fixture(scope="module")
def krackhardt():
    return orgnet.load_dataset("krackhardt")


def test_table_matches_networkx_on_unweighted_measures(krackhardt):
    df = orgnet.centrality_table(krackhardt, ["in_degree", "degree", "betweenness", "harmonic"], distance="hops",
                                 flow="received")
    assert list(df.columns) == ["department", "in_degree", "degree", "betweenness", "harmonic"]
    assert list(df.index) == krackhardt.ids()
    d = influence_digraph("krackhardt")
    for column, oracle in (("in_degree", nx.in_degree_centrality(d)), ("degree", nx.degree_centrality(d)),
                           ("betweenness", nx.betweenness_centrality(d)), ("harmonic", nx.harmonic_centrality(d))):
        for person, value in oracle.items():
            assert df.loc[person, column] == pytest.approx(value, rel=1e-12), (column, person)
    # The CEO (7) has no department (code 0 in the file means none).
    assert df.loc["7", "department"] == ""


def test_flow_exerted_is_networkx_on_the_reversed_graph(krackhardt):
    df = orgnet.centrality_table(krackhardt, ["pagerank", "harmonic"], distance="hops")
    reverse = influence_digraph("krackhardt").reverse()
    strengths = orgnet.to_networkx(krackhardt, kind="influence").reverse()
    pr = nx.pagerank(strengths, weight="strength", tol=1e-14, max_iter=10000)
    for person, value in pr.items():
        assert df.loc[person, "pagerank"] == pytest.approx(value, rel=1e-8)
    for person, value in nx.harmonic_centrality(reverse).items():
        assert df.loc[person, "harmonic"] == pytest.approx(value, rel=1e-12)


def test_default_table_and_convergence(krackhardt):
    df = orgnet.centrality_table(krackhardt)
    assert list(df.columns[1:]) == ["degree", "strength", "closeness", "harmonic", "betweenness", "eigenvector",
                                    "pagerank", "katz", "hubs", "authorities", "coreness"]
    assert set(df.attrs["convergence"]) == {"eigenvector", "pagerank", "katz", "hubs", "authorities"}
    assert all(c["converged"] for c in df.attrs["convergence"].values())
    assert df.pagerank.sum() == pytest.approx(1.0, abs=1e-12)
    assert df.hubs.sum() == pytest.approx(1.0, abs=1e-12)


def test_threads_do_not_change_results(krackhardt):
    one = orgnet.centrality_table(krackhardt, "all", threads=1)
    two = orgnet.centrality_table(krackhardt, "all", threads=2)
    pd.testing.assert_frame_equal(one, two, check_exact=True)


def test_top_k_ranks_ties_and_nan(krackhardt):
    scores = np.zeros(krackhardt.num_vertices)
    scores[krackhardt.index_of("3")] = 2.0
    scores[krackhardt.index_of("1")] = 1.0
    scores[krackhardt.index_of("5")] = 1.0
    scores[krackhardt.index_of("2")] = math.nan
    top = orgnet.top_k(krackhardt, scores, 4)
    assert top.id.tolist() == ["3", "1", "5", "4"]
    assert top["rank"].tolist() == [1, 2, 2, 4]
    assert top.department.tolist()[0] == "2"
    everyone = orgnet.top_k(krackhardt, scores, 0)
    assert everyone.id.tolist()[-1] == "2"  # NaN last
    low = orgnet.top_k(krackhardt, pd.Series(scores, index=krackhardt.ids()), 2, ascending=True)
    assert low.score.tolist() == [0.0, 0.0]


def test_errors(krackhardt):
    with pytest.raises(ValueError, match="unknown measure 'fame'"):
        orgnet.centrality_table(krackhardt, ["fame"])
    with pytest.raises(ValueError, match="scores has 3 entries"):
        orgnet.top_k(krackhardt, [1.0, 2.0, 3.0])


def test_empty_graph():
    empty = orgnet.from_arrays([], [])
    df = orgnet.centrality_table(empty)
    assert len(df) == 0
    assert len(orgnet.top_k(empty, [])) == 0


def pessimistic_certain(scores, error, k, ascending=False):
    """Brute force of the definition: put the person at their worst bound and
    everyone else at their best; certain when fewer than k others then tie or
    beat them (NaN: unknown, so it beats everyone and is never certain)."""
    s = np.where(np.isnan(scores), np.inf if not ascending else -np.inf, scores)
    out = []
    for i, x in enumerate(scores):
        if math.isnan(x):
            out.append(False)
            continue
        others = np.delete(s, i)
        if ascending:
            rivals = np.sum(others - error <= x + error)
        else:
            rivals = np.sum(others + error >= x - error)
        out.append(bool(rivals < k))
    return out


@pytest.mark.parametrize("seed", range(6))
def test_top_k_certainty_matches_brute_force(krackhardt, seed):
    rng = np.random.default_rng(seed)
    scores = rng.choice(np.linspace(0, 1, 15), size=krackhardt.num_vertices)  # ties on purpose
    if seed % 2:
        scores[rng.integers(krackhardt.num_vertices)] = math.nan
    for k in (1, 3, 8):
        for error in (0.0, 0.03, 0.1):
            for ascending in (False, True):
                top = orgnet.top_k(krackhardt, scores, k, ascending=ascending, error=error)
                expected = pessimistic_certain(scores, error, k, ascending)
                got = top.certain.tolist()
                want = [expected[krackhardt.index_of(p)] for p in top.id]
                assert got == want, (k, error, ascending)


@pytest.mark.parametrize("name", ["lazega", "uk_faculty"])
def test_certain_rows_of_an_approximate_ranking_are_in_the_exact_top_k(name):
    g = orgnet.load_dataset(name)
    n = g.num_vertices
    approx = orgnet.approximate_betweenness(g, epsilon=0.005, delta=0.1, seed=5)
    exact = orgnet.betweenness(g, normalized=False).score / (n * (n - 1))
    assert np.abs(approx.score - exact).max() <= approx.epsilon  # the guarantee held on this draw
    for k in (3, 10):
        top = orgnet.top_k(g, approx, k)  # the result carries its epsilon
        assert "certain" in top.columns and top.certain.any()
        exact_top = set(orgnet.top_k(g, exact, k).id)
        kth_exact = np.sort(exact)[::-1][k - 1]
        for person in top.id[top.certain]:
            # In the exact top k (or tied with its last member).
            assert person in exact_top or exact[g.index_of(person)] >= kth_exact


def test_cli_style_table_marks_certain_rows(krackhardt):
    frame = orgnet.top_k(krackhardt, orgnet.pagerank(krackhardt).score, 5)
    assert "certain" not in frame.columns  # no error given: exact scores, no column
