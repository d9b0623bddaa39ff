"""The adapter from the X12 engine's typed 837P claims gives the same neutral claims
as the scrubber's own reader, over every 5010 837P sample."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleanclaim.edits.x12_adapter import read_837p
from cleanclaim.edits.x12_view_adapter import from_x12_claim
from cleanclaim.x12 import parse
from cleanclaim.x12.x222a1_837p import claims

SAMPLE_DIR = Path(__file__).resolve().parents[3] / "shared" / "data" / "x12" / "837P"
# 5010 X12 files only (4010 and the prose-prefixed file are refused; test_cli_scrub.py)
SAMPLES = [
    p
    for p in sorted(SAMPLE_DIR.glob("*"))
    if "004010" not in p.name and p.read_bytes().startswith(b"ISA")
]


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_it_agrees_with_the_scrubbers_reader(shared_data: Path, path: Path) -> None:
    data = path.read_bytes()
    ours = [rc.claim for rc in read_837p(data, syntax="none").claims]
    theirs = [from_x12_claim(c) for tx in parse(data).transactions for c in claims(tx.data)]
    assert [c.claim_id for c in theirs] == [c.claim_id for c in ours]
    for a, b in zip(theirs, ours, strict=True):
        assert a.total_charge == b.total_charge
        assert [ln.procedure for ln in a.lines] == [ln.procedure for ln in b.lines]
        assert [ln.charge for ln in a.lines] == [ln.charge for ln in b.lines]
        assert [ln.service_date for ln in a.lines] == [ln.service_date for ln in b.lines]
        assert a.subscriber_id == b.subscriber_id
        assert a.payer.id == b.payer.id
        assert a.billing_provider.npi == b.billing_provider.npi
        assert a.billing_provider.address.zip == b.billing_provider.address.zip
        assert a.patient.dob == b.patient.dob and a.patient.sex == b.patient.sex
