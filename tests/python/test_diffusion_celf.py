"""CELF seed selection (orgnet.celf_seeds): the lazy greedy equals a plain
greedy on the same sampled worlds, and reaches near the exact optimum,
evaluated by exact enumeration and by an independent pure-Python simulator."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

import orgnet
from diffusion_oracles import exact_spread, simulate_python, strength_graph


def test_equals_plain_greedy_on_the_same_worlds(krackhardt):
    r = orgnet.celf_seeds(krackhardt, 3, simulations=300, seed=8)
    chosen = []
    for _ in range(3):
        best = max(range(krackhardt.num_vertices),
                   key=lambda v: (-1 if v in chosen else
                                  orgnet.simulate_spread(krackhardt, chosen + [v], simulations=300, seed=8,
                                                         threads=1).expected_reach, -v))
        chosen.append(best)
    assert r.seeds.tolist() == chosen
    assert r.spread == orgnet.simulate_spread(krackhardt, chosen, simulations=300, seed=8).expected_reach
    assert np.all(np.diff(r.marginal_gain) <= 0)
    assert r.base_spread + r.marginal_gain.sum() == pytest.approx(r.spread)


def test_near_the_exact_optimum():
    """A 7-person graph (2^10 IC worlds): every pair's exact spread by enumeration."""
    ties = [("a", "b", 0.5), ("a", "c", 0.5), ("b", "d", 0.5), ("c", "d", 0.25), ("d", "e", 1.0),
            ("e", "f", 0.5), ("f", "g", 0.5), ("g", "e", 0.25), ("b", "g", 0.25), ("c", "a", 0.5)]
    g = strength_graph("abcdefg", ties)
    r = orgnet.celf_seeds(g, 2, simulations=5000, seed=1)
    best = max(exact_spread(g, list(pair))[0] for pair in itertools.combinations(range(7), 2))
    assert exact_spread(g, r.seeds.tolist())[0] >= 0.95 * best


def test_independent_evaluation_on_real_data(datasets):
    """Lazega's law firm: CELF's 3 seeds, evaluated by the pure-Python simulator,
    beat the 3 people with the most out-ties (a common heuristic) or tie with them."""
    g = datasets["lazega"]
    r = orgnet.celf_seeds(g, 3, simulations=500, seed=3)
    out_degree = np.diff(g.out_offsets())
    heuristic = list(np.argsort(-out_degree, kind="stable")[:3])
    mine, _ = simulate_python(g, r.seeds.tolist(), 1500, 7)
    theirs, _ = simulate_python(g, heuristic, 1500, 8)
    se = math.hypot(np.std(mine, ddof=1), np.std(theirs, ddof=1)) / math.sqrt(1500)
    assert np.mean(mine) >= np.mean(theirs) - 3.3 * se


def test_candidates_convinced_and_degenerate(krackhardt):
    ids = krackhardt.ids()
    r = orgnet.celf_seeds(krackhardt, 2, simulations=200, candidates=ids[:6], convinced=[ids[0]])
    assert set(r.seeds.tolist()) <= set(range(1, 6))
    assert r.base_spread == orgnet.simulate_spread(krackhardt, [ids[0]], simulations=200).expected_reach
    everyone = orgnet.celf_seeds(krackhardt, 50, simulations=50, candidates=ids[:4])
    assert sorted(everyone.seeds.tolist()) == [0, 1, 2, 3]
    assert len(orgnet.celf_seeds(krackhardt, 0).seeds) == 0
    with pytest.raises(IndexError):
        orgnet.celf_seeds(krackhardt, 2, candidates=["nobody"])
    with pytest.raises(ValueError, match="simulations"):
        orgnet.celf_seeds(krackhardt, 2, simulations=0)
