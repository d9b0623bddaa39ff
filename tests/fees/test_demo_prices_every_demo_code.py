"""The demo gives each practice a fee schedule covering the codes it bills; a second
run changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from cleanclaim.fees.demo import FEES, NAME
from cleanclaim.fees.models import Fee, FeeSchedule
from cleanclaim.fees.service import charge_for, expected_allowed
from cleanclaim.web import demo

pytestmark = pytest.mark.django_db


def test_it_prices_the_demo_codes_and_is_idempotent() -> None:
    ctx = demo.build()
    assert ctx.practices
    for practice in ctx.practices:
        assert FeeSchedule.objects.get(practice=practice).name == NAME
        for code, modifier, charge in FEES:
            assert str(charge_for(practice, code, [modifier], dt.date(2026, 12, 5))) == charge
        allowed = expected_allowed(
            practice, ctx.payers["medicare"], "99213", [], dt.date(2026, 3, 1)
        )
        assert allowed is not None and allowed < charge_for(
            practice, "99213", [], dt.date(2026, 3, 1)
        )
    rows = Fee.objects.count()
    again = demo.build()
    assert again.created["fee schedules"] == 0
    assert Fee.objects.count() == rows == len(FEES) * len(ctx.practices)
