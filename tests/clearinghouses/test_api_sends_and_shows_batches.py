"""``POST /api/batches`` sends a connection's queued claims (named by id or name) and
answers the batch ids; ``GET /api/batches/{id}`` shows its files with checksums, its
claims and progress (an audited read); another organisation sees none of it."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from cleanclaim.api.models import ApiToken
from cleanclaim.audit.models import AuditEntry
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

from .conftest import FakeTransport, make_connection, queue, route

pytestmark = pytest.mark.django_db


def _client(world: World, tenant: str = "home", role: Role = Role.BILLER) -> Client:
    user = getattr(world, tenant).users[role]
    _, token = ApiToken.issue(user, "script")
    return Client(HTTP_AUTHORIZATION=f"Bearer {token}")


def _post(client: Client, url: str, body: Any) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json")


def test_it_sends_by_connection_name_and_shows_the_batch(
    world: World, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    connection = make_connection(world, practice=world.home.practice)
    route(world, connection)
    queue(world.home.claim)
    remote = FakeTransport()
    monkeypatch.setattr("cleanclaim.clearinghouses.sandbox.batch_transport", lambda c: remote)
    client = _client(world)

    with django_capture_on_commit_callbacks(execute=True):  # the sending task runs after commit
        response = _post(client, "/api/batches", {"connection": "sandbox"})
    assert response.status_code == 201, response.content
    [batch_id] = response.json()["batches"]
    assert _post(client, "/api/batches", {"connection": connection.pk}).status_code == 422

    body = client.get(f"/api/batches/{batch_id}").json()
    assert body["status"] == "sent" and body["connection"] == "sandbox"
    assert body["progress_done"] == body["progress_total"] > 0
    [file] = body["files"]
    assert file["kind"] == "837P" and len(file["sha256"]) == 64 and file["direction"] == "out"
    assert body["claims"] == [
        {
            "claim": world.home.claim.pk,
            "patient_control_number": world.home.claim.number,
            "position": 1,
            "status": "submitted",
        }
    ]
    assert body["acknowledgments"] == []
    assert AuditEntry.objects.filter(
        model="clearinghouses.Batch", object_pk=str(batch_id), action="read"
    ).exists()
    assert [b["id"] for b in client.get("/api/batches").json()] == [batch_id]

    outsider = _client(world, "outsider")
    assert outsider.get(f"/api/batches/{batch_id}").status_code == 404
    assert outsider.get("/api/batches").json() == []
    assert _post(outsider, "/api/batches", {"connection": "sandbox"}).status_code == 404
    admin = _client(world, "outsider", Role.ADMIN)
    assert admin.get("/api/connections").json() == []


def test_it_creates_a_connection_without_answering_its_secrets(world: World) -> None:
    client = _client(world, role=Role.ADMIN)
    body = {
        "name": "Clearing One",
        "plugin": "sftp",
        "settings": {
            "host": "sftp.example.test",
            "port": 22,
            "username": "north",
            "inbound_dir": "to_ch",
            "outbound_dir": "from_ch",
            "temp_suffix": ".part",
            "collect_patterns": "*.999 *.277",
            "after_collect": "archive",
            "archive_dir": "archive",
            "timeout": 30,
        },
        "secrets": {"password": "pw-not-shown-42"},
        "isa_sender_id": "NORTH",
        "isa_receiver_id": "CLEARONE",
        "gs_sender": "NORTH",
        "gs_receiver": "CLEARONE",
        "submitter_name": "NORTHSIDE BILLING",
        "submitter_id": "NORTH",
        "submitter_contact": "OFFICE",
        "submitter_phone": "5555550100",
        "receiver_name": "CLEARING ONE",
        "receiver_id": "CLEARONE",
    }
    response = _post(client, "/api/connections", body)
    assert response.status_code == 201, response.content
    out = response.json()
    assert out["has_secrets"] is True and "pw-not-shown-42" not in response.content.decode()
    assert out["settings"]["outbound_dir"] == "from_ch" and out["usage_indicator"] == "T"
    listed = client.get("/api/connections").json()
    assert [c["name"] for c in listed] == ["Clearing One"]
    bad = _post(client, "/api/connections", {**body, "name": "Two", "settings": {}})
    assert bad.status_code == 422 and "host" in bad.json()["errors"]
