"""Closeness, harmonic closeness and betweenness against NetworkX (and igraph).

NetworkX is the oracle on every bundled dataset, to a relative error of 1e-9.
How the distances are handed to it:

* hops: ``weight=None`` / ``distance=None``;
* 1/s: an edge attribute "inverse" = 1 / strength (all lengths >= 1);
* -ln s: the "distance" attribute of ``to_networkx(g, kind="influence")``.
  Closeness and harmonic closeness use it as is. Betweenness needs care where
  a tie has strength 1 (length 0): NetworkX's Brandes then adds path counts to
  people it has already accumulated, and its result depends on loop order
  (see betweenness.hpp). orgnet counts, among chains of equal length, those
  with the fewest zero-length steps. The oracle for that rule is NetworkX's
  own algorithm run with lengths that are pairs (length, zero-length steps)
  compared lexicographically (``Key`` below); on graphs without strength-1
  ties plain ``weight="distance"`` is compared too.

email_eu_core is large for NetworkX (its weighted betweenness and closeness
take tens of seconds), so there NetworkX checks the unweighted measures and
igraph the weighted ones. igraph's conventions differ: betweenness and edge
betweenness are the raw sums (orgnet's normalized=False); closeness is
r / D over the reachable people (orgnet's wf_improved=False), NaN where
nobody is reachable (orgnet 0); harmonic_centrality(normalized=True)
divides by n - 1 (orgnet's normalized=True); igraph refuses zero lengths,
so it only sees 1/s; and igraph treats path lengths within a relative 1e-10
of each other as tied, where orgnet and NetworkX compare them exactly, so
its weighted betweenness is compared on email_eu_core's ties with strengths
1, 1/2, 1/4, 1/8, whose lengths under 1/s add up exactly.

Every oracle result is computed once per module (functools.cache).
"""

from __future__ import annotations

import functools
import math

import igraph as ig
import networkx as nx
import numpy as np
import pytest

import orgnet
from oracles import DATASETS, Key

RTOL = 1e-9
SMALL = ["krackhardt", "lazega", "uk_faculty", "enron"]


# ---- graphs and conversions -------------------------------------------------------------


@functools.cache
def graph(name: str) -> orgnet.InfluenceGraph:
    return orgnet.load_dataset(name)


def edge_list(g: orgnet.InfluenceGraph) -> tuple[np.ndarray, np.ndarray]:
    """Source and target of every edge, by edge id."""
    sources = np.repeat(np.arange(g.num_vertices), np.diff(g.out_offsets()))
    return sources, g.out_targets()


def nx_of(g: orgnet.InfluenceGraph):
    """The influence DiGraph with lengths "distance" (-ln s), "inverse" (1/s)
    and "key" (-ln s with zero-length steps counted)."""
    G = orgnet.to_networkx(g, kind="influence")
    for _, _, data in G.edges(data=True):
        data["inverse"] = 1.0 / data["strength"]
        data["key"] = Key(data["distance"], 1 if data["distance"] == 0.0 else 0)
    return G


@functools.cache
def nx_graph(name: str):
    return nx_of(graph(name))


def ig_of(g: orgnet.InfluenceGraph) -> ig.Graph:
    sources, targets = edge_list(g)
    return ig.Graph(n=g.num_vertices, edges=list(zip(sources.tolist(), targets.tolist())), directed=True)


def by_vertex(g: orgnet.InfluenceGraph, values: dict) -> np.ndarray:
    return np.array([values[person] for person in g.ids()], dtype=float)


def by_edge(g: orgnet.InfluenceGraph, values: dict) -> np.ndarray:
    ids = g.ids()
    sources, targets = edge_list(g)
    return np.array([values[(ids[u], ids[v])] for u, v in zip(sources.tolist(), targets.tolist())], dtype=float)


def assert_close(actual, expected, rtol=RTOL):
    np.testing.assert_allclose(actual, expected, rtol=rtol, atol=1e-15)


# NetworkX's weight argument for each orgnet distance.
NX_WEIGHT = {"hops": None, "inverse": "inverse", "neg_log": "distance"}
NX_BETWEENNESS_WEIGHT = {"hops": None, "inverse": "inverse", "neg_log": "key"}


# ---- NetworkX oracles, once per module --------------------------------------------------


