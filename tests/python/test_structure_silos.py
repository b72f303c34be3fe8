"""Silos (mixing matrix, E-I index, permutation test) and formal vs informal
organization (QAP, hidden influencers, bypass ties), against values computed
here with pandas/numpy from the raw data files or from definitions."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import orgnet

sys.path.insert(0, str(Path(__file__).parent))
from oracles import influence_arcs, read_raw  # noqa: E402


def exact_graph(edges, people, departments=None, managers=None):
    """Influence edges exactly as given (strength 0.5), with departments and managers."""
    d = nx.DiGraph()
    for p in people:
        attrs = {}
        if departments and departments.get(p):
            attrs["department"] = departments[p]
        if managers and managers.get(p):
            attrs["manager"] = managers[p]
        d.add_node(p, **attrs)
    d.add_edges_from(edges, weight=0.5, relation="tie")
    return orgnet.from_networkx(d, relation_map={"tie": ("source_to_target", "as_is")})


# ---- E-I index ------------------------------------------------------------------------


def test_ei_hand_worked():
    # a, b in X; c, d in Y; e none. Edges a->b a->c b->a c->d d->a e->a c->e.
    # (Worked in tests/cpp/structure/test_mixing.cpp.) Person (out): a 0, b -1,
    # c -1, d +1, e NaN; group X -1/3, Y 0; network E2 I3 -> -1/5.
    g = exact_graph([("a", "b"), ("a", "c"), ("b", "a"), ("c", "d"), ("d", "a"), ("e", "a"), ("c", "e")],
                    "abcde", {"a": "X", "b": "X", "c": "Y", "d": "Y"})
    r = orgnet.mixing(g, permutations=20000, seed=1)
    assert r.groups == ["X", "Y"]
    assert r.ties.tolist() == [[2, 1], [1, 1]]
    assert r.strength.tolist() == [[1.0, 0.5], [0.5, 0.5]]
    assert r.person_ei[:4].tolist() == [0.0, -1.0, -1.0, 1.0] and math.isnan(r.person_ei[4])
    assert r.group_ei.tolist() == pytest.approx([-1 / 3, 0.0], abs=1e-15)
    assert r.ei == pytest.approx(-0.2, abs=1e-15)
    # Exact null: of the 6 relabellings, 2 give -0.2 and 4 give 0.6.
    assert r.expected_ei == pytest.approx(1 / 3, abs=0.01)
    assert r.p_less == pytest.approx(1 / 3, abs=0.015)
    frame = orgnet.ei_frame(g, r)
    assert frame.loc["d", "external"] == 1 and frame.loc["d", "ei"] == 1.0
    assert orgnet.mixing_frame(r).loc["X", "Y"] == 1
    assert orgnet.group_ei_frame(r).index.tolist() == ["X", "Y"]


@pytest.mark.parametrize("name", ["krackhardt", "lazega", "email_eu_core"])
def test_ei_matches_pandas_on_bundled_data(name):
    g = orgnet.load_dataset(name)
    r = orgnet.mixing(g, permutations=0)
    # Influence edges from the raw files (networkx-free restatement of the relation map).
    nodes, raw = read_raw(name)
    arcs = influence_arcs(raw)[["u", "v"]].drop_duplicates()
    from oracles import DATASETS

    info = DATASETS[name]
    dept = nodes.set_index("id")[info["department"]].replace({info.get("none", ""): None, "": None})
    arcs = arcs.assign(du=arcs.u.map(dept), dv=arcs.v.map(dept)).dropna()
    arcs = arcs.assign(external=arcs.du != arcs.dv)
    e, i = int(arcs.external.sum()), int((~arcs.external).sum())
    assert (r.external, r.internal) == (e, i)
    assert r.ei == pytest.approx((e - i) / (e + i), abs=1e-15)
    sent = arcs.groupby("u").external.agg(["sum", "count"])
    ids = g.ids()
    for person, row in sent.iterrows():
        ext, tot = int(row["sum"]), int(row["count"])
        assert r.person_ei[ids.index(person)] == pytest.approx((ext - (tot - ext)) / tot, abs=1e-15)
    groups = {name: k for k, name in enumerate(r.groups)}
    for group, part in arcs.groupby("du"):
        internal = int((part.dv == group).sum())
        external = int((part.dv != group).sum())
        assert r.group_ei[groups[group]] == pytest.approx((external - internal) / (external + internal), abs=1e-15)


def test_permutation_test_is_seeded_and_thread_independent():
    g = orgnet.load_dataset("email_eu_core")
    a = orgnet.mixing(g, permutations=200, seed=5, threads=1)
    b = orgnet.mixing(g, permutations=200, seed=5, threads=2)
    assert a.p_less == b.p_less and a.expected_ei == b.expected_ei
    assert np.array_equal(a.group_p_less, b.group_p_less, equal_nan=True)
    c = orgnet.mixing(g, permutations=200, seed=6)
    assert c.expected_ei == pytest.approx(a.expected_ei, abs=0.01)
    # email-Eu-core's departments are far more inward-looking than chance.
    assert a.ei < a.expected_ei and a.p_less == pytest.approx(1 / 201)


def test_mixing_on_other_groupings():
    g = orgnet.load_dataset("lazega")
    by_practice = orgnet.mixing(g, "practice_label", permutations=0)
    assert by_practice.groups == ["litigation", "corporate"]
    result = orgnet.communities(g, seed=1)
    by_community = orgnet.mixing(g, result, permutations=50)
    assert by_community.num_groups() == result.count()
    # Communities gather ties: more internal than a random relabelling.
    assert by_community.ei < by_community.expected_ei and by_community.p_less < 0.05
    with pytest.raises(ValueError, match="in, out or total"):
        orgnet.mixing(g, direction="sideways")


# ---- QAP -------------------------------------------------------------------------------


def dense(g, weighted=False):
    n = g.num_vertices
    m = np.zeros((n, n))
    e = g.edges_frame()
    index = {p: i for i, p in enumerate(g.ids())}
    for s, t, w in zip(e.source, e.target, e.strength):
        m[index[s], index[t]] = w if weighted else 1.0
    return m


def offdiagonal_corr(x, y):
    mask = ~np.eye(x.shape[0], dtype=bool)
    return float(np.corrcoef(x[mask], y[mask])[0, 1])


def test_qap_correlation_equals_numpy():
    k = orgnet.load_dataset("krackhardt")
    n = k.num_vertices
    formal = np.zeros((n, n))
    ids = k.ids()
    managers = k.managers()
    for v in range(n):
        if managers[v] >= 0:
            formal[managers[v], v] = 1.0
    for weighted in (False, True):
        informal = dense(k, weighted)
        r = orgnet.qap_correlation(formal, k, weighted=weighted, permutations=0)
        assert r.correlation == pytest.approx(offdiagonal_corr(formal, informal), abs=1e-12)
        assert math.isnan(r.p_greater)
    # A matrix against itself: r = 1; a constant matrix: NaN.
    assert orgnet.qap_correlation(k, k, permutations=0).correlation == pytest.approx(1.0, abs=1e-12)
    assert math.isnan(orgnet.qap_correlation(np.zeros((n, n)), k).correlation)
    assert ids  # ids used above for clarity
    with pytest.raises(TypeError):
        orgnet.qap_correlation(np.zeros((3, 4)), k)
    with pytest.raises(ValueError, match="differ in size"):
        orgnet.qap_correlation(np.ones((3, 3)), k)


def test_qap_p_values_are_stable_across_seeds_and_match_a_numpy_null():
    # Lazega: advice vs friendship, a strong association; cowork vs advice.
    g = orgnet.load_dataset("lazega")
    rng = np.random.default_rng(0)
    n = g.num_vertices
    x = (rng.random((n, n)) < 0.1).astype(float)
    y = np.where(rng.random((n, n)) < 0.5, x, (rng.random((n, n)) < 0.1)).astype(float)
    np.fill_diagonal(x, 0)
    np.fill_diagonal(y, 0)
    R = 2000
    runs = [orgnet.qap_correlation(x, y, permutations=R, seed=s) for s in (1, 2, 3)]
    observed = offdiagonal_corr(x, y)
    for r in runs:
        assert r.correlation == pytest.approx(observed, abs=1e-12)
    # Strong association: nothing in the null reaches it.
    assert all(r.p_greater == pytest.approx(1 / (R + 1)) for r in runs)
    # A weak one: p-values from different seeds agree within 4 standard errors,
    # and the null's mean and sd agree with a numpy relabelling.
    z = np.where(rng.random((n, n)) < 0.04, x, (rng.random((n, n)) < 0.1)).astype(float)
    np.fill_diagonal(z, 0)
    weak = [orgnet.qap_correlation(x, z, permutations=R, seed=s) for s in (1, 2)]
    p = weak[0].p_greater
    tolerance = 4 * math.sqrt(max(p * (1 - p), 1e-3) / R)
    assert abs(weak[0].p_greater - weak[1].p_greater) <= tolerance
    mask = ~np.eye(n, dtype=bool)
    null = []
    for _ in range(400):
        pi = rng.permutation(n)
        null.append(np.corrcoef(x[mask], z[pi][:, pi][mask])[0, 1])
    assert weak[0].expected == pytest.approx(np.mean(null), abs=0.003)
    assert weak[0].sd == pytest.approx(np.std(null), rel=0.15)
    p_numpy = (1 + sum(v >= offdiagonal_corr(x, z) for v in null)) / (1 + len(null))
    assert abs(p - p_numpy) <= 4 * math.sqrt(max(p * (1 - p), 1e-3) / len(null))
    # Threads do not change anything.
    assert orgnet.qap_correlation(x, z, permutations=300, seed=4, threads=1).p_two_sided == \
        orgnet.qap_correlation(x, z, permutations=300, seed=4, threads=2).p_two_sided


# ---- formal vs informal ---------------------------------------------------------------------


def test_krackhardt_formal_vs_informal():
    g = orgnet.load_dataset("krackhardt")
    r = orgnet.formal_vs_informal(g, permutations=500, seed=3)
    assert r.informal_relations == ["advice", "friendship"]
    assert r.has_reporting_lines
    # Informal influence edges: advice and friendship reversed (the adviser or
    # friend influences), duplicates merged.
    nodes, raw = read_raw("krackhardt")
    informal = raw[raw.relation.isin(["advice", "friendship"]) & (raw.source != raw.target)]
    edges = set(zip(informal.target, informal.source))
    ids = g.ids()
    n = len(ids)
    index = {p: i for i, p in enumerate(ids)}
    x = np.zeros((n, n))
    for u, v in edges:
        x[index[u], index[v]] = 1
    formal = np.zeros((n, n))
    reports = raw[raw.relation == "reports_to"]
    for s, t in zip(reports.source, reports.target):
        formal[index[t], index[s]] = 1  # manager -> report
    assert r.qap.correlation == pytest.approx(offdiagonal_corr(formal, x), abs=1e-12)
    assert r.qap.correlation > 0 and r.qap.p_greater < 0.01
    # Levels: CEO 0, VPs 1, managers 2 (the file's 1, 2, 3 minus one).
    file_level = nodes.set_index("id").level.astype(int) - 1
    assert r.level.tolist() == [float(file_level[p]) for p in ids]
    # Hidden influencers: percentile ranks (average ties), least squares on
    # level, residual >= 0.25 - all restated with pandas/numpy.
    pct = (pd.Series(r.influence).rank(method="average") - 1) / (n - 1)
    assert r.percentile.tolist() == pytest.approx(pct.tolist(), abs=1e-12)
    slope, intercept = np.polyfit(r.level, pct, 1)
    assert r.slope == pytest.approx(slope, abs=1e-12) and r.intercept == pytest.approx(intercept, abs=1e-12)
    residual = pct - (intercept + slope * r.level)
    expected = [int(v) for v in residual.sort_values(ascending=False, kind="stable").index if residual[v] >= 0.25]
    assert r.hidden_influencers.tolist() == expected
    frame = orgnet.hidden_influencers_frame(g, r)
    assert frame.index.tolist() == [ids[v] for v in expected]
    # Spearman of level against each measure = Pearson of the ranks.
    for c in r.level_correlations:
        assert -1 <= c["spearman"] <= 1 and -1 <= c["pearson"] <= 1
    # Bypass ties: informal edges between levels 0 and 2 (CEO and managers);
    # every manager's chain of command reaches the CEO.
    level = {p: file_level[p] for p in ids}
    expected_bypass = sorted((u, v) for u, v in edges if abs(level[u] - level[v]) >= 2)
    got = orgnet.bypass_ties_frame(g, r)
    assert sorted(zip(got.source, got.target)) == expected_bypass
    assert got.in_chain.all() and (got.gap == 2).all()
    assert int(r.bypass_count.sum()) == 2 * len(expected_bypass)


def test_lazega_levels_from_an_attribute():
    g = orgnet.load_dataset("lazega")
    status = orgnet.attribute_levels(g, "status")
    assert set(status) == {1.0, 2.0}
    flat = orgnet.formal_vs_informal(g, permutations=0)
    assert not flat.levels_vary and len(flat.hidden_influencers) == 0  # no hierarchy in the data
    r = orgnet.formal_vs_informal(g, levels="status", permutations=0, min_level_gap=1)
    assert r.levels_vary
    assert not r.has_reporting_lines and math.isnan(r.qap.correlation)
    assert r.level.tolist() == status
    # Partners (1) influence more than associates (2): negative correlations.
    pagerank = next(c for c in r.level_correlations if c["measure"] == "pagerank")
    assert pagerank["spearman"] < 0
    with pytest.raises(ValueError, match="not a number"):
        orgnet.formal_vs_informal(g, levels="gender_label")
    with pytest.raises(ValueError, match="no relation 'email'"):
        orgnet.formal_vs_informal(g, informal_relations=["email"])
    with pytest.raises(ValueError, match="min_level_gap"):
        orgnet.formal_vs_informal(g, min_level_gap=0)
    with pytest.raises(ValueError, match="levels"):
        orgnet.formal_vs_informal(g, levels=[1.0, 2.0])
