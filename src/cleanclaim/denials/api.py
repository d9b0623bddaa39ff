"""``/api/denials``: the denial work list and detail (``worklists.claims``), the actions
(``denials.work``: correct, void, appeal, write off) and the payer rules proposed from
repeated denials (``payers.change`` to accept or dismiss). Writes go through
:mod:`cleanclaim.denials.actions` and :mod:`cleanclaim.denials.proposals`."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Router, Schema
from ninja.errors import HttpError

from cleanclaim.api.versioning import patch_body, read_patch
from cleanclaim.audit.actor import Actor
from cleanclaim.audit.phi import shows_phi
from cleanclaim.audit.record import record, record_event
from cleanclaim.claims import events
from cleanclaim.claims.actions import Invalid
from cleanclaim.denials import actions, proposals, worklist
from cleanclaim.denials.models import Denial, Proposal
from cleanclaim.tenancy.guards import api_requires
from cleanclaim.tenancy.scoping import get_scoped_or_404, scoped

router = Router(tags=["denials"])
LIST = "worklists.claims"
WORK = "denials.work"
RULES = "payers.change"


class DenialOut(Schema):
    id: int
    claim: str
    patient: str
    payer: str
    line: int | None
    procedure: str
    reason: str
    reason_text: str
    remarks: list[str]
    amount: Decimal
    category: str
    next_step: str
    payer_claim_number: str
    determined_on: dt.date
    appeal_due: dt.date | None
    days_left: int | None
    overdue: bool
    status: str
    follow_up: dt.date | None


class ClaimOut(Schema):
    denial: int
    claim: str
    frequency: str


class AppealIn(Schema):
    argument: str = ""
    follow_up: dt.date | None = None


class ReasonIn(Schema):
    reason: str


class ProposalOut(Schema):
    id: int
    payer: str
    procedure: str
    reason: str
    kind: str
    text: str
    denials: list[int]
    status: str


class DecideIn(Schema):
    why: str = ""


def _denial(request: HttpRequest, pk: int, perm: str) -> Denial:
    return get_scoped_or_404(Denial, request.auth, perm, pk=pk)  # type: ignore[attr-defined]


def _actor(request: HttpRequest) -> Actor:
    return Actor.from_request(request, via="api")


def _fail(exc: Exception) -> HttpError:
    """422 for input the action refused (:class:`Invalid`), else 409 (the denial or the
    claim is not in a state that allows it; the payer takes no electronic corrections)."""
    if isinstance(exc, Invalid):
        return HttpError(422, "; ".join(exc.messages))
    return HttpError(409, str(exc))


@router.get("", response=list[DenialOut], url_name="denial_list")
@api_requires(LIST)
@shows_phi
def denial_list(
    request: HttpRequest,
    category: str = "",
    payer: int | None = None,
    due_by: dt.date | None = None,
) -> Any:
    """Open and appealed denials, sorted by days left to appeal (overdue first)."""
    qs = worklist.rows(
        scoped(Denial, request.auth, LIST),  # type: ignore[attr-defined]
        category=category,
        payer=payer,
        due_by=due_by,
    )
    found = list(qs[:500])
    record_event(
        _actor(request),
        "read",
        model="denials.Denial",
        label="denial work list",
        context={"rows": [d.pk for d in found]},
    )
    today = timezone.localdate()
    return [worklist.as_row(d, today) for d in found]


@router.get("/proposals", response=list[ProposalOut], url_name="denial_proposals")
@api_requires(RULES)
def proposal_list(request: HttpRequest) -> Any:
    """Payer rules proposed from repeated denials (no patient data: the citation names
    denial and claim numbers only)."""
    rows = scoped(Proposal, request.auth, RULES).select_related("payer")[:200]  # type: ignore[attr-defined]
    return [_proposal_out(p) for p in rows]


def _proposal_out(p: Proposal) -> dict[str, Any]:
    return {
        "id": p.pk,
        "payer": p.payer.name,
        "procedure": p.procedure,
        "reason": p.reason,
        "kind": p.kind,
        "text": p.text,
        "denials": list(p.denials.values_list("pk", flat=True)),
        "status": p.status,
    }


def _decide(request: HttpRequest, pk: int, accept: bool) -> Any:
    p = get_scoped_or_404(Proposal, request.auth, RULES, pk=pk)  # type: ignore[attr-defined]
    why = read_patch(request, DecideIn).get("why", "")
    try:
        done = (proposals.accept if accept else proposals.dismiss)(_actor(request), p, why)
    except (proposals.NotOpen, ValueError) as exc:
        raise HttpError(409, str(exc)) from None
    return _proposal_out(done)


@router.post(
    "/proposals/{pk}/accept",
    response=ProposalOut,
    url_name="denial_proposal_accept",
    openapi_extra=patch_body(DecideIn),
)
@api_requires(RULES)
def proposal_accept(request: HttpRequest, pk: int) -> Any:
    """Accept: the rule joins the payer's rule set (a new version) and is scrubbed."""
    return _decide(request, pk, True)


