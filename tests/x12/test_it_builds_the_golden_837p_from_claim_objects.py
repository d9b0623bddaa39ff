"""A program that holds view ``Claim`` objects (no JSON) gets the same 837P: the
claims read from golden/claims.837, handed to ``build_837p`` with the golden file's
submitter, receiver, reference and time, give back its transaction segment for
segment."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from cleanclaim.x12 import parse
from cleanclaim.x12.x222a1_837p import claims
from cleanclaim.x12.x222a1_837p.building import Receiver, Submitter, build_837p

GOLDEN = Path(__file__).parent / "golden"


def test_it_writes_the_golden_transaction_from_claim_objects() -> None:
    t = parse((GOLDEN / "claims.837").read_text()).transactions[0]
    read = claims(t.data)
    assert [c.claim_id for c in read] == ["RFM-1001", "RFM-0950", "RFM-1002"]
    tx = build_837p(
        read,
        submitter=Submitter(
            "RIVERSIDE FAMILY MEDICINE", "RFM0001", "ALICE BILLER", phone="5035550100"
        ),
        receiver=Receiver("DEMO CLEARINGHOUSE", "CH0001"),
        control_number="1",
        reference="BATCH0001",
        created=datetime(2026, 11, 2, 9, 30),
    )
    written = t.guide.write(tx, t.interchange.delimiters)
    assert [s.as_list() for s in written] == [s.as_list() for s in t.ts.segments]
