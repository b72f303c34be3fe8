"""summary() against networkx run on the raw CSV files (read with pandas),
with the relation map's directions applied here, independently of orgnet."""

from __future__ import annotations

import json
import math
import os
import subprocess

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import orgnet
from oracles import AS_IS, BOTH, DATASETS, REVERSED, SCALE, edge_strengths, influence_arcs, read_raw, influence_digraph


def expected_summary(name: str) -> dict:
    """Every member of summary() computed from the files with pandas / networkx."""
    nodes, edges = read_raw(name)
    d = influence_digraph(name)
    arcs = influence_arcs(edges)
    strengths = edge_strengths(edges)
    weak = [len(c) for c in nx.weakly_connected_components(d)]
    strong = [len(c) for c in nx.strongly_connected_components(d)]
    department = DATASETS[name]["department"]
    none = DATASETS[name].get("none")
    with_department = nodes[nodes[department] != none] if department else nodes.iloc[0:0]
    sizes = with_department[department].value_counts() if department else pd.Series(dtype=int)
    order = with_department[department].unique().tolist() if department else []
    relations = edges.relation.unique().tolist()
    counts = edges.relation.value_counts()

    # Formal hierarchy from reports_to ties: manager = target.
    reports = edges[edges.relation == "reports_to"]
    manager = dict(zip(reports.source, reports.target))

    def depth(person: str) -> int:
        steps = 0
        while person in manager:
            person = manager[person]
            steps += 1
        return steps

    spans = reports.target.value_counts()
    return {
        "people": len(nodes),
        "ties": len(edges),
        "relations": [
            {
                "relation": r,
                "ties": int(counts[r]),
                "direction": "target_to_source" if r in REVERSED else "both" if r in BOTH else "source_to_target",
                "strength_rule": "as_is" if r in AS_IS else "weighted_cascade",
                "scale": SCALE.get(r, 1.0),
                "used_fallback": r not in {"advice", "trust", "friendship", "communication", "email",
                                           "reports_to", "cowork"},
            }
            for r in relations
        ],
        "self_ties": int((edges.source == edges.target).sum()),
        "influence_edges": d.number_of_edges(),
        "merged_arcs": len(arcs) - d.number_of_edges(),
        "people_from_ties": 0,
        "departments": len(order),
        "people_without_department": len(nodes) - len(with_department),
        "department_sizes": {k: int(sizes[k]) for k in order},
        "density": nx.density(d),
        "reciprocity": nx.overall_reciprocity(d),
        "mean_strength": float(strengths.mean()),
        "weak_components": len(weak),
        "largest_weak_component": max(weak),
        "strong_components": len(strong),
        "largest_strong_component": max(strong),
        "hierarchy": {
            "depth": max(depth(p) for p in nodes.id) + 1,
            "roots": len(nodes) - len(manager),
            "managers": len(spans),
            "mean_span": float(spans.mean()) if len(spans) else math.nan,
            "median_span": float(spans.median()) if len(spans) else math.nan,
            "max_span": int(spans.max()) if len(spans) else 0,
        },
    }


def assert_matches(actual, expected, path="summary"):
    if isinstance(expected, dict):
        assert isinstance(actual, dict), path
        assert list(actual) == list(expected), path
        for key in expected:
            assert_matches(actual[key], expected[key], f"{path}.{key}")
    elif isinstance(expected, list):
        assert len(actual) == len(expected), path
        for i, (a, e) in enumerate(zip(actual, expected)):
            assert_matches(a, e, f"{path}[{i}]")
    elif isinstance(expected, float):
        if math.isnan(expected):
            assert math.isnan(actual), path
        else:
            assert actual == pytest.approx(expected, rel=1e-12, abs=0), path
    else:
        assert actual == expected, path
        assert type(actual) is type(expected), path


@pytest.mark.parametrize("name", DATASETS)
def test_summary_matches_networkx(datasets, name):
    assert_matches(orgnet.summary(datasets[name]), expected_summary(name))


def test_krackhardt_summary_by_hand(krackhardt):
    s = orgnet.summary(krackhardt)
    # Spans: the CEO has 4 VPs; the VPs' departments have 3, 7, 4 and 2 other managers.
    assert s["hierarchy"] == {"depth": 3, "roots": 1, "managers": 5, "mean_span": 4.0, "median_span": 4.0,
                              "max_span": 7}
    assert s["influence_edges"] == 232 and s["merged_arcs"] == 80


@pytest.mark.parametrize(("relation", "reciprocated", "arcs"), [("advice", 350, 892), ("friendship", 352, 575)])
def test_lazega_published_reciprocity(relation, reciprocated, arcs):
    """Lazega's README: advice 892 arcs, 350 reciprocated; friendship 575, 352."""
    nodes, edges = read_raw("lazega")
    chosen = edges[edges.relation == relation]
    g = orgnet.from_arrays(chosen.source, chosen.target, chosen.weight, chosen.relation, people=nodes[["id"]])
    s = orgnet.summary(g)
    assert s["influence_edges"] == arcs
    assert s["reciprocity"] == reciprocated / arcs


def test_summary_of_degenerate_graphs():
    empty = orgnet.summary(orgnet.InfluenceGraph())
    assert empty["people"] == 0 and empty["density"] == 0.0
    assert math.isnan(empty["reciprocity"]) and math.isnan(empty["mean_strength"])
    assert empty["weak_components"] == 0 and empty["largest_weak_component"] == 0
    assert empty["hierarchy"]["depth"] == 0 and math.isnan(empty["hierarchy"]["mean_span"])

    b = orgnet.GraphBuilder()
    b.add_person("solo")
    one = orgnet.summary(b.build())
    assert one["people"] == 1 and one["density"] == 0.0
    assert one["weak_components"] == 1 and one["strong_components"] == 1
    assert one["hierarchy"]["depth"] == 1 and one["hierarchy"]["roots"] == 1


def test_format_summary_json_is_the_summary(krackhardt):
    text = orgnet.format_summary(krackhardt, "json", title="Krackhardt")
    document = json.loads(text)
    assert document.pop("title") == "Krackhardt"
    assert document == orgnet.summary(krackhardt)
    assert orgnet.format_summary(krackhardt, orgnet.OutputFormat.csv).startswith("metric,value\npeople,21\n")
    assert orgnet.format_summary(krackhardt).startswith("Summary")
    with pytest.raises(ValueError, match=r"^unknown output format 'xml'"):
        orgnet.format_summary(krackhardt, "xml")


def nan_to_none(value):
    if isinstance(value, dict):
        return {k: nan_to_none(v) for k, v in value.items()}
    if isinstance(value, list):
        return [nan_to_none(v) for v in value]
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


@pytest.mark.skipif(not os.environ.get("ORGNET_CLI"), reason="ORGNET_CLI (path of the orgnet tool) not set")
@pytest.mark.parametrize("name", DATASETS)
def test_summary_equals_the_cli_json(datasets, name):
    """summary() has exactly the members and values of `orgnet summary --format json`."""
    run = subprocess.run([os.environ["ORGNET_CLI"], "summary", "--dataset", name, "--format", "json"],
                         capture_output=True, text=True, check=True)
    document = json.loads(run.stdout)
    document.pop("title")
    assert document == nan_to_none(orgnet.summary(datasets[name]))
    assert list(document) == list(orgnet.summary(datasets[name]))
