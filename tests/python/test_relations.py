"""RelationSpec, RelationMap, enums given as members or strings, logging."""

from __future__ import annotations

import pickle

import pytest

import orgnet


def test_relation_spec():
    spec = orgnet.RelationSpec()
    assert spec.direction == orgnet.InfluenceDirection.source_to_target
    assert spec.strength == orgnet.StrengthRule.weighted_cascade
    assert orgnet.RelationSpec("target_to_source", "as_is") == orgnet.RelationSpec(
        orgnet.InfluenceDirection.target_to_source, orgnet.StrengthRule.as_is)
    assert orgnet.RelationSpec.parse("both") == orgnet.RelationSpec("both", "weighted_cascade")
    assert str(orgnet.RelationSpec("both", "scale_by_max")) == "both,scale_by_max"
    assert repr(spec) == "RelationSpec(direction='source_to_target', strength='weighted_cascade')"
    spec.direction = "both"
    assert spec.direction == orgnet.InfluenceDirection.both
    assert pickle.loads(pickle.dumps(spec)) == spec
    assert spec != "both,weighted_cascade"
    with pytest.raises(ValueError, match=r"^unknown influence direction 'up'"):
        orgnet.RelationSpec("up")
    with pytest.raises(TypeError, match=r"^direction: expected InfluenceDirection or str, got int$"):
        orgnet.RelationSpec(1)


def test_relation_spec_scale():
    spec = orgnet.RelationSpec("target_to_source", "as_is", 0.25)
    assert spec.scale == 0.25
    assert str(spec) == "target_to_source,as_is,0.25"
    assert repr(spec) == "RelationSpec(direction='target_to_source', strength='as_is', scale=0.25)"
    assert orgnet.RelationSpec.parse("target_to_source,as_is,0.25") == spec
    assert orgnet.RelationSpec.parse("both,as_is,1") == orgnet.RelationSpec("both", "as_is")
    assert pickle.loads(pickle.dumps(spec)) == spec
    assert orgnet.RelationMap({"x": ("both", "as_is", 0.3)})["x"].scale == 0.3
    for bad in (0.0, -0.5, 1.5, float("nan")):
        with pytest.raises(ValueError, match=r"^RelationSpec: scale must lie in \(0, 1\], got "):
            orgnet.RelationSpec("both", "as_is", bad)
        with pytest.raises(ValueError, match=r"^RelationSpec.scale: scale must lie in \(0, 1\]"):
            spec.scale = bad
    assert spec.scale == 0.25  # a refused value leaves the spec as it was
    for text in ("both,as_is,0", "both,as_is,2", "both,as_is,x", "both,as_is,0.5,1", "both,as_is,"):
        with pytest.raises(ValueError, match=r"scale must be a number in \(0, 1\]"):
            orgnet.RelationSpec.parse(text)


def test_scale_multiplies_strengths():
    """Two ties into c, weights 1 and 3, weighted cascade: 1/4 and 3/4; a scale of
    0.5 halves both (1/8, 3/8). As-is weight 0.8 with scale 0.5 gives 0.4."""
    src, dst = ["a", "b", "d"], ["c", "c", "e"]
    for scale in (1.0, 0.5):
        g = orgnet.from_arrays(src, dst, [1.0, 3.0, 0.8], relations=["x", "x", "y"],
                               relation_map={"x": ("source_to_target", "weighted_cascade", scale),
                                             "y": ("source_to_target", "as_is", scale)})
        s = dict(zip(zip(g.edges_frame().source, g.edges_frame().target), g.edges_frame().strength))
        assert s[("a", "c")] == pytest.approx(scale * 0.25, rel=1e-15)
        assert s[("b", "c")] == pytest.approx(scale * 0.75, rel=1e-15)
        assert s[("d", "e")] == pytest.approx(scale * 0.8, rel=1e-15)


def test_relation_map_defaults_as_documented():
    m = orgnet.RelationMap.defaults()
    assert m.to_dict() == {
        "advice": "target_to_source,weighted_cascade",
        "communication": "source_to_target,weighted_cascade",
        "cowork": "both,weighted_cascade",
        "email": "source_to_target,weighted_cascade",
        "friendship": "target_to_source,weighted_cascade",
        "reports_to": "target_to_source,as_is,0.5",
        "trust": "target_to_source,weighted_cascade",
    }
    assert m.fallback() == orgnet.RelationSpec("source_to_target", "weighted_cascade")
    assert len(m) == 7 and "advice" in m and "gossip" not in m
    assert list(m) == sorted(m.to_dict())
    assert m["reports_to"].strength == orgnet.StrengthRule.as_is and m["reports_to"].scale == 0.5
    assert m.find("gossip") is None
    with pytest.raises(KeyError):
        m["gossip"]


