"""The public 999 sample reads into loops, its JSON view, and writes back unchanged."""

from __future__ import annotations

from pathlib import Path

from cleanclaim.x12 import document_json, parse, tokenize, validate, write_json

SAMPLE = "stupidedi_X231A1_pass_response-to-functional-group-containing-3-837s.edi"


def test_it_reads_the_acknowledgment(shared_data: Path) -> None:
    data = (shared_data / "x12" / "999" / SAMPLE).read_bytes()
    parsed = validate(parse(data))
    assert parsed.findings() == []
    view = document_json(parsed)["transactions"][0]["acknowledgment"]
    assert view["group"] == {
        "functional_id": "HC",
        "control_number": "17456",
        "version": "005010X222A2",
    }
    assert view["result"] == {
        "code": "P",
        "included": "3",
        "received": "3",
        "accepted": "1",
        "error_codes": [],
    }
    statuses = [
        (t["control_number"], t["status"], t["error_codes"]) for t in view["transaction_sets"]
    ]
    assert statuses == [("0001", "A", []), ("0002", "R", ["5"]), ("0003", "R", ["5"])]
    clm = view["transaction_sets"][1]["segment_errors"][0]
    assert (clm["segment_id"], clm["position"], clm["code"]) == ("CLM", "22", "8")
    assert clm["context"] == ["CLM01:123456789"]
    assert clm["element_errors"] == [
        {
            "position": "2",
            "component": "",
            "repetition": "",
            "reference": "782",
            "code": "1",
            "value": "",
        }
    ]


def test_it_writes_the_sample_back(shared_data: Path) -> None:
    data = (shared_data / "x12" / "999" / SAMPLE).read_bytes()
    parsed = parse(data)
    t = parsed.transactions[0]
    assert t.guide.write(t.data, t.interchange.delimiters) == t.ts.segments
    assert [s.as_list() for s in tokenize(write_json(document_json(parsed)))[1]] == [
        s.as_list() for s in tokenize(data)[1]
    ]
