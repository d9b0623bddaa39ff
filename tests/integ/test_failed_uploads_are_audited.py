"""An upload the scrubber refuses is recorded like one it reads: who tried which file
(name, size) and why it was refused, never the file's content; on the page and the API."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cleanclaim.audit.models import AuditEntry
from cleanclaim.scrubbing.actions import AUDIT_MODEL
from cleanclaim.tenancy.permissions import Role

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db

KNOWN = FIXTURES / "known_defects.837"


def _refusal() -> AuditEntry:
    entry = AuditEntry.objects.get(model=AUDIT_MODEL)
    assert entry.action == "read" and entry.context["claims"] == 0
    assert entry.context["sha256"] == ""  # refused before it was read
    return entry


def test_it_records_an_upload_with_a_bad_as_of_date(client_as, world) -> None:
    data = KNOWN.read_bytes()
    f = SimpleUploadedFile("batch.837", data, content_type="application/octet-stream")
    r = client_as(Role.BILLER).post(reverse("scrubbing:upload"), {"file": f, "as_of": "soon"})
    assert r.status_code == 400
    entry = _refusal()
    assert entry.user == world.home.users[Role.BILLER]
    assert entry.context["file"] == "batch.837" and entry.context["size"] == len(data)
    assert "as-of date" in entry.context["refused"]
    assert entry.object_label == f"refused batch.837 ({len(data):,} bytes)"
    assert "DEFECT" not in str(entry.context)  # nothing of the content


def test_it_records_an_api_body_over_the_limit(client_as, settings) -> None:
    settings.CLEANCLAIM_SCRUB_MAX_BYTES = 1000
    data = KNOWN.read_bytes()
    r = client_as(Role.BILLER).post(reverse("api:scrub"), data, content_type="application/edi-x12")
    assert r.status_code == 413
    entry = _refusal()
    assert entry.via == "api" and entry.context["size"] == len(data)
    assert "1,000 bytes" in entry.context["refused"]


def test_it_records_an_api_body_of_the_wrong_type(client_as) -> None:
    r = client_as(Role.BILLER).post(
        reverse("api:scrub"), b"<claims/>", content_type="application/xml"
    )
    assert r.status_code == 415
    entry = _refusal()
    assert entry.context["file"] == "request body" and entry.context["size"] == 9
    assert "unsupported Content-Type" in entry.context["refused"]
