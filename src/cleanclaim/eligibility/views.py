"""Eligibility pages: thin — scope, call the action (which audits), render.

* ``eligibility:check`` (``/eligibility/coverage/<pk>/``): GET the latest check of a
  coverage with the form to run one; POST runs a check (the check-in page links here);
* ``eligibility:detail``: one check — the benefits summary, the payer's corrections
  offered as an update, the raw 270 and 271;
* ``eligibility:apply``: POST applies the chosen corrections (optimistic locking);
* ``eligibility:batch`` / ``batch_detail`` / ``batch_progress``: the night-before
  batch, its progress (an HTMX fragment polled while it runs) and its problems.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.phi import shows_phi
from cleanclaim.benefits import SERVICE_TYPES
from cleanclaim.eligibility import actions, tasks
from cleanclaim.eligibility import batch as batches
from cleanclaim.eligibility.models import EligibilityBatch, EligibilityCheck
from cleanclaim.eligibility.status import coverage_status
from cleanclaim.patients.models import Coverage
from cleanclaim.tenancy.concurrency import StaleEdit
from cleanclaim.tenancy.guards import requires
from cleanclaim.tenancy.scoping import get_scoped_or_404, has_permission, practice_ids, scoped


def _day(text: str | None, default: dt.date) -> dt.date | None:
    if not text:
        return default
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _summary_context(row: EligibilityCheck | None, day: dt.date) -> dict[str, object]:
    summary = row.benefits() if row is not None else None
    wanted = (row.service_types if row else None) or ["30"]
    heads = [summary.headline(t) for t in wanted] if summary else []
    return {
        "check": row,
        "summary": summary,
        "heads": heads,
        "stale": row is not None and timezone.localdate(row.requested_at) < day,
        "visit_day": day,
    }


@require_http_methods(["GET", "POST"])
@requires("eligibility.check")
@shows_phi
def check(request: HttpRequest, pk: int) -> HttpResponse:
    coverage = get_scoped_or_404(
        Coverage.objects.select_related("patient", "payer"),
        request.user,
        "eligibility.check",
        pk=pk,
    )
    today = timezone.localdate()
    actor = Actor.from_request(request)
    error = ""
    if request.method == "POST":
        day = _day(request.POST.get("day"), today)
        types = request.POST.getlist("service_types")
        if day is None:
            error = "The date of service must be a date (YYYY-MM-DD)."
        else:
            try:
                row = actions.check(
                    actor,
                    coverage,
                    types,
                    day=day,
                    appointment=_version(request.POST.get("appointment")),
                )
            except ValueError as exc:
                error = str(exc)
            else:
                return redirect("eligibility:detail", pk=row.pk)
    day = _day(request.GET.get("day"), today) or today
    latest = coverage.eligibility_checks.order_by("-requested_at", "-pk").first()
    if latest is not None:
        actions.view_check(actor, latest)
    else:
        from cleanclaim.patients import actions as patient_actions

        patient_actions.view_patient(actor, coverage.patient)
    context = {
        "coverage": coverage,
        "patient": coverage.patient,
        "status": coverage_status(coverage, day),
        "service_types": SERVICE_TYPES.items(),
        "chosen": request.POST.getlist("service_types") or ["30"],
        "error": error,
        "day": day,
        **_summary_context(latest, day),
    }
    return render(request, "eligibility/check.html", context, status=400 if error else 200)


@require_GET
@requires("eligibility.check")
@shows_phi
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    row = get_scoped_or_404(
        EligibilityCheck.objects.select_related("patient", "coverage__payer"),
        request.user,
        "eligibility.check",
        pk=pk,
    )
    actions.view_check(Actor.from_request(request), row)
    context = {
        "patient": row.patient,
        "coverage": row.coverage,
        "can_change": has_permission(request.user, "patients.change"),
        **_summary_context(row, row.day),
    }
    return render(request, "eligibility/detail.html", context)


def _version(text: str | None) -> int | None:
    """A posted whole number (a version, an appointment id), or None."""
    try:
        return int(text) if text else None
    except ValueError:
        return None


@require_POST
@requires("patients.change")
def apply(request: HttpRequest, pk: int) -> HttpResponse:
    row = get_scoped_or_404(
        EligibilityCheck.objects.select_related("patient", "coverage"),
        request.user,
        "patients.change",
        pk=pk,
    )
    try:
        written = actions.apply_corrections(
            Actor.from_request(request),
            row,
            request.POST.getlist("fields"),
            patient_version=_version(request.POST.get("patient_version")),
            coverage_version=_version(request.POST.get("coverage_version")),
        )
    except StaleEdit as exc:
        messages.error(request, exc.message())
    except ValidationError as exc:  # a value the record refuses (e.g. a name too long)
        messages.error(request, "; ".join(exc.messages))
    else:
        if written:
            messages.success(request, f"Updated from the payer's answer: {', '.join(written)}.")
        else:
            messages.info(request, "Nothing was chosen to update.")
    return redirect("eligibility:detail", pk=row.pk)


@require_http_methods(["GET", "POST"])
@requires("eligibility.check")
def batch(request: HttpRequest) -> HttpResponse:
    """The batches of the user's practices, and the form to check a day's schedule."""
    practices = practice_ids(request.user, "eligibility.check")
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    error = ""
    if request.method == "POST":
        day = _day(request.POST.get("day"), tomorrow)
        try:
            practice_id = int(request.POST.get("practice") or min(practices))
        except ValueError:
            practice_id = 0
        if day is None:
            error = "The day must be a date (YYYY-MM-DD)."
        elif practice_id not in practices:
            error = "Choose one of your practices."
        else:
            from cleanclaim.practices.models import Practice

            practice = Practice.objects.get(pk=practice_id)
            row = batches.start_batch(Actor.from_request(request), practice, day)
            tasks.run_batch.delay(row.pk, request.user.pk)
            return redirect("eligibility:batch_detail", pk=row.pk)
    rows = scoped(EligibilityBatch, request.user, "eligibility.check").select_related("practice")
    return render(
        request,
        "eligibility/batch.html",
        {"batches": rows[:50], "tomorrow": tomorrow, "error": error},
        status=400 if error else 200,
    )


@require_GET
@requires("eligibility.check")
@shows_phi
def batch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    row = get_scoped_or_404(EligibilityBatch, request.user, "eligibility.check", pk=pk)
    found = batches.problems(row) if row.status == EligibilityBatch.Status.DONE else []
    actor = Actor.from_request(request)
    from cleanclaim.audit.record import record_list
    from cleanclaim.patients.models import Patient

    record_list(actor, Patient, [p.check.patient for p in found], query=f"eligibility batch {pk}")
    return render(
        request,
        "eligibility/batch_detail.html",
        {"batch": row, "progress": batches.progress(row), "problems": found},
    )


@require_GET
@requires("eligibility.check")
def batch_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress fragment (counts only); once the batch is done the page reloads
    (``HX-Refresh``) to show the problems."""
    row = get_scoped_or_404(EligibilityBatch, request.user, "eligibility.check", pk=pk)
    response = render(
        request,
        "eligibility/_progress.html",
        {"batch": row, "progress": batches.progress(row)},
    )
    if row.status == EligibilityBatch.Status.DONE and request.htmx:  # type: ignore[attr-defined]
        response["HX-Refresh"] = "true"
    return response
