"""Bottlenecks and brokerage from Python, against NetworkX computed here from the
raw files or from the same arrays (never from orgnet's own graph)."""

from __future__ import annotations

import math
from itertools import combinations

import networkx as nx
import numpy as np
import pytest

import orgnet
from oracles import DATASETS, edge_strengths, influence_digraph, read_raw


def weighted_digraph(name: str) -> nx.DiGraph:
    """The influence DiGraph of a dataset with noisy-or strengths, from the raw files."""
    nodes, edges = read_raw(name)
    g = nx.DiGraph()
    g.add_nodes_from(nodes.id)
    for (u, v), s in edge_strengths(edges).items():
        g.add_edge(u, v, strength=float(s))
    return g


def random_case(seed: int, n: int = 40, m: int = 120):
    """A seeded random directed graph with strengths in (0, 1], as an orgnet graph
    and as the networkx DiGraph of the same arrays."""
    rng = np.random.default_rng(seed)
    pairs = set()
    while len(pairs) < m:
        u, v = rng.integers(0, n, size=2)
        if u != v:
            pairs.add((int(u), int(v)))
    pairs = sorted(pairs)
    strengths = rng.choice([0.125, 0.25, 0.5, 0.75, 1.0], size=len(pairs))
    people = {"id": [f"p{i}" for i in range(n)], "department": [f"d{i % 3}" for i in range(n)]}
    g = orgnet.from_arrays([f"p{u}" for u, _ in pairs], [f"p{v}" for _, v in pairs], strengths, relations="tie",
                           people=people, relation_map={"tie": "source_to_target,as_is"})
    h = nx.DiGraph()
    h.add_nodes_from(people["id"])
    for (u, v), s in zip(pairs, strengths):
        h.add_edge(f"p{u}", f"p{v}", strength=float(s))
    return g, h


# NetworkX's structural holes are pure Python (about 30 s on lazega, 90 s on
# enron): the dataset comparisons stay on the two smallest.
SMALL = ["krackhardt", "uk_faculty"]


# ---- articulation points and bridges -------------------------------------------

@pytest.mark.parametrize("name", list(DATASETS))
def test_articulation_points_and_bridges_match_networkx(datasets, name):
    g = datasets[name]
    u = influence_digraph(name).to_undirected()
    r = orgnet.cut_points(g)
    ids = np.array(g.ids(), dtype=object)
    assert set(ids[r.articulation_points]) == set(nx.articulation_points(u))
    got = {frozenset((ids[a], ids[b])) for a, b, _ in r.bridges}
    assert got == {frozenset(e) for e in nx.bridges(u)}
    # cut_off: the people outside the largest piece after removal.
    index = {p: i for i, p in enumerate(ids)}
    for p in list(nx.articulation_points(u))[:25]:
        comp = nx.node_connected_component(u, p)
        rest = u.subgraph(comp - {p})
        largest = max(len(c) for c in nx.connected_components(rest))
        assert r.cut_off[index[p]] == len(comp) - 1 - largest
    for a, b, cut in r.bridges[:25]:
        w = u.copy()
        w.remove_edge(ids[a], ids[b])
        assert cut == min(len(nx.node_connected_component(w, ids[a])), len(nx.node_connected_component(w, ids[b])))


# ---- structural holes ---------------------------------------------------------------

def compare_holes(r, g_ids, h, weight):
    constraint = nx.constraint(h, weight=weight)
    effective = nx.effective_size(h, weight=weight)
    checked = 0
    for i, p in enumerate(g_ids):
        contacts = set(nx.all_neighbors(h, p))
        if not contacts:
            assert math.isnan(r.constraint[i]) and math.isnan(r.effective_size[i])
            continue
        if h.out_degree(p) > 0:  # NetworkX 2.8 answers NaN otherwise
            assert r.constraint[i] == pytest.approx(constraint[p], rel=1e-12, abs=1e-14)
            assert r.effective_size[i] == pytest.approx(effective[p], rel=1e-12, abs=1e-14)
            checked += 1
        else:  # NetworkX's own local constraints, summed
            c = sum(nx.local_constraint(h, p, j, weight=weight) for j in contacts)
            assert r.constraint[i] == pytest.approx(c, rel=1e-12)
        assert r.efficiency[i] == pytest.approx(r.effective_size[i] / len(contacts), rel=1e-12)
        assert r.contacts[i] == len(contacts)
    assert checked > 0


