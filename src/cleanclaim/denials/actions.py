"""Denial actions. Each owns its transaction, writes its audit entry and an event on
the claim, and closes or updates the denial.

* :func:`from_posting` -- the hook :mod:`cleanclaim.remits.actions` calls after posting a
  claim payment: a :class:`Denial` per held (denied) adjustment, keyed so a second call
  creates nothing; then a payer rule proposal when the reason repeats.
* :func:`correct` -- a replacement claim (CLM05-3 ``7``, REF*F8 the payer's claim number,
  CLP07), only where the payer accepts electronic corrections (:class:`NotElectronic`
  carries the payer profile's process otherwise).
* :func:`void` -- a void claim (CLM05-3 ``8``).
* :func:`appeal` -- a letter drafted as PDF, stored, with a follow-up date.
* :func:`write_off` -- the denied amount off the insurance balance (ledger ``write_off``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.record import record
from cleanclaim.claims import actions as claim_actions
from cleanclaim.claims import events
from cleanclaim.claims.models import Claim
from cleanclaim.deadlines.calc import due_date
from cleanclaim.denials import letter, proposals
from cleanclaim.denials.categories import categorise, plain
from cleanclaim.denials.models import Denial
from cleanclaim.ledger import actions as ledger
from cleanclaim.payers.deadlines import limits_for
from cleanclaim.payers.profile import effective_profile

__all__ = [
    "NotElectronic",
    "NotOpen",
    "appeal",
    "correct",
    "from_posting",
    "void",
    "write_off",
]


class NotOpen(ValueError):
    """The denial was worked already (resubmitted, voided or written off)."""

    code = "not_open"


class NotElectronic(ValueError):
    """The payer takes no electronic corrections: ``process`` says how instead."""

    code = "not_electronic"

    def __init__(self, process: str) -> None:
        self.process = process
        super().__init__(f"the payer takes no electronic corrections: {process}")


def _user(actor: Actor) -> Any:
    return actor.user if getattr(actor.user, "is_authenticated", False) else None


def _is_denial(posting: dict[str, Any]) -> bool:
    """A held adjustment (the posting rules' ``hold``: nothing written, to be worked)."""
    return posting.get("action") == "hold" and Decimal(str(posting.get("amount", "0"))) != 0


def from_posting(actor: Actor, claim_payment: Any) -> list[Denial]:
    """The denials of a posted claim payment (in the caller's transaction); the ones
    created before for it are not created again. A reversal (CLP02 22) makes none."""
    cpay = claim_payment
    claim: Claim | None = cpay.claim
    if claim is None or cpay.status_code == "22":
        return []
    held = [(n, p) for n, p in enumerate(cpay.postings) if _is_denial(p)]
    if not held:  # most claim payments: no query at all
        return []
    rf = cpay.remittance
    determined = rf.payment_date or timezone.localdate()
    limit = limits_for(claim.payer, claim.practice).appeal_first
    due = due_date(limit, determined) if limit is not None else None
    procedures = {ln.number: ln.procedure for ln in claim.lines.all()}
    have = set(Denial.objects.filter(claim_payment=cpay).values_list("key", flat=True))
    made: list[Denial] = []
    for n, p in held:
        key = f"{cpay.key}:{n}"[:200]
        if key in have:
            continue
        group, _, carc = str(p["reason"]).partition("-")
        rarcs = [str(r) for r in p.get("remarks", [])]
        cat = categorise(carc, rarcs)
        d = Denial.objects.create(
            practice=claim.practice,
            key=key,
            claim=claim,
            claim_payment=cpay,
            payer=claim.payer,
            line_number=p.get("line"),
            procedure=procedures.get(p.get("line"), "") if p.get("line") else "",
            group=group[:2],
            carc=carc[:5],
            rarcs=rarcs,
            carc_text=plain("carc", carc, determined),
            rarc_texts=[plain("rarc", r, determined) for r in rarcs],
            amount=-Decimal(str(p["amount"])),
            category=cat.name,
            category_source=cat.source[:200],
            next_step=cat.next_step[:300],
            payer_claim_number=cpay.payer_claim_number,
            determined_on=determined,
            appeal_due=due,
            appeal_citation=(limit.citation if limit else "")[:200],
        )
        record(actor, "create", d, context={"reason": d.reason, "amount": str(d.amount)})
        made.append(d)
    for d in made:
        proposals.consider(actor, d)
    return made


def close_paid(actor: Actor, claim_payment: Any) -> list[Denial]:
    """Close the claim's open or appealed denials that ``claim_payment``, a later answer
    (not a reversal, not a denial: CLP02 22 / 4), settles: a denied line it adjudicates
    with nothing held, or a claim-level denial when it holds nothing at claim level.
    Status ``paid``, the outcome naming the remittance; audited."""
    cpay = claim_payment
    if cpay.claim_id is None or cpay.status_code in ("22", "4"):
        return []
    postings = cpay.postings or []
    held = {p.get("line") for p in postings if p.get("action") == "hold"}
    answered = set(
        cpay.lines.filter(line_number__isnull=False).values_list("line_number", flat=True)
    )
    closed: list[Denial] = []
    for d in Denial.objects.filter(
        claim_id=cpay.claim_id, status__in=[Denial.Status.OPEN, Denial.Status.APPEALED]
    ).exclude(claim_payment=cpay):
        if d.line_number in held or (d.line_number is not None and d.line_number not in answered):
            continue
        d.status = Denial.Status.PAID
        trace = cpay.remittance.trace if cpay.remittance_id else ""
        d.outcome = f"settled by a later answer: remittance {trace}, paid {cpay.paid}"[:300]
        d.closed_at, d.closed_by = timezone.now(), _user(actor)
        d.save(update_fields=["status", "outcome", "closed_at", "closed_by"])
        record(actor, "update", d, context={"status": d.status, "claim_payment": cpay.pk})
        closed.append(d)
    return closed


def _open(denial: Denial) -> Denial:
    locked = Denial.objects.select_for_update().select_related("claim", "payer").get(pk=denial.pk)
    if locked.status not in (Denial.Status.OPEN, Denial.Status.APPEALED):
        raise NotOpen(f"this denial is {locked.get_status_display().lower()} already")
    return locked


def _close_claim_denials(actor: Actor, claim: Claim, status: str, outcome: str) -> None:
    for d in Denial.objects.filter(
        claim=claim, status__in=[Denial.Status.OPEN, Denial.Status.APPEALED]
    ):
        d.status, d.outcome = status, outcome[:300]
        d.closed_at, d.closed_by = timezone.now(), _user(actor)
        d.save(update_fields=["status", "outcome", "closed_at", "closed_by"])
        record(actor, "update", d, context={"status": status})


@transaction.atomic
def correct(actor: Actor, denial: Denial, *, today: dt.date | None = None) -> Claim:
    """A replacement (frequency 7) of the denied claim with the payer's claim number
    (REF*F8), built anew from its visit (correct the visit first); every open denial
    of the claim is closed ``resubmitted``. Returns the replacement."""
    d = _open(denial)
    profile = effective_profile(d.payer, d.claim.practice)
    if not profile.corrected_claims_electronic:
        raise NotElectronic(
            profile.corrected_claims_process or "see the payer profile for how to correct"
        )
    new, _ = claim_actions.replace_claim(actor, d.claim, d.payer_claim_number, today=today)
    _close_claim_denials(actor, d.claim, Denial.Status.RESUBMITTED, f"replaced by {new.number}")
    return new


@transaction.atomic
def void(actor: Actor, denial: Denial, reason: str, *, today: dt.date | None = None) -> Claim:
    """A void (frequency 8) of the denied claim; every open denial of it is closed."""
    d = _open(denial)
    new, _ = claim_actions.void_claim(
        actor, d.claim, reason, payer_claim_control_number=d.payer_claim_number, today=today
    )
    _close_claim_denials(actor, d.claim, Denial.Status.VOIDED, f"voided by {new.number}: {reason}")
    return new


def _facts(d: Denial, argument: str, today: dt.date) -> letter.Facts:
    claim = d.claim
    patient = claim.patient
    profile = effective_profile(d.payer, claim.practice)
    lines = [
        (
            ln.number,
            ":".join([ln.procedure, *ln.modifiers]),
            ln.service_date.strftime("%m/%d/%Y"),
            ln.charge,
        )
        for ln in claim.lines.order_by("number")
        if d.line_number is None or ln.number == d.line_number
    ]
    return letter.Facts(
        practice=claim.practice.name,
        payer=d.payer.name,
        appeals_address=profile.appeals_address,
        patient=f"{patient.first_name} {patient.last_name}",
        date_of_birth=patient.date_of_birth,
        member_id=claim.coverage.member_id,
        claim_number=claim.number,
        payer_claim_number=d.payer_claim_number,
        service_from=claim.service_from,
        service_to=claim.service_to,
        lines=lines,
        billed=sum((c for *_, c in lines), Decimal(0)),
        reason=f"{d.reason}: {d.carc_text}",
        remarks=[f"{r}: {t}" for r, t in zip(d.rarcs, d.rarc_texts, strict=False)],
        argument=argument,
        today=today,
    )


@transaction.atomic
def appeal(
    actor: Actor,
    denial: Denial,
    *,
    argument: str = "",
    follow_up: dt.date | None = None,
    today: dt.date | None = None,
) -> Denial:
    """Draft the appeal letter (PDF, stored on the denial), set the follow-up date
    (default ``DENIALS_APPEAL_FOLLOW_UP_DAYS``, 30, from today) and append ``appealed``."""
    d = _open(denial)
    today = today or timezone.localdate()
    days = int(getattr(settings, "DENIALS_APPEAL_FOLLOW_UP_DAYS", 30))
    d.follow_up = follow_up or today + dt.timedelta(days=days)
    d.appeal_pdf = letter.draft(_facts(d, argument, today))
    d.appealed_at = timezone.now()
    d.status = Denial.Status.APPEALED
    d.save(update_fields=["follow_up", "appeal_pdf", "appealed_at", "status"])
    events.append(
        actor,
        d.claim,
        events.Kind.APPEALED,
        {"denial": d.pk, "reason": d.reason, "follow_up": d.follow_up.isoformat()},
    )
    record(actor, "update", d, context={"appealed": d.follow_up.isoformat()})
    return d


@transaction.atomic
def write_off(actor: Actor, denial: Denial, reason: str) -> Denial:
    """Take the denied amount off the insurance balance (ledger ``write_off``, keyed
    by the denial), append ``written_off`` to the claim and close the denial."""
    if not reason.strip():
        raise ValueError("say why the amount is written off")
    d = _open(denial)
    ledger.post(
        actor,
        d.claim.practice,
        [
            ledger.Line(
                bucket="insurance",
                kind="write_off",
                amount=-d.amount,
                key=f"denial:{d.pk}:write_off",
                patient_id=d.claim.patient_id,
                claim_id=d.claim_id,
                line_number=d.line_number,
                reason=d.reason[:20],
                source=f"denial:{d.pk}",
                memo=reason.strip()[:200],
                effective_date=timezone.localdate(),
            )
        ],
    )
    events.append(
        actor,
        d.claim,
        events.Kind.WRITTEN_OFF,
        {"denial": d.pk, "reason": d.reason, "amount": str(d.amount), "why": reason.strip()},
    )
    d.status, d.outcome = Denial.Status.WRITTEN_OFF, reason.strip()[:300]
    d.closed_at, d.closed_by = timezone.now(), _user(actor)
    d.save(update_fields=["status", "outcome", "closed_at", "closed_by"])
    record(actor, "update", d, context={"written_off": str(d.amount)})
    return d
