"""Bad input raises ValueError with the C++ (and CLI) message; unknown ids and
indices raise IndexError."""

from __future__ import annotations

import os
import re
import subprocess

import numpy as np
import pytest

import orgnet
from oracles import MALFORMED

CSV_CASES = sorted(p for p in (MALFORMED / "csv").iterdir() if p.is_dir())


def expected_message(case) -> str:
    line = (case / "expected.txt").read_text(encoding="utf-8").splitlines()[0]
    return line.replace("{dir}", str(case))


@pytest.mark.parametrize("case", CSV_CASES, ids=lambda p: p.name)
def test_malformed_csv_corpus(case):
    with pytest.raises(ValueError) as error:
        orgnet.load_csv(str(case / "people.csv"), str(case / "ties.csv"))
    assert str(error.value) == expected_message(case)


def test_malformed_corpus_is_there():
    assert len(CSV_CASES) >= 10


@pytest.mark.skipif(not os.environ.get("ORGNET_CLI"), reason="ORGNET_CLI (path of the orgnet tool) not set")
@pytest.mark.parametrize("case", CSV_CASES, ids=lambda p: p.name)
def test_python_message_equals_the_cli_message(case):
    run = subprocess.run(
        [os.environ["ORGNET_CLI"], "summary", "--people", str(case / "people.csv"), "--ties", str(case / "ties.csv")],
        capture_output=True, text=True, check=False)
    assert run.returncode != 0
    with pytest.raises(ValueError) as error:
        orgnet.load_csv(case / "people.csv", case / "ties.csv")
    assert run.stderr.strip() == f"orgnet: error: {error.value}"


LOCATED = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): ")


def located(error: pytest.ExceptionInfo, path) -> tuple[int, int]:
    match = LOCATED.match(str(error.value))
    assert match, str(error.value)
    assert match["file"] == str(path)
    return int(match["line"]), int(match["column"])


def test_bad_weight_in_ties_only_csv(tmp_path):
    ties = tmp_path / "bad_weight_ties.csv"
    ties.write_text("source,target,weight\na,b,1\n\n# comment\nb,c,  -0.5\n", encoding="utf-8")
    with pytest.raises(ValueError) as error:
        orgnet.load_ties_csv(ties)
    assert located(error, ties) == (5, 7)
    assert str(error.value).endswith("field 'weight': expected a finite number > 0, got -0.5")


def test_crlf_and_quotes_do_not_shift_columns(tmp_path):
    people = tmp_path / "people.csv"
    people.write_text('id,name,level\r\n1,"Doe, Jane",0\r\n2,"Łukasz ""Ł""",x\r\n', encoding="utf-8")
    ties = tmp_path / "ties.csv"
    ties.write_text("source,target\n1,2\n", encoding="utf-8")
    with pytest.raises(ValueError) as error:
        orgnet.load_csv(people, ties)
    # Columns count characters: 2 , " Ł u k a s z _ " " Ł " " " , x  ->  x is the 18th.
    assert located(error, people) == (3, 18)
    assert "expected a whole number >= 0 (0 = top), got 'x'" in str(error.value)


def test_column_mapping_errors(tmp_path):
    people = tmp_path / "p.csv"
    people.write_text("employee,dept\n1,A\n", encoding="utf-8")
    ties = tmp_path / "t.csv"
    ties.write_text("from,to\n1,1\n", encoding="utf-8")
    g = orgnet.load_csv(people, ties, id_col="employee", department_col="dept", source_col="from", target_col="to")
    assert g.ids() == ["1"] and g.department_names() == ["A"] and g.relation_names() == ["tie"]
    with pytest.raises(ValueError) as error:
        orgnet.load_csv(people, ties, id_col="staff")
    assert str(error.value) == f"{people}:1: no column 'staff' in the header (columns: employee, dept)"


def test_edge_list_errors(tmp_path):
    path = tmp_path / "edges.txt"
    path.write_text("# SNAP style\na b 2\nb\tc heavy\n", encoding="utf-8")
    with pytest.raises(ValueError) as error:
        orgnet.load_edge_list(path)
    assert located(error, path) == (3, 5)
    assert str(error.value).endswith("field 'weight': expected a number > 0, got 'heavy'")
    path.write_text("a b 2\nb c\n", encoding="utf-8")
    g = orgnet.load_edge_list(path, relation="email")
    assert g.ids() == ["a", "b", "c"] and g.relation_names() == ["email"]
    assert g.load_report()["people_from_ties"] == 3


def test_missing_file(tmp_path):
    with pytest.raises(ValueError, match=r": cannot open: "):
        orgnet.load_ties_csv(tmp_path / "nope.csv")


