"""The upload page and ``POST /api/scrub`` answer files of the shapes an attacker sends
(status 200 with the result): many sets with a repeated group-level problem, ~1 MB and
~4.9 MB of claims with a defect each, ~700 KB of empty transaction sets, one ~4.9 MB
claim. Their speed is measured in bench/scrub_hostile.py, not here."""

from __future__ import annotations

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cleanclaim.scrubbing.api import ScrubReport
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing import hostile_837p

pytestmark = pytest.mark.django_db

SHAPES = {
    "repeated-sets": lambda: hostile_837p.repeated_sets(100),
    "1mb-claims": lambda: hostile_837p.many_claims(1_000_000),
    "4.9mb-claims": lambda: hostile_837p.many_claims(4_900_000),
    "700kb-empty-sets": lambda: hostile_837p.empty_sets(700_000),
    "4.9mb-claim": lambda: hostile_837p.huge_claim(4_900_000),
}


@pytest.mark.slow
@pytest.mark.parametrize("shape", list(SHAPES))
def test_it_answers_the_api(client_as, shape: str) -> None:
    data = SHAPES[shape]()
    url = reverse("api:scrub") + "?as_of=2026-11-20"
    r = client_as(Role.BILLER).post(url, data, content_type="application/edi-x12")
    assert r.status_code == 200, r.content[:300]
    got = r.json()
    claims = data.count(b"\nCLM*")
    assert got["summary"]["claims"] == len(got["claims"]) == claims
    # each finding reported once where it belongs: a handful per claim (at most 21 per
    # check on an oversized one), a few outside
    findings = sum(len(c["findings"]) for c in got["claims"])
    assert findings <= max(6 * claims, 300)
    assert len(got["findings"]) <= 5
    assert len(r.content) <= 20 * len(data)
    ScrubReport.model_validate(got)  # the documented response schema holds


@pytest.mark.slow
@pytest.mark.parametrize("shape", list(SHAPES))
def test_it_answers_the_upload_page(client_as, shape: str) -> None:
    data = SHAPES[shape]()
    f = SimpleUploadedFile(f"{shape}.837", data)
    r = client_as(Role.BILLER).post(reverse("scrubbing:upload"), {"file": f, "as_of": "2026-11-20"})
    assert r.status_code == 200
    page = html.unescape(r.content.decode())
    assert 'id="summary"' in page and "The file was not scrubbed" not in page
    # at most PAGE_CLAIMS claims shown in full, the others counted
    assert page.count('<article class="claim"') <= 100
    assert len(r.content) <= 2_000_000
