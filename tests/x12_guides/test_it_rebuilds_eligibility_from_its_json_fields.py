"""Every 270/271 sample's convenient JSON fields build a new, valid transaction
that reads back to the same members, benefits and rejections (amounts compared
as Decimal: ``10.00`` is written ``10``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from conftest_paths import SAMPLES
from samples import decimals

from cleanclaim.x12 import parse, validate
from cleanclaim.x12._json_view import document_json, write_json

ELIGIBILITY = [p for p in SAMPLES if p.parent.name in ("270", "271")]


@pytest.mark.parametrize("path", ELIGIBILITY, ids=lambda p: p.name)
def test_it_builds_the_same_eligibility_from_the_fields(path, shared_data):
    original = document_json(parse(path.read_bytes()))["transactions"][0]
    fields = {k: v for k, v in original.items() if k not in ("segments", "envelope")}
    rebuilt_text = write_json(json.loads(json.dumps(fields)))
    parsed = validate(parse(rebuilt_text))
    assert parsed.findings() == []
    rebuilt = document_json(parsed)["transactions"][0]
    for key in ("members", "rejections", "information_source", "information_receiver"):
        assert decimals(rebuilt[key]) == decimals(original[key])
