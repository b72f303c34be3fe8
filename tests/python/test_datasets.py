"""Every bundled dataset loads with its published counts (data/*/README.md)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import orgnet
from oracles import DATA, DATASETS, read_raw


def relation_counts(graph: orgnet.InfluenceGraph) -> dict[str, int]:
    counts = np.bincount(graph.ties()["relation"], minlength=graph.num_relations)
    return dict(zip(graph.relation_names(), counts.tolist()))


def test_bundled_datasets_listing():
    infos = orgnet.bundled_datasets()
    assert [d["name"] for d in infos] == list(DATASETS)
    assert [d["folder"] for d in infos] == [d["folder"] for d in DATASETS.values()]
    assert all(d["description"] and d["citation"] for d in infos)


def test_bundled_data_dir_is_the_source_tree():
    directory = orgnet.bundled_data_dir()
    assert isinstance(directory, Path)
    assert directory.resolve() == DATA.resolve()


def test_krackhardt_published_counts(datasets):
    g = datasets["krackhardt"]
    assert (g.num_vertices, g.num_ties) == (21, 312)
    assert relation_counts(g) == {"advice": 190, "friendship": 102, "reports_to": 20}
    # reports_to is a tree rooted at the CEO (id 7); VPs 2, 14, 18, 21 report to 7.
    ceo = g.index_of("7")
    assert g.manager(ceo) is None
    assert sorted(g.id(v) for v in g.direct_reports(ceo)) == ["14", "18", "2", "21"]
    assert g.level(ceo) == 0
    assert not g.levels_given().any()  # derived from reports_to, as datasets.hpp documents
    # The file's 1-based level column is kept as a free attribute and agrees with the derived levels.
    np.testing.assert_array_equal(np.array(g.attribute("level"), dtype=int) - 1, g.levels())


def test_lazega_published_counts(datasets):
    g = datasets["lazega"]
    assert (g.num_vertices, g.num_ties) == (71, 2571)
    assert relation_counts(g) == {"advice": 892, "friendship": 575, "cowork": 1104}
    offices = g.department_names()
    sizes = {offices[d]: int(np.sum(g.departments() == d)) for d in range(g.num_departments)}
    assert sizes == {"Boston": 48, "Hartford": 19, "Providence": 4}


def test_email_eu_core_published_counts(datasets):
    g = datasets["email_eu_core"]
    assert (g.num_vertices, g.num_ties) == (1005, 25571)
    assert g.load_report()["self_ties"] == 642
    assert g.num_departments == 42
    weak = orgnet.weak_components(g)
    strong = orgnet.strong_components(g)
    # SNAP: largest WCC 986 nodes, 203 SCCs, largest SCC 803 nodes.
    assert weak.largest() == 986
    assert strong.count() == 203
    assert strong.largest() == 803
    # Edges inside the largest components (SNAP: 25 552 and 24 729, self-loops included).
    ties = g.ties()
    for result, published in ((weak, 25552), (strong, 24729)):
        biggest = int(np.argmax(result.sizes))
        inside = (result.component[ties["source"]] == biggest) & (result.component[ties["target"]] == biggest)
        assert int(inside.sum()) == published


def test_uk_faculty_published_counts(datasets):
    g = datasets["uk_faculty"]
    assert (g.num_vertices, g.num_ties) == (81, 817)
    assert relation_counts(g) == {"friendship": 817}
    groups = g.department_names()
    sizes = {groups[d]: int(np.sum(g.departments() == d)) for d in range(g.num_departments)}
    assert sizes == {"1": 33, "2": 27, "3": 19, "4": 2}
    # 480 reciprocated arcs (README); reversing every tie keeps reciprocity.
    assert orgnet.summary(g)["reciprocity"] == 480 / 817


def test_enron_published_counts(datasets):
    g = datasets["enron"]
    assert (g.num_vertices, g.num_ties) == (184, 5295)
    assert relation_counts(g) == {"email_bcc": 1180, "email_cc": 1180, "email_to": 2935}
    assert g.num_departments == 0
    # Job titles come from the "note" column; "NA" (unknown, per the README) reads as none.
    nodes, _ = read_raw("enron")
    assert g.titles() == ["" if note == "NA" else note for note in nodes.note]
    assert g.titles().count("") == 54
    assert sorted(g.load_report()["relations_using_fallback"]) == ["email_bcc", "email_cc", "email_to"]


@pytest.mark.parametrize("name", DATASETS)
def test_people_and_ties_match_the_csv(datasets, name):
    """Vertex order, ids, departments, free attributes and ties equal the files."""
    g = datasets[name]
    nodes, edges = read_raw(name)
    assert g.ids() == nodes.id.tolist()
    department = DATASETS[name]["department"]
    if department is not None:
        names = g.department_names()
        none = DATASETS[name].get("none")
        expected = ["" if value == none else value for value in nodes[department].tolist()]
        assert [names[d] if d >= 0 else "" for d in g.departments()] == expected
    ties = g.ties_frame()
    assert ties.source.tolist() == edges.source.tolist()
    assert ties.target.tolist() == edges.target.tolist()
    assert ties.relation.tolist() == edges.relation.tolist()
    np.testing.assert_array_equal(ties.weight.to_numpy(), edges.weight.to_numpy())
    # Person fields read by default (datasets.hpp: Krackhardt's level column is
    # turned off, Enron's title is "note").
    used = {"id", department, "name", "title", "manager", "level" if name != "krackhardt" else None,
            "note" if name == "enron" else None}
    if "name" in nodes:
        none = DATASETS[name].get("none")
        assert g.names() == ["" if value == none else value for value in nodes["name"]]
    free = [c for c in nodes.columns if c not in used]
    assert g.attribute_names() == free
    for column in free:
        assert g.attribute(column) == nodes[column].tolist()


def test_load_dataset_by_folder_name_and_unknown_name():
    assert orgnet.load_dataset("uk_faculty").num_vertices == 81
    assert orgnet.load_dataset("krackhardt_high_tech").num_vertices == 21
    with pytest.raises(ValueError) as error:
        orgnet.load_dataset("nope")
    assert str(error.value) == (
        "unknown dataset 'nope' (bundled: krackhardt, lazega, email_eu_core, uk_faculty, enron)"
    )


def test_default_dataset_is_krackhardt():
    assert orgnet.load_dataset().ids() == orgnet.load_dataset("krackhardt").ids()
