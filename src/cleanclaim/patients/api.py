"""``/api/patients``: scoped and audited like the pages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
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
from cleanclaim.money import MoneyError, parse_optional_money
from cleanclaim.patients import actions
from cleanclaim.patients.models import Coverage, Patient
from cleanclaim.patients.views import PAGE_SIZE, patient_search
from cleanclaim.payers.models import Payer
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
    subscriber_sex: str
    subscriber_address_line1: str
    subscriber_city: str
    subscriber_state: str
    subscriber_zip_code: str
    effective_date: dt.date
    termination_date: dt.date | None
    copay: Decimal | None
    has_card_front: bool
    has_card_back: bool

    @staticmethod
    def resolve_has_card_front(obj: Coverage) -> bool:
        return bool(obj.card_front)

    @staticmethod
    def resolve_has_card_back(obj: Coverage) -> bool:
        return bool(obj.card_back)

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
    guarantor_relationship: str
    guarantor_last_name: str
    guarantor_first_name: str
    guarantor_address_line1: str
    guarantor_city: str
    guarantor_state: str
    guarantor_zip_code: str
    guarantor_phone: str
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
    guarantor_relationship: str | None = None
    guarantor_last_name: str | None = None
    guarantor_first_name: str | None = None
    guarantor_address_line1: str | None = None
    guarantor_city: str | None = None
    guarantor_state: str | None = None
    guarantor_zip_code: str | None = None
    guarantor_phone: str | None = None


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


class PolicyIn(Schema):
    """A policy's fields (837P 2000B/2010BA). ``copay`` a decimal string ("25.00");
    ``version`` (or If-Match) when changing one."""

    version: int | None = Field(None, ge=1)
    payer_id: int | None = None
    priority: int | None = None
    member_id: str | None = None
    group_number: str | None = None
    relationship: str | None = None
    subscriber_last_name: str | None = None
    subscriber_first_name: str | None = None
    subscriber_date_of_birth: dt.date | None = None
    subscriber_sex: str | None = None
    subscriber_address_line1: str | None = None
    subscriber_city: str | None = None
    subscriber_state: str | None = None
    subscriber_zip_code: str | None = None
    effective_date: dt.date | None = None
    termination_date: dt.date | None = None
    copay: str | None = None


def _policy_fields(patient: Patient, data: dict[str, Any]) -> dict[str, Any]:
    """The model's field values from an API body; :class:`ValidationError` naming the
    field for a payer of another organisation or a copay that is not an amount."""
    fields = dict(data)
    if "payer_id" in fields:
        payer = Payer.objects.filter(
            pk=fields.pop("payer_id"), organisation_id=patient.practice.organisation_id
        ).first()
        if payer is None:
            raise ValidationError({"payer_id": "no such payer"})
        fields["payer"] = payer
    if "copay" in fields:
        try:
            fields["copay"] = parse_optional_money(fields["copay"], what="copay")
        except MoneyError as exc:
            raise ValidationError({"copay": str(exc)}) from None
    return fields


def _invalid(exc: ValidationError) -> Status[Any]:
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return Status(422, {"detail": "; ".join(exc.messages), "errors": errors})


@router.get("/{pk}/policies", response=list[CoverageOut], url_name="policy_list")
@api_requires("patients.view")
@shows_phi
def policy_list(request: HttpRequest, pk: int) -> list[Coverage]:
    """The patient's policies in order (primary, secondary, tertiary), newest first."""
    patient = get_scoped_or_404(Patient, request.auth, "patients.view", pk=pk)  # type: ignore[attr-defined]
    actions.view_patient(Actor.from_request(request, via="api"), patient)
    return list(patient.coverages.select_related("payer").order_by("priority", "-effective_date"))


@router.post(
    "/{pk}/policies",
    response={201: CoverageOut, 422: ErrorOut},
    url_name="policy_list",
    openapi_extra=patch_body(PolicyIn),
)
@api_requires("patients.change")
@shows_phi
def policy_create(request: HttpRequest, pk: int) -> Any:
    """Add a policy; 422 naming each bad field (an overlapping policy of the same order
    is named in the ``priority`` error)."""
    patient = get_scoped_or_404(Patient, request.auth, "patients.change", pk=pk)  # type: ignore[attr-defined]
    data = read_patch(request, PolicyIn, nullable=frozenset({"termination_date", "copay"}))
    data.pop("version", None)
    try:
        fields = _policy_fields(patient, data)
        coverage = actions.add_coverage(Actor.from_request(request, via="api"), patient, **fields)
    except ValidationError as exc:
        return _invalid(exc)
    return Status(201, coverage)


@router.patch(
    "/policies/{pk}",
    response={200: CoverageOut, 409: ConflictOut, 422: ErrorOut},
    url_name="policy_detail",
    openapi_extra=patch_body(PolicyIn),
)
@api_requires("patients.change")
@shows_phi
def policy_update(request: HttpRequest, pk: int) -> Any:
    """Change a policy; 409 when someone saved since ``version``, 428 without one."""
    coverage = get_scoped_or_404(
        Coverage.objects.select_related("patient__practice"),
        request.auth,  # type: ignore[attr-defined]
        "patients.change",
        pk=pk,
    )
    data = read_patch(request, PolicyIn, nullable=frozenset({"termination_date", "copay"}))
    version = expected_version(request, data.pop("version", None))
    actor = Actor.from_request(request, via="api")
    try:
        fields = _policy_fields(coverage.patient, data)
        saved = actions.update_coverage(actor, coverage, expected_version=version, **fields)
    except actions.StaleEdit as exc:
        actions.view_patient(actor, coverage.patient)
        return Status(409, exc.as_json())
    except ValidationError as exc:
        return _invalid(exc)
    actions.view_patient(actor, saved.patient)
    return Status(200, saved)
