"""An admin sends an invitation again (a new link; the old one stops working) or
cancels it; both audited, both only for invitations to practices they administer."""

from __future__ import annotations

from django.core import mail
from django.test import Client
from django.urls import reverse

from cleanclaim.audit.models import AuditEntry
from cleanclaim.practices.models import Invitation, Membership
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

from .invitation_helpers import accept_url, admin_client, invite, last_message_to, token_in

EMAIL = "jane.okonkwo@nowhere.test"


def test_sending_again_makes_a_new_link_and_ends_the_old_one(world: World) -> None:
    invite(world, EMAIL)
    old = token_in(last_message_to(EMAIL))
    invitation = Invitation.objects.get(email=EMAIL)
    response = admin_client(world).post(
        reverse("manage:invitation_resend", args=[invitation.pk]), follow=True
    )
    assert f"Invitation sent again to {EMAIL}." in response.content.decode()
    new = token_in(last_message_to(EMAIL))
    assert new != old and len(mail.outbox) == 2
    assert Client().get(accept_url(old)).status_code == 400
    assert Client().get(accept_url(new)).status_code == 200
    entry = AuditEntry.objects.get(model="practices.Invitation", action="update")
    assert entry.context == {"event": "invitation sent again"}
    assert set(entry.changes) == {"expires"}


def test_cancelling_ends_the_link_and_the_row(world: World) -> None:
    invite(world, EMAIL)
    token = token_in(last_message_to(EMAIL))
    invitation = Invitation.objects.get(email=EMAIL)
    client = admin_client(world)
    body = client.post(
        reverse("manage:invitation_cancel", args=[invitation.pk]), follow=True
    ).content.decode()
    assert f"Invitation cancelled for {EMAIL}." in body
    assert 'id="invitations"' not in body  # no pending invitation left to list
    assert Client().get(accept_url(token)).status_code == 400
    entry = AuditEntry.objects.get(model="practices.Invitation", action="update")
    assert entry.changes == {"status": ["pending", "cancelled"]}
    again = client.post(reverse("manage:invitation_resend", args=[invitation.pk]), follow=True)
    assert "was cancelled: it cannot be sent again" in again.content.decode()
    assert len(mail.outbox) == 1


def test_an_invitation_is_audited_when_made(world: World) -> None:
    invite(world, EMAIL)
    entry = AuditEntry.objects.get(model="practices.Invitation", action="create")
    assert entry.user == world.home.users[Role.ADMIN]
    assert entry.organisation == world.home.organisation
    assert entry.changes["email"] == EMAIL
    assert entry.changes["roles"] == {world.home.practice.name: "coder"}


def test_an_outsider_admin_cannot_touch_it(world: World) -> None:
    invite(world, EMAIL)
    invitation = Invitation.objects.get(email=EMAIL)
    outsider = Client()
    outsider.force_login(world.outsider.users[Role.ADMIN])
    for name in ("manage:invitation_resend", "manage:invitation_cancel"):
        assert outsider.post(reverse(name, args=[invitation.pk])).status_code == 404
    assert EMAIL not in outsider.get(reverse("manage:users")).content.decode()
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.PENDING and len(mail.outbox) == 1


def test_an_admin_of_another_practice_does_not_see_it(world: World) -> None:
    invite(world, EMAIL)
    invitation = Invitation.objects.get(email=EMAIL)
    peds_admin = world.home.users[Role.MANAGER]
    assert world.home.other_practice is not None
    Membership.objects.create(user=peds_admin, practice=world.home.other_practice, role=Role.ADMIN)
    client = Client()
    client.force_login(peds_admin)
    assert EMAIL not in client.get(reverse("manage:users")).content.decode()
    response = client.post(reverse("manage:invitation_cancel", args=[invitation.pk]))
    assert response.status_code == 404


def test_an_invitation_needs_a_role(world: World) -> None:
    response = admin_client(world).post(
        reverse("manage:user_invite"), {"email": EMAIL, "full_name": "Jane Okonkwo"}
    )
    assert response.status_code == 200
    assert "Choose a role at one practice at least." in response.content.decode()
    assert not Invitation.objects.exists() and not mail.outbox
