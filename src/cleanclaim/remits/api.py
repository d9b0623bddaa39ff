"""``/api/remittances``: upload an 835, see it, post it (or a dry run), the unmatched
work list. Everything needs ``remittance.post``; writes go through
:mod:`cleanclaim.remits.actions`."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.phi import shows_phi
from cleanclaim.audit.record import record, record_event
from cleanclaim.practices.models import Practice
from cleanclaim.remits import actions
from cleanclaim.remits.models import ClaimPayment, RemittanceFile, Unmatched
from cleanclaim.tenancy.guards import api_requires
from cleanclaim.tenancy.scoping import get_scoped_or_404, scoped

router = Router(tags=["remittances"])
PERM = "remittance.post"
#: The largest 835 taken by upload (a 10,000-claim file is about 3 MiB).
MAX_BYTES = 64 * 1024 * 1024


class ErrorOut(Schema):
    detail: str


class FileOut(Schema):
    id: int
    name: str
    practice: int | None
    payer: str
    trace: str
    total_payment: Decimal
    claim_count: int
    status: str
    differences: list[dict[str, Any]]


class PaymentOut(Schema):
    id: int
    patient_control_number: str
    status_code: str
    charge: Decimal
    paid: Decimal
    claim: str | None
    how: str
    forwarded: bool
    postings: list[dict[str, Any]]
    note: str


class DetailOut(FileOut):
    dry_run: list[dict[str, Any]]
    payments: list[PaymentOut]


class PostOut(Schema):
    dry_run: bool
    posted: int = 0
    skipped: int = 0
    unmatched: int = 0
    would_post: list[dict[str, Any]] = []


class UnmatchedOut(Schema):
    id: int
    remittance: int
    patient_control_number: str
    paid: Decimal
    candidates: list[dict[str, Any]]


def _file_out(rf: RemittanceFile) -> dict[str, Any]:
    return {
        "id": rf.pk,
        "name": rf.name,
        "practice": rf.practice_id,
        "payer": rf.payer_name,
        "trace": rf.trace,
        "total_payment": rf.total_payment,
        "claim_count": rf.claim_count,
        "status": rf.status,
        "differences": rf.differences,
    }


def _file(request: HttpRequest, pk: int) -> RemittanceFile:
    rf = get_scoped_or_404(RemittanceFile, request.auth, PERM, pk=pk)  # type: ignore[attr-defined]
    if rf.practice_id:
        get_scoped_or_404(Practice, request.auth, PERM, pk=rf.practice_id)  # type: ignore[attr-defined]
    return rf


@router.post(
    "",
    response={201: FileOut, 200: FileOut, 413: ErrorOut, 422: ErrorOut},
    url_name="remittance_upload",
    openapi_extra={
        "requestBody": {"content": {"application/edi-x12": {"schema": {"type": "string"}}}}
    },
)
@api_requires(PERM)
def upload(request: HttpRequest, practice: int | None = None, name: str = "upload.835") -> Any:
    """Take in an 835 (the request body) for ``practice``: 201 with its balancing
    ``differences`` (status ``refused`` when it does not balance), 200 when the same
    bytes were taken in before."""
    if practice is None:
        return Status(422, {"detail": "practice: required"})
    where = get_scoped_or_404(Practice, request.auth, PERM, pk=practice)  # type: ignore[attr-defined]
    data = request.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        return Status(413, {"detail": f"an 835 is at most {MAX_BYTES} bytes"})
    if not data:
        return Status(422, {"detail": "the request body is empty: send the 835"})
    before = RemittanceFile.objects.filter(organisation_id=where.organisation_id).count()
    try:
        rf = actions.take_in_835(Actor.from_request(request, via="api"), where, name, data)
    except actions.Unreadable as exc:
        return Status(422, {"detail": str(exc)})
    created = RemittanceFile.objects.filter(organisation_id=where.organisation_id).count() > before
    return Status(201 if created else 200, _file_out(rf))


@router.get("/unmatched", response=list[UnmatchedOut], url_name="remittance_unmatched")
@api_requires(PERM)
@shows_phi
def unmatched(request: HttpRequest) -> Any:
    """Claim payments no claim answered yet, with the candidates weighed."""
    rows = list(
        scoped(Unmatched, request.auth, PERM)  # type: ignore[attr-defined]
        .filter(resolved_at__isnull=True)
        .select_related("claim_payment")[:500]
    )
    actor = Actor.from_request(request, via="api")
    record_event(
        actor,
        "read",
        model="remits.Unmatched",
        label="unmatched remittance work list",
        context={"rows": [u.pk for u in rows]},
    )
    return [
        {
            "id": u.pk,
            "remittance": u.claim_payment.remittance_id,
            "patient_control_number": u.claim_payment.patient_control_number,
            "paid": u.claim_payment.paid,
            "candidates": u.candidates,
        }
        for u in rows
    ]


@router.get("/{pk}", response=DetailOut, url_name="remittance_detail")
@api_requires(PERM)
@shows_phi
def detail(request: HttpRequest, pk: int) -> Any:
    """The file, its differences or last dry run, and its claim payments as posted."""
    rf = _file(request, pk)
    payments = (
        scoped(ClaimPayment, request.auth, PERM)  # type: ignore[attr-defined]
        .filter(remittance=rf)
        .select_related("claim")
    )
    record(Actor.from_request(request, via="api"), "read", rf)
    return {
        **_file_out(rf),
        "dry_run": rf.dry_run,
        "payments": [
            {
                "id": p.pk,
                "patient_control_number": p.patient_control_number,
                "status_code": p.status_code,
                "charge": p.charge,
                "paid": p.paid,
                "claim": p.claim.number if p.claim else None,
                "how": p.how,
                "forwarded": p.forwarded,
                "postings": p.postings,
                "note": p.note,
            }
            for p in payments
        ],
    }


@router.post(
    "/{pk}/post",
    response={200: PostOut, 409: ErrorOut},
    url_name="remittance_post",
)
@api_requires(PERM)
@shows_phi
def post(request: HttpRequest, pk: int, dry_run: bool = False) -> Any:
    """Post the file (each claim payment once) or, with ``dry_run``, show what would
    post; 409 for a file that does not balance."""
    rf = _file(request, pk)
    actor = Actor.from_request(request, via="api")
    try:
        if dry_run:
            return {"dry_run": True, "would_post": actions.dry_run(actor, rf)}
        s = actions.post_file(actor, rf)
    except actions.NotPostable as exc:
        raise HttpError(409, str(exc)) from None
    return {"dry_run": False, "posted": s.posted, "skipped": s.skipped, "unmatched": s.unmatched}
