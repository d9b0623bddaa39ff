"""In Chromium: the front desk opens Today's patients, checks a patient in, collects
the card's copay and sees the receipt; the visit is started for the coder."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from cleanclaim.appointments.models import Appointment, Status
from cleanclaim.ledger.models import LedgerEntry
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "browser-checkin-pass-1"


def test_it_checks_a_patient_in(live_server: Any, page: Any, world: World) -> None:
    desk = world.home.users[Role.FRONT_DESK]
    desk.set_password(PASSWORD)
    desk.save()
    coverage = world.home.coverage
    coverage.copay = Decimal("25.00")
    coverage.save()
    visit = Appointment.objects.create(
        practice=world.home.practice,
        patient=world.home.patient,
        provider=world.home.provider,
        location=world.home.location,
        coverage=coverage,
        start=timezone.now(),
        reason="follow-up",
    )
    base = live_server.url
    page.goto(f"{base}/login/")
    page.get_by_label("Email").fill(desk.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Today's patients").click()
    row = page.locator("#schedule").get_by_role("row").filter(has_text=world.home.patient.last_name)
    assert "not checked" in row.inner_text()
    row.get_by_role("link", name="Check in").click()
    page.wait_for_load_state()
    assert page.get_by_label("Copay collected").input_value() == "25.00"
    page.get_by_label("Method").select_option("card")
    page.get_by_role("button", name="Collect and check in").click()
    page.wait_for_load_state()
    assert "Receipt: copay 25.00 paid by card" in page.locator("#receipt").inner_text()
    assert page.locator("#appointment-status").inner_text() == "Checked in"

    visit.refresh_from_db()
    assert visit.status == Status.CHECKED_IN and visit.encounter_id is not None
    assert LedgerEntry.objects.filter(key=f"checkin:{visit.pk}").count() == 1
