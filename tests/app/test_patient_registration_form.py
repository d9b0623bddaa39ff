"""Front desk registers a patient; errors are shown next to, and tied to, their field."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from cleanclaim.audit.models import AuditEntry
from cleanclaim.patients.models import Patient
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

FORM = {
    "account_number": "NO777",
    "last_name": "Quill",
    "first_name": "Rosa",
    "middle_name": "",
    "date_of_birth": "1980-02-29",
    "sex": "F",
    "address_line1": "3 Bay Road",
    "address_line2": "",
    "city": "Portland",
    "state": "OR",
    "zip_code": "97201",
    "phone": "",
}


def _desk(world: World) -> Client:
    client = Client()
    client.force_login(world.home.users[Role.FRONT_DESK])
    return client


def test_it_registers_a_patient_at_a_practice_of_the_user(world: World) -> None:
    response = _desk(world).post(
        reverse("patients:create"), {**FORM, "practice": world.home.practice.pk}
    )
    assert response.status_code == 302
    patient = Patient.objects.get(account_number="NO777")
    assert patient.practice == world.home.practice
    assert AuditEntry.objects.filter(action="create", object_pk=str(patient.pk)).exists()


def test_it_refuses_a_practice_where_the_user_has_no_role(world: World) -> None:
    other = world.home.other_practice
    assert other is not None
    response = _desk(world).post(reverse("patients:create"), {**FORM, "practice": other.pk})
    assert response.status_code == 200
    assert "practice" in response.context["form"].errors
    assert not Patient.objects.filter(account_number="NO777").exists()


def test_it_ties_an_error_to_its_field(world: World) -> None:
    response = _desk(world).post(
        reverse("patients:create"),
        {**FORM, "practice": world.home.practice.pk, "state": "Oregon"},
    )
    html = response.content.decode()
    assert 'aria-describedby="id_state_error"' in html
    assert 'aria-invalid="true"' in html
    assert '<p class="error" id="id_state_error">' in html
    assert '<label for="id_state">' in html


def test_it_refuses_an_account_number_taken_at_the_practice(world: World) -> None:
    desk = _desk(world)
    desk.post(reverse("patients:create"), {**FORM, "practice": world.home.practice.pk})
    patient = world.home.patient
    response = desk.post(
        reverse("patients:edit", args=[patient.pk]), {**FORM, "account_number": "NO777"}
    )
    assert response.status_code == 200
    assert any("already exists" in e for e in response.context["form"].non_field_errors())
    patient.refresh_from_db()
    assert patient.account_number != "NO777"
