"""Shared by the CLI tests: the influence graph as networkx sees it, built from
the bundled CSV files independently of orgnet (documented default directions)."""

import csv
import os
import pathlib

import networkx as nx

DATA = pathlib.Path(os.environ["ORGNET_TEST_DATA_DIR"]).parent.parent / "data"

# Default relation map: who influences whom relative to the tie's direction.
REVERSED = {"advice", "trust", "friendship", "reports_to"}
BOTH = {"cowork"}


def influence_digraph(folder):
    """Directions applied, self-loops dropped, no weights."""
    g = nx.DiGraph()
    with open(DATA / folder / "nodes.csv", newline="", encoding="utf-8") as f:
        g.add_nodes_from(row["id"] for row in csv.DictReader(f))
    with open(DATA / folder / "edges.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            s, t, rel = row["source"], row["target"], row["relation"]
            if s == t:
                continue
            if rel in REVERSED:
                g.add_edge(t, s)
            elif rel in BOTH:
                g.add_edge(s, t)
                g.add_edge(t, s)
            else:
                g.add_edge(s, t)
    return g