def test_option_errors(tmp_path):
    ties = tmp_path / "t.csv"
    ties.write_text("source,target\na,b\n", encoding="utf-8")
    with pytest.raises(ValueError) as error:
        orgnet.load_ties_csv(ties, delimiter=";;")
    assert str(error.value) == "delimiter must be one character, got ';;'"
    with pytest.raises(ValueError) as error:
        orgnet.load_ties_csv(ties, relations={"tie": "sideways"})
    assert str(error.value) == ("unknown influence direction 'sideways' "
                                "(expected source_to_target, target_to_source or both)")
    with pytest.raises(ValueError) as error:
        orgnet.load_ties_csv(ties, relations={"tie": "both,squared"})
    assert str(error.value) == "unknown strength rule 'squared' (expected as_is, scale_by_max or weighted_cascade)"
    with pytest.raises(ValueError) as error:
        orgnet.load_ties_csv(ties, strict_relations=True)
    assert str(error.value) == (f"{ties}:2: field 'relation': relation 'tie' is not in the relation map "
                                "and the map has no fallback")
    with pytest.raises(TypeError, match=r"^relations: expected None, a dict"):
        orgnet.load_ties_csv(ties, relations=["tie"])
    with pytest.raises(TypeError, match=r"^source_col: expected str or None, got int"):
        orgnet.load_ties_csv(ties, source_col=1)


def test_unknown_ids_and_indices_raise_index_error(krackhardt):
    with pytest.raises(IndexError) as error:
        krackhardt.index_of("99")
    assert str(error.value) == "unknown person id '99'"
    assert krackhardt.find("99") is None
    for bad in (21, -1, 2**40):
        with pytest.raises(IndexError) as error:
            krackhardt.id(bad)
        assert str(error.value) == f"vertex {bad} is out of range (graph has 21 people)"
    with pytest.raises(IndexError, match=r"^edge 232 is out of range \(graph has 232 edges\)$"):
        krackhardt.strength(232)
    with pytest.raises(IndexError, match=r"^department 4 is out of range \(graph has 4 departments\)$"):
        krackhardt.department_members(4)
    with pytest.raises(IndexError, match=r"^unknown attribute 'salary'$"):
        krackhardt.attribute("salary")
    with pytest.raises(IndexError, match=r"^unknown relation 'trust'$"):
        krackhardt.relation_spec("trust")
    with pytest.raises(IndexError, match=r"^relation 3 is out of range$"):
        krackhardt.relation_spec(3)
    with pytest.raises(IndexError):
        orgnet.chain_of_command(krackhardt, 21)
    with pytest.raises(TypeError, match=r"^relation: expected a relation name \(str\) or id \(int\), got float$"):
        krackhardt.relation_spec(1.5)


def test_builder_errors():
    b = orgnet.GraphBuilder()
    b.add_person("a")
    with pytest.raises(ValueError, match=r"^field 'id': duplicate person id 'a'$"):
        b.add_person("a")
    with pytest.raises(ValueError, match=r"^field 'level': level must be >= 0 \(0 = top\), got -2 for person 'b'$"):
        b.add_person("b", level=-2)
    with pytest.raises(ValueError, match=r"^field 'weight': expected a finite number > 0, got inf$"):
        b.add_tie("a", "b", weight=float("inf"))
    with pytest.raises(ValueError, match=r"^tie 1: field 'source': tie source is empty$"):
        b.add_ties(["a", ""], ["a", "a"])
    b.add_tie("a", "zed")
    with pytest.raises(ValueError) as error:
        b.build()
    assert str(error.value) == ("field 'target': unknown person id 'zed' "
                                "(not in the people data; ask to create missing people to accept it)")
    with pytest.raises(ValueError, match=r"^GraphBuilder: build\(\) was already called"):
        b.add_person("c")


def test_from_arrays_errors():
    with pytest.raises(ValueError, match=r"^add_ties: sources has 2 entries but targets has 1$"):
        orgnet.from_arrays(["a", "b"], ["c"])
    with pytest.raises(ValueError, match=r"^add_ties: weights has 1 entries but sources has 2$"):
        orgnet.from_arrays(["a", "b"], ["c", "d"], [1.0])
    with pytest.raises(ValueError, match=r"^tie 1: field 'weight': expected a finite number > 0, got nan$"):
        orgnet.from_arrays(["a", "b"], ["c", "d"], np.array([1.0, np.nan]))
    with pytest.raises(ValueError, match=r"^from_arrays: people needs an 'id' column"):
        orgnet.from_arrays(["a"], ["b"], people={"name": ["A"]})
    with pytest.raises(ValueError, match=r"^people row 1: field 'id': duplicate person id 'a'$"):
        orgnet.from_arrays(["a"], ["a"], people={"id": ["a", "a"]})
    with pytest.raises(ValueError, match=r"unknown person id 'b'"):
        orgnet.from_arrays(["a"], ["b"], people={"id": ["a"]})
