"""Read a 271 into a :class:`BenefitsSummary` the front desk reads in ten seconds.

What is read (005010X279A1, from :func:`cleanclaim.x12.parse` and the guide's
typed :mod:`~cleanclaim.x12.x279a1_270_271.view`):

* status: ``active`` when an EB01 of the patient is 1–5 (active coverage ...),
  ``inactive`` when EB01 6–8 are all there is, ``rejected`` when the payer answered
  with AAA only, else ``unknown``;
* plan name (EB05 of the active EB, else the first EB05) and the plan dates of the
  2100C/D DTP: 291 plan, 346 plan begin, 347 plan end, 356 eligibility begin,
  357 eligibility end (D8 or RD8);
* one :class:`BenefitLine` per EB: the kind by EB01 (A coinsurance, B copay, C
  deductible, G out-of-pocket, F limitations ...), service types (EB03), coverage
  level (EB02: IND individual, FAM family ...), the period (EB06: 23 calendar year,
  29 remaining ...), amount (EB07), percent (EB08), quantity (EB09/EB10),
  authorization required (EB11 Y), in network (EB12 Y in, N out, W both);
* other payers (EB01 R with its 2120C/D NM1; coordination of benefits);
* AAA rejections (2100A/B/C/D and 2110C/D) with the reason in plain words, what to
  do and the follow-up action (AAA04);
* corrections: where the payer's 2100C/D name, birth date or member id differs from
  what was asked (and the INS03 001 / INS04 25 flag the payer sets when it changed
  them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from cleanclaim.x12 import X12Error, parse
from cleanclaim.x12.x279a1_270_271.parsing import TransactionEligibility
from cleanclaim.x12.x279a1_270_271.view import EB, Benefit, Member

from ._codes import FOLLOW_UP, PERIODS, REJECT_REASONS, service_type_label
from ._inquiry import Person

__all__ = [
    "BenefitLine",
    "BenefitsSummary",
    "Correction",
    "Headline",
    "OtherPayer",
    "RejectionAdvice",
    "read_271",
]

ACTIVE = frozenset("12345")
INACTIVE = frozenset("678")
KINDS = {
    "A": "coinsurance",
    "B": "copay",
    "C": "deductible",
    "G": "out_of_pocket",
    "F": "limitation",
    "I": "non_covered",
    "R": "other_payer",
    "L": "primary_care_provider",
    "D": "description",
    "E": "exclusion",
    "CB": "coverage_basis",
    "MC": "managed_care",
}
NETWORK = {"Y": "in", "N": "out", "W": "both"}
LEVELS = {"IND": "individual", "FAM": "family", "EMP": "employee", "ESP": "employee and spouse"}
#: EB09 Quantity Qualifier, the common values in words
QUANTITIES = {"VS": "visits", "DY": "days", "HS": "hours", "MN": "months", "YY": "years"}
#: DTP01 of 2100C/D a summary names
PLAN_DATES = {
    "291": "plan",
    "346": "plan_begin",
    "347": "plan_end",
    "356": "eligibility_begin",
    "357": "eligibility_end",
    "307": "eligibility",
}


def _amount(v: Decimal | None) -> str | None:
    return None if v is None else str(v)


def _dec(v: Any) -> Decimal | None:
    return None if v in (None, "") else Decimal(str(v))


def _date(text: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(text, "%Y%m%d").date()
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class BenefitLine:
    """One EB of the patient: what the plan pays or the patient owes."""

    code: str  # EB01
    kind: str  # KINDS[EB01], "active"/"inactive" for 1–8, else the code
    service_types: tuple[str, ...] = ()  # EB03
    level: str = ""  # EB02 in words (individual, family ...)
    period: str = ""  # EB06 in words (calendar year, remaining ...)
    amount: Decimal | None = None  # EB07
    percent: Decimal | None = None  # EB08 (0.2 = 20 %)
    quantity: Decimal | None = None  # EB10
    quantity_qualifier: str = ""  # EB09 (VS visits ...)
    auth_required: bool | None = None  # EB11 Y/N, None when not said
    network: str = ""  # EB12: in, out, both, ""
    insurance_type: str = ""  # EB04
    plan: str = ""  # EB05
    messages: tuple[str, ...] = ()  # MSG01

    @property
    def remaining(self) -> bool:
        """EB06 29 (remaining) or 33 (lifetime remaining)."""
        return self.period in ("remaining", "lifetime remaining")

    def applies_to(self, service_type: str) -> bool:
        """True for a line of ``service_type``, or of 30 (the plan) or none named."""
        return (
            not self.service_types
            or service_type in self.service_types
            or ("30" in self.service_types)
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "kind": self.kind,
            "service_types": list(self.service_types),
            "level": self.level,
            "period": self.period,
            "amount": _amount(self.amount),
            "percent": _amount(self.percent),
            "quantity": _amount(self.quantity),
            "quantity_qualifier": self.quantity_qualifier,
            "auth_required": self.auth_required,
            "network": self.network,
            "insurance_type": self.insurance_type,
            "plan": self.plan,
            "messages": list(self.messages),
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> BenefitLine:
        return cls(
            d["code"],
            d["kind"],
            tuple(d.get("service_types", ())),
            d.get("level", ""),
            d.get("period", ""),
            _dec(d.get("amount")),
            _dec(d.get("percent")),
            _dec(d.get("quantity")),
            d.get("quantity_qualifier", ""),
            d.get("auth_required"),
            d.get("network", ""),
            d.get("insurance_type", ""),
            d.get("plan", ""),
            tuple(d.get("messages", ())),
        )


@dataclass(frozen=True, slots=True)
class OtherPayer:
    """Another payer the 271 names (EB01 R and its 2120 NM1): coordination of benefits."""

    name: str
    id: str = ""
    entity: str = ""  # NM101 (PRP primary payer, SEP secondary payer, PR payer ...)
    service_types: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "id": self.id,
            "entity": self.entity,
            "service_types": list(self.service_types),
        }


@dataclass(frozen=True, slots=True)
class RejectionAdvice:
    """One AAA: the code, the reason in plain words, what to do, AAA04."""

    loop: str
    code: str  # AAA03
    reason: str
    what_to_do: str
    follow_up: str  # AAA04
    follow_up_text: str

    @property
    def may_resend(self) -> bool:
        """AAA04 C, P, R (send again, corrected or not); W/X after a wait; N/S/Y not."""
        return self.follow_up in ("C", "P", "R", "W", "X")

    def as_json(self) -> dict[str, Any]:
        return {
            "loop": self.loop,
            "code": self.code,
            "reason": self.reason,
            "what_to_do": self.what_to_do,
            "follow_up": self.follow_up,
            "follow_up_text": self.follow_up_text,
        }


@dataclass(frozen=True, slots=True)
class Correction:
    """The payer's answer differs from what was asked: ``field`` is one of
    ``last_name``, ``first_name``, ``date_of_birth``, ``member_id``."""

    field: str
    asked: str
    answered: str

    def as_json(self) -> dict[str, str]:
        return {"field": self.field, "asked": self.asked, "answered": self.answered}


@dataclass(frozen=True, slots=True)
class Headline:
    """The figures of one service type, in network, for the individual."""

    service_type: str
    label: str
    copay: Decimal | None
    coinsurance: Decimal | None
    deductible_total: Decimal | None
    deductible_remaining: Decimal | None
    oop_total: Decimal | None
    oop_remaining: Decimal | None
    auth_required: bool


@dataclass
class BenefitsSummary:
    """What a 271 says about the patient asked about."""

    status: str  # active, inactive, rejected, unknown
    payer_name: str = ""
    payer_id: str = ""
    plan_name: str = ""
    dates: dict[str, tuple[str, str]] = field(default_factory=dict)  # name → (start, end) ISO
    member_last_name: str = ""
    member_first_name: str = ""
    member_id: str = ""
    member_dob: str = ""  # ISO
    lines: list[BenefitLine] = field(default_factory=list)
    other_payers: list[OtherPayer] = field(default_factory=list)
    rejections: list[RejectionAdvice] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    identity_changed: bool = False  # INS03 001 / INS04 25

    @property
    def active(self) -> bool:
        return self.status == "active"

    def active_on(self, day: dt.date) -> bool | None:
        """True/False when the status and the plan/eligibility dates say; None when the
        271 does not answer (rejected, unknown)."""
        if self.status not in ("active", "inactive"):
            return None
        if self.status == "inactive":
            return False
        for begin, end in (("plan_begin", "plan_end"), ("eligibility_begin", "eligibility_end")):
            start = self.dates.get(begin, ("", ""))[0]
            stop = self.dates.get(end, ("", ""))[0]
            if start and day < dt.date.fromisoformat(start):
                return False
            if stop and day > dt.date.fromisoformat(stop):
                return False
        for key in ("plan", "eligibility"):
            start, stop = self.dates.get(key, ("", ""))
            if start and day < dt.date.fromisoformat(start):
                return False
            if stop and day > dt.date.fromisoformat(stop):
                return False
        return True

    def _pick(
        self, kind: str, service_type: str, *, remaining: bool | None = None, level: str = ""
    ) -> BenefitLine | None:
        best: BenefitLine | None = None
        for ln in self.lines:
            if ln.kind != kind or not ln.applies_to(service_type):
                continue
            if ln.network == "out":
                continue
            if remaining is not None and ln.remaining != remaining:
                continue
            if level and ln.level not in ("", level):
                continue
            # a line naming the service type beats one for the whole plan
            if best is None or (
                service_type in ln.service_types and service_type not in best.service_types
            ):
                best = ln
        return best

    def headline(self, service_type: str = "30") -> Headline:
        """Copay, coinsurance, deductible and out-of-pocket (total and remaining), in
        network, for the individual: the ten-second read."""
        copay = self._pick("copay", service_type)
        coins = self._pick("coinsurance", service_type)
        ded = self._pick("deductible", service_type, remaining=False, level="individual")
        ded_left = self._pick("deductible", service_type, remaining=True, level="individual")
        oop = self._pick("out_of_pocket", service_type, remaining=False, level="individual")
        oop_left = self._pick("out_of_pocket", service_type, remaining=True, level="individual")
        return Headline(
            service_type,
            service_type_label(service_type),
            copay.amount if copay else None,
            coins.percent if coins else None,
            ded.amount if ded else None,
            ded_left.amount if ded_left else None,
            oop.amount if oop else None,
            oop_left.amount if oop_left else None,
            any(ln.auth_required for ln in self.lines if ln.applies_to(service_type)),
        )

    @property
    def service_types(self) -> list[str]:
        """The service types the 271 names, in the order first seen."""
        seen: dict[str, None] = {}
        for ln in self.lines:
            for s in ln.service_types:
                seen.setdefault(s, None)
        return list(seen)

    @property
    def auth_required_for(self) -> list[str]:
        """Service types with EB11 Y."""
        out: dict[str, None] = {}
        for ln in self.lines:
            if ln.auth_required:
                for s in ln.service_types or ("30",):
                    out.setdefault(s, None)
        return list(out)

    def exhausted(self) -> list[str]:
        """Benefits used up: a remaining deductible or visits of 0 (a problem to look
        at before the visit)."""
        out = []
        for ln in self.lines:
            if not ln.remaining:
                continue
            if ln.kind == "deductible" and ln.amount == 0:
                continue  # deductible met is good news, not a problem
            if ln.quantity is not None and ln.quantity == 0:
                types = ", ".join(ln.service_types) or "the plan"
                unit = QUANTITIES.get(ln.quantity_qualifier, ln.quantity_qualifier or "units")
                out.append(f"no {unit} remaining for {types}")
            elif ln.kind == "limitation" and ln.amount == 0:
                out.append(f"benefit maximum reached for {', '.join(ln.service_types)}")
        return out

    def as_json(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "payer_name": self.payer_name,
            "payer_id": self.payer_id,
            "plan_name": self.plan_name,
            "dates": {k: list(v) for k, v in self.dates.items()},
            "member": {
                "last_name": self.member_last_name,
                "first_name": self.member_first_name,
                "member_id": self.member_id,
                "dob": self.member_dob,
            },
            "benefits": [ln.as_json() for ln in self.lines],
            "other_payers": [p.as_json() for p in self.other_payers],
            "rejections": [r.as_json() for r in self.rejections],
            "corrections": [c.as_json() for c in self.corrections],
            "identity_changed": self.identity_changed,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> BenefitsSummary:
        m = d.get("member", {})
        return cls(
            status=d["status"],
            payer_name=d.get("payer_name", ""),
            payer_id=d.get("payer_id", ""),
            plan_name=d.get("plan_name", ""),
            dates={k: (v[0], v[1]) for k, v in d.get("dates", {}).items()},
            member_last_name=m.get("last_name", ""),
            member_first_name=m.get("first_name", ""),
            member_id=m.get("member_id", ""),
            member_dob=m.get("dob", ""),
            lines=[BenefitLine.from_json(x) for x in d.get("benefits", [])],
            other_payers=[
                OtherPayer(
                    p["name"],
                    p.get("id", ""),
                    p.get("entity", ""),
                    tuple(p.get("service_types", ())),
                )
                for p in d.get("other_payers", [])
            ],
            rejections=[RejectionAdvice(**r) for r in d.get("rejections", [])],
            corrections=[Correction(**c) for c in d.get("corrections", [])],
            identity_changed=bool(d.get("identity_changed", False)),
        )


def _line(b: Benefit) -> BenefitLine:
    eb: EB = b.eb
    code = eb.eligibility_or_benefit_information_code
    if code in ACTIVE:
        kind = "active"
    elif code in INACTIVE:
        kind = "inactive"
    else:
        kind = KINDS.get(code, code)
    auth = {"Y": True, "N": False}.get(eb.authorization_or_certification_indicator)
    return BenefitLine(
        code=code,
        kind=kind,
        service_types=tuple(eb.service_type_codes),
        level=LEVELS.get(eb.coverage_level_code, eb.coverage_level_code),
        period=PERIODS.get(eb.time_period_qualifier, eb.time_period_qualifier),
        amount=eb.monetary_amount,
        percent=eb.percentage_as_decimal,
        quantity=eb.quantity,
        quantity_qualifier=eb.quantity_qualifier,
        auth_required=auth,
        network=NETWORK.get(eb.in_plan_network_indicator, ""),
        insurance_type=eb.insurance_type_code,
        plan=eb.plan_coverage_description,
        messages=tuple(m.free_form_message_text for m in b.messages),
    )


def _advice(loop: str, code: str, follow_up: str) -> RejectionAdvice:
    reason, todo = REJECT_REASONS.get(
        code, (f"The payer rejected the inquiry (reason {code}).", "Call the payer.")
    )
    return RejectionAdvice(loop, code, reason, todo, follow_up, FOLLOW_UP.get(follow_up, ""))


def _dates(member: Member, benefits: list[Benefit]) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for d in member.plan_dates + [d for b in benefits for d in b.dates]:
        name = PLAN_DATES.get(d.date_time_qualifier)
        if name is None or name in out:
            continue
        text = d.date_time_period
        start, _, end = text.partition("-")
        s, e = _date(start), _date(end) if end else None
        out[name] = (s.isoformat() if s else "", e.isoformat() if e else "")
    return out


def _corrections(member: Member, asked: Person | None, member_id: str) -> list[Correction]:
    if asked is None or member.name is None:
        return []
    out = []
    nm1 = member.name
    pairs = [
        ("last_name", asked.last_name, nm1.name_last_or_organization_name),
        ("first_name", asked.first_name, nm1.name_first),
    ]
    if asked.member_id:
        pairs.append(("member_id", asked.member_id, member_id))
    if asked.date_of_birth and member.demographics and member.demographics.date_time_period:
        got = _date(member.demographics.date_time_period)
        pairs.append(
            ("date_of_birth", asked.date_of_birth.isoformat(), got.isoformat() if got else "")
        )
    for name, a, b in pairs:
        if b and a.strip().upper() != b.strip().upper():
            out.append(Correction(name, a, b))
    return out


def summarise(
    tx: TransactionEligibility, *, patient: Person | None = None, subscriber: Person | None = None
) -> BenefitsSummary:
    """The summary of one typed 271. ``patient`` (and ``subscriber`` when the patient is
    a dependent): what was asked, to find the payer's corrections."""
    e = tx.eligibility
    src = e.information_source
    out = BenefitsSummary(
        status="unknown",
        payer_name=src.name_last_or_organization_name if src else "",
        payer_id=src.identification_code if src else "",
    )
    out.rejections += [
        _advice(r.loop, r.aaa.reject_reason_code, r.aaa.follow_up_action_code) for r in e.rejections
    ]
    subscriber_m = next((m for m in e.members if m.level == "subscriber"), None)
    member = e.members[-1] if e.members else None  # the patient: the dependent when there is one
    if member is None:
        out.status = "rejected" if out.rejections else "unknown"
        return out
    ids = subscriber_m.name.identification_code if subscriber_m and subscriber_m.name else ""
    if member.name:
        out.member_last_name = member.name.name_last_or_organization_name
        out.member_first_name = member.name.name_first
    out.member_id = (member.name.identification_code if member.name else "") or ids
    if member.demographics and member.demographics.date_time_period:
        dob = _date(member.demographics.date_time_period)
        out.member_dob = dob.isoformat() if dob else ""
    for m in e.members:
        out.rejections += [
            _advice(r.loop, r.aaa.reject_reason_code, r.aaa.follow_up_action_code)
            for r in m.rejections
        ]
    benefits = (
        [b for m in e.members for b in m.benefits]
        if member.level == "subscriber"
        else (member.benefits or [b for m in e.members for b in m.benefits])
    )
    for b in benefits:
        out.rejections += [
            _advice(r.loop, r.aaa.reject_reason_code, r.aaa.follow_up_action_code)
            for r in b.rejections
        ]
    out.lines = [_line(b) for b in benefits]
    for b, ln in zip(benefits, out.lines, strict=True):
        if ln.code == "R":
            named = b.related_entities or []
            if not named:
                out.other_payers.append(
                    OtherPayer(ln.plan or "other payer", "", "", ln.service_types)
                )
            for nm in named:
                out.other_payers.append(
                    OtherPayer(
                        nm.name_last_or_organization_name,
                        nm.identification_code,
                        nm.entity_identifier_code,
                        ln.service_types,
                    )
                )
    codes = {ln.code for ln in out.lines}
    if codes & ACTIVE:
        out.status = "active"
    elif codes & INACTIVE:
        out.status = "inactive"
    elif out.rejections:
        out.status = "rejected"
    plans = [ln.plan for ln in out.lines if ln.kind == "active" and ln.plan]
    plans += [ln.plan for ln in out.lines if ln.plan]
    out.plan_name = plans[0] if plans else ""
    out.dates = _dates(member, benefits)
    ins = member.relationship
    out.identity_changed = bool(
        ins and ins.maintenance_type_code == "001" and ins.maintenance_reason_code == "25"
    )
    asked = patient
    if member.level == "dependent" and subscriber is not None and patient is not None:
        asked = Person(
            patient.last_name, patient.first_name, patient.date_of_birth, patient.sex, ""
        )
        if subscriber_m is not None:
            out.corrections += [
                c for c in _corrections(subscriber_m, subscriber, ids) if c.field == "member_id"
            ]
    out.corrections += _corrections(member, asked, out.member_id)
    return out


def read_271(
    data: bytes | str, *, patient: Person | None = None, subscriber: Person | None = None
) -> BenefitsSummary:
    """The summary of the first 271 in ``data`` (an interchange). Raises
    :class:`cleanclaim.x12.X12Error` when ``data`` holds no 271."""
    raw = data.encode() if isinstance(data, str) else data
    parsed = parse(raw)
    for t in parsed.transactions:
        if isinstance(t.data, TransactionEligibility) and t.data.set_id == "271":
            return summarise(t.data, patient=patient, subscriber=subscriber)
    raise X12Error("the answer holds no 271 eligibility response")
