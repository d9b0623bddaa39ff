"""A secondary claim carries the primary payer's payment date: the 837P's 2330B
DTP*573 (claim check or remittance date; else the lines' 2430 DTP*573) and SBR01 are
read into the scrubber's claim, and the JSON claim form's ``other_payer_paid``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cleanclaim.edits.json_adapter import from_json_view
from cleanclaim.edits.x12_adapter import read_837p

GOLDEN = Path(__file__).resolve().parents[1] / "x12" / "golden" / "claims.837"

COB = (
    "SBR*P*01*GRP1******CI~OI***Y***Y~NM1*IL*1*BROWN*ROBERT****MI*C123~"
    "NM1*PR*2*COMMERCE INSURANCE*****PI*COM01~{dtp}"
)


def secondary(claim_dtp: str = "DTP*573*D8*20261125~", line_adj: str = "") -> bytes:
    text = GOLDEN.read_text()
    text = text.replace("SBR*P********CI~", "SBR*S*18*******CI~")
    text = text.replace("HI*ABK:J069~", "HI*ABK:J069~" + COB.format(dtp=claim_dtp))
    text = text.replace("DTP*472*D8*20261021~", "DTP*472*D8*20261021~" + line_adj)
    return text.encode()


def claim_of(data: bytes, claim_id: str = "RFM-1002"):
    return next(
        rc.claim for rc in read_837p(data, syntax="none").claims if rc.claim.claim_id == claim_id
    )


def test_it_reads_the_claim_level_remittance_date() -> None:
    c = claim_of(secondary())
    assert c.payer_responsibility == "S" and c.secondary
    assert c.other_payer_paid == dt.date(2026, 11, 25)
    first = claim_of(secondary(), "RFM-1001")
    assert first.other_payer_paid is None and not first.secondary


def test_it_falls_back_to_the_line_adjudication_date() -> None:
    line = "SVD*COM01*80*HC:99213**1~DTP*573*D8*20261203~"
    c = claim_of(secondary(claim_dtp="", line_adj=line))
    assert c.other_payer_paid == dt.date(2026, 12, 3)


def test_a_secondary_claim_without_the_date_has_none() -> None:
    c = claim_of(secondary(claim_dtp=""))
    assert c.secondary and c.other_payer_paid is None


def test_the_json_claim_form_carries_it() -> None:
    form = {
        "claim_id": "J1",
        "payer": {"name": "CASCADE", "id": "DEMO03"},
        "payer_responsibility": "S",
        "other_payer_paid": "2026-11-25",
        "lines": [{"procedure": "99213", "charge": "100", "service_date": "2026-10-21"}],
    }
    c = from_json_view(form)
    assert c.secondary and c.other_payer_paid == dt.date(2026, 11, 25)
    form["other_payer_paid"] = "2026-11-31"
    with pytest.raises(ValueError, match=r"J1 other_payer_paid: '2026-11-31' is not a date"):
        from_json_view(form)


@pytest.mark.shared_data
def test_it_reads_a_published_medicare_secondary_payer_claim(shared_data: Path) -> None:
    sample = shared_data / "x12" / "837P" / "stupidedi_X222A1_pass_medicare-secondary-payer-COB.edi"
    if not sample.is_file():
        pytest.skip(f"{sample.name} not in the shared data")
    (rc,) = read_837p(sample.read_bytes(), syntax="none").claims
    assert rc.claim.secondary and rc.claim.other_payer_paid == dt.date(2005, 1, 28)
