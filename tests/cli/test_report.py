"""orgnet report: the HTML report from the command line, on every bundled dataset."""

import os
import pathlib
import re
import subprocess
import time
import xml.etree.ElementTree as ET

import pytest
from cli_oracles import influence_digraph

CLI = os.environ["ORGNET_CLI"]
SVG = "{http://www.w3.org/2000/svg}"


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120)


def svg_of(html):
    match = re.search(r"<svg.*?</svg>", html, re.S)
    assert match
    return ET.fromstring(match.group(0))


@pytest.mark.parametrize(
    "dataset,folder",
    [("krackhardt", "krackhardt_high_tech"), ("lazega", "lazega_law_firm"), ("uk_faculty", "uk_faculty"),
     ("enron", "enron_email"), ("email_eu_core", "email_eu_core")],
)
def test_every_bundled_dataset_renders(tmp_path, dataset, folder):
    out = tmp_path / "report.html"
    start = time.monotonic()
    result = run("--progress", "report", "--dataset", dataset, "--out", str(out))
    elapsed = time.monotonic() - start
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert elapsed < 10, f"{dataset} took {elapsed:.1f} s"
    html = out.read_text(encoding="utf-8")
    g = influence_digraph(folder)
    assert f'<td>People</td><td class="num" data-value="{g.number_of_nodes()}">' in html
    assert f'<td>Influence edges (merged, directed)</td><td class="num" data-value="{g.number_of_edges()}">' in html
    circles = list(svg_of(html).iter(SVG + "circle"))
    if g.number_of_nodes() <= 500:
        assert len(circles) == g.number_of_nodes()
    else:
        assert f"Only {len(circles)} of {g.number_of_nodes()} people are drawn" in html
        assert "report: done" in result.stderr  # the steps follow --progress, for big graphs
    assert "<script" not in html
    for section in ("summary", "sociogram", "centrality", "bottlenecks", "structure", "notes"):
        assert f'<section id="{section}">' in html


def test_report_steps_follow_the_global_progress_flag(tmp_path):
    """The report's step lines are its progress: off when stderr is not a
    terminal (as here) unless --progress asks for them, and -q silences them."""
    out = str(tmp_path / "report.html")
    lines = lambda result: [line for line in result.stderr.splitlines() if line.startswith("report: ")]  # noqa: E731
    shown = run("--progress", "report", "--dataset", "email_eu_core", "--out", out)
    assert shown.returncode == 0, shown.stderr
    assert lines(shown)[-1].startswith("report: done in ")
    assert len(lines(shown)) >= 3
    for args in (("report",), ("--no-progress", "report"), ("--progress", "report", "-q")):
        result = run(*args, "--dataset", "email_eu_core", "--out", out)
        assert result.returncode == 0, result.stderr
        assert lines(result) == [], args


def test_no_input_means_krackhardt_on_stdout():
    result = run("report", "--title", "Krackhardt <High> & Tech")
    assert result.returncode == 0, result.stderr
    assert "<title>Krackhardt &lt;High&gt; &amp; Tech</title>" in result.stdout
    assert len(list(svg_of(result.stdout).iter(SVG + "circle"))) == 21


def test_path_pseudonyms_and_suppression():
    result = run("report", "--path-from", "10", "--to", "7", "--pseudonymize", "--min-group-size", "5",
                 "--size-by", "betweenness", "--top", "5")
    assert result.returncode == 0, result.stderr
    html = result.stdout
    assert '<section id="path">' in html and 'marker-end="url(#arrow)"' in html
    ids = set(re.findall(r'data-id="([^"]*)"', html))
    assert ids and all(re.fullmatch(r"P\d{4}", i) for i in ids)
    # Krackhardt's departments (nodes.csv, column dept): 1 has 5 people, 2 has 8, 3 has 3, 4 has 4.
    table = re.search(r'<table id="departments-table">.*?</table>', html, re.S).group(0)
    for department, hidden in (("1", False), ("2", False), ("3", True), ("4", True)):
        row = re.search(rf"<tr><td>{department}</td>(.*?)</tr>", table).group(1)
        assert ("suppressed (&lt; 5)" in row) == hidden, department
    assert len(re.findall(r"<table id=\"top-betweenness\">.*?</table>", html, re.S)) == 1
    assert len(re.findall(r"<tr><td class=\"num\" data-value=\"\d+\">\d+</td><td class=\"person\"",
                          re.search(r"<table id=\"top-pagerank\">.*?</table>", html, re.S).group(0))) == 5


def test_salted_pseudonyms_differ_from_plain():
    plain = run("report", "--pseudonymize").stdout
    salted = run("report", "--pseudonymize", "--salt", "pepper").stdout
    first = re.compile(r'<table id="top-pagerank">.*?data-id="([^"]+)"', re.S)
    assert first.search(plain).group(1) != first.search(salted).group(1)
    assert set(re.findall(r'data-id="([^"]+)"', plain)) <= {f"P{i:04d}" for i in range(1, 22)}


@pytest.mark.parametrize(
    "args,message",
    [(["--path-from", "1"], "--path-from and --to go together"),
     (["--path-from", "1", "--to", "nobody"], "nobody"),
     (["--size-by", "fame"], "fame"),
     (["--top", "0"], "top"),
     (["--salt", "pepper"], "--salt needs --pseudonymize"),
     (["--dataset", "nothing"], "nothing")],
)
def test_errors_are_one_line(args, message):
    result = run("report", *args)
    assert result.returncode != 0
    assert message in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert result.stdout == ""


def test_unwritable_out_is_an_error(tmp_path):
    result = run("report", "--out", str(tmp_path / "missing" / "report.html"))
    assert result.returncode != 0
    assert "cannot write" in result.stderr
