"""The one place that decides what a user may see.

Every view, API operation, export and search gets its rows through
:func:`scoped` or :func:`get_scoped_or_404`. A model says how it reaches its
tenant with ``tenant_path``: the lookup from the model to its Practice
(``"practice"``, ``"patient__practice"``, ``"pk"`` for Practice itself) or to
its Organisation (``"organisation"`` on organisation-wide models such as
Payer). Rows are visible when they belong to the user's organisation and, for
practice-level rows, to a practice where the user's role grants the
permission asked for.

People are scoped through their roles (``tenant_path = "memberships"`` on
User): a user is visible when they hold a role at a practice where the
permission is granted, or when they hold no role anywhere in the organisation
(so an admin can still find and deactivate them). A person who works only at
practice B is invisible to the admin of practice A.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models
from django.http import Http404

from cleanclaim.tenancy.permissions import PERMISSIONS, permissions_for

M = TypeVar("M", bound=models.Model)

_CACHE_ATTR = "_cleanclaim_roles"


def _roles(user: Any) -> dict[int, str]:
    """``{practice_id: role}`` for the user, cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return {}
    cached = getattr(user, _CACHE_ATTR, None)
    if cached is None:
        from cleanclaim.practices.models import Membership

        cached = dict(
            Membership.objects.filter(
                user=user, practice__organisation_id=user.organisation_id
            ).values_list("practice_id", "role")
        )
        setattr(user, _CACHE_ATTR, cached)
    return cached


def forget_roles(user: Any) -> None:
    """Drop the cached roles (after memberships change within a request)."""
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def practice_ids(user: Any, permission: str) -> set[int]:
    """Ids of the practices where ``user`` holds a role granting ``permission``."""
    if permission not in PERMISSIONS:
        raise KeyError(f"unknown permission {permission!r}")
    return {pid for pid, role in _roles(user).items() if permission in permissions_for(role)}


def has_permission(user: Any, permission: str) -> bool:
    """Whether the permission is granted at any practice of the user's organisation."""
    return bool(practice_ids(user, permission))


def member_practice_ids(user: Any) -> set[int]:
    """Ids of the practices where the user holds any role (in their own organisation)."""
    return set(_roles(user))


def permissions_of(user: Any) -> frozenset[str]:
    perms: set[str] = set()
    for role in _roles(user).values():
        perms |= permissions_for(role)
    return frozenset(perms)


def _tenant_path(model: type[models.Model]) -> str:
    path = getattr(model, "tenant_path", None)
    if path is None:
        raise TypeError(f"{model.__name__} has no tenant_path: it cannot be scoped")
    return str(path)


def scoped(source: type[M] | models.QuerySet[M], user: Any, permission: str) -> models.QuerySet[M]:
    """Rows of ``source`` that ``user`` may see with ``permission`` (none for outsiders)."""
    qs = source if isinstance(source, models.QuerySet) else source._default_manager.all()
    ids = practice_ids(user, permission)
    if not ids:
        return qs.none()
    path = _tenant_path(qs.model)
    if path == "memberships":
        in_org = qs.filter(organisation_id=user.organisation_id)
        with_role_here = in_org.filter(memberships__practice_id__in=ids).values("pk")
        with_no_role = in_org.exclude(
            memberships__practice__organisation_id=user.organisation_id
        ).values("pk")
        return in_org.filter(models.Q(pk__in=with_role_here) | models.Q(pk__in=with_no_role))
    if path == "organisation" or path.endswith("__organisation"):
        return qs.filter(**{f"{path}_id": user.organisation_id})
    if path == "pk":
        if qs.model._meta.model_name == "organisation":
            return qs.filter(pk=user.organisation_id)
        return qs.filter(pk__in=ids, organisation_id=user.organisation_id)
    return qs.filter(**{f"{path}__in": ids, f"{path}__organisation_id": user.organisation_id})


def get_scoped_or_404(
    source: type[M] | models.QuerySet[M], user: Any, permission: str, **lookup: Any
) -> M:
    """One row the user may see, or 404 — the same answer whether the row does
    not exist or belongs to someone else, so ids leak nothing."""
    try:
        return scoped(source, user, permission).get(**lookup)
    except (models.ObjectDoesNotExist, ValueError, TypeError):
        raise Http404("not found") from None
