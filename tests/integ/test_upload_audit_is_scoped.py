"""The audit entry of an upload belongs to the uploader's organisation: the home admin
finds it in the audit trail, an admin of another organisation does not."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cleanclaim.tenancy.permissions import Role

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db


def test_it_shows_the_upload_only_to_the_uploaders_organisation(client_as) -> None:
    data = (FIXTURES / "known_defects.837").read_bytes()
    f = SimpleUploadedFile("northside-batch.837", data)
    r = client_as(Role.BILLER).post(reverse("scrubbing:upload"), {"file": f, "as_of": "2026-08-20"})
    assert r.status_code == 200
    home = client_as(Role.ADMIN).get(reverse("manage:audit")).content.decode()
    assert "scrubbed northside-batch.837" in home
    outsider = client_as(Role.ADMIN, outsider=True).get(reverse("manage:audit")).content.decode()
    assert "northside-batch.837" not in outsider
