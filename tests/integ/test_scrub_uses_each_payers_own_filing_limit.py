"""In the app and the API the scrubber checks each claim against its payer's own filing
limit (the organisation's payer set-up, by the payer id of 2010BB): a claim of the
demo's Cascade Health (DEMO03, 180 days) is checked against 180 days, not the 90-day
commercial default, and a claim past it is an error citing the payer profile.

Persona: Bea the demo biller scrubs a claim of 2026-08-03 (CLEAN-1) for Cascade."""

from __future__ import annotations

import copy
import html
import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from cleanclaim.practices.models import User
from cleanclaim.web import demo
from cleanclaim.x12 import document_json, parse

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db

CITATION = "Payer profile DEMO03: example: provider agreement, claims submission clause (adjust)"


@pytest.fixture
def biller() -> Client:
    demo.build()
    client = Client()
    client.force_login(User.objects.get(email=f"biller@{demo.DOMAIN}"))
    return client


def _claims(payer_id: str) -> list[dict[str, Any]]:
    view = document_json(parse((FIXTURES / "known_defects.837").read_bytes()))
    claim = copy.deepcopy(view["transactions"][0]["claims"][0])  # CLEAN-1, DOS 2026-08-03
    claim["payer"]["id"] = payer_id
    claim["filing_indicator"] = "CI"  # commercial: a 90-day default without a profile
    return [claim]


def _timely(client: Client, payer_id: str, as_of: str) -> list[dict[str, Any]]:
    r = client.post(
        reverse("api:scrub") + f"?as_of={as_of}",
        json.dumps(_claims(payer_id)),
        content_type="application/json",
    )
    assert r.status_code == 200, r.content
    return [
        f for c in r.json()["claims"] for f in c["findings"] if f["category"] == "timely-filing"
    ]


def test_a_180_day_payer_is_checked_against_180_days_not_90(biller: Client) -> None:
    # 150 days after the date of service: past a 90-day default, well within 180 days
    assert _timely(biller, "DEMO03", "2026-12-31") == []
    (default,) = _timely(biller, "NOTSETUP1", "2026-12-31")  # not one of the demo payers
    assert default["severity"] == "warning" and "default" in default["source"]


def test_a_claim_past_its_payers_limit_is_an_error_in_the_api(biller: Client) -> None:
    (f,) = _timely(biller, "DEMO03", "2046-02-01")  # some 7,000 days late
    assert (f["rule"], f["severity"], f["carc"], f["line"]) == ("TF-001", "error", "29", 1)
    assert f["source"].startswith(CITATION)
    assert "180-day filing limit" in f["message"] and "ended 2027-01-30" in f["message"]


def test_a_claim_past_its_payers_limit_is_an_error_on_the_upload_page(biller: Client) -> None:
    data = json.dumps(_claims("DEMO03")).encode()
    f = SimpleUploadedFile("cascade.json", data, content_type="application/json")
    r = biller.post(reverse("scrubbing:upload"), {"file": f, "as_of": "2027-02-15"})
    body = html.unescape(r.content.decode())
    assert r.status_code == 200
    assert "<strong>1</strong> with errors" in body
    assert "TF-001" in body and CITATION in body and "ended 2027-01-30" in body
