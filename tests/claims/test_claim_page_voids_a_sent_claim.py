"""The claim page of a sent claim has a Void form (reason, control number, confirmation);
voiding shows the new void claim's page."""

from __future__ import annotations

from django.test import Client

from cleanclaim.audit.actor import Actor
from cleanclaim.claims import actions, events
from cleanclaim.claims.events import Kind
from cleanclaim.claims.models import Claim
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

from .conftest import TODAY, visit


def _biller(world: World) -> Client:
    client = Client()
    client.force_login(world.home.users[Role.BILLER])
    return client


def _sent(world: World, actor: Actor) -> Claim:
    claim, _ = actions.build_claim(actor, visit(world, actor), today=TODAY)
    actions.queue_claim(actor, claim, today=TODAY)
    events.append(actor, claim, Kind.SUBMITTED, {"batch": 1})
    return claim


def test_a_sent_claim_is_voided_from_its_page(world: World, actor: Actor) -> None:
    claim = _sent(world, actor)
    client = _biller(world)
    page = client.get(f"/claims/{claim.pk}/").content.decode()
    assert f'action="/claims/{claim.pk}/void/"' in page and 'name="confirm"' in page
    answer = client.post(
        f"/claims/{claim.pk}/void/",
        {"reason": "duplicate", "payer_claim_control_number": "ICN5", "confirm": "yes"},
    )
    void = Claim.objects.get(replaces=claim)
    assert answer.status_code == 302 and answer["Location"] == f"/claims/{void.pk}/"
    assert void.frequency == "8" and void.payer_claim_control_number == "ICN5"
    claim.refresh_from_db()
    assert claim.status == "voided"
    assert "void/" not in client.get(f"/claims/{claim.pk}/").content.decode()


def test_without_confirmation_or_a_number_nothing_is_voided(world: World, actor: Actor) -> None:
    claim = _sent(world, actor)
    client = _biller(world)
    unconfirmed = client.post(
        f"/claims/{claim.pk}/void/", {"reason": "duplicate", "payer_claim_control_number": "X"}
    )
    assert unconfirmed.status_code == 422 and "confirm" in unconfirmed.content.decode()
    no_number = client.post(f"/claims/{claim.pk}/void/", {"reason": "dup", "confirm": "yes"})
    assert no_number.status_code == 422
    assert "payer_claim_control_number" in no_number.content.decode()
    assert not Claim.objects.filter(replaces=claim).exists()


def test_a_claim_not_sent_has_no_void_form(world: World, actor: Actor) -> None:
    ready, _ = actions.build_claim(actor, visit(world, actor), today=TODAY)
    assert "void/" not in _biller(world).get(f"/claims/{ready.pk}/").content.decode()
