"""The guidekit's layout patch rebuilds a loop tree from a map's segments
(the 278 X217 from pyx12's 4010 X094 maps): loops as listed, segments copied
with their overrides, "?" entries only where the map has them, and a missing
segment named in a one-line error."""

from __future__ import annotations

import pytest

from cleanclaim.x12._errors import X12Error
from cleanclaim.x12.guidekit.from_pyx12 import apply_layout, convert, pyx12_map_dir
from cleanclaim.x12.x217_278.loops import spec


def _data(name: str = "278.4010.X094.A1.xml") -> dict:
    return convert(pyx12_map_dir() / name)


def test_it_builds_the_5010_loops_and_levels():
    request = spec("request")
    ids = [loop.id for loop in request.walk_loops()]
    assert ids[:7] == ["ST", "2000A", "2010A", "2000B", "2010B", "2000C", "2010C"]
    assert {"2000E", "2010EA", "2010EB", "2000F", "2010F"} <= set(ids)
    event = next(loop for loop in request.walk_loops() if loop.id == "2000E")
    hl = event.first_segment()
    assert hl.key is not None and hl.key[2] == frozenset({"EV"})
    assert "HCR" not in {c.id for c in event.children if not hasattr(c, "walk_loops")}


def test_it_keeps_response_only_segments_in_the_response_tree():
    event = next(loop for loop in spec("response").walk_loops() if loop.id == "2000E")
    assert "HCR" in {c.id for c in event.children if not hasattr(c, "walk_loops")}


def test_it_copies_segments_with_overrides():
    data = _data()
    layout = {
        "loops": {
            "ST": {"children": ["ST/BHT", "@X"]},
            "X": {
                "name": "Test",
                "usage": "S",
                "repeat": 2,
                "children": [
                    {"from": "2000F/HL", "codes": {"HL03": ["EV"]}, "name": "Event"},
                    "2000F/HCR?",
                ],
            },
        }
    }
    apply_layout(data, layout)
    loop = data["transaction"]["children"][1]
    assert (loop["id"], loop["usage"], loop["repeat"]) == ("X", "S", "2")
    (hl,) = loop["children"]  # HCR is not in the request map: skipped
    assert hl["name"] == "Event"
    assert next(e for e in hl["elements"] if e["ref"] == "HL03")["codes"] == ["EV"]


def test_it_names_a_segment_the_map_does_not_have():
    data = _data()
    layout = {"loops": {"ST": {"children": ["2000F/HCR"]}}}
    with pytest.raises(X12Error, match="2000F/HCR is not in the map"):
        apply_layout(data, layout)


def test_it_gives_a_reused_loop_its_usage_at_each_place():
    request = spec("request")
    subscriber = next(loop for loop in request.walk_loops() if loop.id == "2000C")
    dependent = next(loop for loop in request.walk_loops() if loop.id == "2000D")
    usage = {
        parent.id: next(c.usage for c in parent.children if getattr(c, "id", "") == "2000E")
        for parent in (subscriber, dependent)
    }
    assert usage == {"2000C": "S", "2000D": "R"}
