"""``/api/contacts`` and ``/api/calls``: scoped and audited like the pages.

Calls may name a patient: every answer showing calls records the read. Creating
and changing read the JSON body after the permission check (a caller without
the permission learns nothing from a 422)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from cleanclaim.api.versioning import (
    ConflictOut,
    ErrorOut,
    expected_version,
    patch_body,
    read_patch,
)
from cleanclaim.audit.actor import Actor
from cleanclaim.audit.phi import shows_phi
from cleanclaim.patients.models import Patient
from cleanclaim.payercalls import actions, followups
from cleanclaim.payercalls.models import Call, Contact
from cleanclaim.payers.models import Payer
from cleanclaim.practices.models import Practice
from cleanclaim.tenancy.guards import api_requires
from cleanclaim.tenancy.scoping import get_scoped_or_404, scoped

router = Router(tags=["contacts and calls"])


def _invalid(exc: ValidationError) -> Status:
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return Status(422, {"detail": "; ".join(exc.messages), "errors": errors})


# contacts ------------------------------------------------------------------


class ContactOut(Schema):
    id: int
    payer_id: int
    role: str
    name: str
    phone: str
    email: str
    hours: str
    notes: str
    active: bool
    version: int


class ContactIn(Schema):
    payer_id: int
    role: Contact.Role
    name: str = Field(min_length=1, max_length=80)
    phone: str = ""
    email: str = ""
    hours: str = ""
    notes: str = ""


class ContactPatch(Schema):
    version: int | None = Field(None, ge=1)
    role: Contact.Role | None = None
    name: str | None = None
    phone: str | None = None
    email: str | None = None
    hours: str | None = None
    notes: str | None = None
    active: bool | None = None


@router.get("/contacts", response=list[ContactOut], url_name="contact_list")
@api_requires("payers.view")
def contact_list(request: HttpRequest, payer: int | None = None) -> list[Contact]:
    """The organisation's payer contacts, one payer's with ``?payer=<id>``."""
    contacts = scoped(Contact, request.auth, "payers.view")  # type: ignore[attr-defined]
    if payer is not None:
        contacts = contacts.filter(payer_id=payer)
    return list(contacts)


@router.post(
    "/contacts",
    response={201: ContactOut, 422: ErrorOut},
    url_name="contact_list",
    openapi_extra=patch_body(ContactIn),
)
@api_requires("payers.contacts")
def contact_create(request: HttpRequest) -> Any:
    data = read_patch(request, ContactIn)
    payer = get_scoped_or_404(Payer, request.auth, "payers.contacts", pk=data.pop("payer_id"))  # type: ignore[attr-defined]
    try:
        contact = actions.add_contact(Actor.from_request(request, via="api"), payer, **data)
    except ValidationError as exc:
        return _invalid(exc)
    return Status(201, contact)


@router.patch(
    "/contacts/{pk}",
    response={200: ContactOut, 409: ConflictOut, 422: ErrorOut},
    url_name="contact_detail",
    openapi_extra=patch_body(ContactPatch),
)
@api_requires("payers.contacts")
def contact_update(request: HttpRequest, pk: int) -> Any:
    """Change a contact (``"active": false`` deactivates it); 409 when someone saved
    since ``version``, 428 without one."""
    contact = get_scoped_or_404(Contact, request.auth, "payers.contacts", pk=pk)  # type: ignore[attr-defined]
    fields = read_patch(request, ContactPatch)
    version = expected_version(request, fields.pop("version", None))
    try:
        saved = actions.update_contact(
            Actor.from_request(request, via="api"), contact, expected_version=version, **fields
        )
    except actions.StaleEdit as exc:
        return Status(409, exc.as_json())
    except ValidationError as exc:
        return _invalid(exc)
    return Status(200, saved)


# calls ---------------------------------------------------------------------


class CallOut(Schema):
    id: int
    practice_id: int
    payer_id: int
    called_at: dt.datetime
    patient_id: int | None
    claim_number: str
    contact_id: int | None
    reached: str
    reference: str
    learned: str
    follow_up_on: dt.date | None
    done: bool
    version: int


class CallIn(Schema):
    practice_id: int
    payer_id: int
    called_at: dt.datetime
    patient_id: int | None = None
    claim_number: str = ""
    contact_id: int | None = None
    reached: str = ""
    reference: str = ""
    learned: str = Field(min_length=1)
    follow_up_on: dt.date | None = None


class CallPatch(Schema):
    version: int | None = Field(None, ge=1)
    called_at: dt.datetime | None = None
    claim_number: str | None = None
    contact_id: int | None = None
    reached: str | None = None
    reference: str | None = None
    learned: str | None = None
    follow_up_on: dt.date | None = None
    done: bool | None = None


def _contact(request: HttpRequest, pk: int | None) -> Contact | None:
    if pk is None:
        return None
    return get_scoped_or_404(Contact, request.auth, "payers.view", pk=pk)  # type: ignore[attr-defined]


@router.get("/calls", response=list[CallOut], url_name="call_list")
@api_requires("calls.log")
@shows_phi
def call_list(request: HttpRequest, payer: int | None = None, due: bool = False) -> list[Call]:
    """Calls at the practices where the caller logs calls, newest first;
    ``?payer=<id>`` one payer's, ``?due=true`` the follow-up list (oldest first)."""
    user = request.auth  # type: ignore[attr-defined]
    calls = followups.due(user) if due else scoped(Call, user, "calls.log")
    if payer is not None:
        calls = calls.filter(payer_id=payer)
    shown = list(calls[:500])
    query = f"payer={payer or ''} due={due}"
    return actions.view_calls(Actor.from_request(request, via="api"), shown, query=query)


