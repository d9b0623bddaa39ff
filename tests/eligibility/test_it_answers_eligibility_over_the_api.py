"""``POST /api/eligibility`` runs a check, ``GET /api/eligibility/{id}`` and
``GET /api/patients/{id}/eligibility`` answer it; scoped to the caller's practices."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World


def test_it_starts_and_reads_a_check(world: World, desk: Client, answers: dict[str, Any]) -> None:
    body = {"coverage_id": world.home.coverage.pk, "service_types": ["98"], "day": "2026-12-07"}
    response = desk.post("/api/eligibility", json.dumps(body), content_type="application/json")
    assert response.status_code == 201, response.content
    made = response.json()
    assert made["status"] == "answered" and made["result"] == "active"
    assert made["summary"]["plan_name"] == "SILVER PPO"
    again = desk.get(f"/api/eligibility/{made['id']}").json()
    assert again["id"] == made["id"]
    listed = desk.get(f"/api/patients/{world.home.patient.pk}/eligibility").json()
    assert [c["id"] for c in listed] == [made["id"]]


def test_it_keeps_other_practices_out(world: World, answers: dict[str, Any]) -> None:
    outsider = Client()
    outsider.force_login(world.outsider.users[Role.FRONT_DESK])
    body = {"coverage_id": world.home.coverage.pk}
    response = outsider.post("/api/eligibility", json.dumps(body), content_type="application/json")
    assert response.status_code == 404
    assert outsider.get(f"/api/patients/{world.home.patient.pk}/eligibility").status_code == 404


def test_it_is_in_the_schema(world: World, desk: Client) -> None:
    paths = desk.get("/api/openapi.json").json()["paths"]
    assert {"/api/eligibility", "/api/eligibility/{pk}", "/api/patients/{pk}/eligibility"} <= set(
        paths
    )
