"""``/api/eligibility`` and ``/api/patients/{id}/eligibility``: scoped and audited like
the pages. Starting a check runs it (the answer is in the response: status and summary)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema, Status

from cleanclaim.api.versioning import ErrorOut, patch_body, read_patch
from cleanclaim.audit.actor import Actor
from cleanclaim.audit.phi import shows_phi
from cleanclaim.eligibility import actions
from cleanclaim.eligibility.models import EligibilityCheck
from cleanclaim.patients.models import Coverage, Patient
from cleanclaim.tenancy.guards import api_requires
from cleanclaim.tenancy.scoping import get_scoped_or_404, scoped

router = Router(tags=["eligibility"])


class CheckIn(Schema):
    coverage_id: int
    service_types: list[str] = ["30"]
    day: dt.date | None = None  # the date of service asked about; today when absent
    appointment_id: int | None = None


class CheckOut(Schema):
    id: int
    patient_id: int
    coverage_id: int
    appointment_id: int | None
    day: dt.date
    service_types: list[str]
    status: str
    result: str
    requested_at: dt.datetime
    error: str
    summary: dict[str, Any] | None


@router.post(
    "/eligibility",
    response={201: CheckOut, 422: ErrorOut},
    url_name="eligibility_list",
    openapi_extra=patch_body(CheckIn),
)
@api_requires("eligibility.check")
@shows_phi
def eligibility_start(request: HttpRequest) -> Any:
    """Run a check for a coverage (270 sent, 271 read); the check is kept whatever the
    answer: ``status`` answered, rejected or failed (``error`` says why)."""
    user = request.auth  # type: ignore[attr-defined]
    data = read_patch(request, CheckIn)
    if "coverage_id" not in data:
        return Status(
            422, {"detail": "coverage_id is required", "errors": {"coverage_id": ["required"]}}
        )
    coverage = get_scoped_or_404(Coverage, user, "eligibility.check", pk=data["coverage_id"])
    try:
        row = actions.check(
            Actor.from_request(request, via="api"),
            coverage,
            data.get("service_types") or (),
            day=data.get("day") or timezone.localdate(),
            appointment=data.get("appointment_id"),
        )
    except ValueError as exc:
        return Status(422, {"detail": str(exc), "errors": {"service_types": [str(exc)]}})
    return Status(201, row)


@router.get("/eligibility/{pk}", response=CheckOut, url_name="eligibility_detail")
@api_requires("eligibility.check")
@shows_phi
def eligibility_detail(request: HttpRequest, pk: int) -> EligibilityCheck:
    row = get_scoped_or_404(
        EligibilityCheck.objects.select_related("patient"),
        request.auth,  # type: ignore[attr-defined]
        "eligibility.check",
        pk=pk,
    )
    return actions.view_check(Actor.from_request(request, via="api"), row)


@router.get("/patients/{pk}/eligibility", response=list[CheckOut], url_name="patient_eligibility")
@api_requires("eligibility.check")
@shows_phi
def patient_eligibility(request: HttpRequest, pk: int) -> list[EligibilityCheck]:
    """The patient's checks, newest first (at most 100)."""
    user = request.auth  # type: ignore[attr-defined]
    patient = get_scoped_or_404(Patient, user, "eligibility.check", pk=pk)
    rows = list(
        scoped(EligibilityCheck, user, "eligibility.check")
        .filter(patient=patient)
        .select_related("patient")
        .order_by("-requested_at", "-pk")[:100]
    )
    actor = Actor.from_request(request, via="api")
    from cleanclaim.patients import actions as patient_actions

    patient_actions.view_patient(actor, patient)
    return rows
