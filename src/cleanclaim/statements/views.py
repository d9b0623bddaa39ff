"""Statement pages: a patient's (guarantor's) ledger, statement runs with their PDFs and
mailing CSV, payments against a statement, the refund work list, the settings. Thin:
writes go through :mod:`cleanclaim.statements.actions`; every page showing patient data
is ``@shows_phi`` and audited."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.phi import shows_phi
from cleanclaim.audit.record import record, record_list
from cleanclaim.ledger.actions import balance
from cleanclaim.patients.models import Patient
from cleanclaim.practices.models import Practice
from cleanclaim.statements import account, actions, mailing, pdf
from cleanclaim.statements.forms import PaymentForm, RefundForm, RunForm, SettingsForm
from cleanclaim.statements.models import Statement, StatementRun
from cleanclaim.tenancy.guards import requires
from cleanclaim.tenancy.scoping import get_scoped_or_404, practice_ids, scoped

READ = AuditEntry.Action.READ


@require_GET
@requires("patients.view")
@shows_phi
def ledger_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The ledger of the patient's guarantor: every entry per bucket with its running
    balance, the balance per visit (claim), and the statements sent."""
    patient = get_scoped_or_404(Patient, request.user, "patients.view", pk=pk)
    group = account.family(patient)
    record(Actor.from_request(request), READ, patient, context={"with": "ledger"})
    by_bucket = account.rows(group)
    per_claim: dict[object, dict[str, Decimal]] = defaultdict(
        lambda: {"insurance": Decimal("0.00"), "patient": Decimal("0.00")}
    )
    for bucket, rows in by_bucket.items():
        for row in rows:
            per_claim[row.entry.claim][bucket] += row.entry.amount
    totals = {"insurance": Decimal("0.00"), "patient": Decimal("0.00")}
    for p in group:
        for bucket, amount in balance(p).items():
            totals[bucket] += amount
    return render(
        request,
        "statements/ledger.html",
        {
            "patient": patient,
            "family": group,
            "rows": by_bucket,
            "per_claim": sorted(
                per_claim.items(), key=lambda kv: (kv[0] is None, getattr(kv[0], "pk", 0))
            ),
            "totals": totals,
            "statements": Statement.objects.filter(patient__in=group).order_by("-statement_date"),
            "can_pay": patient.practice_id in practice_ids(request.user, "payments.take"),
        },
    )


@require_http_methods(["GET", "POST"])
@requires("statements.work")
def run_list(request: HttpRequest) -> HttpResponse:
    """The runs of the practices the user may run statements for, and the form to run one."""
    practices = list(
        Practice.objects.filter(pk__in=practice_ids(request.user, "statements.work")).order_by(
            "name"
        )
    )
    form = RunForm(request.POST or None, practices=practices)
    if request.method == "POST" and form.is_valid():
        practice = next(p for p in practices if str(p.pk) == form.cleaned_data["practice"])
        result = actions.run_statements(
            Actor.from_request(request), practice, form.cleaned_data["statement_date"]
        )
        messages.success(
            request,
            f"{len(result.made)} statements made, {len(result.written_off)} small balances "
            f"written off, {len(result.credits)} credits for refund, {result.held} visits "
            "still with a payer.",
        )
        return redirect("statements:run", pk=result.run.pk)
    runs = scoped(StatementRun, request.user, "statements.work").select_related("practice")
    return render(request, "statements/runs.html", {"form": form, "runs": runs})


@require_GET
@requires("statements.work")
@shows_phi
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_scoped_or_404(StatementRun, request.user, "statements.work", pk=pk)
    statements = list(run.statements.select_related("patient").order_by("id"))
    record_list(Actor.from_request(request), Statement, statements, query=f"run {run.cycle}")
    return render(request, "statements/run.html", {"run": run, "statements": statements})


