"""Patient demographics are checked wherever they come from (model, form, API), and
each refusal names its field: birth date not in the future nor before 1900, a US state,
DC or territory code, ZIP 5 or ZIP+4, a 10-digit NANP phone."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from cleanclaim.patients.models import Patient
from cleanclaim.testing.personas import World

from .helpers import front_desk

TODAY = dt.datetime(2026, 12, 7, 15, 0, tzinfo=dt.UTC)

BAD: list[tuple[str, Any, str]] = [
    ("date_of_birth", dt.date(2026, 12, 8), "in the future"),
    ("date_of_birth", dt.date(1899, 12, 31), "before 1900"),
    ("state", "ZZ", "not a US state"),
    ("state", "or", "not a US state"),
    ("zip_code", "9720", "5 or 9 digits"),
    ("phone", "503-555-012", "10 digits"),
    ("phone", "103-555-0123", "area code 103"),
    ("phone", "503-155-0123", "exchange 155"),
    ("phone", "911-555-0123", "service code"),
]


@pytest.fixture(autouse=True)
def frozen() -> Any:
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.mark.parametrize(("field", "value", "says"), BAD)
def test_it_refuses_on_the_model(world: World, field: str, value: Any, says: str) -> None:
    patient = world.home.patient
    setattr(patient, field, value)
    with pytest.raises(ValidationError) as err:
        patient.full_clean()
    assert says in " ".join(err.value.message_dict[field])


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("date_of_birth", dt.date(2026, 12, 7)),  # born today
        ("state", "DC"),
        ("state", "PR"),
        ("state", "MP"),
        ("zip_code", "97201-1234"),
        ("phone", "(503) 555-0123"),
        ("phone", "+1 503.555.0123"),
    ],
)
def test_it_accepts_on_the_model(world: World, field: str, value: Any) -> None:
    patient = world.home.patient
    setattr(patient, field, value)
    patient.full_clean()


def test_it_names_the_field_in_the_form(world: World) -> None:
    patient = world.home.patient
    form = {
        "account_number": patient.account_number,
        "last_name": patient.last_name,
        "first_name": patient.first_name,
        "date_of_birth": "2027-01-01",
        "sex": "F",
        "address_line1": "9 Elm Street",
        "city": "Portland",
        "state": "ZZ",
        "zip_code": "97201",
        "phone": "555-0100",
        "version": patient.version,
    }
    response = front_desk(world).post(reverse("patients:edit", args=[patient.pk]), form)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "in the future" in errors["date_of_birth"][0]
    assert "ZZ" in errors["state"][0]
    assert "10 digits" in errors["phone"][0]
    patient.refresh_from_db()
    assert patient.state == "OR"


def test_it_names_the_field_in_the_api(world: World) -> None:
    patient = world.home.patient
    response = front_desk(world).patch(
        f"/api/patients/{patient.pk}",
        json.dumps({"version": patient.version, "state": "ZZ", "phone": "000-555-0100"}),
        content_type="application/json",
    )
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert set(errors) == {"state", "phone"}
    assert Patient.objects.get(pk=patient.pk).state == "OR"


def test_it_requires_another_guarantors_name_and_address(world: World) -> None:
    patient = world.home.patient
    patient.guarantor_relationship = "01"
    with pytest.raises(ValidationError) as err:
        patient.full_clean()
    assert set(err.value.message_dict) == {
        "guarantor_last_name",
        "guarantor_first_name",
        "guarantor_address_line1",
        "guarantor_city",
        "guarantor_state",
        "guarantor_zip_code",
    }
