"""Communities and partition agreement against NetworkX and reference formulas.

Oracles: networkx.community.modularity (undirected on the summed view,
directed on the influence DiGraph), networkx.community.louvain_communities for
the modularity Louvain should reach, planted partitions from networkx's
generators, and NMI/ARI written out below from their definitions (sklearn is
not installed)."""

from __future__ import annotations

import math
from collections import Counter

import networkx as nx
import numpy as np
import pytest

import orgnet

DATASETS = ["krackhardt", "lazega", "uk_faculty", "email_eu_core", "enron"]


def directed_view(g: orgnet.InfluenceGraph) -> nx.DiGraph:
    """The influence DiGraph with strengths as weights."""
    edges = g.edges_frame()
    d = nx.DiGraph()
    d.add_nodes_from(g.ids())
    d.add_weighted_edges_from(zip(edges.source, edges.target, edges.strength))
    return d


def undirected_view(g: orgnet.InfluenceGraph) -> nx.Graph:
    """The undirected view: weight of {u, v} = s(u, v) + s(v, u)."""
    u = nx.Graph()
    u.add_nodes_from(g.ids())
    edges = g.edges_frame()
    for a, b, s in zip(edges.source, edges.target, edges.strength):
        if u.has_edge(a, b):
            u[a][b]["weight"] += s
        else:
            u.add_edge(a, b, weight=s)
    return u


def sets_of(g: orgnet.InfluenceGraph, labels) -> list[set[str]]:
    groups: dict[int, set[str]] = {}
    for person, label in zip(g.ids(), labels):
        groups.setdefault(int(label), set()).add(person)
    return list(groups.values())


def labels_of(g: orgnet.InfluenceGraph, sets) -> np.ndarray:
    index = {p: i for i, p in enumerate(g.ids())}
    out = np.zeros(g.num_vertices, dtype=np.int64)
    for k, members in enumerate(sets):
        for p in members:
            out[index[p]] = k
    return out


def exact_graph(nx_graph: nx.DiGraph, weight: float = 1.0) -> orgnet.InfluenceGraph:
    """An orgnet graph whose influence edges are exactly nx_graph's edges, strength `weight`."""
    d = nx.DiGraph()
    d.add_nodes_from(nx_graph.nodes)
    d.add_edges_from(nx_graph.edges, weight=weight, relation="tie")
    return orgnet.from_networkx(d, relation_map={"tie": ("source_to_target", "as_is")})


# ---- reference NMI and ARI, written from the definitions ---------------------------


def reference_nmi(a, b) -> float:
    n = len(a)
    if n == 0:
        return 1.0
    ca, cb, cab = Counter(a), Counter(b), Counter(zip(a, b))
    if len(ca) == 1 and len(cb) == 1:
        return 1.0
    mi = sum(c / n * math.log(n * c / (ca[x] * cb[y])) for (x, y), c in cab.items())
    ha = -sum(c / n * math.log(c / n) for c in ca.values())
    hb = -sum(c / n * math.log(c / n) for c in cb.values())
    if mi <= 0:
        return 0.0
    return mi / ((ha + hb) / 2)


def reference_ari(a, b) -> float:
    n = len(a)
    comb = lambda x: x * (x - 1) / 2  # noqa: E731
    ca, cb, cab = Counter(a), Counter(b), Counter(zip(a, b))
    index = sum(comb(c) for c in cab.values())
    sa, sb = sum(comb(c) for c in ca.values()), sum(comb(c) for c in cb.values())
    expected = sa * sb / comb(n) if n > 1 else 0.0
    denominator = (sa + sb) / 2 - expected
    return 1.0 if denominator == 0 else (index - expected) / denominator


# ---- modularity ---------------------------------------------------------------------


@pytest.mark.parametrize("name", DATASETS)
def test_modularity_equals_networkx(name):
    g = orgnet.load_dataset(name)
    rng = np.random.default_rng(5)
    departments = np.where(g.departments() >= 0, g.departments(), 10_000)
    partitions = [departments, rng.integers(0, 4, g.num_vertices), np.arange(g.num_vertices),
                  np.zeros(g.num_vertices, dtype=np.int64)]
    d, u = directed_view(g), undirected_view(g)
    for labels in partitions:
        sets = sets_of(g, labels)
        for resolution in (1.0, 0.5, 2.0):
            expected_u = nx.community.modularity(u, sets, weight="weight", resolution=resolution)
            expected_d = nx.community.modularity(d, sets, weight="weight", resolution=resolution)
            assert orgnet.modularity(g, labels, resolution=resolution) == pytest.approx(expected_u, abs=1e-9)
            assert orgnet.modularity(g, labels, kind="directed", resolution=resolution) == pytest.approx(
                expected_d, abs=1e-9)
    # Unweighted: every influence edge 1 (a reciprocated pair weighs 2 undirected).
    dd = nx.DiGraph(d.edges)
    dd.add_nodes_from(d.nodes)
    sets = sets_of(g, departments)
    assert orgnet.modularity(g, departments, kind=orgnet.ModularityKind.directed, weighted=False) == pytest.approx(
        nx.community.modularity(dd, sets), abs=1e-9)


