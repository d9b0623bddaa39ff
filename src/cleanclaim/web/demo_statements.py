"""Demo step: the month's statements at the first demo practice, after the payers'
answer (:mod:`cleanclaim.clearinghouses.demo_answers`), through the statements app.

* the run of this month's cycle (``statements.actions.run_statements``): a statement
  (its PDF on the Statements page) for each guarantor whose visits every payer has
  answered and who owes more than the small-balance limit; RF00014's 3.00 left of a
  copay written off under it; RF00028's visit waits for its secondary;
* a payment at the desk on the first statement made (``pay_statement``, by card):
  :data:`PAID` or what is due when less.

Demo keys ``statement-run:<practice NPI>`` and ``statement-payment:<practice NPI>``: a
second run changes nothing, in this month or a later one (a person runs the next cycle).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils import timezone

from cleanclaim.audit.actor import Actor
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.statements import actions
from cleanclaim.statements.models import Statement, StatementRun

PAID = Decimal("40.00")
#: The payment's receipt number (its ledger key).
KEY = "DEMO-DESK-1"


def build(ctx: Any) -> None:
    if not ctx.practices:
        return
    practice = ctx.practices[0]
    actor = Actor(user=None, via="demo", label="demo")
    today = timezone.localdate()
    run, _ = ctx.ensure(
        "statement runs",
        f"statement-run:{practice.npi}",
        StatementRun,
        lambda: actions.run_statements(actor, practice, today).run,
        lambda: StatementRun.objects.filter(practice=practice).order_by("pk").first(),
    )
    if run is None:
        return
    statement = Statement.objects.filter(run=run).order_by("pk").first()
    if statement is None:
        return

    def pay() -> LedgerEntry:
        amount = min(PAID, statement.amount_due)
        written = actions.pay_statement(
            actor, statement, amount, key=KEY, method="card", when=today
        )
        return written[0]

    ctx.ensure(
        "statement payments",
        f"statement-payment:{practice.npi}",
        LedgerEntry,
        pay,
        lambda: (
            LedgerEntry.objects.filter(key__startswith=f"stmtpay:{statement.pk}:{KEY}:")
            .order_by("pk")
            .first()
        ),
    )