@functools.cache
def nx_betweenness(name, distance, normalized, endpoints):
    return nx.betweenness_centrality(nx_graph(name), normalized=normalized, endpoints=endpoints,
                                     weight=NX_BETWEENNESS_WEIGHT[distance])


@functools.cache
def nx_edge_betweenness(name, distance, normalized):
    return nx.edge_betweenness_centrality(nx_graph(name), normalized=normalized,
                                          weight=NX_BETWEENNESS_WEIGHT[distance])


@functools.cache
def nx_closeness(name, distance, direction, wf_improved):
    G = nx_graph(name) if direction == "incoming" else nx_graph(name).reverse()
    return nx.closeness_centrality(G, distance=NX_WEIGHT[distance], wf_improved=wf_improved)


@functools.cache
def nx_harmonic(name, distance, direction):
    G = nx_graph(name) if direction == "incoming" else nx_graph(name).reverse()
    return nx.harmonic_centrality(G, distance=NX_WEIGHT[distance])


# ---- every small dataset, every option --------------------------------------------------

DISTANCES = ["hops", "neg_log", "inverse"]


# NetworkX with pairs as lengths (neg_log) is slow: the raw sums are checked
# on the two smaller datasets, the normalized scores on all four.
NAME_NORMALIZED = [(name, True) for name in SMALL] + [("krackhardt", False), ("lazega", False)]


@pytest.mark.parametrize(("name", "normalized"), NAME_NORMALIZED)
@pytest.mark.parametrize("distance", DISTANCES)
@pytest.mark.parametrize("endpoints", [False, True])
def test_betweenness_matches_networkx(name, distance, normalized, endpoints):
    g = graph(name)
    actual = orgnet.betweenness(g, distance=distance, normalized=normalized, endpoints=endpoints).score
    assert_close(actual, by_vertex(g, nx_betweenness(name, distance, normalized, endpoints)))


@pytest.mark.parametrize(("name", "normalized"), NAME_NORMALIZED)
@pytest.mark.parametrize("distance", DISTANCES)
def test_edge_betweenness_matches_networkx(name, distance, normalized):
    g = graph(name)
    actual = orgnet.edge_betweenness(g, distance=distance, normalized=normalized).score
    assert actual.shape == (g.num_edges,)
    assert_close(actual, by_edge(g, nx_edge_betweenness(name, distance, normalized)))


@pytest.mark.parametrize("name", SMALL)
@pytest.mark.parametrize("distance", DISTANCES)
@pytest.mark.parametrize("direction", ["incoming", "outgoing"])
@pytest.mark.parametrize("wf_improved", [True, False])
def test_closeness_matches_networkx(name, distance, direction, wf_improved):
    g = graph(name)
    result = orgnet.closeness(g, distance=distance, direction=direction, wf_improved=wf_improved)
    assert_close(result.score, by_vertex(g, nx_closeness(name, distance, direction, wf_improved)))


@pytest.mark.parametrize("name", SMALL)
@pytest.mark.parametrize("distance", DISTANCES)
@pytest.mark.parametrize("direction", ["incoming", "outgoing"])
def test_harmonic_matches_networkx(name, distance, direction):
    g = graph(name)
    actual = orgnet.harmonic_closeness(g, distance=distance, direction=direction).score
    expected = by_vertex(g, nx_harmonic(name, distance, direction))
    assert_close(actual, expected)
    normalized = orgnet.harmonic_closeness(g, distance=distance, direction=direction, normalized=True).score
    assert_close(normalized, expected / (g.num_vertices - 1))


def test_defaults_are_neg_log_incoming_normalized():
    g = graph("lazega")
    assert_close(orgnet.betweenness(g).score, by_vertex(g, nx_betweenness("lazega", "neg_log", True, False)))
    assert_close(orgnet.closeness(g).score, by_vertex(g, nx_closeness("lazega", "neg_log", "incoming", True)))
    assert_close(orgnet.harmonic_closeness(g).score, by_vertex(g, nx_harmonic("lazega", "neg_log", "incoming")))
    assert_close(orgnet.edge_betweenness(g).score, by_edge(g, nx_edge_betweenness("lazega", "neg_log", True)))


def test_reached_counts_the_connected_people():
    g = graph("krackhardt")
    G = nx_graph("krackhardt")
    result = orgnet.closeness(g, direction="incoming")
    expected = [len(nx.ancestors(G, person)) for person in g.ids()]
    np.testing.assert_array_equal(result.reached, expected)
    out = orgnet.closeness(g, direction=orgnet.PathDirection.outgoing)
    np.testing.assert_array_equal(out.reached, [len(nx.descendants(G, person)) for person in g.ids()])


