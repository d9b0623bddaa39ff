"""The mailing vendor's CSV: the documented columns, one row per statement."""

from __future__ import annotations

import csv
import datetime as dt
import io

import time_machine

from cleanclaim.statements import actions, mailing

from .helpers import ACTOR, answered_visit


@time_machine.travel("2026-02-20 12:00:00+00:00", tick=False)
def test_it_writes_one_row_per_statement_with_address_and_amount_due(world) -> None:
    answered_visit(world)
    result = actions.run_statements(ACTOR, world.home.practice, dt.date(2026, 2, 20))
    rows = list(csv.DictReader(io.StringIO(mailing.run_csv(result.run))))
    patient = world.home.patient
    assert tuple(rows[0].keys()) == mailing.COLUMNS
    assert len(rows) == 1
    row = rows[0]
    assert row["account"] == patient.account_number
    assert row["name"] == f"{patient.first_name} {patient.last_name}"
    assert row["address_line1"] == patient.address_line1
    assert (row["city"], row["state"], row["zip_code"]) == (
        patient.city,
        patient.state,
        patient.zip_code,
    )
    assert row["amount_due"] == "25.00"
    assert row["days_31_60"] == "25.00"  # 36 days after the visit of 2026-01-15
    assert row["current"] == "0.00"
    assert row["statement_date"] == "2026-02-20"
