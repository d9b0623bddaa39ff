"""The mailing vendor's file: one CSV row per statement of a run.

Columns (in this order): ``statement_id, account, name, address_line1, address_line2,
city, state, zip_code, statement_date, amount_due, current, days_31_60, days_61_90,
days_over_90, practice, practice_phone``. Money as plain decimals (``42.50``).
"""

from __future__ import annotations

import csv
import io

from cleanclaim.statements.models import StatementRun

__all__ = ["COLUMNS", "run_csv"]

COLUMNS = (
    "statement_id",
    "account",
    "name",
    "address_line1",
    "address_line2",
    "city",
    "state",
    "zip_code",
    "statement_date",
    "amount_due",
    "current",
    "days_31_60",
    "days_61_90",
    "days_over_90",
    "practice",
    "practice_phone",
)


def run_csv(run: StatementRun) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for s in run.statements.select_related("practice").order_by("id"):
        to, aging = s.data.get("to", {}), s.data.get("aging", {})
        writer.writerow(
            [
                s.pk,
                s.data.get("account", ""),
                to.get("name", ""),
                to.get("address_line1", ""),
                to.get("address_line2", ""),
                to.get("city", ""),
                to.get("state", ""),
                to.get("zip_code", ""),
                s.statement_date.isoformat(),
                str(s.amount_due),
                aging.get("current", "0.00"),
                aging.get("31_60", "0.00"),
                aging.get("61_90", "0.00"),
                aging.get("over_90", "0.00"),
                s.practice.name,
                s.practice.phone,
            ]
        )
    return out.getvalue()
