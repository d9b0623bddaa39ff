"""Check-in collects the card's copay on the patient ledger, starts the visit for the
coder (on "visits to code") and marks the appointment checked in; a second submit
records no second payment and starts no second visit — from the page and the API."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.urls import reverse

from cleanclaim.appointments.models import Appointment, Status
from cleanclaim.claims.models import Encounter
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

from .helpers import appointment, front_desk

NOW = dt.datetime(2026, 12, 7, 16, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def frozen() -> Any:
    with time_machine.travel(NOW, tick=False):
        yield


def test_it_collects_the_copay_once_and_starts_the_visit(world: World) -> None:
    coverage = world.home.coverage
    coverage.copay = Decimal("25.00")
    coverage.save()
    visit = appointment(world, at=NOW)
    client = front_desk(world)
    url = reverse("appointments:check_in", args=[visit.pk])
    shown = client.get(url)
    assert shown.context["form"]["copay"].value() == Decimal("25.00")  # the card's copay
    form = {"coverage": coverage.pk, "copay": "25.00", "method": "card"}
    assert client.post(url, form).status_code == 302
    assert client.post(url, form).status_code == 302  # a second submit

    entries = LedgerEntry.objects.filter(patient=world.home.patient, kind="patient_payment")
    assert [e.amount for e in entries] == [Decimal("-25.00")]
    assert entries[0].key == f"checkin:{visit.pk}" and entries[0].reason == "card"
    visit.refresh_from_db()
    assert visit.status == Status.CHECKED_IN
    encounters = Encounter.objects.filter(patient=world.home.patient, service_from=NOW.date())
    assert [e.pk for e in encounters] == [visit.encounter_id]
    assert encounters[0].diagnoses == [] and encounters[0].coverage_id == coverage.pk

    page = client.get(url).content.decode()
    assert "Receipt: copay 25.00 paid by card" in page

    coder = client.__class__()
    coder.force_login(world.home.users[Role.CODER])
    to_code = coder.get(reverse("claims:visits_to_code")).content.decode()
    assert reverse("claims:encounter_detail", args=[visit.encounter_id]) in to_code


def test_it_checks_in_through_the_api(world: World) -> None:
    visit = appointment(world, at=NOW)
    client = front_desk(world)
    url = f"/api/appointments/{visit.pk}/check-in"
    body = json.dumps({"copay": "15.00", "method": "cash"})
    first = client.post(url, body, content_type="application/json")
    assert first.status_code == 200, first.content
    assert first.json()["copay_recorded"] == "15.00"
    again = client.post(url, body, content_type="application/json")
    assert again.json()["copay_recorded"] is None
    assert again.json()["encounter_id"] == first.json()["encounter_id"]
    assert LedgerEntry.objects.filter(patient=world.home.patient).count() == 1
    assert Appointment.objects.get(pk=visit.pk).status == Status.CHECKED_IN
    bad = client.post(url, json.dumps({"copay": "lots"}), content_type="application/json")
    assert bad.status_code == 422 and "copay" in bad.json()["errors"]
    outsider = front_desk(world, outsider=True)
    assert outsider.post(url, body, content_type="application/json").status_code == 404


def test_it_refuses_to_check_in_a_cancelled_visit(world: World) -> None:
    visit = appointment(world, at=NOW, status=Status.CANCELLED)
    response = front_desk(world).post(
        reverse("appointments:check_in", args=[visit.pk]), {"copay": "", "method": "cash"}
    )
    assert response.status_code == 200
    assert "cannot be checked in" in response.content.decode()
    assert not Encounter.objects.filter(service_from=NOW.date()).exists()
