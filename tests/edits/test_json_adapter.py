"""The X12 engine's 837P JSON view → neutral claim; money stays Decimal."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from cleanclaim.edits.json_adapter import from_json_view

VIEW = {
    "claim_id": "C1",
    "total_charge": "150.50",
    "frequency_code": "7",
    "place_of_service": "11",
    "diagnoses": ["E11.9", "I10"],
    "billing_provider": {"npi": "1234567893", "name": "Clinic", "address": {"zip": "627011234"}},
    "rendering_provider": {"npi": "1245319599"},
    "subscriber": {"member_id": "M1"},
    "patient": {"name": "A", "dob": "1980-04-02", "sex": "F", "member_id": "M1"},
    "payer": {"name": "MEDICARE", "id": "00435", "filing_indicator": "MB"},
    "lines": [
        {
            "procedure": "99213",
            "modifiers": ["25"],
            "charge": "100.50",
            "units": "1",
            "dx_pointers": [1, 2],
            "service_date": "2026-08-03",
        },
        {
            "procedure": "82947",
            "modifiers": [],
            "charge": "50",
            "units": "1",
            "dx_pointers": [1],
            "service_date": "20260803",
        },
    ],
}


def test_it_maps_the_json_view() -> None:
    c = from_json_view(VIEW)
    assert c.total_charge == Decimal("150.50")
    assert c.payer.profile == "medicare-part-b"
    assert c.lines[0].dx_pointers == (1, 2) and c.lines[1].service_date == dt.date(2026, 8, 3)
    assert c.patient.dob == dt.date(1980, 4, 2) and c.rendering_npi == "1245319599"


def test_it_rejects_float_money_naming_the_field() -> None:
    bad = dict(VIEW, total_charge=150.5)
    with pytest.raises(ValueError, match="total_charge"):
        from_json_view(bad)
