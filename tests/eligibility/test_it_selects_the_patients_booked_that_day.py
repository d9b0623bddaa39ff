"""The night-before batch checks the patients booked on the day (the appointments'
start, in the practice's time zone), each with its appointment; a cancelled visit and
another day's are left out."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.utils import timezone

from cleanclaim.appointments.models import Appointment
from cleanclaim.eligibility.selection import visits_on
from cleanclaim.testing.personas import World

DAY = dt.date(2026, 12, 7)


@time_machine.travel(dt.datetime(2026, 12, 6, 18, 0, tzinfo=dt.UTC), tick=False)
def test_it_selects_the_days_appointments(world: World) -> None:
    home = world.home

    def book(day: dt.date, status: str = "scheduled") -> Appointment:
        return Appointment.objects.create(
            practice=home.practice,
            patient=home.patient,
            provider=home.provider,
            location=home.location,
            coverage=home.coverage,
            start=timezone.make_aware(dt.datetime.combine(day, dt.time(9, 0))),
            reason="follow-up",
            status=status,
        )

    booked = book(DAY)
    book(DAY, status="cancelled")
    book(DAY + dt.timedelta(days=1))
    assert visits_on(home.practice, DAY) == [(home.coverage, booked.pk)]
