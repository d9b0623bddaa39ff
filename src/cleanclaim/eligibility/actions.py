"""Eligibility actions: each owns its transaction and writes its audit entry.

* :func:`check` — build the 270 for a coverage, day and service types, send it
  (:func:`send_270`, the one injectable sending function), read the 271 and keep
  both with the parsed summary;
* :func:`apply_corrections` — the payer's corrected name, birth date or member id
  written to the patient or coverage through the patients' actions (optimistic
  locking, audited);
* :func:`view_check` — record that a check (patient data) was read.

The sending goes through the practice's real-time connection
(``cleanclaim.clearinghouses.realtime.exchange`` with the CORE ``X12_270_REQUEST``
payload type); ``CLEANCLAIM_ELIGIBILITY_SENDER`` (a dotted path
to a ``send(connection, x12) -> bytes``) replaces it, e.g. for an in-process responder.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.record import record
from cleanclaim.benefits import (
    DEFAULT_SERVICE_TYPES,
    BenefitsSummary,
    Inquiry,
    Person,
    build_270,
    read_271,
)
from cleanclaim.caqhcore import X12_270_REQUEST, CoreError
from cleanclaim.clearinghouses import realtime
from cleanclaim.eligibility.models import EligibilityBatch, EligibilityCheck
from cleanclaim.patients import actions as patient_actions
from cleanclaim.patients.models import Coverage
from cleanclaim.x12 import X12Error

Action = AuditEntry.Action
Sender = Callable[[Any, str], bytes]

__all__ = [
    "SendError",
    "apply_corrections",
    "check",
    "connection_for",
    "inquiry_for",
    "send_270",
    "view_check",
]

SERVICE_TYPE = re.compile(r"^[A-Z0-9]{1,2}$")


class SendError(Exception):
    """The 270 could not be sent or no answer came; ``message`` says why in plain words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def connection_for(practice: Any) -> Any:
    """The practice's real-time connection (:func:`cleanclaim.clearinghouses.realtime.
    connection_for`), or None."""
    return realtime.connection_for(practice)


def send_270(connection: Any, x12: str) -> bytes:
    """Send the 270 in the CORE real-time envelope (``X12_270_REQUEST``) and return the
    271 (raw X12). ``connection``: what ``connection_for`` found (a
    :class:`~cleanclaim.clearinghouses.models.Connection`, or a
    :class:`cleanclaim.caqhcore.CoreClient` handed over directly), sent by
    :func:`cleanclaim.clearinghouses.realtime.exchange`. Raises :class:`SendError` in
    plain words."""
    path = getattr(settings, "CLEANCLAIM_ELIGIBILITY_SENDER", "")
    if path:
        sender: Sender = import_string(path)
        return sender(connection, x12)
    if connection is None:
        raise SendError(
            "Real-time eligibility is not set up: the practice has no real-time connection "
            "to a clearinghouse."
        )
    try:
        return bytes(realtime.exchange(connection, X12_270_REQUEST, x12))
    except CoreError as exc:
        raise SendError(exc.message) from exc


def _service_types(types: Iterable[str]) -> list[str]:
    out = [t.strip().upper() for t in types if t and t.strip()]
    bad = [t for t in out if not SERVICE_TYPE.match(t)]
    if bad:
        raise ValueError(f"service type {bad[0]!r} is not a service type code (e.g. 30, 98, MH)")
    return list(dict.fromkeys(out)) or list(DEFAULT_SERVICE_TYPES)


def _people(coverage: Coverage) -> tuple[Person, Person | None]:
    """(subscriber, dependent patient or None) as the 270 names them."""
    p = coverage.patient
    patient = Person(p.last_name, p.first_name, p.date_of_birth, p.sex, coverage.member_id)
    if coverage.is_self:
        return patient, None
    subscriber = Person(
        coverage.subscriber_last_name,
        coverage.subscriber_first_name,
        coverage.subscriber_date_of_birth,
        coverage.subscriber_sex,
        coverage.member_id,
    )
    return subscriber, Person(p.last_name, p.first_name, p.date_of_birth, p.sex)


def inquiry_for(
    coverage: Coverage, day: dt.date, service_types: Iterable[str], *, reference: str = "1"
) -> Inquiry:
    """The 270 question for ``coverage`` on ``day``."""
    practice = coverage.patient.practice
    subscriber, dependent = _people(coverage)
    control = int(re.sub(r"\D", "", reference) or "1") % 1_000_000_000 or 1
    return Inquiry(
        payer_name=coverage.payer.name,
        payer_id=coverage.payer.payer_id,
        provider_name=(practice.legal_name or practice.name).upper()[:60],
        provider_npi=practice.npi,
        subscriber=subscriber,
        day=day,
        service_types=tuple(_service_types(service_types)),
        dependent=dependent,
        reference=reference,
        control_number=control,
    )


