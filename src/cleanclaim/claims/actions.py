"""Domain actions for encounters and claims: each owns its transaction, writes the audit
entry and the claim's events in it, so a change and its record commit together.

* :func:`create_encounter` — a visit with its diagnoses (checked as of the date of
  service in the loaded ICD-10-CM release) and lines; :class:`Invalid` names each bad
  field (``lines[1].pointers``) and nothing is written.
* :func:`update_encounter` — the coding screen's save: the diagnoses and lines
  replaced, checked as :func:`create_encounter` checks them, optimistic locking on the
  visit's version (:class:`StaleEdit` names what changed since).
* :func:`apply_fix` — a fix of :mod:`cleanclaim.claims.fixes` applied and saved, recorded
  with its finding id.
* :func:`build_claim` — the claim for the payer responsible (primary first), its lines,
  total and filing deadline, then scrubbed (events ``created`` and ``scrubbed``).
* :func:`queue_claim` — scrubbed again; refused while it has an error, or a warning
  not acknowledged by its finding id (the acknowledgements go in the ``queued`` event).
* :func:`edit_claim` (optimistic locking: :class:`StaleEdit`), :func:`hold_claim`,
  :func:`release_claim`, :func:`replace_claim` (a new frequency-7 claim linked to the
  sent one, which gets ``corrected``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cleanclaim.audit.actor import Actor
from cleanclaim.audit.models import AuditEntry
from cleanclaim.audit.record import diff, record, snapshot
from cleanclaim.claims import events, fixes
from cleanclaim.claims.building import (
    FOLLOWS_VISIT,
    Errors,
    Invalid,
    build_claims,
    missing_charge,
    number_of,
    refresh_claim,
)
from cleanclaim.claims.events import Kind, NotAllowed
from cleanclaim.claims.models import (
    MAX_DIAGNOSES,
    MAX_MODIFIERS,
    MAX_POINTERS,
    POINTER_LETTERS,
    Claim,
    ClaimLine,
    Encounter,
    EncounterLine,
)
from cleanclaim.claims.scrubbing import context_for, finding_json, not_billable, scrub
from cleanclaim.coding.service import store
from cleanclaim.edits import ClaimResult
from cleanclaim.edits.context import ScrubContext
from cleanclaim.money import MoneyError, parse_optional_money
from cleanclaim.patients.models import Coverage, Patient
from cleanclaim.practices.models import RenderingProvider, ServiceLocation
from cleanclaim.tenancy.concurrency import Changed, StaleEdit, check_version, save_versioned

Action = AuditEntry.Action

__all__ = [
    "Invalid",
    "NotAllowed",
    "QueueRefused",
    "StaleEdit",
    "apply_fix",
    "build_claim",
    "create_encounter",
    "edit_claim",
    "hold_claim",
    "missing_charge",
    "primary_coverage",
    "queue_claim",
    "release_claim",
    "replace_claim",
    "scrub_claim",
    "update_encounter",
    "view_claim",
    "view_encounter",
    "void_claim",
]

_PROCEDURE = re.compile(r"^(\d{4}[0-9FTUMA]|[A-V]\d{4})$")
_MODIFIER = re.compile(r"^[0-9A-Z]{2}$")
_NDC = re.compile(r"^\d{11}$")


def view_encounter(actor: Actor, encounter: Encounter) -> Encounter:
    record(actor, Action.READ, encounter)
    return encounter


def view_claim(actor: Actor, claim: Claim, *, what: str = "claim") -> Claim:
    record(actor, Action.READ, claim, context={"with": what})
    return claim


def primary_coverage(patient: Patient, day: dt.date) -> Coverage | None:
    """The patient's coverage in force on ``day`` with the best priority (primary first)."""
    for c in patient.coverages.select_related("payer").order_by("priority", "-effective_date"):
        if c.is_active_on(day):
            return c
    return None


