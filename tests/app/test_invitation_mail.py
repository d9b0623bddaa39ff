"""What the invited address receives depends on who holds it (the admin never sees it):
a set-password link, a sign-in-and-confirm link, or a notice with no link."""

from __future__ import annotations

from django.core import mail

from cleanclaim.tenancy.permissions import Role
from cleanclaim.testing.personas import World

from .invitation_helpers import invite, last_message_to, token_in


def test_an_unknown_address_gets_a_link_to_choose_a_password(world: World, settings) -> None:  # type: ignore[no-untyped-def]
    settings.INVITATION_DAYS = 5
    invite(world, "jane.okonkwo@nowhere.test")
    message = last_message_to("jane.okonkwo@nowhere.test")
    assert message.subject == "Northside Billing invites you to cleanclaim"
    assert "choose your password" in message.body
    assert "Coder at Northside Family Practice" in message.body
    assert "for 5 days" in message.body
    assert message.body.count("http://testserver/account/invitation/?token=") == 1
    assert len(token_in(message)) >= 40


def test_a_colleagues_address_gets_a_link_to_sign_in_and_confirm(world: World) -> None:
    coder = world.home.users[Role.CODER]
    invite(world, coder.email, role="biller")
    message = last_message_to(coder.email)
    assert message.subject == "New roles for you at Northside Billing"
    assert f"sign in with your account ({coder.email})" in message.body
    assert "Biller at Northside Family Practice" in message.body
    assert token_in(message)


def test_an_address_of_another_organisation_gets_a_notice_and_no_link(world: World) -> None:
    outsider = world.outsider.users[Role.CODER]
    invite(world, outsider.email)
    message = last_message_to(outsider.email)
    assert message.subject == "Someone at Northside Billing tried to add you to cleanclaim"
    assert "can belong to one organisation only" in message.body
    assert "nothing has changed" in message.body
    assert "http" not in message.body and "token" not in message.body
    # nothing about the Southside account or the roles offered goes to its owner
    assert "Southside" not in message.body and "Coder" not in message.body


def test_it_sends_exactly_one_message_per_invitation_from_the_configured_sender(
    world: World, settings
) -> None:  # type: ignore[no-untyped-def]
    settings.DEFAULT_FROM_EMAIL = "Northside billing <billing@northside.test>"
    for email in ("a@nowhere.test", world.home.users[Role.CODER].email):
        invite(world, email)
    assert [m.to for m in mail.outbox] == [["a@nowhere.test"], ["coder@northside.test"]]
    assert {m.from_email for m in mail.outbox} == {"Northside billing <billing@northside.test>"}