@router.post(
    "/calls",
    response={201: CallOut, 422: ErrorOut},
    url_name="call_list",
    openapi_extra=patch_body(CallIn),
)
@api_requires("calls.log")
@shows_phi
def call_create(request: HttpRequest) -> Any:
    """Log a call for a practice where the caller logs calls; ``patient_id`` must be a
    patient of that practice, ``contact_id`` one of the payer's contacts."""
    user = request.auth  # type: ignore[attr-defined]
    data = read_patch(request, CallIn)
    practice = get_scoped_or_404(Practice, user, "calls.log", pk=data.pop("practice_id"))
    payer = get_scoped_or_404(Payer, user, "calls.log", pk=data.pop("payer_id"))
    patient_id = data.pop("patient_id", None)
    if patient_id is not None:
        data["patient"] = get_scoped_or_404(Patient, user, "calls.log", pk=patient_id)
    data["contact"] = _contact(request, data.pop("contact_id", None))
    try:
        call = actions.log_call(Actor.from_request(request, via="api"), practice, payer, **data)
    except ValidationError as exc:
        return _invalid(exc)
    return Status(201, call)


@router.get("/calls/{pk}", response=CallOut, url_name="call_detail")
@api_requires("calls.log")
@shows_phi
def call_detail(request: HttpRequest, pk: int) -> Call:
    call = get_scoped_or_404(Call, request.auth, "calls.log", pk=pk)  # type: ignore[attr-defined]
    return actions.view_call(Actor.from_request(request, via="api"), call)


@router.patch(
    "/calls/{pk}",
    response={200: CallOut, 409: ConflictOut, 422: ErrorOut},
    url_name="call_detail",
    openapi_extra=patch_body(CallPatch),
)
@api_requires("calls.log")
@shows_phi
def call_update(request: HttpRequest, pk: int) -> Any:
    """Change a call (``"done": true`` closes its follow-up); 409 when someone saved
    since ``version``, 428 without one."""
    call = get_scoped_or_404(Call, request.auth, "calls.log", pk=pk)  # type: ignore[attr-defined]
    fields = read_patch(request, CallPatch)
    version = expected_version(request, fields.pop("version", None))
    if "contact_id" in fields:
        fields["contact"] = _contact(request, fields.pop("contact_id"))
    actor = Actor.from_request(request, via="api")
    try:
        saved = actions.update_call(actor, call, expected_version=version, **fields)
    except actions.StaleEdit as exc:
        actions.view_call(actor, call)  # the answer shows current values
        return Status(409, exc.as_json())
    except ValidationError as exc:
        return _invalid(exc)
    if saved.version == version:  # nothing changed, so no update entry: record the read
        actions.view_call(actor, saved)
    return Status(200, saved)