def _finish(row: EligibilityCheck, **fields: Any) -> EligibilityCheck:
    for name, value in fields.items():
        setattr(row, name, value)
    row.save(update_fields=list(fields))
    return row


def check(
    actor: Actor,
    coverage: Coverage,
    service_types: Iterable[str] = (),
    *,
    day: dt.date,
    appointment: Any = None,
    batch: EligibilityBatch | None = None,
    send: Sender | None = None,
) -> EligibilityCheck:
    """Ask the payer about ``coverage`` on ``day``; the check is kept whatever happens
    (status answered, rejected or failed with the reason in ``error``)."""
    coverage = Coverage.objects.select_related("patient__practice", "payer").get(pk=coverage.pk)
    patient = coverage.patient
    types = _service_types(service_types)
    user = actor.user if getattr(actor, "user", None) is not None and actor.user.pk else None
    with transaction.atomic():
        row = EligibilityCheck.objects.create(
            practice=patient.practice,
            patient=patient,
            coverage=coverage,
            appointment_id=getattr(appointment, "pk", appointment),
            batch=batch,
            service_types=types,
            day=day,
            requested_by=user,
            request_x12="",
        )
        inquiry = inquiry_for(coverage, day, types, reference=f"EC{row.pk}")
        row.request_x12 = build_270(inquiry, now=timezone.now())
        row.save(update_fields=["request_x12"])
        record(
            actor,
            Action.CREATE,
            row,
            context={"coverage": coverage.pk, "day": day.isoformat(), "service_types": types},
        )
    subscriber, dependent = _people(coverage)
    try:
        raw = (send or send_270)(connection_for(patient.practice), row.request_x12)
    except SendError as exc:
        return _finish(row, status=EligibilityCheck.Status.FAILED, error=exc.message)
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    try:
        summary = read_271(
            text,
            patient=dependent or subscriber,
            subscriber=subscriber if dependent else None,
        )
    except X12Error as exc:
        return _finish(
            row,
            status=EligibilityCheck.Status.FAILED,
            response_x12=text,
            error=f"The payer's answer could not be read: {exc}",
        )
    status = (
        EligibilityCheck.Status.REJECTED
        if summary.status == "rejected"
        else EligibilityCheck.Status.ANSWERED
    )
    return _finish(
        row,
        status=status,
        response_x12=text,
        summary=summary.as_json(),
        result=summary.status,
    )


def view_check(actor: Actor, row: EligibilityCheck) -> EligibilityCheck:
    """Record that ``actor`` read the check (the patient's coverage and benefits)."""
    record(actor, Action.READ, row, context={"patient": row.patient.account_number})
    return row


#: correction field → (patient or coverage, field on the record)
TARGETS = {
    "last_name": ("patient", "last_name"),
    "first_name": ("patient", "first_name"),
    "date_of_birth": ("patient", "date_of_birth"),
    "member_id": ("coverage", "member_id"),
}


@transaction.atomic
def apply_corrections(
    actor: Actor,
    row: EligibilityCheck,
    fields: Iterable[str],
    *,
    patient_version: int | None,
    coverage_version: int | None,
) -> list[str]:
    """Write the payer's answer for ``fields`` (of the check's corrections) to the
    patient / coverage, refused with :class:`~cleanclaim.patients.actions.StaleEdit`
    when either changed since the page was shown. Returns the fields written."""
    summary: BenefitsSummary | None = row.benefits()
    if summary is None:
        return []
    wanted = set(fields)
    offered = {c.field: c.answered for c in summary.corrections if c.field in wanted}
    to_patient: dict[str, Any] = {}
    to_coverage: dict[str, Any] = {}
    for name, value in offered.items():
        target, attr = TARGETS[name]
        if name == "date_of_birth":
            value = dt.date.fromisoformat(value)
        if target == "patient":
            to_patient[attr] = value.title() if isinstance(value, str) else value
        else:
            to_coverage[attr] = value
    if to_patient:
        patient_actions.update_patient(
            actor, row.patient, expected_version=patient_version, **to_patient
        )
    if to_coverage:
        patient_actions.update_coverage(
            actor, row.coverage, expected_version=coverage_version, **to_coverage
        )
    written = sorted(offered)
    if written:
        record(actor, Action.UPDATE, row, context={"applied_corrections": written})
    return written
