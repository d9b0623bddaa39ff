"""Which of our claims and lines a claim payment answers, and how.

Claims (:func:`match_claim`), in this order: the patient control number (CLP01 = our
CLM01, ``Claim.number``); then the payer's claim control number (CLP07) seen on an
earlier payment of the claim; then the patient (NM1*QC name or member id) and the
dates of service, when exactly one claim fits. Lines (:func:`match_lines`): code,
modifiers, date and charge, tolerating payers that change the code (SVC06 gives the
code as submitted) or drop or change modifiers; each match says ``how``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from cleanclaim.x12.x221a1_835.view import ClaimPayment, ServicePayment


@dataclass(frozen=True, slots=True)
class ClaimCandidate:
    """One of our claims, as matching needs it."""

    id: int
    number: str
    patient_last_name: str
    patient_first_name: str
    member_id: str
    service_from: dt.date
    service_to: dt.date
    total_charge: Decimal
    payer_claim_numbers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ClaimMatch:
    """The claim found (None: unmatched), how, and the candidates that were weighed."""

    claim: ClaimCandidate | None
    how: str
    candidates: tuple[ClaimCandidate, ...] = ()


@dataclass(frozen=True, slots=True)
class LineCandidate:
    """One of our claim lines (837P SV1 as billed)."""

    number: int
    procedure: str
    modifiers: tuple[str, ...]
    service_date: dt.date
    charge: Decimal
    units: Decimal = Decimal(1)


@dataclass(frozen=True, slots=True)
class LineMatch:
    """Service line ``index`` (0-based, 2110 order) answered our line ``line`` (None:
    no line fits) -- ``how``: exact, svc06, modifiers_dropped, modifiers_changed,
    code_changed, by_charge_and_date, by_code_and_date, last_line, unmatched."""

    index: int
    line: int | None
    how: str
    notes: tuple[str, ...] = field(default=())


def date_of(text: str) -> dt.date | None:
    """A CCYYMMDD date, None when empty or malformed."""
    try:
        return dt.datetime.strptime(text, "%Y%m%d").date()
    except ValueError:
        return None


def _claim_dates(cp: ClaimPayment) -> list[dt.date]:
    out = [d for q, t in cp.dates if q in ("232", "233") and (d := date_of(t))]
    for svc in cp.services:
        out += [d for q, t in svc.service_dates if q in ("472", "150", "151") and (d := date_of(t))]
    return out


def _by_patient_and_dates(
    cp: ClaimPayment, candidates: Sequence[ClaimCandidate]
) -> list[ClaimCandidate]:
    p = cp.patient
    dates = _claim_dates(cp)
    out = []
    for c in candidates:
        if p is not None:
            same_member = bool(p.identification_code) and p.identification_code == c.member_id
            same_name = p.name.upper() == c.patient_last_name.upper() and (
                not p.first_name or p.first_name.upper() == c.patient_first_name.upper()
            )
            if not (same_member or same_name):
                continue
        elif cp.clp.total_claim_charge_amount != c.total_charge:
            continue
        if dates and not all(c.service_from <= d <= c.service_to for d in dates):
            continue
        out.append(c)
    return out


def match_claim(cp: ClaimPayment, candidates: Sequence[ClaimCandidate]) -> ClaimMatch:
    """Our claim for ``cp`` among ``candidates`` (claims of the practice the caller
    found by CLP01, CLP07 or the patient)."""
    pcn = cp.clp.claim_submitters_identifier
    payer_number = cp.clp.payer_claim_control_number
    for c in candidates:
        if pcn and c.number == pcn:
            return ClaimMatch(c, "patient_control_number")
    if payer_number:
        found = [c for c in candidates if payer_number in c.payer_claim_numbers]
        if len(found) == 1:
            return ClaimMatch(found[0], "payer_claim_number")
    fits = _by_patient_and_dates(cp, candidates)
    if len(fits) == 1:
        return ClaimMatch(fits[0], "patient_and_dates")
    return ClaimMatch(None, "unmatched", tuple(fits or candidates))


def _svc_date(svc: ServicePayment, default: dt.date | None) -> dt.date | None:
    for q, t in svc.service_dates:
        if q in ("472", "150"):
            return date_of(t) or default
    return default


def _how(
    svc: ServicePayment, line: LineCandidate, when: dt.date | None, *, loose: bool
) -> str | None:
    """How ``svc`` answers ``line``, or None; ``loose`` allows charge-and-date alone."""
    proc = svc.svc.composite_medical_procedure_identifier
    orig = svc.svc.original_procedure_identifier
    code = proc.procedure_code if proc else ""
    mods = tuple(proc.procedure_modifiers) if proc else ()
    charge = svc.svc.line_item_charge_amount
    same_date = when is None or when == line.service_date
    same_charge = charge == line.charge
    if not same_date:
        return None
    if code == line.procedure and mods == line.modifiers and same_charge:
        return "exact"
    if orig is not None and orig.procedure_code == line.procedure:
        omods = tuple(orig.procedure_modifiers)
        if (omods == line.modifiers or not omods) and same_charge:
            return "svc06"
    if code == line.procedure and same_charge:
        return "modifiers_dropped" if set(mods) < set(line.modifiers) else "modifiers_changed"
    if not loose:
        return None
    if same_charge and code != line.procedure:
        return "by_charge_and_date"
    if code == line.procedure:
        return "by_code_and_date"
    return None


def match_lines(
    services: Sequence[ServicePayment],
    lines: Sequence[LineCandidate],
    default_date: dt.date | None = None,
) -> list[LineMatch]:
    """One :class:`LineMatch` per service line, each of our lines used at most once.

    Two passes: first the sure matches (exact, SVC06, modifiers dropped or changed),
    then the looser ones (charge and date, code and date); a single service line
    left with a single line of ours pairs up (``last_line``)."""
    used: set[int] = set()
    found: dict[int, LineMatch] = {}
    for loose in (False, True):
        for i, svc in enumerate(services):
            if i in found:
                continue
            when = _svc_date(svc, default_date)
            for line in lines:
                if line.number in used:
                    continue
                how = _how(svc, line, when, loose=loose)
                if how is not None:
                    found[i] = LineMatch(i, line.number, how)
                    used.add(line.number)
                    break
    left = [i for i in range(len(services)) if i not in found]
    free = [ln for ln in lines if ln.number not in used]
    if len(left) == 1 and len(free) == 1:
        found[left[0]] = LineMatch(left[0], free[0].number, "last_line")
    return [found.get(i, LineMatch(i, None, "unmatched")) for i in range(len(services))]
