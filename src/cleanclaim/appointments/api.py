"""``/api/appointments``: the schedule, booking, status moves and check-in — scoped
and audited like the pages."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from cleanclaim.api.versioning import (
    ConflictOut,
    ErrorOut,
    expected_version,
    patch_body,
    read_patch,
)
from cleanclaim.appointments import actions
from cleanclaim.appointments.models import Appointment
from cleanclaim.appointments.models import Status as AppointmentStatus
from cleanclaim.appointments.views import PAGE_SIZE, day_schedule
from cleanclaim.audit.actor import Actor
from cleanclaim.audit.phi import shows_phi
from cleanclaim.eligibility.status import coverage_status
from cleanclaim.money import MoneyError, parse_optional_money
from cleanclaim.patients.models import Coverage, Patient
from cleanclaim.practices.models import RenderingProvider, ServiceLocation
from cleanclaim.tenancy.guards import api_requires
from cleanclaim.tenancy.scoping import get_scoped_or_404, scoped

router = Router(tags=["appointments"])

MAX_LIMIT = 200


class AppointmentOut(Schema):
    id: int
    version: int
    practice_id: int
    patient_id: int
    patient: str
    provider_id: int
    location_id: int | None
    start: dt.datetime
    duration: int
    reason: str
    status: str
    coverage_id: int | None
    encounter_id: int | None
    external_id: str
    coverage_status: str

    @staticmethod
    def resolve_patient(obj: Appointment) -> str:
        return f"{obj.patient.last_name}, {obj.patient.first_name}"

    @staticmethod
    def resolve_coverage_status(obj: Appointment) -> str:
        return coverage_status(obj.coverage, obj.day)


class AppointmentIn(Schema):
    patient_id: int
    provider_id: int
    location_id: int | None = None
    start: dt.datetime
    duration: int = Field(15, ge=5, le=480)
    reason: str = ""
    coverage_id: int | None = None
    external_id: str = ""


class StatusIn(Schema):
    version: int | None = Field(None, ge=1)
    status: AppointmentStatus | None = None


class CheckInIn(Schema):
    """``copay`` as a decimal string (``"25.00"``); omitted or ``""``: nothing collected."""

    copay: str | None = None
    method: str = "cash"
    coverage_id: int | None = None


class CheckInOut(Schema):
    appointment: AppointmentOut
    copay_recorded: Decimal | None
    encounter_id: int


def _invalid(exc: ValidationError) -> Status[Any]:
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return Status(422, {"detail": "; ".join(exc.messages), "errors": errors})


@router.get("", response=list[AppointmentOut], url_name="appointment_list")
@api_requires("patients.view")
@shows_phi
def appointment_list(
    request: HttpRequest,
    response: HttpResponse,
    day: dt.date | None = None,
    provider_id: int | None = None,
    offset: int = Query(0, ge=0),
    limit: int = Query(PAGE_SIZE, ge=1, le=MAX_LIMIT),
) -> list[Appointment]:
    """The appointments of ``day`` (today by default), optionally of one provider;
    paged, ``X-Total-Count`` gives every match."""
    day = day or timezone.localdate()
    qs = day_schedule(request.auth, day)  # type: ignore[attr-defined]
    if provider_id is not None:
        qs = qs.filter(provider_id=provider_id)
    total = qs.count()
    shown = list(qs[offset : offset + limit])
    actions.view_appointments(
        Actor.from_request(request, via="api"), shown, query=f"schedule {day:%Y-%m-%d}"
    )
    response["X-Total-Count"] = str(total)
    return shown


@router.post(
    "",
    response={201: AppointmentOut, 422: ErrorOut},
    url_name="appointment_list",
    openapi_extra=patch_body(AppointmentIn),
)
@api_requires("checkin.work")
@shows_phi
def appointment_create(request: HttpRequest) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    data = read_patch(request, AppointmentIn)
    for name in ("patient_id", "provider_id", "start"):
        if name not in data:
            return Status(422, {"detail": f"{name}: required"})
    patient = scoped(Patient, user, "checkin.work").filter(pk=data.pop("patient_id")).first()
    if patient is None:
        return Status(422, {"detail": "patient_id: no such patient"})
    practice = patient.practice
    fields: dict[str, Any] = {
        "patient": patient,
        "start": data.pop("start"),
        "duration": data.pop("duration", 15),
        "reason": data.pop("reason", ""),
        "external_id": data.pop("external_id", ""),
    }
    provider = RenderingProvider.objects.filter(practice=practice, pk=data["provider_id"]).first()
    if provider is None:
        return Status(422, {"detail": "provider_id: no such provider at the patient's practice"})
    fields["provider"] = provider
    if data.get("location_id") is not None:
        fields["location"] = ServiceLocation.objects.filter(
            practice=practice, pk=data["location_id"]
        ).first()
        if fields["location"] is None:
            return Status(422, {"detail": "location_id: no such location at the practice"})
    if data.get("coverage_id") is not None:
        fields["coverage"] = Coverage.objects.filter(
            patient=patient, pk=data["coverage_id"]
        ).first()
        if fields["coverage"] is None:
            return Status(422, {"detail": "coverage_id: not a coverage of the patient"})
    try:
        appointment = actions.schedule(Actor.from_request(request, via="api"), practice, **fields)
    except ValidationError as exc:
        return _invalid(exc)
    return Status(201, appointment)


@router.patch(
    "/{pk}",
    response={200: AppointmentOut, 409: ConflictOut, 422: ErrorOut},
    url_name="appointment_detail",
    openapi_extra=patch_body(StatusIn),
)
@api_requires("checkin.work")
@shows_phi
def appointment_status(request: HttpRequest, pk: int) -> Any:
    """Move the appointment to ``status`` (arrived, no_show, cancelled, …); 409 when
    someone saved since ``version``, 428 without a version."""
    appointment = get_scoped_or_404(Appointment, request.auth, "checkin.work", pk=pk)  # type: ignore[attr-defined]
    data = read_patch(request, StatusIn)
    version = expected_version(request, data.pop("version", None))
    if "status" not in data:
        return Status(422, {"detail": "status: required"})
    try:
        saved = actions.set_status(
            Actor.from_request(request, via="api"),
            appointment,
            str(data["status"]),
            expected_version=version,
        )
    except actions.StaleEdit as exc:
        return Status(409, exc.as_json())
    except ValidationError as exc:
        return _invalid(exc)
    return Status(200, saved)


@router.post(
    "/{pk}/check-in",
    response={200: CheckInOut, 422: ErrorOut},
    url_name="appointment_check_in",
    openapi_extra=patch_body(CheckInIn),
)
@api_requires("checkin.work")
@shows_phi
def appointment_check_in(request: HttpRequest, pk: int) -> Any:
    """Collect the copay (idempotent: a repeat records nothing), start the visit for the
    coder, mark the appointment checked in."""
    appointment = get_scoped_or_404(Appointment, request.auth, "checkin.work", pk=pk)  # type: ignore[attr-defined]
    data = read_patch(request, CheckInIn)
    try:
        copay = parse_optional_money(data.get("copay"), what="copay")
    except MoneyError as exc:
        return Status(422, {"detail": str(exc), "errors": {"copay": [str(exc)]}})
    coverage = None
    if data.get("coverage_id") is not None:
        coverage = Coverage.objects.filter(
            patient=appointment.patient, pk=data["coverage_id"]
        ).first()
        if coverage is None:
            return Status(422, {"detail": "coverage_id: not a coverage of the patient"})
    try:
        done = actions.check_in(
            Actor.from_request(request, via="api"),
            appointment,
            copay=copay,
            method=data.get("method", "cash"),
            coverage=coverage,
        )
    except ValidationError as exc:
        return _invalid(exc)
    return Status(
        200,
        {
            "appointment": done.appointment,
            "copay_recorded": -done.payment.amount if done.payment is not None else None,
            "encounter_id": done.encounter.pk,
        },
    )
