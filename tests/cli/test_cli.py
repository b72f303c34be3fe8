"""The orgnet command-line tool, driven as a user would drive it.

Expected figures come from networkx, computed here from the bundled CSV files
independently of orgnet (with the documented default relation directions).
"""

import csv
import json
import os
import pathlib
import re
import subprocess

import networkx as nx
import pytest
from cli_oracles import influence_digraph

CLI = os.environ["ORGNET_CLI"]
TEST_DATA = pathlib.Path(os.environ["ORGNET_TEST_DATA_DIR"])
DATA = TEST_DATA.parent.parent / "data"
CORPUS = TEST_DATA / "malformed" / "csv"


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    "dataset,folder",
    [("krackhardt", "krackhardt_high_tech"), ("lazega", "lazega_law_firm"),
     ("email_eu_core", "email_eu_core"), ("uk_faculty", "uk_faculty"), ("enron", "enron_email")],
)
def test_summary_json_matches_networkx(dataset, folder):
    result = run("summary", "--dataset", dataset, "--format", "json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    g = influence_digraph(folder)
    assert summary["people"] == g.number_of_nodes()
    assert summary["influence_edges"] == g.number_of_edges()
    assert summary["density"] == pytest.approx(nx.density(g), rel=1e-12)
    assert summary["reciprocity"] == pytest.approx(nx.overall_reciprocity(g), rel=1e-12)
    weak = list(nx.weakly_connected_components(g))
    strong = list(nx.strongly_connected_components(g))
    assert summary["weak_components"] == len(weak)
    assert summary["largest_weak_component"] == max(map(len, weak))
    assert summary["strong_components"] == len(strong)
    assert summary["largest_strong_component"] == max(map(len, strong))


def test_summary_without_arguments_describes_krackhardt():
    result = run("summary")
    assert result.returncode == 0, result.stderr
    def row(label):
        match = re.search(rf"^ +{re.escape(label)} +(\S+)", result.stdout, re.M)
        assert match, label
        return match.group(1)

    assert row("people") == "21"
    assert row("ties") == "312"
    assert row("advice") == "190"
    assert row("friendship") == "102"
    assert row("reports_to") == "20"
    assert row("departments") == "4"
    assert row("people without department") == "1"  # the CEO (department code 0)
    assert "krackhardt" in result.stdout.splitlines()[0]
    # CEO -> VP -> manager: three levels, 1 person at the top, 5 managers (CEO + 4 VPs).
    assert re.search(r"^  hierarchy depth \(levels\) +3 ", result.stdout, re.M)
    assert re.search(r"^  managers +5$", result.stdout, re.M)
    assert result.stderr == ""


def test_summary_csv_is_machine_readable():
    result = run("summary", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = dict(csv.reader(result.stdout.splitlines()[1:]))
    assert rows["people"] == "21"
    assert rows["ties.advice"] == "190"
    assert rows["hierarchy_depth"] == "3"
    assert rows["managers"] == "5"
    # Independent check of spans from the reports_to rows.
    spans = {}
    with open(DATA / "krackhardt_high_tech" / "edges.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["relation"] == "reports_to":
                spans[row["target"]] = spans.get(row["target"], 0) + 1
    assert int(rows["max_span"]) == max(spans.values())
    assert int(rows["managers"]) == len(spans)


def test_csv_input_with_column_mapping(tmp_path):
    people = tmp_path / "people.csv"
    ties = tmp_path / "ties.csv"
    people.write_text("emp,unit,boss\na,X,\nb,X,a\nc,Y,a\n", encoding="utf-8")
    ties.write_text("from,to\nb,a\nc,a\n", encoding="utf-8")
    result = run("summary", "--people", str(people), "--ties", str(ties), "--id-col", "emp",
                 "--department-col", "unit", "--manager-col", "boss", "--source-col", "from",
                 "--target-col", "to", "--default-relation", "advice", "--format", "json")
    assert result.returncode == 0, result.stderr
    s = json.loads(result.stdout)
    assert (s["people"], s["ties"], s["departments"], s["hierarchy"]["depth"]) == (3, 2, 2, 2)
    assert s["relations"][0] == {"relation": "advice", "ties": 2, "direction": "target_to_source",
                                 "strength_rule": "weighted_cascade", "scale": 1, "used_fallback": False}


def corpus_cases():
    return sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


@pytest.mark.parametrize("case", corpus_cases())
def test_malformed_input_gives_one_line_and_exit_code_2(case):
    folder = CORPUS / case
    expected = (folder / "expected.txt").read_text(encoding="utf-8").splitlines()[0]
    expected = expected.replace("{dir}", str(folder))
    result = run("summary", "--people", str(folder / "people.csv"), "--ties", str(folder / "ties.csv"))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"orgnet: error: {expected}\n"


def test_bad_usage_exits_2():
    for args in (["summary", "--format", "xml"], ["summary", "--no-such-option"], ["frobnicate"],
                 ["summary", "--dataset", "nope"], ["summary", "--people", "/nonexistent.csv"],
                 ["summary", "--relation", "advice=sideways"]):
        result = run(*args)
        assert result.returncode == 2, args
        assert result.stderr.startswith("orgnet: error: "), args
        assert result.stderr.count("\n") == 1, (args, result.stderr)


def test_help_and_datasets():
    assert run("--help").returncode == 0
    assert "--department-col" in run("summary", "--help").stdout
    listing = run("datasets")
    assert listing.returncode == 0
    for name in ("krackhardt", "lazega", "email_eu_core", "uk_faculty", "enron"):
        assert name in listing.stdout


@pytest.mark.parametrize("folder,dataset", [("krackhardt_high_tech", "krackhardt"), ("lazega_law_firm", "lazega")])
def test_centrality_matches_networkx(folder, dataset):
    result = run("centrality", "--dataset", dataset, "--measure", "in_degree,out_degree,betweenness,closeness",
                 "--distance", "hops", "--flow", "received", "--format", "csv", "--top", "0")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(result.stdout.splitlines()))
    g = influence_digraph(folder)
    assert len(rows) == g.number_of_nodes()
    oracle = {
        "in_degree": nx.in_degree_centrality(g),
        "out_degree": nx.out_degree_centrality(g),
        "betweenness": nx.betweenness_centrality(g),
        "closeness": nx.closeness_centrality(g),
    }
    for row in rows:
        for measure, values in oracle.items():
            assert float(row[measure]) == pytest.approx(values[row["id"]], rel=1e-12, abs=1e-15), (measure, row["id"])
    # Sorted by the first measure, best first; equal scores share a rank.
    in_degrees = [float(r["in_degree"]) for r in rows]
    assert in_degrees == sorted(in_degrees, reverse=True)
    ranks = [int(r["rank"]) for r in rows]
    for i in range(1, len(rows)):
        expected = ranks[i - 1] if in_degrees[i] == in_degrees[i - 1] else i + 1
        assert ranks[i] == expected


def test_centrality_flow_exerted_is_networkx_on_the_reversed_graph():
    result = run("centrality", "--measure", "closeness,harmonic", "--distance", "hops", "--format", "csv", "--top", "0")
    assert result.returncode == 0, result.stderr
    rows = {r["id"]: r for r in csv.DictReader(result.stdout.splitlines())}
    reverse = influence_digraph("krackhardt_high_tech").reverse()
    for person, value in nx.closeness_centrality(reverse).items():
        assert float(rows[person]["closeness"]) == pytest.approx(value, rel=1e-12)
    for person, value in nx.harmonic_centrality(reverse).items():
        assert float(rows[person]["harmonic"]) == pytest.approx(value, rel=1e-12)


def test_centrality_table_output_and_threads():
    one = run("centrality", "--top", "5", "--threads", "1")
    two = run("centrality", "--top", "5", "--threads", "2")
    assert one.returncode == 0, one.stderr
    assert one.stdout == two.stdout  # results do not depend on the thread count
    lines = one.stdout.splitlines()
    assert lines[0] == "Centrality of krackhardt (bundled dataset): top 5 by degree"
    assert lines[1].split()[:4] == ["rank", "id", "department", "degree"]
    assert len(lines) == 7
    ranked = run("centrality", "--measure", "degree", "--sort-by", "pagerank", "--format", "json", "--top", "3")
    document = json.loads(ranked.stdout)
    assert document["sort_by"] == "pagerank"
    assert [c["measure"] for c in document["columns"]] == ["degree", "pagerank"]
    assert document["columns"][1]["convergence"]["converged"] is True
    assert len(document["rows"]) == 3


def test_centrality_approximate_ranking_marks_certain_rows():
    """--measure approx_betweenness: every row says whether it is certainly in
    the top k; certain rows are in NetworkX's exact top k (Krackhardt, hops)."""
    g = nx.DiGraph()
    g.add_edges_from(influence_digraph("krackhardt_high_tech").edges())
    exact = nx.betweenness_centrality(g, normalized=False)
    n = g.number_of_nodes()
    exact = {p: b / (n * (n - 1)) for p, b in exact.items()}
    result = run("centrality", "--measure", "approx_betweenness", "--epsilon", "0.005", "--distance", "hops",
                 "--top", "5", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(result.stdout.splitlines()))
    assert list(rows[0]) == ["rank", "id", "department", "approx_betweenness", "certain"]
    fifth = sorted(exact.values(), reverse=True)[4]
    for row in rows:
        assert abs(float(row["approx_betweenness"]) - exact[row["id"]]) <= 0.005
        if row["certain"] == "true":
            assert exact[row["id"]] >= fifth
    table = run("centrality", "--measure", "approx_betweenness", "--epsilon", "0.005", "--top", "5")
    certain = sum(r["certain"] == "true" for r in rows)
    assert f"{certain} of these 5 are certainly in the top 5" in table.stdout


def test_progress_flags():
    """--progress forces the progress line, --no-progress turns it off; a task
    that ends within a second draws nothing either way (stdout is unchanged)."""
    plain = run("centrality", "--top", "3")
    for flag in ("--progress", "--no-progress"):
        result = run(flag, "centrality", "--top", "3")
        assert result.returncode == 0, result.stderr
        assert result.stdout == plain.stdout
        assert result.stderr == ""


def test_centrality_bad_options_exit_2():
    for args in (["centrality", "--measure", "fame"], ["centrality", "--distance", "far"],
                 ["centrality", "--sort-by", "nope"], ["centrality", "--katz-alpha", "5"]):
        result = run(*args)
        assert result.returncode == 2, args
        assert result.stderr.startswith("orgnet: error: ") and result.stderr.count("\n") == 1, (args, result.stderr)
