"""Reading or changing a patient or coverage leaves an audit entry: who, when,
from where, which record, which fields old → new."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from cleanclaim.audit.models import AuditEntry
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World


def _front_desk(world: World) -> Client:
    client = Client(REMOTE_ADDR="192.0.2.10", HTTP_USER_AGENT="pytest-browser/1.0")
    client.force_login(world.home.users[Role.FRONT_DESK])
    return client


def test_it_records_a_patient_read_with_who_and_where(world: World) -> None:
    patient = world.home.patient
    _front_desk(world).get(reverse("patients:detail", args=[patient.pk]))
    entry = AuditEntry.objects.get(action="read", object_pk=str(patient.pk))
    assert entry.user == world.home.users[Role.FRONT_DESK]
    assert entry.model == "patients.Patient"
    assert entry.ip == "192.0.2.10"
    assert entry.user_agent == "pytest-browser/1.0"
    assert entry.organisation == world.home.organisation
    assert entry.practice == world.home.practice


def test_it_records_the_list_shown_for_a_search(world: World) -> None:
    _front_desk(world).get(reverse("patients:list"), {"q": "Northsideson"})
    entry = AuditEntry.objects.get(action="read", object_pk="")
    assert entry.context == {"query": "Northsideson", "shown": [str(world.home.patient.pk)]}


def test_it_records_an_api_read(world: World) -> None:
    patient = world.home.patient
    response = _front_desk(world).get(f"/api/patients/{patient.pk}")
    assert response.status_code == 200
    entry = AuditEntry.objects.get(action="read", object_pk=str(patient.pk))
    assert entry.via == "api"


def test_it_records_changed_fields_old_and_new(world: World) -> None:
    patient = world.home.patient
    form = {
        "account_number": patient.account_number,
        "last_name": patient.last_name,
        "first_name": patient.first_name,
        "middle_name": "",
        "date_of_birth": "1950-05-17",
        "sex": "F",
        "address_line1": "77 New Street",
        "address_line2": "",
        "city": patient.city,
        "state": patient.state,
        "zip_code": patient.zip_code,
        "phone": "",
    }
    response = _front_desk(world).post(reverse("patients:edit", args=[patient.pk]), form)
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="update")
    assert entry.changes == {"address_line1": ["9 Elm Street", "77 New Street"]}
    patient.refresh_from_db()
    assert patient.address_line1 == "77 New Street"


def test_it_records_a_new_coverage(world: World) -> None:
    patient = world.home.patient
    response = _front_desk(world).post(
        reverse("patients:coverage_add", args=[patient.pk]),
        {
            "payer": world.home.payer.pk,
            "priority": 2,
            "member_id": "SEC123",
            "relationship": "18",
            "effective_date": "2026-01-01",
        },
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="create", model="patients.Coverage")
    assert entry.changes["member_id"] == "SEC123"
    assert entry.changes["payer_id"] == world.home.payer.pk
