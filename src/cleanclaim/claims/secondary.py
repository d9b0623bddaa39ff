"""Secondary claims: the next payer billed with the primary's adjudication, and crossovers.

When the primary payer has paid a claim (a posted 835 claim payment, CLP02 1/2/3) and
the visit has a secondary coverage, :func:`build_secondary` makes the secondary claim:
responsibility ``S``, the secondary coverage and payer, the lines as billed to the
primary, and what the primary did with them, carried to the 837P's coordination of
benefits loops (005010X222A1):

* 2320 SBR (the primary's responsibility ``P``, relationship, group, SBR09 filing
  indicator), the claim-level CAS of the 835 (CLP loop 2100), AMT*D the primary's paid
  amount (CLP04), AMT*EAF the remaining patient liability (CLP05), OI;
* 2330A the primary's subscriber (NM1*IL with the member ID), 2330B the primary payer
  (NM1*PR with its payer ID, DTP*573 the adjudication date: the 835's BPR16, REF*F8 the
  payer's claim control number: CLP07);
* 2430 per line (from the 835's 2110 SVC): SVD (payer ID, SVC03 paid, the procedure as
  adjudicated, SVC05 paid units), the line's CAS, DTP*573.

The engine refuses a secondary that does not balance (CLM02 = AMT*D + Σ CAS; SV102 =
SVD02 + Σ 2430 CAS), naming the claim and the line. The claim is then scrubbed and
queued (events ``created``, ``scrubbed``, ``queued``); a claim the scrubber stops stays
``errors`` for the biller.

A **crossover** is different: when the primary's 835 says it forwarded the claim to the
next payer itself (CLP02 19, 20 or 21; the claim's ``forwarded`` event), the secondary
is NOT billed by us: :func:`forwarded_to` names the payer the claim went to and
:func:`build_secondary` refuses with that reason.

Where the primary's answer comes from: :func:`build_secondary` takes it as an
:class:`Adjudication` (:func:`adjudication_from_835` reads one from an 835 claim
payment), or reads the posted payment itself (:func:`posted_adjudication`, when the
remittance app is installed). The posting calls :func:`after_primary_posted` after a
primary's payment is posted: it builds the secondary when one is due and returns None
otherwise, never raising for a claim that has no secondary to bill.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.record import record
from cleanclaim.claims import actions, events
from cleanclaim.claims.building import number_of
from cleanclaim.claims.events import Kind
from cleanclaim.claims.models import Claim, ClaimLine
from cleanclaim.claims.scrubbing import context_for, scrub
from cleanclaim.edits import ClaimResult
from cleanclaim.patients.models import Coverage
from cleanclaim.x12 import X12Error
from cleanclaim.x12.x221a1_835.view import ClaimPayment, ServicePayment
from cleanclaim.x12.x222a1_837p import Adjustment, LineAdjudication, OtherPayer, OtherSubscriber
from cleanclaim.x12.x222a1_837p.json import adjudication_json, other_payer_json

__all__ = [
    "CROSSOVER_STATUSES",
    "Adjudication",
    "SecondaryRefused",
    "adjudication_from_835",
    "after_primary_posted",
    "build_secondary",
    "forwarded_to",
    "posted_adjudication",
]

#: 835 CLP02 claim status codes of a claim the payer forwarded to the next payer itself
#: (19 processed as primary, forwarded; 20 as secondary; 21 as tertiary).
CROSSOVER_STATUSES = frozenset({"19", "20", "21"})
#: CLP02 codes of a claim the payer processed (1 primary, 2 secondary, 3 tertiary).
PROCESSED_STATUSES = frozenset({"1", "2", "3"})


class SecondaryRefused(Exception):
    """The secondary claim is not built; ``str()`` says why (a biller reads it)."""

    code = "secondary_refused"


@dataclass(frozen=True)
class Adjudication:
    """The primary payer's answer for one claim, as the 835 gave it.

    ``lines`` maps our claim line number to the 837P 2430 of that line (the 835's SVC
    matched to it); ``adjustments`` are the claim-level CAS (835 loop 2100)."""

    status_code: str  # CLP02
    paid: Decimal  # CLP04
    patient_responsibility: Decimal | None  # CLP05
    payer_claim_control_number: str  # CLP07
    paid_on: dt.date  # BPR16 (check or EFT date): 2330B/2430 DTP*573
    adjustments: tuple[Adjustment, ...] = ()
    lines: dict[int, LineAdjudication] = field(default_factory=dict)
    forwarded_to: str = ""  # 835 NM1*PR (2100): the payer a crossover went to


def _adjustments(cas: Sequence[Any]) -> list[Adjustment]:
    return [
        Adjustment(
            c.claim_adjustment_group_code,
            a.claim_adjustment_reason_code,
            a.monetary_amount,
            a.quantity,
        )
        for c in cas
        for a in c.adjustments
    ]


def _procedure(svc: ServicePayment) -> tuple[str, list[str], str]:
    """The procedure as adjudicated (SVC01) and as submitted (SVC06, else SVC01)."""
    adjudicated = svc.svc.composite_medical_procedure_identifier
    submitted = svc.svc.original_procedure_identifier or adjudicated
    code = adjudicated.procedure_code if adjudicated else ""
    mods = list(adjudicated.procedure_modifiers) if adjudicated else []
    return code, mods, submitted.procedure_code if submitted else code


def adjudication_from_835(
    payment: ClaimPayment,
    lines: Sequence[ClaimLine],
    *,
    paid_on: dt.date,
    payer_id: str,
) -> Adjudication:
    """The answer of an 835 claim payment (loop 2100) for a claim with ``lines``.

    Each service payment (2110 SVC) is matched to the first unmatched line with the
    procedure as submitted (SVC06, else SVC01) and the charge (SVC02); else to the first
    unmatched line with the charge; else, in order, to the next unmatched line.
    ``payer_id`` is the primary's payer ID (2330B NM109, repeated in each SVD01)."""
    free = list(lines)
    matched: dict[int, LineAdjudication] = {}
    for svc in payment.services:
        code, mods, submitted = _procedure(svc)
        charge = svc.svc.line_item_charge_amount
        line = next(
            (ln for ln in free if ln.procedure == submitted and ln.charge == charge),
            next((ln for ln in free if ln.charge == charge), free[0] if free else None),
        )
        if line is None:
            break
        free.remove(line)
        units = svc.svc.units_of_service_paid_count
        matched[line.number] = LineAdjudication(
            payer_id=payer_id,
            paid=svc.svc.line_item_provider_payment_amount,
            procedure=code or line.procedure,
            adjudicated_on=paid_on.isoformat(),
            modifiers=mods,
            units=units if units is not None else line.units.normalize(),
            adjustments=_adjustments(svc.adjustments),
        )
    clp = payment.clp
    return Adjudication(
        status_code=clp.claim_status_code,
        paid=clp.claim_payment_amount,
        patient_responsibility=clp.patient_responsibility_amount,
        payer_claim_control_number=clp.payer_claim_control_number,
        paid_on=paid_on,
        adjustments=tuple(_adjustments(payment.adjustments)),
        lines=matched,
        forwarded_to=_crossover_payer(payment),
    )