def _decimal(value: Any, where: str, errors: Errors, *, places: int) -> Decimal | None:
    """An amount or a quantity (:func:`cleanclaim.money.parse_optional_money`): zero or
    more, at most ``places`` decimal places; None when not given or not valid (noted)."""
    try:
        amount = parse_optional_money(value, what=where)
    except MoneyError as exc:
        errors.add(where, str(exc).removeprefix(f"{where}: "))
        return None
    if amount is None:
        return None
    if amount < 0:
        errors.add(where, f"{value!r} must be zero or more")
        return None
    if amount != amount.quantize(Decimal(1).scaleb(-places)):
        errors.add(where, f"{value!r} has more than {places} decimal places")
        return None
    return amount


def _check_diagnoses(codes: Sequence[str], dos: dt.date, errors: Errors) -> list[str]:
    """Each code in dot form, known to the ICD-10-CM release in force on ``dos``."""
    out: list[str] = []
    if len(codes) > MAX_DIAGNOSES:
        errors.add("diagnoses", f"at most {MAX_DIAGNOSES} diagnoses (A–L), got {len(codes)}")
        return out
    s = store()
    for i, raw in enumerate(codes):
        where = f"diagnoses[{i}]"
        code = str(raw or "").strip().upper()
        if not code:
            errors.add(where, "empty diagnosis code")
            continue
        found = s.find("icd10cm", code, dos)
        if found.code is None:
            if found.release is None:  # no release covers the date: the scrubber says so
                out.append(code)
                continue
            errors.add(where, found.message or f"{code} is not an ICD-10-CM code on {dos}")
            continue
        if found.code.code in out:
            errors.add(where, f"{found.code.code} is listed twice")
            continue
        out.append(found.code.code)
    return out


def _check_line(i: int, raw: Mapping[str, Any], n_dx: int, errors: Errors) -> dict[str, Any] | None:
    where = f"lines[{i}]"
    bad = len(errors.found)
    procedure = str(raw.get("procedure") or "").strip().upper()
    if not _PROCEDURE.match(procedure):
        errors.add(f"{where}.procedure", f"{procedure!r} is not a CPT or HCPCS code")
    modifiers = [str(m).strip().upper() for m in raw.get("modifiers") or [] if str(m).strip()]
    if len(modifiers) > MAX_MODIFIERS:
        errors.add(f"{where}.modifiers", f"at most {MAX_MODIFIERS} modifiers")
    for m in modifiers:
        if not _MODIFIER.match(m):
            errors.add(f"{where}.modifiers", f"{m!r} is not a two-character modifier")
    units = _decimal(raw.get("units", 1), f"{where}.units", errors, places=3)
    if units is not None and units == 0:
        errors.add(f"{where}.units", "units must be more than zero")
    charge = _decimal(raw.get("charge"), f"{where}.charge", errors, places=2)
    letters = [str(p).strip().upper() for p in raw.get("pointers") or [] if str(p).strip()]
    if not letters:
        errors.add(f"{where}.pointers", "point to at least one diagnosis (A–L)")
    if len(letters) > MAX_POINTERS:
        errors.add(f"{where}.pointers", f"at most {MAX_POINTERS} diagnosis pointers")
    for p in letters:
        if len(p) != 1 or p not in POINTER_LETTERS[:n_dx]:
            have = {0: "none", 1: "A"}.get(n_dx, f"A–{POINTER_LETTERS[n_dx - 1]}")
            errors.add(f"{where}.pointers", f"{p!r} points to no diagnosis (have {have})")
    if len(set(letters)) != len(letters):
        errors.add(f"{where}.pointers", "a diagnosis is pointed to twice")
    ndc = str(raw.get("ndc") or "").replace("-", "").strip()
    if ndc and not _NDC.match(ndc):
        errors.add(f"{where}.ndc", f"{raw.get('ndc')!r} is not an 11-digit NDC")
    qty = _decimal(raw.get("ndc_quantity"), f"{where}.ndc_quantity", errors, places=3)
    if ndc and qty is None:
        errors.add(f"{where}.ndc_quantity", "a drug line needs the NDC quantity")
    service_date = raw.get("service_date")
    if service_date is not None and not isinstance(service_date, dt.date):
        errors.add(f"{where}.service_date", "must be a date (YYYY-MM-DD)")
    if len(errors.found) != bad:
        return None
    return {
        "procedure": procedure,
        "modifiers": modifiers,
        "units": units if units is not None else Decimal(1),
        "charge": charge,
        "pointers": letters,
        "ndc": ndc,
        "ndc_quantity": qty,
        "ndc_unit": str(raw.get("ndc_unit") or ("UN" if ndc else "")).strip().upper()[:2],
        "note": str(raw.get("note") or "").strip()[:80],
        "service_date": service_date,
    }


