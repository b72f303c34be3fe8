"""Degree, eigenvector, PageRank, Katz, HITS and k-cores against NetworkX (the
oracle) and igraph (a second oracle where its conventions allow).

Every comparison runs on every bundled dataset, weighted (orgnet reads the
strengths; NetworkX gets weight="strength") and unweighted, and on seeded
random directed graphs with random strengths. Both libraries iterate to a
tight tolerance so that the scores agree to a relative 1e-9.

Conventions that differ, checked below:
  * HITS: NetworkX and orgnet scale hubs and authorities to sum 1, igraph to
    maximum 1. NetworkX 2.8 reads the edge attribute "weight" for HITS.
  * eigenvector: igraph scales to maximum 1 (orgnet and NetworkX: unit
    Euclidean norm); on a graph without a directed cycle igraph returns zeros
    and NetworkX raises, orgnet reports converged=False.
  * PageRank: igraph 0.10 (PRPACK) sends the mass of dangling people by the
    reset vector, which is NetworkX's and orgnet's default
    (dangling="personalization"); orgnet also offers "uniform" and a vector.
"""

from __future__ import annotations

import functools

import igraph as ig
import networkx as nx
import numpy as np
import pytest

import orgnet
from oracles import DATASETS

WEIGHTS = [True, False]


# ---- helpers ------------------------------------------------------------------------------

def assert_close(actual, expected, rtol=1e-9):
    """Relative error <= rtol. Entries that are 0 in the limit (authorities of
    people nobody influences, eigenvector scores that decay geometrically)
    carry only rounding noise in the peers' answers, so an absolute slack of
    1e-12 times the largest score is allowed too."""
    actual = np.asarray(actual, dtype=float)
    expected = np.asarray(expected, dtype=float)
    assert actual.shape == expected.shape
    scale = np.max(np.abs(expected)) if expected.size else 0.0
    np.testing.assert_allclose(actual, expected, rtol=rtol, atol=1e-12 * scale)


def in_order(graph, mapping):
    """A NetworkX {person_id: value} dict as an array by vertex id."""
    return np.array([mapping[p] for p in graph.ids()], dtype=float)


@functools.lru_cache(maxsize=None)
def nx_graph(name):
    return orgnet.to_networkx(orgnet.load_dataset(name), kind="influence")


@functools.lru_cache(maxsize=None)
def nx_weight_graph(name):
    """The influence DiGraph with strength copied to "weight" (NetworkX's HITS
    reads no other attribute)."""
    g = nx_graph(name).copy()
    for _, _, data in g.edges(data=True):
        data["weight"] = data["strength"]
    return g


@functools.lru_cache(maxsize=None)
def ig_graph(graph):
    """igraph copy of the influence graph (vertex v = orgnet vertex v) with edge
    attribute "strength"."""
    sources = np.repeat(np.arange(graph.num_vertices), np.diff(graph.out_offsets()))
    h = ig.Graph(n=graph.num_vertices, edges=list(zip(sources.tolist(), graph.out_targets().tolist())),
                 directed=True)
    h.es["strength"] = graph.strengths().tolist()
    return h


def build(people, edges):
    """A graph whose influence edges are exactly `edges` (u, v, strength)."""
    b = orgnet.GraphBuilder(relations={"x": "source_to_target,as_is"}, hierarchy_relation="")
    for p in people:
        b.add_person(p)
    for u, v, s in edges:
        b.add_tie(u, v, "x", s)
    return b.build()


def random_graph(seed, n=60, m=400):
    """Seeded random directed graph with strengths in (0, 1]; some people have
    no out-ties (dangling), some no ties at all."""
    rng = np.random.default_rng(seed)
    pairs = set()
    while len(pairs) < m:
        u, v = rng.integers(0, n - 3, size=2)  # the last three people stay alone
        if u != v and u % 7 != 3:  # people 3, 10, 17, ... influence nobody
            pairs.add((int(u), int(v)))
    edges = [(f"p{u}", f"p{v}", float(1.0 - rng.random())) for u, v in sorted(pairs)]
    return build([f"p{i}" for i in range(n)], edges)


