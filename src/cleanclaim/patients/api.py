"""``/api/patients``: scoped and audited like the pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema, Status

from cleanclaim.api.versioning import (
    ConflictOut,
    ErrorOut,
    expected_version,
    patch_body,
    read_patch,
)
from cleanclaim.audit.actor import Actor
from cleanclaim.audit.phi import shows_phi
from cleanclaim.patients import actions
from cleanclaim.patients.models import Coverage, Patient
from cleanclaim.patients.views import PAGE_SIZE, patient_search
from cleanclaim.tenancy.guards import api_requires
from cleanclaim.tenancy.scoping import get_scoped_or_404

router = Router(tags=["patients"])


class PatientOut(Schema):
    id: int
    practice_id: int
    account_number: str
    last_name: str
    first_name: str
    middle_name: str
    date_of_birth: dt.date
    sex: str
    version: int


class CoverageOut(Schema):
    id: int
    version: int
    payer_id: int
    payer: str
    priority: int
    member_id: str
    group_number: str
    relationship: str
    subscriber_last_name: str
    subscriber_first_name: str
    subscriber_date_of_birth: dt.date | None
    effective_date: dt.date
    termination_date: dt.date | None

    @staticmethod
    def resolve_payer(obj: Coverage) -> str:
        return obj.payer.name


class PatientDetailOut(PatientOut):
    address_line1: str
    address_line2: str
    city: str
    state: str
    zip_code: str
    phone: str
    coverages: list[CoverageOut]

    @staticmethod
    def resolve_coverages(obj: Patient) -> list[Coverage]:
        return list(obj.coverages.select_related("payer").order_by("priority", "-effective_date"))


MAX_LIMIT = 200


@router.get("", response=list[PatientOut], url_name="patient_list")
@api_requires("patients.view")
@shows_phi
def patient_list(
    request: HttpRequest,
    response: HttpResponse,
    q: str = "",
    offset: int = Query(0, ge=0),
    limit: int = Query(PAGE_SIZE, ge=1, le=MAX_LIMIT),
) -> list[Patient]:
    """The matches of ``q``, ``limit`` from ``offset`` (paged: nothing is dropped
    silently). ``X-Total-Count`` gives every match; ``Link: <…>; rel="next"`` the next
    page while there is one."""
    found = patient_search(request.auth, q)  # type: ignore[attr-defined]
    total = found.count()
    patients = list(found[offset : offset + limit])
    actions.view_patients(Actor.from_request(request, via="api"), patients, query=q)
    response["X-Total-Count"] = str(total)
    if offset + limit < total:
        nxt = request.GET.copy()
        nxt["offset"] = str(offset + limit)
        nxt["limit"] = str(limit)
        response["Link"] = f'<{request.path}?{nxt.urlencode()}>; rel="next"'
    return patients


@router.get("/{pk}", response=PatientDetailOut, url_name="patient_detail")
@api_requires("patients.view")
@shows_phi
def patient_detail(request: HttpRequest, pk: int) -> Patient:
    patient = get_scoped_or_404(Patient, request.auth, "patients.view", pk=pk)  # type: ignore[attr-defined]
    return actions.view_patient(Actor.from_request(request, via="api"), patient)


class PatientPatch(Schema):
    """The fields to change, and the version they were read at (or send If-Match)."""

    version: int | None = Field(None, ge=1)
    account_number: str | None = None
    last_name: str | None = None
    first_name: str | None = None
    middle_name: str | None = None
    date_of_birth: dt.date | None = None
    sex: str | None = None
    address_line1: str | None = None
    address_line2: str | None = None
    city: str | None = None
    state: str | None = None
    zip_code: str | None = None
    phone: str | None = None


@router.patch(
    "/{pk}",
    response={200: PatientDetailOut, 409: ConflictOut, 422: ErrorOut},
    url_name="patient_detail",
    openapi_extra=patch_body(PatientPatch),
)
@api_requires("patients.change")
def patient_update(request: HttpRequest, pk: int) -> Any:
    """Change a patient. 409 with the changed fields when someone saved since
    ``version``; 428 without a version; 422 when a value is not valid."""
    patient = get_scoped_or_404(Patient, request.auth, "patients.change", pk=pk)  # type: ignore[attr-defined]
    fields = read_patch(request, PatientPatch)
    version = expected_version(request, fields.pop("version", None))
    actor = Actor.from_request(request, via="api")
    try:
        saved = actions.update_patient(actor, patient, expected_version=version, **fields)
    except actions.StaleEdit as exc:
        actions.view_patient(actor, patient)  # the answer shows current values
        return Status(409, exc.as_json())
    except ValidationError as exc:
        return Status(422, {"detail": "; ".join(exc.messages), "errors": exc.message_dict})
    if saved.version == version:  # nothing changed, so no update entry: record the read
        actions.view_patient(actor, saved)
    return Status(200, saved)
