"""Shared steps of the invitation tests: an admin invites, the message carries the link."""

from __future__ import annotations

import re
from typing import Any

from django.core import mail
from django.test import Client
from django.urls import reverse

from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

PASSWORD = "violet harbour lantern sixty"


def admin_client(world: World) -> Client:
    client = Client()
    client.force_login(world.home.users[Role.ADMIN])
    return client


def invite(world: World, email: str, role: str = "coder", *, client: Client | None = None) -> Any:
    """Admin → Users → Invite a user, at the home practice; the answer, redirects followed."""
    return (client or admin_client(world)).post(
        reverse("manage:user_invite"),
        {"email": email, "full_name": "Jane Okonkwo", f"role_{world.home.practice.pk}": role},
        follow=True,
    )


def last_message_to(email: str) -> Any:
    sent = [m for m in mail.outbox if m.to == [email]]
    assert sent, f"no message to {email}"
    return sent[-1]


def token_in(message: Any) -> str:
    found = re.search(r"/account/invitation/\?token=([A-Za-z0-9_\-]+)", message.body)
    assert found, message.body
    return found.group(1)


def accept_url(token: str) -> str:
    return f"{reverse('account:invitation')}?token={token}"
