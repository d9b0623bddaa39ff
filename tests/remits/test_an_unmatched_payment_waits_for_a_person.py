"""A payment no claim answers goes to the unmatched work list with the candidates
(never dropped); a person matches it to a claim and it posts then, once."""

from __future__ import annotations

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.remits import actions
from cleanclaim.remits.models import ClaimPayment, Unmatched
from cleanclaim.testing.personas import build_world
from cleanclaim.testing.remits import claims_for_835, many_claims_835

pytestmark = pytest.mark.django_db


def test_it_waits_then_posts_by_hand() -> None:
    home = build_world().home
    actor = Actor(user=None, label="system: test")
    data = many_claims_835(2)
    claims = claims_for_835(
        actions.read(data)[0], home.practice, home.payer, home.provider, home.location
    )
    # our claim number differs from CLP01, and two claims of the patient fit the dates
    claims[1].number = "OTHER1"
    claims[1].save(update_fields=["number"])
    twin = claims_for_835(
        actions.read(many_claims_835(1, first=2))[0],
        home.practice,
        home.payer,
        home.provider,
        home.location,
    )[0]
    twin.number = "OTHER2"
    twin.save(update_fields=["number"])
    twin.patient.last_name = claims[1].patient.last_name
    twin.patient.save(update_fields=["last_name"])

    rf = actions.take_in_835(actor, home.practice, "x.835", data)
    summary = actions.post_file(actor, rf)
    assert (summary.posted, summary.unmatched) == (1, 1)
    waiting = Unmatched.objects.get()
    assert {c["number"] for c in waiting.candidates} == {"OTHER1", "OTHER2"}
    assert not LedgerEntry.objects.exclude(kind="charge").filter(claim=claims[1]).exists()

    actions.match_by_hand(actor, waiting, claims[1])
    assert LedgerEntry.objects.exclude(kind="charge").filter(claim=claims[1]).count() == 6
    assert ClaimPayment.objects.get(claim=claims[1]).how == "by_hand"
    with pytest.raises(actions.NotPostable):
        actions.match_by_hand(actor, waiting, claims[1])
    assert actions.post_file(actor, rf).skipped == 2
    assert LedgerEntry.objects.exclude(kind="charge").filter(claim=claims[1]).count() == 6