@functools.lru_cache(maxsize=None)
def random_case(seed):
    g = random_graph(seed)
    return g, orgnet.to_networkx(g, kind="influence")


def cases():
    """(graph, DiGraph) for every dataset and three random graphs."""
    for name in DATASETS:
        yield pytest.param(lambda name=name: (orgnet.load_dataset(name), nx_graph(name)), id=name)
    for seed in (1, 2, 3):
        yield pytest.param(lambda seed=seed: random_case(seed), id=f"random{seed}")


CASES = list(cases())


# ---- degree ---------------------------------------------------------------------------------

@pytest.mark.parametrize("case", CASES)
def test_degree_matches_networkx(case):
    g, G = case()
    n = g.num_vertices
    for direction, centrality, degree in [("in", nx.in_degree_centrality, G.in_degree),
                                          ("out", nx.out_degree_centrality, G.out_degree),
                                          ("total", nx.degree_centrality, G.degree)]:
        assert_close(orgnet.degree_centrality(g, direction=direction).score, in_order(g, centrality(G)), rtol=1e-15)
        raw = orgnet.degree_centrality(g, direction=direction, normalized=False).score
        np.testing.assert_array_equal(raw, in_order(g, dict(degree())))
        strength = orgnet.degree_centrality(g, direction=direction, weighted=True, normalized=False).score
        assert_close(strength, in_order(g, dict(degree(weight="strength"))), rtol=1e-14)
        normalized = orgnet.degree_centrality(g, direction=direction, weighted=True).score
        assert_close(normalized, strength / (n - 1), rtol=1e-15)


def test_degree_enum_and_strings_agree(krackhardt):
    a = orgnet.degree_centrality(krackhardt, direction=orgnet.DegreeDirection.in_).score
    b = orgnet.degree_centrality(krackhardt, direction="in").score
    np.testing.assert_array_equal(a, b)
    with pytest.raises(ValueError, match="expected in, out or total"):
        orgnet.degree_centrality(krackhardt, direction="all")
    with pytest.raises(TypeError):
        orgnet.degree_centrality(krackhardt, direction=3)


# ---- PageRank -------------------------------------------------------------------------------

@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("weighted", WEIGHTS)
def test_pagerank_matches_networkx(case, weighted):
    g, G = case()
    ours = orgnet.pagerank(g, weighted=weighted, tolerance=1e-14)
    assert ours.convergence.converged
    expected = nx.pagerank(G, weight="strength" if weighted else None, tol=1e-14, max_iter=10000)
    assert_close(ours.score, in_order(g, expected))


def test_pagerank_folds_strengths_shared_by_the_pushing_person():
    # email-Eu-core, exerted: each person's in-ties share one strength
    # (weighted cascade). A random graph, received: each person's out-ties
    # share one. Either way the pulled strength depends on the column only
    # and is folded into 1 / W.
    email = orgnet.load_dataset("email_eu_core")
    assert email.shared_in_strengths().size == email.num_vertices
    ours = orgnet.pagerank(email, flow="exerted", tolerance=1e-14)
    assert ours.convergence.converged
    expected = nx.pagerank(nx_graph("email_eu_core").reverse(), weight="strength", tol=1e-14, max_iter=10000)
    assert_close(ours.score, in_order(email, expected))

    rng = np.random.default_rng(9)
    by_source = {u: float(1.0 - rng.random()) for u in range(40)}
    pairs = {(int(u), int(v)) for u, v in rng.integers(0, 40, size=(300, 2)) if u != v}
    g = build([f"p{i}" for i in range(40)], [(f"p{u}", f"p{v}", by_source[u]) for u, v in sorted(pairs)])
    assert g.shared_out_strengths().size == 40 and g.shared_in_strengths().size == 0
    ours = orgnet.pagerank(g, tolerance=1e-14)
    expected = nx.pagerank(orgnet.to_networkx(g, kind="influence"), weight="strength", tol=1e-14, max_iter=10000)
    assert_close(ours.score, in_order(g, expected))


