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
    days = sorted({a.day for a in Appointment.objects.all()})
    assert days == [today, today + dt.timedelta(days=1)]
    assert Appointment.objects.filter(coverage__isnull=False).count() >= 20
    again = demo.build()
    assert again.created["appointments"] == 0
    assert Appointment.objects.count() == 24
