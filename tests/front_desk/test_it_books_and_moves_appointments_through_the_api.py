"""``POST /api/appointments`` books (the patient's primary on the day by default; a
provider of another practice refused by field); ``PATCH`` moves the status with the
version, refusing a move the desk cannot make."""

from __future__ import annotations

import json

from cleanclaim.testing.personas import World

from .helpers import front_desk


def test_it_books_and_moves_an_appointment(world: World) -> None:
    client = front_desk(world)
    h = world.home
    body = {
        "patient_id": h.patient.pk,
        "provider_id": h.provider.pk,
        "location_id": h.location.pk,
        "start": "2026-12-07T09:30:00Z",
        "duration": 30,
        "reason": "follow-up",
    }
    made = client.post("/api/appointments", json.dumps(body), content_type="application/json")
    assert made.status_code == 201, made.content
    booked = made.json()
    assert booked["coverage_id"] == h.coverage.pk and booked["status"] == "scheduled"

    url = f"/api/appointments/{booked['id']}"
    arrived = client.patch(
        url,
        json.dumps({"version": booked["version"], "status": "arrived"}),
        content_type="application/json",
    )
    assert arrived.status_code == 200 and arrived.json()["status"] == "arrived"
    done = client.patch(
        url,
        json.dumps({"version": arrived.json()["version"], "status": "completed"}),
        content_type="application/json",
    )
    assert done.status_code == 422 and "status" in done.json()["errors"]
    stale = client.patch(
        url,
        json.dumps({"version": booked["version"], "status": "no_show"}),
        content_type="application/json",
    )
    assert stale.status_code == 409


def test_it_refuses_a_provider_of_another_organisation(world: World) -> None:
    body = {
        "patient_id": world.home.patient.pk,
        "provider_id": world.outsider.provider.pk,
        "start": "2026-12-07T09:30:00Z",
    }
    response = front_desk(world).post(
        "/api/appointments", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["detail"].startswith("provider_id")
