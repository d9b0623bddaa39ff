"""The API: ``GET/PUT/DELETE /api/remittances/posting-rules[/{key}]`` (read with
``payers.view``, changed with ``payers.change``: 403 for a biller, 422 naming the
field) and ``POST /api/remittances/unmatched/{id}/match`` (by claim id or number;
409 when matched already)."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from django.test import Client

from cleanclaim.audit.models import AuditEntry
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.remits.models import ClaimPayment, PostingRule
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import build_world

from .unmatched_helpers import waiting_payment

pytestmark = pytest.mark.django_db


def _as(tenant, role: Role) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(tenant.users[role])
    return client


def _put(client: Client, key: str, practice: int, body: object) -> object:
    return client.put(
        f"/api/remittances/posting-rules/{quote(key, safe='')}?practice={practice}",
        json.dumps(body),
        content_type="application/json",
    )


def test_it_lists_sets_and_removes_rules() -> None:
    home = build_world().home
    pid = home.practice.pk
    manager = _as(home, Role.MANAGER)
    listed = _as(home, Role.BILLER).get("/api/remittances/posting-rules").json()
    assert [p["practice"] for p in listed] == [pid]
    assert listed[0]["auto_post"] is True
    by_key = {r["key"]: r for r in listed[0]["rules"]}
    assert by_key["CO-16"]["source"] == "default" and by_key["CO-16"]["action"] == "hold"
    assert by_key["PR-*"]["action"] == "patient"

    made = _put(manager, "PR-*", pid, {"action": "adjust"})
    assert made.status_code == 200, made.content
    body = made.json()
    assert body["key"] == "PR-*" and body["action"] == "adjust"
    assert body["source"] == "practice" and body["default_action"] == "patient"
    assert body["changed_by"] == home.users[Role.MANAGER].email
    assert AuditEntry.objects.filter(model="remits.PostingRule", action="create").count() == 1

    assert _put(manager, "AUTO-POST", pid, {"action": "hold"}).status_code == 200
    again = manager.get(f"/api/remittances/posting-rules?practice={pid}").json()[0]
    assert again["auto_post"] is False
    assert {r["key"]: r["action"] for r in again["rules"]}["PR-*"] == "adjust"

    gone = manager.delete(f"/api/remittances/posting-rules/{quote('PR-*', safe='')}?practice={pid}")
    assert gone.status_code == 204
    assert list(PostingRule.objects.values_list("key", flat=True)) == ["AUTO-POST"]
    none = manager.delete(f"/api/remittances/posting-rules/CO-45?practice={pid}")
    assert none.status_code == 404 and "no rule CO-45" in none.json()["detail"]


def test_it_refuses_bad_input_and_other_roles() -> None:
    world = build_world()
    home = world.home
    pid = home.practice.pk
    manager = _as(home, Role.MANAGER)
    bad = _put(manager, "ZZ-45", pid, {"action": "hold"})
    assert bad.status_code == 422 and bad.json()["detail"].startswith("key: group ZZ")
    bad = _put(manager, "CO-45", pid, {"action": "burn"})
    assert bad.status_code == 422 and bad.json()["detail"].startswith("action: ")
    bad = _put(manager, "AUTO-POST", pid, {"action": "write_off"})
    assert bad.status_code == 422 and "AUTO-POST takes hold only" in bad.json()["detail"]
    assert _put(manager, "CO-45", pid, {}).status_code == 422  # action: required
    assert _put(_as(home, Role.BILLER), "CO-45", pid, {"action": "hold"}).status_code == 403
    outsider = _as(world.outsider, Role.MANAGER)
    assert _put(outsider, "CO-45", pid, {"action": "hold"}).status_code == 404
    assert not PostingRule.objects.exists()


def test_it_matches_by_hand_once() -> None:
    home = build_world().home
    w = waiting_payment(home)
    biller = _as(home, Role.BILLER)
    url = f"/api/remittances/unmatched/{w.unmatched.pk}/match"

    def post(body: object) -> object:
        return biller.post(url, json.dumps(body), content_type="application/json")

    unknown = post({"claim": "NOPE"})
    assert unknown.status_code == 422 and "no claim NOPE" in unknown.json()["detail"]
    misfit = post({"claim": w.twin.pk})
    assert misfit.status_code == 422 and "total charge 175.00" in misfit.json()["detail"]
    done = post({"claim": "OTHER1"})
    assert done.status_code == 200, done.content
    assert done.json()["claim"] == "OTHER1" and done.json()["how"] == "by_hand"
    assert ClaimPayment.objects.get(claim=w.right).posted_at is not None
    assert LedgerEntry.objects.exclude(kind="charge").filter(claim=w.right).count() == 6
    again = post({"claim": w.right.pk})
    assert again.status_code == 409 and "matched already" in again.json()["detail"]
    assert LedgerEntry.objects.exclude(kind="charge").filter(claim=w.right).count() == 6
    assert (
        _as(home, Role.MANAGER).post(url, "{}", content_type="application/json").status_code == 403
    )
