"""The Northside coder, invited to be biller too, follows the link, signs in as herself
and confirms; the role is added. Someone else signed in cannot take it."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from cleanclaim.audit.models import AuditEntry
from cleanclaim.practices.models import Invitation, Membership
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

from .invitation_helpers import accept_url, invite, last_message_to, token_in


def _pediatrics_invitation(world: World) -> str:
    """The coder is invited to Northside Pediatrics by an admin of both practices."""
    admin = world.home.users[Role.ADMIN]
    assert world.home.other_practice is not None
    Membership.objects.create(user=admin, practice=world.home.other_practice, role=Role.ADMIN)
    client = Client()
    client.force_login(admin)
    coder = world.home.users[Role.CODER]
    client.post(
        reverse("manage:user_invite"),
        {"email": coder.email, "full_name": "C", f"role_{world.home.other_practice.pk}": "biller"},
    )
    return token_in(last_message_to(coder.email))


def test_it_asks_her_to_sign_in_first(world: World) -> None:
    token = _pediatrics_invitation(world)
    page = Client().get(accept_url(token))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Sign in as coder@northside.test to accept" in body
    assert "/login/?next=%2Faccount%2Finvitation%2F%3Ftoken%3D" in body
    assert Client().post(reverse("account:invitation"), {"token": token}).status_code == 200
    assert not Membership.objects.filter(practice=world.home.other_practice).exclude(
        role=Role.ADMIN
    )


def test_signed_in_she_confirms_and_gets_the_role(world: World) -> None:
    token = _pediatrics_invitation(world)
    coder = world.home.users[Role.CODER]
    client = Client()
    client.force_login(coder)
    page = client.get(accept_url(token))
    assert "Biller at Northside Pediatrics" in page.content.decode()
    assert not Membership.objects.filter(user=coder, practice=world.home.other_practice)
    response = client.post(reverse("account:invitation"), {"token": token})
    assert response.status_code == 302
    roles = dict(Membership.objects.filter(user=coder).values_list("practice", "role"))
    assert roles == {world.home.practice.pk: "coder", world.home.other_practice.pk: "biller"}
    assert Invitation.objects.get(email=coder.email).status == Invitation.Status.ACCEPTED
    entry = AuditEntry.objects.get(model="practices.User", action="update", user=coder)
    peds = "Northside Pediatrics"
    assert entry.changes["roles"] == [{peds: ""}, {peds: "biller"}]
    assert client.get(accept_url(token)).status_code == 400  # used up


def test_someone_else_signed_in_cannot_take_it(world: World) -> None:
    token = _pediatrics_invitation(world)
    biller = world.home.users[Role.BILLER]
    client = Client()
    client.force_login(biller)
    assert client.get(accept_url(token)).status_code == 403
    assert client.post(reverse("account:invitation"), {"token": token}).status_code == 403
    assert not Membership.objects.filter(practice=world.home.other_practice, role="biller")
    assert Invitation.objects.get(email="coder@northside.test").status == "pending"


def test_a_colleague_invited_to_a_role_she_has_keeps_one_role(world: World) -> None:
    coder = world.home.users[Role.CODER]
    invite(world, coder.email, role="biller")
    token = token_in(last_message_to(coder.email))
    client = Client()
    client.force_login(coder)
    assert client.post(reverse("account:invitation"), {"token": token}).status_code == 302
    assert list(Membership.objects.filter(user=coder).values_list("role", flat=True)) == ["biller"]