# ---- email_eu_core: NetworkX unweighted, igraph weighted --------------------------------


@functools.cache
def email():
    g = graph("email_eu_core")
    return g, ig_of(g), (1.0 / g.strengths()).tolist()


def test_email_eu_core_unweighted_matches_networkx():
    g = graph("email_eu_core")
    G = nx_graph("email_eu_core")
    assert_close(orgnet.betweenness(g, distance="hops").score, by_vertex(g, nx.betweenness_centrality(G)))
    assert_close(orgnet.closeness(g, distance="hops").score, by_vertex(g, nx.closeness_centrality(G)))
    assert_close(orgnet.harmonic_closeness(g, distance="hops").score, by_vertex(g, nx.harmonic_centrality(G)))


@functools.cache
def dyadic_email():
    """email_eu_core's influence edges with strengths 1, 1/2, 1/4 or 1/8."""
    g = graph("email_eu_core")
    sources, targets = edge_list(g)
    strengths = 0.5 ** (np.arange(g.num_edges) % 4)
    people = {"id": g.ids()}
    dyadic = orgnet.from_arrays(sources, targets, strengths, people=people,
                                relation_map={"tie": "source_to_target,as_is"})
    return dyadic, ig_of(dyadic), (1.0 / dyadic.strengths()).tolist()


def test_email_eu_core_weighted_betweenness_matches_igraph():
    g, G, inverse = dyadic_email()
    assert_close(orgnet.betweenness(g, distance="inverse", normalized=False).score,
                 G.betweenness(directed=True, weights=inverse))
    assert_close(orgnet.edge_betweenness(g, distance="inverse", normalized=False).score,
                 G.edge_betweenness(directed=True, weights=inverse))


@pytest.mark.parametrize("distance", ["hops", "inverse"])
def test_email_eu_core_matches_igraph(distance):
    g, G, inverse = email()
    weights = None if distance == "hops" else inverse
    if distance == "hops":
        raw = orgnet.betweenness(g, distance=distance, normalized=False).score
        assert_close(raw, G.betweenness(directed=True, weights=weights))
        edges = orgnet.edge_betweenness(g, distance=distance, normalized=False).score
        assert_close(edges, G.edge_betweenness(directed=True, weights=weights))
    for direction, mode in [("incoming", "in"), ("outgoing", "out")]:
        closeness = orgnet.closeness(g, distance=distance, direction=direction, wf_improved=False).score
        expected = np.nan_to_num(np.array(G.closeness(mode=mode, weights=weights)), nan=0.0)
        assert_close(closeness, expected)
        harmonic = orgnet.harmonic_closeness(g, distance=distance, direction=direction, normalized=True).score
        assert_close(harmonic, G.harmonic_centrality(mode=mode, weights=weights, normalized=True))


def test_email_eu_core_neg_log_closeness_matches_networkx_per_person():
    # NetworkX's weighted closeness of the whole graph takes ~10 s: check every
    # 167th person (closeness_centrality(u=...) runs one search). Harmonic
    # closeness of one person, the way networkx.harmonic_centrality defines
    # it (1/d from every source), from one search on the reversed graph.
    g = graph("email_eu_core")
    G = nx_graph("email_eu_core")
    R = G.reverse()
    score = orgnet.closeness(g).score
    harmonic = orgnet.harmonic_closeness(g).score
    for v in range(0, g.num_vertices, 167):
        person = g.ids()[v]
        assert math.isclose(score[v], nx.closeness_centrality(G, u=person, distance="distance"), rel_tol=RTOL)
        lengths = nx.single_source_dijkstra_path_length(R, person, weight="distance")
        expected = sum(1 / d for d in lengths.values() if d > 0)
        assert math.isclose(harmonic[v], expected, rel_tol=RTOL)


# ---- seeded random graphs ---------------------------------------------------------------