@transaction.atomic
def create_encounter(
    actor: Actor,
    patient: Patient,
    *,
    rendering_provider: RenderingProvider,
    service_from: dt.date,
    service_to: dt.date | None = None,
    diagnoses: Sequence[str] = (),
    lines: Sequence[Mapping[str, Any]] = (),
    location: ServiceLocation | None = None,
    place_of_service: str = "",
    coverage: Coverage | None = None,
    referring_npi: str = "",
    referring_last_name: str = "",
    referring_first_name: str = "",
    prior_authorization: str = "",
) -> Encounter:
    """Save a visit; :class:`Invalid` (nothing written) names every bad field."""
    errors = Errors()
    practice = patient.practice
    if rendering_provider.practice_id != practice.pk:
        errors.add("rendering_provider", "the provider is not at the patient's practice")
    if location is not None and location.practice_id != practice.pk:
        errors.add("location", "the location is not at the patient's practice")
    service_to = service_to or service_from
    if service_to < service_from:
        errors.add("service_to", "the last date of service is before the first")
    if coverage is None:
        coverage = primary_coverage(patient, service_from)
    elif coverage.patient_id != patient.pk:
        errors.add("coverage", "the coverage is not the patient's")
    pos = place_of_service or (location.place_of_service if location else "")
    if not pos:
        errors.add("place_of_service", "give a place of service or a service location")
    dx = _check_diagnoses(list(diagnoses), service_from, errors)
    checked = [_check_line(i, ln, len(diagnoses), errors) for i, ln in enumerate(lines)]
    errors.raise_any()
    encounter = Encounter(
        practice=practice,
        patient=patient,
        rendering_provider=rendering_provider,
        referring_npi=referring_npi.strip(),
        referring_last_name=referring_last_name.strip(),
        referring_first_name=referring_first_name.strip(),
        location=location,
        place_of_service=pos,
        service_from=service_from,
        service_to=service_to,
        coverage=coverage,
        diagnoses=dx,
        prior_authorization=prior_authorization.strip(),
        created_by=actor.user if getattr(actor.user, "is_authenticated", False) else None,
    )
    try:
        encounter.full_clean(exclude=["created_by"])
    except ValidationError as exc:
        raise Invalid(exc.message_dict) from None
    encounter.save()
    EncounterLine.objects.bulk_create(
        EncounterLine(encounter=encounter, number=n, **values)
        for n, values in enumerate((c for c in checked if c is not None), start=1)
    )
    record(
        actor,
        Action.CREATE,
        encounter,
        changes={
            **snapshot(encounter, Encounter.audited_fields),
            "lines": [
                {k: str(v) if isinstance(v, Decimal | dt.date) else v for k, v in c.items()}
                for c in checked
                if c is not None
            ],
        },
    )
    return encounter


def _line_json(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: str(v) if isinstance(v, Decimal | dt.date) else v for k, v in values.items()}


_LINE_KEYS = ("procedure", "modifiers", "units", "charge", "pointers")


