"""A program builds an 835 or a 270 from JSON fields without knowing X12.

The output is compared with golden files (generated once, reviewed by eye),
read back cleanly by our validator, and the 835 passes pyx12's validator.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from cleanclaim.x12 import parse, validate
from cleanclaim.x12._json_view import document_json, write_json

GOLDEN = Path(__file__).parent / "golden"
NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)

REMITTANCE = {
    "transaction_set": "835",
    "control_number": "0001",
    "sender_id": "PAYERSENDER",
    "receiver_id": "CLEANCLAIM",
    "total_payment": "132.50",
    "payment_method": "CHK",
    "payment_date": "2026-11-20",
    "trace_number": "CHK100200",
    "payer_identifier": "1999999999",
    "payer": {
        "name": "SANDBOX HEALTH PLAN",
        "address": {
            "lines": ["1 PAYER WAY"],
            "city": "DENVER",
            "state": "CO",
            "postal_code": "80202",
        },
        "contacts": [
            {
                "function": "BL",
                "name": "PROVIDER SERVICES",
                "qualifier": "TE",
                "number": "8005551212",
            }
        ],
    },
    "payee": {"name": "RIVERSIDE FAMILY CLINIC", "id_qualifier": "XX", "id": "1234567893"},
    "claims": [
        {
            "patient_control_number": "PCN0001",
            "status_code": "1",
            "charge": "200.00",
            "paid": "132.50",
            "patient_responsibility": "20.00",
            "filing_indicator": "12",
            "payer_claim_control_number": "PAYER0001",
            "patient": {"last_name": "DOE", "first_name": "JANE", "member_id": "MEM123"},
            "services": [
                {
                    "procedure": "99213",
                    "modifiers": ["25"],
                    "charge": "150.00",
                    "paid": "100.00",
                    "units": "1",
                    "service_date": "2026-11-02",
                    "allowed": "120.00",
                    "adjustments": [
                        {"group": "CO", "reason": "45", "amount": "30.00"},
                        {"group": "PR", "reason": "3", "amount": "20.00"},
                    ],
                },
                {
                    "procedure": "81002",
                    "charge": "50.00",
                    "paid": "32.50",
                    "units": "1",
                    "service_date": "2026-11-02",
                    "adjustments": [{"group": "CO", "reason": "45", "amount": "17.50"}],
                },
            ],
        }
    ],
}

INQUIRY = {
    "transaction_set": "270",
    "control_number": "0001",
    "reference": "ELIG0001",
    "created": "2026-11-27",
    "information_source": {"name": "SANDBOX HEALTH PLAN", "id": "SANDBOX01"},
    "information_receiver": {"name": "RIVERSIDE FAMILY CLINIC", "npi": "1234567893"},
    "subscriber": {
        "last_name": "DOE",
        "first_name": "JANE",
        "member_id": "MEM123",
        "dob": "1980-04-01",
        "sex": "F",
    },
    "service_types": ["30", "98"],
    "date": "2026-12-01",
}


def _write(obj: dict) -> str:
    return write_json(obj, now=NOW).replace("~", "~\n")


@pytest.mark.parametrize(
    ("obj", "golden"), [(REMITTANCE, "remittance.835"), (INQUIRY, "eligibility.270")]
)
def test_it_matches_the_golden_file_and_reads_back_clean(obj, golden):
    text = _write(json.loads(json.dumps(obj)))
    path = GOLDEN / golden
    if os.environ.get("CLEANCLAIM_UPDATE_GOLDEN"):
        path.write_text(text)
    assert text == path.read_text()
    parsed = validate(parse(text))
    assert parsed.findings() == []


def test_it_gives_back_the_fields_it_was_built_from():
    parsed = parse(_write(REMITTANCE))
    tx = document_json(parsed)["transactions"][0]
    assert tx["total_payment"] == "132.5"
    assert tx["balanced"] is True
    claim = tx["claims"][0]
    assert (claim["charge"], claim["paid"], claim["patient_responsibility"]) == (
        "200",
        "132.5",
        "20",
    )
    assert claim["services"][0]["modifiers"] == ["25"]
    assert claim["services"][0]["adjustments"][1] == {
        "group": "PR",
        "reason": "3",
        "amount": "20",
        "quantity": None,
    }


def test_it_writes_an_835_pyx12_accepts():
    from pyx12_referee import pyx12_ok

    assert pyx12_ok(_write(REMITTANCE))
