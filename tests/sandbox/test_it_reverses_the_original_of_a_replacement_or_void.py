"""A replacement (CLM05-3 7, REF*F8 = the payer claim control number the sandbox gave
the original) gets the reversal of the original (CLP02 22) and its own payment,
adjudicated afresh; sent again, it is an OA-18 duplicate. A void (8) gets the reversal
alone. A REF*F8 the sandbox never gave is rejected in the 277CA (A7:464). A payment the
reversal makes negative is carried forward in a PLB FB and taken back from the next."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from sandbox_helpers import (
    adjustments,
    golden_claim,
    make_276,
    make_837,
    of_kind,
    our_errors,
    remits,
)

from cleanclaim.remittance.balancing import balance
from cleanclaim.x12 import parse


def _send(adjudicator, claims: list[dict[str, Any]], control: int, pyx12_validate):
    files = adjudicator.receive(f"b{control}.837", make_837(claims, control=control))
    for remit in of_kind(files, "835"):
        assert our_errors(remit.data) == []
        ok, errors = pyx12_validate(remit.data)
        assert ok, errors
        assert balance(parse(remit.data).transactions[0].data.remittance) == []
    return files


def _remittance(files):
    (remit,) = of_kind(files, "835")
    return parse(remit.data).transactions[0].data.remittance, remits(remit.data)


def _original(adjudicator, pyx12_validate) -> str:
    (paid,) = _remittance(_send(adjudicator, [golden_claim(0)], 101, pyx12_validate))[1]["RFM-1001"]
    assert paid.clp.claim_payment_amount == Decimal("105.00")
    return paid.clp.payer_claim_control_number


def _replacement(number: str) -> dict[str, Any]:
    """The visit recoded 99213 (charge 100.00): fee 92.00, copay 25.00, paid 67.00."""
    claim = golden_claim(0, frequency_code="7", payer_claim_control_number=number)
    claim["lines"][0] = dict(claim["lines"][0], procedure="99213", modifiers=[], charge="100.00")
    return claim


def test_it_reverses_the_original_and_pays_the_replacement(
    make_adjudicator, pyx12_validate
) -> None:
    adjudicator = make_adjudicator()
    number = _original(adjudicator, pyx12_validate)
    files = _send(adjudicator, [_replacement(number)], 102, pyx12_validate)
    (ack,) = of_kind(files, "277CA")
    assert b"STC*A2:20:PR" in ack.data
    remittance, claims = _remittance(files)
    reversal, replacement = claims["RFM-1001"]
    assert reversal.clp.claim_status_code == "22"
    assert reversal.clp.payer_claim_control_number == number
    assert reversal.clp.claim_payment_amount == Decimal("-105.00")
    assert reversal.clp.total_claim_charge_amount == Decimal("-182.50")
    assert adjustments(reversal.services[0].adjustments) == [
        ("CO", "45", Decimal("-20.00")),
        ("PR", "3", Decimal("-25.00")),
    ]
    assert replacement.clp.claim_status_code == "1"
    assert replacement.clp.payer_claim_control_number != number
    # afresh: the lab's deductible the original used is given back (13.50 again)
    assert replacement.clp.claim_payment_amount == Decimal("67.00")
    assert adjustments(replacement.services[1].adjustments) == [
        ("CO", "45", Decimal("19.00")),
        ("PR", "1", Decimal("13.50")),
    ]
    # −105.00 + 67.00 = −38.00: carried forward, the cheque is 0.00
    (plb,) = remittance.provider_adjustments
    (fb,) = plb.adjustments
    assert fb.adjustment_reason_code == "FB"
    assert fb.provider_adjustment_amount == Decimal("-38.00")
    assert remittance.bpr.total_actual_provider_payment_amount == Decimal("0.00")
    assert remittance.bpr.transaction_handling_code == "H"

    # the same replacement again: an exact duplicate, nothing reversed twice
    again, claims = _remittance(_send(adjudicator, [_replacement(number)], 103, pyx12_validate))
    (duplicate,) = claims["RFM-1001"]
    assert duplicate.clp.claim_status_code == "4"
    assert {a[:2] for s in duplicate.services for a in adjustments(s.adjustments)} == {("OA", "18")}
    assert again.provider_adjustments == []
    # the 276 still hears of the replacement's payment
    answer = adjudicator.answer_276(make_276([{"patient_control_number": "RFM-1001"}]))
    assert b"STC*F1:65" in answer
    assert b"*132.5*67~" in answer

    # the next payment to that provider pays back the 38.00 carried forward
    later = golden_claim(0, claim_id="RFM-3001", lines=[_replacement(number)["lines"][0]])
    later["lines"][0]["service_date"] = "2026-10-21"
    remittance, claims = _remittance(_send(adjudicator, [later], 104, pyx12_validate))
    assert claims["RFM-3001"][0].clp.claim_payment_amount == Decimal("67.00")
    (plb,) = remittance.provider_adjustments
    assert [(a.adjustment_reason_code, a.provider_adjustment_amount) for a in plb.adjustments] == [
        ("FB", Decimal("38.00"))
    ]
    assert remittance.bpr.total_actual_provider_payment_amount == Decimal("29.00")


def test_it_voids_by_the_reversal_alone(make_adjudicator, pyx12_validate) -> None:
    adjudicator = make_adjudicator()
    number = _original(adjudicator, pyx12_validate)
    void = golden_claim(0, frequency_code="8", payer_claim_control_number=number)
    files = _send(adjudicator, [void], 102, pyx12_validate)
    (ack,) = of_kind(files, "277CA")
    assert b"STC*A2:20:PR" in ack.data
    remittance, claims = _remittance(files)
    (reversal,) = claims["RFM-1001"]
    assert reversal.clp.claim_status_code == "22"
    assert reversal.clp.claim_payment_amount == Decimal("-105.00")
    assert remittance.bpr.total_actual_provider_payment_amount == Decimal("0.00")
    # the 276 hears the claim was revised (F3), nothing paid
    answer = adjudicator.answer_276(make_276([{"patient_control_number": "RFM-1001"}]))
    assert b"STC*F3:1" in answer
    # voided twice: nothing left to reverse
    (ack,) = of_kind(_send(adjudicator, [void], 103, pyx12_validate), "277CA")
    assert b"STC*A7:464" in ack.data


def test_it_rejects_a_replacement_of_a_claim_it_never_paid(
    make_adjudicator, pyx12_validate
) -> None:
    adjudicator = make_adjudicator()
    _original(adjudicator, pyx12_validate)
    files = _send(adjudicator, [_replacement("SB0123456789AB")], 102, pyx12_validate)
    (ack,) = of_kind(files, "277CA")
    assert b"STC*A7:464" in ack.data
    assert our_errors(ack.data) == []
    ok, errors = pyx12_validate(ack.data)
    assert ok, errors
    assert of_kind(files, "835") == []
    # the 276 still tells what became of the original
    answer = adjudicator.answer_276(make_276([{"patient_control_number": "RFM-1001"}]))
    assert b"STC*F1:65" in answer


def test_it_loads_a_state_file_from_before_replacements(make_adjudicator, tmp_path: Path) -> None:
    state = tmp_path / "state"
    state.mkdir()
    old = {
        "met": {},
        "paid": [],
        "claims": {
            "RFM-0001": {
                "payer_id": "60054",
                "member_id": "W123456789",
                "category": "F1",
                "status_code": "65",
                "charge": "10.00",
                "paid": "8.00",
            }
        },
    }
    (state / "state.json").write_text(json.dumps(old))
    adjudicator = make_adjudicator()
    files = adjudicator.receive("b.837", make_837([golden_claim(0)]))
    assert len(of_kind(files, "835")) == 1
    saved = json.loads((state / "state.json").read_text())
    assert "RFM-0001" in saved["claims"]
    assert list(saved["remits"]) == [
        remits(of_kind(files, "835")[0].data)["RFM-1001"][0].clp.payer_claim_control_number
    ]