def _line_summary(line: EncounterLine) -> dict[str, Any]:
    return _line_json({k: getattr(line, k) for k in _LINE_KEYS})


def _line_text(line: Mapping[str, Any]) -> str:
    mods = "-".join(line.get("modifiers") or [])
    return (
        f"{line.get('procedure')}{'-' + mods if mods else ''} ×{line.get('units')} "
        f"{''.join(line.get('pointers') or [])}"
    )


def _stale_visit(locked: Encounter, expected: int, diagnoses: Sequence[str]) -> StaleEdit:
    """What changed on the visit since version ``expected`` (its diagnoses, its lines),
    by whom and when, from the audit entries of :func:`update_encounter`."""
    entries = AuditEntry.objects.filter(
        model=Encounter._meta.label, object_pk=str(locked.pk), action=Action.UPDATE
    ).order_by("at", "id")
    names: list[str] = []
    by, at = "", None
    for entry in entries:
        version = entry.context.get("version") if isinstance(entry.context, dict) else None
        if isinstance(version, int) and version > expected:
            names += [n for n in entry.changes if n not in names]
            by, at = entry.user_label, entry.at
    current_lines = [_line_summary(ln) for ln in locked.lines.all()]
    changed = []
    if "diagnoses" in names:
        changed.append(
            Changed(
                "diagnoses",
                "diagnoses",
                list(locked.diagnoses),
                list(diagnoses),
                " ".join(locked.diagnoses),
            )
        )
    if "lines" in names:
        changed.append(
            Changed(
                "lines",
                "service lines",
                current_lines,
                None,
                "; ".join(_line_text(ln) for ln in current_lines),
            )
        )
    return StaleEdit(
        noun="visit",
        expected=expected,
        current=int(locked.version),
        changed=tuple(changed),
        by=by,
        at=at,
        from_audit=bool(changed),
    )


@transaction.atomic
def update_encounter(
    actor: Actor,
    encounter: Encounter,
    *,
    expected_version: int | None,
    diagnoses: Sequence[str],
    lines: Sequence[Mapping[str, Any]],
    today: dt.date | None = None,
    fix_applied: Mapping[str, Any] | None = None,
) -> Encounter:
    """Replace the visit's diagnoses and lines (the coding screen's save).

    Checked as :func:`create_encounter` checks them (codes as of the date of service;
    :class:`Invalid` names each bad field, nothing written). :class:`StaleEdit` when the
    visit was saved by someone else since ``expected_version``. A claim of the visit not
    yet queued or sent follows it (its copy refreshed, event ``edited`` with what changed,
    then scrubbed again); a queued or sent claim never changes (a correction is a
    replacement). ``fix_applied``: set by :func:`apply_fix` (the event is then
    ``fix applied``)."""
    locked = Encounter.objects.select_for_update().get(pk=encounter.pk)
    if expected_version is not None and expected_version != locked.version:
        raise _stale_visit(locked, expected_version, diagnoses)
    expected = int(locked.version)
    errors = Errors()
    dx = _check_diagnoses(list(diagnoses), locked.service_from, errors)
    checked = [_check_line(i, ln, len(diagnoses), errors) for i, ln in enumerate(lines)]
    errors.raise_any()
    before_lines = [_line_summary(ln) for ln in locked.lines.all()]
    after_lines = [_line_json({k: c[k] for k in _LINE_KEYS}) for c in checked if c is not None]
    changes: dict[str, Any] = {}
    if list(locked.diagnoses) != dx:
        changes["diagnoses"] = [list(locked.diagnoses), dx]
    if before_lines != after_lines:
        changes["lines"] = [before_lines, after_lines]
    if not changes:
        return locked
    locked.diagnoses = dx
    save_versioned(locked, expected, ["diagnoses"], noun="visit")
    locked.lines.all().delete()
    EncounterLine.objects.bulk_create(
        EncounterLine(encounter=locked, number=n, **values)
        for n, values in enumerate((c for c in checked if c is not None), start=1)
    )
    context: dict[str, Any] = {"version": locked.version}
    if fix_applied is not None:
        context["fix_applied"] = dict(fix_applied)
    record(actor, Action.UPDATE, locked, changes=changes, context=context)
    for claim in Claim.objects.select_for_update().filter(
        encounter=locked, status__in=FOLLOWS_VISIT
    ):
        refresh_claim(claim, locked)
        if fix_applied is not None:
            events.append(actor, claim, Kind.FIX_APPLIED, dict(fix_applied))
        else:
            events.append(actor, claim, Kind.EDITED, {"changes": changes})
        _scrubbed(actor, claim, None, today or dt.date.today())
    encounter.version = locked.version
    encounter.diagnoses = locked.diagnoses
    return locked


