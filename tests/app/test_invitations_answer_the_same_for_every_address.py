"""Issue 10: an admin inviting an address learns nothing about who holds it.

Jane's address is tried three ways by the Northside admin: nobody holds it, a
Northside nurse holds it (working only at Northside Pediatrics, so the admin does
not see her in the user list), a Southside coder holds it. The answer (status,
page, the pending row) and the audit entry are the same but for the address."""

from __future__ import annotations

import datetime as dt
import re

import time_machine
from django.db import transaction

from cleanclaim.audit.models import AuditEntry
from cleanclaim.practices.models import Invitation, Membership, User
from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

from .invitation_helpers import invite

NOW = dt.datetime(2026, 12, 5, 9, 30, tzinfo=dt.UTC)


def _normalised(text: str, email: str) -> str:
    text = text.replace(email, "ADDRESS")
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "CSRF", text)
    text = re.sub(r'"X-CSRFToken": "[^"]+"', "CSRF", text)
    return re.sub(r"/invitations/\d+/", "/invitations/N/", text)


def _answer(world: World, email: str) -> tuple[int, list[int], str, dict[str, object]]:
    """Invite ``email`` and undo everything after looking (so each case starts alike)."""
    with transaction.atomic():
        response = invite(world, email)
        entry = AuditEntry.objects.get(model="practices.Invitation", action="create")
        changes = {k: v for k, v in entry.changes.items() if k != "email"}
        answer = (
            response.status_code,
            [code for _, code in response.redirect_chain],
            _normalised(response.content.decode(), email),
            {"label": entry.object_label.replace(email, "ADDRESS"), **changes},
        )
        transaction.set_rollback(True)
    return answer


def test_it_answers_alike_for_an_unknown_a_colleagues_and_an_outsiders_address(
    world: World,
) -> None:
    unknown = "jane.okonkwo@nowhere.test"
    assert world.home.other_practice is not None
    nurse = User.objects.create_user(
        "nurse@pediatrics.test", None, organisation=world.home.organisation
    )
    Membership.objects.create(user=nurse, practice=world.home.other_practice, role=Role.BILLER)
    colleague = nurse.email
    outsider = world.outsider.users[Role.CODER].email
    with time_machine.travel(NOW, tick=False):
        answers = {email: _answer(world, email) for email in (unknown, colleague, outsider)}
    first = answers[unknown]
    assert first[0] == 200 and first[1] == [302]
    assert "Invitation sent to ADDRESS." in first[2]
    assert "already" not in first[2] and "in use" not in first[2]
    for email, answer in answers.items():
        assert answer == first, email


def test_it_lists_the_invitation_as_pending_whoever_holds_the_address(world: World) -> None:
    outsider = world.outsider.users[Role.CODER].email
    body = invite(world, outsider).content.decode()
    row = re.search(r'<table class="list" id="invitations">.*?</table>', body, re.S)
    assert row is not None
    assert outsider in row.group(0) and "pending" in row.group(0)
    assert "Coder at Northside Family Practice" in row.group(0)
    assert Invitation.objects.get(email=outsider).status == Invitation.Status.PENDING
