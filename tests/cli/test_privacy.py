"""--pseudonymize on every command: outputs carry pseudonyms only, the figures
are those of the plain run, and person options still take the real ids."""

import csv
import json
import os
import subprocess

import pytest

CLI = os.environ["ORGNET_CLI"]

PEOPLE = [("alice", "Alice Archer", "Sales", ""), ("bob", "Bob Baker", "Sales", "alice"),
          ("carol", "Carol Cook", "Ops", "alice"), ("dave", "Dave Dyer", "Ops", "carol"),
          ("erin", "Erin Eads", "Ops", "carol")]
TIES = [("bob", "alice", "advice"), ("carol", "alice", "advice"), ("dave", "carol", "advice"),
        ("erin", "carol", "advice"), ("dave", "bob", "advice"), ("bob", "erin", "friendship"),
        ("erin", "dave", "friendship"), ("alice", "dave", "email")]
SECRETS = [p[0] for p in PEOPLE] + [p[1] for p in PEOPLE]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    d = tmp_path_factory.mktemp("org")
    with open(d / "people.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "department", "manager"])
        w.writerows(PEOPLE)
    with open(d / "ties.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["source", "target", "relation"])
        w.writerows(TIES)
    return ["--people", str(d / "people.csv"), "--ties", str(d / "ties.csv")]


def run(*args):
    result = subprocess.run([CLI, *args], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def pseudonym(person):
    """Without a salt, pseudonyms follow the input order (report/privacy.hpp)."""
    return f"P{[p[0] for p in PEOPLE].index(person) + 1:04d}"


COMMANDS = [
    ["summary", "--format", "json"],
    ["centrality", "--format", "csv", "--top", "0"],
    ["bottlenecks", "--format", "csv", "--top", "0"],
    ["path", "--from", "alice", "--to", "dave", "--format", "json"],
    ["win-over", "--target", "dave", "-k", "2", "--format", "json"],
    ["network-plan", "--person", "erin", "--format", "json"],
    ["spread", "--from", "alice", "--simulations", "200", "--format", "csv"],
    ["seeds", "--k", "2", "--format", "csv"],
    ["structure", "--format", "json"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_outputs_carry_pseudonyms_only(files, command):
    plain = run(*command, *files)
    hidden = run(*command, *files, "--pseudonymize")
    for secret in SECRETS:
        assert secret not in hidden, secret
    # The same figures: mapping every real id of the plain run to its
    # pseudonym gives the pseudonymized output (names and titles aside).
    mapped = plain
    for person, name, _, _ in PEOPLE:
        mapped = mapped.replace(name, "")
    hidden_cmp = hidden
    for person, _, _, _ in sorted(PEOPLE, key=lambda p: -len(p[0])):
        mapped = mapped.replace(person, pseudonym(person))
    if command[0] not in ("network-plan",):  # it prints names next to ids
        assert mapped == hidden_cmp


def test_person_options_take_real_ids_or_pseudonyms(files):
    by_real = json.loads(run("path", "--from", "alice", "--to", "dave", "--format", "json", *files, "--pseudonymize"))
    by_pseudonym = json.loads(run("path", "--from", pseudonym("alice"), "--to", pseudonym("dave"), "--format", "json",
                                  *files, "--pseudonymize"))
    assert by_real == by_pseudonym
    assert [p["id"] for p in by_real["chains"][0]["people"]][0] == pseudonym("alice")


def test_salted_pseudonyms_do_not_follow_input_order(files):
    out = json.loads(run("centrality", "--format", "json", "--top", "0", *files, "--pseudonymize", "--salt", "s3cret"))
    ids = sorted(row["id"] for row in out["rows"])
    assert ids == [f"P{i:04d}" for i in range(1, 6)]
    unsalted = json.loads(run("centrality", "--format", "json", "--top", "0", *files, "--pseudonymize"))
    # Same people, same scores, but the numbering differs for at least one person.
    assert sorted(r["degree"] for r in out["rows"]) == sorted(r["degree"] for r in unsalted["rows"])
    assert [r["id"] for r in out["rows"]] != [r["id"] for r in unsalted["rows"]]


def test_salt_without_pseudonymize_is_an_error(files):
    result = subprocess.run([CLI, "summary", *files, "--salt", "x"], capture_output=True, text=True)
    assert result.returncode == 2 and result.stderr.strip() == "orgnet: error: --salt needs --pseudonymize"


def krackhardt_department_sizes():
    """Department sizes from the bundled nodes.csv (department "0" is the CEO's: none)."""
    path = os.path.join(os.environ["ORGNET_TEST_DATA_DIR"], "..", "..", "data", "krackhardt_high_tech", "nodes.csv")
    with open(path, newline="", encoding="utf-8") as f:
        depts = [row["dept"] for row in csv.DictReader(f) if row["dept"] != "0"]
    return {d: depts.count(d) for d in set(depts)}


@pytest.mark.parametrize("k", [0, 4, 5, 9])
def test_min_group_size_leaves_out_small_departments(k):
    sizes = krackhardt_department_sizes()  # 4 departments of 8, 5, 4 and 3 people
    kept = {d for d, n in sizes.items() if k <= 1 or n >= k}
    dropped = len(sizes) - len(kept)

    summary = json.loads(run("summary", "--format", "json", "--min-group-size", str(k)))
    assert summary["department_sizes"] == {d: sizes[d] for d in kept}
    assert summary["departments"] == len(sizes)  # the count itself is not a department-level figure
    assert summary.get("department_sizes_suppressed", {"departments": 0})["departments"] == dropped

    spread = json.loads(run("spread", "--from", "7", "--simulations", "100", "--format", "json",
                            "--min-group-size", str(k)))
    assert {d["department"] for d in spread["departments"]} == kept
    assert spread.get("departments_suppressed", {"departments": 0})["departments"] == dropped

    silos = json.loads(run("structure", "silos", "--permutations", "0", "--format", "json",
                           "--min-group-size", str(k)))["silos"]
    assert {g["group"] for g in silos["groups"]} == kept
    for g in silos["groups"]:
        assert set(g["ties_to"]) == kept
    assert silos.get("groups_suppressed", {"groups": 0})["groups"] == dropped
    table = run("structure", "silos", "--permutations", "0", "--min-group-size", str(k))
    assert (f"({dropped} department(s) under {k} people suppressed)" in table) == (dropped > 0)
