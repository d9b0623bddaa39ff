"""Adjudicate one accepted 837P claim into 835 claim payment loops (2100/2110).

Per line (005010X221A1 2110 SVC/CAS/AMT*B6/LQ):

* denied, the whole charge as one adjustment: timely filing ``CO-29`` (the first date
  of service older than the payer's limit), coverage ``CO-26``/``CO-27`` (before or
  after the member's plan dates), no authorization on file ``CO-197`` + ``M62``, not
  covered ``CO-96`` + ``N130``, an exact duplicate of a claim already paid ``OA-18``;
* else allowed = the fee schedule × units (else charge × the payer's ratio), never
  above the charge; ``CO-45`` = charge − allowed; then the member's share from their
  benefits for the line's service type (``98`` for office visits 99202–99215, else
  ``30``): copay ``PR-3``, deductible ``PR-1`` up to what remains of it, coinsurance
  ``PR-2`` on the rest, all capped by what remains of the out-of-pocket maximum.

A secondary or tertiary claim with its prior payers' line adjudications (SBR01 ``S`` /
``T``, 2430; :mod:`._cob`) is paid on the patient's remaining liability ``R``, after
the same denials: allowed as for a primary; the member's share (copay, deductible,
coinsurance) with ``R`` as its base; paid = min(R − share, max(0, allowed − what the
prior payers paid)). ``OA-23`` (CARC 23, "the impact of prior payer(s) adjudication",
group OA only) = charge − R; the share as ``PR-3``/``PR-1``/``PR-2``; what of ``R``
the secondary's allowed amount leaves unpaid stays the patient's as ``PR-45`` (CARC 45,
"charge exceeds … maximum allowable", group PR or CO "depending upon liability": the
patient owes it under the prior payer's adjudication, so PR). CLP02 ``2`` / ``3``
(processed as secondary / tertiary, X12 element 1029).

Every line balances (charge = paid + its adjustments) and so does the claim
(CLP03 = CLP04 + every adjustment); CLP05 = the PR adjustments. CARC/RARC codes as
published by X12 / CMS (the lists in the shared reference data).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from cleanclaim.x12.x222a1_837p.view import Claim, ServiceLine

from ._cob import FORWARDED_AS, PROCESSED_AS, is_coordinated, prior
from ._state import RemitRecord, State
from .world import Benefit, Member, Payer

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
OFFICE_VISITS = frozenset(str(c) for c in (*range(99202, 99206), *range(99211, 99216)))

#: 837P SBR09 → 835 CLP06 (the 835 has no "CI" commercial code: a PPO, "12", stands in)
FILING = {"MA": "MA", "MB": "MB", "MC": "MC", "HM": "HM", "CH": "CH", "VA": "VA", "WC": "WC"}

#: seeded edge cases, by the start of the subscriber's member id (docs/sandbox.md)
SEED_SPLIT = "SPLIT"
SEED_REVERSAL = "REVERSE"
SEED_CROSSOVER = "XOVER"
SEED_INTEREST = "INTEREST"

#: CLM05-3 claim frequency: 7 replacement of a prior claim, 8 void of a prior claim
REPLACEMENT = "7"
VOID = "8"
CORRECTIONS = (REPLACEMENT, VOID)


def money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def text(value: Decimal) -> str:
    return str(money(value))


def service_type(code: str) -> str:
    """EB03/EQ01 service type of a procedure: 98 professional office visit, else 30."""
    return "98" if code in OFFICE_VISITS else "30"


def payer_claim_number(claim: Claim) -> str:
    """A payer claim control number (REF*1K, CLP07) from the claim's own content (a
    replacement's or a void's also from its frequency and the REF*F8 it names)."""
    first = claim.lines[0].service_date if claim.lines else ""
    parts = [
        claim.payer.id,
        claim.claim_id,
        claim.subscriber.member_id,
        str(claim.total_charge),
        str(first),
    ]
    if claim.frequency_code in CORRECTIONS:
        parts += [claim.frequency_code, claim.payer_claim_control_number]
    key = "|".join(parts)
    return "SB" + hashlib.sha256(key.encode()).hexdigest()[:12].upper()


def duplicate_key(claim: Claim) -> str:
    """Same claim = same payer, patient control number, dates and charges."""
    parts = [claim.payer.id, claim.claim_id, claim.subscriber.member_id]
    parts += [f"{ln.procedure}:{ln.service_date}:{ln.charge}" for ln in claim.lines]
    return "|".join(parts)


def first_date(claim: Claim) -> dt.date | None:
    dates = [ln.service_date for ln in claim.lines if ln.service_date]
    try:
        return min(dt.date.fromisoformat(d) for d in dates) if dates else None
    except ValueError:
        return None


@dataclass
class Outcome:
    """The 835 claim loops for one 837P claim, and what a 276 will be told about it."""

    loops: list[dict[str, Any]]
    paid: Decimal
    denied: bool
    interest: Decimal = ZERO
    payer_claim_control_number: str = ""
    status_codes: list[str] = field(default_factory=list)
    duplicate: bool = False


@dataclass
class _Line:
    svc: dict[str, Any]
    paid: Decimal
    patient: Decimal
    denied: bool


def _denial(
    line: ServiceLine, charge: Decimal, group: str, reason: str, remarks: list[str]
) -> _Line:
    svc = _svc(line, charge, ZERO, [(group, reason, charge)], remarks)
    return _Line(svc, ZERO, ZERO, True)


def _svc(
    line: ServiceLine,
    charge: Decimal,
    paid: Decimal,
    adjustments: list[tuple[str, str, Decimal]],
    remarks: list[str],
    allowed: Decimal | None = None,
) -> dict[str, Any]:
    svc: dict[str, Any] = {
        "procedure": line.procedure,
        "modifiers": list(line.modifiers),
        "charge": text(charge),
        "paid": text(paid),
        "units": str(line.units or Decimal(1)),
        "adjustments": [
            {"group": g, "reason": r, "amount": text(a)} for g, r, a in adjustments if a != 0
        ],
        "remarks": [{"code": c} for c in remarks],
    }
    if line.service_date:
        svc["service_date"] = line.service_date
    if allowed is not None:
        svc["allowed"] = text(allowed)
    return svc


class Remitter:
    """Adjudicates claims for one payer against the world and the sandbox's memory."""

    def __init__(self, payer: Payer, state: State, today: dt.date) -> None:
        self.payer = payer
        self.state = state
        self.today = today

    def _share(
        self, member: Member, benefit: Benefit | None, day: dt.date, allowed: Decimal
    ) -> tuple[Decimal, Decimal, Decimal]:
        """(copay, deductible, coinsurance) of ``allowed``, updating what is met."""
        if benefit is None:
            return ZERO, ZERO, ZERO
        key = f"{self.payer.payer_id}|{member.member_id}|{day.year}|{benefit.service_type}"
        copay = min(benefit.copay, allowed)
        rest = allowed - copay
        met = self.state.met_so_far(key, "deductible", benefit.deductible_met)
        deductible = max(ZERO, min(rest, benefit.deductible_total - met))
        coinsurance = money((rest - deductible) * benefit.coinsurance_percent / 100)
        if benefit.out_of_pocket_total > 0:
            oop = self.state.met_so_far(key, "out_of_pocket", benefit.out_of_pocket_met)
            excess = copay + deductible + coinsurance - max(ZERO, benefit.out_of_pocket_total - oop)
            for part in ("coinsurance", "copay", "deductible"):
                if excess <= 0:
                    break
                value = {"coinsurance": coinsurance, "copay": copay, "deductible": deductible}[part]
                cut = min(value, excess)
                excess -= cut
                if part == "coinsurance":
                    coinsurance -= cut
                elif part == "copay":
                    copay -= cut
                else:
                    deductible -= cut
            self.state.set_met(key, "out_of_pocket", oop + copay + deductible + coinsurance)
        self.state.set_met(key, "deductible", met + deductible)
        return copay, deductible, coinsurance

    def _after_prior(
        self,
        claim: Claim,
        line: ServiceLine,
        charge: Decimal,
        allowed: Decimal,
        member: Member,
        benefit: Benefit | None,
        day: dt.date,
    ) -> _Line:
        """A line of a secondary / tertiary claim, paid on what the prior payers left."""
        before = prior(claim, line, charge)
        remaining = money(min(max(before.remaining, ZERO), charge))
        copay, deductible, coinsurance = self._share(member, benefit, day, remaining)
        share = copay + deductible + coinsurance
        paid = max(ZERO, min(remaining - share, max(ZERO, allowed - before.paid)))
        adjustments = [
            ("OA", "23", charge - remaining),
            ("PR", "1", deductible),
            ("PR", "2", coinsurance),
            ("PR", "3", copay),
            ("PR", "45", remaining - paid - share),
        ]
        svc = _svc(line, charge, paid, adjustments, [], allowed)
        return _Line(svc, paid, remaining - paid, False)

    def _line(
        self,
        claim: Claim,
        line: ServiceLine,
        member: Member,
        duplicate: bool,
        late: bool,
        coordinated: bool = False,
    ) -> _Line:
        charge = money(line.charge or ZERO)
        day = dt.date.fromisoformat(line.service_date) if line.service_date else self.today
        if duplicate:
            return _denial(line, charge, "OA", "18", [])
        if late:
            return _denial(line, charge, "CO", "29", [])
        if not member.active_on(day):
            before = member.active_from is not None and day < member.active_from
            return _denial(line, charge, "CO", "26" if before else "27", [])
        if line.procedure in self.payer.not_covered:
            return _denial(line, charge, "CO", "96", ["N130"])
        if line.procedure in self.payer.needs_authorization and not any(
            a.covers(line.procedure, day) for a in member.authorizations
        ):
            return _denial(line, charge, "CO", "197", ["M62"])
        units = line.units or Decimal(1)
        fee = self.payer.fee(line.procedure, line.modifiers)
        allowed = money(fee * units if fee is not None else charge * self.payer.default_ratio)
        allowed = min(allowed, charge)
        benefit = member.benefit(service_type(line.procedure))
        if coordinated:
            return self._after_prior(claim, line, charge, allowed, member, benefit, day)
        copay, deductible, coinsurance = self._share(member, benefit, day, allowed)
        patient = copay + deductible + coinsurance
        paid = allowed - patient
        adjustments = [
            ("CO", "45", charge - allowed),
            ("PR", "1", deductible),
            ("PR", "2", coinsurance),
            ("PR", "3", copay),
        ]
        return _Line(_svc(line, charge, paid, adjustments, [], allowed), paid, patient, False)

    def adjudicate(self, claim: Claim, member: Member) -> Outcome:
        """The 835 loops for ``claim`` (its member found in the world)."""
        dup_key = duplicate_key(claim)
        duplicate = dup_key in self.state.paid
        start = first_date(claim)
        late = start is not None and (self.today - start).days > self.payer.timely_filing_days
        coordinated = is_coordinated(claim)
        lines = [self._line(claim, ln, member, duplicate, late, coordinated) for ln in claim.lines]
        pccn = payer_claim_number(claim)
        seed = claim.subscriber.member_id.upper()
        denied = all(ln.denied for ln in lines)
        resp = claim.payer_responsibility if coordinated else "P"
        crossover = seed.startswith(SEED_CROSSOVER)
        status = (
            "4"
            if denied
            else FORWARDED_AS.get(resp, "19")
            if crossover
            else PROCESSED_AS.get(resp, "1")
        )
        groups = [lines]
        if seed.startswith(SEED_SPLIT) and len(lines) > 1 and not denied:
            half = (len(lines) + 1) // 2
            groups = [lines[:half], lines[half:]]
        loops = [
            self._clp(claim, member, group, status, f"{pccn}{n if len(groups) > 1 else ''}")
            for n, group in enumerate(groups, start=1)
        ]
        paid = sum((ln.paid for ln in lines), ZERO)
        if seed.startswith(SEED_REVERSAL) and not denied:
            loops = [
                loops[0],
                _reversed(loops[0]),
                dict(loops[0], payer_claim_control_number=pccn + "C"),
            ]
        interest = money(paid * Decimal("0.01")) if seed.startswith(SEED_INTEREST) else ZERO
        if not denied and not duplicate:
            self.state.paid.add(dup_key)
        if not duplicate:
            standing = loops if len(groups) > 1 else loops[-1:]
            self.state.remits[pccn] = RemitRecord(
                self.payer.payer_id, claim.claim_id, dup_key, standing
            )
        return Outcome(loops, paid, denied, interest, pccn, duplicate=duplicate)

    def reverse(self, number: str, by: str, member: Member | None) -> list[dict[str, Any]]:
        """Reverse (CLP02 ``22``) the loops standing for payer claim control number
        ``number``: take the original's duplicate key out of what was paid, give the
        member (``member``, the original's) back the deductible and out-of-pocket its
        lines used, and mark it reversed by ``by``. The reversal loops, in the order the
        originals were sent."""
        record = self.state.remits[number]
        reversals = [_reversed(loop) for loop in record.loops]
        if member is not None:
            for loop in record.loops:
                for svc in loop["services"]:
                    self._give_back(member, svc)
        self.state.paid.discard(record.duplicate_key)
        record.loops = []
        record.reversed_by = by
        return reversals

    def _give_back(self, member: Member, svc: dict[str, Any]) -> None:
        """Undo what one paid line added to the member's deductible and out of pocket."""
        benefit = member.benefit(service_type(svc["procedure"]))
        if benefit is None:
            return
        day = dt.date.fromisoformat(svc["service_date"]) if "service_date" in svc else self.today
        key = f"{self.payer.payer_id}|{member.member_id}|{day.year}|{benefit.service_type}"
        share = {
            a["reason"]: Decimal(a["amount"])
            for a in svc["adjustments"]
            if a["group"] == "PR" and a["reason"] in ("1", "2", "3")
        }
        deductible = share.get("1", ZERO)
        if deductible:
            met = self.state.met_so_far(key, "deductible", benefit.deductible_met)
            self.state.set_met(key, "deductible", met - deductible)
        if benefit.out_of_pocket_total > 0 and sum(share.values(), ZERO):
            oop = self.state.met_so_far(key, "out_of_pocket", benefit.out_of_pocket_met)
            self.state.set_met(key, "out_of_pocket", oop - sum(share.values(), ZERO))

    def _clp(
        self, claim: Claim, member: Member, lines: list[_Line], status: str, pccn: str
    ) -> dict[str, Any]:
        charge = sum((Decimal(ln.svc["charge"]) for ln in lines), ZERO)
        patient = claim.patient if claim.patient.last_name else claim.subscriber
        return {
            "patient_control_number": claim.claim_id,
            "status_code": status,
            "charge": text(charge),
            "paid": text(sum((ln.paid for ln in lines), ZERO)),
            "patient_responsibility": text(sum((ln.patient for ln in lines), ZERO)),
            "filing_indicator": FILING.get(claim.filing_indicator, "12"),
            "payer_claim_control_number": pccn,
            "facility_code": claim.place_of_service or "11",
            "frequency_code": claim.frequency_code if claim.frequency_code == REPLACEMENT else "1",
            "patient": {
                "last_name": patient.last_name or member.last_name,
                "first_name": patient.first_name,
                "member_id": claim.subscriber.member_id,
            },
            "services": [ln.svc for ln in lines],
        }


def _negate(amount: str) -> str:
    return text(-Decimal(amount))


def _reversed(loop: dict[str, Any]) -> dict[str, Any]:
    """CLP02 22: the reversal of a previous payment, every amount with its sign turned."""
    services = []
    for svc in loop["services"]:
        services.append(
            dict(
                svc,
                charge=_negate(svc["charge"]),
                paid=_negate(svc["paid"]),
                adjustments=[dict(a, amount=_negate(a["amount"])) for a in svc["adjustments"]],
                allowed=_negate(svc["allowed"]) if "allowed" in svc else None,
            )
        )
    for svc in services:
        if svc.get("allowed") is None:
            svc.pop("allowed", None)
    return dict(
        loop,
        status_code="22",
        charge=_negate(loop["charge"]),
        paid=_negate(loop["paid"]),
        patient_responsibility=_negate(loop["patient_responsibility"]),
        services=services,
    )
