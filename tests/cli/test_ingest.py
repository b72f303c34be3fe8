"""`orgnet ingest`: events from a file, standard input or a FIFO, checked
against the same aggregation computed with pandas; the malformed events corpus;
and the memory bound of streaming (peak RSS does not grow with the events)."""

import fcntl
import json
import os
import pathlib
import subprocess
import tempfile
import termios
import threading
import time

import numpy as np
import pandas as pd
import pytest

CLI = os.environ["ORGNET_CLI"]
TEST_DATA = pathlib.Path(os.environ["ORGNET_TEST_DATA_DIR"])
CORPUS = TEST_DATA / "malformed" / "events"
KEY = ["source", "target", "relation"]


def run(*args, stdin=None):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120, input=stdin)


def event_log(seed, n, people=12):
    rng = np.random.default_rng(seed)
    names = np.array([f"p{i}" for i in range(people)])
    return pd.DataFrame({
        "from": names[rng.integers(0, people, n)],
        "to": names[rng.integers(0, people, n)],
        "timestamp": 1_700_000_000 + rng.integers(0, 30 * 86400, n),
        "channel": rng.choice(np.array(["email", "chat", ""]), n),
    })


def oracle(log, half_life):
    """sum 2^(-(t_ref - t)/h) per (from, to, channel), t_ref = latest used event."""
    used = log[log["from"] != log["to"]]
    t_ref = used["timestamp"].max()
    used = used.assign(relation=used["channel"].replace("", "communication"),
                       w=np.exp2(-(t_ref - used["timestamp"]).astype(float) / half_life))
    out = used.groupby(["from", "to", "relation"], as_index=False).agg(weight=("w", "sum"), events=("w", "size"))
    return out.rename(columns={"from": "source", "to": "target"}).sort_values(KEY).reset_index(drop=True)


def read_ties(text):
    return pd.read_csv(pd.io.common.StringIO(text), keep_default_na=False).sort_values(KEY).reset_index(drop=True)


def assert_matches(ties, expected):
    assert list(ties[KEY].itertuples(index=False)) == list(expected[KEY].itertuples(index=False))
    np.testing.assert_allclose(ties["weight"], expected["weight"], rtol=1e-12, atol=0)
    assert ties["events"].tolist() == expected["events"].tolist()


def test_stdin_matches_pandas():
    log = event_log(1, 5000)
    result = run("ingest", "--events", "-", "--half-life", "7d", stdin=log.to_csv(index=False))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("source,target,relation,weight,events,last_event\n")
    assert_matches(read_ties(result.stdout), oracle(log, 7 * 86400.0))
    self_events = int((log["from"] == log["to"]).sum())
    assert f"orgnet ingest: 5000 events" in result.stderr
    assert f"{self_events} self-events" in result.stderr


def test_fifo_matches_pandas(tmp_path):
    log = event_log(2, 20000)
    fifo = tmp_path / "events.fifo"
    os.mkfifo(fifo)
    text = log.to_csv(index=False)

    def write():
        with open(fifo, "w", encoding="utf-8") as f:
            f.write(text)

    writer = threading.Thread(target=write)
    writer.start()
    result = run("ingest", "--events", str(fifo), "--half-life", "12h", "--out", str(tmp_path / "ties.csv"), "-q")
    writer.join()
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""
    assert_matches(read_ties((tmp_path / "ties.csv").read_text(encoding="utf-8")), oracle(log, 12 * 3600.0))


