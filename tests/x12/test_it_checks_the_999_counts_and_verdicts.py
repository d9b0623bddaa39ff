"""The 999's relational rules: AK9 counts and verdict agree with the AK2/IK5 loops,
and an IK5 that accepts has no segment in error under it (005010X231A1)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from cleanclaim.x12 import parse, validate
from cleanclaim.x12.x231a1_999 import build_ack

GOLDEN = Path(__file__).parent / "golden"


def _ack_of_two_sets() -> str:
    """Our 999 for two 837P sets, the second rejected (CLM05-3 '5')."""
    text = (GOLDEN / "claims.837").read_text()
    head, rest = text.split("ST*837*0001", 1)
    body, tail = rest.split("GE*1*", 1)
    second = ("ST*837*0002" + body).replace("SE*53*0001", "SE*53*0002").replace("11:B:1", "11:B:5")
    both = head + "ST*837*0001" + body + second + "GE*2*" + tail
    return build_ack(parse(both), now=datetime(2026, 11, 27, 9, 0))


def _codes(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.element) for f in validate(parse(text)).findings()]


def test_our_ack_of_a_partly_rejected_group_is_consistent() -> None:
    ack = _ack_of_two_sets()
    assert "AK9*P*2*2*1~" in ack and "IK5*A~" in ack and "IK5*R*5~" in ack
    assert _codes(ack) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("AK9*P*2*2*1~", "AK9*P*2*3*1~", [("999.ak9.count", "AK903")]),
        (
            "AK9*P*2*2*1~",
            "AK9*P*2*2*2~",
            [("999.ak9.count", "AK904")],
        ),
        ("AK9*P*2*2*1~", "AK9*A*2*2*1~", [("999.ak9.verdict", "AK901")]),
        ("AK9*P*2*2*1~", "AK9*R*2*2*1~", [("999.ak9.verdict", "AK901")]),
        (
            "IK5*R*5~",
            "IK5*A~",
            [
                ("999.ik5.accepts-errors", "2000 IK501"),
                ("999.ak9.count", "AK904"),
                ("999.ak9.verdict", "AK901"),
            ],
        ),
    ],
)
def test_it_flags_counts_and_verdicts_that_contradict_the_sets(
    old: str, new: str, expected: list[tuple[str, str]]
) -> None:
    ack = _ack_of_two_sets()
    assert old in ack
    assert _codes(ack.replace(old, new)) == expected


def test_an_accepted_with_errors_set_may_carry_segment_errors() -> None:
    ack = _ack_of_two_sets().replace("IK5*R*5~", "IK5*E*5~").replace("AK9*P*2*2*1~", "AK9*A*2*2*2~")
    assert _codes(ack) == []
