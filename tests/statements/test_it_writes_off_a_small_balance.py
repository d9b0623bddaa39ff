"""A balance under the practice's small-balance limit is written off, not stated."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import time_machine

from cleanclaim.ledger import actions as ledger
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.statements import actions

from .helpers import ACTOR, answered_visit


@time_machine.travel("2026-03-01 12:00:00+00:00", tick=False)
def test_it_writes_off_under_the_limit_once_and_states_at_or_over_it(world) -> None:
    answered_visit(world, patient="4.99", contractual="40.01")
    practice = world.home.practice
    result = actions.run_statements(ACTOR, practice, dt.date(2026, 3, 1))
    assert result.made == []
    assert result.written_off == [world.home.patient]
    assert ledger.balance(world.home.patient)["patient"] == Decimal("0.00")
    entry = LedgerEntry.objects.get(kind="write_off")
    assert (entry.amount, entry.reason, entry.bucket) == (
        Decimal("-4.99"),
        "small-balance",
        "patient",
    )
    actions.run_statements(ACTOR, practice, dt.date(2026, 3, 2))
    assert LedgerEntry.objects.filter(kind="write_off").count() == 1


@time_machine.travel("2026-03-01 12:00:00+00:00", tick=False)
def test_it_follows_the_practice_setting(world) -> None:
    answered_visit(world, patient="4.99", contractual="40.01")
    practice = world.home.practice
    actions.update_settings(
        ACTOR, practice, message="", how_to_pay="", small_balance_limit=Decimal("0.00")
    )
    result = actions.run_statements(ACTOR, practice, dt.date(2026, 3, 1))
    assert [s.amount_due for s in result.made] == [Decimal("4.99")]
    assert not LedgerEntry.objects.filter(kind="write_off").exists()
