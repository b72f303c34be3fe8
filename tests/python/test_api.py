"""The package surface: type stubs cover everything public, everything has a
docstring, keyword defaults match the C++ option structs."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

import orgnet

STUB = Path(orgnet.__file__).with_name("__init__.pyi")
CLASSES = ["ImmResult", "InfluenceGraph", "GraphBuilder", "RelationSpec", "RelationMap", "HierarchyStats", "ComponentsResult",
           "CutPointsResult", "StructuralHolesResult", "BrokerageResult", "DominatorTree", "MustPassResult",
           "EdgeCutResult", "VertexCutResult", "KeyPlayerResult", "RemovalImpact", "OverloadResult",
           "Labeling", "CommunityResult", "PartitionAgreement",
           "MixingResult", "QapResult", "FormalInformalResult", "RolesResult",
           "SimulationResult", "OpinionResult",
           "ReachabilityResult", "CelfResult"]


def stub_tree() -> ast.Module:
    return ast.parse(STUB.read_text(encoding="utf-8"))


def public(names):
    return {n for n in names if not n.startswith("_")}


def test_stub_and_marker_are_installed_with_the_package():
    assert STUB.is_file()
    assert STUB.with_name("py.typed").is_file()


def test_stub_lists_every_public_name():
    tree = stub_tree()
    top = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            top.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            top.add(node.target.id)
    assert set(orgnet.__all__) - {"__version__"} <= top
    assert "__version__" in top
    assert public(top) - set(orgnet.__all__) == set(), "stub declares names the package does not export"


@pytest.mark.parametrize("name", CLASSES)
def test_stub_lists_every_method(name):
    classes = {n.name: n for n in stub_tree().body if isinstance(n, ast.ClassDef)}
    declared = {n.name for n in classes[name].body if isinstance(n, ast.FunctionDef)}
    declared |= {n.target.id for n in classes[name].body
                 if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)}
    actual = public(dir(getattr(orgnet, name)))
    assert actual - declared == set()
    assert public(declared) - actual == set()


def documented(obj) -> bool:
    """A docstring beyond pybind11's generated signature lines."""
    doc = inspect.getdoc(obj) or ""
    lines = [line for line in doc.splitlines() if line.strip()]
    name = getattr(obj, "__name__", "")
    prose = [line for line in lines if not line.startswith(f"{name}(") and not line.startswith("Overloaded function")
             and not line[:2].rstrip(".").isdigit()]
    return bool(prose)


def test_every_function_and_class_has_a_docstring():
    missing = [name for name in orgnet.__all__ if name != "__version__" and not documented(getattr(orgnet, name))]
    assert missing == []


@pytest.mark.parametrize("name", CLASSES)
def test_every_method_has_a_docstring(name):
    cls = getattr(orgnet, name)
    missing = []
    for attribute in public(dir(cls)):
        member = getattr(cls, attribute)
        if isinstance(member, property):
            if not (member.__doc__ or "").strip():
                missing.append(attribute)
            continue
        if callable(member) and not documented(member):
            missing.append(attribute)
    assert missing == []


def test_version():
    assert orgnet.__version__.count(".") == 2


def test_keyword_defaults_are_the_cpp_defaults():
    """Defaults come from the C++ structs (csv.hpp, graph_builder.hpp, edge_list.hpp)."""
    doc = orgnet.load_csv.__doc__
    for fragment in ("id_col: Optional[str] = 'id'", "default_relation: str = 'tie'", "delimiter: str = ','",
                     "comment: object = '#'", "hierarchy_relation: str = 'reports_to'", "create_missing: bool = False"):
        assert fragment in doc or fragment.replace("Optional[str]", "object") in doc, fragment
    assert "relation: str = 'tie'" in orgnet.load_edge_list.__doc__
    assert "name: str = 'krackhardt'" in orgnet.load_dataset.__doc__
