"""Domain actions for users and roles, and for practice set-up: each owns its
transaction and is audited.

People join an organisation by invitation (``practices.invitations``), where a
new password passes every configured validator (with the person's name and
email for the similarity check). The account rules live here, not in the
views, so every caller gets them: a change may not leave a practice without an
active administrator (the last administrator cannot remove their own role or
deactivate themselves); and only an administrator of every practice a person
works at may deactivate them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.record import diff, record, snapshot
from cleanclaim.practices.models import (
    Membership,
    Practice,
    RenderingProvider,
    ServiceLocation,
    User,
)
from cleanclaim.tenancy.concurrency import check_version, save_versioned
from cleanclaim.tenancy.permissions import Role
from cleanclaim.tenancy.scoping import forget_roles, practice_ids


def roles_of(user: User, practices: list[Practice]) -> dict[str, str]:
    """``{practice name: role}`` (blank: none) at the given practices, for audit entries."""
    current = dict(
        Membership.objects.filter(user=user, practice__in=practices).values_list(
            "practice__name", "role"
        )
    )
    return {p.name: current.get(p.name, "") for p in practices}


def active_admins(practice: Practice) -> int:
    """How many active people hold the admin role at ``practice``."""
    return Membership.objects.filter(
        practice=practice, role=Role.ADMIN, user__is_active=True
    ).count()


def _check_may_deactivate(actor: Actor, user: User) -> None:
    managed = practice_ids(actor.user, "users.manage")
    elsewhere = Membership.objects.filter(user=user).exclude(practice_id__in=managed)
    if elsewhere.exists():
        raise ValidationError(
            f"{user.email} also works at a practice you do not administer: remove their "
            "roles here instead, or ask an administrator of every practice they work at.",
            code="deactivate_elsewhere",
        )


@transaction.atomic
def set_roles(actor: Actor, user: User, roles: dict[Practice, str], *, active: bool) -> User:
    """Replace the user's roles at the given practices (blank: no role) and (de)activate.
    Raises ``ValidationError`` (and changes nothing) when the change would leave a
    practice without an active administrator, or deactivates someone who also
    works where the actor is not an administrator."""
    practices = list(roles)
    before = {"roles": roles_of(user, practices), "is_active": user.is_active}
    admins_before = {p.pk: active_admins(p) for p in practices}
    if user.is_active != active:
        _check_may_deactivate(actor, user)
    for practice, role in roles.items():
        if role:
            Membership.objects.update_or_create(
                user=user, practice=practice, defaults={"role": role}
            )
        else:
            Membership.objects.filter(user=user, practice=practice).delete()
    if user.is_active != active:
        user.is_active = active
        user.save(update_fields=["is_active"])
    for practice in practices:
        if admins_before[practice.pk] and not active_admins(practice):
            user.is_active = before["is_active"]  # the transaction rolls the rest back
            raise ValidationError(
                f"{practice.name} would have no active administrator: "
                "make someone else administrator there first.",
                code="last_admin",
            )
    forget_roles(user)
    if actor.user is not None:
        forget_roles(actor.user)
    after = {"roles": roles_of(user, practices), "is_active": user.is_active}
    changes = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
    if changes:
        record(actor, "update", user, changes=changes)
    return user


# Practice set-up: the practice (the billing provider), its rendering providers and
# service locations. Each write is audited with what changed; edits are checked
# against the version the editor started from (cleanclaim.tenancy.concurrency).

SetupRow = Practice | RenderingProvider | ServiceLocation


@transaction.atomic
def add_setup_row(actor: Actor, row: SetupRow, fields: Iterable[str]) -> SetupRow:
    """Save a new provider or location (``row``, its fields set) and audit it.
    Raises ``ValidationError`` naming the field (or the duplicate) when not valid."""
    names = list(fields)
    row.save()  # ValidatedModel: full_clean first, constraints included
    record(actor, "create", row, changes=snapshot(row, names))
    return row


@transaction.atomic
def update_setup_row(
    actor: Actor, row: SetupRow, changes: dict[str, Any], *, expected_version: int | None
) -> SetupRow:
    """Change ``row``'s fields to ``changes``; :class:`StaleEdit` when it moved past
    ``expected_version``, ``ValidationError`` when the result is not valid. Audited
    with a diff (nothing written or recorded when nothing changed)."""
    model = type(row)
    noun = str(model._meta.verbose_name)
    locked = model._default_manager.select_for_update().get(pk=row.pk)
    expected = check_version(locked, expected_version, changes, noun=noun)
    before = snapshot(locked, changes)
    for name, value in changes.items():
        setattr(locked, name, value)
    locked.full_clean()
    diffs = diff(before, snapshot(locked, changes))
    if diffs:
        save_versioned(locked, expected, diffs, noun=noun)
        record(actor, "update", locked, changes=diffs, context={"version": locked.version})
    return locked
