"""``/api/fees``: the practices' fee schedules, their rows, the charge for a code, and
importing a fee file (``dry_run`` answers the plan and writes nothing). Reads need
``fees.view``, the import ``fees.manage``; writes go through :mod:`cleanclaim.fees.actions`."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from cleanclaim.api.versioning import patch_body, read_patch
from cleanclaim.audit.actor import Actor
from cleanclaim.fees import actions
from cleanclaim.fees.models import Fee, FeeSchedule
from cleanclaim.fees.service import fee_for, schedule_on
from cleanclaim.fees.transfer import MAX_BYTES, FeeFileError, read_fees
from cleanclaim.practices.models import Practice
from cleanclaim.tenancy.guards import api_requires
from cleanclaim.tenancy.scoping import get_scoped_or_404, scoped

router = Router(tags=["fees"])
#: Most rows answered per request (``limit``); ``total`` says how many there are.
MAX_LIMIT = 1000


class ScheduleOut(Schema):
    id: int
    practice: int = Field(alias="practice_id")
    name: str
    effective_from: dt.date
    effective_to: dt.date | None
    version: int


class FeeOut(Schema):
    id: int
    code: str
    modifier: str
    charge: Decimal
    allowed: dict[str, Decimal] = Field(description="payer id → expected allowed amount")
    version: int

    @staticmethod
    def resolve_allowed(obj: Fee) -> dict[str, Decimal]:
        return {a.payer.payer_id: a.amount for a in obj.allowed.all()}


class RowsOut(Schema):
    total: int
    offset: int
    limit: int
    rows: list[FeeOut]


class ChargeOut(Schema):
    practice: int
    code: str
    modifier: str
    date: dt.date
    charge: Decimal | None = Field(description="null: no row prices the code on the date")
    schedule: int | None
    matched: str | None = Field(description="the row that priced it: code or code-modifier")


class ImportIn(Schema):
    practice: int
    csv: str = Field(..., max_length=MAX_BYTES)
    schedule: str = Field("", max_length=100)
    effective: dt.date | None = None
    dry_run: bool = False


class ProblemOut(Schema):
    line: int
    column: str
    reason: str


class ImportOut(Schema):
    dry_run: bool
    schedule: int | None
    summary: list[str]
    added: int
    changed: int
    removed: int
    unchanged: int
    warnings: list[str]


class ImportErrorOut(Schema):
    detail: str
    problems: list[ProblemOut] = []


@router.get("/schedules", response=list[ScheduleOut], url_name="fee_schedule_list")
@api_requires("fees.view")
def schedule_list(request: HttpRequest, practice: int | None = None) -> Any:
    """The schedules of the practices the caller may see (one practice, when given)."""
    qs = scoped(FeeSchedule, request.auth, "fees.view")  # type: ignore[attr-defined]
    if practice is not None:
        qs = qs.filter(practice_id=practice)
    return qs.order_by("practice_id", "-effective_from")


@router.get("/schedules/{pk}/rows", response=RowsOut, url_name="fee_rows")
@api_requires("fees.view")
def schedule_rows(request: HttpRequest, pk: int, offset: int = 0, limit: int = 100) -> Any:
    """The rows of a schedule, ``limit`` (at most 1000) from ``offset``; ``total`` counts all."""
    schedule = get_scoped_or_404(FeeSchedule, request.auth, "fees.view", pk=pk)  # type: ignore[attr-defined]
    if offset < 0 or not 1 <= limit <= MAX_LIMIT:
        raise HttpError(422, f"offset must be 0 or more and limit 1 to {MAX_LIMIT}")
    rows = Fee.objects.filter(schedule=schedule).prefetch_related("allowed__payer")
    return {
        "total": rows.count(),
        "offset": offset,
        "limit": limit,
        "rows": list(rows[offset : offset + limit]),
    }


@router.get("/charge", response={200: ChargeOut, 422: ImportErrorOut}, url_name="fee_charge")
@api_requires("fees.view")
def charge(
    request: HttpRequest,
    practice: int | None = None,
    code: str = "",
    modifier: str = "",
    date: str = "",
) -> Any:
    """The charge for ``code`` (+ ``modifier``) at ``practice`` on ``date`` (default
    today): the row with the modifier first, then the code alone; ``charge`` null when
    none prices it."""
    missing = [n for n, v in (("practice", practice), ("code", code)) if not v]
    if missing:
        return Status(422, {"detail": f"{', '.join(missing)}: required"})
    try:
        on = dt.date.fromisoformat(date) if date else dt.date.today()
    except ValueError:
        return Status(422, {"detail": f"date: {date[:20]!r} is not a date like 2026-06-01"})
    where = get_scoped_or_404(Practice, request.auth, "fees.view", pk=practice)  # type: ignore[attr-defined]
    code, modifier = code.strip().upper()[:5], modifier.strip().upper()[:2]
    fee = fee_for(where, code, [modifier] if modifier else [], on)
    schedule = schedule_on(where, on)
    return {
        "practice": where.pk,
        "code": code,
        "modifier": modifier,
        "date": on,
        "charge": fee.charge if fee else None,
        "schedule": schedule.pk if schedule else None,
        "matched": fee.key if fee else None,
    }


@router.post(
    "/import",
    response={200: ImportOut, 201: ImportOut, 409: ImportErrorOut, 422: ImportErrorOut},
    url_name="fee_import",
    openapi_extra=patch_body(ImportIn),
)
@api_requires("fees.manage")
def import_fees(request: HttpRequest) -> Any:
    """Import a fee file (CSV text in ``csv``) into the practice's schedule named
    ``schedule`` (new from ``effective`` when the name is new) or the one in force on
    ``effective``; ``dry_run``: the plan only. 422 with every problem by line: nothing
    is written."""
    body = read_patch(request, ImportIn)
    for name in ("practice", "csv"):
        if name not in body:
            raise HttpError(422, f"{name}: required")
    where = get_scoped_or_404(Practice, request.auth, "fees.manage", pk=body["practice"])  # type: ignore[attr-defined]
    payers = actions.payers_of(where).values_list("payer_id", flat=True)
    try:
        table = read_fees(body["csv"], "csv", known_payers=list(payers))
        plan = actions.plan_import(
            where, table, name=body.get("schedule", ""), effective=body.get("effective")
        )
    except FeeFileError as exc:
        return Status(422, {"detail": exc.summary(), "problems": exc.problems})
    except actions.ImportRefused as exc:
        return Status(422, {"detail": str(exc)})
    dry_run = bool(body.get("dry_run"))
    schedule = plan.schedule
    if not dry_run:
        try:
            schedule = actions.apply_import(Actor.from_request(request, via="api"), plan)
        except (actions.StaleEdit, actions.ImportRefused) as exc:
            return Status(409, {"detail": str(exc)})
    out = {
        "dry_run": dry_run,
        "schedule": schedule.pk if schedule else None,
        "summary": plan.describe(),
        "added": len(plan.added),
        "changed": len(plan.changed),
        "removed": len(plan.removed),
        "unchanged": plan.unchanged,
        "warnings": plan.warning_lines(),
    }
    return Status(200 if dry_run else 201, out)
