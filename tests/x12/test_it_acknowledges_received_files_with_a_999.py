"""``ack`` answers what we receive with a 999 built from our findings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from cleanclaim.x12 import parse, tokenize, validate
from cleanclaim.x12.x231a1_999 import build_ack

GOLDEN = Path(__file__).parent / "golden"
NOW = datetime(2026, 11, 27, 9, 0)


def _segments(text: str) -> list[list[str]]:
    return [s.as_list() for s in tokenize(text)[1]]


def test_it_accepts_a_clean_file() -> None:
    ack = _segments(build_ack(parse((GOLDEN / "claims.837").read_bytes()), now=NOW))
    assert [s[0] for s in ack] == ["ISA", "GS", "ST", "AK1", "AK2", "IK5", "AK9", "SE", "GE", "IEA"]
    assert ack[2] == ["ST", "999", "0001", "005010X231A1"]
    assert ack[3] == ["AK1", "HC", "101", "005010X222A1"]
    assert ack[4] == ["AK2", "837", "0001", "005010X222A1"]
    assert ack[5] == ["IK5", "A"]
    assert ack[6] == ["AK9", "A", "1", "1", "1"]
    # the interchange answers the sender: ISA06/ISA08 and GS02/GS03 swapped
    assert (ack[0][6].strip(), ack[0][8].strip()) == ("CLEARINGHOUSE", "CLEANCLAIMDEMO")
    assert ack[1][:3] == ["GS", "FA", "CLEARINGHOUSE"] and ack[1][3] == "CLEANCLAIMDEMO"


def test_it_rejects_a_set_with_the_segment_and_element_in_error() -> None:
    text = (
        (GOLDEN / "claims.837")
        .read_text()
        .replace("N4*PORTLAND*OR*972011234", "N4*PORTLAND*OR*97201")
    )
    ack = _segments(build_ack(parse(text), now=NOW))
    # N4 is the 10th segment of the set (ST = 1); IK303 holds at most 4 characters, so
    # loop 2010AA reads "2010". The ZIP+4 rule is an implementation pattern failure (I12).
    assert ["IK3", "N4", "10", "2010", "8"] in ack
    assert ["IK4", "3", "", "I12", "97201"] in ack
    assert ["IK5", "R", "5"] in ack
    assert ["AK9", "R", "1", "1", "0"] in ack
    assert not any(s[0] == "CTX" for s in ack)  # 2010AA is outside every claim


def test_it_names_the_claim_of_a_claim_level_error() -> None:
    text = (
        (GOLDEN / "claims.837")
        .read_text()
        .replace("CLM*RFM-1002*110***11:B:1", "CLM*RFM-1002*110***11:B:5")
    )
    ack = _segments(build_ack(parse(text), now=NOW))
    i = ack.index(["IK3", "CLM", "48", "2300", "8"])  # the 48th segment of the set
    assert ack[i + 1] == ["CTX", "CLM01:RFM-1002"]
    assert ack[i + 2] == ["IK4", "5:3", "", "7", "5"]


def test_it_reports_a_wrong_segment_count_in_ik5() -> None:
    text = (GOLDEN / "claims.837").read_text().replace("SE*53*0001", "SE*50*0001")
    ack = _segments(build_ack(parse(text), now=NOW))
    assert ["IK5", "R", "4"] in ack


def test_it_answers_each_set_of_a_multi_set_group(shared_data: Path) -> None:
    # One interchange, one group, one set per sample: ack the three together.
    files = ["lfh_demo-file__demo.837", "lfh_837_005010X222A2__demo.example1.837"]
    parsed = validate(parse((shared_data / "x12" / "837P" / files[0]).read_bytes()))
    assert parsed.transactions[0].accepted
    ack = _segments(build_ack(parsed, now=NOW))
    assert ack[-4][0:2] == ["AK9", "A"]


def test_it_writes_a_999_that_we_and_pyx12_find_valid(
    pyx12_validate: Callable[[str], tuple[bool, list[dict[str, Any]]]],
) -> None:
    text = (GOLDEN / "claims.837").read_text().replace("11:B:1", "11:B:5")
    ack = build_ack(parse(text), now=NOW)
    ours = validate(parse(ack))
    assert ours.findings() == []
    assert ours.transactions[0].guide.name == "999"
    ok, errors = pyx12_validate(ack)
    assert ok, errors
