"""Domain actions for prior authorizations: each owns its transaction and writes the
audit entry in it.

* :func:`record_authorization` — one recorded from a portal, phone call or letter (or
  from a 278 answer: :mod:`cleanclaim.authorizations.x278`); :class:`Invalid` names
  each bad field and nothing is written.
* :func:`set_status` — approved, denied, expired (optimistic locking on ``version``).
* :func:`attach` — a file kept with it under ``var/authorizations`` (0600).
* :func:`view_authorizations` — the audited read of a patient's authorizations.

Consumption (units used as claims are built, given back on a void or replacement) is
:mod:`cleanclaim.authorizations.consumption`, called by the claim actions.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.record import diff, record, snapshot
from cleanclaim.authorizations.models import Attachment, Authorization
from cleanclaim.patients.models import Coverage, Patient
from cleanclaim.tenancy.concurrency import check_version, save_versioned

Action = AuditEntry.Action

__all__ = ["Invalid", "attach", "record_authorization", "set_status", "view_authorizations"]

MAX_ATTACHMENT = 10 * 1024 * 1024


class Invalid(ValidationError):
    """Field name → messages; nothing was written."""


def _clean(auth: Authorization) -> None:
    try:
        auth.full_clean(exclude=["practice", "patient", "coverage", "created_by"])
    except ValidationError as exc:
        raise Invalid(exc.message_dict) from None
    if auth.status == Authorization.Status.APPROVED and not auth.number.strip():
        raise Invalid({"number": ["an approved authorization has the payer's number"]})


@transaction.atomic
def record_authorization(
    actor: Actor,
    coverage: Coverage,
    *,
    services: str,
    start_date: dt.date,
    end_date: dt.date,
    number: str = "",
    units_authorized: Decimal | None = None,
    counts_visits: bool = False,
    modifiers: list[str] | None = None,
    referring_npi: str = "",
    referring_name: str = "",
    status: str = Authorization.Status.APPROVED,
    source: str = Authorization.Source.PHONE,
    notes: str = "",
    request_x12: str = "",
    response_x12: str = "",
) -> Authorization:
    """Record an authorization for ``coverage`` (its patient and payer)."""
    patient: Patient = coverage.patient
    auth = Authorization(
        practice_id=patient.practice_id,
        patient=patient,
        coverage=coverage,
        number=number.strip(),
        services=" ".join(services.replace(",", " ").upper().split()),
        modifiers=[m.strip().upper() for m in (modifiers or []) if m.strip()],
        units_authorized=units_authorized,
        counts_visits=counts_visits,
        start_date=start_date,
        end_date=end_date,
        referring_npi=referring_npi.strip(),
        referring_name=referring_name.strip(),
        status=status,
        source=source,
        notes=notes.strip(),
        request_x12=request_x12,
        response_x12=response_x12,
        created_by=actor.user if getattr(actor.user, "is_authenticated", False) else None,
    )
    if end_date < start_date:
        raise Invalid({"end_date": ["the authorization ends before it starts"]})
    _clean(auth)
    auth.save()
    auth.refresh_from_db()  # amounts as stored (12.000), the same as any later read
    record(actor, Action.CREATE, auth, changes=snapshot(auth, Authorization.audited_fields))
    return auth


@transaction.atomic
def set_status(
    actor: Actor,
    auth: Authorization,
    status: str,
    *,
    number: str = "",
    expected_version: int | None = None,
    notes: str = "",
) -> Authorization:
    """Change the status (and the number the payer gave on approval)."""
    if status not in Authorization.Status.values:
        raise Invalid({"status": [f"{status!r} is not one of {', '.join(Authorization.Status)}"]})
    locked = Authorization.objects.select_for_update().get(pk=auth.pk)
    fields: dict[str, Any] = {"status": status}
    if number.strip():
        fields["number"] = number.strip()
    if notes.strip():
        fields["notes"] = (locked.notes + "\n" + notes.strip()).strip()
    expected = check_version(locked, expected_version, fields, noun="authorization")
    before = snapshot(locked, Authorization.audited_fields)
    for name, value in fields.items():
        setattr(locked, name, value)
    _clean(locked)
    changes = diff(before, snapshot(locked, Authorization.audited_fields))
    if changes:
        save_versioned(locked, expected, changes, noun="authorization")
        record(actor, Action.UPDATE, locked, changes=changes, context={"version": locked.version})
    return locked


@transaction.atomic
def attach(actor: Actor, auth: Authorization, upload: UploadedFile) -> Attachment:
    """Keep ``upload`` with the authorization (audited)."""
    if upload.size is None or upload.size > MAX_ATTACHMENT:
        raise Invalid({"file": ["attachments are at most 10 MB"]})
    name = (upload.name or "attachment")[-120:]
    row = Attachment(authorization=auth, name=name)
    row.file.save(name, upload, save=False)
    row.save()
    record(actor, Action.CREATE, row, context={"authorization": auth.pk, "name": name})
    return row


def view_authorizations(actor: Actor, patient: Patient) -> list[Authorization]:
    """The patient's authorizations, newest first; the read is audited (PHI)."""
    rows = list(
        Authorization.objects.filter(patient=patient).select_related("coverage__payer", "patient")
    )
    record(actor, Action.READ, patient, context={"what": "authorizations", "count": len(rows)})
    return rows
