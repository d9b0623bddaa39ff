"""A visit's patient share is stated only once no claim of the visit awaits a payer."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import time_machine

from cleanclaim.statements import actions
from cleanclaim.statements.models import Statement

from .helpers import ACTOR, advance, post_remit

DAY = dt.date(2026, 3, 1)


@time_machine.travel("2026-03-01 12:00:00+00:00", tick=False)
def test_it_holds_a_visit_still_with_the_payer_and_states_it_once_answered(world) -> None:
    claim = world.home.claim
    advance(claim, "sent")  # submitted: the payer has not answered
    post_remit(claim)  # a patient share posted early (e.g. a forwarded claim)
    first = actions.run_statements(ACTOR, world.home.practice, DAY)
    assert first.made == []
    assert first.held == 1
    assert not Statement.objects.exists()

    advance(claim, "paid")
    second = actions.run_statements(ACTOR, world.home.practice, DAY)
    assert [s.amount_due for s in second.made] == [Decimal("25.00")]
    statement = second.made[0]
    assert statement.patient == world.home.patient
    # only the patient bucket: the insurance columns are shown, the amount due is PR
    visit = statement.data["visits"][0]
    assert visit["insurance_paid"] == "80.00"
    assert visit["adjustments"] == "20.00"
    assert visit["patient_responsibility"] == "25.00"
    assert visit["balance"] == "25.00"