def random_graph(seed: int, n: int = 60, m: int = 240, with_certain_ties: bool = True) -> orgnet.InfluenceGraph:
    """Random directed ties with strengths in (0, 1]; with_certain_ties adds
    some of strength exactly 1 (length 0 under -ln s)."""
    rng = np.random.default_rng(seed)
    pairs = set()
    while len(pairs) < m:
        u, v = (int(x) for x in rng.integers(0, n, size=2))
        if u != v:
            pairs.add((u, v))
    pairs = sorted(pairs)
    strengths = rng.uniform(0.05, 0.95, size=len(pairs))
    if with_certain_ties:
        strengths[rng.random(len(pairs)) < 0.1] = 1.0
    people = {"id": [str(i) for i in range(n)]}
    return orgnet.from_arrays([u for u, _ in pairs], [v for _, v in pairs], strengths, people=people,
                              relation_map={"tie": "source_to_target,as_is"})


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_graphs_match_networkx(seed):
    g = random_graph(seed)
    assert (g.strengths() == 1.0).any()
    G = nx_of(g)
    for distance in DISTANCES:
        weight = NX_BETWEENNESS_WEIGHT[distance]
        assert_close(orgnet.betweenness(g, distance=distance).score,
                     by_vertex(g, nx.betweenness_centrality(G, weight=weight)))
        assert_close(orgnet.edge_betweenness(g, distance=distance).score,
                     by_edge(g, nx.edge_betweenness_centrality(G, weight=weight)))
        assert_close(orgnet.closeness(g, distance=distance).score,
                     by_vertex(g, nx.closeness_centrality(G, distance=NX_WEIGHT[distance])))
        assert_close(orgnet.harmonic_closeness(g, distance=distance, direction="outgoing").score,
                     by_vertex(g, nx.harmonic_centrality(G.reverse(), distance=NX_WEIGHT[distance])))


@pytest.mark.parametrize("seed", [4, 5])
def test_without_certain_ties_plain_networkx_weights_agree(seed):
    g = random_graph(seed, with_certain_ties=False)
    assert (g.strengths() < 1.0).all()
    G = nx_of(g)
    assert_close(orgnet.betweenness(g).score, by_vertex(g, nx.betweenness_centrality(G, weight="distance")))
    assert_close(orgnet.edge_betweenness(g).score, by_edge(g, nx.edge_betweenness_centrality(G, weight="distance")))


def test_generated_company_matches_networkx():
    g = orgnet.generate_company(people=150, ties_per_person=6, seed=11)
    G = nx_of(g)
    assert_close(orgnet.betweenness(g).score, by_vertex(g, nx.betweenness_centrality(G, weight="key")))
    assert_close(orgnet.closeness(g, distance="hops").score, by_vertex(g, nx.closeness_centrality(G)))


# ---- degenerate graphs ------------------------------------------------------------------


def people_only(*ids):
    b = orgnet.GraphBuilder()
    for person in ids:
        b.add_person(person)
    return b.build()


def test_empty_graph():
    g = orgnet.InfluenceGraph()
    for result in (orgnet.betweenness(g), orgnet.edge_betweenness(g), orgnet.closeness(g),
                   orgnet.harmonic_closeness(g), orgnet.approximate_betweenness(g)):
        assert result.score.shape == (0,)
        assert result.score.dtype == np.float64
    assert orgnet.approximate_betweenness(g).samples == 0


@pytest.mark.parametrize("endpoints", [False, True])
@pytest.mark.parametrize("normalized", [False, True])
def test_tiny_graphs_match_networkx(endpoints, normalized):
    cases = [people_only("x"), people_only("a", "b", "c")]
    b = orgnet.GraphBuilder(relations={"tie": "source_to_target,as_is"}, create_missing=True)
    b.add_tie("a", "b", "tie", 0.5)
    cases.append(b.build())
    b = orgnet.GraphBuilder(relations={"tie": "source_to_target,as_is"}, create_missing=True)
    b.add_tie("a", "a", "tie", 0.5)  # a self-tie: no edge
    b.add_tie("b", "c", "tie", 0.5)
    cases.append(b.build())
    for g in cases:
        G = nx_of(g)
        assert_close(orgnet.betweenness(g, normalized=normalized, endpoints=endpoints).score,
                     by_vertex(g, nx.betweenness_centrality(G, normalized=normalized, endpoints=endpoints,
                                                            weight="distance")))
        assert_close(orgnet.closeness(g).score, by_vertex(g, nx.closeness_centrality(G, distance="distance")))
        assert_close(orgnet.harmonic_closeness(g).score, by_vertex(g, nx.harmonic_centrality(G, distance="distance")))
        if g.num_edges:
            assert_close(orgnet.edge_betweenness(g, normalized=normalized).score,
                         by_edge(g, nx.edge_betweenness_centrality(G, normalized=normalized, weight="distance")))


