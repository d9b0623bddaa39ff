"""The entry point for the app's upload page and POST /api/scrub: bytes in (837P or
the JSON view), results out; unreadable input is one DocumentError line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleanclaim.edits import report
from cleanclaim.edits.document import DocumentError, scrub_document


def test_it_scrubs_an_uploaded_837p(shared_data: Path, ctx) -> None:
    data = (shared_data / "x12/837P/stupidedi_X222A1_pass_ppo-repriced-claim.edi").read_bytes()
    got = scrub_document(data, ctx, name="upload.edi")
    rep = report(got.claims, got.findings)
    assert rep["summary"]["claims"] == 1
    assert rep["claims"][0]["claim_id"] == "ABC123-RI"  # type: ignore[index]


def test_it_scrubs_posted_json_claims(mk, ctx) -> None:
    body = json.dumps({"claims": [{"claim_id": "J1", "total_charge": "0", "lines": []}]})
    (res,) = scrub_document(body.encode(), ctx, name="api").claims
    assert res.claim_id == "J1" and "MD-006" in {f.rule for f in res.findings}


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"hello", "ISA"),
        (b"{not json", "not valid JSON"),
        (b'{"file": "x", "error": "boom"}', "boom"),
    ],
)
def test_it_refuses_unreadable_input_in_one_line(ctx, data: bytes, words: str) -> None:
    with pytest.raises(DocumentError) as info:
        scrub_document(data, ctx, name="upload")
    msg = str(info.value)
    assert msg.startswith("upload: ") and words in msg and "\n" not in msg
