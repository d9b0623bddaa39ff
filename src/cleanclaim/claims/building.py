"""Building claims from visits, one or thousands at a time, by one path.

:func:`build_claims` takes visits (with their lines, patient and coverage) and, in one
transaction: checks each can be billed, makes its claim for the payer responsible
(primary first) with the lines as billed and the total, dates the filing deadline from
the payer profile (:func:`cleanclaim.payers.deadlines.limits_for`,
:func:`cleanclaim.deadlines.calc.deadlines`), maps each claim once to the engine's 837P
claim, scrubs it with one shared context, and appends the ``created`` and ``scrubbed``
events with the status they derive (:func:`cleanclaim.claims.events.status_of`). Rows
are written in bulk, so a batch costs a few queries per thousand claims.

A line without a charge: :func:`missing_charge` is the one place it would be filled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import CharField, Value, prefetch_related_objects
from django.db.models.functions import Cast, Concat, LPad

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.record import record_each
from cleanclaim.claims.events import Kind, status_of
from cleanclaim.claims.models import (
    POINTER_LETTERS,
    Claim,
    ClaimEvent,
    ClaimLine,
    Encounter,
    EncounterLine,
)
from cleanclaim.claims.scrubbing import context_for, finding_json, scrub
from cleanclaim.claims.x837p import to_837p
from cleanclaim.deadlines import PayerLimits
from cleanclaim.deadlines.calc import ClaimDates, deadlines
from cleanclaim.edits import ClaimResult
from cleanclaim.edits.context import ScrubContext
from cleanclaim.patients.models import Coverage
from cleanclaim.payers.deadlines import limits_for
from cleanclaim.practices.models import Practice
from cleanclaim.x12.x222a1_837p.view import Claim as X12Claim

__all__ = [
    "FOLLOWS_VISIT",
    "Built",
    "DryRun",
    "Invalid",
    "build_claims",
    "dry_run",
    "missing_charge",
    "refresh_claim",
]


#: CLM01, the patient control number: ``CC`` and the claim's id on 8 digits.
_NUMBER = Concat(Value("CC"), LPad(Cast("id", CharField()), 8, Value("0")))


def number_of(pk: int) -> str:
    """The claim number of claim ``pk`` (as :data:`_NUMBER` writes it in the database)."""
    return f"CC{pk:08d}"


class Invalid(ValidationError):
    """Input that cannot be saved; ``message_dict`` maps each field path to why."""


@dataclass
class Errors:
    found: dict[str, list[str]] = field(default_factory=dict)

    def add(self, where: str, why: str) -> None:
        self.found.setdefault(where, []).append(why)

    def raise_any(self) -> None:
        if self.found:
            raise Invalid(self.found)


def missing_charge(practice: Practice, line: EncounterLine, on: dt.date) -> Decimal | None:
    """THE place a line without a charge gets one when its claim is built: the
    practice's fee schedule in force on the date of service (``cleanclaim.fees``: the
    code with its first modifier, else the code alone); None when it has no row."""
    from cleanclaim.fees.service import charge_for

    return charge_for(practice, line.procedure, list(line.modifiers), on)


def _coverage_of(encounter: Encounter) -> Coverage | None:
    """The visit's coverage, else the patient's in force on the date (primary first);
    reads the prefetched coverages."""
    if encounter.coverage_id is not None:
        for c in encounter.patient.coverages.all():
            if c.pk == encounter.coverage_id:
                return c
        return encounter.coverage
    ordered = sorted(
        encounter.patient.coverages.all(), key=lambda c: (c.priority, -c.effective_date.toordinal())
    )
    return next((c for c in ordered if c.is_active_on(encounter.service_from)), None)


def _lines(
    encounter: Encounter, errors: Errors, source: Sequence[EncounterLine] | None = None
) -> list[ClaimLine]:
    out = []
    for line in encounter.lines.all() if source is None else source:
        on = line.service_date or encounter.service_from
        charge = line.charge
        if charge is None:
            charge = missing_charge(encounter.practice, line, on)
        if charge is None:
            errors.add(
                f"lines[{line.number - 1}].charge",
                f"line {line.number} has no charge, and the fee schedule in force on {on} "
                f"has none for {line.procedure}",
            )
            continue
        out.append(
            ClaimLine(
                number=line.number,
                procedure=line.procedure,
                modifiers=list(line.modifiers),
                units=line.units,
                charge=charge,
                pointers=[POINTER_LETTERS.index(p) + 1 for p in line.pointers],
                ndc=line.ndc,
                ndc_quantity=line.ndc_quantity,
                ndc_unit=line.ndc_unit,
                note=line.note,
                service_date=on,
            )
        )
    return out


def _filing_due(claim: Claim, limits: PayerLimits, today: dt.date) -> dt.date | None:
    dates = ClaimDates(
        service_from=claim.service_from,
        service_to=claim.service_to,
        secondary=claim.responsibility != Claim.Responsibility.PRIMARY,
        corrected=claim.frequency == Claim.Frequency.REPLACEMENT,
    )
    return next((d.due for d in deadlines(limits, dates, today) if d.kind == "timely"), None)


@dataclass(frozen=True)
class Built:
    claim: Claim
    result: ClaimResult
    view: X12Claim  # the engine's 837P claim the scrubber read (write it with this)


def _claim(encounter: Encounter, coverage: Coverage, lines: list[ClaimLine], **extra: Any) -> Claim:
    total = sum((ln.charge for ln in lines), Decimal("0.00"))
    if total != sum(ln.charge for ln in lines):  # pragma: no cover - Decimal sums are exact
        raise AssertionError("total charge is not the sum of the lines")
    return Claim(
        practice=encounter.practice,
        encounter=encounter,
        patient=encounter.patient,
        coverage=coverage,
        payer=coverage.payer,
        responsibility={1: "P", 2: "S", 3: "T"}[coverage.priority],
        rendering_provider=encounter.rendering_provider,
        referring_npi=encounter.referring_npi,
        referring_last_name=encounter.referring_last_name,
        referring_first_name=encounter.referring_first_name,
        location=encounter.location,
        place_of_service=encounter.place_of_service,
        service_from=min(ln.service_date for ln in lines),
        service_to=max(ln.service_date for ln in lines),
        diagnoses=list(encounter.diagnoses),
        prior_authorization=encounter.prior_authorization,
        total_charge=total,
        **extra,
    )


@transaction.atomic
def build_claims(
    actor: Actor,
    encounters: Sequence[Encounter],
    *,
    today: dt.date | None = None,
    ctx: ScrubContext | None = None,
    replaces: Claim | None = None,
    payer_claim_control_number: str = "",
) -> list[tuple[Claim, ClaimResult]]:
    """The claim of each visit (all of one practice), scrubbed; :class:`Invalid` (nothing
    written) naming the fields of every visit that cannot be billed (prefixed
    ``encounters[i].`` when more than one visit is given)."""
    return [
        (b.claim, b.result)
        for b in build_many(
            actor,
            encounters,
            today=today,
            ctx=ctx,
            replaces=replaces,
            payer_claim_control_number=payer_claim_control_number,
        )
    ]


@transaction.atomic
def build_many(
    actor: Actor,
    encounters: Sequence[Encounter],
    *,
    today: dt.date | None = None,
    ctx: ScrubContext | None = None,
    replaces: Claim | None = None,
    payer_claim_control_number: str = "",
) -> list[Built]:
    """:func:`build_claims`, keeping each claim's 837P view (to write the claims with)."""
    today = today or dt.date.today()
    encounters = list(encounters)
    if not encounters:
        return []
    practices = {e.practice_id for e in encounters}
    if len(practices) != 1:
        raise ValueError("build_claims: the visits must be of one practice")
    prefetch_related_objects(
        encounters,
        "lines",
        "practice__organisation",
        "rendering_provider",
        "location",
        "patient__coverages__payer",
    )
    practice = encounters[0].practice
    ctx = ctx or context_for(practice, today)
    # prior authorizations (issue 15): REF*G1 filled from the one used, units consumed
    from cleanclaim.authorizations.consumption import approved_by_coverage, consume, number_for

    auths = (
        approved_by_coverage(e.coverage_id or 0 for e in encounters)
        if any(e.coverage_id for e in encounters)
        else {}
    )
    limits: dict[int, PayerLimits] = {}
    errors = Errors()
    pending: list[tuple[Claim, list[ClaimLine]]] = []
    for i, encounter in enumerate(encounters):
        mine = Errors()
        coverage = _coverage_of(encounter)
        if coverage is None:
            mine.add("coverage", "the patient has no coverage in force on the date of service")
        if not encounter.diagnoses:
            mine.add("diagnoses", "the visit has no diagnosis")
        lines = _lines(encounter, mine)
        if not lines and not mine.found:
            mine.add("lines", "the visit has no service line")
        if mine.found:
            prefix = f"encounters[{i}]." if len(encounters) > 1 else ""
            for where, why in mine.found.items():
                errors.found[prefix + where] = why
            continue
        assert coverage is not None
        claim = _claim(
            encounter,
            coverage,
            lines,
            frequency=Claim.Frequency.REPLACEMENT if replaces else Claim.Frequency.ORIGINAL,
            payer_claim_control_number=payer_claim_control_number,
            replaces=replaces,
        )
        if not claim.prior_authorization and auths.get(coverage.pk):
            claim.prior_authorization = number_for(claim, lines, auths[coverage.pk])
        if coverage.payer_id not in limits:
            limits[coverage.payer_id] = limits_for(coverage.payer, practice)
        claim.filing_due = _filing_due(claim, limits[coverage.payer_id], today)
        pending.append((claim, lines))
    errors.raise_any()

    claims = Claim.objects.bulk_create([c for c, _ in pending], batch_size=2000)
    for claim in claims:
        claim.number = number_of(claim.pk)
    all_lines = []
    for claim, lines in pending:
        for ln in lines:
            ln.claim = claim
        all_lines.extend(lines)
        claim._prefetched_objects_cache = {"lines": lines}  # type: ignore[attr-defined]
    ClaimLine.objects.bulk_create(all_lines)
    if auths:
        consume(pending, auths)

    user = actor.user if getattr(actor.user, "is_authenticated", False) else None
    label = getattr(user, "email", "") or actor.label or f"({actor.via})"
    new_events: list[ClaimEvent] = []
    built: list[Built] = []
    for claim, lines in pending:
        view = to_837p(claim)
        result = scrub(claim, ctx, view=view)
        n_errors = sum(1 for f in result.findings if f.severity == "error")
        created = {
            "encounter": claim.encounter_id,
            "payer": claim.payer.payer_id,
            "frequency": claim.frequency,
            "total_charge": str(claim.total_charge),
            "lines": len(lines),
            **({"replaces": replaces.number} if replaces else {}),
        }
        scrubbed = {
            "errors": n_errors,
            "warnings": len(result.findings) - n_errors,
            "findings": [finding_json(f) for f in result.findings],
        }
        for kind, data in ((Kind.CREATED, created), (Kind.SCRUBBED, scrubbed)):
            new_events.append(
                ClaimEvent(claim=claim, kind=kind, user=user, user_label=label, data=data)
            )
        status = status_of([(Kind.CREATED, created), (Kind.SCRUBBED, scrubbed)])
        assert status is not None
        claim.status = status
        built.append(Built(claim, result, view))
    ClaimEvent.objects.bulk_create(new_events, batch_size=5000)
    by_status: dict[str, list[int]] = {}
    for claim in claims:
        by_status.setdefault(claim.status, []).append(claim.pk)
    for status, pks in by_status.items():  # the number and the derived status, one UPDATE each
        for start in range(0, len(pks), 5000):
            Claim.objects.filter(pk__in=pks[start : start + 5000]).update(
                status=status, number=_NUMBER
            )
    record_each(
        actor,
        AuditEntry.Action.CREATE,
        claims,
        lambda c: {"number": c.number, "total_charge": str(c.total_charge)},  # type: ignore[attr-defined]
    )
    return built