@pytest.mark.parametrize("name", SMALL)
def test_structural_holes_match_networkx_on_datasets(datasets, name):
    g = datasets[name]
    compare_holes(orgnet.structural_holes(g), g.ids(), weighted_digraph(name), "strength")
    compare_holes(orgnet.structural_holes(g, weighted=False), g.ids(), influence_digraph(name), None)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_structural_holes_match_networkx_on_random_graphs(seed):
    g, h = random_case(seed)
    compare_holes(orgnet.structural_holes(g, threads=1), g.ids(), h, "strength")
    two = orgnet.structural_holes(g, threads=2)
    np.testing.assert_array_equal(two.constraint, orgnet.structural_holes(g, threads=1).constraint)


def test_hierarchy_follows_burt_formula(krackhardt):
    # H = sum (c_j / cbar) ln(c_j / cbar) / (N ln N) from NetworkX's local constraints.
    h = weighted_digraph("krackhardt")
    r = orgnet.structural_holes(krackhardt)
    for i, p in enumerate(krackhardt.ids()):
        contacts = sorted(set(nx.all_neighbors(h, p)))
        if len(contacts) < 2:
            assert math.isnan(r.hierarchy[i])
            continue
        c = np.array([nx.local_constraint(h, p, j, weight="strength") for j in contacts])
        ratio = c / c.mean()
        expected = float(np.sum(ratio * np.log(ratio)) / (len(c) * math.log(len(c))))
        assert r.hierarchy[i] == pytest.approx(expected, rel=1e-10, abs=1e-13)


# ---- brokerage ---------------------------------------------------------------------

def brute_brokerage(h: nx.DiGraph, group: dict) -> dict:
    roles = {p: [0] * 6 for p in h}
    for b in h:
        for a in h.predecessors(b):
            for c in h.successors(b):
                if a == c or h.has_edge(a, c):
                    continue
                ga, gb, gc = group[a], group[b], group[c]
                if ga == gb == gc:
                    k = 0
                elif ga == gc:
                    k = 1
                elif ga == gb:
                    k = 2
                elif gb == gc:
                    k = 3
                else:
                    k = 4
                roles[b][k] += 1
                roles[b][5] += 1
    return roles


@pytest.mark.parametrize("name", ["krackhardt", "lazega", "uk_faculty"])
def test_brokerage_counts_match_brute_force(datasets, name):
    g = datasets[name]
    h = influence_digraph(name)
    departments = g.department_names()
    group = {p: (departments[d] if d >= 0 else "") for p, d in zip(g.ids(), g.departments().tolist())}
    r = orgnet.brokerage(g)
    brute = brute_brokerage(h, group)
    for i, p in enumerate(g.ids()):
        assert r.observed[i].tolist() == brute[p], p
    assert r.network_observed.tolist() == np.sum([brute[p] for p in brute], axis=0).tolist()
    assert orgnet.BrokerageResult.roles == ("coordinator", "itinerant", "representative", "gatekeeper",
                                            "liaison", "total")


