"""Opinion dynamics (orgnet.friedkin_johnsen, orgnet.degroot) against dense
numpy solves, finite differences and the left Perron eigenvector."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

import orgnet
from diffusion_oracles import edges_of, strength_graph


def dense_w(graph):
    """Row v: v's in-tie strengths normalized to sum 1; W[v, v] = 1 without in-ties."""
    n = graph.num_vertices
    w = np.zeros((n, n))
    for u, v, s in edges_of(graph):
        w[v, u] += s
    for v in range(n):
        total = w[v].sum()
        if total == 0:
            w[v, v] = 1.0
        else:
            w[v] /= total
    return w


def dense_fj(graph, x0, sigma, c):
    """Equilibrium and leverage c^T A by dense solves (requires I - Lambda W invertible):
    x* = (I - Lambda W)^-1 (I - Lambda) x0 with Lambda = diag(1 - sigma), so
    I - Lambda = diag(sigma) and A^T c = sigma * (I - Lambda W)^-T c."""
    n = graph.num_vertices
    lam = np.diag(1.0 - sigma)
    a = np.eye(n) - lam @ dense_w(graph)
    x = np.linalg.solve(a, sigma * x0)
    y = np.linalg.solve(a.T, c)
    return x, sigma * y


@pytest.mark.parametrize("name", ["krackhardt", "lazega", "email_eu_core"])
def test_equilibrium_and_leverage_match_dense_numpy(datasets, name):
    g = datasets[name]
    n = g.num_vertices
    rng = np.random.default_rng(len(name))
    x0 = rng.uniform(-1, 1, n)
    sigma = rng.uniform(0.05, 0.95, n)
    r = orgnet.friedkin_johnsen(g, x0, stubbornness=sigma)
    x, lev = dense_fj(g, x0, sigma, np.full(n, 1.0 / n))
    np.testing.assert_allclose(r.equilibrium, x, atol=1e-9, rtol=0)
    np.testing.assert_allclose(r.leverage, lev, atol=1e-9, rtol=0)
    assert r.residual < 1e-9 and r.leverage_residual < 1e-9
    assert r.mean_equilibrium == pytest.approx(x.mean(), abs=1e-12)
    # The iterative solver agrees.
    it = orgnet.friedkin_johnsen(g, x0, stubbornness=sigma, solver="iterative", tolerance=1e-13)
    np.testing.assert_allclose(it.equilibrium, x, atol=1e-9, rtol=0)
    np.testing.assert_allclose(it.leverage, lev, atol=1e-9, rtol=0)


def test_leverage_targets_against_dense_and_finite_differences(datasets):
    g = datasets["lazega"]
    n = g.num_vertices
    x0 = np.linspace(-1, 1, n)
    sigma = 0.3
    person = g.ids()[7]
    c = np.zeros(n)
    c[7] = 1.0
    r = orgnet.friedkin_johnsen(g, x0, stubbornness=sigma, leverage="person", target=person)
    _, lev = dense_fj(g, x0, np.full(n, sigma), c)
    np.testing.assert_allclose(r.leverage, lev, atol=1e-9, rtol=0)
    # Finite differences of x*_7 with respect to a few initial stances.
    for j in (0, 7, 30, n - 1):
        moved = x0.copy()
        h = -1e-3 if moved[j] > 0 else 1e-3
        moved[j] += h
        fd = (orgnet.friedkin_johnsen(g, moved, stubbornness=sigma).equilibrium[7] - r.equilibrium[7]) / h
        assert r.leverage[j] == pytest.approx(fd, abs=1e-9)
    # A department as the target.
    names = g.department_names()
    members = np.asarray(g.departments()) == 0
    cd = members / members.sum()
    rd = orgnet.friedkin_johnsen(g, x0, stubbornness=sigma, leverage="department", target=names[0])
    np.testing.assert_allclose(rd.leverage, dense_fj(g, x0, np.full(n, sigma), cd)[1], atol=1e-9, rtol=0)
    frame = rd.frame(g)
    assert frame.leverage.is_monotonic_decreasing
    assert frame.leverage.sum() == pytest.approx(1.0)


def test_degroot_is_the_left_eigenvector_average():
    """A random strongly connected, aperiodic graph: the consensus is pi . x0
    with pi the left eigenvector of W for eigenvalue 1."""
    rng = np.random.default_rng(4)
    n = 25
    ties = [(f"p{u}", f"p{v}", float(rng.choice([0.2, 0.5, 1.0])))
            for u in range(n) for v in range(n) if u != v and rng.random() < 0.3]
    g = strength_graph([f"p{i}" for i in range(n)], ties)
    check = nx.DiGraph([(u, v) for u, v, _ in ties])
    assert nx.is_strongly_connected(check) and nx.is_aperiodic(check)
    w = dense_w(g)
    values, vectors = np.linalg.eig(w.T)
    pi = np.real(vectors[:, np.argmin(np.abs(values - 1))])
    pi /= pi.sum()
    x0 = rng.uniform(-1, 1, n)
    r = orgnet.degroot(g, x0, trajectory_steps=300)
    assert r.converges and r.consensus_groups == 1
    np.testing.assert_allclose(r.equilibrium, np.full(n, pi @ x0), atol=1e-10)
    np.testing.assert_allclose(r.leverage, pi, atol=1e-10)
    # The trajectory is the plain iteration x(t+1) = W x(t).
    traj = r.trajectory
    assert traj.shape == (301, n)
    np.testing.assert_allclose(traj[1], w @ x0, atol=1e-14)
    np.testing.assert_allclose(traj[-1], r.equilibrium, atol=1e-8)


def test_degenerate_inputs():
    g = strength_graph("abcde", [("a", "b", 1.0), ("b", "a", 1.0), ("b", "d", 0.5), ("c", "d", 0.5)])
    # Unknown stances are 0; isolated e keeps its stance.
    r = orgnet.degroot(g, {"a": 1.0, "c": -1.0, "e": 0.3})
    assert not r.converges  # a <-> b oscillate
    np.testing.assert_allclose(r.equilibrium, [0.5, 0.5, -1.0, -0.25, 0.3], atol=1e-15)
    assert r.consensus_groups == 3
    none = orgnet.friedkin_johnsen(g)
    np.testing.assert_array_equal(none.equilibrium, np.zeros(5))
    assert none.trajectory.shape == (0, 5)
    stubborn = orgnet.friedkin_johnsen(g, np.linspace(-1, 1, 5), stubbornness=1.0)
    np.testing.assert_allclose(stubborn.equilibrium, np.linspace(-1, 1, 5))


def test_errors():
    g = strength_graph("ab", [("a", "b", 0.4)])
    with pytest.raises(ValueError, match="outside"):
        orgnet.friedkin_johnsen(g, [0.0, 2.0])
    with pytest.raises(ValueError, match="stubbornness"):
        orgnet.friedkin_johnsen(g, [0.0, 0.0], stubbornness=1.5)
    with pytest.raises(ValueError, match="every person"):
        orgnet.friedkin_johnsen(g, [0.0, 0.0], stubbornness={"a": 0.5})
    with pytest.raises(ValueError, match="target"):
        orgnet.friedkin_johnsen(g, leverage="person")
    with pytest.raises(IndexError):
        orgnet.friedkin_johnsen(g, leverage="person", target="zed")
    with pytest.raises(IndexError):
        orgnet.friedkin_johnsen(g, leverage="department", target="Nowhere")
    with pytest.raises(IndexError):
        orgnet.friedkin_johnsen(g, {"zed": 0.5})
