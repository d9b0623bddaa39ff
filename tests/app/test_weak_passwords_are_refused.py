"""Weak passwords are refused wherever a user is created, with Django's messages."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from cleanclaim.audit.actor import Actor
from cleanclaim.practices import actions
from cleanclaim.practices.models import User
from cleanclaim.practices.permissions import Role
from cleanclaim.testing.personas import World
from cleanclaim.web import demo

EMAIL = "jane.okonkwo@northside.test"
NAME = "Jane Okonkwo"

#: (password, a phrase of the message that refuses it)
WEAK = [
    ("password1234", "too common"),
    (demo.PASSWORD, "published with the demo"),
    (demo.PASSWORD.upper(), "published with the demo"),
    ("janeokonkwo2024", "too similar"),
    ("jane.okonkwo1", "too similar"),
    ("okonkwo12345", "too similar"),
    ("123456789012", "entirely numeric"),
    ("202612051410", "entirely numeric"),
    ("short", "too short"),
    ("elevenchars", "too short"),
    ("qwertyuiop123", "too common"),
    ("1qaz2wsx3edc", "too common"),
    ("northside.test", "too similar"),
]


@pytest.mark.parametrize(("password", "message"), WEAK)
def test_it_refuses_a_weak_password_in_the_add_user_form(
    world: World, password: str, message: str
) -> None:
    client = Client()
    client.force_login(world.home.users[Role.ADMIN])
    response = client.post(
        reverse("manage:user_create"),
        {"email": EMAIL, "full_name": NAME, "password": password, "active": "on"},
    )
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors.get("password", []))
    assert message in errors, errors
    assert not User.objects.filter(email=EMAIL).exists()


@pytest.mark.parametrize(("password", "message"), WEAK)
def test_it_refuses_a_weak_password_in_the_action(
    world: World, password: str, message: str
) -> None:
    admin = world.home.users[Role.ADMIN]
    with pytest.raises(ValidationError) as caught:
        actions.add_user(
            Actor.system(admin), email=EMAIL, full_name=NAME, password=password, roles={}
        )
    assert message in " ".join(caught.value.messages)
    assert not User.objects.filter(email=EMAIL).exists()


def test_it_accepts_a_long_unrelated_passphrase(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user = actions.add_user(
        Actor.system(world.home.users[Role.ADMIN]),
        email=EMAIL,
        full_name=NAME,
        password="violet harbour lantern sixty",
        roles={},
    )
    assert user.check_password("violet harbour lantern sixty")


@pytest.mark.parametrize(
    ("password", "message"),
    [(demo.PASSWORD, "published with the demo"), ("janeokonkwo2024", "too similar")],
)
def test_it_refuses_a_weak_password_in_djangos_admin(
    world: World, password: str, message: str
) -> None:
    client = Client()
    client.force_login(world.staff)
    response = client.post(
        reverse("admin:practices_user_add"),
        {"email": EMAIL, "full_name": NAME, "password1": password, "password2": password},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(email=EMAIL).exists()
