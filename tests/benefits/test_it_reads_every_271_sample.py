"""Every 271 of ../shared/data/x12/271 reads into a benefits summary, with the facts
each file carries."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cleanclaim.benefits import read_271

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "x12" / "271"
NAMES = sorted(p.name for p in SAMPLES.iterdir()) if SAMPLES.is_dir() else []

#: What each sample says: status, the payer, and (active) the plan and a copay in network
#: for office visits, (rejected) the AAA03 codes.
FACTS = {
    "lfh_271_005010X279A1__dependent-health-benefit-check.271": ("active", "MARY"),
    "lfh_271_005010X279A1__subscriber-health-benefit-check-error.271": ("rejected", "50"),
    "lfh_271_005010X279A1__subscriber-health-benefit-check.271": ("active", "JOHN"),
    "lfh_demo-file__demo.271": ("active", "JOHN"),
    "stupidedi_X279A1_pass_error-response-from-payer-to-clinic-not-eligible-for-inquiries-"
    "with-payer.edi": ("rejected", "50"),
    "stupidedi_X279_pass_response-to-generic-request-by-clinic-for-patient-(subscriber)-"
    "eligibility.edi": ("active", "JOHN"),
    "stupidedi_X279_pass_response-to-generic-request-by-physician-for-patient-(dependent)-"
    "eligibility.edi": ("active", "MARY"),
}


@pytest.mark.shared_data
@pytest.mark.parametrize("name", NAMES)
def test_it_reads_the_sample_into_a_summary(shared_data: Path, name: str) -> None:
    summary = read_271((SAMPLES / name).read_bytes())
    status, fact = FACTS[name]
    assert summary.status == status
    assert summary.payer_name == "ABC COMPANY"
    if status == "active":
        assert summary.member_first_name == fact
        assert summary.plan_name == "GOLD 123 PLAN"
        assert summary.dates["plan_begin"][0] == "2006-01-01"
        head = summary.headline("98")
        assert head.copay == Decimal("10")  # the in-network copay; 30.00 is out of network
        outs = [ln.amount for ln in summary.lines if ln.kind == "copay" and ln.network == "out"]
        assert outs == [Decimal("30")]
    else:
        assert [r.code for r in summary.rejections] == [fact]
        assert "may not make eligibility inquiries" in summary.rejections[0].reason
        assert summary.rejections[0].follow_up_text == "Resubmission not allowed"


@pytest.mark.shared_data
def test_it_knows_every_sample(shared_data: Path) -> None:
    assert set(NAMES) == set(FACTS)
