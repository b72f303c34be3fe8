"""The memory bound of the CSV loader, asserted on files small enough for a test.

docs/reliability.md states the bound: the loaders stream their files in 1 MiB
chunks, so the peak memory of `orgnet summary --ties F` grows with the number
of ties (the builder's per-tie arrays, then the graph), by at most about 150
bytes per tie, and not with the size of the file. Measured as the peak
resident set of the child process (ru_maxrss) for two sizes, so the fixed cost
of the process (libraries, the bundled data index) cancels out.
"""

import os
import random
import resource
import subprocess
import sys

import pytest

CLI = os.environ["ORGNET_CLI"]

BYTES_PER_TIE = 150  # the documented slope (the file's text is not kept)


def write_ties(path, ties, people=20_000, seed=1):
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        f.write("source,target,relation,weight\n")
        for _ in range(ties):
            f.write(f"p{rng.randrange(people)},p{rng.randrange(people)},advice,{rng.randint(1, 5)}\n")
    return os.path.getsize(path)


def peak_bytes(*args):
    """Peak RSS of one orgnet run, measured in a fresh Python child so that
    RUSAGE_CHILDREN sees that run alone."""
    probe = ("import resource, subprocess, sys; "
             "subprocess.run(sys.argv[1:], check=True, capture_output=True); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)")
    out = subprocess.run([sys.executable, "-c", probe, CLI, *args], capture_output=True, text=True, check=True,
                         timeout=120)
    return int(out.stdout)


@pytest.mark.skipif(os.environ.get("ORGNET_SANITIZED") == "1",
                    reason="AddressSanitizer's shadow memory is not orgnet's footprint (the release run asserts it)")
def test_peak_memory_grows_by_the_file_plus_a_bounded_cost_per_tie(tmp_path):
    small, large = 50_000, 400_000
    small_size = write_ties(tmp_path / "small.csv", small)
    large_size = write_ties(tmp_path / "large.csv", large)
    peaks = {name: peak_bytes("summary", "--ties", str(tmp_path / f"{name}.csv"), "--format", "json")
             for name in ("small", "large")}
    growth = peaks["large"] - peaks["small"]
    allowed = BYTES_PER_TIE * (large - small)
    print(f"peak growth {growth / (large - small):.1f} bytes per tie; the file grew "
          f"{(large_size - small_size) / (large - small):.1f} bytes per tie")
    assert growth <= allowed, f"peak grew {growth / 1e6:.1f} MB for {large - small} more ties (bound {allowed / 1e6:.1f} MB)"
    # And the run did hold the graph: the growth is not trivially zero.
    assert growth >= 20 * (large - small)