def _crossover_payer(payment: ClaimPayment) -> str:
    """The crossover carrier of a 2100 loop: NM1*TT (transfer to) name, else NM1*PR."""
    loop = payment.loop
    if loop is None:
        return ""
    for entity in ("TT", "PR"):
        for seg in loop.walk():
            if seg.segment.id == "NM1" and seg.get(1) == entity:
                return seg.get(3)
    return ""


def posted_adjudication(claim: Claim) -> Adjudication | None:
    """The primary's adjudication read back from its latest posted 835 claim payment
    (the remittance app's stored file), None when none is posted or the app is absent.

    It reads the whole stored 835 again: a caller that holds the claim payment already
    (the posting) passes :func:`adjudication_from_835` of it instead."""
    if not apps.is_installed("cleanclaim.remits"):
        return None
    from cleanclaim.x12 import parse

    payments = apps.get_model("remits", "ClaimPayment")
    posted = (
        payments.objects.filter(claim=claim, posted_at__isnull=False)
        .select_related("remittance")
        .order_by("-posted_at", "-pk")
        .first()
    )
    if posted is None:
        return None
    file = posted.remittance
    remits = [
        t.data.remittance
        for t in parse(bytes(file.raw)).transactions
        if hasattr(t.data, "remittance")
    ]
    flat = [(r, cp) for r in remits for cp in r.claims]  # the posting's ``sequence`` order
    found = flat[posted.sequence] if posted.sequence < len(flat) else None
    if found is None or found[1].clp.claim_submitters_identifier != posted.patient_control_number:
        found = next(
            (
                (r, cp)
                for r, cp in flat
                if cp.clp.claim_submitters_identifier == posted.patient_control_number
                and cp.clp.payer_claim_control_number == posted.payer_claim_number
            ),
            None,
        )
    if found is None:
        return None
    remit, payment = found
    bpr16 = remit.bpr.check_issue_or_eft_effective_date
    paid_on = (
        dt.date(int(bpr16[:4]), int(bpr16[4:6]), int(bpr16[6:8]))
        if len(bpr16) == 8 and bpr16.isdigit()
        else file.payment_date or timezone.localdate()
    )
    return adjudication_from_835(
        payment,
        list(claim.lines.order_by("number")),
        paid_on=paid_on,
        payer_id=claim.payer.payer_id,
    )


