"""A key already taken fails the claim payment whole: a ledger key already on the
ledger leaves no claim payment, line posting, ledger entry, event or status step of it;
a claim payment key already posted is counted as skipped and writes nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import IntegrityError

from cleanclaim.audit.actor import Actor
from cleanclaim.claims.models import Claim, ClaimEvent
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.remits import actions
from cleanclaim.remits.models import ClaimPayment, LinePosting
from cleanclaim.remittance import claim_payment_keys
from cleanclaim.testing.personas import build_world
from cleanclaim.testing.remits import claims_for_835, many_claims_835

pytestmark = pytest.mark.django_db


def _world() -> tuple[object, object, str]:
    home = build_world().home
    data = many_claims_835(1)
    remit = actions.read(data)[0]
    claims_for_835(remit, home.practice, home.payer, home.provider, home.location)
    rf = actions.take_in_835(Actor.process(), home.practice, "one.835", data)
    return home, rf, claim_payment_keys(remit)[0]


def _nothing_written(rf: object, claim: Claim, before: int, taken: int = 0) -> None:
    assert list(ClaimPayment.objects.filter(remittance=rf).values_list("pk", flat=True)) == (
        [taken] if taken else []
    )
    assert not LinePosting.objects.filter(claim_payment__remittance=rf).exists()
    assert not LedgerEntry.objects.filter(source=f"remit:{rf.pk}").exists()  # type: ignore[attr-defined]
    assert ClaimEvent.objects.filter(claim=claim).count() == before
    claim.refresh_from_db()
    assert claim.status == "submitted"


def test_a_ledger_key_taken_fails_it_whole() -> None:
    home, rf, key = _world()
    claim = Claim.objects.get(number="RC0000001")
    before = ClaimEvent.objects.filter(claim=claim).count()
    LedgerEntry.objects.create(
        practice=home.practice,  # type: ignore[attr-defined]
        bucket="practice",
        kind="other_adjustment",
        amount=Decimal("1.00"),
        key=f"835:{key}:3",
        source="elsewhere",
    )

    with pytest.raises(IntegrityError):
        actions.post_file(Actor.process(), rf)  # type: ignore[arg-type]

    _nothing_written(rf, claim, before)


def test_a_claim_payment_key_taken_is_skipped() -> None:
    home, rf, key = _world()
    claim = Claim.objects.get(number="RC0000001")
    before = ClaimEvent.objects.filter(claim=claim).count()
    remit = actions.read(bytes(rf.raw))[0]  # type: ignore[attr-defined]
    practices = [home.practice]  # type: ignore[attr-defined]
    lookup = actions._Lookup([p.pk for p in practices], [remit])
    taken = ClaimPayment.objects.create(
        remittance=rf,
        practice=home.practice,  # type: ignore[attr-defined]
        key=key,
        sequence=0,
        patient_control_number="RC0000001",
        status_code="1",
        charge=Decimal("165"),
        paid=Decimal("110"),
        how="elsewhere",
    )

    outcome = actions._post_one(
        Actor.process(),
        rf,
        remit,
        0,
        key,
        remit.claims[0],
        practices,
        lookup,  # type: ignore[arg-type]
    )

    assert outcome == "skipped"
    _nothing_written(rf, claim, before, taken.pk)
