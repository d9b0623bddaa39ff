"""A held CO-197 line of a posted 835 becomes a denial: reason in plain language,
category authorization, the appeal deadline from the payer profile; posting again
creates nothing twice."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
import time_machine

from cleanclaim.audit.actor import Actor
from cleanclaim.deadlines.calc import due_date
from cleanclaim.denials.models import Denial
from cleanclaim.payers.deadlines import limits_for
from cleanclaim.remits import actions

from .conftest import post_denied

pytestmark = pytest.mark.django_db


@time_machine.travel(dt.datetime(2026, 2, 3, 12, 0, tzinfo=dt.UTC), tick=False)
def test_it_creates_a_denial_with_category_and_deadline(world: Any) -> None:
    payer = world.home.payer
    payer.appeal_first_amount, payer.appeal_first_unit = 120, "days"
    payer.appeal_first_citation = "payer manual 7.2"
    payer.save()
    rf = post_denied(world)
    d = Denial.objects.get()
    assert (d.reason, d.procedure, d.line_number, d.amount) == ("CO-197", "99213", 1, Decimal(25))
    assert d.category == "authorization"
    assert d.rarcs == ["N54"]
    assert "authorization" in d.carc_text.lower()
    assert d.payer_claim_number == "PCN000000001"
    assert d.determined_on == dt.date(2026, 2, 2)
    limit = limits_for(world.home.payer, world.home.practice).appeal_first
    assert limit is not None
    assert d.appeal_due == due_date(limit, dt.date(2026, 2, 2)) == dt.date(2026, 6, 2)
    assert d.appeal_citation == "payer manual 7.2"
    assert d.claim.status == "paid"
    # the hook is idempotent: posting the file again, or the hook again, adds nothing
    actions.post_file(Actor(user=None, label="again"), rf)
    from cleanclaim.denials.actions import from_posting

    from_posting(Actor(user=None, label="again"), d.claim_payment)
    assert Denial.objects.count() == 1