@require_GET
@requires("statements.work")
@shows_phi
def run_csv(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_scoped_or_404(StatementRun, request.user, "statements.work", pk=pk)
    record(Actor.from_request(request), READ, run, context={"as": "mailing csv"})
    response = HttpResponse(mailing.run_csv(run), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="statements-{run.cycle}.csv"'
    return response


@require_GET
@requires("patients.view")
@shows_phi
def statement_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_scoped_or_404(
        Statement.objects.select_related("practice", "patient"),
        request.user,
        "patients.view",
        pk=pk,
    )
    record(Actor.from_request(request), READ, statement, context={"as": "pdf"})
    settings = actions.settings_of(statement.practice)
    body = pdf.render(statement, settings.message, settings.how_to_pay)
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'inline; filename="statement-{statement.cycle}-{statement.patient.account_number}.pdf"'
    )
    return response


@require_http_methods(["GET", "POST"])
@requires("payments.take")
@shows_phi
def pay(request: HttpRequest, pk: int) -> HttpResponse:
    """A payment at the desk or by mail against a statement (applied oldest visit first)."""
    statement = get_scoped_or_404(
        Statement.objects.select_related("patient", "practice"),
        request.user,
        "payments.take",
        pk=pk,
    )
    actor = Actor.from_request(request)
    form = PaymentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        written = actions.pay_statement(
            actor,
            statement,
            form.cleaned_data["amount"],
            key=form.cleaned_data["reference"],
            method=form.cleaned_data["method"],
        )
        if written:
            messages.success(request, f"Payment of {form.cleaned_data['amount']} recorded.")
        else:
            messages.info(request, "That payment was already recorded: nothing changed.")
        return redirect("statements:ledger", pk=statement.patient_id)
    record(actor, READ, statement, context={"for": "payment"})
    return render(
        request,
        "statements/pay.html",
        {"statement": statement, "form": form, "balance": balance(statement.patient)},
    )


@require_GET
@requires("statements.work")
@shows_phi
def refund_list(request: HttpRequest) -> HttpResponse:
    """Patients with a credit balance: money to pay back."""
    found = actions.credits(practice_ids(request.user, "statements.work"))
    record_list(Actor.from_request(request), Patient, [p for p, _ in found], query="credits")
    return render(request, "statements/refunds.html", {"credits": found})


@require_http_methods(["GET", "POST"])
@requires("statements.work")
@shows_phi
def refund(request: HttpRequest, pk: int) -> HttpResponse:
    patient = get_scoped_or_404(Patient, request.user, "statements.work", pk=pk)
    actor = Actor.from_request(request)
    form = RefundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.record_refund(
                actor,
                patient,
                form.cleaned_data["amount"],
                key=form.cleaned_data["reference"],
                method=form.cleaned_data["method"],
                memo=form.cleaned_data["memo"],
            )
        except actions.PaymentRefused as exc:
            form.add_error("amount", str(exc))
        else:
            messages.success(request, "Refund recorded.")
            return redirect("statements:refunds")
    record(actor, READ, patient, context={"for": "refund"})
    return render(
        request,
        "statements/refund.html",
        {"patient": patient, "form": form, "balance": balance(patient)},
    )


@require_http_methods(["GET", "POST"])
@requires("statements.work")
def settings_page(request: HttpRequest, pk: int) -> HttpResponse:
    practice = get_scoped_or_404(Practice, request.user, "statements.work", pk=pk)
    current = actions.settings_of(practice)
    form = SettingsForm(
        request.POST or None,
        initial={
            "message": current.message,
            "how_to_pay": current.how_to_pay,
            "small_balance_limit": current.small_balance_limit,
        },
    )
    if request.method == "POST" and form.is_valid():
        actions.update_settings(Actor.from_request(request), practice, **form.cleaned_data)
        messages.success(request, "Statement settings saved.")
        return redirect("statements:runs")
    return render(request, "statements/settings.html", {"practice": practice, "form": form})
