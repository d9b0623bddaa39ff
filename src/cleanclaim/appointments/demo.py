"""Demo step: a morning of appointments today and tomorrow at the first demo practice
(twelve a day, every twenty minutes from 08:00), with the practice's patients in account
order. Each has a stable key (``appointment:<practice NPI>:<n>``): a second run finds
them and changes nothing (``cleanclaim.web.demo``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from cleanclaim.appointments import actions
from cleanclaim.appointments.models import Appointment
from cleanclaim.audit.actor import Actor

PER_DAY = 12
REASONS = ("follow-up", "annual exam", "sick visit", "medication review", "new patient")


def build(ctx: Any) -> None:
    if not ctx.practices:
        return
    practice = ctx.practices[0]
    provider = practice.providers.filter(active=True).order_by("pk").first()
    location = practice.locations.order_by("pk").first()
    patients = list(practice.patients.order_by("account_number")[: PER_DAY * 2])
    if provider is None or len(patients) < PER_DAY * 2:
        return  # a person removed what the schedule needs: add nothing
    actor = Actor(user=None, via="demo", label="demo")
    today = timezone.localdate()
    for n, patient in enumerate(patients):
        day = today + dt.timedelta(days=n // PER_DAY)
        at = dt.datetime.combine(day, dt.time(8, 0)) + dt.timedelta(minutes=20 * (n % PER_DAY))
        key = f"appointment:{practice.npi}:{n + 1}"

        def make(patient: Any = patient, at: dt.datetime = at, n: int = n) -> Appointment:
            return actions.schedule(
                actor,
                practice,
                patient=patient,
                provider=provider,
                location=location,
                start=timezone.make_aware(at),
                duration=20,
                reason=REASONS[n % len(REASONS)],
                external_id=key_of(practice, n),
            )

        ctx.ensure(
            "appointments",
            key,
            Appointment,
            create=make,
            find=lambda n=n: Appointment.objects.filter(
                practice=practice, external_id=key_of(practice, n)
            ).first(),
        )


def key_of(practice: Any, n: int) -> str:
    return f"demo-{practice.npi}-{n + 1}"
