"""A biller drops an 837P on the upload page and reads the findings: grouped by claim,
errors first, each with its fix, source, CARC and a link to its rule; summary counts
with an inline SVG chart. Bad files get one clear message and nothing half-processed;
the file is not stored, but an audit entry records who scrubbed what."""

from __future__ import annotations

import hashlib
import html
import json
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cleanclaim.audit.models import AuditEntry
from cleanclaim.scrubbing.actions import AUDIT_MODEL
from cleanclaim.tenancy.permissions import Role
from cleanclaim.x12 import document_json, parse

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db

AS_OF = "2026-08-20"
SAMPLE = "x12/837P/stupidedi_X222A1_pass_commercial-health-insurance.edi"


def _upload(client, name: str, data: bytes, as_of: str = AS_OF):
    f = SimpleUploadedFile(name, data, content_type="application/octet-stream")
    return client.post(reverse("scrubbing:upload"), {"file": f, "as_of": as_of})


def test_it_scrubs_a_real_837p_sample(client_as, shared_data: Path) -> None:
    data = (shared_data / SAMPLE).read_bytes()
    r = _upload(client_as(Role.BILLER), "commercial.edi", data, as_of="2006-11-01")
    body = html.unescape(r.content.decode())
    assert r.status_code == 200
    assert "commercial.edi: 1 claim" in body
    assert "Claim 26463774:" in body  # CLM01 of the sample
    # The sample's billing provider has a 5-digit ZIP (N4*MIAMI*FL*33111) and an NPI whose
    # check digit is wrong (9876543210; the Luhn digit over 80840987654321 is 3).
    for rule, words in (("MD-001", "ZIP is 33111"), ("NPI-001", "NPI 9876543210")):
        assert f'href="{reverse("scrubbing:rules")}#{rule}"' in body
        assert words in body
    assert hashlib.sha256(data).hexdigest() in body


def test_it_groups_known_defects_by_claim_with_errors_first(client_as) -> None:
    data = (FIXTURES / "known_defects.837").read_bytes()
    r = _upload(client_as(Role.BILLER), "known_defects.837", data)
    body = html.unescape(r.content.decode())
    assert r.status_code == 200
    assert re.search(r"<li><strong>2</strong> claims</li>", body)
    assert re.search(r"<li><strong>1</strong> clean</li>", body)
    assert re.search(r"<li><strong>1</strong> with errors</li>", body)
    defect = body.split("Claim DEFECT-1:", 1)[1].split("</article>", 1)[0]
    for rule, words in (
        ("CHG-001", "Claim total 150 but the lines add up to 140"),
        ("DX-NB-001", "E11 is a header code"),
        ("DX-NB-002", "S93.401 needs a 7th character"),
        ("NPI-002", "NPI 1245319590 fails its check digit"),
        ("DX-PTR-001", "points to diagnosis 3"),
    ):
        assert f'#{rule}">{rule}</a>' in defect, rule
        assert words in defect, rule
    assert "Fix:" in defect and "prevents CARC 146" in defect and "Source:" in defect
    severities = re.findall(r'class="finding sev-(error|warning)"', defect)
    assert severities == sorted(severities)  # errors before warnings
    clean = body.split('id="clean-heading"', 1)[1]
    assert "CLEAN-1" in clean


def test_it_draws_the_summary_by_category(client_as) -> None:
    data = (FIXTURES / "known_defects.837").read_bytes()
    body = html.unescape(_upload(client_as(Role.BILLER), "kd.837", data).content.decode())
    svg = body.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert 'role="img"' in svg and "Findings by category" in svg
    assert svg.count("<rect") == len(re.findall(r"<tr><td><a href=[^>]*#category-", body))
    table = body.split('id="by-category-table"', 1)[1].split("</table>", 1)[0]
    assert re.search(r"dx-not-billable</a></td><td>2</td>", table)
    assert re.search(r"charge</a></td><td>1</td>", table)


def test_it_records_an_audit_entry_but_stores_no_content(client_as, world) -> None:
    data = (FIXTURES / "known_defects.837").read_bytes()
    before = AuditEntry.objects.count()
    _upload(client_as(Role.BILLER), "known_defects.837", data)
    entry = AuditEntry.objects.get(model=AUDIT_MODEL)
    assert AuditEntry.objects.count() == before + 1
    assert entry.user == world.home.users[Role.BILLER]
    assert entry.organisation_id == world.home.organisation.pk
    assert entry.context["file"] == "known_defects.837"
    assert entry.context["size"] == len(data)
    assert entry.context["sha256"] == hashlib.sha256(data).hexdigest()
    assert entry.context["claims"] == 2 and entry.context["with_errors"] == 1
    assert "DEFECT-1" not in str(entry.context)  # no claim content kept


def test_it_refuses_x12_4010_with_one_message(client_as, shared_data: Path) -> None:
    path = shared_data / "x12/837P/lfh_837_004010X098A1__patient-is-subscriber.837"
    r = _upload(client_as(Role.BILLER), path.name, path.read_bytes())
    body = html.unescape(r.content.decode())
    assert r.status_code == 422
    assert "The file was not scrubbed:" in body and "4010" in body
    assert 'id="summary"' not in body and "Findings by claim" not in body
    entry = AuditEntry.objects.get(model=AUDIT_MODEL)
    assert "4010" in entry.context["refused"] and entry.context["claims"] == 0


def test_it_refuses_a_file_that_is_not_x12(client_as) -> None:
    r = _upload(client_as(Role.BILLER), "notes.txt", b"Dear payer, please pay.\n")
    assert r.status_code == 400
    assert "not an X12 file" in html.unescape(r.content.decode())
    r = _upload(client_as(Role.BILLER), "empty.837", b"")
    assert r.status_code == 400


def test_it_refuses_a_file_over_the_limit(client_as, settings) -> None:
    settings.CLEANCLAIM_SCRUB_MAX_BYTES = 1000
    data = (FIXTURES / "known_defects.837").read_bytes()
    assert len(data) > 1000
    r = _upload(client_as(Role.BILLER), "big.837", data)
    assert r.status_code == 413
    assert "the scrubber accepts files up to 1,000 bytes" in html.unescape(r.content.decode())
    assert AuditEntry.objects.get(model=AUDIT_MODEL).context["sha256"] == ""


def test_it_asks_for_a_file(client_as) -> None:
    r = client_as(Role.BILLER).post(reverse("scrubbing:upload"), {"as_of": AS_OF})
    assert r.status_code == 400
    assert "choose an 837P file" in r.content.decode()


def test_it_says_the_file_is_not_stored(client_as) -> None:
    body = client_as(Role.BILLER).get(reverse("scrubbing:upload")).content.decode()
    assert "The file is not stored" in body
    assert 'enctype="multipart/form-data"' in body


def test_it_reads_the_x12_engines_json_claim_form(client_as) -> None:
    view = document_json(parse((FIXTURES / "known_defects.837").read_bytes()))
    r = _upload(client_as(Role.BILLER), "known.json", json.dumps(view).encode())
    body = html.unescape(r.content.decode())
    assert r.status_code == 200
    assert "known.json: 2 claims" in body
    assert "S93.401 needs a 7th character" in body
