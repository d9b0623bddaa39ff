"""One claim shape: a claim handed in as the JSON claim form (what ``x12 parse --json``
writes) is read into the X12 engine's 837P view claim and scrubbed as the very same
claim as when it comes in the 837P."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from cleanclaim.edits.json_adapter import from_json_view
from cleanclaim.edits.x12_adapter import read_837p
from cleanclaim.x12.x222a1_837p.json import claim_from_json, claim_json

GOLDEN = Path(__file__).resolve().parents[1] / "x12" / "golden" / "claims.837"


def test_it_scrubs_the_json_form_of_each_claim_as_the_837p_claim() -> None:
    read = read_837p(GOLDEN.read_bytes(), syntax="none").claims
    assert len(read) == 3
    for rc in read:
        assert rc.view is not None
        from_json = from_json_view(claim_json(rc.view))
        # where it was read (file, GS06, ST02) is not part of the claim form
        assert from_json == replace(rc.claim, source="", group="", set_control="")


def test_it_reads_the_json_form_back_into_the_view_claim() -> None:
    for rc in read_837p(GOLDEN.read_bytes(), syntax="none").claims:
        assert rc.view is not None
        back = claim_from_json(claim_json(rc.view))
        assert claim_json(back) == claim_json(rc.view)


def test_it_names_a_bad_date_of_the_json_form() -> None:
    (rc, *_) = read_837p(GOLDEN.read_bytes(), syntax="none").claims
    assert rc.view is not None
    form = claim_json(rc.view)
    form["lines"][0]["service_date"] = "2026-02-30"
    with pytest.raises(ValueError, match=r"RFM-1001 line 1 service_date: '2026-02-30'"):
        from_json_view(form)
