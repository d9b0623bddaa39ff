"""A polled 835 is taken in and auto-posted; taking it in again posts nothing more."""

from __future__ import annotations

from cleanclaim.audit.actor import Actor
from cleanclaim.claims.models import Claim
from cleanclaim.clearinghouses import intake
from cleanclaim.clearinghouses.models import Connection
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.remits.actions import read
from cleanclaim.remits.models import ClaimPayment, RemittanceFile
from cleanclaim.testing.personas import World
from cleanclaim.testing.remits import claims_for_835, many_claims_835

from .conftest import received


def test_it_auto_posts_a_taken_in_835_once(
    world: World, actor: Actor, connection: Connection
) -> None:
    data = many_claims_835(2, trace="AUTO1")
    home = world.home
    claims_for_835(read(data)[0], home.practice, home.payer, home.provider, home.location)
    file = received(connection, "check.835", data)

    outcome = intake.take_in(actor, file)

    assert "auto-posted 2, 0 unmatched" in outcome
    assert RemittanceFile.objects.get().status == RemittanceFile.Status.POSTED
    assert ClaimPayment.objects.filter(claim__isnull=False).count() == 2
    entries = LedgerEntry.objects.exclude(kind="charge").count()
    assert entries > 0
    assert all(c.status != "queued" for c in Claim.objects.all())

    intake.take_in(actor, file)

    assert ClaimPayment.objects.count() == 2
    assert LedgerEntry.objects.exclude(kind="charge").count() == entries
