"""A program that knows nothing of X12 gets a valid 837P from a JSON of claims.

golden/claims.json is hand-written (three claims, see test_it_applies_the_837p_guide_rules);
golden/claims.837 is our output for it, reviewed by eye and committed.
"""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from cleanclaim.x12 import X12Error, parse, validate, write_json
from cleanclaim.x12.x222a1_837p import claims, read_claims

GOLDEN = Path(__file__).parent / "golden"
NOW = datetime(2026, 11, 2, 9, 30)


def _claims_json() -> dict:  # type: ignore[type-arg]
    return json.loads((GOLDEN / "claims.json").read_text())


def test_it_writes_the_reviewed_golden_file() -> None:
    assert write_json(_claims_json(), now=NOW) == (GOLDEN / "claims.837").read_text()


def test_it_writes_a_file_that_validates_clean() -> None:
    parsed = validate(parse(write_json(_claims_json(), now=NOW)))
    assert parsed.findings() == []


def test_it_reads_back_the_claims_it_was_given() -> None:
    source = {c["claim_id"]: c for c in _claims_json()["transactions"][0]["claims"]}
    parsed = parse(write_json(_claims_json(), now=NOW))
    got = {c.claim_id: c for c in claims(parsed.transactions[0].data)}
    assert set(got) == set(source)
    for claim_id, c in got.items():
        want = source[claim_id]
        assert c.diagnoses == want["diagnoses"]
        assert c.place_of_service == want["place_of_service"]
        assert c.frequency_code == want["frequency_code"]
        assert c.billing_provider.npi == want["billing_provider"]["npi"]
        assert c.payer.id == want["payer"]["id"]
        assert c.subscriber.member_id == want["subscriber"]["member_id"]
        patient = want.get("patient", want["subscriber"])
        assert (c.patient.last_name, c.patient.first_name) == (
            patient["last_name"],
            patient["first_name"],
        )
        assert c.patient.dob == patient["dob"]
        assert c.total_charge == sum(Decimal(line["charge"]) for line in want["lines"])
        for line, wl in zip(c.lines, want["lines"], strict=True):
            assert line.procedure == wl["procedure"]
            assert line.modifiers == wl.get("modifiers", [])
            assert line.charge == Decimal(wl["charge"])
            assert line.dx_pointers == wl["dx_pointers"]
            assert line.service_date == wl["service_date"]


@pytest.mark.parametrize(
    "path,message",
    [
        (("billing_provider", "npi"), "claims[0].billing_provider.npi is required"),
        (("payer", "id"), "claims[0].payer.id is required"),
        (("lines",), "claims[0].lines must be a non-empty list"),
        (("diagnoses",), "claims[0].diagnoses must be a non-empty list of codes"),
    ],
)
def test_it_names_a_missing_field(path: tuple[str, ...], message: str) -> None:
    obj = _claims_json()
    target = obj["transactions"][0]["claims"][0]
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    with pytest.raises(X12Error, match=message.replace("[", r"\[").replace("]", r"\]")):
        write_json(obj, now=NOW)


def test_it_refuses_float_money() -> None:
    obj = _claims_json()
    obj["transactions"][0]["claims"][0]["lines"][0]["charge"] = 150.0
    with pytest.raises(X12Error, match="floats are not money"):
        write_json(obj, now=NOW)


def test_it_reads_plain_claims_for_other_engines() -> None:
    got = read_claims(write_json(_claims_json(), now=NOW))
    assert [c.claim_id for c in got] == ["RFM-1001", "RFM-0950", "RFM-1002"]
    assert got[1].frequency_code == "7" and got[1].payer_claim_control_number == "ACME20261001777"
    assert got[2].patient.relationship == "19" and got[2].subscriber.last_name == "BROWN"
    assert all(isinstance(line.charge, Decimal) for c in got for line in c.lines)
