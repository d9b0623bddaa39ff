"""``/api/payers``."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from cleanclaim.api.auth import api_requires
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


@router.get("", response=list[PayerOut], url_name="payer_list")
@api_requires("payers.view")
def payer_list(request: HttpRequest) -> list[Payer]:
    return list(scoped(Payer, request.auth, "payers.view"))  # type: ignore[attr-defined]


@router.get("/{pk}", response=PayerOut, url_name="payer_detail")
@api_requires("payers.view")
def payer_detail(request: HttpRequest, pk: int) -> Payer:
    return get_scoped_or_404(Payer, request.auth, "payers.view", pk=pk)  # type: ignore[attr-defined]
