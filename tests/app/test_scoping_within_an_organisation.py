"""Scoping is per practice inside an organisation: a role at one practice
shows nothing of another practice where the user holds no role."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from cleanclaim.patients.models import Patient
from cleanclaim.practices.models import Membership
from cleanclaim.tenancy.permissions import Role
from cleanclaim.tenancy.scoping import scoped
from cleanclaim.testing.personas import World


def test_it_hides_patients_of_a_practice_without_a_role(world: World) -> None:
    desk = world.home.users[Role.FRONT_DESK]
    other = world.home.other_patient
    assert other is not None
    assert list(scoped(Patient, desk, "patients.view")) == [world.home.patient]
    client = Client()
    client.force_login(desk)
    assert client.get(reverse("patients:detail", args=[other.pk])).status_code == 404
    assert client.get(f"/api/patients/{other.pk}").status_code == 404
    assert other.last_name not in client.get(reverse("patients:list")).content.decode()


def test_it_shows_them_once_the_user_holds_a_role_there(world: World) -> None:
    desk = world.home.users[Role.FRONT_DESK]
    other = world.home.other_patient
    assert other is not None
    Membership.objects.create(user=desk, practice=other.practice, role=Role.CODER)
    client = Client()
    client.force_login(desk)
    assert client.get(reverse("patients:detail", args=[other.pk])).status_code == 200
    # ... but only with the coder's permissions there: no editing.
    assert client.get(reverse("patients:edit", args=[other.pk])).status_code == 404


def test_it_ignores_memberships_in_another_organisation(world: World) -> None:
    """A role row pointing at a foreign practice (bad data) grants nothing there."""
    desk = world.home.users[Role.FRONT_DESK]
    Membership.objects.create(user=desk, practice=world.outsider.practice, role=Role.FRONT_DESK)
    assert world.outsider.patient not in scoped(Patient, desk, "patients.view")
