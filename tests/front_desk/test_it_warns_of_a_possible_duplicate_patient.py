"""Registering someone with the same name and birth date as a patient of the practice,
or a policy with a member id another patient holds at that payer, shows the existing
record (a link) and saves only with an explicit "create anyway"."""

from __future__ import annotations

from django.urls import reverse

from cleanclaim.patients.models import Patient
from cleanclaim.testing.personas import World

from .helpers import front_desk


def _form(world: World, **extra: object) -> dict[str, object]:
    patient = world.home.patient
    return {
        "practice": world.home.practice.pk,
        "account_number": "NEW-42",
        "last_name": patient.last_name.upper(),
        "first_name": patient.first_name,
        "date_of_birth": "1950-05-17",
        "sex": "F",
        "address_line1": "3 Oak Street",
        "city": "Portland",
        "state": "OR",
        "zip_code": "97201",
        **extra,
    }


def test_it_shows_the_existing_patient_and_saves_nothing(world: World) -> None:
    response = front_desk(world).post(reverse("patients:create"), _form(world))
    assert response.status_code == 200
    body = response.content.decode()
    assert reverse("patients:detail", args=[world.home.patient.pk]) in body
    assert "create anyway" in body
    assert not Patient.objects.filter(account_number="NEW-42").exists()


def test_it_creates_anyway_when_confirmed(world: World) -> None:
    response = front_desk(world).post(reverse("patients:create"), _form(world, create_anyway="on"))
    assert response.status_code == 302
    assert Patient.objects.filter(account_number="NEW-42").exists()


def test_it_warns_of_a_member_id_another_patient_holds(world: World) -> None:
    other = Patient.objects.create(
        practice=world.home.practice,
        account_number="NO-9",
        last_name="Else",
        first_name="Someone",
        date_of_birth="1970-01-01",
        sex="M",
        address_line1="1 A St",
        city="Portland",
        state="OR",
        zip_code="97201",
    )
    form = {
        "payer": world.home.payer.pk,
        "priority": 1,
        "member_id": world.home.coverage.member_id,
        "relationship": "18",
        "effective_date": "2026-01-01",
    }
    client = front_desk(world)
    response = client.post(reverse("patients:coverage_add", args=[other.pk]), form)
    assert response.status_code == 200
    assert reverse("patients:detail", args=[world.home.patient.pk]) in response.content.decode()
    assert other.coverages.count() == 0
    confirmed = client.post(
        reverse("patients:coverage_add", args=[other.pk]), {**form, "create_anyway": "on"}
    )
    assert confirmed.status_code == 302
    assert other.coverages.count() == 1