def forwarded_to(claim: Claim, adjudication: Adjudication | None = None) -> str | None:
    """The payer the primary forwarded the claim to (a crossover: CLP02 19/20/21, or the
    claim's ``forwarded`` event), ``""`` when the 835 does not name it; None when the
    claim was not forwarded."""
    if adjudication is not None and adjudication.status_code in CROSSOVER_STATUSES:
        return adjudication.forwarded_to
    event = claim.events.filter(kind="forwarded").order_by("-at", "-id").first()
    if event is None:
        return None
    data = event.data if isinstance(event.data, dict) else {}
    return str(data.get("forwarded_to") or data.get("payer") or "")


def _secondary_coverage(primary: Claim) -> Coverage | None:
    encounter = primary.encounter
    if encounter.secondary_coverage_id is not None:
        return encounter.secondary_coverage
    for c in primary.patient.coverages.select_related("payer").order_by("-effective_date"):
        if c.priority == 2 and c.is_active_on(primary.service_from):
            return c
    return None


def _other_payer(primary: Claim, answer: Adjudication) -> OtherPayer:
    coverage = primary.coverage
    patient = primary.patient
    self_ = coverage.is_self
    return OtherPayer(
        responsibility=primary.responsibility,
        relationship="18" if self_ else (coverage.relationship or "G8"),
        filing_indicator=primary.payer.filing_indicator,
        payer_name=primary.payer.name,
        payer_id=primary.payer.payer_id,
        subscriber=OtherSubscriber(
            last_name=patient.last_name if self_ else coverage.subscriber_last_name,
            first_name=patient.first_name if self_ else coverage.subscriber_first_name,
            member_id=coverage.member_id,
        ),
        group_number=coverage.group_number,
        adjustments=list(answer.adjustments),
        paid=answer.paid,
        remaining_patient_liability=answer.patient_responsibility,
        adjudicated_on=answer.paid_on.isoformat(),
        payer_claim_control_number=answer.payer_claim_control_number,
    )


def _refuse_unless_billable(primary: Claim, answer: Adjudication | None) -> Adjudication:
    to = forwarded_to(primary, answer)
    if to is not None:
        raise SecondaryRefused(
            f"claim {primary.number} was forwarded to {to or 'the next payer'} by the primary "
            f"({primary.payer.name}, a crossover): the secondary is not billed by us"
        )
    if primary.responsibility != Claim.Responsibility.PRIMARY:
        raise SecondaryRefused(f"claim {primary.number} is not a primary claim")
    if answer is None or not primary.events.filter(kind__in=(Kind.PAID, Kind.DENIED)).exists():
        raise SecondaryRefused(
            f"claim {primary.number} has no posted payment from {primary.payer.name}: "
            "the secondary is billed once the primary has paid"
        )
    if answer.status_code not in PROCESSED_STATUSES:
        raise SecondaryRefused(
            f"claim {primary.number}: the primary's answer (CLP02 {answer.status_code}) is not "
            "a processed claim"
        )
    return answer


def _visit_secondary(primary: Claim) -> Claim | None:
    """The visit's secondary claim already built (not voided): of this primary, or of
    the claim it replaced (a replacement's answer does not bill the secondary again)."""
    return (
        Claim.objects.filter(encounter_id=primary.encounter_id)
        .exclude(responsibility=Claim.Responsibility.PRIMARY)
        .exclude(status="voided")
        .order_by("pk")
        .first()
    )


