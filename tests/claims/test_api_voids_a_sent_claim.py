"""``POST /api/claims/{id}/void``: a biller voids a sent claim; errors name the field."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.claims import actions, events
from cleanclaim.claims.events import Kind
from cleanclaim.claims.models import Claim
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

from .conftest import TODAY, visit


def _post(world: World, role: Role, pk: int, body: dict[str, Any]) -> Any:
    client = Client()
    client.force_login(world.home.users[role])
    return client.post(f"/api/claims/{pk}/void", json.dumps(body), content_type="application/json")


def _sent(world: World, actor: Actor) -> Claim:
    claim, _ = actions.build_claim(actor, visit(world, actor), today=TODAY)
    actions.queue_claim(actor, claim, today=TODAY)
    events.append(actor, claim, Kind.SUBMITTED, {"batch": 1})
    return claim


def test_a_biller_voids_a_sent_claim(world: World, actor: Actor) -> None:
    claim = _sent(world, actor)
    answer = _post(
        world, Role.BILLER, claim.pk, {"reason": "duplicate", "payer_claim_control_number": "ICN9"}
    )
    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert body["voided"]["status"] == "voided"
    assert body["void"]["frequency"] == "8" and body["void"]["replaces_id"] == claim.pk
    assert body["void"]["payer_claim_control_number"] == "ICN9"
    void = Claim.objects.get(pk=body["void"]["id"])
    assert AuditEntry.objects.filter(
        model="claims.Claim", object_pk=str(void.pk), action="create"
    ).exists()


def test_errors_name_the_field_and_nothing_is_written(world: World, actor: Actor) -> None:
    claim = _sent(world, actor)
    no_number = _post(world, Role.BILLER, claim.pk, {"reason": "duplicate"})
    assert no_number.status_code == 422
    assert "payer_claim_control_number" in no_number.json()["errors"]
    no_reason = _post(world, Role.BILLER, claim.pk, {"payer_claim_control_number": "ICN9"})
    assert no_reason.status_code == 422 and "reason" in no_reason.json()["errors"]
    unknown = _post(world, Role.BILLER, claim.pk, {"why": "x"})
    assert unknown.status_code == 422 and "why" in unknown.json()["detail"]
    assert Claim.objects.filter(replaces=claim).count() == 0


def test_a_claim_not_sent_is_a_conflict_and_a_coder_is_refused(world: World, actor: Actor) -> None:
    ready, _ = actions.build_claim(actor, visit(world, actor), today=TODAY)
    body = {"reason": "duplicate", "payer_claim_control_number": "ICN9"}
    conflict = _post(world, Role.BILLER, ready.pk, body)
    assert conflict.status_code == 409 and "only a claim sent" in conflict.json()["detail"]
    assert _post(world, Role.CODER, _sent(world, actor).pk, body).status_code == 403
