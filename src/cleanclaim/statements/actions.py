"""The writers of statements: each owns its transaction and its audit entries.

* :func:`run_statements` — one practice's cycle: a statement for each guarantor with a
  patient share every payer has answered; a balance under the practice's small-balance
  limit written off instead; credits left for the refund work list. Idempotent per
  patient and cycle (ledger keys and the statement's unique constraint).
* :func:`pay_statement` — a payment at the desk or by mail applied oldest visit first.
* :func:`record_refund` — money paid back to a patient with a credit balance.
* :func:`update_settings` — the practice's message, how to pay, small-balance limit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import F, Sum

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.record import diff, record, snapshot
from cleanclaim.ledger import actions as ledger
from cleanclaim.ledger.models import Bucket, EntryKind, LedgerEntry
from cleanclaim.patients.models import Patient
from cleanclaim.practices.models import Practice
from cleanclaim.statements import account
from cleanclaim.statements.models import Statement, StatementRun, StatementSettings

__all__ = [
    "PaymentRefused",
    "RunResult",
    "credits",
    "pay_statement",
    "record_refund",
    "run_statements",
    "settings_of",
    "update_settings",
]

Action = AuditEntry.Action
ZERO = Decimal("0.00")


class PaymentRefused(ValueError):
    """A payment or refund that cannot be recorded (amount, credit too small)."""


def settings_of(practice: Practice) -> StatementSettings:
    found = StatementSettings.objects.filter(practice=practice).first()
    return found or StatementSettings(practice=practice)


@transaction.atomic
def update_settings(
    actor: Actor,
    practice: Practice,
    *,
    message: str,
    how_to_pay: str,
    small_balance_limit: Decimal,
) -> StatementSettings:
    current = settings_of(practice)
    before = snapshot(current, StatementSettings.audited_fields) if current.pk else {}
    current.message, current.how_to_pay = message, how_to_pay
    current.small_balance_limit = small_balance_limit
    current.full_clean()
    adding = current.pk is None
    current.save()
    after = snapshot(current, StatementSettings.audited_fields)
    record(actor, Action.CREATE if adding else Action.UPDATE, current, changes=diff(before, after))
    return current


@dataclass
class RunResult:
    run: StatementRun
    made: list[Statement]
    written_off: list[Patient]
    credits: list[Patient]
    held: int


def _guarantors(practice: Practice) -> list[Patient]:
    """One patient per guarantor among those with patient-bucket entries."""
    ids = (
        LedgerEntry.objects.filter(practice=practice, bucket=Bucket.PATIENT)
        .values_list("patient_id", flat=True)
        .distinct()
        .order_by("patient_id")
    )
    seen: set[int] = set()
    out: list[Patient] = []
    for patient in Patient.objects.filter(pk__in=list(ids)).order_by("pk"):
        if patient.pk in seen:
            continue
        group = account.family(patient)
        seen.update(p.pk for p in group)
        out.append(patient)
    return out


def run_statements(
    actor: Actor,
    practice: Practice,
    on: dt.date,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> RunResult:
    """Make the cycle's statements (``YYYY-MM`` of ``on``); one transaction per guarantor,
    so a run stopped halfway is finished by running it again."""
    cycle = on.strftime("%Y-%m")
    with transaction.atomic():
        run, created = StatementRun.objects.get_or_create(
            practice=practice,
            cycle=cycle,
            defaults={"statement_date": on, "created_by": _user(actor)},
        )
        if created:
            record(actor, Action.CREATE, run, context={"cycle": cycle, "date": on.isoformat()})
    limit = settings_of(practice).small_balance_limit
    result = RunResult(run=run, made=[], written_off=[], credits=[], held=0)
    guarantors = _guarantors(practice)
    for n, patient in enumerate(guarantors, 1):
        with transaction.atomic():
            _one(actor, run, patient, limit, result)
        if progress is not None:
            progress(n, len(guarantors))
    StatementRun.objects.filter(pk=run.pk).update(
        written_off=F("written_off") + len(result.written_off), credits=len(result.credits)
    )
    run.refresh_from_db()
    return result


def _one(
    actor: Actor, run: StatementRun, patient: Patient, limit: Decimal, result: RunResult
) -> None:
    if Statement.objects.filter(practice=run.practice, patient=patient, cycle=run.cycle).exists():
        return
    visits, held = account.due_visits(account.family(patient))
    result.held += len(held)
    due = sum((v.balance for v in visits), ZERO)
    if due < ZERO:
        result.credits.append(patient)
        return
    if due == ZERO:
        return
    if due < limit:
        lines = [
            ledger.Line(
                bucket=Bucket.PATIENT,
                kind=EntryKind.WRITE_OFF,
                amount=-v.balance,
                key=f"smallbal:{run.cycle}:{patient.pk}:{v.claim.pk if v.claim else 'none'}",
                patient_id=v.entries[0].patient_id,
                claim_id=v.claim.pk if v.claim else None,
                reason="small-balance",
                source=f"statement-run:{run.pk}",
                memo=f"under the small-balance limit {limit}",
                effective_date=run.statement_date,
            )
            for v in visits
            if v.balance != ZERO
        ]
        written = ledger.post(actor, run.practice, lines)
        for entry in written:
            record(
                actor, Action.CREATE, entry, context={"rule": "small balance", "limit": str(limit)}
            )
        result.written_off.append(patient)
        return
    statement = Statement.objects.create(
        run=run,
        practice=run.practice,
        patient=patient,
        cycle=run.cycle,
        statement_date=run.statement_date,
        amount_due=due,
        data=account.snapshot(patient, visits, run.statement_date),
    )
    record(actor, Action.CREATE, statement, context={"amount_due": str(due)})
    result.made.append(statement)


def _user(actor: Actor) -> object | None:
    user = getattr(actor, "user", None)
    return user if user is not None and getattr(user, "pk", None) else None


def pay_statement(
    actor: Actor,
    statement: Statement,
    amount: Decimal,
    *,
    key: str,
    method: str,
    when: dt.date | None = None,
) -> list[LedgerEntry]:
    """Record a payment against ``statement``: applied to its visits' open balances
    oldest first, what is left over kept as a credit on no visit. ``key`` identifies
    the payment (a receipt or check number): the same key twice records it once (the
    second time nothing, even though the open balances have changed)."""
    if not isinstance(amount, Decimal) or amount <= ZERO:
        raise PaymentRefused("a payment is a positive amount")
    if not key or ":" in key:
        raise PaymentRefused("a payment's key (receipt or check number) is needed, without ':'")
    left = amount.quantize(Decimal("0.01"))
    written: list[LedgerEntry] = []
    with transaction.atomic():
        # one payment at a time per patient; a key already used records nothing
        Patient.objects.select_for_update().filter(pk=statement.patient_id).first()
        if LedgerEntry.objects.filter(
            practice_id=statement.practice_id, key__startswith=f"stmtpay:{statement.pk}:{key}:"
        ).exists():
            return []
        # the open balance of each stated visit now (payments since the run count),
        # over every claim of the visit (primary, replacement, secondary) and the desk
        for visit in statement.data.get("visits", []):
            claim_id = visit.get("claim")
            if claim_id is None or left <= ZERO:
                continue
            open_ = (
                LedgerEntry.objects.filter(
                    account.visit_entries(claim_id), bucket=Bucket.PATIENT
                ).aggregate(total=Sum("amount"))["total"]
                or ZERO
            )
            piece = min(left, open_)
            if piece <= ZERO:
                continue
            written += _pay(actor, statement, piece, claim_id, f"{key}:{claim_id}", method, when)
            left -= piece
        if left > ZERO:
            written += _pay(actor, statement, left, None, f"{key}:unapplied", method, when)
    return written


def _pay(
    actor: Actor,
    statement: Statement,
    amount: Decimal,
    claim_id: int | None,
    key: str,
    method: str,
    when: dt.date | None,
) -> list[LedgerEntry]:
    entry = ledger.record_patient_payment(
        actor,
        statement.patient,
        amount,
        key=f"stmtpay:{statement.pk}:{key}",
        method=method,
        claim_id=claim_id,
        source=f"statement:{statement.pk}",
        memo=f"statement {statement.cycle}",
        when=when,
    )
    return [entry] if entry is not None else []


def credits(practice_ids: set[int]) -> list[tuple[Patient, Decimal]]:
    """Patients of ``practice_ids`` whose patient balance is a credit (below zero), once
    every payer has answered: a visit still with a payer (a secondary billed with the
    patient's share handed to it, say) is left out until it is answered, so money taken
    at the desk is not refunded before the next payer has said what it pays."""
    rows = (
        LedgerEntry.objects.filter(practice_id__in=practice_ids, bucket=Bucket.PATIENT)
        .values("patient_id")
        .annotate(total=Sum("amount"))
        .filter(total__lt=0)
        .order_by("patient_id")
    )
    totals = {r["patient_id"]: r["total"] for r in rows}
    patients = Patient.objects.filter(pk__in=totals).order_by("last_name", "first_name")
    out: list[tuple[Patient, Decimal]] = []
    for p in patients:
        visits, held = account.due_visits([p])
        total = sum((v.balance for v in visits), ZERO) if held else Decimal(totals[p.pk])
        if total < 0:
            out.append((p, total.quantize(Decimal("0.01"))))
    return out


def record_refund(
    actor: Actor, patient: Patient, amount: Decimal, *, key: str, method: str, memo: str = ""
) -> LedgerEntry | None:
    """Money paid back to a patient with a credit; refused above the credit. Returns the
    entry, or None when ``key`` was already recorded."""
    if not isinstance(amount, Decimal) or amount <= ZERO:
        raise PaymentRefused("a refund is a positive amount")
    with transaction.atomic():
        Patient.objects.select_for_update().filter(pk=patient.pk).first()
        credit = -ledger.balance(patient)[Bucket.PATIENT.value]
        already = LedgerEntry.objects.filter(practice=patient.practice, key=f"refund:{key}")
        if not already.exists() and amount > credit:
            raise PaymentRefused(f"the credit is {max(credit, ZERO)}; {amount} is more")
        written = ledger.post(
            actor,
            patient.practice,
            [
                ledger.Line(
                    bucket=Bucket.PATIENT,
                    kind=EntryKind.REFUND,
                    amount=amount,
                    key=f"refund:{key}",
                    patient_id=patient.pk,
                    reason=method,
                    source="refund",
                    memo=memo,
                )
            ],
        )
        for entry in written:
            record(actor, Action.CREATE, entry, context={"method": method})
    return written[0] if written else None