@transaction.atomic
def build_secondary(
    actor: Actor,
    primary: Claim,
    *,
    adjudication: Adjudication | None = None,
    today: dt.date | None = None,
) -> tuple[Claim, ClaimResult]:
    """The secondary claim of a primary the payer has paid, with the primary's
    adjudication, scrubbed and queued when clean (see the module). :class:`SecondaryRefused`
    for a crossover, a claim not paid, no secondary coverage, or a secondary already
    built; ``X12Error`` (from the engine) when the primary's amounts do not balance."""
    locked = Claim.objects.select_for_update().get(pk=primary.pk)
    answer = _refuse_unless_billable(locked, adjudication or posted_adjudication(locked))
    coverage = _secondary_coverage(locked)
    if coverage is None:
        raise SecondaryRefused(f"the visit of claim {locked.number} has no secondary coverage")
    existing = _visit_secondary(locked)
    if existing is not None:
        raise SecondaryRefused(
            f"claim {locked.number} already has its secondary claim {existing.number}"
        )
    lines = list(locked.lines.order_by("number"))
    other = _other_payer(locked, answer)
    secondary = Claim.objects.get(pk=locked.pk)
    secondary.pk = None
    secondary._state.adding = True
    secondary.number = ""
    secondary.version = 1
    secondary.status = "built"
    secondary.created_at = timezone.now()
    secondary.frequency = Claim.Frequency.ORIGINAL
    secondary.payer_claim_control_number = ""
    secondary.replaces = None
    secondary.coverage = coverage
    secondary.payer = coverage.payer
    secondary.responsibility = Claim.Responsibility.SECONDARY
    secondary.primary_claim = locked
    secondary.other_payers = [other_payer_json(other)]
    secondary.save()
    secondary.number = number_of(secondary.pk)
    secondary.save(update_fields=["number"])
    for ln in lines:
        answered = answer.lines.get(ln.number)
        ln.pk = None
        ln._state.adding = True
        ln.claim = secondary
        ln.adjudications = [adjudication_json(answered)] if answered else []
    ClaimLine.objects.bulk_create(lines)
    try:  # the engine's balancing rules, before anything is recorded as built
        from cleanclaim.claims.x837p import to_837p, write_837p

        write_837p([secondary], views=[to_837p(secondary)])
    except X12Error as exc:
        raise SecondaryRefused(f"secondary of claim {locked.number}: {exc}") from exc
    record(
        actor,
        AuditEntry.Action.CREATE,
        secondary,
        context={"secondary_of": locked.number, "payer": coverage.payer.payer_id},
    )
    events.append(
        actor,
        secondary,
        Kind.CREATED,
        {
            "encounter": secondary.encounter_id,
            "payer": coverage.payer.payer_id,
            "frequency": secondary.frequency,
            "total_charge": str(secondary.total_charge),
            "lines": len(lines),
            "secondary_of": locked.number,
            "primary_paid": str(answer.paid),
        },
    )
    try:
        result = actions.queue_claim(actor, secondary, today=today)
    except actions.QueueRefused:  # scrubbed (the event is kept), left for the biller
        result = scrub(secondary, context_for(secondary.practice, today or dt.date.today()))
    secondary.refresh_from_db()
    return secondary, result


def after_primary_posted(
    actor: Actor, claim: Claim, *, adjudication: Adjudication | None = None
) -> Claim | None:
    """The hook the 835 posting calls after posting a primary's payment: the secondary
    claim when one is due (a primary paid, not a crossover, patient responsibility left,
    a secondary coverage on the visit, none built yet), else None."""
    answer = adjudication or posted_adjudication(claim)
    if claim.responsibility != Claim.Responsibility.PRIMARY or answer is None:
        return None
    if forwarded_to(claim, answer) is not None:
        return None
    if not answer.patient_responsibility or answer.status_code not in PROCESSED_STATUSES:
        return None
    if _secondary_coverage(claim) is None or _visit_secondary(claim) is not None:
        return None
    secondary, _ = build_secondary(actor, claim, adjudication=answer)
    return secondary