@transaction.atomic
def apply_fix(
    actor: Actor,
    encounter: Encounter,
    *,
    finding: str,
    line: int | None,
    expected_version: int | None,
    diagnoses: Sequence[str],
    lines: Sequence[Mapping[str, Any]],
    today: dt.date | None = None,
) -> Encounter:
    """Apply the registered fix (:mod:`cleanclaim.claims.fixes`) for scrubber finding
    ``finding`` on ``line`` to the visit as coded, and save it (:func:`update_encounter`).

    Recorded with the finding id and the fix id: a ``fix applied`` event on each claim of
    the visit not yet queued or sent (which is then scrubbed again), and in the visit's
    audit entry. :class:`Invalid` when no fix applies there."""
    draft = fixes.Draft(list(diagnoses), [dict(ln) for ln in lines])
    draft = replace(draft, not_billable=not_billable(draft.diagnoses, encounter.service_from))
    fix = fixes.fix_for(finding, draft, line)
    if fix is None:
        where = f" on line {line}" if line else ""
        raise Invalid({"fix": [f"no fix applies to finding {finding!r}{where}"]})
    fixed = fix.apply(draft, line)
    assert fixed is not None
    return update_encounter(
        actor,
        encounter,
        expected_version=expected_version,
        diagnoses=fixed.diagnoses,
        lines=fixed.lines,
        today=today,
        fix_applied={"finding": finding, "fix": fix.id, "line": line, "label": fix.label},
    )


def _scrubbed(actor: Actor, claim: Claim, ctx: ScrubContext | None, as_of: dt.date) -> ClaimResult:
    """Scrub ``claim`` and append the ``scrubbed`` event with its findings."""
    result = scrub(claim, ctx or context_for(claim.practice, as_of))
    errors = [f for f in result.findings if f.severity == "error"]
    events.append(
        actor,
        claim,
        Kind.SCRUBBED,
        {
            "errors": len(errors),
            "warnings": len(result.findings) - len(errors),
            "findings": [finding_json(f) for f in result.findings],
        },
    )
    return result


@transaction.atomic
def build_claim(
    actor: Actor,
    encounter: Encounter,
    *,
    today: dt.date | None = None,
    ctx: ScrubContext | None = None,
    replaces: Claim | None = None,
    payer_claim_control_number: str = "",
) -> tuple[Claim, ClaimResult]:
    """The claim for the encounter's payer responsible (its primary coverage), scrubbed
    (events ``created`` and ``scrubbed``): :func:`cleanclaim.claims.building.build_claims`
    for one visit. ``replaces``: the sent claim this one replaces (frequency 7, REF*F8).
    A line without a charge gets one from :func:`~cleanclaim.claims.building.missing_charge`
    or the build is refused naming the line."""
    built = build_claims(
        actor,
        [encounter],
        today=today,
        ctx=ctx,
        replaces=replaces,
        payer_claim_control_number=payer_claim_control_number,
    )
    return built[0]


@transaction.atomic
def scrub_claim(actor: Actor, claim: Claim, *, today: dt.date | None = None) -> ClaimResult:
    """Scrub the claim again (event ``scrubbed``)."""
    return _scrubbed(actor, claim, None, today or dt.date.today())


