"""A 277CA's STC codes read as plain words, with the field to fix and where."""

from __future__ import annotations

from cleanclaim.clearinghouses.acks import read_277ca
from cleanclaim.testing.acknowledgments import ack_277ca


def test_an_invalid_billing_npi_is_fixed_in_practice_set_up() -> None:
    (claim,) = read_277ca(ack_277ca([{"pcn": "C2", "status": "A7:562:85"}]))
    assert not claim.accepted
    (problem,) = claim.problems
    assert problem.text == "Billing provider's NPI is not valid"
    assert problem.field == "Billing provider NPI"
    assert problem.where == "practice set-up"
    assert problem.code == "A7:562:85"


def test_an_unknown_member_is_fixed_in_the_coverage() -> None:
    (claim,) = read_277ca(ack_277ca([{"pcn": "C3", "status": "A3:33:IL"}]))
    assert not claim.accepted
    assert claim.problems[0].where == "the patient's coverage"
    assert "Subscriber and subscriber ID not found" in claim.problems[0].text


def test_an_accepted_claim_keeps_the_payers_claim_number() -> None:
    (claim,) = read_277ca(ack_277ca([{"pcn": "C1", "status": "A2:20:PR", "payer_claim": "PAY1"}]))
    assert claim.accepted
    assert claim.patient_control_number == "C1"
    assert claim.payer_claim_number == "PAY1"
    assert claim.problems[0].field == ""


def test_an_unlisted_status_code_is_named_by_its_number() -> None:
    (claim,) = read_277ca(ack_277ca([{"pcn": "C4", "status": "A6:9999"}]))
    assert not claim.accepted
    assert claim.problems[0].text == "Information is missing (status code 9999)"