def test_pagerank_personalization_and_dangling_match_networkx():
    g, G = random_case(4)
    ids = g.ids()
    rng = np.random.default_rng(5)
    weights = rng.random(g.num_vertices)
    weights[::4] = 0.0
    personal = dict(zip(ids, weights.tolist()))
    dangling = dict(zip(ids, rng.random(g.num_vertices).tolist()))
    for options, nx_options in [
        ({"personalization": personal}, {"personalization": personal}),
        ({"personalization": weights}, {"personalization": personal}),
        ({"personalization": personal, "dangling": "uniform"},
         {"personalization": personal, "dangling": dict.fromkeys(ids, 1.0)}),
        ({"personalization": personal, "dangling": dangling}, {"personalization": personal, "dangling": dangling}),
        ({"dangling": np.array([dangling[p] for p in ids])}, {"dangling": dangling}),
        ({"damping": 0.5, "dangling": orgnet.DanglingPolicy.uniform}, {"alpha": 0.5}),  # p uniform: same thing
    ]:
        ours = orgnet.pagerank(g, tolerance=1e-14, **options)
        expected = nx.pagerank(G, weight="strength", tol=1e-14, max_iter=10000, **nx_options)
        assert_close(ours.score, in_order(g, expected))


def test_pagerank_dict_leaves_out_people_as_zero(krackhardt):
    by_dict = orgnet.pagerank(krackhardt, personalization={"1": 2.0, "7": 1.0}).score
    vector = np.zeros(krackhardt.num_vertices)
    vector[krackhardt.index_of("1")] = 2.0
    vector[krackhardt.index_of("7")] = 1.0
    np.testing.assert_array_equal(by_dict, orgnet.pagerank(krackhardt, personalization=vector).score)


@pytest.mark.parametrize("name", ["lazega", "enron"])  # PRPACK takes ~1 s on email_eu_core
@pytest.mark.parametrize("weighted", WEIGHTS)
def test_pagerank_matches_igraph(datasets, name, weighted):
    g = datasets[name]
    h = ig_graph(g)
    weights = "strength" if weighted else None
    # PRPACK stops at an L1 error of about 1e-10: agreement to 1e-8 relative.
    ours = orgnet.pagerank(g, weighted=weighted, tolerance=1e-15)
    assert_close(ours.score, h.pagerank(directed=True, weights=weights), rtol=1e-8)
    # Personalized: igraph sends dangling mass by the reset vector, orgnet's default.
    reset = np.zeros(g.num_vertices)
    reset[:10] = 1.0
    ours = orgnet.pagerank(g, weighted=weighted, personalization=reset, tolerance=1e-15)
    assert_close(ours.score, h.personalized_pagerank(directed=True, weights=weights, reset=reset.tolist()), rtol=1e-8)


# ---- eigenvector ----------------------------------------------------------------------------

@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("weighted", WEIGHTS)
def test_eigenvector_matches_networkx(case, weighted):
    g, G = case()
    weight = "strength" if weighted else None
    ours = orgnet.eigenvector_centrality(g, weighted=weighted, tolerance=1e-15, max_iterations=100000)
    assert ours.convergence.converged
    assert np.all(ours.score >= 0)
    assert np.linalg.norm(ours.score) == pytest.approx(1.0, rel=1e-14)
    # NetworkX's ARPACK solver: scores that are 0 in the limit (people not
    # downstream of the dominant strongly connected part) come out as noise up
    # to 1e-11 of the largest score.
    expected = in_order(g, nx.eigenvector_centrality_numpy(G, weight=weight, tol=0, max_iter=100000))
    np.testing.assert_allclose(ours.score, expected, rtol=1e-9, atol=1e-10 * expected.max())
    # NetworkX's power iteration (pure Python; skipped where slow) takes the
    # same steps from the same start.
    if G.number_of_edges() < 5000:
        expected = nx.eigenvector_centrality(G, weight=weight, tol=1e-15, max_iter=100000)
        assert_close(ours.score, in_order(g, expected))


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # igraph warns about weakly connected graphs
@pytest.mark.parametrize("name", ["krackhardt", "lazega", "email_eu_core"])
def test_eigenvector_matches_igraph_up_to_scale(datasets, name):
    g = datasets[name]
    ours = orgnet.eigenvector_centrality(g, tolerance=1e-15, max_iterations=100000).score
    theirs = ig_graph(g).eigenvector_centrality(directed=True, scale=True, weights="strength")
    # igraph's ARPACK answer is accurate to about 1e-10 here.
    assert_close(ours / ours.max(), theirs, rtol=1e-8)


