"""Northside invites an address held at Southside: the owner is told, nothing else
happens — the account stays where it is, no link exists, and the row just expires."""

from __future__ import annotations

import datetime as dt
import hashlib

import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cleanclaim.practices import invitations
from cleanclaim.practices.models import Invitation, Membership, User
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

from .invitation_helpers import admin_client, invite


def _snapshot(user: User) -> tuple[object, ...]:
    user.refresh_from_db()
    roles = sorted(Membership.objects.filter(user=user).values_list("practice", "role"))
    return (user.organisation_id, user.is_active, user.password, user.full_name, roles)


def test_it_leaves_the_other_organisations_account_alone(world: World) -> None:
    outsider = world.outsider.users[Role.CODER]
    before = _snapshot(outsider)
    invite(world, outsider.email, role="admin")
    invitation = Invitation.objects.get(email=outsider.email)
    assert invitations.addressee(invitation)[0] == invitations.ELSEWHERE
    assert _snapshot(outsider) == before
    assert User.objects.filter(email__iexact=outsider.email).count() == 1
    assert not Membership.objects.filter(user=outsider, practice=world.home.practice)


def test_a_leaked_token_would_not_move_the_account(world: World) -> None:
    """The message holds no link; even the token the row was made with does nothing."""
    outsider = world.outsider.users[Role.CODER]
    before = _snapshot(outsider)
    invitation = Invitation.objects.create(
        organisation=world.home.organisation,
        email=outsider.email,
        full_name="x",
        token_hash=hashlib.sha256(b"known-token").hexdigest(),  # as if it had leaked
        expires=timezone.now() + dt.timedelta(days=1),
    )
    invitation.roles.create(practice=world.home.practice, role="admin")
    anonymous = Client()
    assert anonymous.get(reverse("account:invitation"), {"token": "known-token"}).status_code == 400
    signed_in = Client()
    signed_in.force_login(outsider)
    answer = signed_in.post(reverse("account:invitation"), {"token": "known-token"})
    assert answer.status_code == 400
    assert _snapshot(outsider) == before


def test_the_row_expires_like_any_other(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.INVITATION_DAYS = 2
    invite(world, world.outsider.users[Role.CODER].email)
    with time_machine.travel(timezone.now() + dt.timedelta(days=3), tick=False):
        body = admin_client(world).get(reverse("manage:users")).content.decode()
    assert "coder@southside.test" in body and ">expired<" in body
