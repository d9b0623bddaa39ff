"""Tolerant reading: a segment the guide does not have is kept where it was
(so writing gives back the same segments) and reported with the 999 code for
an unrecognized (IK304 1) or unexpected (IK304 2) segment."""

from __future__ import annotations

from cleanclaim.x12 import parse, validate

SAMPLE = "x12/835/stupidedi_X221A1_pass_era-sample.edi"


def _with(shared_data, extra: str) -> str:
    """The sample with ``extra`` inserted before its first LX (SE01 kept right)."""
    text = (shared_data / SAMPLE).read_text()
    se = next(s for s in text.split("~") if s.startswith("SE*"))
    count = int(se.split("*")[1])
    text = text.replace(se, f"SE*{count + 1}*{se.split('*')[2]}")
    return text.replace("~LX*", "~" + extra + "~LX*", 1)


def test_it_keeps_an_unknown_segment_in_place(shared_data):
    text = _with(shared_data, "ZZZ*HELLO")
    t = parse(text).transactions[0]
    written = t.guide.write(t.data, t.interchange.delimiters)
    assert [s.as_list() for s in written] == [s.as_list() for s in t.ts.segments]
    found = validate(parse(text)).findings()
    assert [(f.code, f.segment_id, f.ik304) for f in found] == [
        ("x12.segment.unrecognized", "ZZZ", "1")
    ]


def test_it_reports_a_known_segment_out_of_place(shared_data):
    found = validate(parse(_with(shared_data, "EB*1"))).findings()
    assert [(f.code, f.segment_id, f.ik304) for f in found] == [
        ("x12.segment.unrecognized", "EB", "1")
    ]
    found = validate(parse(_with(shared_data, "SVC*HC:99213*10*10"))).findings()
    assert ("x12.segment.unexpected", "SVC", "2") in {
        (f.code, f.segment_id, f.ik304) for f in found
    }
