"""``/api/codes``: code search for a claim field, as the coding screen answers it.

``GET /api/codes/search?q=walker&kind=procedure&date=2026-05-01`` searches the systems of
a field: ``diagnosis`` (ICD-10-CM), ``procedure`` (CPT and HCPCS Level II, equipment and
supplies included), ``modifier``, ``other`` (place of service, adjustment reasons,
remarks) or ``all`` (every kind, each ranked on its own and returned in ``groups``).
``system=`` searches one code system instead. Errors: 400 ``{"detail": "..."}`` naming
the parameter (an unknown kind or system, a date that is not YYYY-MM-DD, a bad limit).
"""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from ninja import Router, Schema, Status

from cleanclaim.codes.model import SearchHit
from cleanclaim.coding import service
from cleanclaim.tenancy.guards import api_requires

router = Router(tags=["codes"])

MAX_LIMIT = 50


class HitOut(Schema):
    system: str
    code: str
    description: str
    billable: bool | None
    kind: str
    score: float


class GroupOut(Schema):
    kind: str
    label: str
    results: list[HitOut]


class SearchOut(Schema):
    query: str
    kind: str | None
    system: str | None
    date: dt.date
    results: list[HitOut]
    groups: list[GroupOut]
    warnings: list[str]


class ErrorOut(Schema):
    detail: str


def _hit(h: SearchHit) -> HitOut:
    return HitOut(
        system=h.system,
        code=h.code,
        description=h.description,
        billable=h.billable,
        kind=service.hit_kind(h),
        score=h.score,
    )


@router.get("/search", response={200: SearchOut, 400: ErrorOut}, url_name="codes_search")
@api_requires("coding.work")
def codes_search(
    request: HttpRequest,
    q: str = "",
    kind: str = "",
    system: str = "",
    date: str = "",
    limit: int = service.RESULT_LIMIT,
) -> SearchOut | Status[dict[str, str]]:
    if kind and system:
        return Status(400, {"detail": "give either kind or system, not both"})
    if kind and kind not in (*service.FIELDS, "all"):
        fields = ", ".join((*service.FIELDS, "all"))
        return Status(400, {"detail": f"unknown kind {kind!r} (one of {fields})"})
    if system and system not in service.SEARCH_SYSTEMS:
        systems = ", ".join(service.SEARCH_SYSTEMS)
        return Status(400, {"detail": f"unknown code system {system!r} (one of {systems})"})
    if not 1 <= limit <= MAX_LIMIT:
        return Status(400, {"detail": f"limit {limit} must be between 1 and {MAX_LIMIT}"})
    try:
        dos = service.parse_dos(date)
    except service.BadInput as exc:
        return Status(400, {"detail": str(exc)})
    target = system or kind or service.DEFAULT_FIELD
    answer = service.search(q, target, dos, limit=limit)
    return SearchOut(
        query=q,
        kind=None if system else target,
        system=system or None,
        date=dos,
        results=[_hit(h) for h in answer.hits],
        groups=[
            GroupOut(kind=g.kind, label=g.label, results=[_hit(h) for h in g.hits])
            for g in answer.groups
        ],
        warnings=answer.warnings,
    )
