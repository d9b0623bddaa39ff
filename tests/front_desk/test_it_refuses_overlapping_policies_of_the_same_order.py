"""A patient has one primary (one secondary, one tertiary) on any day: a second policy
of the same order whose dates meet the first is refused, naming the one on file —
from the model, the form and the API alike. Other orders, or dates after the first
ended, are accepted."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cleanclaim.patients.models import Coverage
from cleanclaim.testing.personas import World

from .helpers import front_desk


def _policy(world: World, **fields: object) -> Coverage:
    values: dict[str, object] = {
        "patient": world.home.patient,
        "payer": world.home.payer,
        "priority": 1,
        "member_id": "NEW1",
        "effective_date": dt.date(2026, 6, 1),
    }
    values.update(fields)
    return Coverage(**values)


def test_it_refuses_a_second_primary_on_the_same_dates(world: World) -> None:
    with pytest.raises(ValidationError) as err:
        _policy(world).save()
    message = err.value.message_dict["priority"][0]
    assert "NORTHSIDEMEMBER1" in message  # the policy on file, named
    assert "2025-01-01 to open" in message


def test_it_accepts_a_secondary_or_a_primary_after_the_first_ends(world: World) -> None:
    _policy(world, priority=2).save()
    first = world.home.coverage
    first.termination_date = dt.date(2026, 5, 31)
    first.save()
    _policy(world).save()
    assert world.home.patient.coverages.filter(priority=1).count() == 2


def test_it_refuses_an_earlier_policy_that_runs_into_the_first(world: World) -> None:
    with pytest.raises(ValidationError):
        _policy(
            world, effective_date=dt.date(2024, 1, 1), termination_date=dt.date(2025, 1, 1)
        ).save()


def test_it_names_the_clash_in_the_form_and_the_api(world: World) -> None:
    client = front_desk(world)
    patient = world.home.patient
    form = {
        "payer": world.home.payer.pk,
        "priority": 1,
        "member_id": "NEW1",
        "relationship": "18",
        "effective_date": "2026-06-01",
    }
    response = client.post(reverse("patients:coverage_add", args=[patient.pk]), form)
    assert response.status_code == 200
    assert "NORTHSIDEMEMBER1" in response.context["form"].errors["priority"][0]
    api = client.post(
        f"/api/patients/{patient.pk}/policies",
        json.dumps(
            {
                "payer_id": world.home.payer.pk,
                "priority": 1,
                "member_id": "NEW1",
                "effective_date": "2026-06-01",
                "copay": "20.00",
            }
        ),
        content_type="application/json",
    )
    assert api.status_code == 422
    assert "NORTHSIDEMEMBER1" in api.json()["errors"]["priority"][0]
    assert patient.coverages.count() == 1