def test_json_report_people_and_as_of(tmp_path):
    events = tmp_path / "events.csv"
    events.write_text("from,to,timestamp,channel\n"
                      "ana,bo,2024-03-03,\n"
                      "ana,bo,2024-03-02,\n"
                      "bo,ana,2024-03-01T12:00:00Z,chat\n"
                      "ana,ana,2024-03-01,\n"
                      "ana,zed,2024-03-01,\n"
                      "bo,ana,2024-04-01,chat\n", encoding="utf-8")
    people = tmp_path / "people.csv"
    people.write_text("employee,dept\nana,A\nbo,B\n", encoding="utf-8")
    result = run("ingest", "--events", str(events), "--half-life", "1d", "--as-of", "2024-03-03T00:00:00Z",
                 "--people", str(people), "--id-col", "employee", "--format", "json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    report = doc["report"]
    assert (report["events"], report["events_used"], report["self_events"], report["unknown_people"],
            report["after_as_of"]) == (6, 3, 1, 1, 1)
    assert report["as_of"] == "2024-03-03T00:00:00Z"
    assert report["first_skipped"][0] == f"{events}:5: self-event of 'ana'"
    # ana -> bo: 1 + 1/2 (one-day half-life); bo -> ana on chat: 1.5 days old, 2^-1.5.
    weights = {(t["source"], t["target"], t["relation"]): t["weight"] for t in doc["ties"]}
    assert weights[("ana", "bo", "communication")] == 1.5
    assert weights[("bo", "ana", "chat")] == pytest.approx(2 ** -1.5, rel=1e-15)


def test_output_reads_back_as_a_ties_file(tmp_path):
    log = event_log(3, 500)
    (tmp_path / "events.csv").write_text(log.to_csv(index=False), encoding="utf-8")
    ties = tmp_path / "ties.csv"
    assert run("ingest", "--events", str(tmp_path / "events.csv"), "-o", str(ties), "-q").returncode == 0
    result = run("summary", "--ties", str(ties), "--create-missing", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["ties"] == len(read_ties(ties.read_text(encoding="utf-8")))


@pytest.mark.parametrize("case", sorted(p.name for p in CORPUS.iterdir() if p.is_dir()))
def test_malformed_events_give_one_line_and_exit_code_2(case):
    folder = CORPUS / case
    expected = (folder / "expected.txt").read_text(encoding="utf-8").splitlines()[0].replace("{dir}", str(folder))
    result = run("ingest", "--events", str(folder / "events.csv"))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"orgnet: error: {expected}\n"
    # The same message from standard input, with the source called <stdin>.
    piped = subprocess.run([CLI, "ingest", "--events", "-"], capture_output=True, timeout=60,
                           input=(folder / "events.csv").read_bytes())
    assert piped.returncode == 2
    assert piped.stderr.decode() == f"orgnet: error: {expected.replace(str(folder / 'events.csv'), '<stdin>')}\n"


def test_bad_options_exit_2():
    for args, message in ((["--half-life", "0d"], "expected a duration > 0"),
                          (["--as-of", "soon"], "expected an ISO 8601 time"),
                          (["--format", "xml"], "--format must be csv or json"),
                          (["--delimiter", ";;"], "--delimiter must be one character"),
                          (["--min-weight", "-1"], "min_weight must be finite and > 0"),
                          (["--time-col", "sent"], "no column 'sent' in the header")):
        result = run("ingest", "--events", "-", *args, stdin="from,to,timestamp\na,b,1\n")
        assert result.returncode == 2, args
        assert result.stderr.startswith("orgnet: error: ") and message in result.stderr, (args, result.stderr)
    assert run("ingest").returncode == 2  # --events is required
    result = run("ingest", "--help")
    assert result.returncode == 0 and "--half-life" in result.stdout


# ---- memory bound --------------------------------------------------------------------

BLOCK_EVENTS = 10_000


def peak_rss_kb(events):
    """Streams `events` generated events (few distinct pairs) through a FIFO into
    `orgnet ingest` and returns the child's peak RSS (VmHWM, KB), read once the
    child has consumed every byte but before it sees the end of the input.

    (ru_maxrss from wait4 would not do: Linux carries the high-water mark of the
    process image replaced by exec over, i.e. this Python process with pandas.)"""
    block = "".join(f"p{i % 7},p{(i * 3 + 1) % 11},{1_700_000_000 + i},{'email' if i % 2 else 'chat'}\n"
                    for i in range(BLOCK_EVENTS)).encode()
    with tempfile.TemporaryDirectory() as tmp:
        fifo = os.path.join(tmp, "events.fifo")
        os.mkfifo(fifo)
        child = subprocess.Popen([CLI, "ingest", "--events", fifo, "--half-life", "30d", "--out", os.devnull],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        fd = os.open(fifo, os.O_WRONLY)
        try:
            data = memoryview(b"from,to,timestamp,channel\n" + block * (events // BLOCK_EVENTS))
            while data:
                data = data[os.write(fd, data):]
            waited = 0.0
            while int.from_bytes(fcntl.ioctl(fd, termios.FIONREAD, b"\0" * 4), "little") > 0:
                time.sleep(0.002)  # the child is still reading
                waited += 0.002
                assert waited < 30
            time.sleep(0.05)  # let it tokenize and sum the last bytes it read
            with open(f"/proc/{child.pid}/status", encoding="ascii") as status:
                hwm = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
        finally:
            os.close(fd)
        stderr = child.stderr.read().decode()
        assert child.wait(timeout=60) == 0, stderr
        assert f"orgnet ingest: {events} events" in stderr
        return hwm


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs Linux /proc")
@pytest.mark.skipif(os.environ.get("ORGNET_SANITIZED") == "1",
                    reason="AddressSanitizer's shadow memory and quarantine are not orgnet's footprint "
                           "(the release run asserts the bound)")
def test_peak_memory_does_not_grow_with_the_events():
    small = peak_rss_kb(300_000)
    large = peak_rss_kb(3_000_000)  # about 68 MB of events, 140 distinct ties
    assert large - small < 2 * 1024, (small, large)  # KB: less than 2 MB apart
    assert large < 32 * 1024, large
