"""An 835 not posted when it came in (held, or its posting stopped halfway) is posted
when the file is taken in again, once: a third time changes nothing."""

from __future__ import annotations

from cleanclaim.audit.actor import Actor
from cleanclaim.clearinghouses import intake
from cleanclaim.clearinghouses.models import Connection
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.remits import actions as remits
from cleanclaim.remits.models import ClaimPayment, PostingRule, RemittanceFile
from cleanclaim.testing.personas import World
from cleanclaim.testing.remits import claims_for_835, many_claims_835

from .conftest import received


def test_it_posts_a_held_file_taken_in_again_once(
    world: World, actor: Actor, connection: Connection
) -> None:
    home = world.home
    rule = PostingRule.objects.create(practice=home.practice, key="AUTO-POST", action="hold")
    data = many_claims_835(3, trace="AGAIN1")
    claims_for_835(remits.read(data)[0], home.practice, home.payer, home.provider, home.location)
    file = received(connection, "check.835", data)
    intake.take_in(actor, file)
    assert not ClaimPayment.objects.exists()  # held for a person
    rule.delete()

    intake.take_in(actor, file)
    entries = LedgerEntry.objects.exclude(kind="charge").count()
    intake.take_in(actor, file)

    assert ClaimPayment.objects.count() == 3
    assert entries > 0 and LedgerEntry.objects.exclude(kind="charge").count() == entries
    assert RemittanceFile.objects.get().status == RemittanceFile.Status.POSTED
