"""A drug line's NDC goes into its 2410 loop: the builder writes
``LIN**N4*<11 digits>~CTP****<quantity>*<unit>~`` after the line's DTP*472, the
view reads the NDC, quantity and unit back, pyx12 and the engine's own guide accept
the file, and an NDC the guide cannot carry is refused naming the field."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cleanclaim.x12 import X12Error, parse, validate, write_json
from cleanclaim.x12.x222a1_837p import claims
from cleanclaim.x12.x222a1_837p.json import claim_from_json, claim_json

GOLDEN = Path(__file__).parent / "golden"
Referee = Callable[[str], tuple[bool, list[dict[str, Any]]]]
DRUG = {
    "procedure": "J1815",
    "charge": "24.00",
    "units": "4",
    "dx_pointers": [1],
    "service_date": "2026-10-20",
    "ndc": "00002-8215-01",
    "ndc_quantity": "1.5",
    "ndc_unit": "ML",
}


def _written(**drug: Any) -> str:
    obj = json.loads((GOLDEN / "claims.json").read_text())
    obj["transactions"][0]["claims"][0]["lines"].append({**DRUG, **drug})
    return write_json(obj, now=datetime(2026, 11, 2, 9, 30))


def _flat(text: str) -> str:
    return text.replace("\n", "")


def test_it_writes_lin_and_ctp_after_the_drug_lines_date() -> None:
    text = _flat(_written())
    assert "SV1*HC:J1815*24*UN*4***1~DTP*472*D8*20261020~LIN**N4*00002821501~CTP****1.5*ML~" in (
        text
    )
    assert text.count("LIN*") == 1  # only the drug line
    assert validate(parse(text)).findings() == []


def test_it_reads_the_ndc_quantity_and_unit_back() -> None:
    got = {c.claim_id: c for c in claims(parse(_written()).transactions[0].data)}
    line = got["RFM-1001"].lines[-1]
    assert (line.procedure, line.ndc, line.ndc_quantity, line.ndc_unit) == (
        "J1815",
        "00002821501",
        Decimal("1.5"),
        "ML",
    )
    assert got["RFM-1001"].lines[0].ndc == "" and got["RFM-1001"].lines[0].ndc_quantity is None
    again = claim_from_json(claim_json(got["RFM-1001"])).lines[-1]
    assert (again.ndc, again.ndc_quantity, again.ndc_unit) == ("00002821501", Decimal("1.5"), "ML")


def test_the_unit_defaults_to_un() -> None:
    assert "LIN**N4*00002821501~CTP****2*UN~" in _flat(_written(ndc_quantity="2", ndc_unit=""))


def test_pyx12_accepts_a_claim_with_a_drug_line(pyx12_validate: Referee) -> None:
    ok, errors = pyx12_validate(_written())
    assert ok and errors == [], errors


@pytest.mark.parametrize(
    ("drug", "message"),
    [
        ({"ndc": "0002-8215-01"}, r"lines\[2\]\.ndc '0002-8215-01' is not an 11-digit NDC"),
        ({"ndc_quantity": None}, r"lines\[2\]\.ndc_quantity is required with an NDC"),
        ({"ndc_quantity": "0"}, r"lines\[2\]\.ndc_quantity must be more than 0"),
        ({"ndc_quantity": "1.2345"}, r"lines\[2\]\.ndc_quantity 1.2345 has more than 3 decimals"),
        ({"ndc_unit": "KG"}, r"lines\[2\]\.ndc_unit 'KG' is not one of F2, GR, ME, ML, UN"),
    ],
)
def test_it_refuses_an_ndc_the_guide_cannot_carry(drug: dict[str, Any], message: str) -> None:
    with pytest.raises(X12Error, match=message):
        _written(**drug)
