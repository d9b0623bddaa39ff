"""The rule catalogue page lists the X12 engine's finding codes (meaning, fix, 999
IK304/IK403, one anchor each); the upload page shows a syntax finding's code, segment,
element and 999 codes linked to that row, and the findings about the file's sets once,
with their count."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.hostile_837p import repeated_sets
from cleanclaim.x12.finding_codes import FINDING_CODES

pytestmark = pytest.mark.django_db

GOLDEN = Path(__file__).resolve().parents[1] / "x12" / "golden" / "claims.837"


def _upload(client, data: bytes) -> str:
    f = SimpleUploadedFile("upload.837", data)
    r = client.post(reverse("scrubbing:upload"), {"file": f, "as_of": "2026-11-20"})
    assert r.status_code == 200
    return html.unescape(r.content.decode())


def test_it_lists_every_x12_code_on_the_catalogue_page(client_as) -> None:
    r = client_as(Role.BILLER).get(reverse("scrubbing:rules"))
    page = html.unescape(r.content.decode())
    for code, row in FINDING_CODES.items():
        tr = page.split(f'<tr id="code-{code}">', 1)[1].split("</tr>", 1)[0]
        assert row.meaning in tr and row.fix in tr
        assert (", ".join(row.ik403) or "—") in tr


def test_it_shows_the_code_and_999_codes_of_a_syntax_finding(client_as) -> None:
    data = GOLDEN.read_bytes().replace(b"DMG*D8*19800130*M~", b"DMG*D8*19801330*M~")
    page = _upload(client_as(Role.BILLER), data)
    assert 'href="/scrub/rules/#code-837p.date"' in page
    assert "2010BA DMG02" in page and "999 IK304 8 · IK403 8" in page


def test_it_shows_a_set_problem_once_with_its_count(client_as) -> None:
    page = _upload(client_as(Role.BILLER), repeated_sets(100))
    section = page.split('id="file-findings"', 1)[1].split("</section>", 1)[0]
    assert section.count('class="finding') == 3
    assert "x12.envelope.se-count" in section and "×100" in section
    assert "100 in all, at segments" in section