@dataclass(frozen=True)
class QueueRefused(Exception):
    """The claim was scrubbed again and not queued: ``errors`` it has, ``unacknowledged``
    warnings (their finding ids)."""

    findings: tuple[dict[str, Any], ...]
    errors: tuple[str, ...]
    unacknowledged: tuple[str, ...]

    code = "claim_not_clean"

    def message(self) -> str:
        if self.errors:
            return f"the claim has errors and cannot be queued: {', '.join(self.errors)}"
        return "acknowledge each warning by its id to queue the claim: " + ", ".join(
            self.unacknowledged
        )

    def __str__(self) -> str:
        return self.message()


def queue_claim(
    actor: Actor,
    claim: Claim,
    *,
    acknowledge: Iterable[str] = (),
    today: dt.date | None = None,
) -> ClaimResult:
    """Scrub again and queue; :class:`QueueRefused` when an error remains or a warning is
    not acknowledged. The ``scrubbed`` event stays either way (the claim was scrubbed)."""
    acks = sorted({a.strip() for a in acknowledge if a.strip()})
    with transaction.atomic():
        locked = Claim.objects.select_for_update().get(pk=claim.pk)
        if locked.status not in ("built", "errors", "ready", "rejected"):  # scrubbed first
            events.allowed(locked.status, Kind.QUEUED)
        result = _scrubbed(actor, locked, None, today or dt.date.today())
        errors = sorted({f.rule for f in result.findings if f.severity == "error"})
        warnings = sorted({f.rule for f in result.findings if f.severity == "warning"})
        missing = [w for w in warnings if w not in acks]
        if not errors and not missing:
            events.append(actor, locked, Kind.QUEUED, {"acknowledged": warnings})
    claim.status = locked.status
    if errors or missing:
        raise QueueRefused(
            tuple(finding_json(f) for f in result.findings), tuple(errors), tuple(missing)
        )
    return result


@transaction.atomic
def edit_claim(
    actor: Actor, claim: Claim, *, expected_version: int | None = None, **fields: Any
) -> Claim:
    """Change claim fields before it is sent (event ``edited`` with what changed; the
    claim must be scrubbed again). :class:`StaleEdit` when someone saved since
    ``expected_version``; :class:`NotAllowed` once the claim is queued or sent."""
    for name in fields:
        if name not in Claim.audited_fields:
            raise ValueError(f"edit_claim: {name!r} is not an editable claim field")
    locked = Claim.objects.select_for_update().get(pk=claim.pk)
    expected = check_version(locked, expected_version, fields, noun="claim")
    events.allowed(locked.status, Kind.EDITED)
    before = snapshot(locked, Claim.audited_fields)
    for name, value in fields.items():
        setattr(locked, name, value)
    try:
        locked.full_clean()
    except ValidationError as exc:
        raise Invalid(exc.message_dict) from None
    changes = diff(before, snapshot(locked, Claim.audited_fields))
    if changes:
        save_versioned(locked, expected, changes, noun="claim")
        record(actor, Action.UPDATE, locked, changes=changes, context={"version": locked.version})
        events.append(actor, locked, Kind.EDITED, {"changes": changes})
    return locked


@transaction.atomic
def hold_claim(actor: Actor, claim: Claim, reason: str) -> Claim:
    if not reason.strip():
        raise Invalid({"reason": ["say why the claim is held"]})
    events.append(actor, claim, Kind.HELD, {"reason": reason.strip()})
    return claim


@transaction.atomic
def release_claim(actor: Actor, claim: Claim, reason: str = "") -> Claim:
    events.append(actor, claim, Kind.RELEASED, {"reason": reason.strip()})
    return claim


