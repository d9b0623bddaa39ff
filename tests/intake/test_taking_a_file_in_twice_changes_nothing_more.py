"""A file already processed is a no-op: the same outcome, no second event."""

from __future__ import annotations

from cleanclaim.audit.actor import Actor
from cleanclaim.claims.models import ClaimEvent
from cleanclaim.clearinghouses.intake import take_in
from cleanclaim.clearinghouses.models import Connection, TransmissionFile
from cleanclaim.testing.acknowledgments import ack_277ca
from cleanclaim.testing.personas import World

from .conftest import new_claim, received, send


def test_it_answers_the_stored_outcome(world: World, actor: Actor, connection: Connection) -> None:
    claim = new_claim(world, actor)
    send(actor, connection, [claim])
    file = received(connection, "x.277", ack_277ca([{"pcn": claim.number, "status": "A2:20"}]))
    first = take_in(actor, file)
    count = ClaimEvent.objects.filter(claim=claim).count()
    again = take_in(actor, TransmissionFile.objects.get(pk=file.pk))
    assert again == first
    assert ClaimEvent.objects.filter(claim=claim).count() == count
    stored = TransmissionFile.objects.get(pk=file.pk)
    assert stored.kind == "277CA"
    assert stored.processed_at is not None
    assert stored.outcome == first
