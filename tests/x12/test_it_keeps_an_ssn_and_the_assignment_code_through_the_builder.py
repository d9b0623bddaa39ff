"""A billing provider's SSN (``tax_id_type: "ssn"``, 2010AA REF*SY) and the claim's
assignment code (``assignment``, CLM07) go from the JSON claim form into the view
``Claim``, are written by the builder and read back from the 837P."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from cleanclaim.x12 import parse, write_json
from cleanclaim.x12.x222a1_837p import claims
from cleanclaim.x12.x222a1_837p.json import claim_from_json, claim_json

GOLDEN = Path(__file__).parent / "golden"


def _written() -> str:
    obj = json.loads((GOLDEN / "claims.json").read_text())
    first = obj["transactions"][0]["claims"][0]
    first["billing_provider"]["tax_id_type"] = "ssn"
    first["billing_provider"]["name"] = "MAI NGUYEN"
    first["assignment"] = "C"
    return write_json(obj, now=datetime(2026, 11, 2, 9, 30))


def test_it_writes_ref_sy_and_clm07_from_the_claim_form() -> None:
    text = _written()
    assert "REF*SY*931234567~" in text
    assert "CLM*RFM-1001*182.50***11:B:1*Y*C*Y*Y~" in text
    assert "CLM*RFM-1002*110***11:B:1*Y*A*Y*Y~" in text  # the default


def test_it_reads_them_back_into_the_view_and_its_json_form() -> None:
    got = {c.claim_id: c for c in claims(parse(_written()).transactions[0].data)}
    first = got["RFM-1001"]
    assert first.billing_provider.tax_id_type == "ssn" and first.assignment == "C"
    assert got["RFM-1002"].billing_provider.tax_id_type == ""
    assert got["RFM-1002"].assignment == "A"
    again = claim_from_json(claim_json(first))
    assert (again.billing_provider.tax_id_type, again.assignment) == ("ssn", "C")
