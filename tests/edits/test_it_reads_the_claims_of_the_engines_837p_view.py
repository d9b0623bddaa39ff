"""The scrubber's claims are the X12 engine's 837P view claims (one reader): same
claims, money, dates, diagnoses and parties, on every 5010 837P sample."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cleanclaim.edits.x12_adapter import read_837p
from cleanclaim.x12.x222a1_837p import read_claims

SAMPLE_DIR = Path(__file__).resolve().parents[3] / "shared" / "data" / "x12" / "837P"
# 5010 X12 files only (4010 and the prose-prefixed file are refused; test_cli_scrub.py)
SAMPLES = (
    [
        p
        for p in sorted(SAMPLE_DIR.glob("*"))
        if "004010" not in p.name and p.read_bytes().startswith(b"ISA")
    ]
    if SAMPLE_DIR.is_dir()
    else []
)


def _date(iso: str | None) -> dt.date | None:
    return dt.date.fromisoformat(iso) if iso else None


@pytest.mark.shared_data
@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_it_reads_the_claims_of_the_engines_view(shared_data: Path, path: Path) -> None:
    data = path.read_bytes()
    ours = [rc.claim for rc in read_837p(data, syntax="none").claims]
    views = read_claims(data)
    assert [c.claim_id for c in ours] == [c.claim_id for c in views] and ours
    for a, b in zip(ours, views, strict=True):
        assert a.total_charge == b.total_charge
        assert list(a.diagnoses) == b.diagnoses
        assert list(a.diagnosis_qualifiers) == b.diagnosis_qualifiers
        assert [ln.procedure for ln in a.lines] == [ln.procedure.upper() for ln in b.lines]
        assert [ln.charge for ln in a.lines] == [ln.charge for ln in b.lines]
        assert [ln.service_date for ln in a.lines] == [_date(ln.service_date) for ln in b.lines]
        assert [ln.number for ln in a.lines] == [ln.number for ln in b.lines]
        assert a.subscriber_id == b.subscriber.member_id
        assert a.payer.id == b.payer.id and a.filing_indicator == b.filing_indicator
        assert a.billing_provider.npi == b.billing_provider.npi
        assert a.patient.dob == _date(b.patient.dob) and a.patient.sex == b.patient.sex
