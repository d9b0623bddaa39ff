"""The patient page (and check-in, through the same include) shows the authorization
warnings and links to the patient's authorizations; the front desk records one there."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.test import Client
from django.urls import reverse

from cleanclaim.audit.actor import Actor
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

from .conftest import authorize


@time_machine.travel("2026-03-12 15:00Z", tick=False)
def test_it_shows_an_expiring_authorization(world: World, actor: Actor) -> None:
    authorize(world, actor, end_date=dt.date(2026, 3, 20))
    desk = Client()
    desk.force_login(world.home.users[Role.FRONT_DESK])
    page = desk.get(f"/patients/{world.home.patient.pk}/").content.decode()
    assert 'data-warning="expiring"' in page and "AUTH100" in page
    assert f"/authorizations/patient/{world.home.patient.pk}/" in page


@time_machine.travel("2026-03-12 15:00Z", tick=False)
def test_the_front_desk_records_one_from_a_phone_call(world: World) -> None:
    desk = Client()
    desk.force_login(world.home.users[Role.FRONT_DESK])
    url = f"/authorizations/patient/{world.home.patient.pk}/"
    form = {
        "coverage": world.home.coverage.pk,
        "number": "PHONE77",
        "services": "97110, 97112",
        "units_authorized": "8",
        "start_date": "2026-03-01",
        "end_date": "2026-05-31",
        "status": "approved",
        "source": "phone",
    }
    assert desk.post(url, form).status_code == 302
    page = desk.get(url).content.decode()
    assert 'data-authorization="PHONE77"' in page and "97110 97112" in page
    bad = desk.post(url, {**form, "services": "9711O-97110"})
    assert bad.status_code == 422 and "services" in bad.content.decode()


@time_machine.travel("2026-03-12 15:00Z", tick=False)
def test_the_coding_screen_shows_the_warnings(world: World, actor: Actor) -> None:
    from cleanclaim.claims import actions

    authorize(world, actor, end_date=dt.date(2026, 3, 20))
    encounter = actions.create_encounter(
        actor,
        world.home.patient,
        rendering_provider=world.home.provider,
        service_from=dt.date(2026, 3, 10),
        location=world.home.location,
        diagnoses=["M54.50"],
        lines=[{"procedure": "97110", "units": 2, "charge": "40.00", "pointers": ["A"]}],
    )
    coder = Client()
    coder.force_login(world.home.users[Role.CODER])
    page = coder.get(reverse("claims:encounter_code", args=[encounter.pk]))
    assert page.status_code == 200
    assert 'data-warning="expiring"' in page.content.decode()
