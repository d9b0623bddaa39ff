"""A secondary claim built from view objects with the primary's adjudication (2320,
2330A, 2330B, 2430) reads back equal, through the builder and through the JSON claim
form, passes the engine's checks and pyx12's validator."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cleanclaim.x12 import parse, validate, write_json
from cleanclaim.x12.x222a1_837p import claims
from cleanclaim.x12.x222a1_837p.building import build_837p
from cleanclaim.x12.x222a1_837p.json import claim_from_json, claim_json

from .secondary_837p import CREATED, RECEIVER, SUBMITTER, secondary_claim


def _document() -> str:
    doc = {
        "x12_json_version": "1",
        "transactions": [
            {
                "transaction_set": "837",
                "interchange_control_number": "1",
                "group_control_number": "1",
                "control_number": "0001",
                "test": True,
                "created": CREATED.strftime("%Y-%m-%dT%H:%M"),
                "submitter": {
                    "name": SUBMITTER.name,
                    "id": SUBMITTER.id,
                    "contact_name": SUBMITTER.contact_name,
                    "phone": SUBMITTER.phone,
                },
                "receiver": {"name": RECEIVER.name, "id": RECEIVER.id},
                "claims": [claim_json(secondary_claim())],
            }
        ],
    }
    return write_json(doc, now=CREATED)


def test_it_reads_back_the_other_payer_loops_it_wrote() -> None:
    built = secondary_claim()
    tx = build_837p([built], submitter=SUBMITTER, receiver=RECEIVER, created=CREATED)
    (read,) = claims(tx)
    assert read.other_payers == built.other_payers
    assert [ln.adjudications for ln in read.lines] == [ln.adjudications for ln in built.lines]
    assert read.payer_responsibility == "S"
    assert read.other_payer_paid == "2026-11-20"


def test_the_json_claim_form_carries_the_same_fields() -> None:
    built = secondary_claim()
    again = claim_from_json(claim_json(built))
    assert again.other_payers == built.other_payers
    assert [ln.adjudications for ln in again.lines] == [ln.adjudications for ln in built.lines]


def test_it_writes_the_loops_in_guide_order_and_they_pass_pyx12(
    pyx12_validate: Callable[[str], tuple[bool, list[dict[str, Any]]]],
) -> None:
    text = _document()
    flat = text.replace("\n", "")
    assert "~SBR*P*18*******MB~AMT*D*94~AMT*EAF*23.50~OI***Y***Y~MOA***MA01~" in flat
    assert "~NM1*IL*1*DOE*JANE****MI*1EG4TE5MK73~NM1*PR*2*MEDICARE PART B*****PI*MCR01~" in flat
    assert "~DTP*573*D8*20261120~REF*F8*MCR-555-0001~LX*1~" in flat
    assert "~SVD*MCR01*64*HC:99213**1~CAS*CO*45*20~CAS*PR*2*16~DTP*573*D8*20261120~" in flat
    assert validate(parse(text)).findings() == []
    ok, errors = pyx12_validate(text)
    assert ok and errors == [], errors
