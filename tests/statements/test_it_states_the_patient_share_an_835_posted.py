"""End to end with the remittance posting: claims paid by an 835 (PR-2 20.00 each) are
stated for 20.00 each; a statement shows the claim's charge and what insurance paid;
running again changes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import time_machine

from cleanclaim.remits import actions as remits
from cleanclaim.statements import actions
from cleanclaim.statements.models import Statement
from cleanclaim.testing.remits import claims_for_835, many_claims_835

from .helpers import ACTOR


@time_machine.travel("2026-02-20 12:00:00+00:00", tick=False)
def test_it_states_each_posted_patient_share(world) -> None:
    home = world.home
    data = many_claims_835(3)
    for remit in remits.read(data):
        claims_for_835(remit, home.practice, home.payer, home.provider, home.location)
    rf = remits.take_in_835(ACTOR, home.practice, "three.835", data)
    remits.post_file(ACTOR, rf)

    result = actions.run_statements(ACTOR, home.practice, dt.date(2026, 2, 20))
    assert sorted(s.amount_due for s in result.made) == [Decimal("20.00")] * 3
    visit = result.made[0].data["visits"][0]
    assert visit["charges"] == "165.00"
    assert visit["insurance_paid"] == "110.00"
    assert visit["adjustments"] == "35.00"
    assert visit["patient_responsibility"] == "20.00"
    assert result.made[0].data["aging"]["31_60"] == "20.00"  # 36 days after 2026-01-15

    again = actions.run_statements(ACTOR, home.practice, dt.date(2026, 2, 21))
    assert again.made == [] and Statement.objects.count() == 3
