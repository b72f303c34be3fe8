"""Reachability within h steps (orgnet.reachable_within) against exact
live-edge enumeration and networkx simple paths."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest

import orgnet
from diffusion_oracles import edges_of, exact_spread, strength_graph

TIES = [("a", "b", 0.9), ("b", "c", 0.9), ("a", "c", 0.5), ("c", "d", 0.8), ("d", "e", 0.5), ("b", "e", 0.3)]


@pytest.fixture()
def chain():
    return strength_graph("abcdef", TIES)


@pytest.mark.parametrize("h", [1, 2, 3])
def test_cascade_probability_within_h_steps_is_exact_within_margin(chain, h):
    r = orgnet.reachable_within(chain, "a", max_steps=h, min_probability=0.45, simulations=20000, seed=h,
                                delta=0.001)
    _, exact, _ = exact_spread(chain, [0], max_steps=h)
    np.testing.assert_allclose(r.probability, exact, atol=r.margin)
    certain = {v for v in range(6) if exact[v] >= 0.45 + r.margin}
    assert certain <= set(r.reached.tolist())
    assert all(r.probability[v] >= 0.45 for v in r.reached)
    assert len(r.steps) == 0


def best_chain_oracle(graph, seeds, h):
    """max over simple paths of at most h edges of the product of strengths (networkx)."""
    g = nx.DiGraph()
    g.add_nodes_from(range(graph.num_vertices))
    g.add_weighted_edges_from(edges_of(graph))
    best = np.zeros(graph.num_vertices)
    for s in seeds:
        best[s] = 1.0
        for target in g.nodes:
            if target == s:
                continue
            for path in nx.all_simple_paths(g, s, target, cutoff=h):
                best[target] = max(best[target], math.prod(g[u][v]["weight"] for u, v in zip(path, path[1:])))
    return best


@pytest.mark.parametrize("h", [1, 2, 3])
def test_best_chain_matches_networkx_paths(krackhardt, h):
    seeds = ["2", "14"]
    r = orgnet.reachable_within(krackhardt, seeds, max_steps=h, min_probability=0.3, method="best_chain")
    expected = best_chain_oracle(krackhardt, [krackhardt.index_of(s) for s in seeds], h)
    np.testing.assert_allclose(r.probability, expected, rtol=1e-12, atol=0)
    assert sorted(r.reached.tolist()) == [v for v in range(krackhardt.num_vertices) if expected[v] >= 0.3]
    assert np.all(np.diff(r.probability[r.reached]) <= 0)
    assert all(0 <= s <= h for s in r.steps[expected > 0])


def test_best_chain_is_a_lower_bound_of_the_cascade(chain):
    best = orgnet.reachable_within(chain, "a", max_steps=3, method="best_chain")
    _, exact, _ = exact_spread(chain, [0], max_steps=3)
    assert np.all(best.probability <= exact + 1e-12)
    assert list(best.steps) == [0, 1, 2, 3, 2, -1]


def test_degenerate_and_errors(chain):
    r = orgnet.reachable_within(chain, [], method="best_chain")
    assert len(r.reached) == 0
    with pytest.raises(ValueError, match="min_probability"):
        orgnet.reachable_within(chain, "a", min_probability=0)
    with pytest.raises(IndexError):
        orgnet.reachable_within(chain, "zed")
    with pytest.raises(ValueError, match="method"):
        orgnet.reachable_within(chain, "a", method="bfs")
