"""835 balancing (005010X221A1 §1.10.2.1): exact Decimal sums, findings on the element."""

from __future__ import annotations

from decimal import Decimal

from cleanclaim.x12 import parse, validate

SAMPLE = "x12/835/stupidedi_X221A1_pass_multiple-claims-single-check.edi"


def _findings(text: str) -> list:
    return validate(parse(text)).findings()


def test_it_finds_a_sample_balanced(shared_data):
    text = (shared_data / SAMPLE).read_text()
    parsed = parse(text)
    remit = parsed.transactions[0].data.remittance
    paid = sum((c.clp.claim_payment_amount for c in remit.claims), Decimal(0))
    assert paid == remit.bpr.total_actual_provider_payment_amount == Decimal("810.8")
    assert not [f for f in _findings(text) if f.code.startswith("x12.835")]


def test_it_reports_a_claim_whose_payment_does_not_match_its_adjustments(shared_data):
    text = (shared_data / SAMPLE).read_text()
    clp = next(s for s in text.split("~") if s.startswith("CLP*"))
    parts = clp.split("*")
    parts[4] = str(Decimal(parts[4]) + Decimal("0.01"))
    text = text.replace(clp, "*".join(parts), 1)
    found = {f.code: f for f in _findings(text)}
    claim = found["x12.835.claim-out-of-balance"]
    assert claim.element == "2100 CLP04"
    assert claim.ik403 == "I12"
    # the total no longer matches either: BPR02 = Σ CLP04 − Σ PLB
    assert found["x12.835.payment-out-of-balance"].element == "BPR02"


def test_it_subtracts_provider_adjustments_from_the_total(shared_data):
    text = (shared_data / SAMPLE).read_text()
    se = next(s for s in text.split("~") if s.startswith("SE*"))
    with_plb = text.replace(se, "PLB*1234567890*20141231*L6:INTEREST*-0.20~" + se)
    with_plb = with_plb.replace("BPR*I*810.8*", "BPR*I*811*")
    assert not [f for f in _findings(with_plb) if f.code.startswith("x12.835")]
    wrong = with_plb.replace("BPR*I*811*", "BPR*I*810.8*")
    codes = {f.code for f in _findings(wrong)}
    assert "x12.835.payment-out-of-balance" in codes