def test_modularity_rejects_bad_input():
    g = orgnet.load_dataset("krackhardt")
    with pytest.raises(ValueError, match="labels"):
        orgnet.modularity(g, [0, 1])
    with pytest.raises(ValueError, match="non-negative"):
        orgnet.modularity(g, [-1] * g.num_vertices)
    with pytest.raises(ValueError, match="resolution"):
        orgnet.modularity(g, [0] * g.num_vertices, resolution=0)
    with pytest.raises(ValueError, match="expected undirected or directed"):
        orgnet.modularity(g, [0] * g.num_vertices, kind="sideways")


# ---- Louvain and Leiden -------------------------------------------------------------


@pytest.mark.parametrize("name", DATASETS)
@pytest.mark.parametrize("algorithm", ["louvain", "leiden"])
def test_reaches_networkx_louvain_modularity(name, algorithm):
    g = orgnet.load_dataset(name)
    d, u = directed_view(g), undirected_view(g)
    for kind, view in (("undirected", u), ("directed", d)):
        theirs = nx.community.louvain_communities(view, weight="weight", seed=1)
        q_theirs = nx.community.modularity(view, theirs, weight="weight")
        ours = orgnet.communities(g, algorithm=algorithm, kind=kind, seed=1)
        assert ours.modularity >= q_theirs - 0.005, (kind, ours.modularity, q_theirs)
        # The reported modularity is NetworkX's modularity of the communities returned.
        assert ours.modularity == pytest.approx(
            nx.community.modularity(view, sets_of(g, ours.community), weight="weight"), abs=1e-9)
        assert ours.sizes.sum() == g.num_vertices
        assert ours.count() == len(set(ours.community.tolist()))


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("algorithm", ["louvain", "leiden"])
def test_recovers_planted_partitions(seed, algorithm):
    # Easy regime: 4 groups of 40, p_in 0.3, p_out 0.01 (directed).
    planted = nx.planted_partition_graph(4, 40, 0.3, 0.01, seed=seed, directed=True)
    g = exact_graph(planted)
    truth = np.arange(160) // 40  # nodes 0..159, groups of 40 in order
    for kind, view in (("undirected", undirected_view(g)), ("directed", directed_view(g))):
        ours = orgnet.communities(g, algorithm=algorithm, kind=kind, seed=seed)
        assert reference_nmi(truth.tolist(), ours.community.tolist()) >= 0.95
        theirs = nx.community.louvain_communities(view, weight="weight", seed=seed)
        assert ours.modularity >= nx.community.modularity(view, theirs, weight="weight") - 0.005


def test_random_partition_graph_with_unequal_groups():
    sizes = [15, 30, 45, 60]
    planted = nx.random_partition_graph(sizes, 0.35, 0.01, seed=7, directed=True)
    g = exact_graph(planted, weight=0.5)
    truth = np.repeat(np.arange(len(sizes)), sizes)
    for algorithm in ("louvain", "leiden"):
        ours = orgnet.communities(g, algorithm=algorithm, seed=4)
        assert reference_nmi(truth.tolist(), ours.community.tolist()) >= 0.95
        agreement = orgnet.partition_agreement(g, truth, ours)
        assert agreement.nmi == pytest.approx(reference_nmi(truth.tolist(), ours.community.tolist()), abs=1e-12)


def test_seeded_results_repeat_and_accept_enums():
    g = orgnet.load_dataset("email_eu_core")
    for algorithm in (orgnet.CommunityAlgorithm.louvain, "leiden"):
        a = orgnet.communities(g, algorithm=algorithm, seed=11)
        b = orgnet.communities(g, algorithm=algorithm, seed=11)
        assert np.array_equal(a.community, b.community)
        assert a.modularity == b.modularity
        assert a.seed == 11
    assert orgnet.communities(g, algorithm="leiden").algorithm == orgnet.CommunityAlgorithm.leiden
    with pytest.raises(ValueError, match="louvain or leiden"):
        orgnet.communities(g, algorithm="infomap")
    with pytest.raises(TypeError):
        orgnet.communities(g, algorithm=3.5)
    assert "communities" in repr(a)


def test_leiden_communities_are_connected():
    g = orgnet.load_dataset("email_eu_core")
    u = undirected_view(g)
    result = orgnet.communities(g, algorithm="leiden", seed=3)
    for members in sets_of(g, result.community):
        assert nx.is_connected(u.subgraph(members))


def test_resolution_changes_granularity():
    g = orgnet.load_dataset("email_eu_core")
    assert orgnet.communities(g, resolution=0.3).count() < orgnet.communities(g, resolution=3.0).count()


