"""A practice whose posting rules say ``AUTO-POST`` = hold sees its 835s kept, not posted."""

from __future__ import annotations

from cleanclaim.audit.actor import Actor
from cleanclaim.clearinghouses import intake
from cleanclaim.clearinghouses.models import Connection
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.remits.actions import read
from cleanclaim.remits.models import ClaimPayment, PostingRule, RemittanceFile
from cleanclaim.testing.personas import World
from cleanclaim.testing.remits import claims_for_835, many_claims_835

from .conftest import received


def test_it_keeps_the_835_for_a_person(world: World, actor: Actor, connection: Connection) -> None:
    home = world.home
    for practice in home.organisation.practices.all():
        PostingRule.objects.create(practice=practice, key="AUTO-POST", action="hold")
    data = many_claims_835(1, trace="HOLD1")
    claims_for_835(read(data)[0], home.practice, home.payer, home.provider, home.location)

    outcome = intake.take_in(actor, received(connection, "check.835", data))

    assert "held for review before posting" in outcome
    assert RemittanceFile.objects.get().status == RemittanceFile.Status.RECEIVED
    assert not ClaimPayment.objects.exists()
    assert not LedgerEntry.objects.exclude(kind="charge").exists()
