"""Weak passwords are refused wherever a user is created (an invitation's page and
action, Django's admin), with Django's messages."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from cleanclaim.audit.actor import Actor
from cleanclaim.practices import invitations
from cleanclaim.practices.models import User
from cleanclaim.testing.personas import World
from cleanclaim.web import demo

from .invitation_helpers import invite, last_message_to, token_in

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


def _invited(world: World) -> str:
    """Jane is invited by the Northside admin; the token from her message."""
    invite(world, EMAIL)
    return token_in(last_message_to(EMAIL))


@pytest.mark.parametrize(("password", "message"), WEAK)
def test_it_refuses_a_weak_password_on_the_invitation_page(
    world: World, password: str, message: str
) -> None:
    response = Client().post(
        reverse("account:invitation"),
        {
            "token": _invited(world),
            "full_name": NAME,
            "password1": password,
            "password2": password,
        },
    )
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors.get("password1", []))
    assert message in errors, errors
    assert not User.objects.filter(email=EMAIL).exists()


@pytest.mark.parametrize(("password", "message"), WEAK)
def test_it_refuses_a_weak_password_in_the_action(
    world: World, password: str, message: str
) -> None:
    token = _invited(world)
    with pytest.raises(ValidationError) as caught:
        invitations.accept_as_new_user(
            token, Actor(user=AnonymousUser()), full_name=NAME, password=password
        )
    assert message in " ".join(caught.value.messages)
    assert not User.objects.filter(email=EMAIL).exists()


def test_it_accepts_a_long_unrelated_passphrase(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user = invitations.accept_as_new_user(
        _invited(world),
        Actor(user=AnonymousUser()),
        full_name=NAME,
        password="violet harbour lantern sixty",
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