def test_eigenvector_without_cycles_reports_no_convergence():
    g = build(["a", "b", "c"], [("a", "b", 1.0), ("a", "c", 1.0)])
    result = orgnet.eigenvector_centrality(g)
    assert not result.convergence.converged
    assert result.convergence.iterations == 1000
    with pytest.raises(nx.PowerIterationFailedConvergence):
        nx.eigenvector_centrality(orgnet.to_networkx(g, kind="influence"), max_iter=1000, tol=1e-10)


# ---- Katz -----------------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def spectral_radius(G, weighted):
    """Largest |eigenvalue| of the adjacency matrix (ARPACK; dense when small)."""
    import scipy.sparse.linalg

    a = nx.to_scipy_sparse_array(G, weight="strength" if weighted else None, dtype=float)
    if a.shape[0] < 100:
        return float(max(abs(np.linalg.eigvals(a.toarray())))) if a.shape[0] else 0.0
    return float(abs(scipy.sparse.linalg.eigs(a, k=1, which="LM", return_eigenvectors=False)[0]))


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("weighted", WEIGHTS)
def test_katz_matches_networkx(case, weighted):
    g, G = case()
    radius = spectral_radius(G, weighted)
    alpha = 0.1 if 0.1 * radius < 0.9 else 0.5 / radius
    weight = "strength" if weighted else None
    for normalized in (True, False):
        ours = orgnet.katz_centrality(g, alpha=alpha, weighted=weighted, normalized=normalized, tolerance=1e-15)
        assert ours.convergence.converged
        # The exact solution of (I - alpha A^T) x = beta ...
        expected = nx.katz_centrality_numpy(G, alpha=alpha, weight=weight, normalized=normalized)
        assert_close(ours.score, in_order(g, expected))
        # ... and NetworkX's iteration (pure Python; skipped where slow).
        if G.number_of_edges() < 5000:
            expected = nx.katz_centrality(G, alpha=alpha, weight=weight, normalized=normalized, tol=1e-15,
                                          max_iter=100000)
            assert_close(ours.score, in_order(g, expected))


def test_katz_per_person_beta_matches_networkx():
    g, G = random_case(6)
    rng = np.random.default_rng(7)
    beta = dict(zip(g.ids(), rng.random(g.num_vertices).tolist()))
    expected = in_order(g, nx.katz_centrality(G, alpha=0.2, beta=beta, weight="strength", tol=1e-14))
    assert_close(orgnet.katz_centrality(g, alpha=0.2, beta=beta, tolerance=1e-14).score, expected)
    as_array = np.array([beta[p] for p in g.ids()])
    assert_close(orgnet.katz_centrality(g, alpha=0.2, beta=as_array, tolerance=1e-14).score, expected)
    # A scalar beta of any numeric type.
    np.testing.assert_array_equal(orgnet.katz_centrality(g, beta=np.int64(2)).score,
                                  orgnet.katz_centrality(g, beta=2.0).score)
    with pytest.raises(ValueError, match="no value for person"):
        orgnet.katz_centrality(g, beta={g.id(0): 1.0})


@pytest.mark.parametrize("name", ["email_eu_core", "lazega"])
def test_katz_names_alpha_and_the_spectral_radius(name):
    G = nx_graph(name)
    radius = spectral_radius(G, False)
    with pytest.raises(ValueError, match=r"alpha = 0\.5 is not below 1/lambda_max = ") as error:
        orgnet.katz_centrality(orgnet.load_dataset(name), alpha=0.5, weighted=False)
    reported = float(str(error.value).split("(lambda_max = ")[1].split(",")[0])
    assert reported == pytest.approx(radius, rel=1e-5)
    # Just below 1/lambda_max is accepted.
    result = orgnet.katz_centrality(orgnet.load_dataset(name), alpha=0.9 / radius, weighted=False)
    assert result.convergence.converged


