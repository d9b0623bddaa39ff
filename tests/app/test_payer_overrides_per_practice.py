"""A practice sees the organisation's payer profile with its own overrides: Mona the
manager gives Northside Family Practice its own contract's filing limit and
enrolment; the organisation's profile and the other practice are unchanged."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.deadlines import Limit
from cleanclaim.payers import actions
from cleanclaim.payers.deadlines import limits_for
from cleanclaim.payers.models import PracticePayerOverride
from cleanclaim.payers.profile import effective_profile
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

ACTOR = Actor(user=None, via="test")


def _manager(world: World) -> Client:
    client = Client()
    client.force_login(world.home.users[Role.MANAGER])
    return client


def test_it_applies_only_the_overridden_fields(world: World) -> None:
    payer, practice = world.home.payer, world.home.practice
    actions.set_override(
        ACTOR,
        payer,
        practice,
        {"timely_amount": 90, "timely_citation": "our contract 3.1", "era_enrolment": "approved"},
    )

    profile = effective_profile(payer, practice)

    assert (profile.timely_amount, profile.timely_unit, profile.era_enrolment) == (
        90,
        "days",
        "approved",
    )
    assert profile.overridden == {"timely_amount", "timely_citation", "era_enrolment"}
    assert profile.name == payer.name
    assert effective_profile(payer, world.home.other_practice).timely_amount == 180
    assert effective_profile(payer).timely_amount == 180
    payer.refresh_from_db()
    assert payer.timely_amount == 180


def test_limits_for_a_practice_use_its_override(world: World) -> None:
    payer, practice = world.home.payer, world.home.practice
    actions.set_override(ACTOR, payer, practice, {"timely_amount": 6, "timely_unit": "months"})
    assert limits_for(payer, practice).timely == Limit(6, "months", "")
    assert limits_for(payer).timely == Limit(180, "days", "")


def test_it_refuses_an_override_that_makes_the_profile_invalid(world: World) -> None:
    with pytest.raises(ValidationError) as caught:
        actions.set_override(ACTOR, world.home.payer, world.home.practice, {"submission": "paper"})
    assert caught.value.message_dict == {
        "claims_address": ["paper claims need the address they are mailed to"]
    }
    assert not PracticePayerOverride.objects.exists()


def test_it_refuses_identity_fields_and_another_organisations_practice(world: World) -> None:
    with pytest.raises(ValidationError, match="not overridable per practice: name"):
        actions.set_override(ACTOR, world.home.payer, world.home.practice, {"name": "X"})
    with pytest.raises(ValidationError, match="not in the organisation"):
        actions.set_override(ACTOR, world.home.payer, world.outsider.practice, {"timely_amount": 9})


def test_it_audits_each_override_change_with_a_diff(world: World) -> None:
    payer, practice = world.home.payer, world.home.practice
    actions.set_override(
        ACTOR, payer, practice, {"claims_enrolment_effective": dt.date(2026, 2, 1)}
    )
    actions.set_override(
        ACTOR, payer, practice, {"claims_enrolment_effective": dt.date(2026, 3, 1)}
    )
    actions.set_override(ACTOR, payer, practice, {})

    entries = AuditEntry.objects.filter(model="payers.PracticePayerOverride").order_by("id")
    assert [(e.action, e.changes) for e in entries] == [
        ("create", {"claims_enrolment_effective": [None, "2026-02-01"]}),
        ("update", {"claims_enrolment_effective": ["2026-02-01", "2026-03-01"]}),
        ("delete", {"claims_enrolment_effective": ["2026-03-01", None]}),
    ]
    assert not PracticePayerOverride.objects.exists()
    assert effective_profile(payer, practice).claims_enrolment_effective is None


def test_the_override_page_saves_and_the_payer_page_shows_it(world: World) -> None:
    payer, practice = world.home.payer, world.home.practice
    url = reverse("payers:override", args=[payer.pk, practice.pk])
    client = _manager(world)

    response = client.post(url, {"timely_amount": "95", "corrected_claims_electronic": "no"})
    assert response.status_code == 200  # not electronic needs the process
    assert response.context["form"].errors["corrected_claims_process"]

    form = {"timely_amount": "95", "timely_citation": "Northside addendum"}
    response = client.post(url, form)
    assert response.status_code == 302
    assert PracticePayerOverride.objects.get().values == {
        "timely_amount": 95,
        "timely_citation": "Northside addendum",
    }
    page = client.get(response["Location"]).content.decode()
    assert (
        "95 days from the date of service (Northside addendum) <strong>(practice)</strong>" in page
    )


def test_a_manager_cannot_override_at_a_practice_where_they_have_no_role(world: World) -> None:
    other = world.home.other_practice
    assert other is not None
    url = reverse("payers:override", args=[world.home.payer.pk, other.pk])
    assert _manager(world).post(url, {"timely_amount": "95"}).status_code == 404
    assert not PracticePayerOverride.objects.exists()
