"""Who the night-before batch checks.

:func:`visits_on` answers (coverage, appointment id or None) for every patient seen
by ``practice`` on ``day``: from the schedule (:class:`cleanclaim.appointments.models.
Appointment`, not cancelled or no-show), or -- when nobody is booked that day, a
practice that keeps no schedule here -- from the encounters (visits) on file for that
day. Each patient's primary coverage active on the day is the one asked about."""

from __future__ import annotations

import datetime as dt
from typing import Any

from cleanclaim.appointments.models import Appointment, Status
from cleanclaim.patients.models import Coverage

__all__ = ["visits_on"]


def _primary(patient_id: int, day: dt.date) -> Coverage | None:
    for c in (
        Coverage.objects.filter(patient_id=patient_id)
        .select_related("payer")
        .order_by("priority", "-effective_date", "pk")
    ):
        if c.is_active_on(day):
            return c
    return None


def _from_appointments(practice: Any, day: dt.date) -> list[tuple[int, int | None]]:
    """(patient, appointment) booked at ``practice`` on ``day`` (the start's date in the
    server's time zone), not cancelled or no-show, in booking order."""
    qs = (
        Appointment.objects.filter(practice=practice, start__date=day)
        .exclude(status__in=[Status.CANCELLED, Status.NO_SHOW])
        .order_by("pk")
    )
    return list(qs.values_list("patient_id", "pk"))


def visits_on(practice: Any, day: dt.date) -> list[tuple[Coverage, int | None]]:
    """(coverage asked about, appointment id) per patient seen on ``day``; patients
    without a coverage active that day are left out (nothing to ask a payer)."""
    seen = _from_appointments(practice, day)
    if not seen:  # no schedule kept (or nobody booked): the visits on file that day
        from cleanclaim.claims.models import Encounter

        rows = Encounter.objects.filter(practice=practice, service_from=day).order_by("pk")
        seen = [(e.patient_id, None) for e in rows]
    out: list[tuple[Coverage, int | None]] = []
    done: set[int] = set()
    for patient_id, appointment_id in seen:
        if patient_id in done:
            continue
        done.add(patient_id)
        coverage = _primary(patient_id, day)
        if coverage is not None:
            out.append((coverage, appointment_id))
    return out