# ---- HITS -----------------------------------------------------------------------------------

@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("weighted", WEIGHTS)
def test_hits_matches_networkx(case, weighted):
    g, G = case()
    if weighted:
        G = G.copy()
        for _, _, data in G.edges(data=True):
            data["weight"] = data["strength"]
    ours = orgnet.hits(g, weighted=weighted, tolerance=1e-15, max_iterations=100000)
    assert ours.convergence.converged
    hubs, authorities = nx.hits(G, tol=1e-14, max_iter=10000)
    assert_close(ours.hubs, in_order(g, hubs))
    assert_close(ours.authorities, in_order(g, authorities))
    assert ours.hubs.sum() == pytest.approx(1.0, rel=1e-14)


def test_hits_matches_igraph_up_to_scale(datasets):
    g = datasets["enron"]
    h = ig_graph(g)
    ours = orgnet.hits(g, tolerance=1e-15, max_iterations=100000)
    assert_close(ours.hubs / ours.hubs.max(), h.hub_score(weights="strength"), rtol=1e-8)
    assert_close(ours.authorities / ours.authorities.max(), h.authority_score(weights="strength"), rtol=1e-8)


# ---- k-cores --------------------------------------------------------------------------------

@pytest.mark.parametrize("case", CASES)
def test_core_number_matches_networkx_and_igraph(case):
    g, G = case()
    core = orgnet.core_number(g)
    assert core.core.dtype == np.uint32
    np.testing.assert_array_equal(core.core, in_order(g, nx.core_number(G)))
    assert core.max_core == max(nx.core_number(G).values())
    h = ig_graph(g)
    for direction in ("in", "out", "total"):
        mode = "all" if direction == "total" else direction
        np.testing.assert_array_equal(orgnet.core_number(g, direction=direction).core, h.coreness(mode=mode))


# ---- degenerate graphs ----------------------------------------------------------------------

def test_empty_graph():
    g = orgnet.GraphBuilder().build()
    assert orgnet.degree_centrality(g).score.shape == (0,)
    for result in (orgnet.pagerank(g), orgnet.eigenvector_centrality(g), orgnet.katz_centrality(g)):
        assert result.score.shape == (0,)
        assert result.convergence.converged and result.convergence.iterations == 0
    assert orgnet.hits(g).hubs.shape == (0,)
    assert orgnet.core_number(g).max_core == 0


def test_one_person_matches_networkx():
    g = build(["solo"], [])
    G = orgnet.to_networkx(g, kind="influence")
    assert orgnet.degree_centrality(g).score.tolist() == [nx.degree_centrality(G)["solo"]] == [1.0]
    assert orgnet.pagerank(g).score.tolist() == [nx.pagerank(G)["solo"]] == [1.0]
    assert orgnet.eigenvector_centrality(g).score.tolist() == [nx.eigenvector_centrality(G)["solo"]] == [1.0]
    assert orgnet.katz_centrality(g).score.tolist() == [nx.katz_centrality(G)["solo"]] == [1.0]
    assert orgnet.hits(g).hubs.tolist() == [1.0]
    assert orgnet.core_number(g).core.tolist() == [nx.core_number(G)["solo"]] == [0]


def test_no_ties_match_networkx():
    g = build(["a", "b", "c"], [])
    G = orgnet.to_networkx(g, kind="influence")
    assert_close(orgnet.pagerank(g).score, in_order(g, nx.pagerank(G)))
    assert_close(orgnet.eigenvector_centrality(g).score, in_order(g, nx.eigenvector_centrality(G)))
    assert_close(orgnet.katz_centrality(g).score, in_order(g, nx.katz_centrality(G)))
    hits = orgnet.hits(g)  # NetworkX divides by zero here; orgnet (like igraph) answers "all equal"
    assert hits.hubs.tolist() == hits.authorities.tolist() == [1 / 3] * 3


