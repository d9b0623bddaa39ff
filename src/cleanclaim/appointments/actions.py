"""Appointment actions: each owns its transaction and writes the audit entry in it.

:func:`check_in` is the front desk's one step at the counter: the copay recorded on
the patient's ledger (idempotent by the key ``checkin:<appointment id>``), the visit
started for the coder (:func:`cleanclaim.claims.actions.create_encounter`, no codes
yet) and the status moved to ``checked_in`` — all or nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cleanclaim.appointments.models import Appointment, Status
from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.record import diff, record, record_list, snapshot
from cleanclaim.patients.models import Coverage, Patient
from cleanclaim.practices.models import Practice
from cleanclaim.tenancy.concurrency import StaleEdit, check_version, save_versioned

Action = AuditEntry.Action

__all__ = [
    "PAYMENT_METHODS",
    "CheckIn",
    "StaleEdit",
    "check_in",
    "checkin_key",
    "primary_on",
    "schedule",
    "set_status",
    "view_appointment",
    "view_appointments",
]

#: How a copay is paid at the counter (the ledger entry's ``reason``).
PAYMENT_METHODS = ("cash", "card", "check")

#: Moves the desk may make by hand (check-in has its own action).
_ALLOWED: dict[str, frozenset[str]] = {
    Status.SCHEDULED: frozenset({Status.ARRIVED, Status.NO_SHOW, Status.CANCELLED}),
    Status.ARRIVED: frozenset({Status.SCHEDULED, Status.NO_SHOW, Status.CANCELLED}),
    Status.CHECKED_IN: frozenset({Status.COMPLETED}),
    Status.NO_SHOW: frozenset({Status.SCHEDULED}),
    Status.CANCELLED: frozenset({Status.SCHEDULED}),
    Status.COMPLETED: frozenset(),
}


def view_appointment(actor: Actor, appointment: Appointment) -> Appointment:
    record(actor, Action.READ, appointment.patient, context={"appointment": appointment.pk})
    return appointment


def view_appointments(actor: Actor, appointments: list[Appointment], *, query: str = "") -> None:
    """Record a schedule page: which patients it named."""
    record_list(actor, Patient, [a.patient for a in appointments], query=query)


def primary_on(patient: Patient, day: dt.date) -> Coverage | None:
    """The patient's policy first in order (SBR01) in force on ``day``."""
    for coverage in patient.coverages.select_related("payer").order_by(
        "priority", "-effective_date"
    ):
        if coverage.is_active_on(day):
            return coverage
    return None


@transaction.atomic
def schedule(actor: Actor, practice: Practice, **fields: Any) -> Appointment:
    """Book an appointment; ``coverage`` defaults to the patient's primary that day."""
    start = fields.get("start")
    if isinstance(start, dt.datetime) and timezone.is_naive(start):
        fields["start"] = timezone.make_aware(start)  # the practice's local time
    appointment = Appointment(practice=practice, **fields)
    if appointment.coverage_id is None and appointment.patient_id and appointment.start:
        appointment.coverage = primary_on(appointment.patient, appointment.day)
    appointment.save()
    record(
        actor,
        Action.CREATE,
        appointment,
        changes=snapshot(appointment, Appointment.audited_fields),
    )
    return appointment


@transaction.atomic
def set_status(
    actor: Actor, appointment: Appointment, status: str, *, expected_version: int | None = None
) -> Appointment:
    """Move the appointment (arrived, no show, cancelled, back to scheduled, completed);
    a move the desk cannot make is refused with a :class:`ValidationError` on ``status``."""
    locked = Appointment.objects.select_for_update().get(pk=appointment.pk)
    expected = check_version(locked, expected_version, {"status": status}, noun="appointment")
    if status == locked.status:
        return locked
    if status not in _ALLOWED.get(locked.status, frozenset()):
        raise ValidationError(
            {
                "status": f"an appointment {locked.get_status_display().lower()} "
                f"cannot become {status}"
            }
        )
    before = snapshot(locked, Appointment.audited_fields)
    locked.status = status
    changes = diff(before, snapshot(locked, Appointment.audited_fields))
    save_versioned(locked, expected, changes, noun="appointment")
    record(actor, Action.UPDATE, locked, changes=changes, context={"version": locked.version})
    return locked


def checkin_key(appointment: Appointment) -> str:
    """The ledger's idempotency key of the appointment's copay."""
    return f"checkin:{appointment.pk}"


@dataclass(frozen=True)
class CheckIn:
    appointment: Appointment
    #: The copay recorded now; None when nothing was collected or it was already recorded.
    payment: Any
    encounter: Any


@transaction.atomic
def check_in(
    actor: Actor,
    appointment: Appointment,
    *,
    copay: Decimal | None,
    method: str = "cash",
    coverage: Coverage | None = None,
) -> CheckIn:
    """Collect the copay, start the visit for the coder, mark the appointment checked in.

    A second submit records no second payment (the ledger key) and starts no second
    visit (the appointment keeps its encounter)."""
    from cleanclaim.claims.actions import create_encounter
    from cleanclaim.ledger.actions import record_patient_payment

    locked = (
        Appointment.objects.select_for_update(of=("self",))
        .select_related("patient__practice", "provider", "location", "coverage")
        .get(pk=appointment.pk)
    )
    if locked.status in (Status.CANCELLED, Status.NO_SHOW, Status.COMPLETED):
        raise ValidationError(
            {"status": f"an appointment {locked.get_status_display().lower()} cannot be checked in"}
        )
    if copay is not None and (not isinstance(copay, Decimal) or copay < 0):
        raise ValidationError({"copay": "the copay is an amount of zero or more"})
    if method not in PAYMENT_METHODS:
        raise ValidationError({"method": f"pay by {', '.join(PAYMENT_METHODS)}"})
    before = snapshot(locked, Appointment.audited_fields)
    if coverage is not None:
        if coverage.patient_id != locked.patient_id:
            raise ValidationError({"coverage": "the coverage is not the patient's"})
        locked.coverage = coverage
    payment = None
    if copay:
        payment = record_patient_payment(
            actor,
            locked.patient,
            copay,
            key=checkin_key(locked),
            method=method,
            source=f"check-in appointment {locked.pk}",
            when=locked.day,
        )
    if locked.encounter_id is None:
        location = locked.location or locked.practice.locations.order_by("pk").first()
        locked.encounter = create_encounter(
            actor,
            locked.patient,
            rendering_provider=locked.provider,
            service_from=locked.day,
            location=location,
            coverage=locked.coverage,
        )
    locked.status = Status.CHECKED_IN
    changes = diff(before, snapshot(locked, Appointment.audited_fields))
    locked.version += 1
    locked.save()
    record(
        actor,
        Action.UPDATE,
        locked,
        changes=changes,
        context={
            "check_in": True,
            "encounter": locked.encounter_id,
            "copay": str(copay) if payment is not None else None,
        },
    )
    return CheckIn(locked, payment, locked.encounter)
