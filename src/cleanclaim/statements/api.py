"""``/api/statements``: a patient's (guarantor's) ledger, statement runs and their
statements, payments against a statement, credits and refunds. Reads of patient data
are audited; writes go through :mod:`cleanclaim.statements.actions`. Amounts are
strings in decimal notation (``"42.50"``), read by :mod:`cleanclaim.money`."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from cleanclaim.api.versioning import patch_body, read_patch
from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.phi import shows_phi
from cleanclaim.audit.record import record, record_list
from cleanclaim.ledger.actions import balance
from cleanclaim.money import MoneyError, parse_money
from cleanclaim.patients.models import Patient
from cleanclaim.practices.models import Practice
from cleanclaim.statements import account, actions
from cleanclaim.statements.models import Statement, StatementRun
from cleanclaim.tenancy.guards import api_requires
from cleanclaim.tenancy.scoping import get_scoped_or_404, practice_ids, scoped

router = Router(tags=["statements"])
READ = AuditEntry.Action.READ


class EntryOut(Schema):
    id: int
    date: dt.date
    patient: int | None
    claim: int | None
    bucket: str
    kind: str
    amount: Decimal
    reason: str
    running: Decimal = Field(description="the bucket's balance after this entry")


class LedgerOut(Schema):
    patients: list[int] = Field(description="the guarantor's patients summed here")
    balance: dict[str, Decimal]
    entries: list[EntryOut]


class RunIn(Schema):
    practice: int
    date: dt.date


class StatementOut(Schema):
    id: int
    patient: int
    account: str
    cycle: str
    statement_date: dt.date
    amount_due: Decimal
    aging: dict[str, Decimal]


class RunOut(Schema):
    id: int
    practice: int
    cycle: str
    statement_date: dt.date
    written_off: int
    statements: list[StatementOut] = []


class RunResultOut(RunOut):
    made: int
    credits: int
    held: int


class PaymentIn(Schema):
    amount: str = Field(..., max_length=20, description='decimal notation, "40.00"')
    method: str = Field(..., max_length=20)
    key: str = Field(..., max_length=60, pattern=r"^[^:]+$", description="receipt or check no.")


class RefundIn(PaymentIn):
    memo: str = Field("", max_length=200)


class PostedOut(Schema):
    entries: list[int]
    balance: dict[str, Decimal]


class CreditOut(Schema):
    patient: int
    account: str
    credit: Decimal


class DetailOut(Schema):
    detail: str


def _statement(s: Statement) -> dict[str, Any]:
    return {
        "id": s.pk,
        "patient": s.patient_id,
        "account": s.data.get("account", ""),
        "cycle": s.cycle,
        "statement_date": s.statement_date,
        "amount_due": s.amount_due,
        "aging": s.data.get("aging", {}),
    }


def _run(run: StatementRun, statements: list[Statement] | None = None) -> dict[str, Any]:
    return {
        "id": run.pk,
        "practice": run.practice_id,
        "cycle": run.cycle,
        "statement_date": run.statement_date,
        "written_off": run.written_off,
        "statements": [_statement(s) for s in statements or []],
    }


@router.get("/ledger/{pk}", response=LedgerOut, url_name="statement_ledger")
@api_requires("patients.view")
@shows_phi
def ledger(request: HttpRequest, pk: int) -> Any:
    """The ledger of the patient's guarantor, every entry with its bucket's running balance."""
    patient = get_scoped_or_404(Patient, request.auth, "patients.view", pk=pk)  # type: ignore[attr-defined]
    group = account.family(patient)
    record(Actor.from_request(request, via="api"), READ, patient, context={"with": "ledger"})
    rows = sorted(
        (row for bucket in account.rows(group).values() for row in bucket),
        key=lambda r: (r.entry.effective_date, r.entry.pk),
    )
    totals = {"insurance": Decimal("0.00"), "patient": Decimal("0.00")}
    for p in group:
        for bucket, amount in balance(p).items():
            totals[bucket] += amount
    return {
        "patients": [p.pk for p in group],
        "balance": totals,
        "entries": [
            {
                "id": r.entry.pk,
                "date": r.entry.effective_date,
                "patient": r.entry.patient_id,
                "claim": r.entry.claim_id,
                "bucket": r.entry.bucket,
                "kind": r.entry.kind,
                "amount": r.entry.amount,
                "reason": r.entry.reason,
                "running": r.running,
            }
            for r in rows
        ],
    }


@router.get("/runs", response=list[RunOut], url_name="statement_runs")
@api_requires("statements.work")
def runs(request: HttpRequest) -> Any:
    """The statement runs of the practices the caller runs statements for (no statements)."""
    found = scoped(StatementRun, request.auth, "statements.work")  # type: ignore[attr-defined]
    return [_run(r) for r in found.order_by("-statement_date", "-id")[:200]]


@router.post(
    "/runs",
    response={201: RunResultOut},
    url_name="statement_runs",
    openapi_extra=patch_body(RunIn),
)
@api_requires("statements.work")
@shows_phi
def run_create(request: HttpRequest) -> Any:
    """Run the cycle (the month of ``date``) for ``practice``; again for the same month
    makes only the statements still missing."""
    body = RunIn(**read_patch(request, RunIn))
    practice = get_scoped_or_404(Practice, request.auth, "statements.work", pk=body.practice)  # type: ignore[attr-defined]
    actor = Actor.from_request(request, via="api")
    result = actions.run_statements(actor, practice, body.date)
    record_list(actor, Statement, result.made, query=f"run {result.run.cycle}")
    out = _run(result.run, result.made)
    out.update(made=len(result.made), credits=len(result.credits), held=result.held)
    return Status(201, out)


@router.get("/runs/{pk}", response=RunOut, url_name="statement_run")
@api_requires("statements.work")
@shows_phi
def run_detail(request: HttpRequest, pk: int) -> Any:
    run = get_scoped_or_404(StatementRun, request.auth, "statements.work", pk=pk)  # type: ignore[attr-defined]
    statements = list(run.statements.order_by("id"))
    record_list(Actor.from_request(request, via="api"), Statement, statements, query=run.cycle)
    return _run(run, statements)


@router.post(
    "/{pk}/payments",
    response={201: PostedOut, 200: PostedOut, 422: DetailOut},
    url_name="statement_payment",
    openapi_extra=patch_body(PaymentIn),
)
@api_requires("payments.take")
@shows_phi
def payment(request: HttpRequest, pk: int) -> Any:
    """A payment against statement ``pk``, applied oldest visit first. 200 with no entries
    when ``key`` was already recorded."""
    statement = get_scoped_or_404(Statement, request.auth, "payments.take", pk=pk)  # type: ignore[attr-defined]
    body = PaymentIn(**read_patch(request, PaymentIn))
    try:
        amount = parse_money(body.amount, what="amount")
        actor = Actor.from_request(request, via="api")
        written = actions.pay_statement(
            actor,
            statement,
            amount,
            key=body.key,
            method=body.method,
        )
    except (MoneyError, actions.PaymentRefused) as exc:
        return Status(422, {"detail": str(exc)})
    if not written:  # already recorded: the answer still shows the balance
        record(actor, READ, statement, context={"payment": body.key, "already": True})
    out = {"entries": [e.pk for e in written], "balance": balance(statement.patient)}
    return Status(201 if written else 200, out)


@router.get("/refunds", response=list[CreditOut], url_name="statement_credits")
@api_requires("statements.work")
@shows_phi
def credits(request: HttpRequest) -> Any:
    """Patients with a credit balance (the refund work list)."""
    found = actions.credits(practice_ids(request.auth, "statements.work"))  # type: ignore[attr-defined]
    record_list(Actor.from_request(request, via="api"), Patient, [p for p, _ in found])
    return [{"patient": p.pk, "account": p.account_number, "credit": c} for p, c in found]


@router.post(
    "/refunds/{pk}",
    response={201: PostedOut, 200: PostedOut, 422: DetailOut},
    url_name="statement_refund",
    openapi_extra=patch_body(RefundIn),
)
@api_requires("statements.work")
@shows_phi
def refund(request: HttpRequest, pk: int) -> Any:
    """Record a refund paid to patient ``pk``; refused (422) above their credit."""
    patient = get_scoped_or_404(Patient, request.auth, "statements.work", pk=pk)  # type: ignore[attr-defined]
    body = RefundIn(**read_patch(request, RefundIn))
    try:
        amount = parse_money(body.amount, what="amount")
        actor = Actor.from_request(request, via="api")
        entry = actions.record_refund(
            actor,
            patient,
            amount,
            key=body.key,
            method=body.method,
            memo=body.memo,
        )
    except (MoneyError, actions.PaymentRefused) as exc:
        return Status(422, {"detail": str(exc)})
    if entry is None:  # already recorded: the answer still shows the balance
        record(actor, READ, patient, context={"refund": body.key, "already": True})
    out = {"entries": [entry.pk] if entry else [], "balance": balance(patient)}
    return Status(201 if entry else 200, out)
