"""Today's patients: the day's schedule, 50 a page with the count, filtered by
provider, status and coverage status; each row shows the coverage at a glance; a
Southside user never sees a Northside appointment (page or API)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.urls import reverse

from cleanclaim.appointments.models import Appointment, Status
from cleanclaim.audit.models import AuditEntry
from cleanclaim.testing.personas import World

from .helpers import appointment, front_desk

NOW = dt.datetime(2026, 12, 7, 7, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def frozen() -> Any:
    with time_machine.travel(NOW, tick=False):
        yield


def _day(world: World, n: int) -> list[Appointment]:
    return [appointment(world, at=NOW + dt.timedelta(minutes=5 * i)) for i in range(n)]


def test_it_pages_fifty_with_the_count(world: World) -> None:
    _day(world, 60)
    appointment(world, at=NOW + dt.timedelta(days=1))  # tomorrow: not on today's page
    client = front_desk(world)
    first = client.get(reverse("appointments:today"))
    assert len(first.context["rows"]) == 50
    assert "60 appointments: page 1 of 2" in first.content.decode()
    second = client.get(reverse("appointments:today"), {"page": 2})
    assert len(second.context["rows"]) == 10
    tomorrow = client.get(reverse("appointments:today"), {"day": "2026-12-08"})
    assert len(tomorrow.context["rows"]) == 1
    assert AuditEntry.objects.filter(action="read", model="patients.Patient").exists()


def test_it_filters_by_status_provider_and_coverage(world: World) -> None:
    rows = _day(world, 3)
    Appointment.objects.filter(pk=rows[0].pk).update(status=Status.ARRIVED)
    client = front_desk(world)
    url = reverse("appointments:today")
    arrived = client.get(url, {"status": "arrived"}).context["rows"]
    assert [a.pk for a, _ in arrived] == [rows[0].pk]
    mine = client.get(url, {"provider": world.home.provider.pk}).context["rows"]
    assert len(mine) == 3
    unchecked = client.get(url, {"coverage": "not checked"}).context["rows"]
    assert len(unchecked) == 3
    assert {status for _, status in unchecked} == {"not checked"}
    stale = client.get(url, {"coverage": "stale"}).context["rows"]
    assert stale == []


def test_it_shows_an_outsider_none_of_the_day(world: World) -> None:
    _day(world, 2)
    outsider = front_desk(world, outsider=True)
    page = outsider.get(reverse("appointments:today"))
    assert page.context["rows"] == []
    assert world.home.patient.last_name not in page.content.decode()
    api = outsider.get("/api/appointments", {"day": "2026-12-07"})
    assert api.json() == [] and api["X-Total-Count"] == "0"
    home = front_desk(world).get("/api/appointments", {"day": "2026-12-07", "limit": 1})
    assert home["X-Total-Count"] == "2" and len(home.json()) == 1
    assert home.json()[0]["coverage_status"] == "not checked"
