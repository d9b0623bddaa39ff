"""A claim that leaves puts the visit's charges on the ledger once; a claim sent again
after a fix is trued up; a replacement moves the charges, a void takes them off; a
secondary hands the patient's remaining share to the next payer (cleanclaim.ledger.charges)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.claims.models import Claim, ClaimLine
from cleanclaim.ledger import actions as ledger
from cleanclaim.ledger import charges
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.testing.personas import build_world

pytestmark = pytest.mark.django_db
ACTOR = Actor(user=None, label="system: test")


def _copy(claim: Claim, **changes: object) -> Claim:
    """Another claim of the same visit (its lines copied), with ``changes``."""
    new = Claim.objects.get(pk=claim.pk)
    new.pk = None
    new._state.adding = True
    new.number = ""
    for name, value in changes.items():
        setattr(new, name, value)
    new.save()
    new.number = f"CC{new.pk:08d}"
    new.save(update_fields=["number"])
    for line in claim.lines.all():
        line.pk = None
        line._state.adding = True
        line.claim = new
        line.save()
    return new


def _charges(claim: Claim) -> Decimal:
    return sum(
        (e.amount for e in LedgerEntry.objects.filter(claim=claim, kind="charge")), Decimal(0)
    )


def test_an_original_posts_its_charges_once_and_is_trued_up_when_sent_again() -> None:
    claim = build_world().home.claim
    written = charges.on_sent(ACTOR, [claim])
    assert [(e.bucket, e.kind, e.amount, e.line_number) for e in written] == [
        ("insurance", "charge", Decimal("125.00"), 1)
    ]
    assert written[0].effective_date == claim.service_from
    assert charges.on_sent(ACTOR, [claim]) == []  # sent twice: nothing more
    # rejected, fixed (the charge lowered, a line added) and sent again
    ClaimLine.objects.filter(claim=claim, number=1).update(charge=Decimal("110.00"))
    ClaimLine.objects.create(
        claim=claim,
        number=2,
        procedure="36415",
        units=1,
        charge=Decimal("15.00"),
        pointers=[1],
        service_date=claim.service_from,
    )
    again = charges.on_sent(ACTOR, [claim])
    assert sorted((e.line_number, e.amount) for e in again) == [
        (1, Decimal("-15.00")),
        (2, Decimal("15.00")),
    ]
    assert _charges(claim) == Decimal("125.00")
    assert ledger.balance(claim.patient)["insurance"] == Decimal("125.00")


def test_a_replacement_moves_the_charges_and_a_void_takes_them_off() -> None:
    claim = build_world().home.claim
    charges.on_sent(ACTOR, [claim])
    replacement = _copy(claim, frequency="7", replaces=claim)
    charges.on_sent(ACTOR, [replacement])
    assert (_charges(claim), _charges(replacement)) == (Decimal(0), Decimal("125.00"))
    assert charges.on_sent(ACTOR, [replacement]) == []
    void = _copy(replacement, frequency="8", replaces=replacement)
    charges.on_sent(ACTOR, [void])
    assert (_charges(replacement), _charges(void)) == (Decimal(0), Decimal(0))
    assert ledger.balance(claim.patient)["insurance"] == Decimal("0.00")


def test_a_secondary_takes_the_patients_remaining_share_to_the_next_payer() -> None:
    claim = build_world().home.claim
    charges.on_sent(ACTOR, [claim])
    patient = claim.patient
    # the primary's 835: paid 60.00, CO-45 25.00, PR-3 25.00 + PR-2 15.00 to the patient
    ledger.post(
        ACTOR,
        claim.practice,
        [
            ledger.Line(
                "insurance", "insurance_payment", Decimal("-60"), "p", patient.pk, claim.pk
            ),
            ledger.Line("insurance", "contractual_adjustment", Decimal("-25"), "a", patient.pk),
            ledger.Line("insurance", "transfer_to_patient", Decimal("-40"), "t1", patient.pk),
            ledger.Line("patient", "transfer_to_patient", Decimal("40"), "t2", patient.pk),
        ],
    )
    secondary = _copy(claim, responsibility="S", primary_claim=claim)
    secondary.lines.update(
        adjudications=[
            {
                "payer_id": "PRIMARY",
                "paid": "60.00",
                "procedure": "99213",
                "adjudicated_on": "2026-02-01",
                "adjustments": [
                    {"group": "CO", "reason": "45", "amount": "25.00"},
                    {"group": "PR", "reason": "3", "amount": "25.00"},
                    {"group": "PR", "reason": "2", "amount": "15.00"},
                ],
            }
        ]
    )
    written = charges.on_sent(ACTOR, [secondary])
    assert sorted((e.bucket, e.kind, e.amount) for e in written) == [
        ("insurance", "transfer_to_insurance", Decimal("40.00")),
        ("patient", "transfer_to_insurance", Decimal("-40.00")),
    ]
    assert _charges(secondary) == 0  # the visit's charge stays on the primary
    assert ledger.balance(patient) == {"insurance": Decimal("40.00"), "patient": Decimal("0.00")}
    assert charges.on_sent(ACTOR, [secondary]) == []