def test_brokerage_moments_follow_sna():
    # Groups A (3), B (2), C (1); edges as drawn in the C++ test: a2 coordinates
    # and represents, b1 is itinerant, gatekeeper and liaison.
    people = {"id": ["a1", "a2", "a3", "b1", "b2", "c1"], "department": ["A", "A", "A", "B", "B", "C"]}
    src = ["a1", "a2", "a1", "b1", "a2", "b1", "b1"]
    dst = ["a2", "a3", "b1", "a3", "b2", "b2", "c1"]
    g = orgnet.from_arrays(src, dst, relations="tie", people=people, relation_map={"tie": "source_to_target,as_is"})
    r = orgnet.brokerage(g)
    assert r.observed[1].tolist() == [1, 0, 1, 0, 0, 2]
    assert r.observed[3].tolist() == [0, 1, 0, 1, 1, 3]
    d = 7 / 30
    p, q = d * d * (1 - d), (d * (1 - d)) ** 3
    # Broker in A (n = 3, N = 6): E = p (2, 2, 6, 6, 4, 20).
    np.testing.assert_allclose(r.expected[0], p * np.array([2, 2, 6, 6, 4, 20]), rtol=1e-13)
    # Liaison variance for A: E (1 - p) + 4 q sum_{j != A} n_j C(N - n_j - n_A, 2)
    #   = 4p (1 - p) + 4 q (2 C(1, 2) + 1 C(2, 2)) = 4p (1 - p) + 4 q.
    assert r.sd[0][4] == pytest.approx(math.sqrt(4 * p * (1 - p) + 4 * q), rel=1e-13)
    assert r.z[1][0] == pytest.approx((1 - 2 * p) / math.sqrt(2 * p * (1 - p)), rel=1e-12)
    assert r.density == pytest.approx(d)
    # Group by a free attribute instead.
    people["attribute:team"] = ["x"] * 6
    g2 = orgnet.from_arrays(src, dst, relations="tie", people=people, relation_map={"tie": "source_to_target,as_is"})
    r2 = orgnet.brokerage(g2, attribute="team")
    assert r2.group_names == ["x"]
    assert r2.observed[:, 0].tolist() == r2.observed[:, 5].tolist()


# ---- dominators --------------------------------------------------------------------

