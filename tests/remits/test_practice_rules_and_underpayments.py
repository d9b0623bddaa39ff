"""A practice's posting rule overrides the default (CO-45 held instead of written off),
and a line allowed below the fee schedule's expected amount goes to the underpayment
work list."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cleanclaim.audit.actor import Actor
from cleanclaim.fees.models import ExpectedAllowed
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.remits import actions
from cleanclaim.remits.models import PostingRule, Underpayment
from cleanclaim.testing.personas import build_world
from cleanclaim.testing.remits import claims_for_835, many_claims_835

pytestmark = pytest.mark.django_db


def test_rule_and_underpayment() -> None:
    home = build_world().home
    actor = Actor(user=None, label="system: test")
    # 99213 (charge 125, paid 80, PR 20: allowed 100) expected at 110 for this payer
    ExpectedAllowed.objects.create(fee=home.fee, payer=home.payer, amount=Decimal("110.00"))
    PostingRule.objects.create(practice=home.practice, key="CO-45", action="hold")
    data = many_claims_835(1).replace(b"CAS*PR*2*20~", b"CAS*PR*2*20~AMT*B6*100~")
    claims_for_835(actions.read(data)[0], home.practice, home.payer, home.provider, home.location)
    rf = actions.take_in_835(actor, home.practice, "u.835", data)
    assert rf.status == "received", rf.differences
    actions.post_file(actor, rf)
    assert not LedgerEntry.objects.filter(reason="CO-45").exists()  # held, not written off
    assert LedgerEntry.objects.filter(reason="PR-2", bucket="patient").get().amount == 20
    under = Underpayment.objects.get()
    assert (under.procedure, under.allowed, under.expected) == ("99213", 100, 110)
