"""A syntax finding from the X12 engine keeps the engine's code, its 999 IK304/IK403,
segment, position and element reference; its fix is the catalogue's for that code."""

from __future__ import annotations

from pathlib import Path

from cleanclaim.edits.x12_adapter import read_837p
from cleanclaim.x12.finding_codes import FINDING_CODES

GOLDEN = Path(__file__).resolve().parents[1] / "x12" / "golden" / "claims.837"


def test_it_keeps_code_ik304_ik403_segment_position_and_element() -> None:
    text = GOLDEN.read_text().replace("DMG*D8*19800130*M~", "DMG*D8*19801330*M~")
    segments = text.split("~\n")
    position = next(i for i, s in enumerate(segments, 1) if s.startswith("DMG*D8*19801330"))
    got = read_837p(text.encode())
    (claim,) = [rc for rc in got.claims if rc.claim.claim_id == "RFM-1002"]
    (f,) = [f for f in claim.findings if f.category == "syntax"]
    assert (f.rule, f.severity, f.code) == ("SYN-001", "error", "837p.date")
    assert (f.ik304, f.ik403) == ("8", "8")
    assert (f.segment, f.position, f.element) == ("DMG", position, "2010BA DMG02")
    assert f.fix == FINDING_CODES["837p.date"].fix
    assert f.as_dict()["code"] == "837p.date" and f.as_dict()["ik403"] == "8"
    # the other claims are not touched by it
    assert all(not rc.findings for rc in got.claims if rc is not claim)