def test_two_people_one_tie():
    g = build(["a", "b"], [("a", "b", 0.4)])
    G = orgnet.to_networkx(g, kind="influence")
    assert_close(orgnet.pagerank(g, tolerance=1e-15).score, in_order(g, nx.pagerank(G, tol=1e-15)))
    assert_close(orgnet.katz_centrality(g, tolerance=1e-15).score,
                 in_order(g, nx.katz_centrality(G, weight="strength", tol=1e-15)))
    assert orgnet.hits(g).hubs.tolist() == [1.0, 0.0]
    assert orgnet.hits(g).authorities.tolist() == [0.0, 1.0]


# ---- the binding ----------------------------------------------------------------------------

def test_results_are_read_only_float_arrays(krackhardt):
    n = krackhardt.num_vertices
    for result, field in [(orgnet.degree_centrality(krackhardt), "score"), (orgnet.pagerank(krackhardt), "score"),
                          (orgnet.eigenvector_centrality(krackhardt), "score"),
                          (orgnet.katz_centrality(krackhardt), "score"), (orgnet.hits(krackhardt), "hubs"),
                          (orgnet.hits(krackhardt), "authorities")]:
        values = getattr(result, field)
        assert values.dtype == np.float64 and values.shape == (n,)
        assert not values.flags.writeable
    assert "converged after" in repr(orgnet.pagerank(krackhardt))


def test_threads_give_identical_results():
    g = orgnet.generate_company(people=2500, seed=5)  # n + m above the parallel threshold
    assert g.num_vertices + g.num_edges > 50000
    # A few iterations exercise every parallel loop and sum (and stay quick on a
    # busy machine, where each parallel step may wait for a core).
    for fn in (orgnet.pagerank, orgnet.eigenvector_centrality, orgnet.katz_centrality):
        one = fn(g, threads=1, max_iterations=8)
        two = fn(g, threads=2, max_iterations=8)
        np.testing.assert_array_equal(one.score.view(np.uint64), two.score.view(np.uint64))
        assert one.convergence.residual == two.convergence.residual
    one, two = orgnet.hits(g, threads=1, max_iterations=8), orgnet.hits(g, threads=2, max_iterations=8)
    np.testing.assert_array_equal(one.hubs.view(np.uint64), two.hubs.view(np.uint64))


def test_keyword_defaults_are_the_cpp_defaults():
    doc = orgnet.pagerank.__doc__
    for fragment in ("damping: float = 0.85", "tolerance: float = 1e-10", "max_iterations: int = 1000",
                     "threads: int = 0", "weighted: bool = True"):
        assert fragment in doc, fragment
    assert "alpha: float = 0.1" in orgnet.katz_centrality.__doc__
    assert "normalized: bool = True" in orgnet.degree_centrality.__doc__


def test_errors(krackhardt):
    with pytest.raises(ValueError, match=r"pagerank: damping = 1 must lie in \[0, 1\)"):
        orgnet.pagerank(krackhardt, damping=1.0)
    with pytest.raises(ValueError, match="personalization has 2 values, expected 21"):
        orgnet.pagerank(krackhardt, personalization=[1.0, 2.0])
    with pytest.raises(ValueError, match="personalization sums to 0"):
        orgnet.pagerank(krackhardt, personalization=np.zeros(21))
    with pytest.raises(IndexError, match="pagerank: personalization: unknown person id 'nobody'"):
        orgnet.pagerank(krackhardt, personalization={"nobody": 1.0})
    with pytest.raises(TypeError, match="person ids"):
        orgnet.pagerank(krackhardt, personalization={1: 1.0})
    with pytest.raises(ValueError, match="unknown dangling policy"):
        orgnet.pagerank(krackhardt, dangling="spread")
    with pytest.raises(ValueError, match="tolerance = -1 must be finite"):
        orgnet.hits(krackhardt, tolerance=-1.0)
    with pytest.raises(ValueError, match="threads = -1"):
        orgnet.eigenvector_centrality(krackhardt, threads=-1)
    with pytest.raises(ValueError, match="alpha = -1"):
        orgnet.katz_centrality(krackhardt, alpha=-1.0)
