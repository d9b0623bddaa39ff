"""A claim the clearinghouse rejected never entered adjudication: it is fixed, queued
again and goes out in a new batch as a new original (frequency 1), its history kept."""

from __future__ import annotations

from cleanclaim.audit.actor import Actor
from cleanclaim.claims import actions
from cleanclaim.claims.models import Claim
from cleanclaim.clearinghouses.intake import take_in
from cleanclaim.clearinghouses.models import BatchClaim, Connection
from cleanclaim.testing.acknowledgments import ack_277ca
from cleanclaim.testing.personas import World

from .conftest import TODAY, new_claim, received, send


def test_it_is_resent_in_a_new_batch_with_its_history(
    world: World, actor: Actor, connection: Connection
) -> None:
    claim = new_claim(world, actor)
    first = send(actor, connection, [claim])
    take_in(
        actor,
        received(connection, "r.277", ack_277ca([{"pcn": claim.number, "status": "A7:164:IL"}])),
    )
    claim.refresh_from_db()
    assert claim.status == "rejected"

    claim = actions.edit_claim(actor, claim, prior_authorization="AUTH-1")
    assert claim.status == "built"
    actions.queue_claim(actor, claim, today=TODAY)
    assert claim.status == "queued"
    second = send(actor, connection, [claim])

    claim.refresh_from_db()
    assert claim.status == "submitted"
    assert claim.frequency == Claim.Frequency.ORIGINAL
    assert second.pk != first.pk
    held = BatchClaim.objects.filter(claim=claim).order_by("batch_id")
    assert [bc.batch_id for bc in held] == [first.pk, second.pk]
    kinds = list(claim.events.order_by("id").values_list("kind", flat=True))
    assert kinds.count("submitted") == 2
    assert "acknowledged" in kinds

    # the next 277CA answers the claim in its latest batch
    take_in(
        actor, received(connection, "a.277", ack_277ca([{"pcn": claim.number, "status": "A2:20"}]))
    )
    claim.refresh_from_db()
    assert claim.status == "accepted"
    assert claim.events.order_by("-id").first().data["batch"] == second.pk
