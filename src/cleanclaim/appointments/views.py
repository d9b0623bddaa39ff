"""Front-desk pages: Today's patients, a new appointment, the CSV import, check-in.
Thin: scope, call the action (which audits), render."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from cleanclaim.appointments import actions, importing
from cleanclaim.appointments.forms import (
    AppointmentForm,
    CheckInForm,
    DemographicsForm,
    ImportForm,
    ScheduleFilter,
)
from cleanclaim.appointments.models import Appointment, Status
from cleanclaim.audit.actor import Actor
from cleanclaim.audit.phi import shows_phi
from cleanclaim.eligibility.status import coverage_status
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.patients.actions import StaleEdit, update_patient, view_patient
from cleanclaim.practices.models import Practice
from cleanclaim.tenancy.concurrency import show_stale
from cleanclaim.tenancy.guards import requires
from cleanclaim.tenancy.scoping import get_scoped_or_404, has_permission, scoped

PAGE_SIZE = 50


def day_schedule(
    user: Any, day: dt.date, permission: str = "patients.view"
) -> QuerySet[Appointment]:
    """The appointments of ``day`` (local time) at the practices ``user`` may see."""
    start = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
    return (
        scoped(Appointment, user, permission)
        .filter(start__gte=start, start__lt=start + dt.timedelta(days=1))
        .select_related("patient", "provider", "location", "coverage__payer", "practice")
        .order_by("start", "pk")
    )


def with_status(appointments: QuerySet[Appointment], day: dt.date) -> list[tuple[Appointment, str]]:
    return [(a, coverage_status(a.coverage, day)) for a in appointments]


@require_http_methods(["GET"])
@requires("patients.view")
@shows_phi
def today(request: HttpRequest) -> HttpResponse:
    """The day's schedule (``?day=``, today by default), 50 a page with the count,
    filtered by provider, status and coverage status."""
    form = ScheduleFilter(request.GET or None, user=request.user)
    filters = form.cleaned_data if form.is_valid() else {}
    day = filters.get("day") or timezone.localdate()
    qs = day_schedule(request.user, day)
    if filters.get("provider"):
        qs = qs.filter(provider=filters["provider"])
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    rows = with_status(qs, day)
    if filters.get("coverage"):
        rows = [r for r in rows if r[1] == filters["coverage"]]
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    shown = list(page.object_list)
    actions.view_appointments(
        Actor.from_request(request), [a for a, _ in shown], query=f"schedule {day:%Y-%m-%d}"
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "appointments/today.html",
        {
            "form": form,
            "day": day,
            "rows": shown,
            "page": page,
            "query": query.urlencode(),
            "can_check_in": has_permission(request.user, "checkin.work"),
        },
    )


@require_http_methods(["GET", "POST"])
@requires("checkin.work")
def appointment_new(request: HttpRequest) -> HttpResponse:
    practices = scoped(Practice, request.user, "checkin.work")
    practice = practices.filter(pk=request.GET.get("practice") or 0).first() or practices.first()
    if practice is None:
        return render(request, "web/no_role.html", status=403)
    form = AppointmentForm(request.POST or None, user=request.user, practice=practice)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("day"), data.pop("time")
        try:
            appointment = actions.schedule(
                Actor.from_request(request), practice, start=form.start(), **data
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            return redirect(f"{reverse('appointments:today')}?day={appointment.day:%Y-%m-%d}")
    return render(
        request,
        "appointments/form.html",
        {"form": form, "title": f"New appointment at {practice.name}"},
    )


@require_http_methods(["GET", "POST"])
@requires("checkin.work")
def appointment_import(request: HttpRequest) -> HttpResponse:
    """Upload a CSV of appointments; a dry run (or any bad row) writes nothing."""
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    result = None
    if request.method == "POST" and form.is_valid():
        raw = form.cleaned_data["file"].read()
        result = importing.import_text(
            Actor.from_request(request),
            form.cleaned_data["practice"],
            importing.decode(raw),
            dry_run=form.cleaned_data["dry_run"],
        )
    return render(
        request,
        "appointments/import.html",
        {
            "form": form,
            "result": result,
            "dry_run": form.cleaned_data.get("dry_run") if result else None,
        },
    )


def eligibility_url(coverage: Any) -> str:
    """The eligibility panel's page for the coverage, once that capability exists."""
    if coverage is None:
        return ""
    try:
        return reverse("eligibility:check", kwargs={"pk": coverage.pk})
    except NoReverseMatch:
        return ""


@require_http_methods(["GET", "POST"])
@requires("checkin.work")
@shows_phi
def check_in(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm demographics and coverage, check eligibility, collect the copay, start the
    visit. A second submit records nothing new (the ledger key) and says so."""
    appointment = get_scoped_or_404(
        Appointment.objects.select_related("patient", "provider", "location", "coverage__payer"),
        request.user,
        "checkin.work",
        pk=pk,
    )
    initial = {
        "coverage": appointment.coverage,
        "copay": appointment.coverage.copay if appointment.coverage else None,
    }
    confirming = request.method == "POST" and "demographics-version" in request.POST
    demographics = DemographicsForm(
        request.POST if confirming else None, instance=appointment.patient
    )
    form = CheckInForm(
        request.POST if request.method == "POST" and not confirming else None,
        appointment=appointment,
        initial=initial,
    )
    if confirming and demographics.is_valid():
        data = dict(demographics.cleaned_data)
        version = data.pop("version", None)
        try:
            update_patient(
                Actor.from_request(request), appointment.patient, expected_version=version, **data
            )
        except StaleEdit as exc:  # someone saved first: show what changed
            show_stale(demographics, exc)
        else:
            return redirect("appointments:check_in", pk=appointment.pk)
    if form.is_bound and form.is_valid():
        try:
            actions.check_in(
                Actor.from_request(request),
                appointment,
                copay=form.cleaned_data["copay"],
                method=form.cleaned_data["method"],
                coverage=form.cleaned_data["coverage"],
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            return redirect("appointments:check_in", pk=appointment.pk)
    view_patient(Actor.from_request(request), appointment.patient)
    paid = LedgerEntry.objects.filter(
        practice_id=appointment.practice_id, key=actions.checkin_key(appointment)
    ).first()
    return render(
        request,
        "appointments/check_in.html",
        {
            "appointment": appointment,
            "patient": appointment.patient,
            "coverages": appointment.patient.coverages.select_related("payer").order_by(
                "priority", "-effective_date"
            ),
            "status": coverage_status(appointment.coverage, appointment.day),
            "eligibility_url": eligibility_url(appointment.coverage),
            "form": form,
            "demographics": demographics,
            "paid": paid,
            "paid_amount": -paid.amount if paid else None,
            "checked_in": appointment.status == Status.CHECKED_IN,
        },
    )