@dataclass(frozen=True)
class DryRun:
    """The claim a visit would become, scrubbed, with nothing written: ``result`` None
    when it cannot be built yet (``errors``: field path → why, as :class:`Invalid`)."""

    result: ClaimResult | None
    errors: dict[str, list[str]]


def dry_run(
    encounter: Encounter,
    *,
    lines: Sequence[EncounterLine] | None = None,
    today: dt.date | None = None,
    ctx: ScrubContext | None = None,
) -> DryRun:
    """Build the visit's claim in memory (the same :func:`_lines` and :func:`_claim` as
    :func:`build_many`) and scrub it: what the coding screen shows as the coder types.
    ``lines``: the lines as typed (unsaved), instead of the visit's saved lines; the
    visit's ``diagnoses`` are read as they are set on it."""
    today = today or dt.date.today()
    errors = Errors()
    coverage = _coverage_of(encounter)
    if coverage is None:
        errors.add("coverage", "the patient has no coverage in force on the date of service")
    if not encounter.diagnoses:
        errors.add("diagnoses", "the visit has no diagnosis")
    billed = _lines(encounter, errors, lines)
    if not billed and not errors.found:
        errors.add("lines", "the visit has no service line")
    if errors.found or coverage is None:
        return DryRun(None, errors.found)
    claim = _claim(encounter, coverage, billed)
    claim.number = "DRAFT"
    ctx = ctx or context_for(encounter.practice, today)
    result = scrub(claim, ctx, view=to_837p(claim, billed))
    return DryRun(result, {})