# ---- approximate betweenness ------------------------------------------------------------


@pytest.mark.parametrize("name", ["lazega", "uk_faculty"])
@pytest.mark.parametrize("distance", DISTANCES)
def test_approximate_within_epsilon(name, distance):
    g = graph(name)
    n = g.num_vertices
    result = orgnet.approximate_betweenness(g, epsilon=0.02, delta=0.1, seed=3, distance=distance)
    exact = orgnet.betweenness(g, distance=distance, normalized=False).score / (n * (n - 1))
    assert np.abs(result.score - exact).max() <= result.epsilon
    # The documented comparison with NetworkX's normalized scale.
    nx_scale = by_vertex(g, nx_betweenness(name, distance, True, False)) * (n - 2) / n
    assert np.abs(result.score - nx_scale).max() <= result.epsilon
    vc = math.floor(math.log2(result.vertex_diameter_bound - 2)) + 1
    assert result.samples == math.ceil(0.5 / 0.02**2 * (vc + math.log(1 / 0.1)))
    assert (result.epsilon, result.delta, result.seed) == (0.02, 0.1, 3)


def test_approximate_is_seeded_and_thread_independent():
    g = orgnet.generate_company(people=500, seed=2)
    a = orgnet.approximate_betweenness(g, epsilon=0.05, seed=9, threads=1)
    b = orgnet.approximate_betweenness(g, epsilon=0.05, seed=9, threads=2)
    c = orgnet.approximate_betweenness(g, epsilon=0.05, seed=10, threads=2)
    np.testing.assert_array_equal(a.score, b.score)
    assert not np.array_equal(a.score, c.score)
    assert "samples" in repr(a)


# ---- determinism, options, errors -------------------------------------------------------


def test_exact_results_are_bit_identical_for_any_thread_count():
    g = orgnet.generate_company(people=400, seed=6)
    for f in (orgnet.betweenness, orgnet.edge_betweenness, orgnet.closeness, orgnet.harmonic_closeness):
        one = f(g, threads=1).score
        two = f(g, threads=2).score
        np.testing.assert_array_equal(one.view(np.uint64), two.view(np.uint64))


def test_results_are_read_only_views():
    result = orgnet.betweenness(graph("krackhardt"))
    assert not result.score.flags.writeable
    with pytest.raises(ValueError):
        result.score[0] = 1.0


def test_keyword_defaults_are_the_cpp_defaults():
    assert "wf_improved: bool = True" in orgnet.closeness.__doc__
    assert "PathDirection.incoming" in orgnet.closeness.__doc__
    assert "DistanceTransform.neg_log" in orgnet.betweenness.__doc__
    assert "normalized: bool = True, endpoints: bool = False, threads: int = 0" in orgnet.betweenness.__doc__
    assert "normalized: bool = False" in orgnet.harmonic_closeness.__doc__
    doc = orgnet.approximate_betweenness.__doc__
    for fragment in ("epsilon: float = 0.01", "delta: float = 0.1", "seed: int = 42"):
        assert fragment in doc


def test_options_accept_enums_and_strings():
    g = graph("krackhardt")
    a = orgnet.closeness(g, distance=orgnet.DistanceTransform.hops, direction=orgnet.PathDirection.outgoing)
    b = orgnet.closeness(g, distance="hops", direction="outgoing")
    np.testing.assert_array_equal(a.score, b.score)


def test_errors():
    g = graph("krackhardt")
    with pytest.raises(ValueError, match="unknown path direction 'sideways'"):
        orgnet.closeness(g, direction="sideways")
    with pytest.raises(TypeError, match="direction: expected PathDirection or str"):
        orgnet.harmonic_closeness(g, direction=1)
    with pytest.raises(ValueError, match="epsilon must lie in"):
        orgnet.approximate_betweenness(g, epsilon=0.0)
    with pytest.raises(ValueError, match="delta must lie in"):
        orgnet.approximate_betweenness(g, delta=1.0)
    with pytest.raises(ValueError, match="threads must be >= 0"):
        orgnet.betweenness(g, threads=-1)
    with pytest.raises(ValueError):
        orgnet.edge_betweenness(g, distance="miles")
