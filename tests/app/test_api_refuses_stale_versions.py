"""``PATCH /api/patients/{pk}`` and ``/api/payers/{pk}`` save against the version
the client read: a stale one is answered 409 with the changed fields, a missing
one 428, and nothing is saved (optimistic locking, decision 0505)."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from cleanclaim.api.models import ApiToken
from cleanclaim.audit.models import AuditEntry
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World


def _patch(world: World, role: Role, url: str, body: Any, **headers: str) -> Any:
    _, token = ApiToken.issue(world.home.users[role], "script")
    return Client().patch(
        url,
        json.dumps(body) if not isinstance(body, bytes) else body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
        **headers,
    )


def test_it_saves_a_patient_change_at_the_current_version(world: World) -> None:
    patient = world.home.patient
    url = f"/api/patients/{patient.pk}"
    response = _patch(world, Role.FRONT_DESK, url, {"version": 1, "phone": "5035550123"})
    assert response.status_code == 200, response.content
    assert (response.json()["phone"], response.json()["version"]) == ("5035550123", 2)
    entry = AuditEntry.objects.get(action="update", object_pk=str(patient.pk))
    assert (entry.via, entry.changes, entry.context) == (
        "api",
        {"phone": ["", "5035550123"]},
        {"version": 2},
    )


def test_it_answers_409_with_what_changed_to_a_stale_version(world: World) -> None:
    patient = world.home.patient
    url = f"/api/patients/{patient.pk}"
    _patch(world, Role.FRONT_DESK, url, {"version": 1, "last_name": "Northsen"})
    response = _patch(world, Role.FRONT_DESK, url, {"version": 1, "last_name": "Northington"})
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "stale_edit"
    assert (body["your_version"], body["current_version"]) == (1, 2)
    assert body["changed"] == {"last_name": {"current": "Northsen", "submitted": "Northington"}}
    assert body["changed_by"] == "front_desk@northside.test"
    assert "nothing was saved" in body["detail"]
    patient.refresh_from_db()
    assert (patient.last_name, patient.version) == ("Northsen", 2)
    assert AuditEntry.objects.filter(action="update", object_pk=str(patient.pk)).count() == 1


def test_it_takes_the_version_from_if_match(world: World) -> None:
    url = f"/api/patients/{world.home.patient.pk}"
    ok = _patch(world, Role.FRONT_DESK, url, {"city": "Salem"}, HTTP_IF_MATCH='"1"')
    assert ok.status_code == 200
    stale = _patch(world, Role.FRONT_DESK, url, {"city": "Bend"}, HTTP_IF_MATCH='W/"1"')
    assert stale.status_code == 409
    clash = _patch(world, Role.FRONT_DESK, url, {"version": 2, "city": "Bend"}, HTTP_IF_MATCH='"1"')
    assert clash.status_code == 400
    assert "disagree" in clash.json()["detail"]


def test_it_requires_a_version(world: World) -> None:
    response = _patch(world, Role.FRONT_DESK, f"/api/patients/{world.home.patient.pk}", {})
    assert response.status_code == 428
    assert "If-Match" in response.json()["detail"]


def test_it_refuses_bad_bodies_cleanly(world: World) -> None:
    url = f"/api/patients/{world.home.patient.pk}"
    assert _patch(world, Role.FRONT_DESK, url, b"{not json").status_code == 400
    assert _patch(world, Role.FRONT_DESK, url, [1, 2]).status_code == 400
    wrong_type = _patch(world, Role.FRONT_DESK, url, {"version": 1, "date_of_birth": "soon"})
    assert wrong_type.status_code == 422
    assert "date_of_birth" in wrong_type.json()["detail"]
    null = _patch(world, Role.FRONT_DESK, url, {"version": 1, "middle_name": None})
    assert (null.status_code, null.json()["detail"][:25]) == (422, "middle_name: may not be n")
    unknown = _patch(world, Role.FRONT_DESK, url, {"version": 1, "practice_id": 2})
    assert (unknown.status_code, unknown.json()["detail"][:12]) == (422, "practice_id:")
    invalid = _patch(world, Role.FRONT_DESK, url, {"version": 1, "state": "Oregon"})
    assert invalid.status_code == 422
    assert "state" in invalid.json()["errors"]
    assert AuditEntry.objects.filter(action="update").count() == 0


def test_it_refuses_a_caller_without_the_permission_before_reading_the_body(
    world: World,
) -> None:
    url = f"/api/patients/{world.home.patient.pk}"
    assert _patch(world, Role.CODER, url, b"{not json").status_code == 403


def test_it_answers_409_for_a_stale_payer_version(world: World) -> None:
    url = f"/api/payers/{world.home.payer.pk}"
    first = _patch(world, Role.MANAGER, url, {"version": 1, "timely_amount": 90})
    assert (first.status_code, first.json()["version"]) == (200, 2)
    second = _patch(world, Role.MANAGER, url, {"version": 1, "timely_amount": 120})
    assert second.status_code == 409
    assert second.json()["changed"] == {"timely_amount": {"current": 90, "submitted": 120}}
