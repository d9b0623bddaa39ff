"""A 999 read gives a typed view: which sets were accepted or rejected, and what was wrong."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from cleanclaim.x12 import parse
from cleanclaim.x12.x231a1_999 import (
    Acknowledgment,
    ElementError,
    SegmentError,
    Transaction999,
    build_ack,
)

GOLDEN = Path(__file__).parent / "golden"
SAMPLE = "stupidedi_X231A1_pass_response-to-functional-group-containing-3-837s.edi"


def _view(data: bytes | str) -> Acknowledgment:
    tx = parse(data).transactions[0].data
    assert isinstance(tx, Transaction999)
    return tx.acknowledgment


def test_it_names_the_claim_segment_and_element_our_999_rejects() -> None:
    text = (
        (GOLDEN / "claims.837")
        .read_text()
        .replace("RFM-1002*110***11:B:1", "RFM-1002*110***11:B:5")
    )
    ack = _view(build_ack(parse(text), now=datetime(2026, 11, 27, 9, 0)))
    assert (ack.functional_id, ack.group_control_number, ack.group_version) == (
        "HC",
        "101",
        "005010X222A1",
    )
    assert (ack.code, ack.received, ack.accepted_count) == ("R", "1", "0")
    [rejected] = ack.rejected_sets()
    assert (rejected.transaction_set, rejected.control_number, rejected.status) == (
        "837",
        "0001",
        "R",
    )
    assert rejected.error_codes == ("5",) and not rejected.accepted
    clm = next(e for e in rejected.segment_errors if e.segment_id == "CLM")
    assert clm == SegmentError(
        "CLM",
        "48",
        "2300",
        "8",
        ("CLM01:RFM-1002",),
        ("CLM01", "RFM-1002"),
        (ElementError("5", "3", "", "", "7", "5"),),
    )


def test_it_tells_a_segment_context_from_the_business_unit(shared_data: Path) -> None:
    ack = _view((shared_data / "x12" / "999" / SAMPLE).read_bytes())
    assert [(s.control_number, s.accepted) for s in ack.sets] == [
        ("0001", True),
        ("0002", False),
        ("0003", False),
    ]
    ref = ack.sets[2].segment_errors[0]
    assert ref.contexts == ("SITUATIONAL TRIGGER*CLM*43**5:3", "CLM01:987654321")
    assert ref.business_unit == ("CLM01", "987654321")
