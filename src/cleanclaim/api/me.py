"""``GET /api/me``: who am I, my organisation, my roles and permissions."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from cleanclaim.practices.models import Membership
from cleanclaim.tenancy.scoping import permissions_of

router = Router(tags=["me"])


class RoleOut(Schema):
    practice_id: int
    practice: str
    role: str


class MeOut(Schema):
    email: str
    full_name: str
    organisation: str | None
    roles: list[RoleOut]
    permissions: list[str]


@router.get("/me", response=MeOut, url_name="me")
def me(request: HttpRequest) -> MeOut:
    user = request.auth  # type: ignore[attr-defined]
    memberships = Membership.objects.filter(
        user=user, practice__organisation_id=user.organisation_id
    ).select_related("practice")
    return MeOut(
        email=user.email,
        full_name=user.full_name,
        organisation=user.organisation.name if user.organisation_id else None,
        roles=[
            RoleOut(practice_id=m.practice_id, practice=m.practice.name, role=m.role)
            for m in memberships
        ],
        permissions=sorted(permissions_of(user)),
    )
