"""orgnet.set_progress_callback: reports from long computations reach Python."""

from __future__ import annotations

import threading

import pytest

import orgnet


@pytest.fixture
def events():
    received = []
    orgnet.set_progress_callback(
        lambda task, done, total: received.append((task, done, total, threading.get_ident())))
    yield received
    orgnet.set_progress_callback(None)


@pytest.fixture(scope="module")
def company():
    return orgnet.generate_company(people=1500, seed=3)


@pytest.mark.parametrize("threads", [1, 2])
def test_betweenness_reports_its_start_and_end_on_the_calling_thread(events, company, threads):
    n = company.num_vertices
    expected = orgnet.betweenness(company, threads=1).score
    events.clear()
    result = orgnet.betweenness(company, threads=threads)
    assert (result.score == expected).all()  # progress never changes a result
    tasks = [e for e in events if e[0] == "betweenness"]
    assert tasks[0][1:3] == (0, n) and tasks[-1][1:3] == (n, n)
    assert all(later[1] >= earlier[1] for earlier, later in zip(tasks, tasks[1:]))
    assert {e[3] for e in events} == {threading.get_ident()}


def test_every_reporting_computation_reaches_python(events):
    g = orgnet.load_dataset("krackhardt")
    orgnet.closeness(g)
    orgnet.harmonic_closeness(g)
    orgnet.edge_betweenness(g)
    orgnet.approximate_betweenness(g, epsilon=0.1, delta=0.1, seed=1)
    orgnet.simulate_spread(g, ["7"], simulations=50, seed=1)
    names = {task for task, done, total, _ in events if done == total}
    assert {"closeness", "harmonic closeness", "edge betweenness", "approximate betweenness",
            "spread simulations"} <= names


def test_a_failing_callback_does_not_stop_the_computation(monkeypatch):
    g = orgnet.load_dataset("krackhardt")
    expected = orgnet.closeness(g).score
    unraisable = []
    monkeypatch.setattr("sys.unraisablehook", unraisable.append)

    def failing(task, done, total):
        raise ValueError("callback failed")

    orgnet.set_progress_callback(failing)
    try:
        assert (orgnet.closeness(g).score == expected).all()
    finally:
        orgnet.set_progress_callback(None)
    assert unraisable and all(isinstance(u.exc_value, ValueError) for u in unraisable)


def test_none_turns_progress_off_and_non_callables_are_refused(events):
    g = orgnet.load_dataset("krackhardt")
    orgnet.set_progress_callback(None)
    orgnet.closeness(g)
    assert events == []
    with pytest.raises(TypeError, match="expected a callable or None"):
        orgnet.set_progress_callback(42)


def test_computations_in_python_threads_report_without_deadlock(events, company):
    # Two Python threads compute at once, each with two worker threads: every
    # report comes on one of the two calling threads.
    callers = []
    results = [None, None]

    def run(i):
        callers.append(threading.get_ident())
        results[i] = orgnet.closeness(company, threads=2).score

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads)
    assert (results[0] == results[1]).all()
    assert {e[3] for e in events} <= set(callers)
    assert sum(1 for e in events if e[1] == e[2]) == 2
