"""Cascade simulation (orgnet.simulate_spread) against exact live-edge
enumeration on tiny graphs and a pure-Python simulator on real data."""

from __future__ import annotations

import math

import numpy as np
import pytest

import orgnet
from diffusion_oracles import exact_spread, simulate_python, strength_graph

# The hand-worked graph (strengths on the edges):
#
#        0.5        0.7        0.6
#     a -----> b -----> d -----> e
#      \       | 0.2   ^
#   0.4 \      v      / 0.3
#        '---> c ----'
#
# IC from a: P(b) = 0.5, P(c) = 1 - (1 - 0.4)(1 - 0.5 * 0.2) = 0.46,
# P(d) = 1 - E[(1 - 0.7 [b])(1 - 0.3 [c])] over the joint law of b, c.
TIES = [("a", "b", 0.5), ("a", "c", 0.4), ("b", "c", 0.2), ("b", "d", 0.7), ("c", "d", 0.3), ("d", "e", 0.6)]


@pytest.fixture()
def cascade():
    return strength_graph("abcde", TIES, departments=["S", "S", "T", "T", None])


def check_against_exact(result, exact, n):
    reach, prob, within = exact
    assert result.reach_low - 1e-9 <= reach <= result.reach_high + 1e-9
    np.testing.assert_allclose(result.probability, prob, atol=result.probability_margin)
    curve = np.asarray(result.adoption_curve)
    np.testing.assert_allclose(curve, within[: len(curve)], atol=n * result.probability_margin)


def test_hand_worked_values(cascade):
    _, prob, _ = exact_spread(cascade, [0])
    assert prob[1] == pytest.approx(0.5)
    assert prob[2] == pytest.approx(0.46)
    # d: b and c are dependent (b -> c); enumerate (b, c) by hand:
    # b=1 (0.5): c = 1 w.p. 1 - 0.6*0.8 = 0.52; b=0 (0.5): c = 1 w.p. 0.4.
    miss_d = 0.5 * (0.52 * 0.3 * 0.7 + 0.48 * 0.3) + 0.5 * (0.4 * 0.7 + 0.6 * 1.0)
    assert prob[3] == pytest.approx(1 - miss_d)
    _, lt_prob, _ = exact_spread(cascade, [0], model="lt")
    assert lt_prob[2] == pytest.approx(0.4 + 0.2 * 0.5)


@pytest.mark.parametrize("model", ["ic", "lt"])
@pytest.mark.parametrize("seeds", [["a"], ["b", "c"], ["a", "e"]])
def test_monte_carlo_within_interval_of_exact(cascade, model, seeds):
    result = orgnet.simulate_spread(cascade, seeds, model=model, simulations=20000, seed=11, delta=0.001)
    index = [cascade.index_of(s) for s in seeds]
    check_against_exact(result, exact_spread(cascade, index, model=model), cascade.num_vertices)
    assert result.model == orgnet.CascadeModel(1 if model == "lt" else 0)


def test_department_adoption_and_frames(cascade):
    result = orgnet.simulate_spread(cascade, "a", simulations=5000, seed=3)
    prob = result.probability
    np.testing.assert_allclose(result.department_adoption, [(prob[0] + prob[1]) / 2, (prob[2] + prob[3]) / 2])
    assert result.no_department_reach == pytest.approx(prob[4])
    people = result.people_frame(cascade)
    assert people.index[0] == "a" and bool(people.loc["a", "seed"])
    assert people.probability.is_monotonic_decreasing
    departments = result.departments_frame(cascade)
    assert departments.members.tolist() == [2, 2]
    assert departments.expected_reached.sum() + result.no_department_reach == pytest.approx(result.expected_reach)


def test_against_pure_python_simulator(krackhardt):
    """Krackhardt's advice/friendship network (21 people): two independent
    Monte Carlo estimates, each within its Hoeffding margin of the truth."""
    seeds = ["1", "7"]
    index = [krackhardt.index_of(s) for s in seeds]
    for model in ("ic", "lt"):
        ours = orgnet.simulate_spread(krackhardt, seeds, model=model, simulations=20000, seed=5, delta=0.001,
                                      lt_weights="normalize")
        counts, freq = simulate_python(krackhardt, index, 4000, 99, model=model, normalize=True)
        margin = ours.probability_margin + math.sqrt(math.log(2 / 0.001) / (2 * 4000))
        np.testing.assert_allclose(ours.probability, freq, atol=margin)
        # Means: two-sample normal test at 1e-3.
        se = math.hypot(ours.reach_stddev / math.sqrt(20000), np.std(counts, ddof=1) / math.sqrt(4000))
        assert abs(ours.expected_reach - np.mean(counts)) <= 3.3 * se


def test_identical_for_any_thread_count():
    g = orgnet.generate_company(people=300, departments=4, ties_per_person=6, seed=8)
    a = orgnet.simulate_spread(g, [0, 5], simulations=800, seed=1, threads=1)
    b = orgnet.simulate_spread(g, [0, 5], simulations=800, seed=1, threads=2)
    assert a.expected_reach == b.expected_reach
    np.testing.assert_array_equal(a.probability, b.probability)
    np.testing.assert_array_equal(a.adoption_curve, b.adoption_curve)


def test_degenerate_inputs(cascade):
    none = orgnet.simulate_spread(cascade, [], simulations=10)
    assert none.expected_reach == 0 and list(none.adoption_curve) == [0.0]
    everyone = orgnet.simulate_spread(cascade, cascade.ids(), simulations=10)
    assert everyone.expected_reach == 5 and everyone.reach_low == everyone.reach_high == 5
    assert list(everyone.seeds) == [0, 1, 2, 3, 4]
    cut = orgnet.simulate_spread(cascade, "a", simulations=100, max_steps=1)
    assert len(cut.adoption_curve) == 2 and cut.probability[3] == 0


def test_errors(cascade):
    with pytest.raises(IndexError, match="nobody"):
        orgnet.simulate_spread(cascade, ["nobody"])
    with pytest.raises(IndexError):
        orgnet.simulate_spread(cascade, [17])
    with pytest.raises(ValueError, match="delta"):
        orgnet.simulate_spread(cascade, "a", delta=0)
    with pytest.raises(ValueError, match="simulations"):
        orgnet.simulate_spread(cascade, "a", simulations=0)
    with pytest.raises(ValueError, match="model"):
        orgnet.simulate_spread(cascade, "a", model="sir")
    heavy = strength_graph("abc", [("a", "c", 0.8), ("b", "c", 0.7)])
    with pytest.raises(ValueError, match="'c'.*1.5"):
        orgnet.simulate_spread(heavy, "a", model="lt")
    ok = orgnet.simulate_spread(heavy, "a", model="lt", lt_weights="normalize", simulations=20000, delta=0.001)
    assert ok.probability[2] == pytest.approx(0.8 / 1.5, abs=ok.probability_margin)
