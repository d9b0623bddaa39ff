"""``/api/fees``: the charge for a code, a schedule's rows in pages, importing with a
dry run; another organisation's practice is not found."""

from __future__ import annotations

import json

from django.test import Client

from cleanclaim.fees.models import Fee
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World


def _client(world: World, role: Role) -> Client:
    client = Client()
    client.force_login(world.home.users[role])
    return client


def test_it_answers_the_charge_for_a_code(world: World) -> None:
    client = _client(world, Role.CODER)
    pid = world.home.practice.pk
    got = client.get(f"/api/fees/charge?practice={pid}&code=99213&modifier=25&date=2026-06-01")
    assert got.status_code == 200
    assert got.json()["charge"] == "120.00" and got.json()["matched"] == "99213"
    before = client.get(f"/api/fees/charge?practice={pid}&code=99213&date=2025-06-01").json()
    assert before["charge"] is None and before["schedule"] is None
    bad = client.get(f"/api/fees/charge?practice={pid}&code=99213&date=June")
    assert bad.status_code == 422 and "date" in bad.json()["detail"]
    other = client.get(f"/api/fees/charge?practice={world.outsider.practice.pk}&code=99213")
    assert other.status_code == 404


def test_it_lists_schedules_and_pages_rows(world: World) -> None:
    client = _client(world, Role.BILLER)
    schedules = client.get("/api/fees/schedules").json()
    assert [s["name"] for s in schedules] == ["Northside Standard Fees"]
    rows = client.get(f"/api/fees/schedules/{schedules[0]['id']}/rows?limit=1").json()
    assert rows["total"] == 1 and rows["rows"][0]["code"] == "99213"
    assert client.get(f"/api/fees/schedules/{schedules[0]['id']}/rows?limit=0").status_code == 422


def _import(client: Client, body: dict[str, object]) -> object:
    return client.post("/api/fees/import", json.dumps(body), content_type="application/json")


def test_it_imports_with_a_dry_run_first(world: World) -> None:
    client = _client(world, Role.MANAGER)
    body = {"practice": world.home.practice.pk, "csv": "code,charge\n99213,121\n99214,150\n"}
    dry = _import(client, {**body, "dry_run": True})
    assert dry.status_code == 200
    assert (dry.json()["added"], dry.json()["changed"]) == (1, 1)
    assert Fee.objects.filter(schedule=world.home.fee_schedule).count() == 1
    done = _import(client, body)
    assert done.status_code == 201
    assert Fee.objects.filter(schedule=world.home.fee_schedule).count() == 2


def test_it_refuses_a_bad_file_with_each_problem(world: World) -> None:
    client = _client(world, Role.MANAGER)
    got = _import(
        client, {"practice": world.home.practice.pk, "csv": "code,charge\nX,1\n99213,0\n"}
    )
    assert got.status_code == 422
    assert [(p["line"], p["column"]) for p in got.json()["problems"]] == [
        (2, "code"),
        (3, "charge"),
    ]
    assert _client(world, Role.BILLER).post("/api/fees/import").status_code == 403


def test_it_names_what_is_missing_for_a_new_schedule(world: World) -> None:
    client = _client(world, Role.MANAGER)
    body = {"practice": world.home.practice.pk, "csv": "code,charge\n99213,1\n", "schedule": "X"}
    got = _import(client, body)
    assert got.status_code == 422
    assert "has no fee schedule named 'X'" in got.json()["detail"]
    overlap = _import(client, {**body, "effective": "2025-06-01"})
    assert overlap.status_code == 422
    assert "would overlap Northside Standard Fees" in overlap.json()["detail"]
    assert _import(client, {**body, "effective": "June"}).status_code == 422
