"""``/api/patients/{id}/authorizations`` and ``/api/authorizations``: scoped and audited
like the pages (read ``patients.view``, write ``patients.change``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Router, Schema, Status

from cleanclaim.api.versioning import ConflictOut, ErrorOut, patch_body, read_patch
from cleanclaim.audit.actor import Actor
from cleanclaim.audit.phi import shows_phi
from cleanclaim.authorizations import actions
from cleanclaim.authorizations.models import Authorization
from cleanclaim.patients.models import Coverage, Patient
from cleanclaim.tenancy.concurrency import StaleEdit
from cleanclaim.tenancy.guards import api_requires
from cleanclaim.tenancy.scoping import get_scoped_or_404

router = Router(tags=["authorizations"])


class AuthorizationIn(Schema):
    coverage_id: int
    services: str  # codes and ranges: "97110-97140 97530"
    start_date: dt.date
    end_date: dt.date
    number: str = ""
    units_authorized: Decimal | None = None
    counts_visits: bool = False
    modifiers: list[str] = []
    referring_npi: str = ""
    referring_name: str = ""
    status: str = "approved"
    source: str = "phone"
    notes: str = ""


class StatusIn(Schema):
    status: str
    number: str = ""
    version: int | None = None
    notes: str = ""


class AuthorizationOut(Schema):
    id: int
    version: int
    patient_id: int
    coverage_id: int
    number: str
    services: str
    modifiers: list[str]
    units_authorized: Decimal | None
    units_used: Decimal
    units_left: Decimal | None
    counts_visits: bool
    start_date: dt.date
    end_date: dt.date
    referring_npi: str
    referring_name: str
    status: str
    source: str
    notes: str
    attachments: list[str]

    @staticmethod
    def resolve_attachments(obj: Authorization) -> list[str]:
        return [a.name for a in obj.attachments.all()]


def _errors(exc: ValidationError) -> Status:
    errors = exc.message_dict
    return Status(
        422,
        {"detail": "; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()), "errors": errors},
    )


@router.get(
    "/patients/{pk}/authorizations",
    response=list[AuthorizationOut],
    url_name="patient_authorizations",
)
@api_requires("patients.view")
@shows_phi
def patient_authorizations(request: HttpRequest, pk: int) -> list[Authorization]:
    """The patient's authorizations, with units used (from the claims) and left."""
    patient = get_scoped_or_404(Patient, request.auth, "patients.view", pk=pk)  # type: ignore[attr-defined]
    return actions.view_authorizations(Actor.from_request(request, via="api"), patient)


@router.post(
    "/authorizations",
    response={201: AuthorizationOut, 422: ErrorOut},
    url_name="authorization_list",
    openapi_extra=patch_body(AuthorizationIn),
)
@api_requires("patients.change")
@shows_phi
def authorization_create(request: HttpRequest) -> Any:
    """Record an authorization (from a portal, a phone call or a letter)."""
    data = read_patch(request, AuthorizationIn, nullable=frozenset({"units_authorized"}))
    missing = [f for f in ("coverage_id", "services", "start_date", "end_date") if f not in data]
    if missing:
        return Status(
            422,
            {
                "detail": "required: " + ", ".join(missing),
                "errors": {m: ["required"] for m in missing},
            },
        )
    coverage = get_scoped_or_404(
        Coverage.objects.select_related("patient"),
        request.auth,
        "patients.change",
        pk=data.pop("coverage_id"),
    )  # type: ignore[attr-defined]
    try:
        row = actions.record_authorization(Actor.from_request(request, via="api"), coverage, **data)
    except ValidationError as exc:
        return _errors(exc)
    return Status(201, row)


@router.post(
    "/authorizations/{pk}/status",
    response={200: AuthorizationOut, 409: ConflictOut, 422: ErrorOut},
    url_name="authorization_status",
    openapi_extra=patch_body(StatusIn),
)
@api_requires("patients.change")
@shows_phi
def authorization_status(request: HttpRequest, pk: int) -> Any:
    """Change the status (approved with the payer's number, denied, expired)."""
    auth = get_scoped_or_404(
        Authorization.objects.select_related("patient"), request.auth, "patients.change", pk=pk
    )  # type: ignore[attr-defined]
    data = read_patch(request, StatusIn, nullable=frozenset({"version"}))
    try:
        return actions.set_status(
            Actor.from_request(request, via="api"),
            auth,
            data.get("status", ""),
            number=data.get("number", ""),
            notes=data.get("notes", ""),
            expected_version=data.get("version"),
        )
    except ValidationError as exc:
        return _errors(exc)
    except StaleEdit as exc:
        return Status(409, exc.as_json())


@router.post(
    "/authorizations/{pk}/attachments",
    response={201: AuthorizationOut, 422: ErrorOut},
    url_name="authorization_attach",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": {"file": {"type": "string", "format": "binary"}},
                        "required": ["file"],
                    }
                }
            },
        }
    },
)
@api_requires("patients.change")
@shows_phi
def authorization_attach(request: HttpRequest, pk: int) -> Any:
    """Keep a file (the payer's letter, a fax) with the authorization (at most 10 MB)."""
    auth = get_scoped_or_404(
        Authorization.objects.select_related("patient"), request.auth, "patients.change", pk=pk
    )  # type: ignore[attr-defined]
    upload = request.FILES.get("file")
    if upload is None:
        return Status(
            422,
            {"detail": "send the file as multipart field 'file'", "errors": {"file": ["required"]}},
        )
    try:
        actions.attach(Actor.from_request(request, via="api"), auth, upload)
    except ValidationError as exc:
        return _errors(exc)
    return Status(201, auth)
