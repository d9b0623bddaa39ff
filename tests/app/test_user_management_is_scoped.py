"""An admin manages the people of the practices they administer, and no more."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from cleanclaim.practices.models import Membership, User
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World


def _admin(world: World) -> Client:
    client = Client()
    client.force_login(world.home.users[Role.ADMIN])
    return client


def _pediatrics_only(world: World) -> User:
    """Works only at Northside Pediatrics, where the home admin holds no role."""
    user = User.objects.create_user(
        "nurse@pediatrics.test", None, organisation=world.home.organisation
    )
    assert world.home.other_practice is not None
    Membership.objects.create(user=user, practice=world.home.other_practice, role=Role.FRONT_DESK)
    return user


def test_it_does_not_list_a_user_who_works_only_at_another_practice(world: World) -> None:
    other = _pediatrics_only(world)
    body = _admin(world).get(reverse("manage:users")).content.decode()
    assert other.email not in body
    assert world.home.users[Role.CODER].email in body


def test_it_answers_404_to_deactivating_a_user_of_another_practice(world: World) -> None:
    other = _pediatrics_only(world)
    url = reverse("manage:user_roles", args=[other.pk])
    assert _admin(world).get(url).status_code == 404
    assert _admin(world).post(url, {}).status_code == 404
    other.refresh_from_db()
    assert other.is_active


def test_it_refuses_to_deactivate_someone_who_also_works_elsewhere(world: World) -> None:
    coder = world.home.users[Role.CODER]
    assert world.home.other_practice is not None
    Membership.objects.create(user=coder, practice=world.home.other_practice, role=Role.CODER)
    practice = world.home.practice
    response = _admin(world).post(
        reverse("manage:user_roles", args=[coder.pk]), {f"role_{practice.pk}": "coder"}
    )
    assert response.status_code == 200
    assert "practice you do not administer" in response.content.decode()
    coder.refresh_from_db()
    assert coder.is_active


def test_it_lists_a_user_with_no_role_anywhere(world: World) -> None:
    orphan = User.objects.create_user(
        "between.jobs@northside.test", None, organisation=world.home.organisation
    )
    body = _admin(world).get(reverse("manage:users")).content.decode()
    assert orphan.email in body


def test_the_last_admin_cannot_remove_their_own_role(world: World) -> None:
    admin = world.home.users[Role.ADMIN]
    practice = world.home.practice
    response = _admin(world).post(
        reverse("manage:user_roles", args=[admin.pk]),
        {f"role_{practice.pk}": "manager", "active": "on"},
    )
    assert response.status_code == 200
    assert "would have no active administrator" in response.content.decode()
    assert Membership.objects.get(user=admin, practice=practice).role == Role.ADMIN


def test_the_last_admin_cannot_deactivate_themselves(world: World) -> None:
    admin = world.home.users[Role.ADMIN]
    practice = world.home.practice
    response = _admin(world).post(
        reverse("manage:user_roles", args=[admin.pk]), {f"role_{practice.pk}": "admin"}
    )
    assert response.status_code == 200
    assert "would have no active administrator" in response.content.decode()
    admin.refresh_from_db()
    assert admin.is_active


def test_an_admin_may_step_down_when_another_remains(world: World) -> None:
    admin = world.home.users[Role.ADMIN]
    practice = world.home.practice
    Membership.objects.filter(user=world.home.users[Role.MANAGER]).update(role=Role.ADMIN)
    response = _admin(world).post(
        reverse("manage:user_roles", args=[admin.pk]),
        {f"role_{practice.pk}": "manager", "active": "on"},
    )
    assert response.status_code == 302
    assert Membership.objects.get(user=admin, practice=practice).role == Role.MANAGER


def test_it_lists_only_the_roles_at_practices_the_admin_administers(world: World) -> None:
    coder = world.home.users[Role.CODER]
    other = world.home.other_practice
    assert other is not None
    Membership.objects.create(user=coder, practice=other, role=Role.BILLER)
    body = _admin(world).get(reverse("manage:users")).content.decode()
    assert coder.email in body
    assert other.name not in body