def test_relation_map_editing():
    m = orgnet.RelationMap()
    assert len(m) == 0 and m.fallback() is None
    assert m.set("advice", "target_to_source", "as_is") is m
    m.set("email", orgnet.RelationSpec()).set("cowork", ("both", "scale_by_max")).set_fallback("both")
    assert m.specs() == {
        "advice": orgnet.RelationSpec("target_to_source", "as_is"),
        "cowork": orgnet.RelationSpec("both", "scale_by_max"),
        "email": orgnet.RelationSpec(),
    }
    assert m.fallback() == orgnet.RelationSpec("both")
    copy = m.copy()
    copy.set_fallback(None)
    assert copy != m and copy.fallback() is None and m.fallback() is not None
    assert pickle.loads(pickle.dumps(m)) == m
    assert orgnet.RelationMap({"a": "both"}, fallback="source_to_target,as_is").to_dict() == {"a": "both,weighted_cascade"}
    assert repr(orgnet.RelationMap({"a": "both"})) == "RelationMap({'a': 'both,weighted_cascade'}, fallback=None)"
    with pytest.raises(ValueError, match=r"^RelationMap::set: relation name is empty$"):
        m.set("", "both")


def test_relations_argument_forms(tmp_path):
    ties = tmp_path / "t.csv"
    ties.write_text("source,target,relation,weight\na,b,advice,2\nb,c,advice,2\nc,a,gossip,1\n", encoding="utf-8")
    default = orgnet.load_ties_csv(ties)
    assert default.relation_spec("advice") == orgnet.RelationSpec("target_to_source")
    assert default.load_report()["relations_using_fallback"] == ["gossip"]
    for relations in ({"advice": "source_to_target,scale_by_max"},
                      {"advice": orgnet.RelationSpec("source_to_target", "scale_by_max")},
                      {"advice": ("source_to_target", orgnet.StrengthRule.scale_by_max)}):
        g = orgnet.load_ties_csv(ties, relations=relations)
        assert g.relation_spec("advice") == orgnet.RelationSpec("source_to_target", "scale_by_max")
        assert g.relation_map()["trust"] == orgnet.RelationSpec("target_to_source")  # other defaults kept
    whole = orgnet.RelationMap({"advice": "both", "gossip": "both"})
    g = orgnet.load_ties_csv(ties, relations=whole)
    assert g.relation_map() == whole and g.relation_map().fallback() is None
    with pytest.raises(ValueError, match=r"relation 'gossip' is not in the relation map"):
        orgnet.load_ties_csv(ties, relations={"advice": "both"}, strict_relations=True)


def test_enums():
    assert orgnet.InfluenceDirection.both.name == "both"
    assert [m for m in orgnet.StrengthRule.__members__] == ["as_is", "scale_by_max", "weighted_cascade"]
    assert list(orgnet.DistanceTransform.__members__) == ["neg_log", "inverse", "hops"]
    assert list(orgnet.UnknownPersonPolicy.__members__) == ["error", "create"]
    assert list(orgnet.OutputFormat.__members__) == ["table", "json", "csv"]
    assert list(orgnet.LogLevel.__members__) == ["trace", "debug", "info", "warn", "error", "off"]


def test_logging_levels_and_callback():
    assert orgnet.log_level() == orgnet.LogLevel.off
    messages = []
    try:
        orgnet.set_log_callback(lambda level, text: messages.append((level, text)))
        orgnet.set_log_level("info")
        assert orgnet.log_level() == orgnet.LogLevel.info
        orgnet.from_arrays(["a"], ["b"], relations="gossip")
        assert (orgnet.LogLevel.info,
                "relation 'gossip' is not in the relation map; using the fallback (source_to_target, weighted_cascade)"
                ) in messages
        orgnet.set_log_level(orgnet.LogLevel.warn)
        messages.clear()
        orgnet.from_arrays(["a"], ["b"], relations="gossip")
        assert messages == []
    finally:
        orgnet.set_log_level("off")
        orgnet.set_log_callback(None)
    with pytest.raises(ValueError) as error:
        orgnet.set_log_level("loud")
    assert str(error.value) == "unknown log level 'loud' (expected trace, debug, info, warn, error or off)"
    with pytest.raises(TypeError):
        orgnet.set_log_callback(42)
