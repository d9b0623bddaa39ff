"""``/api/encounters`` and ``/api/claims``: scoped, audited, one transaction per request.

Coders create visits (``coding.work``); billers build, read, write out and queue claims
(``claims.work``). A bad body is a 422 naming each field (``lines[0].pointers``);
nothing is written then. Thin: each operation calls :mod:`cleanclaim.claims.actions`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema, Status

from cleanclaim.api.versioning import ErrorOut, patch_body, read_patch
from cleanclaim.audit.actor import Actor
from cleanclaim.audit.phi import shows_phi
from cleanclaim.claims import actions
from cleanclaim.claims.events import STATUSES
from cleanclaim.claims.models import Claim, ClaimEvent, Encounter
from cleanclaim.claims.paper import Cms1500Error, cms1500_pdf
from cleanclaim.claims.x837p import write_837p
from cleanclaim.patients.models import Patient
from cleanclaim.practices.models import RenderingProvider, ServiceLocation
from cleanclaim.tenancy.guards import api_requires
from cleanclaim.tenancy.scoping import get_scoped_or_404, scoped
from cleanclaim.x12 import X12Error

router = Router(tags=["claims"])


class LineIn(Schema):
    procedure: str
    modifiers: list[str] = Field(default_factory=list, max_length=4)
    units: Decimal = Decimal(1)
    charge: Decimal | None = None  # blank: the fee schedule's charge when the claim is built
    pointers: list[str] = Field(min_length=1, max_length=4)
    ndc: str = ""
    ndc_quantity: Decimal | None = None
    ndc_unit: str = ""
    note: str = ""
    service_date: dt.date | None = None


class EncounterIn(Schema):
    """A visit: the patient, the rendering provider (``provider_id`` or ``provider_npi``),
    the date(s) of service, diagnoses in order (A first) and lines."""

    patient_id: int
    provider_id: int | None = None
    provider_npi: str = ""
    date_of_service: dt.date
    last_date_of_service: dt.date | None = None
    location_id: int | None = None
    place_of_service: str = ""
    diagnoses: list[str] = Field(min_length=1, max_length=12)
    lines: list[LineIn] = Field(min_length=1, max_length=50)
    referring_npi: str = ""
    referring_last_name: str = ""
    referring_first_name: str = ""
    prior_authorization: str = ""


class EncounterLineOut(Schema):
    number: int
    procedure: str
    modifiers: list[str]
    units: Decimal
    charge: Decimal | None
    pointers: list[str]
    ndc: str
    note: str


class EncounterOut(Schema):
    id: int
    version: int
    practice_id: int
    patient_id: int
    rendering_provider_id: int
    place_of_service: str
    service_from: dt.date
    service_to: dt.date
    coverage_id: int | None
    diagnoses: list[str]
    prior_authorization: str
    lines: list[EncounterLineOut]

    @staticmethod
    def resolve_lines(obj: Encounter) -> list[Any]:
        return list(obj.lines.all())


class FindingOut(Schema):
    id: str
    severity: str
    category: str
    line: int | None
    message: str
    fix: str
    source: str
    carc: str | None


class ClaimLineOut(Schema):
    number: int
    procedure: str
    modifiers: list[str]
    units: Decimal
    charge: Decimal
    pointers: list[int]
    service_date: dt.date


class ClaimOut(Schema):
    id: int
    version: int
    number: str
    status: str
    status_label: str
    practice_id: int
    encounter_id: int
    patient_id: int
    payer_id: int
    responsibility: str
    frequency: str
    payer_claim_control_number: str
    replaces_id: int | None
    place_of_service: str
    service_from: dt.date
    service_to: dt.date
    diagnoses: list[str]
    total_charge: Decimal
    filing_due: dt.date | None
    lines: list[ClaimLineOut]
    #: the findings of the last scrub
    findings: list[FindingOut]

    @staticmethod
    def resolve_status_label(obj: Claim) -> str:
        return STATUSES.get(obj.status, obj.status)

    @staticmethod
    def resolve_lines(obj: Claim) -> list[Any]:
        return list(obj.lines.all())

    @staticmethod
    def resolve_findings(obj: Claim) -> list[dict[str, Any]]:
        last = obj.events.filter(kind="scrubbed").order_by("-at", "-id").first()
        return list(last.data.get("findings", [])) if last else []


class EventOut(Schema):
    id: int
    kind: str
    at: dt.datetime
    by: str = Field(alias="user_label")
    data: dict[str, Any]


class QueueIn(Schema):
    #: the ids of the warnings the biller has read and accepts
    acknowledge: list[str] = Field(default_factory=list)


class VoidIn(Schema):
    #: why the claim is voided (kept in the original's ``voided`` event)
    reason: str = ""
    #: REF*F8: the payer's claim control number, when the claim on file has none
    payer_claim_control_number: str = ""


class VoidOut(Schema):
    voided: ClaimOut
    void: ClaimOut


class RefusedOut(Schema):
    detail: str
    code: str
    errors: list[str]
    unacknowledged: list[str]
    findings: list[FindingOut]


def _actor(request: HttpRequest) -> Actor:
    return Actor.from_request(request, via="api")


def _invalid(exc: actions.Invalid) -> Status:
    errors = exc.message_dict
    detail = "; ".join(f"{k}: {', '.join(v)}" for k, v in errors.items())
    return Status(422, {"detail": detail, "errors": errors})


def _provider(user: Any, data: dict[str, Any], patient: Patient) -> RenderingProvider | Status:
    pid, npi = data.pop("provider_id", None), data.pop("provider_npi", "").strip()
    qs = scoped(RenderingProvider, user, "coding.work").filter(practice=patient.practice)
    found = qs.filter(pk=pid).first() if pid else qs.filter(npi=npi).first() if npi else None
    if found is None:
        field = "provider_id" if pid else "provider_npi"
        why = "give provider_id or provider_npi" if not (pid or npi) else "no such provider"
        return Status(422, {"detail": f"{field}: {why} at the patient's practice"})
    return found


@router.post(
    "/encounters",
    response={201: EncounterOut, 422: ErrorOut},
    url_name="encounter_list",
    openapi_extra=patch_body(EncounterIn),
)
@api_requires("coding.work")
@shows_phi
def encounter_create(request: HttpRequest) -> Any:
    """Create a visit; 422 naming each bad field (codes are checked as of the date of
    service), nothing written."""
    user = request.auth  # type: ignore[attr-defined]
    data = read_patch(request, EncounterIn)
    patient = scoped(Patient, user, "coding.work").filter(pk=data.pop("patient_id")).first()
    if patient is None:
        return Status(422, {"detail": "patient_id: no such patient"})
    provider = _provider(user, data, patient)
    if isinstance(provider, Status):
        return provider
    location = None
    if (location_id := data.pop("location_id", None)) is not None:
        location = ServiceLocation.objects.filter(practice=patient.practice, pk=location_id).first()
        if location is None:
            return Status(422, {"detail": "location_id: no such location at the practice"})
    try:
        with transaction.atomic():
            encounter = actions.create_encounter(
                _actor(request),
                patient,
                rendering_provider=provider,
                service_from=data.pop("date_of_service"),
                service_to=data.pop("last_date_of_service", None),
                location=location,
                **data,
            )
    except actions.Invalid as exc:
        return _invalid(exc)
    return Status(201, encounter)


@router.post(
    "/encounters/{pk}/claim",
    response={201: ClaimOut, 404: ErrorOut, 422: ErrorOut},
    url_name="encounter_claim",
)
@api_requires("claims.work")
@shows_phi
def encounter_claim(request: HttpRequest, pk: int) -> Any:
    """Build the claim for the visit's primary payer and scrub it: the claim with its
    findings (an error does not stop the build; it stops queueing)."""
    encounter = get_scoped_or_404(Encounter, request.auth, "claims.work", pk=pk)  # type: ignore[attr-defined]
    try:
        with transaction.atomic():
            claim, _result = actions.build_claim(_actor(request), encounter)
    except actions.Invalid as exc:
        return _invalid(exc)
    return Status(201, claim)


def _claim(request: HttpRequest, pk: int) -> Claim:
    return get_scoped_or_404(  # type: ignore[no-any-return]
        Claim.objects.select_related("practice", "patient", "payer", "coverage"),
        request.auth,  # type: ignore[attr-defined]
        "claims.work",
        pk=pk,
    )


@router.get("/claims/{pk}", response=ClaimOut, url_name="claim_detail")
@api_requires("claims.work")
@shows_phi
def claim_detail(request: HttpRequest, pk: int) -> Claim:
    return actions.view_claim(_actor(request), _claim(request, pk))


@router.get("/claims/{pk}/events", response=list[EventOut], url_name="claim_events")
@api_requires("claims.work")
@shows_phi
def claim_events(request: HttpRequest, pk: int) -> list[ClaimEvent]:
    """The claim's event log, oldest first."""
    claim = actions.view_claim(_actor(request), _claim(request, pk), what="events")
    return list(claim.events.all())


