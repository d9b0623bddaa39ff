"""``/api/remittances``: upload an 835, see it, post it (or a dry run), the unmatched
work list and matching a payment by hand (``remittance.post``); the posting rules per
practice (``/posting-rules``: read with ``payers.view``, changed with
``payers.change``). Writes go through :mod:`cleanclaim.remits.actions` and
:mod:`cleanclaim.remits.rules`."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from cleanclaim.api.versioning import patch_body, read_patch
from cleanclaim.audit.actor import Actor
from cleanclaim.audit.phi import shows_phi
from cleanclaim.audit.record import record, record_event
from cleanclaim.claims.models import Claim
from cleanclaim.practices.models import Practice
from cleanclaim.remits import actions, rules
from cleanclaim.remits.models import ClaimPayment, RemittanceFile, Unmatched
from cleanclaim.tenancy.guards import api_requires
from cleanclaim.tenancy.scoping import get_scoped_or_404, scoped

router = Router(tags=["remittances"])
PERM = "remittance.post"
RULES_VIEW = "payers.view"
RULES_CHANGE = "payers.change"
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


class RuleOut(Schema):
    key: str
    action: str
    action_words: str
    description: str
    source: str
    default_action: str | None
    changed_by: str
    changed_at: str | None


class PracticeRulesOut(Schema):
    practice: int
    auto_post: bool
    rules: list[RuleOut]


class RuleIn(Schema):
    action: str


class MatchIn(Schema):
    #: The claim's id (a number) or its claim number (a string).
    claim: int | str
    charge_differs_ok: bool = False


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


def _practice_rules(practice: Practice) -> dict[str, Any]:
    return {
        "practice": practice.pk,
        "auto_post": rules.auto_posts(practice),
        "rules": [r.as_dict() for r in rules.in_effect(practice)],
    }


@router.get(
    "/posting-rules",
    response={200: list[PracticeRulesOut]},
    url_name="posting_rules",
)
@api_requires(RULES_VIEW)
def posting_rules(request: HttpRequest, practice: int | None = None) -> Any:
    """Per practice (``practice``, else each one the caller may see): every rule in
    effect (the defaults and the practice's overrides) and the ``AUTO-POST`` switch."""
    if practice is not None:
        return [_practice_rules(get_scoped_or_404(Practice, request.auth, RULES_VIEW, pk=practice))]  # type: ignore[attr-defined]
    return [
        _practice_rules(p)
        for p in scoped(Practice, request.auth, RULES_VIEW).order_by("pk")  # type: ignore[attr-defined]
    ]


@router.put(
    "/posting-rules/{key}",
    response={200: RuleOut, 422: ErrorOut},
    url_name="posting_rule",
    openapi_extra=patch_body(RuleIn),
)
@api_requires(RULES_CHANGE)
def posting_rule_set(request: HttpRequest, key: str, practice: int | None = None) -> Any:
    """Add or change the practice's override for ``key`` (``CO-45``, ``PR-*``,
    ``RARC:N130``; ``AUTO-POST`` takes ``hold``): 422 naming the field at fault."""
    action = read_patch(request, RuleIn)["action"]
    if practice is None:
        return Status(422, {"detail": "practice: required"})
    where = get_scoped_or_404(Practice, request.auth, RULES_CHANGE, pk=practice)  # type: ignore[attr-defined]
    try:
        rule = rules.set_rule(Actor.from_request(request, via="api"), where, key, action)
    except rules.InvalidRule as exc:
        return Status(422, {"detail": str(exc)})
    shown = [r for r in rules.in_effect(where) if r.key == rule.key]
    if shown:
        return shown[0].as_dict()
    return rules.Rule(rule.key, rule.action, "", "practice", None, "", rule.changed_at).as_dict()


@router.delete(
    "/posting-rules/{key}",
    response={204: None, 404: ErrorOut, 422: ErrorOut},
    url_name="posting_rule",
)
@api_requires(RULES_CHANGE)
def posting_rule_remove(request: HttpRequest, key: str, practice: int | None = None) -> Any:
    """Remove the practice's override for ``key`` (the default applies again); 404 when
    the practice has none."""
    if practice is None:
        return Status(422, {"detail": "practice: required"})
    where = get_scoped_or_404(Practice, request.auth, RULES_CHANGE, pk=practice)  # type: ignore[attr-defined]
    if not rules.remove_rule(Actor.from_request(request, via="api"), where, key):
        return Status(404, {"detail": f"key: practice {where.pk} has no rule {key}"})
    return Status(204, None)


@router.post(
    "/unmatched/{pk}/match",
    response={200: PaymentOut, 409: ErrorOut, 422: ErrorOut},
    url_name="remittance_match",
    openapi_extra=patch_body(MatchIn),
)
@api_requires(PERM)
@shows_phi
def match(request: HttpRequest, pk: int) -> Any:
    """Post the unmatched payment ``pk`` against a claim (its id, or its claim number as
    a string): 409 when it was matched already, 422 when the claim is not found, is
    another practice's, or its total charge is not the payment's (unless
    ``charge_differs_ok``)."""
    um = get_scoped_or_404(Unmatched, request.auth, PERM, pk=pk)  # type: ignore[attr-defined]
    payload = MatchIn(**read_patch(request, MatchIn))
    claims = scoped(Claim, request.auth, PERM)  # type: ignore[attr-defined]
    if isinstance(payload.claim, int):
        claim = claims.filter(pk=payload.claim).first()
    else:
        claim = claims.filter(number=payload.claim.strip()).first()
    actor = Actor.from_request(request, via="api")
    if claim is None:
        record(actor, "read", um)
        return Status(422, {"detail": f"claim: no claim {payload.claim} in your practices"})
    try:
        p = actions.match_by_hand(actor, um, claim, charge_differs_ok=payload.charge_differs_ok)
    except actions.AlreadyMatched as exc:
        record(actor, "read", um)
        return Status(409, {"detail": str(exc)})
    except actions.NotPostable as exc:
        record(actor, "read", um)
        return Status(422, {"detail": f"claim: {exc}"})
    p.refresh_from_db()
    return {
        "id": p.pk,
        "patient_control_number": p.patient_control_number,
        "status_code": p.status_code,
        "charge": p.charge,
        "paid": p.paid,
        "claim": claim.number,
        "how": p.how,
        "forwarded": p.forwarded,
        "postings": p.postings,
        "note": p.note,
    }


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
