"""A TA1 names our interchange (ISA13): a rejection (TA104 R) rejects the batch and its
claims, with the note code in plain words."""

from __future__ import annotations

from cleanclaim.audit.actor import Actor
from cleanclaim.claims.models import Claim
from cleanclaim.clearinghouses.intake import take_in
from cleanclaim.clearinghouses.models import Connection
from cleanclaim.testing.acknowledgments import ta1
from cleanclaim.testing.personas import World

from .conftest import new_claim, received, send


def test_it_rejects_the_batch_and_its_claims(
    world: World, actor: Actor, connection: Connection
) -> None:
    batch = send(actor, connection, [new_claim(world, actor)])
    outcome = take_in(actor, received(connection, "x.ta1", ta1(batch.isa13, "R", "006")))
    batch.refresh_from_db()
    assert batch.status == "rejected"
    assert batch.error == "TA1: The interchange sender ID is not valid"
    assert "rejected" in outcome
    claim = Claim.objects.get(pk=batch.batch_claims.get().claim_id)
    assert claim.status == "rejected"
    event = claim.events.order_by("-id").first()
    assert event.data["via"] == "TA1"
    assert event.data["problems"][0]["field"] == "ISA06"


def test_an_accepting_ta1_changes_nothing(
    world: World, actor: Actor, connection: Connection
) -> None:
    batch = send(actor, connection, [new_claim(world, actor)])
    take_in(actor, received(connection, "a.ta1", ta1(batch.isa13, "A", "000")))
    batch.refresh_from_db()
    assert batch.status == "sent"
