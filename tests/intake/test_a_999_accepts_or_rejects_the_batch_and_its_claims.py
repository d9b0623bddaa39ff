"""A 999 names our group (GS06) and set (ST02): the batch is accepted, partly accepted
or rejected, and each claim gets a 999 event on its timeline."""

from __future__ import annotations

from cleanclaim.audit.actor import Actor
from cleanclaim.claims.models import Claim
from cleanclaim.clearinghouses.intake import take_in
from cleanclaim.clearinghouses.models import Batch, Connection
from cleanclaim.testing.acknowledgments import ack_999
from cleanclaim.testing.personas import World

from .conftest import new_claim, received, send


def _batch(world: World, actor: Actor, connection: Connection, n: int = 2) -> Batch:
    return send(actor, connection, [new_claim(world, actor) for _ in range(n)])


def test_an_accepted_set_accepts_the_batch_and_leaves_claims_submitted(
    world: World, actor: Actor, connection: Connection
) -> None:
    batch = _batch(world, actor, connection)
    data = ack_999(batch.gs06, [{"control_number": str(batch.st02).rjust(4, "0"), "status": "A"}])
    outcome = take_in(actor, received(connection, "a.999", data))
    batch.refresh_from_db()
    assert batch.status == "accepted"
    assert outcome == f"999 for batch {batch.pk}: accepted (2 of 2 claims)"
    for bc in batch.batch_claims.all():
        claim = Claim.objects.get(pk=bc.claim_id)
        assert claim.status == "submitted"
        last = claim.events.order_by("-id").first()
        assert last.kind == "ack_999"
        assert last.data["accepted"] is True


def test_a_rejected_set_rejects_the_batch_and_its_claims_with_the_reason(
    world: World, actor: Actor, connection: Connection
) -> None:
    batch = _batch(world, actor, connection)
    first = batch.batch_claims.order_by("position").first()
    error = {
        "segment_id": "NM1",
        "position": "12",
        "loop": "2010AA",
        "code": "8",
        "context": [f"CLM01:{first.patient_control_number}"],
        "element_errors": [{"position": "9", "code": "7", "value": "123"}],
    }
    data = ack_999(
        batch.gs06, [{"control_number": str(batch.st02), "status": "R", "segment_errors": [error]}]
    )
    file = received(connection, "r.999", data)
    take_in(actor, file)
    batch.refresh_from_db()
    assert batch.status == "rejected"
    assert "NM109 invalid code value" in batch.error
    claim = Claim.objects.get(pk=first.claim_id)
    assert claim.status == "rejected"
    event = claim.events.order_by("-id").first()
    assert event.kind == "ack_999"
    assert event.data["problems"][0]["field"] == "NM109"
    assert file.batch_id == batch.pk


def test_a_999_naming_no_batch_of_ours_changes_nothing(
    world: World, actor: Actor, connection: Connection
) -> None:
    batch = _batch(world, actor, connection, 1)
    data = ack_999(batch.gs06 + 500, [{"control_number": "0001", "status": "R"}])
    outcome = take_in(actor, received(connection, "x.999", data))
    assert "no batch of this connection" in outcome
    batch.refresh_from_db()
    assert batch.status == "sent"


def test_a_partly_accepting_group_without_sets_partly_accepts_the_batch(
    world: World, actor: Actor, connection: Connection
) -> None:
    batch = _batch(world, actor, connection, 1)
    data = ack_999(batch.gs06, [], result={"code": "P", "accepted": "0", "received": "1"})
    take_in(actor, received(connection, "p.999", data))
    batch.refresh_from_db()
    assert batch.status == "partly_accepted"
