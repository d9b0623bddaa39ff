"""``GET /api/codes/search``: the coding screen's search as JSON, in the shape of
``cleanclaim codes search --json`` (``query``, ``results``, ``warnings``), with the same
explanation for a date no loaded release covers (``warnings``) instead of no answer."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status

from cleanclaim.api.auth import api_requires
from cleanclaim.coding import service

router = Router(tags=["codes"])


class HitOut(Schema):
    code: str
    system: str
    description: str
    billable: bool | None
    score: float


class SearchOut(Schema):
    query: str
    system: str
    date: str
    results: list[HitOut]
    warnings: list[str]  # no release covers the date, or the one that answered has ended


class ErrorOut(Schema):
    detail: str


@router.get(
    "/search",
    response={200: SearchOut, 400: ErrorOut},
    url_name="code_search",
    summary="Search codes by code or words",
)
@api_requires("coding.work")
def code_search(
    request: HttpRequest, q: str = "", system: str = "icd10cm", date: str | None = None
) -> Status[dict[str, Any]]:
    """``q``: a code or words; ``system``: icd10cm, hcpcs, cpt, modifier, pos, carc, rarc
    or all; ``date``: the date of service, YYYY-MM-DD (default today)."""
    try:
        chosen = service.parse_system(system)
        dos = service.parse_dos(date)
    except service.BadInput as exc:
        return Status(400, {"detail": str(exc)})
    answer = service.search(q, chosen, dos)
    return Status(
        200,
        {
            "query": q,
            "system": chosen,
            "date": dos.isoformat(),
            "results": [
                {
                    "code": h.code,
                    "system": h.system,
                    "description": h.description,
                    "billable": h.billable,
                    "score": h.score,
                }
                for h in answer.hits
            ],
            "warnings": answer.warnings,
        },
    )
