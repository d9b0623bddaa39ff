"""Inviting people: the one way an organisation's admin adds a user (issue 10).

Email addresses are unique across every organisation, so "that email is already
in use" would tell an admin that an address has an account somewhere. Instead an
admin invites an address and always gets the same answer — "Invitation sent" and
a pending row that is accepted, or expires, or is cancelled. What the message
says depends on who holds the address, decided when it is written
(:func:`addressee`) and again when the link is used:

- nobody: a one-time link to set a password (every validator applies, with the
  person's name and email) — the account is made then, in the inviting
  organisation, with the invited roles; administrators enrol a second factor next;
- a person of the inviting organisation: a link that, once they are signed in
  as that person, adds the roles after they confirm;
- a person of another organisation (or platform staff): a notice that someone at
  the organisation tried to add them and that an address belongs to one
  organisation only. No link; nothing changes.

Only the SHA-256 digest of a link's token is stored. A link works once, until
``settings.INVITATION_DAYS`` after it was sent; re-sending makes a new link and
the old one stops working. Who holds the address is never stored, shown or
audited: the admin's view and the audit trail read alike for the three cases.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import smtplib
from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.record import record
from cleanclaim.practices import passwords
from cleanclaim.practices.actions import active_admins, roles_of
from cleanclaim.practices.models import Invitation, InvitationRole, Membership, Practice, User
from cleanclaim.tenancy.scoping import forget_roles, practice_ids

__all__ = [
    "ELSEWHERE",
    "MEMBER",
    "NEW",
    "InvalidInvitation",
    "accept_as_member",
    "accept_as_new_user",
    "addressee",
    "cancel",
    "find",
    "invite",
    "resend",
]

NEW, MEMBER, ELSEWHERE = "new", "member", "elsewhere"

INVALID = (
    "This invitation link cannot be used: it has expired, was already used or was "
    "cancelled. Ask whoever invited you to send a new one."
)


class InvalidInvitation(ValidationError):
    """The token matches no pending, unexpired invitation (one message for every reason)."""

    def __init__(self) -> None:
        super().__init__(INVALID, code="invitation_invalid")


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _new_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(32)
    return token, _digest(token)


def _expiry(now: dt.datetime) -> dt.datetime:
    return now + dt.timedelta(days=settings.INVITATION_DAYS)


def addressee(invitation: Invitation) -> tuple[str, User | None]:
    """Who holds the invited address now: ``(NEW, None)``, ``(MEMBER, user)`` for a
    person of the inviting organisation, ``(ELSEWHERE, user)`` for anyone else."""
    user = User.objects.filter(email__iexact=invitation.email).first()
    if user is None:
        return NEW, None
    if user.organisation_id == invitation.organisation_id and not user.is_staff:
        return MEMBER, user
    return ELSEWHERE, user


def _roles_text(invitation: Invitation) -> str:
    return "; ".join(str(r) for r in invitation.roles.select_related("practice"))


def _send(invitation: Invitation, token: str, accept_url: str) -> None:
    """Write the message for whoever holds the address, and send it. Raises
    ``ValidationError`` (the caller's transaction rolls back) when it cannot go out."""
    kind, _ = addressee(invitation)
    organisation = invitation.organisation.name
    context: dict[str, Any] = {
        "invitation": invitation,
        "organisation": organisation,
        "inviter": invitation.invited_by,
        "roles": _roles_text(invitation),
        "days": settings.INVITATION_DAYS,
        "link": f"{accept_url}?{urlencode({'token': token})}" if kind != ELSEWHERE else "",
    }
    subjects = {
        NEW: f"{organisation} invites you to cleanclaim",
        MEMBER: f"New roles for you at {organisation}",
        ELSEWHERE: f"Someone at {organisation} tried to add you to cleanclaim",
    }
    body = render_to_string(f"practices/email/invitation_{kind}.txt", context)
    try:
        send_mail(subjects[kind], body, None, [invitation.email])
    except ImproperlyConfigured as exc:  # web.mail: CLEANCLAIM_EMAIL_URL not set
        raise ValidationError(
            f"The invitation was not sent: {exc}. Nothing was saved.", code="email_unconfigured"
        ) from None
    except (OSError, smtplib.SMTPException) as exc:
        raise ValidationError(
            f"The invitation could not be sent ({exc.__class__.__name__}: {exc}). "
            "Nothing was saved; try again later.",
            code="email_failed",
        ) from None


@transaction.atomic
def invite(
    actor: Actor,
    *,
    email: str,
    full_name: str,
    roles: dict[Practice, str],
    accept_url: str,
) -> Invitation:
    """Invite ``email`` to the given roles (blank: none) at practices the actor
    administers, and send the message. ``accept_url`` is the absolute address of the
    accept page. The same outcome whoever holds the address; raises ``ValidationError``
    only for the actor's own input (no role, a practice they do not administer) or
    when the message cannot be sent."""
    chosen = {p: r for p, r in roles.items() if r}
    if not chosen:
        raise ValidationError("Choose a role at one practice at least.", code="no_role")
    managed = practice_ids(actor.user, "users.manage")
    foreign = sorted(p.name for p in chosen if p.pk not in managed)
    if foreign:
        raise ValidationError(
            f"You do not administer {', '.join(foreign)}.", code="practice_not_managed"
        )
    now = timezone.now()
    token, digest = _new_token()
    invitation = Invitation.objects.create(
        organisation_id=actor.user.organisation_id,
        email=email.strip().lower(),
        full_name=full_name.strip(),
        invited_by=actor.user,
        token_hash=digest,
        created=now,
        sent=now,
        expires=_expiry(now),
    )
    for practice, role in chosen.items():
        InvitationRole.objects.create(invitation=invitation, practice=practice, role=role)
    record(
        actor,
        "create",
        invitation,
        changes={
            "email": invitation.email,
            "full_name": invitation.full_name,
            "roles": {p.name: r for p, r in chosen.items()},
            "expires": invitation.expires.isoformat(),
        },
    )
    _send(invitation, token, accept_url)
    return invitation


def _refuse_unless_pending(invitation: Invitation, what: str) -> None:
    if invitation.status != Invitation.Status.PENDING:
        raise ValidationError(
            f"The invitation of {invitation.email} was {invitation.get_status_display().lower()}: "
            f"it cannot be {what}.",
            code="invitation_finished",
        )


@transaction.atomic
def resend(actor: Actor, invitation: Invitation, *, accept_url: str) -> Invitation:
    """A new link (the old one stops working) valid for the full period from now."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    _refuse_unless_pending(invitation, "sent again")
    before = invitation.expires
    token, invitation.token_hash = _new_token()
    invitation.sent = timezone.now()
    invitation.expires = _expiry(invitation.sent)
    invitation.save(update_fields=["token_hash", "sent", "expires"])
    record(
        actor,
        "update",
        invitation,
        changes={"expires": [before.isoformat(), invitation.expires.isoformat()]},
        context={"event": "invitation sent again"},
    )
    _send(invitation, token, accept_url)
    return invitation


@transaction.atomic
def cancel(actor: Actor, invitation: Invitation) -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    _refuse_unless_pending(invitation, "cancelled")
    invitation.status = Invitation.Status.CANCELLED
    invitation.finished = timezone.now()
    invitation.save(update_fields=["status", "finished"])
    record(actor, "update", invitation, changes={"status": ["pending", "cancelled"]})
    return invitation


def find(token: str, *, for_update: bool = False) -> Invitation | None:
    """The pending, unexpired invitation whose link carries ``token``; else None."""
    if not token or len(token) > 100:
        return None
    qs = Invitation.objects.select_related("organisation")
    if for_update:
        qs = qs.select_for_update()
    invitation = qs.filter(token_hash=_digest(token), status=Invitation.Status.PENDING).first()
    if invitation is None or invitation.is_expired():
        return None
    return invitation


def _finish(actor: Actor, invitation: Invitation) -> None:
    invitation.status = Invitation.Status.ACCEPTED
    invitation.finished = timezone.now()
    invitation.save(update_fields=["status", "finished"])
    record(actor, "update", invitation, changes={"status": ["pending", "accepted"]})


def _offered(invitation: Invitation) -> dict[Practice, str]:
    return {r.practice: r.role for r in invitation.roles.select_related("practice")}


@transaction.atomic
def accept_as_new_user(token: str, actor: Actor, *, full_name: str, password: str) -> User:
    """Make the account of an address nobody holds, with the invited roles; the link
    is used up. ``actor`` is the anonymous request (the new user becomes the actor).
    Raises :class:`InvalidInvitation`, or ``ValidationError`` for a weak password."""
    invitation = find(token, for_update=True)
    if invitation is None or addressee(invitation)[0] != NEW:
        raise InvalidInvitation()
    passwords.check(password, email=invitation.email, full_name=full_name)
    user = User.objects.create_user(
        invitation.email, password, full_name=full_name, organisation=invitation.organisation
    )
    offered = _offered(invitation)
    for practice, role in offered.items():
        Membership.objects.create(user=user, practice=practice, role=role)
    actor = replace(actor, user=user)
    record(
        actor,
        "create",
        user,
        changes={
            "email": user.email,
            "full_name": user.full_name,
            "roles": roles_of(user, list(offered)),
        },
        context={"event": "accepted invitation", "invitation": invitation.pk},
    )
    _finish(actor, invitation)
    return user


@transaction.atomic
def accept_as_member(token: str, actor: Actor) -> User:
    """Give the signed-in person (``actor.user``, of the inviting organisation and
    holding the invited address) the invited roles; the link is used up. A role
    they hold at an invited practice is replaced, unless that would leave the
    practice without an active administrator."""
    invitation = find(token, for_update=True)
    user: User = actor.user
    kind, holder = addressee(invitation) if invitation else (None, None)
    if invitation is None or kind != MEMBER or holder is None or holder.pk != user.pk:
        raise InvalidInvitation()
    offered = _offered(invitation)
    practices = list(offered)
    before = roles_of(user, practices)
    admins_before = {p.pk: active_admins(p) for p in practices}
    for practice, role in offered.items():
        Membership.objects.update_or_create(user=user, practice=practice, defaults={"role": role})
    for practice in practices:
        if admins_before[practice.pk] and not active_admins(practice):
            raise ValidationError(
                f"{practice.name} would have no active administrator: ask another "
                "administrator to take the role first.",
                code="last_admin",
            )
    forget_roles(user)
    after = roles_of(user, practices)
    record(
        actor,
        "update",
        user,
        changes={"roles": [before, after]},
        context={"event": "accepted invitation", "invitation": invitation.pk},
    )
    _finish(actor, invitation)
    return user
