"""Running a cycle again makes no second statement and writes nothing twice."""

from __future__ import annotations

import datetime as dt

import time_machine

from cleanclaim.audit.models import AuditEntry
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.statements import actions
from cleanclaim.statements.models import Statement, StatementRun

from .helpers import ACTOR, answered_visit


@time_machine.travel("2026-03-01 12:00:00+00:00", tick=False)
def test_it_makes_one_statement_per_patient_and_cycle(world) -> None:
    answered_visit(world)
    practice = world.home.practice
    first = actions.run_statements(ACTOR, practice, dt.date(2026, 3, 1))
    assert len(first.made) == 1
    counts = (Statement.objects.count(), LedgerEntry.objects.count(), AuditEntry.objects.count())
    again = actions.run_statements(ACTOR, practice, dt.date(2026, 3, 15))  # same cycle
    assert again.made == []
    assert again.run.pk == first.run.pk
    assert (
        Statement.objects.count(),
        LedgerEntry.objects.count(),
        AuditEntry.objects.count(),
    ) == counts
    # the next cycle states the balance again
    nxt = actions.run_statements(ACTOR, practice, dt.date(2026, 4, 1))
    assert len(nxt.made) == 1
    assert StatementRun.objects.filter(practice=practice).count() == 2
