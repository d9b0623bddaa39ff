"""``/api/payers``: the full profile for those who see payers; managers set payers
up and change them (audited, version-checked); a practice's view applies its
overrides."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from cleanclaim.api.models import ApiToken
from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.payers import actions
from cleanclaim.payers.models import Payer
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

NEW = {
    "name": "Willamette Health",
    "payer_id": "WIL77",
    "kind": "commercial",
    "timely_amount": 6,
    "timely_unit": "months",
    "timely_citation": "provider agreement 4.2",
    "appeal_first_amount": 60,
    "connection_ids": {"Availity": "WIL77A"},
}


def _call(world: World, role: Role, method: str, url: str, body: Any = None) -> Any:
    _, token = ApiToken.issue(world.home.users[role], "script")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}")
    if body is None:
        return getattr(client, method)(url)
    return getattr(client, method)(url, json.dumps(body), content_type="application/json")


def test_it_answers_the_full_profile(world: World) -> None:
    payer = world.home.payer
    actions.set_connection_ids(Actor(None, via="test"), payer, {"Availity": "NOR01A"})
    body = _call(world, Role.BILLER, "get", f"/api/payers/{payer.pk}").json()
    assert body["timely_amount"] == 180 and body["timely_unit"] == "days"
    assert body["filing_indicator"] == "CI"
    assert body["connection_ids"] == {"Availity": "NOR01A"}
    assert body["overridden"] == []
    assert {"claims_enrolment", "appeals_address", "submission_hold", "portal_url"} <= set(body)


def test_it_answers_a_practices_view_with_its_overrides(world: World) -> None:
    payer, practice = world.home.payer, world.home.practice
    actions.set_override(Actor(None, via="test"), payer, practice, {"timely_amount": 90})
    url = f"/api/payers/{payer.pk}?practice={practice.pk}"
    body = _call(world, Role.BILLER, "get", url).json()
    assert (body["timely_amount"], body["overridden"]) == (90, ["timely_amount"])
    listed = _call(world, Role.BILLER, "get", f"/api/payers?practice={practice.pk}").json()
    assert [p["timely_amount"] for p in listed] == [90]
    outsider = world.outsider.practice.pk
    assert _call(world, Role.BILLER, "get", f"/api/payers?practice={outsider}").status_code == 404


def test_a_manager_creates_a_payer_and_it_is_audited(world: World) -> None:
    response = _call(world, Role.MANAGER, "post", "/api/payers", NEW)
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["payer_id"], body["appeal_first_amount"], body["connection_ids"]) == (
        "WIL77",
        60,
        {"Availity": "WIL77A"},
    )
    payer = Payer.objects.get(payer_id="WIL77")
    assert payer.organisation == world.home.organisation
    entries = AuditEntry.objects.filter(model="payers.Payer", object_pk=str(payer.pk))
    assert [e.action for e in entries.order_by("id")] == ["create", "update"]
    assert entries.get(action="create").changes["timely_citation"] == "provider agreement 4.2"
    assert entries.get(action="update").changes == {"connection_ids": [{}, {"Availity": "WIL77A"}]}


def test_it_refuses_a_bad_payer_whole_naming_the_field(world: World) -> None:
    bad = {**NEW, "timely_amount": 400, "timely_unit": "months"}
    response = _call(world, Role.MANAGER, "post", "/api/payers", bad)
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "timely_amount": ["the timely filing limit must be between 1 and 120 months"]
    }
    taken = {**NEW, "payer_id": world.home.payer.payer_id}
    response = _call(world, Role.MANAGER, "post", "/api/payers", taken)
    assert response.status_code == 422
    assert "already set up" in response.json()["detail"]
    bad_ids = {**NEW, "connection_ids": {"Availity": "no spaces"}}
    response = _call(world, Role.MANAGER, "post", "/api/payers", bad_ids)
    assert response.status_code == 422
    assert response.json()["detail"].startswith("connection_ids: line 1: payer id 'no spaces'")
    assert not Payer.objects.filter(payer_id="WIL77").exists()


def test_a_biller_may_read_but_not_create(world: World) -> None:
    assert _call(world, Role.BILLER, "post", "/api/payers", NEW).status_code == 403
    assert not Payer.objects.filter(payer_id="WIL77").exists()


def test_a_patch_clears_a_limit_and_replaces_the_connection_ids(world: World) -> None:
    payer = world.home.payer
    actions.update_payer(Actor(None, via="test"), payer, secondary_amount=90)
    url = f"/api/payers/{payer.pk}"
    body = {"version": 2, "secondary_amount": None, "connection_ids": {"Office Ally": "NOR9"}}
    response = _call(world, Role.MANAGER, "patch", url, body)
    assert response.status_code == 200, response.content
    assert (response.json()["secondary_amount"], response.json()["version"]) == (None, 3)
    assert response.json()["connection_ids"] == {"Office Ally": "NOR9"}
    update = AuditEntry.objects.filter(model="payers.Payer", via="api", action="update")
    assert [e.changes for e in update.order_by("id")] == [
        {"secondary_amount": [90, None]},
        {"connection_ids": [{}, {"Office Ally": "NOR9"}]},
    ]
