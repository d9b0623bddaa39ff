"""A claim's append-only event log, and its status derived from the events.

Every change to a claim is an event (:class:`Kind`): who, when, and what (``data``,
JSON). :func:`status_of` is a pure function over the kinds and data in order; the
claim's ``status`` column is that value, written by :func:`append` in the same
transaction as the event, so work lists can filter on it. :data:`ALLOWED` says
from which statuses each kind may be appended (a sent claim is never edited:
a correction is a new replacement claim, and the original gets ``corrected``).

The events are never updated or deleted: the model and its queryset refuse, and
database triggers (migrations 0002 PostgreSQL, 0003 SQLite) reject UPDATE and DELETE
from any client.

Statuses: ``built`` (not scrubbed since built or changed), ``errors`` (the last scrub
found errors), ``ready`` (scrubbed, no error: warnings may remain), ``queued`` (for
the next batch), ``on_hold`` (held, with a reason), ``submitted`` (in batch N),
``accepted`` / ``rejected`` (277CA; a 999 or TA1 rejection also gives ``rejected``;
a rejected claim may be edited, fixed and scrubbed, then queued again), ``paid`` /
``denied`` (835), ``replaced`` (a replacement claim was built), ``voided``, ``written_off``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import models, transaction

from cleanclaim.audit.actor import Actor

__all__ = [
    "ALLOWED",
    "SENT",
    "STATUSES",
    "Kind",
    "NotAllowed",
    "allowed",
    "append",
    "append_known",
    "status_of",
]


class Kind(models.TextChoices):
    CREATED = "created", "Created"
    EDITED = "edited", "Edited"
    SCRUBBED = "scrubbed", "Scrubbed"
    FIX_APPLIED = "fix_applied", "Fix applied"
    QUEUED = "queued", "Queued"
    HELD = "held", "Held"
    RELEASED = "released", "Released"
    SUBMITTED = "submitted", "Submitted"
    #: 999 implementation acknowledgment of the set (or TA1 of the interchange) holding
    #: the claim: ``{"accepted": bool, ...}``; accepted leaves it ``submitted``.
    ACK_999 = "ack_999", "999 acknowledgment"
    #: 277CA claim acknowledgment: ``{"accepted": bool, ...}``.
    ACKNOWLEDGED = "acknowledged", "Acknowledged"
    #: A 277 answer to our 276 claim status inquiry (the status does not change).
    STATUS_ANSWER = "status_answer", "Claim status answer"
    PAID = "paid", "Paid"
    DENIED = "denied", "Denied"
    CORRECTED = "corrected", "Corrected (replaced)"
    VOIDED = "voided", "Voided"
    WRITTEN_OFF = "written_off", "Written off"
    #: 835 CLP02 22: the payer took back a payment (status back to ``accepted``).
    REVERSED = "reversed", "Payment reversed"
    #: 835 CLP02 19/20/21: the payer forwarded the claim to the next payer (crossover);
    #: the status stays, the secondary is not billed by us.
    FORWARDED = "forwarded", "Forwarded to the next payer"
    #: A denial appealed (issue 16): ``{"denial", "reason", "follow_up"}``; the status stays.
    APPEALED = "appealed", "Appealed"


STATUSES: dict[str, str] = {
    "built": "Built, not scrubbed",
    "errors": "Has errors",
    "ready": "Ready to submit",
    "queued": "Queued",
    "on_hold": "On hold",
    "submitted": "Submitted",
    "accepted": "Accepted",
    "rejected": "Rejected",
    "paid": "Paid",
    "denied": "Denied",
    "replaced": "Replaced",
    "voided": "Voided",
    "written_off": "Written off",
}

_BEFORE_SENDING = frozenset({"built", "errors", "ready"})
_SENT = frozenset({"submitted", "accepted", "rejected", "paid", "denied"})
#: The statuses of a claim the payer has (a void or a replacement answers only these).
SENT = _SENT

#: From which statuses each kind may be appended (``created`` only as the first event).
ALLOWED: dict[str, frozenset[str]] = {
    Kind.CREATED: frozenset(),
    # a claim rejected by a 999, TA1 or 277CA never entered adjudication: it is fixed
    # and queued again (sent as a new original, its history kept)
    Kind.EDITED: _BEFORE_SENDING | {"rejected"},
    Kind.SCRUBBED: _BEFORE_SENDING | {"queued", "rejected"},
    Kind.FIX_APPLIED: _BEFORE_SENDING | {"rejected"},
    Kind.QUEUED: frozenset({"ready"}),
    Kind.HELD: _BEFORE_SENDING | {"queued"},
    Kind.RELEASED: frozenset({"on_hold"}),
    Kind.SUBMITTED: frozenset({"queued"}),
    Kind.ACK_999: frozenset({"submitted"}),
    Kind.ACKNOWLEDGED: frozenset({"submitted", "accepted"}),
    Kind.STATUS_ANSWER: _SENT,
    Kind.PAID: frozenset({"submitted", "accepted", "denied", "paid"}),
    Kind.DENIED: frozenset({"submitted", "accepted", "denied"}),
    Kind.CORRECTED: _SENT,
    Kind.VOIDED: _SENT | _BEFORE_SENDING | {"queued", "on_hold"},
    # a second denied line of a claim may be written off after the first
    Kind.WRITTEN_OFF: frozenset({"denied", "rejected", "paid", "written_off"}),
    # the payer takes back a payment: also of a claim replaced or voided since (the
    # 835 reversal of a frequency 7/8 claim's original), whose status stays
    Kind.REVERSED: frozenset({"paid", "denied", "replaced", "voided"}),
    Kind.FORWARDED: frozenset({"paid", "denied"}),
    Kind.APPEALED: _SENT | {"written_off"},
}


class NotAllowed(ValueError):
    """An event that does not follow from the claim's status (e.g. queueing a claim
    with errors, editing a sent claim)."""

    code = "not_allowed"


def allowed(status: str | None, kind: str) -> None:
    """Raise :class:`NotAllowed` unless ``kind`` may follow ``status`` (None: no event yet)."""
    if kind not in ALLOWED:
        raise NotAllowed(f"unknown claim event {kind!r}")
    if status is None:
        if kind != Kind.CREATED:
            raise NotAllowed(f"a claim's first event is 'created', not {kind!r}")
        return
    if status not in ALLOWED[kind]:
        label = STATUSES.get(status, status).lower()
        raise NotAllowed(f"a claim that is {label} cannot be {Kind(kind).label.lower()}")


def _after(status: str, kind: str, data: Mapping[str, Any], before_hold: str) -> str:
    if kind in (Kind.CREATED, Kind.EDITED, Kind.FIX_APPLIED):
        return "built"
    if kind == Kind.SCRUBBED:
        if int(data.get("errors", 0)):
            return "errors"
        return "queued" if status == "queued" else "ready"
    if kind == Kind.RELEASED:
        return before_hold
    if kind == Kind.ACKNOWLEDGED:
        return "accepted" if data.get("accepted") else "rejected"
    if kind in (Kind.FORWARDED, Kind.APPEALED):
        return status
    if kind == Kind.REVERSED:
        return status if status in ("replaced", "voided") else "accepted"

    if kind == Kind.ACK_999:
        return status if data.get("accepted") else "rejected"
    if kind == Kind.STATUS_ANSWER:
        return status
    simple = {
        Kind.QUEUED: "queued",
        Kind.HELD: "on_hold",
        Kind.SUBMITTED: "submitted",
        Kind.PAID: "paid",
        Kind.DENIED: "denied",
        Kind.CORRECTED: "replaced",
        Kind.VOIDED: "voided",
        Kind.WRITTEN_OFF: "written_off",
    }
    return simple[Kind(kind)]


def status_of(events: Iterable[tuple[str, Mapping[str, Any]]]) -> str | None:
    """The status after ``events`` — ``(kind, data)`` pairs, oldest first; None for none.

    A hold remembers the status it interrupted: ``released`` returns to it."""
    status: str | None = None
    before_hold = "built"
    for kind, data in events:
        if kind == Kind.HELD and status != "on_hold":
            before_hold = status or "built"
        status = _after(status or "built", kind, data, before_hold)
    return status


def append(
    actor: Actor,
    claim: Any,
    kind: str,
    data: Mapping[str, Any] | None = None,
    *,
    at: Any = None,
) -> Any:
    """Append one event to ``claim`` and set its derived status, in one transaction.

    The claim row is locked first, so two appends to one claim are ordered; raises
    :class:`NotAllowed` (nothing written) when ``kind`` does not follow the status.
    ``at`` (default now) records when it happened, for history brought in from
    elsewhere (the demo's claim sent weeks ago); the log's order stays the append order."""
    from cleanclaim.claims.models import Claim, ClaimEvent

    with transaction.atomic():
        current = (
            Claim.objects.select_for_update().values_list("status", flat=True).get(pk=claim.pk)
        )
        first = not ClaimEvent.objects.filter(claim_id=claim.pk).exists()
        allowed(None if first else current, kind)
        user = actor.user if getattr(actor.user, "is_authenticated", False) else None
        event = ClaimEvent.objects.create(
            claim_id=claim.pk,
            kind=kind,
            user=user,
            user_label=getattr(user, "email", "") or actor.label or f"({actor.via})",
            data=dict(data or {}),
            **({"at": at} if at is not None else {}),
        )
        history = (
            ClaimEvent.objects.filter(claim_id=claim.pk).order_by("id").values_list("kind", "data")
        )
        status = status_of(history)
        assert status is not None
        Claim.objects.filter(pk=claim.pk).update(status=status)
        claim.status = status
    return event


def append_known(actor: Actor, claim: Any, kind: str, data: Mapping[str, Any] | None = None) -> Any:
    """:func:`append` for a caller that already holds the claim's current status in
    ``claim.status`` (read in bulk before a loop): two queries instead of five.

    The status is moved with ``UPDATE ... WHERE status = <held>`` (which also locks the
    row until the transaction ends, as :func:`append`'s ``SELECT FOR UPDATE`` does), then
    the event is inserted; the checks (:data:`ALLOWED`, :func:`status_of`'s step) run in
    Python. When the held status refuses ``kind``, when the row's status is no longer
    the one held (another process moved it), or when the step needs the history
    (``created``, ``released``, or a claim still ``built`` that may have no event yet),
    it falls back to :func:`append`, which decides on the locked row; so it raises
    :class:`NotAllowed` (nothing written) exactly when :func:`append` does."""
    from cleanclaim.claims.models import Claim, ClaimEvent

    current = claim.status
    if kind in (Kind.CREATED, Kind.RELEASED) or current == "built" or current not in STATUSES:
        return append(actor, claim, kind, data)
    try:
        allowed(current, kind)
    except NotAllowed:
        return append(actor, claim, kind, data)
    payload = dict(data or {})
    status = _after(current, kind, payload, "built")
    with transaction.atomic(savepoint=False):
        if not Claim.objects.filter(pk=claim.pk, status=current).update(status=status):
            return append(actor, claim, kind, data)
        user = actor.user if getattr(actor.user, "is_authenticated", False) else None
        event = ClaimEvent.objects.create(
            claim_id=claim.pk,
            kind=kind,
            user=user,
            user_label=getattr(user, "email", "") or actor.label or f"({actor.via})",
            data=payload,
        )
    claim.status = status
    return event