def test_degenerate_graphs():
    empty = orgnet.from_networkx(nx.DiGraph())
    assert orgnet.communities(empty).count() == 0
    assert orgnet.modularity(empty, []) == 0.0
    lonely = nx.DiGraph()
    lonely.add_nodes_from(["a", "b"])
    result = orgnet.communities(orgnet.from_networkx(lonely), algorithm="leiden")
    assert result.community.tolist() == [0, 1] and result.modularity == 0.0


# ---- NMI, ARI, contingency ----------------------------------------------------------


def test_nmi_ari_hand_worked():
    # a = [0 0 0 1 1 1], b = [0 0 1 1 2 2]: ARI = 0.8 / 3.3 and
    # NMI = (2/3) ln 2 / ((ln 2 + ln 3) / 2)  (see tests/cpp/structure/test_communities.cpp).
    g = orgnet.from_networkx(nx.path_graph(6, create_using=nx.DiGraph))
    r = orgnet.partition_agreement(g, [0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2], min_size=2)
    assert r.ari == pytest.approx(0.8 / 3.3, abs=1e-15)
    assert r.nmi == pytest.approx((4 / 3) * math.log(2) / math.log(6), abs=1e-15)
    assert r.counts.tolist() == [[2, 1, 0], [0, 1, 2]]
    assert r.splits == [{"group": "0", "size": 3, "parts": [("0", 2), ("1", 1)]},
                        {"group": "1", "size": 3, "parts": [("2", 2), ("1", 1)]}]
    assert r.merges == [{"group": "1", "size": 2, "parts": [("0", 1), ("1", 1)]}]
    assert orgnet.partition_agreement(g, [0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]).merges == []
    frame = orgnet.contingency_frame(r)
    assert frame.loc["1", "2"] == 2


@pytest.mark.parametrize("seed", range(6))
def test_nmi_ari_equal_reference_on_random_labelings(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 300))
    a = rng.integers(0, int(rng.integers(1, 8)), n)
    b = rng.integers(0, int(rng.integers(1, 12)), n)
    g = orgnet.from_networkx(nx.empty_graph(n, create_using=nx.DiGraph))
    r = orgnet.partition_agreement(g, a, b)
    assert r.nmi == pytest.approx(reference_nmi(a.tolist(), b.tolist()), abs=1e-12)
    assert r.ari == pytest.approx(reference_ari(a.tolist(), b.tolist()), abs=1e-12)
    # Symmetric, and string labels give the same figures.
    s = orgnet.partition_agreement(g, [f"x{v}" for v in b], a)
    assert s.nmi == pytest.approx(r.nmi, abs=1e-12) and s.ari == pytest.approx(r.ari, abs=1e-12)


def test_groupings_from_graph_attributes_and_series():
    g = orgnet.load_dataset("lazega")
    result = orgnet.communities(g, seed=1)
    by_office = orgnet.partition_agreement(g, "departments", result)
    people = g.people_frame()
    offices = people["department"]
    by_series = orgnet.partition_agreement(g, offices.sample(frac=1.0, random_state=1), result.community)
    assert by_series.nmi == pytest.approx(by_office.nmi, abs=1e-12)
    practice = orgnet.partition_agreement(g, "practice_label", result)
    assert practice.a_names == ["litigation", "corporate"]
    assert practice.nmi == pytest.approx(
        reference_nmi(people["practice_label"].tolist(), result.community.tolist()), abs=1e-12)
    frame = orgnet.communities_frame(g, result)
    assert frame.community.tolist() == result.community.tolist()
    # Krackhardt's CEO has no department: left out of the comparison.
    k = orgnet.load_dataset("krackhardt")
    assert orgnet.partition_agreement(k, "departments", orgnet.communities(k)).compared == k.num_vertices - 1
    with pytest.raises(IndexError):
        orgnet.partition_agreement(g, "no such attribute", result)
    with pytest.raises(ValueError, match="labels"):
        orgnet.partition_agreement(g, [0, 1], result)
    with pytest.raises(ValueError, match="min_share"):
        orgnet.partition_agreement(g, "departments", result, min_share=0.9)


@pytest.mark.parametrize("algorithm", ["louvain", "leiden"])
def test_recovers_lfr_communities(algorithm):
    # Seeded LFR benchmark in the easy regime (mixing 0.1, 10 communities of 30-80).
    lfr = nx.LFR_benchmark_graph(500, 2.5, 1.5, 0.1, average_degree=15, max_degree=40, min_community=30,
                                 max_community=80, seed=10)
    both = nx.DiGraph(lfr)  # each undirected edge becomes two influence edges
    g = exact_graph(both)
    index = {v: k for k, c in enumerate({frozenset(lfr.nodes[v]["community"]) for v in lfr}) for v in c}
    truth = [index[int(p)] for p in g.ids()]
    ours = orgnet.communities(g, algorithm=algorithm, seed=2)
    assert reference_nmi(truth, ours.community.tolist()) >= 0.95
    view = undirected_view(g)
    theirs = nx.community.louvain_communities(view, weight="weight", seed=2)
    assert ours.modularity >= nx.community.modularity(view, theirs, weight="weight") - 0.005
