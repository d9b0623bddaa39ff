"""A 999 can be written from the JSON view's convenient fields, and reads back the same."""

from __future__ import annotations

from datetime import datetime

import pytest

from cleanclaim.x12 import X12Error, document_json, parse, validate, write_json

ACK = {
    "transaction_set": "999",
    "sender_id": "CLEARINGHOUSE",
    "receiver_id": "CLEANCLAIMDEMO",
    "acknowledgment": {
        "group": {"functional_id": "HC", "control_number": "101", "version": "005010X222A1"},
        "transaction_sets": [
            {"transaction_set": "837", "control_number": "0001", "version": "005010X222A1"},
            {
                "transaction_set": "837",
                "control_number": "0002",
                "version": "005010X222A1",
                "error_codes": ["5"],
                "segment_errors": [
                    {
                        "segment_id": "CLM",
                        "position": "22",
                        "loop": "2300",
                        "code": "8",
                        "context": ["CLM01:RFM-1001"],
                        "element_errors": [
                            {"position": "5", "component": "3", "code": "7", "value": "5"}
                        ],
                    }
                ],
            },
        ],
    },
}


def test_it_writes_and_reads_back_the_acknowledgment() -> None:
    text = write_json(ACK, now=datetime(2026, 11, 27, 9, 0))
    assert "IK5*A~" in text and "IK5*R*5~" in text and "AK9*P*2*2*1~" in text
    assert "IK4*5:3**7*5~" in text and "CTX*CLM01:RFM-1001~" in text
    parsed = validate(parse(text))
    assert parsed.findings() == []
    view = document_json(parsed)["transactions"][0]["acknowledgment"]
    assert [t["status"] for t in view["transaction_sets"]] == ["A", "R"]
    assert view["result"]["code"] == "P"


def test_it_names_what_is_missing() -> None:
    bad = {"transaction_set": "999", "acknowledgment": {"group": {"functional_id": "HC"}}}
    with pytest.raises(X12Error, match=r"group\.control_number is required"):
        write_json(bad)
