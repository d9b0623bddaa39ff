"""``/api/payers``."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from cleanclaim.api.auth import api_requires
from cleanclaim.api.versioning import (
    ConflictOut,
    ErrorOut,
    expected_version,
    patch_body,
    read_patch,
)
from cleanclaim.audit.actor import Actor
from cleanclaim.payers import actions
from cleanclaim.payers.models import Payer
from cleanclaim.practices.scoping import get_scoped_or_404, scoped

router = Router(tags=["payers"])


class PayerOut(Schema):
    id: int
    name: str
    payer_id: str
    kind: str
    filing_indicator: str
    submission: str
    timely_filing_days: int
    active: bool
    version: int


@router.get("", response=list[PayerOut], url_name="payer_list")
@api_requires("payers.view")
def payer_list(request: HttpRequest) -> list[Payer]:
    return list(scoped(Payer, request.auth, "payers.view"))  # type: ignore[attr-defined]


@router.get("/{pk}", response=PayerOut, url_name="payer_detail")
@api_requires("payers.view")
def payer_detail(request: HttpRequest, pk: int) -> Payer:
    payer = get_scoped_or_404(Payer, request.auth, "payers.view", pk=pk)  # type: ignore[attr-defined]
    return payer


class PayerPatch(Schema):
    """The fields to change, and the version they were read at (or send If-Match)."""

    version: int | None = Field(None, ge=1)
    name: str | None = None
    payer_id: str | None = None
    kind: str | None = None
    submission: str | None = None
    timely_filing_days: int | None = None
    active: bool | None = None


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
    fields = read_patch(request, PayerPatch)
    version = expected_version(request, fields.pop("version", None))
    try:
        saved = actions.update_payer(
            Actor.from_request(request, via="api"), payer, expected_version=version, **fields
        )
    except actions.StaleEdit as exc:
        return Status(409, exc.as_json())
    except ValidationError as exc:
        return Status(422, {"detail": "; ".join(exc.messages), "errors": exc.message_dict})
    return Status(200, saved)
