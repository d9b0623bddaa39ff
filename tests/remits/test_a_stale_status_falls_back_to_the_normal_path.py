"""When the claim's status moved after the file's claims were read, the one-statement
path writes nothing and the normal path posts the claim payment once, deciding the
status on the locked row."""

from __future__ import annotations

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.claims.models import Claim
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.remits import actions
from cleanclaim.remits.models import ClaimPayment
from cleanclaim.remittance import claim_payment_keys
from cleanclaim.testing.personas import build_world
from cleanclaim.testing.remits import claims_for_835, many_claims_835

pytestmark = pytest.mark.django_db


def test_it_posts_once_on_the_normal_path() -> None:
    home = build_world().home
    data = many_claims_835(1)
    remit = actions.read(data)[0]
    claims_for_835(remit, home.practice, home.payer, home.provider, home.location)
    rf = actions.take_in_835(Actor.process(), home.practice, "one.835", data)
    lookup = actions._Lookup([home.practice.pk], [remit])
    Claim.objects.filter(number="RC0000001").update(status="accepted")  # behind its back

    key = claim_payment_keys(remit)[0]
    outcome = actions._post_one(
        Actor.process(), rf, remit, 0, key, remit.claims[0], [home.practice], lookup
    )

    assert outcome == "posted"
    assert ClaimPayment.objects.filter(remittance=rf).count() == 1
    assert LedgerEntry.objects.filter(source=f"remit:{rf.pk}").count() == 6
    claim = Claim.objects.get(number="RC0000001")
    assert claim.status == "paid"
    assert list(claim.events.order_by("pk").values_list("kind", flat=True))[-1] == "paid"