#: A claim not yet queued or sent (or rejected by the clearinghouse or payer, so never
#: adjudicated) follows its visit: an edit to the visit is copied to it.
FOLLOWS_VISIT = frozenset({"built", "errors", "ready", "rejected"})


def refresh_claim(claim: Claim, encounter: Encounter) -> None:
    """Copy the visit's diagnoses and lines onto its claim that is not yet queued or sent
    (:data:`FOLLOWS_VISIT`), in the caller's transaction; :class:`Invalid` names a line
    without a charge. The caller appends the event (``edited`` or ``fix applied``)."""
    errors = Errors()
    lines = _lines(encounter, errors)
    errors.raise_any()
    if not lines:
        raise Invalid({"lines": ["the visit has no service line"]})
    from cleanclaim.tenancy.concurrency import save_versioned

    claim.diagnoses = list(encounter.diagnoses)
    claim.total_charge = sum((ln.charge for ln in lines), Decimal("0.00"))
    claim.service_from = min(ln.service_date for ln in lines)
    claim.service_to = max(ln.service_date for ln in lines)
    fields = ["diagnoses", "total_charge", "service_from", "service_to"]
    save_versioned(claim, claim.version, fields, noun="claim")
    ClaimLine.objects.filter(claim=claim).delete()
    for ln in lines:
        ln.claim = claim
    ClaimLine.objects.bulk_create(lines)