@router.get(
    "/claims/{pk}/837p",
    response={200: str, 422: ErrorOut},
    url_name="claim_837p",
    openapi_extra={"responses": {"200": {"content": {"application/edi-x12": {}}}}},
)
@api_requires("claims.work")
@shows_phi
def claim_837p(request: HttpRequest, pk: int) -> Any:
    """The claim as an 837P (005010X222A1) interchange, X12 text."""
    claim = _claim(request, pk)
    try:
        text = write_837p([claim])
    except X12Error as exc:
        return Status(422, {"detail": f"the claim cannot be written as an 837P: {exc}"})
    actions.view_claim(_actor(request), claim, what="837p")
    response = HttpResponse(text, content_type="application/edi-x12; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{claim.number}.837"'
    return response


@router.get(
    "/claims/{pk}/cms1500",
    response={200: bytes, 422: ErrorOut},
    url_name="claim_cms1500",
    openapi_extra={"responses": {"200": {"content": {"application/pdf": {}}}}},
)
@api_requires("claims.work")
@shows_phi
def claim_cms1500(request: HttpRequest, pk: int, mode: str = "plain") -> Any:
    """The claim as a CMS-1500 (02/12) PDF; ``mode`` = ``plain`` (the whole form) or
    ``red-form`` (data only, for the pre-printed form). 422 names the box of each value
    the form cannot take."""
    claim = _claim(request, pk)
    try:
        pdf = cms1500_pdf([claim], mode=mode)
    except (Cms1500Error, ValueError) as exc:
        return Status(422, {"detail": f"the claim cannot be printed on a CMS-1500: {exc}"})
    actions.view_claim(_actor(request), claim, what=f"cms1500 {mode}")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{claim.number}-cms1500.pdf"'
    return response


@router.post(
    "/claims/{pk}/queue",
    response={200: ClaimOut, 409: ErrorOut, 422: RefusedOut},
    url_name="claim_queue",
    openapi_extra=patch_body(QueueIn),
)
@api_requires("claims.work")
@shows_phi
def claim_queue(request: HttpRequest, pk: int) -> Any:
    """Scrub again and queue. 422 with the findings when the claim has an error or a
    warning not listed in ``acknowledge`` (its id); 409 when the claim's status does
    not allow queueing (queued, on hold, sent)."""
    claim = _claim(request, pk)
    data = read_patch(request, QueueIn)
    try:
        actions.queue_claim(_actor(request), claim, acknowledge=data.get("acknowledge", []))
    except actions.QueueRefused as exc:
        return Status(
            422,
            {
                "detail": exc.message(),
                "code": exc.code,
                "errors": list(exc.errors),
                "unacknowledged": list(exc.unacknowledged),
                "findings": list(exc.findings),
            },
        )
    except actions.NotAllowed as exc:
        return Status(409, {"detail": str(exc)})
    claim.refresh_from_db()
    return Status(200, claim)


@router.post(
    "/claims/{pk}/void",
    response={201: VoidOut, 409: ErrorOut, 422: ErrorOut},
    url_name="claim_void",
    openapi_extra=patch_body(VoidIn),
)
@api_requires("claims.work")
@shows_phi
def claim_void(request: HttpRequest, pk: int) -> Any:
    """Void a sent claim (:func:`~cleanclaim.claims.actions.void_claim`): 201 with the
    original (now voided) and the new frequency-8 void claim; 422 naming ``reason`` or
    ``payer_claim_control_number``; 409 when the claim is not sent or is itself a void."""
    claim = _claim(request, pk)
    data = read_patch(request, VoidIn)
    try:
        void, _ = actions.void_claim(
            _actor(request),
            claim,
            data.get("reason", ""),
            payer_claim_control_number=data.get("payer_claim_control_number", ""),
        )
    except actions.Invalid as exc:
        return _invalid(exc)
    except actions.NotAllowed as exc:
        return Status(409, {"detail": str(exc)})
    return Status(201, {"voided": claim, "void": void})


class StatusLineOut(Schema):
    text: str
    field: str = ""
    where: str = ""
    code: str = ""
    paid: str = ""
    date: str = ""


class StatusAnswerOut(Schema):
    """The payer's answer to a 276 (``ok``), or in ``text`` why there is none (the
    clearinghouse did not answer, the payer is down...): recorded on the claim either way."""

    ok: bool
    text: str
    statuses: list[StatusLineOut]
    event: int


@router.post(
    "/claims/{pk}/status",
    response={200: StatusAnswerOut, 409: ErrorOut},
    url_name="claim_status",
)
@api_requires("claims.work")
@shows_phi
def claim_status(request: HttpRequest, pk: int) -> Any:
    """Ask the payer for the claim's status now (276/277 in real time through the
    claim's clearinghouse connection): 200 with the answer or the plain message why
    there is none (both recorded as a ``status_answer`` event); 409 when the claim is
    not out (not submitted or accepted)."""
    from cleanclaim.claims import status_inquiry

    claim = _claim(request, pk)
    answer = status_inquiry.ask(_actor(request), claim)
    if answer.event_id is None:
        return Status(409, {"detail": answer.text})
    return {**answer.as_dict(), "event": answer.event_id}