@pytest.mark.parametrize("name", ["krackhardt", "uk_faculty", "enron"])
def test_dominators_match_networkx_on_datasets(datasets, name):
    g = datasets[name]
    h = influence_digraph(name)
    ids = g.ids()
    for root in ids[:: max(1, len(ids) // 6)]:
        expected = nx.immediate_dominators(h, root)
        tree = orgnet.dominator_tree(g, root)
        got = {ids[v]: ids[d] for v, d in enumerate(tree.immediate_dominator.tolist()) if d >= 0}
        expected.pop(root)
        assert got == expected
        assert set(np.array(ids, dtype=object)[tree.reachable]) == set(expected) | {root}


@pytest.mark.parametrize("seed", [4, 5, 6])
def test_dominators_and_must_pass_on_random_graphs(seed):
    g, h = random_case(seed, n=30, m=60)
    ids = g.ids()
    for root in ids[:5]:
        expected = nx.immediate_dominators(h, root)
        tree = orgnet.dominator_tree(g, root)
        got = {ids[v]: ids[d] for v, d in enumerate(tree.immediate_dominator.tolist()) if d >= 0}
        expected.pop(root)
        assert got == expected
        for target in ids[5:12]:
            r = orgnet.must_pass(g, root, target)
            if target not in expected:
                assert r.status == "unreachable" and len(r.people) == 0
                continue
            chain = []
            x = expected[target]
            while x != root:
                chain.append(x)
                x = expected[x]
            assert [ids[v] for v in r.people] == chain[::-1]


# ---- minimum cuts ------------------------------------------------------------------

def separates(h: nx.DiGraph, sources, targets, people=(), edges=()) -> bool:
    w = h.copy()
    w.remove_nodes_from(people)
    w.remove_edges_from(edges)
    return not any(nx.has_path(w, s, t) for s in sources for t in targets if s in w and t in w)


@pytest.mark.parametrize("seed", [7, 8, 9, 10])
def test_minimum_cuts_match_networkx_between_people(seed):
    g, h = random_case(seed, n=30, m=90)
    ids = g.ids()
    for s, t in [(ids[0], ids[1]), (ids[2], ids[9]), (ids[5], ids[20])]:
        e = orgnet.minimum_edge_cut(g, s, t)
        assert e.status == "ok"
        assert e.value == pytest.approx(nx.minimum_cut_value(h, s, t, capacity="strength"), rel=1e-12, abs=1e-12)
        cut = [(ids[g.edge_sources()[k]], ids[g.out_targets()[k]]) for k in e.edges]
        assert separates(h, [s], [t], edges=cut)
        v = orgnet.minimum_vertex_cut(g, s, t)
        if h.has_edge(s, t):
            assert v.status == "adjacent"
            continue
        assert v.status == "ok"
        assert len(v.people) == len(nx.minimum_node_cut(h, s, t)) if nx.has_path(h, s, t) else len(v.people) == 0
        assert separates(h, [s], [t], people=[ids[k] for k in v.people])


def test_minimum_cuts_between_departments(datasets):
    g = datasets["krackhardt"]
    h = weighted_digraph("krackhardt")
    names = g.department_names()
    members = {d: [p for p, x in zip(g.ids(), g.departments().tolist()) if x == i] for i, d in enumerate(names)}
    a, b = names[0], names[1]
    # networkx oracle: super-source and super-sink with unbounded capacity.
    w = h.copy()
    for p in members[a]:
        w.add_edge("__s", p)
    for p in members[b]:
        w.add_edge(p, "__t")
    e = orgnet.minimum_edge_cut(g, members[a], members[b])
    assert e.value == pytest.approx(nx.minimum_cut_value(w, "__s", "__t", capacity="strength"), rel=1e-12)
    v = orgnet.minimum_vertex_cut(g, members[a], members[b])
    if v.status == "ok":
        people = [g.ids()[k] for k in v.people]
        assert not set(people) & (set(members[a]) | set(members[b]))
        assert separates(h, members[a], members[b], people=people)
    else:
        assert v.status == "adjacent"
        assert any(h.has_edge(x, y) for x in members[a] for y in members[b])
    assert orgnet.minimum_edge_cut(g, members[a], members[a][:1]).status == "overlap"


# ---- key players and removal impact ----------------------------------------------

def nx_fragmentation(u: nx.Graph, removed) -> float:
    w = u.copy()
    w.remove_nodes_from(removed)
    n = w.number_of_nodes()
    pairs = sum(len(c) * (len(c) - 1) for c in nx.connected_components(w))
    return 1 - pairs / (n * (n - 1))


def nx_distance_fragmentation(u: nx.Graph, removed) -> float:
    w = u.copy()
    w.remove_nodes_from(removed)
    n = w.number_of_nodes()
    total = sum(1 / d for s, dist in nx.all_pairs_shortest_path_length(w) for t, d in dist.items() if t != s)
    return 1 - total / (n * (n - 1))


def test_key_players_and_fragmentation_match_networkx(krackhardt):
    u = influence_digraph("krackhardt").to_undirected()
    ids = krackhardt.ids()
    for objective, oracle in [("fragmentation", nx_fragmentation), ("distance_fragmentation", nx_distance_fragmentation)]:
        r = orgnet.key_players(krackhardt, k=2, objective=objective)
        chosen = [ids[v] for v in r.people]
        value = r.fragmentation if objective == "fragmentation" else r.distance_fragmentation
        assert value == pytest.approx(oracle(u, chosen), abs=1e-12)
        assert orgnet.fragmentation(krackhardt, chosen, objective) == pytest.approx(oracle(u, chosen), abs=1e-12)
    # The whole uk_faculty graph, a brute-force check of k = 1 (a single
    # greedy step is exact).
    g = orgnet.load_dataset("uk_faculty")
    uu = influence_digraph("uk_faculty").to_undirected()
    r = orgnet.key_players(g, k=1)
    best = max(nx_fragmentation(uu, [p]) for p in uu)
    assert r.fragmentation == pytest.approx(best, abs=1e-12)


def test_removal_impact_matches_networkx(krackhardt):
    h = influence_digraph("krackhardt")
    ids = krackhardt.ids()
    person = ids[orgnet.overload(krackhardt).ranking[0]]
    r = orgnet.removal_impact(krackhardt, person)

    def reach(graph, skip):
        return sum(len(nx.descendants(graph, a) - {skip}) for a in graph if a != skip)

    w = h.copy()
    w.remove_node(person)
    assert r.reach_before == reach(h, person)
    assert r.reach_after == reach(w, person)
    assert r.reaches == len(nx.descendants(h, person))
    assert r.reached_by == len(nx.ancestors(h, person))
    assert r.fragmentation_after == pytest.approx(nx_fragmentation(h.to_undirected(), [person]), abs=1e-12)


# ---- overload ----------------------------------------------------------------------

def test_overload_matches_advice_strengths_and_betweenness(krackhardt):
    nodes, edges = read_raw("krackhardt")
    # Load: the merged strength of every influence edge an advice tie fed
    # (advice runs asker -> adviser, influence adviser -> asker).
    strength = edge_strengths(edges)
    advice = edges[(edges.relation == "advice") & (edges.source != edges.target)]
    fed = {(t, s) for s, t in zip(advice.source, advice.target)}
    load = {p: 0.0 for p in nodes.id}
    for (u, v) in fed:
        load[u] += strength[(u, v)]
    # Hops, so that equal-length chains tie exactly in both libraries.
    r = orgnet.overload(krackhardt, distance="hops")
    ids = krackhardt.ids()
    np.testing.assert_allclose(r.load, [load[p] for p in ids], rtol=1e-12)
    positive = sorted(x for x in load.values() if x > 0)
    assert r.median_load == pytest.approx(float(np.median(positive)), rel=1e-12)
    bc = nx.betweenness_centrality(influence_digraph("krackhardt"))
    np.testing.assert_allclose(r.chain_share, [bc[p] for p in ids], rtol=1e-9, atol=1e-12)
    assert list(r.ranking) == sorted(range(len(ids)), key=lambda v: (-r.score[v], v))
    with pytest.raises(ValueError, match="unknown relation"):
        orgnet.overload(krackhardt, relations=["gossip"])


# ---- degenerate graphs and errors ---------------------------------------------------

def test_degenerate_graphs():
    empty = orgnet.from_arrays([], [])
    assert len(orgnet.cut_points(empty).cut_off) == 0
    assert len(orgnet.structural_holes(empty).constraint) == 0
    assert orgnet.brokerage(empty).observed.shape == (0, 6)
    assert orgnet.key_players(empty, k=0).people.size == 0
    one = orgnet.from_arrays([], [], people={"id": ["solo"]})
    holes = orgnet.structural_holes(one)
    assert math.isnan(holes.constraint[0]) and math.isnan(holes.hierarchy[0])
    assert orgnet.cut_points(one).cut_off.tolist() == [0]
    assert orgnet.dominator_tree(one, "solo").immediate_dominator.tolist() == [-1]
    assert orgnet.must_pass(one, "solo", "solo").status == "same_person"
    assert math.isnan(orgnet.key_players(one, k=1).fragmentation)
    with pytest.raises(IndexError):
        orgnet.dominator_tree(one, "nobody")
    with pytest.raises(ValueError):
        orgnet.key_players(one, k=2)
    with pytest.raises(ValueError):
        orgnet.key_players(one, k=1, objective="nonsense")
    with pytest.raises(ValueError):
        orgnet.minimum_edge_cut(one, [], "solo")


def test_bottleneck_table_collects_every_figure(krackhardt):
    frame = orgnet.bottleneck_table(krackhardt)
    assert list(frame.index) == krackhardt.ids()
    holes = orgnet.structural_holes(krackhardt)
    np.testing.assert_array_equal(frame["constraint"].to_numpy(), holes.constraint)
    brokers = orgnet.brokerage(krackhardt)
    np.testing.assert_array_equal(frame["gatekeeper"].to_numpy(), brokers.observed[:, 3])
    np.testing.assert_array_equal(frame["total_z"].to_numpy(), brokers.z[:, 5])
    assert frame["overload"].to_numpy().tolist() == orgnet.overload(krackhardt).score.tolist()
    for column in ["department", "cut_off", "pieces", "contacts", "effective_size", "efficiency", "hierarchy",
                   "coordinator", "itinerant", "representative", "liaison", "load", "load_ratio", "chain_share"]:
        assert column in frame.columns
