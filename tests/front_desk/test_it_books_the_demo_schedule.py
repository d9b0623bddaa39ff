"""`cleanclaim demo` books twelve appointments today and twelve tomorrow at the first demo
practice, each with the patient's coverage on the day; a second run books none."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from cleanclaim.appointments.models import Appointment
from cleanclaim.web import demo

pytestmark = pytest.mark.django_db


def test_it_books_today_and_tomorrow_once() -> None:
    first = demo.build()
    assert first.created["appointments"] == 24
    today = timezone.localdate()
    # the schedule; the one patient seen two weeks ago (checked in, copay paid at the
    # desk) belongs to the payers' answer (clearinghouses.demo_answers)
    booked = Appointment.objects.exclude(external_id__startswith="demo-remit-")
    days = sorted({a.day for a in booked})
    assert days == [today, today + dt.timedelta(days=1)]
    assert booked.filter(coverage__isnull=False).count() >= 20
    again = demo.build()
    assert again.created["appointments"] == 0
    assert booked.count() == 24
    assert Appointment.objects.count() == 25
