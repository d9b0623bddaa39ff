"""``/api/authorizations`` records one, changes its status and keeps a file (0600, the
download audited); ``/api/patients/{id}/authorizations`` lists them with units used and
left; another organisation's users get 404 everywhere; the paths are in the schema."""

from __future__ import annotations

import json
import stat

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from cleanclaim.audit.models import AuditEntry
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

NOW = "2026-03-12 15:00Z"
BODY = {
    "services": "97110-97140",
    "number": "AUTH900",
    "units_authorized": "12",
    "start_date": "2026-03-01",
    "end_date": "2026-04-30",
    "source": "portal",
}


@pytest.fixture
def desk(world: World) -> Client:
    c = Client()
    c.force_login(world.home.users[Role.FRONT_DESK])
    return c


def _create(desk: Client, world: World, **extra: object) -> dict[str, object]:
    body = {**BODY, "coverage_id": world.home.coverage.pk, **extra}
    response = desk.post("/api/authorizations", json.dumps(body), content_type="application/json")
    assert response.status_code in (201, 422), response.content
    return {"http": response.status_code, **response.json()}


@time_machine.travel(NOW, tick=False)
def test_it_records_lists_and_changes_status(world: World, desk: Client) -> None:
    made = _create(desk, world)
    assert made["http"] == 201 and made["units_left"] == "12.000"
    listed = desk.get(f"/api/patients/{world.home.patient.pk}/authorizations").json()
    assert [(a["number"], a["units_used"]) for a in listed] == [("AUTH900", "0")]
    r = desk.post(
        f"/api/authorizations/{made['id']}/status",
        json.dumps({"status": "expired", "version": made["version"]}),
        content_type="application/json",
    )
    assert r.status_code == 200 and r.json()["status"] == "expired"
    stale = desk.post(
        f"/api/authorizations/{made['id']}/status",
        json.dumps({"status": "approved", "version": made["version"]}),
        content_type="application/json",
    )
    assert stale.status_code == 409


@time_machine.travel(NOW, tick=False)
def test_it_names_the_bad_field(world: World, desk: Client) -> None:
    bad = _create(desk, world, services="97140-97110")
    assert bad["http"] == 422 and "services" in bad["errors"]  # type: ignore[operator]
    backwards = _create(desk, world, end_date="2026-02-01")
    assert backwards["http"] == 422 and "end_date" in backwards["errors"]  # type: ignore[operator]


@time_machine.travel(NOW, tick=False)
def test_it_keeps_a_file_and_audits_each_read(
    world: World, desk: Client, tmp_path, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.VAR_DIR = tmp_path
    made = _create(desk, world)
    upload = SimpleUploadedFile("letter.pdf", b"%PDF-1.4 approval", content_type="application/pdf")
    r = desk.post(f"/api/authorizations/{made['id']}/attachments", {"file": upload})
    assert r.status_code == 201 and r.json()["attachments"] == ["letter.pdf"]
    (stored,) = [p for p in (tmp_path / "authorizations").rglob("*") if p.is_file()]
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    from cleanclaim.authorizations.models import Attachment

    row = Attachment.objects.get()
    before = AuditEntry.objects.filter(action="read").count()
    response = desk.get(f"/authorizations/attachment/{row.pk}/")
    assert response.status_code == 200
    assert response.content == b"%PDF-1.4 approval"
    assert AuditEntry.objects.filter(action="read").count() > before


@time_machine.travel(NOW, tick=False)
def test_it_keeps_other_organisations_out(world: World, desk: Client) -> None:
    made = _create(desk, world)
    outsider = Client()
    outsider.force_login(world.outsider.users[Role.FRONT_DESK])
    body = {**BODY, "coverage_id": world.home.coverage.pk}
    assert (
        outsider.post(
            "/api/authorizations", json.dumps(body), content_type="application/json"
        ).status_code
        == 404
    )
    assert outsider.get(f"/api/patients/{world.home.patient.pk}/authorizations").status_code == 404
    assert (
        outsider.post(
            f"/api/authorizations/{made['id']}/status",
            json.dumps({"status": "denied"}),
            content_type="application/json",
        ).status_code
        == 404
    )
    assert outsider.get(f"/authorizations/patient/{world.home.patient.pk}/").status_code == 404


def test_it_is_in_the_schema(world: World, desk: Client) -> None:
    paths = desk.get("/api/openapi.json").json()["paths"]
    assert {
        "/api/authorizations",
        "/api/authorizations/{pk}/status",
        "/api/authorizations/{pk}/attachments",
        "/api/patients/{pk}/authorizations",
    } <= set(paths)
