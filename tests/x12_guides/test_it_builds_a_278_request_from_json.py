"""The coverage work builds a 278 prior authorization request from JSON fields
without knowing X12: the output matches a golden file (reviewed by eye), reads
back as a request and validates clean against our 005010X217 guide.

pyx12 cannot referee it: pyx12 4.0.0 has no 5010 X217 map (only the 4010 X094
maps our tree is derived from), so "every 278 we write passes pyx12" cannot be
tested -- see docs/decisions/0402-guide-specs-without-a-5010-map.md.

Every 278 sample's convenient fields also build a new transaction that
validates clean and reads back to the same parties, event and services.
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
from samples import decimals

from cleanclaim.x12 import X12Error, parse, validate
from cleanclaim.x12._json_view import document_json, write_json

GOLDEN = Path(__file__).parent / "golden"
NOW = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)

REQUEST = {
    "transaction_set": "278",
    "control_number": "0001",
    "reference": "PA0001",
    "created": "2026-12-05",
    "umo": {"name": "SANDBOX HEALTH PLAN", "id": "SANDBOX01"},
    "requester": {
        "name": "RIVERSIDE FAMILY CLINIC",
        "npi": "1234567893",
        "taxonomy": "207Q00000X",
    },
    "subscriber": {
        "last_name": "DOE",
        "first_name": "JANE",
        "member_id": "MEM123",
        "dob": "1980-04-01",
        "sex": "F",
    },
    "event": {
        "request_category": "HS",
        "certification_type": "I",
        "service_type": "73",
        "facility_code": "11",
        "dates": [{"qualifier": "AAH", "start": "2027-01-04", "end": "2027-01-31"}],
        "diagnoses": [{"code": "M54.50"}],
        "services": [
            {
                "procedure": {"code": "72148"},
                "quantity": "1",
                "providers": [{"entity": "SJ", "name": "VALLEY IMAGING", "npi": "1992999999"}],
            }
        ],
    },
}


def _write(obj: dict) -> str:
    return write_json(json.loads(json.dumps(obj)), now=NOW).replace("~", "~\n")


def test_it_matches_the_golden_file_and_validates_clean():
    text = _write(REQUEST)
    path = GOLDEN / "prior-authorization.278"
    if os.environ.get("CLEANCLAIM_UPDATE_GOLDEN"):
        path.write_text(text)
    assert text == path.read_text()
    parsed = validate(parse(text))
    assert parsed.findings() == []
    (t,) = parsed.transactions
    assert t.data.kind == "request"
    assert t.data.review.event.services[0].procedure.code == "72148"
    assert t.data.review.event.diagnoses == [("ABK", "M5450")]


def test_it_names_the_missing_field():
    broken = json.loads(json.dumps(REQUEST))
    del broken["subscriber"]["member_id"]
    with pytest.raises(X12Error, match=r"278\.subscriber\.member_id is required"):
        write_json(broken, now=NOW)


def test_it_refuses_a_date_the_event_does_not_have():
    broken = json.loads(json.dumps(REQUEST))
    broken["event"]["dates"] = [{"qualifier": "999", "date": "2027-01-04"}]
    with pytest.raises(X12Error, match=r"278\.event\.dates\[0\]\.qualifier '999'"):
        write_json(broken, now=NOW)


REVIEWS = [p for p in SAMPLES if p.parent.name == "278"]


@pytest.mark.shared_data
@pytest.mark.parametrize("path", REVIEWS, ids=lambda p: p.name)
def test_it_builds_the_same_review_from_a_samples_fields(path, shared_data):
    original = document_json(parse(path.read_bytes()))["transactions"][0]
    fields = {k: v for k, v in original.items() if k not in ("segments", "envelope")}
    parsed = validate(parse(write_json(json.loads(json.dumps(fields)))))
    assert parsed.findings() == []
    rebuilt = document_json(parsed)["transactions"][0]
    for key in (
        "kind",
        "umo",
        "requester",
        "subscriber",
        "dependent",
        "event",
        "authorization_number",
    ):
        assert decimals(rebuilt[key]) == decimals(original[key]), key


def test_it_builds_a_request_for_a_dependent_with_a_payer_as_umo():
    obj = json.loads(json.dumps(REQUEST))
    obj["umo"]["entity"] = "PR"
    obj["dependent"] = {"last_name": "DOE", "first_name": "JIM", "dob": "2015-02-03", "sex": "M"}
    parsed = validate(parse(write_json(obj, now=NOW)))
    assert parsed.findings() == []
    (t,) = parsed.transactions
    review = t.data.review
    assert review.patient is review.dependent
    assert review.dependent.name.name_first == "JIM"
    assert review.event.hl.hierarchical_parent_id_number == "4"  # under the dependent
    assert review.event.traces[0].originating_company_identifier == "9234567893"  # requester


def test_it_flags_a_second_principal_diagnosis():
    obj = json.loads(json.dumps(REQUEST))
    obj["event"]["diagnoses"] = [{"code": "M54.50"}, {"qualifier": "ABK", "code": "M51.26"}]
    found = validate(parse(write_json(obj, now=NOW))).findings()
    assert [(f.code, f.element, f.value) for f in found] == [
        ("x12.element.invalid-code", "2000E HI02-01", "ABK")
    ]
