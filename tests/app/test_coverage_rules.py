"""Coverage: subscriber details are required when the patient is not the
subscriber (837P loop 2010BA / 2000C); dates must be in order; the payer must
belong to the patient's organisation."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from cleanclaim.patients.models import Coverage
from cleanclaim.testing.personas import World


def _coverage(world: World, **fields: object) -> Coverage:
    base: dict[str, object] = {
        "patient": world.home.patient,
        "payer": world.home.payer,
        "priority": 2,
        "member_id": "X1",
        "effective_date": dt.date(2026, 1, 1),
    }
    return Coverage(**{**base, **fields})


def test_it_requires_the_subscriber_when_the_patient_is_a_dependent(world: World) -> None:
    with pytest.raises(ValidationError) as err:
        _coverage(world, relationship=Coverage.Relationship.CHILD).save()
    assert set(err.value.message_dict) == {
        "subscriber_last_name",
        "subscriber_first_name",
        "subscriber_date_of_birth",
        "subscriber_sex",
        "subscriber_address_line1",
        "subscriber_city",
        "subscriber_state",
        "subscriber_zip_code",
    }


def test_it_rejects_a_termination_before_the_effective_date(world: World) -> None:
    with pytest.raises(ValidationError) as err:
        _coverage(world, termination_date=dt.date(2025, 12, 31)).save()
    assert err.value.message_dict["termination_date"] == [
        "termination date is before the effective date"
    ]


def test_it_rejects_a_payer_of_another_organisation(world: World) -> None:
    with pytest.raises(ValidationError) as err:
        _coverage(world, payer=world.outsider.payer).save()
    assert err.value.message_dict["payer"] == ["payer belongs to another organisation"]


def test_it_knows_when_coverage_is_active(world: World) -> None:
    c = _coverage(world, termination_date=dt.date(2026, 6, 30))
    assert not c.is_active_on(dt.date(2025, 12, 31))
    assert c.is_active_on(dt.date(2026, 6, 30))
    assert not c.is_active_on(dt.date(2026, 7, 1))