@transaction.atomic
def replace_claim(
    actor: Actor, claim: Claim, payer_claim_control_number: str, *, today: dt.date | None = None
) -> tuple[Claim, ClaimResult]:
    """A replacement (frequency 7) of a sent claim, built anew from its encounter and
    linked to it; the original gets ``corrected`` and is never changed otherwise."""
    if not payer_claim_control_number.strip():
        raise Invalid({"payer_claim_control_number": ["the payer's claim number is required"]})
    events.allowed(claim.status, Kind.CORRECTED)
    new, result = build_claim(
        actor,
        claim.encounter,
        today=today,
        replaces=claim,
        payer_claim_control_number=payer_claim_control_number.strip(),
    )
    events.append(actor, claim, Kind.CORRECTED, {"replacement": new.number})
    from cleanclaim.authorizations.consumption import give_back

    give_back(claim, new)  # the replacement consumed its own units when built
    return new, result


@transaction.atomic
def void_claim(
    actor: Actor,
    claim: Claim,
    reason: str,
    *,
    payer_claim_control_number: str = "",
    today: dt.date | None = None,
) -> tuple[Claim, ClaimResult]:
    """Void (cancel) a sent claim: a NEW claim of frequency 8 (CLM05-3) linked to it
    (``replaces``), with its lines as sent and the payer's claim control number (REF*F8:
    the original's, unless ``payer_claim_control_number`` gives it), events ``created`` and
    ``scrubbed`` on the void and ``voided`` (with ``reason``) on the original, which is
    never changed otherwise. :class:`Invalid` naming ``reason`` or
    ``payer_claim_control_number``; :class:`NotAllowed` for a claim not sent, or a void."""
    if not reason.strip():
        raise Invalid({"reason": ["say why the claim is voided"]})
    locked = Claim.objects.select_for_update().get(pk=claim.pk)
    if locked.frequency == Claim.Frequency.VOID:
        raise NotAllowed(f"claim {locked.number} is itself a void and cannot be voided")
    if locked.status not in events.SENT:
        label = events.STATUSES.get(locked.status, locked.status).lower()
        raise NotAllowed(
            f"claim {locked.number} is {label}: only a claim sent to the payer is voided "
            "with a void claim (frequency 8)"
        )
    control = (payer_claim_control_number or locked.payer_claim_control_number).strip()
    if not control:
        raise Invalid(
            {
                "payer_claim_control_number": [
                    f"a void (frequency 8) needs the payer's claim control number (REF*F8) of "
                    f"claim {locked.number}, and it has none: give it"
                ]
            }
        )
    if len(control) > 50:
        raise Invalid({"payer_claim_control_number": ["at most 50 characters"]})
    lines = list(locked.lines.order_by("number"))
    void = Claim.objects.get(pk=locked.pk)
    void.pk = None
    void._state.adding = True
    void.number = ""
    void.version = 1
    void.status = "built"
    void.created_at = timezone.now()
    void.frequency = Claim.Frequency.VOID
    void.payer_claim_control_number = control
    void.replaces = locked
    void.save()
    void.number = number_of(void.pk)
    void.save(update_fields=["number"])
    for ln in lines:
        ln.pk = None
        ln._state.adding = True
        ln.claim = void
    ClaimLine.objects.bulk_create(lines)
    record(actor, Action.CREATE, void, context={"voids": locked.number, "reason": reason.strip()})
    events.append(
        actor,
        void,
        Kind.CREATED,
        {
            "encounter": void.encounter_id,
            "payer": void.payer.payer_id,
            "frequency": void.frequency,
            "total_charge": str(void.total_charge),
            "lines": len(lines),
            "voids": locked.number,
        },
    )
    from cleanclaim.authorizations.consumption import give_back

    give_back(locked, void)  # the authorization units the claim used come back
    result = _scrubbed(actor, void, None, today or dt.date.today())
    events.append(actor, locked, Kind.VOIDED, {"reason": reason.strip(), "void": void.number})
    void.refresh_from_db()
    claim.refresh_from_db()
    return void, result
