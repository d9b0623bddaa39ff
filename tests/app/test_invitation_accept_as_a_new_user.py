"""Jane, whose address has no account, follows her link, chooses a password (every
validator applies, with her name and email) and is signed in with the invited role.
The link works once, and not after it expires."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cleanclaim.audit.models import AuditEntry
from cleanclaim.practices.models import Invitation, Membership, User
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

from .invitation_helpers import PASSWORD, accept_url, invite, last_message_to, token_in

EMAIL = "jane.okonkwo@nowhere.test"


@pytest.fixture(autouse=True)
def _fast_hashes(settings) -> None:  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _token(world: World, role: str = "coder") -> str:
    invite(world, EMAIL, role=role)
    return token_in(last_message_to(EMAIL))


def _accept(client: Client, token: str, password: str = PASSWORD) -> object:
    return client.post(
        reverse("account:invitation"),
        {"token": token, "full_name": "Jane Okonkwo", "password1": password, "password2": password},
    )


def test_it_makes_the_account_with_the_role_and_signs_her_in(world: World) -> None:
    token = _token(world)
    client = Client()
    page = client.get(accept_url(token))
    assert page.status_code == 200
    assert "Choose your password" in page.content.decode()
    assert page.context["form"]["full_name"].value() == "Jane Okonkwo"
    response = _accept(client, token)
    assert response.status_code == 302 and response["Location"] == reverse("home")
    jane = User.objects.get(email=EMAIL)
    assert jane.organisation == world.home.organisation
    assert jane.check_password(PASSWORD)
    assert list(Membership.objects.filter(user=jane).values_list("practice", "role")) == [
        (world.home.practice.pk, "coder")
    ]
    home = client.get(reverse("home"))  # signed in: a coder's home shows her work list
    assert home.status_code == 200 and "Visits to code" in home.content.decode()
    invitation = Invitation.objects.get(email=EMAIL)
    assert invitation.status == Invitation.Status.ACCEPTED
    made = AuditEntry.objects.get(model="practices.User", action="create")
    assert made.user == jane and made.organisation == world.home.organisation
    assert made.changes["roles"] == {world.home.practice.name: "coder"}
    assert "password" not in str(made.changes)
    done = AuditEntry.objects.get(model="practices.Invitation", action="update")
    assert done.changes == {"status": ["pending", "accepted"]}


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("janeokonkwo2024", "too similar"),
        ("okonkwo12345", "too similar"),
        ("nowhere.test1", "too similar"),
        ("password1234", "too common"),
        ("cleanclaim-demo", "published with the demo"),
        ("202612051410", "entirely numeric"),
        ("elevenchars", "too short"),
    ],
)
def test_it_refuses_a_weak_password(world: World, password: str, message: str) -> None:
    token = _token(world)
    response = _accept(Client(), token, password)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["password1"])
    assert not User.objects.filter(email=EMAIL).exists()
    assert Invitation.objects.get(email=EMAIL).status == Invitation.Status.PENDING


def test_it_refuses_two_different_passwords(world: World) -> None:
    token = _token(world)
    response = Client().post(
        reverse("account:invitation"),
        {"token": token, "full_name": "J O", "password1": PASSWORD, "password2": PASSWORD + "x"},
    )
    assert "differ" in " ".join(response.context["form"].errors["password2"])
    assert not User.objects.filter(email=EMAIL).exists()


def test_the_link_works_once(world: World) -> None:
    token = _token(world)
    assert _accept(Client(), token).status_code == 302
    again = Client()
    assert again.get(accept_url(token)).status_code == 400
    response = _accept(again, token, "another long passphrase here")
    assert response.status_code == 400
    assert "cannot be used" in response.content.decode()
    assert User.objects.get(email=EMAIL).check_password(PASSWORD)


def test_an_expired_link_is_refused(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.INVITATION_DAYS = 7
    token = _token(world)
    later = timezone.now() + dt.timedelta(days=7, minutes=1)
    with time_machine.travel(later, tick=False):
        assert Client().get(accept_url(token)).status_code == 400
        assert _accept(Client(), token).status_code == 400
        body = Client()
        body.force_login(world.home.users[Role.ADMIN])
        listed = body.get(reverse("manage:users")).content.decode()
    assert not User.objects.filter(email=EMAIL).exists()
    assert "expired" in listed


def test_an_unknown_token_is_refused_with_the_same_answer(world: World) -> None:
    _token(world)
    response = Client().get(accept_url("not-a-real-token"))
    assert response.status_code == 400
    assert "cannot be used" in response.content.decode()


def test_an_administrator_enrols_a_second_factor_next(world: World) -> None:
    token = _token(world, role="admin")
    client = Client()
    response = _accept(client, token)
    assert response.status_code == 302
    assert response["Location"] == reverse("account:enrol")
    # and nothing else is open until she has
    assert client.get(reverse("manage:users"))["Location"].startswith(reverse("account:enrol"))
