"""Domain actions for users and roles: each owns its transaction and is audited."""

from __future__ import annotations

from django.db import transaction

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.record import record
from cleanclaim.practices.models import Membership, Practice, User
from cleanclaim.practices.scoping import forget_roles


def _roles_of(user: User, practices: list[Practice]) -> dict[str, str]:
    current = dict(
        Membership.objects.filter(user=user, practice__in=practices).values_list(
            "practice__name", "role"
        )
    )
    return {p.name: current.get(p.name, "") for p in practices}


@transaction.atomic
def add_user(
    actor: Actor, *, email: str, full_name: str, password: str, roles: dict[Practice, str]
) -> User:
    """A new user in the actor's organisation with the given role per practice."""
    user = User.objects.create_user(
        email, password, full_name=full_name, organisation_id=actor.user.organisation_id
    )
    for practice, role in roles.items():
        if role:
            Membership.objects.create(user=user, practice=practice, role=role)
    record(
        actor,
        "create",
        user,
        changes={
            "email": user.email,
            "full_name": full_name,
            "roles": _roles_of(user, list(roles)),
        },
    )
    return user


@transaction.atomic
def set_roles(actor: Actor, user: User, roles: dict[Practice, str], *, active: bool) -> User:
    """Replace the user's roles at the given practices (blank: no role) and (de)activate."""
    practices = list(roles)
    before = {"roles": _roles_of(user, practices), "is_active": user.is_active}
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
    forget_roles(user)
    after = {"roles": _roles_of(user, practices), "is_active": user.is_active}
    changes = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
    if changes:
        record(actor, "update", user, changes=changes)
    return user
