"""A claims JSON field of the wrong type is an ``X12Error`` naming the claim and the
field (the claim form's one reader, ``claim_from_json``), never a claim written
from a misread value (a diagnosis string read letter by letter, an object's repr)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from cleanclaim.x12 import X12Error, write_json

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize(
    "path,value,message",
    [
        (("diagnoses",), "E11.9", "claims[0] RFM-1001 diagnoses: expected a list"),
        (("lines", 0, "modifiers"), "25", "claims[0] RFM-1001 line 1 modifiers: expected a list"),
        (("payer", "name"), {"a": 1}, "claims[0] RFM-1001 payer.name: expected text"),
        (("billing_provider", "npi"), ["1"], "claims[0] RFM-1001 billing_provider.npi: expected"),
        (("subscriber", "dob"), "1961-02-30", "claims[0] RFM-1001 subscriber.dob: '1961-02-30'"),
        (("lines", 0, "charge"), 150.0, "claims[0] RFM-1001 line 1 charge: floats are not money"),
    ],
)
def test_it_names_the_field(path: tuple[Any, ...], value: Any, message: str) -> None:
    obj = json.loads((GOLDEN / "claims.json").read_text())
    target = obj["transactions"][0]["claims"][0]
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(X12Error, match=message.replace("[", r"\[").replace("]", r"\]")):
        write_json(obj, now=datetime(2026, 11, 2, 9, 30))