@router.post(
    "/proposals/{pk}/dismiss",
    response=ProposalOut,
    url_name="denial_proposal_dismiss",
    openapi_extra=patch_body(DecideIn),
)
@api_requires(RULES)
def proposal_dismiss(request: HttpRequest, pk: int) -> Any:
    return _decide(request, pk, False)


@router.get("/{pk}", response=DenialOut, url_name="denial_detail")
@api_requires(LIST)
@shows_phi
def denial_detail(request: HttpRequest, pk: int) -> Any:
    d = _denial(request, pk, LIST)
    record(_actor(request), "read", d)
    return worklist.as_row(d, timezone.localdate())


@router.get("/{pk}/appeal.pdf", url_name="denial_appeal_pdf")
@api_requires(LIST)
@shows_phi
def denial_appeal_pdf(request: HttpRequest, pk: int) -> Any:
    """The appeal letter drafted for the denial (404 until it is appealed)."""
    d = _denial(request, pk, LIST)
    if not d.appeal_pdf:
        raise HttpError(404, "no appeal letter yet")
    record(_actor(request), "read", d, context={"appeal_pdf": True})
    resp = HttpResponse(bytes(d.appeal_pdf), content_type="application/pdf")
    resp["Content-Disposition"] = f'inline; filename="appeal-{d.claim.number}.pdf"'
    return resp


@router.post("/{pk}/correct", response=ClaimOut, url_name="denial_correct")
@api_requires(WORK)
@shows_phi
def denial_correct(request: HttpRequest, pk: int) -> Any:
    """Correct and resubmit: a replacement claim (frequency 7, REF*F8); 409 with the
    payer's process where it takes no electronic corrections."""
    d = _denial(request, pk, WORK)
    try:
        new = actions.correct(_actor(request), d)
    except (actions.NotOpen, actions.NotElectronic, events.NotAllowed, Invalid) as exc:
        raise _fail(exc) from None
    return {"denial": d.pk, "claim": new.number, "frequency": new.frequency}


@router.post(
    "/{pk}/void", response=ClaimOut, url_name="denial_void", openapi_extra=patch_body(ReasonIn)
)
@api_requires(WORK)
@shows_phi
def denial_void(request: HttpRequest, pk: int) -> Any:
    """Void the denied claim (frequency 8) with ``reason``."""
    d = _denial(request, pk, WORK)
    reason = read_patch(request, ReasonIn)["reason"]
    try:
        new = actions.void(_actor(request), d, reason)
    except (actions.NotOpen, events.NotAllowed, Invalid) as exc:
        raise _fail(exc) from None
    return {"denial": d.pk, "claim": new.number, "frequency": new.frequency}


@router.post(
    "/{pk}/appeal", response=DenialOut, url_name="denial_appeal", openapi_extra=patch_body(AppealIn)
)
@api_requires(WORK)
@shows_phi
def denial_appeal(request: HttpRequest, pk: int) -> Any:
    """Draft the appeal letter (GET ``/{pk}/appeal.pdf``) and set the follow-up date."""
    d = _denial(request, pk, WORK)
    body = AppealIn(**read_patch(request, AppealIn))
    try:
        done = actions.appeal(_actor(request), d, argument=body.argument, follow_up=body.follow_up)
    except (actions.NotOpen, events.NotAllowed) as exc:
        raise _fail(exc) from None
    return worklist.as_row(done, timezone.localdate())


@router.post(
    "/{pk}/write-off",
    response=DenialOut,
    url_name="denial_write_off",
    openapi_extra=patch_body(ReasonIn),
)
@api_requires(WORK)
@shows_phi
def denial_write_off(request: HttpRequest, pk: int) -> Any:
    """Write the denied amount off with ``reason`` (a ledger ``write_off``)."""
    d = _denial(request, pk, WORK)
    reason = read_patch(request, ReasonIn)["reason"]
    try:
        done = actions.write_off(_actor(request), d, reason)
    except (actions.NotOpen, events.NotAllowed, ValueError) as exc:
        raise _fail(exc) from None
    return worklist.as_row(done, timezone.localdate())
