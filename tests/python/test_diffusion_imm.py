"""IMM seed selection (orgnet.imm_seeds): the seeds' exact spread (live-edge
enumeration, sharing nothing with orgnet) is within (1 - 1/e - epsilon) of the
best k-set found by brute force, IMM agrees with CELF, results do not depend on
the thread count, and bad options are rejected."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

import orgnet
from diffusion_oracles import exact_spread, simulate_python, strength_graph

# A 7-person graph (2^10 IC worlds).
TIES = [("a", "b", 0.5), ("a", "c", 0.5), ("b", "d", 0.5), ("c", "d", 0.25), ("d", "e", 1.0),
        ("e", "f", 0.5), ("f", "g", 0.5), ("g", "e", 0.25), ("b", "g", 0.25), ("c", "a", 0.5)]
DEPARTMENTS = ["S", "S", "S", "T", "T", "U", "U"]


@pytest.mark.parametrize("model", ["ic", "lt"])
@pytest.mark.parametrize("k", [1, 2, 3])
def test_guarantee_against_brute_force(model, k):
    g = strength_graph("abcdefg", TIES, DEPARTMENTS)
    eps = 0.1
    r = orgnet.imm_seeds(g, k, model=model, lt_weights="normalize", epsilon=eps, delta=0.05, seed=3)
    assert len(r.seeds) == k
    best = max(exact_spread(g, list(s), model=model, normalize=True)[0]
               for s in itertools.combinations(range(7), k))
    exact = exact_spread(g, r.seeds.tolist(), model=model, normalize=True)[0]
    assert exact >= (1 - 1 / math.e - eps) * best
    assert exact >= 0.95 * best
    assert r.spread_low <= exact <= r.spread_high
    assert r.base_spread + r.marginal_gain.sum() == pytest.approx(r.spread)
    assert r.theta == math.ceil(r.lambda_star / r.lower_bound)
    assert r.rr_sets == r.sampling_rr_sets + r.selection_rr_sets + r.evaluation_rr_sets


def test_agrees_with_celf_on_real_data(krackhardt):
    imm = orgnet.imm_seeds(krackhardt, 3, epsilon=0.2, seed=5)
    celf = orgnet.celf_seeds(krackhardt, 3, simulations=2000, seed=6)
    # Independent evaluation: the pure-Python simulator of the oracles.
    imm_counts, _ = simulate_python(krackhardt, imm.seeds.tolist(), 4000, 11)
    celf_counts, _ = simulate_python(krackhardt, celf.seeds.tolist(), 4000, 11)
    assert np.mean(imm_counts) >= 0.95 * np.mean(celf_counts)
    # IMM's own (independent-sample) estimate agrees with the simulator.
    assert imm.spread == pytest.approx(np.mean(imm_counts), rel=0.05)


def test_threads_frame_candidates_and_convinced(krackhardt):
    one = orgnet.imm_seeds(krackhardt, 4, epsilon=0.3, seed=2, convinced=[0], threads=1)
    two = orgnet.imm_seeds(krackhardt, 4, epsilon=0.3, seed=2, convinced=[0], threads=2)
    assert one.seeds.tolist() == two.seeds.tolist()
    assert one.marginal_gain.tolist() == two.marginal_gain.tolist()
    assert one.spread == two.spread and one.rr_sets == two.rr_sets
    assert 0 not in one.seeds.tolist()
    frame = orgnet.seeds_frame(krackhardt, one)
    assert list(frame.columns) == ["order", "id", "department", "level", "marginal_gain", "cumulative_reach"]
    assert frame.id.tolist() == [krackhardt.id(int(v)) for v in one.seeds]
    assert frame.cumulative_reach.iloc[-1] == pytest.approx(one.spread)
    ids = krackhardt.ids()
    chosen = orgnet.imm_seeds(krackhardt, 2, epsilon=0.3, candidates=ids[5:9])
    assert set(int(v) for v in chosen.seeds) <= {5, 6, 7, 8}


def test_bad_options():
    g = strength_graph("abcdefg", TIES)
    with pytest.raises(ValueError, match="k = 8 exceeds the number of people"):
        orgnet.imm_seeds(g, 8)
    with pytest.raises(ValueError, match="epsilon"):
        orgnet.imm_seeds(g, 2, epsilon=0.0)
    with pytest.raises(ValueError, match="delta"):
        orgnet.imm_seeds(g, 2, delta=1.0)
    with pytest.raises(ValueError, match="in-strengths"):
        orgnet.imm_seeds(strength_graph("abc", [("a", "c", 0.7), ("b", "c", 0.6)]), 1, model="lt")
