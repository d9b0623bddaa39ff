"""Authorization pages: thin — scope, call the action (which audits), render.

* ``authorizations:patient`` (``/authorizations/patient/<pk>/``): the patient's
  authorizations with units used and left, the warnings, and the form to record one
  from a portal, phone call or letter (POST, ``patients.change``);
* ``authorizations:status`` POST: approved, denied, expired (optimistic locking);
* ``authorizations:attachment`` GET: a kept file, every read audited.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.phi import shows_phi
from cleanclaim.audit.record import record
from cleanclaim.authorizations import actions
from cleanclaim.authorizations.models import Attachment, Authorization
from cleanclaim.authorizations.warnings import warnings_for
from cleanclaim.authorizations.x278 import NotSent, request_through_connection
from cleanclaim.money import read_amount
from cleanclaim.patients.models import Patient
from cleanclaim.tenancy.concurrency import StaleEdit
from cleanclaim.tenancy.guards import requires
from cleanclaim.tenancy.scoping import get_scoped_or_404, practice_ids


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _record_from_post(request: HttpRequest, patient: Patient) -> dict[str, list[str]]:
    post = request.POST
    errors: dict[str, list[str]] = {}
    coverage = patient.coverages.filter(pk=post.get("coverage") or 0).first()
    if coverage is None:
        errors["coverage"] = ["choose one of the patient's coverages"]
    start, end = _date(post.get("start_date", "")), _date(post.get("end_date", ""))
    if start is None:
        errors["start_date"] = ["a date (YYYY-MM-DD)"]
    if end is None:
        errors["end_date"] = ["a date (YYYY-MM-DD)"]
    units: Decimal | None = None
    if post.get("units_authorized", "").strip():
        units = read_amount(post["units_authorized"].strip())
        if units is None:
            errors["units_authorized"] = ["a number of units or visits"]
    if errors:
        return errors
    assert coverage is not None and start is not None and end is not None
    try:
        actions.record_authorization(
            Actor.from_request(request),
            coverage,
            services=post.get("services", ""),
            start_date=start,
            end_date=end,
            number=post.get("number", ""),
            units_authorized=units,
            counts_visits=post.get("counts_visits") == "on",
            modifiers=post.get("modifiers", "").replace(",", " ").split(),
            referring_npi=post.get("referring_npi", ""),
            referring_name=post.get("referring_name", ""),
            status=post.get("status") or Authorization.Status.APPROVED,
            source=post.get("source") or Authorization.Source.PHONE,
            notes=post.get("notes", ""),
        )
    except ValidationError as exc:
        return exc.message_dict
    return {}


@require_http_methods(["GET", "POST"])
@requires("patients.view")
@shows_phi
def patient(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_scoped_or_404(Patient, request.user, "patients.view", pk=pk)
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        if found.practice_id not in practice_ids(request.user, "patients.change"):
            raise Http404("no such patient")
        errors = _record_from_post(request, found)
        if not errors:
            return redirect("authorizations:patient", pk=found.pk)
    rows = actions.view_authorizations(Actor.from_request(request), found)
    today = timezone.localdate()
    return render(
        request,
        "authorizations/patient.html",
        {
            "patient": found,
            "rows": rows,
            "warnings": warnings_for(found, today),
            "coverages": found.coverages.select_related("payer"),
            "errors": errors,
            "form": request.POST if errors else {},
            "statuses": Authorization.Status.choices,
            "sources": Authorization.Source.choices,
            "can_change": found.practice_id in practice_ids(request.user, "patients.change"),
        },
        status=422 if errors else 200,
    )


@require_POST
@requires("patients.change")
@shows_phi
def status(request: HttpRequest, pk: int) -> HttpResponse:
    auth = get_scoped_or_404(
        Authorization.objects.select_related("patient"), request.user, "patients.change", pk=pk
    )
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = None
    # refused (bad status, or saved by someone since): the page shows it as it is now
    with contextlib.suppress(ValidationError, StaleEdit):
        actions.set_status(
            Actor.from_request(request),
            auth,
            request.POST.get("status", ""),
            number=request.POST.get("number", ""),
            expected_version=version,
        )
    return redirect("authorizations:patient", pk=auth.patient_id)


@require_GET
@requires("patients.view")
@shows_phi
def attachment(request: HttpRequest, pk: int) -> HttpResponse:
    row = get_scoped_or_404(
        Attachment.objects.select_related("authorization__patient"),
        request.user,
        "patients.view",
        pk=pk,
    )
    record(
        Actor.from_request(request),
        AuditEntry.Action.READ,
        row.authorization,
        context={"attachment": row.name},
    )
    with row.file.open("rb") as fh:  # at most 10 MB (actions.MAX_ATTACHMENT)
        body = fh.read()
    response = HttpResponse(body, content_type="application/octet-stream")
    response["Content-Disposition"] = "attachment"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@requires("patients.change")
@shows_phi
def request_278(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask the payer for an authorization through the practice's connection (278)."""
    found = get_scoped_or_404(Patient, request.user, "patients.change", pk=pk)
    coverage = found.coverages.filter(pk=request.POST.get("coverage") or 0).first()
    codes = request.POST.get("codes", "").replace(",", " ").upper().split()
    start, end = _date(request.POST.get("start_date", "")), _date(request.POST.get("end_date", ""))
    problem = ""
    if coverage is None:
        problem = "coverage: choose one of the patient's policies"
    elif not codes:
        problem = "codes: name at least one procedure code"
    elif start is None or end is None or end < start:
        problem = "dates: give a from and a to date, to not before from"
    if not problem:
        assert coverage is not None and start is not None and end is not None
        units = None
        with contextlib.suppress(ValueError, ArithmeticError):
            units = read_amount(request.POST.get("units", "")) or None
        try:
            auth = request_through_connection(
                Actor.from_request(request), coverage, codes, start, end, units=units
            )
        except NotSent as exc:
            problem = exc.message
        except ValidationError as exc:
            problem = "; ".join(exc.messages)
        else:
            messages.success(
                request,
                f"278 answer: {auth.get_status_display()}"
                + (f", number {auth.number}" if auth.number else ""),
            )
            return redirect("authorizations:patient", pk=found.pk)
    messages.error(request, f"The 278 was not sent: {problem}")
    return redirect("authorizations:patient", pk=found.pk)
