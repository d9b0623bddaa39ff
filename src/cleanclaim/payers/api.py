"""``/api/payers``: the full payer profile; managers create and change it.

Reads answer the organisation's profile, or with ``?practice=<id>`` the profile as
that practice sees it (its overrides applied, ``overridden`` naming them). Writes go
through :mod:`cleanclaim.payers.actions` (audited; PATCH version-checked).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from ninja import Field, ModelSchema, Router, Status
from ninja.errors import HttpError

from cleanclaim.api.versioning import (
    ConflictOut,
    ErrorOut,
    expected_version,
    patch_body,
    read_patch,
)
from cleanclaim.audit.actor import Actor
from cleanclaim.payers import actions
from cleanclaim.payers.forms import parse_connection_ids
from cleanclaim.payers.models import PROFILE_FIELDS, Payer
from cleanclaim.payers.profile import effective_profile
from cleanclaim.practices.models import Practice
from cleanclaim.tenancy.guards import api_requires
from cleanclaim.tenancy.scoping import get_scoped_or_404, scoped

router = Router(tags=["payers"])

#: Profile fields that may be null (a limit not set, a date not known).
NULLABLE = frozenset(n for n in PROFILE_FIELDS if Payer._meta.get_field(n).null)


class PayerOut(ModelSchema):
    filing_indicator: str = Field(description="SBR09: the override, else from the type")
    connection_ids: dict[str, str] = Field(description="connection name → payer id on it")
    overridden: list[str] = Field(description="fields the chosen practice overrides")

    class Meta:
        model = Payer
        fields = ["id", "version", *PROFILE_FIELDS]

    @staticmethod
    def resolve_connection_ids(obj: Payer) -> dict[str, str]:
        return {c.connection: c.connection_payer_id for c in obj.connection_ids.all()}

    @staticmethod
    def resolve_overridden(obj: Payer) -> list[str]:
        return sorted(getattr(obj, "overridden", ()))


class PayerIn(ModelSchema):
    """A new payer profile (``timely_amount`` and the payer's identity required)."""

    connection_ids: dict[str, str] = Field(default_factory=dict)

    class Meta:
        model = Payer
        fields = list(PROFILE_FIELDS)


class PayerPatch(ModelSchema):
    """The fields to change, and the version they were read at (or send If-Match)."""

    version: int | None = Field(None, ge=1)
    connection_ids: dict[str, str] | None = None

    class Meta:
        model = Payer
        fields = list(PROFILE_FIELDS)
        fields_optional = "__all__"


def _practice(request: HttpRequest, practice: int | None) -> Practice | None:
    if practice is None:
        return None
    return get_scoped_or_404(Practice, request.auth, "payers.view", pk=practice)  # type: ignore[attr-defined]


def _connection_ids(raw: dict[str, str]) -> dict[str, str]:
    try:
        return parse_connection_ids("\n".join(f"{k}: {v}" for k, v in raw.items()))
    except ValidationError as exc:
        raise HttpError(422, "connection_ids: " + "; ".join(exc.messages)) from None


def _invalid(exc: ValidationError) -> Status:
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return Status(422, {"detail": "; ".join(exc.messages), "errors": errors})


@router.get("", response=list[PayerOut], url_name="payer_list")
@api_requires("payers.view")
def payer_list(request: HttpRequest, practice: int | None = None) -> list[Payer]:
    """Every payer of the organisation (as ``practice`` sees them, when given)."""
    where = _practice(request, practice)
    payers = scoped(Payer, request.auth, "payers.view").prefetch_related("connection_ids")  # type: ignore[attr-defined]
    return [effective_profile(p, where) for p in payers]


@router.post(
    "",
    response={201: PayerOut, 422: ErrorOut},
    url_name="payer_list",
    openapi_extra=patch_body(PayerIn),
)
@api_requires("payers.change")
def payer_create(request: HttpRequest) -> Any:
    """Set up a payer; 422 naming each field that is not valid."""
    fields = read_patch(request, PayerIn, nullable=NULLABLE)
    ids = _connection_ids(fields.pop("connection_ids", {}))
    organisation = request.auth.organisation  # type: ignore[attr-defined]
    if Payer.objects.filter(organisation=organisation, payer_id=fields["payer_id"]).exists():
        return Status(422, {"detail": f"payer id {fields['payer_id']} is already set up"})
    actor = Actor.from_request(request, via="api")
    try:
        with transaction.atomic():
            payer = actions.add_payer(actor, organisation, **fields)
            if ids:
                actions.set_connection_ids(actor, payer, ids)
    except ValidationError as exc:
        return _invalid(exc)
    return Status(201, payer)


@router.get("/{pk}", response=PayerOut, url_name="payer_detail")
@api_requires("payers.view")
def payer_detail(request: HttpRequest, pk: int, practice: int | None = None) -> Payer:
    """One payer profile (as ``practice`` sees it, when given)."""
    payer = get_scoped_or_404(Payer, request.auth, "payers.view", pk=pk)  # type: ignore[attr-defined]
    return effective_profile(payer, _practice(request, practice))


@router.patch(
    "/{pk}",
    response={200: PayerOut, 409: ConflictOut, 422: ErrorOut},
    url_name="payer_detail",
    openapi_extra=patch_body(PayerPatch),
)
@api_requires("payers.change")
def payer_update(request: HttpRequest, pk: int) -> Any:
    """Change a payer profile; 409 with the changed fields when someone saved
    since ``version``; 428 without a version; 422 when a value is not valid."""
    payer = get_scoped_or_404(Payer, request.auth, "payers.change", pk=pk)  # type: ignore[attr-defined]
    fields = read_patch(request, PayerPatch, nullable=NULLABLE)
    version = expected_version(request, fields.pop("version", None))
    raw_ids = fields.pop("connection_ids", None)
    ids = None if raw_ids is None else _connection_ids(raw_ids)
    actor = Actor.from_request(request, via="api")
    try:
        with transaction.atomic():
            saved = actions.update_payer(actor, payer, expected_version=version, **fields)
            if ids is not None:
                actions.set_connection_ids(actor, saved, ids)
    except actions.StaleEdit as exc:
        return Status(409, exc.as_json())
    except ValidationError as exc:
        return _invalid(exc)
    return Status(200, saved)
