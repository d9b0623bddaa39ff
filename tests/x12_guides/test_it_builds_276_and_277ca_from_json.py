"""A program builds a 276 (we send it) or a 277CA (the sandbox clearinghouse
sends it) from JSON fields without knowing X12.

Golden files were generated once and reviewed by eye; the output reads back
with no finding, the 277CA passes pyx12 (pyx12 has no 5010 276 map), and every
276 sample's JSON fields build a new 276 with the same claims.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from conftest_paths import SAMPLES
from samples import NOT_X12, decimals

from cleanclaim.x12 import parse, validate
from cleanclaim.x12._json_view import document_json, write_json

GOLDEN = Path(__file__).parent / "golden"
NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)

CLINIC = {"name": "RIVERSIDE FAMILY CLINIC", "id": "1234567893"}

STATUS_REQUEST = {
    "transaction_set": "276",
    "reference": "STAT0001",
    "created": "2026-11-27",
    "information_source": {"name": "SANDBOX HEALTH PLAN", "id": "SANDBOX01"},
    "information_receiver": {"name": "RIVERSIDE BILLING", "id": "SUB01"},
    "claims": [
        {
            "provider": CLINIC,
            "subscriber": {
                "last_name": "DOE",
                "first_name": "JANE",
                "member_id": "MEM123",
                "dob": "1980-04-01",
                "sex": "F",
            },
            "patient_control_number": "PCN0001",
            "payer_claim_control_number": "PAYER0001",
            "charge": "200.00",
            "service_dates": [{"date": "2026-11-02"}],
        },
        {
            "provider": CLINIC,
            "subscriber": {
                "last_name": "DOE",
                "first_name": "JANE",
                "member_id": "MEM123",
                "dob": "1980-04-01",
                "sex": "F",
            },
            "patient": {"last_name": "DOE", "first_name": "JIMMY", "dob": "2015-06-30", "sex": "M"},
            "patient_control_number": "PCN0002",
            "charge": "75.50",
            "service_dates": [{"start": "2026-11-03", "end": "2026-11-04"}],
            "lines": [
                {
                    "procedure": "99213",
                    "charge": "75.50",
                    "units": "1",
                    "service_dates": [{"date": "2026-11-03"}],
                }
            ],
        },
    ],
}

ACKNOWLEDGMENT = {
    "transaction_set": "277",
    "version": "005010X214",
    "reference": "ACK0001",
    "created": "2026-11-27",
    "information_source": {"name": "SANDBOX CLEARINGHOUSE", "id": "CH01"},
    "information_receiver": {"name": "RIVERSIDE BILLING", "id": "SUB01"},
    "claims": [
        {
            "provider": CLINIC,
            "patient": {"last_name": "DOE", "first_name": "JANE", "member_id": "MEM123"},
            "patient_control_number": "PCN0001",
            "charge": "200.00",
            "service_dates": [{"date": "2026-11-02"}],
            "clearinghouse_trace": "CH-0001",
            "statuses": [{"category": "A2", "status_code": "20", "entity": "PR"}],
        },
        {
            "provider": CLINIC,
            "patient": {"last_name": "ROE", "first_name": "RICHARD", "member_id": "MEM456"},
            "patient_control_number": "PCN0003",
            "charge": "75.50",
            "service_dates": [{"date": "2026-11-03"}],
            "statuses": [{"category": "A7", "status_code": "562", "entity": "85"}],
        },
    ],
}


def _write(obj: dict) -> str:
    return write_json(json.loads(json.dumps(obj)), now=NOW).replace("~", "~\n")


@pytest.mark.parametrize(
    ("obj", "golden"),
    [(STATUS_REQUEST, "status-request.276"), (ACKNOWLEDGMENT, "acknowledgment.277")],
)
def test_it_matches_the_golden_file_and_reads_back_clean(obj, golden):
    text = _write(obj)
    path = GOLDEN / golden
    if os.environ.get("CLEANCLAIM_UPDATE_GOLDEN"):
        path.write_text(text)
    assert text == path.read_text()
    assert validate(parse(text)).findings() == []


def test_it_writes_a_277ca_pyx12_accepts():
    from pyx12_referee import pyx12_ok

    assert pyx12_ok(_write(ACKNOWLEDGMENT))


def test_it_reports_the_rejected_claim_and_counts_it():
    tx = document_json(parse(_write(ACKNOWLEDGMENT)))["transactions"][0]
    rejected = tx["claims"][1]
    assert rejected["patient_control_number"] == "PCN0003"
    assert rejected["statuses"][0] | {"more": []} == {
        "category": "A7",
        "status_code": "562",
        "entity": "85",
        "date": "2026-11-27",
        "action": "U",
        "charge": "75.5",
        "paid": None,
        "more": [],
        "message": None,
    }
    receiver = next(p for p in tx["parties"] if p["role"] == "information_receiver")
    assert receiver["quantities"] == [
        {"qualifier": "90", "quantity": "1"},
        {"qualifier": "AA", "quantity": "1"},
    ]
    assert receiver["amounts"] == [
        {"qualifier": "YU", "amount": "200"},
        {"qualifier": "YY", "amount": "75.5"},
    ]


def test_it_rebuilds_a_277ca_from_its_own_json_view():
    first = document_json(parse(_write(ACKNOWLEDGMENT)))["transactions"][0]
    fields = {k: v for k, v in first.items() if k not in ("segments", "envelope")}
    again = document_json(validate(parse(_write(fields))))["transactions"][0]
    assert decimals(again["claims"]) == decimals(first["claims"])


STATUS_SAMPLES = [p for p in SAMPLES if p.parent.name == "276" and p.name not in NOT_X12]


@pytest.mark.parametrize("path", STATUS_SAMPLES, ids=lambda p: p.name)
def test_it_builds_the_same_276_from_a_samples_fields(path, shared_data):
    original = document_json(parse(path.read_bytes()))["transactions"][0]
    parties = {p["role"]: p for p in original["parties"]}
    fields = {
        "transaction_set": "276",
        "reference": original["reference"],
        "created": original["created"],
        "information_source": parties["information_source"],
        "information_receiver": parties["information_receiver"],
        "claims": original["claims"],
    }
    parsed = validate(parse(_write(fields)))
    assert parsed.findings() == []
    rebuilt = document_json(parsed)["transactions"][0]
    assert decimals(rebuilt["claims"]) == decimals(original["claims"])
