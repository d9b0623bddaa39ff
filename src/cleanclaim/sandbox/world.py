"""The sandbox's view of the outside world: clearinghouse, payers, members, providers.

cleanclaim's demo writes it as JSON (docs/sandbox.md describes every field) and the
sandbox reads it with :meth:`World.load` / :meth:`World.from_json`. Nothing here
knows Django; amounts are :class:`~decimal.Decimal` read from strings (floats are
refused, as everywhere in cleanclaim), dates ``YYYY-MM-DD``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from cleanclaim.money import MoneyError, parse_money

__all__ = [
    "Authorization",
    "Benefit",
    "Member",
    "OtherCoverage",
    "Payer",
    "World",
    "WorldError",
]

BEHAVIOURS = ("normal", "timeout", "down")
ZERO = Decimal("0.00")


class WorldError(ValueError):
    """The world JSON is not usable; the message names the field."""


def _obj(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise WorldError(f"{where} must be an object")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise WorldError(f"{where} must be a list")
    return value


def _text(obj: dict[str, Any], key: str, where: str, *, required: bool = False) -> str:
    value = obj.get(key, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise WorldError(f"{where}.{key} must be a string")
    if required and not value:
        raise WorldError(f"{where}.{key} is required")
    return value


def _money(obj: dict[str, Any], key: str, where: str, default: str = "0") -> Decimal:
    try:
        return parse_money(obj.get(key, default), what=f"{where}.{key}")
    except MoneyError as exc:
        raise WorldError(str(exc)) from None


def _date(obj: dict[str, Any], key: str, where: str) -> dt.date | None:
    text = _text(obj, key, where)
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise WorldError(f"{where}.{key} must be a date YYYY-MM-DD: {text!r}") from None


def _codes(obj: dict[str, Any], key: str, where: str) -> frozenset[str]:
    items = _list(obj.get(key), f"{where}.{key}")
    if not all(isinstance(x, str) for x in items):
        raise WorldError(f"{where}.{key} must be a list of codes")
    return frozenset(items)


@dataclass(frozen=True, slots=True)
class Payer:
    """A payer the sandbox plays (its 835s, 277s, 271s and 278s)."""

    payer_id: str
    name: str
    kind: str = "commercial"  # "commercial" | "medicare" | "medicaid" | ...
    #: allowed amount per unit, by ``CODE`` or ``CODE:MODIFIER`` (the modifier form wins)
    fees: dict[str, Decimal] = field(default_factory=dict)
    #: allowed = charge × this ratio when the code has no fee
    default_ratio: Decimal = Decimal("0.60")
    needs_authorization: frozenset[str] = frozenset()
    not_covered: frozenset[str] = frozenset()
    timely_filing_days: int = 365
    #: codes whose 278 request is pended or denied (others are approved)
    pends: frozenset[str] = frozenset()
    denies: frozenset[str] = frozenset()
    behaviour: str = "normal"  # "normal" | "timeout" | "down" (the CORE server)

    def fee(self, code: str, modifiers: list[str]) -> Decimal | None:
        """The fee schedule's allowed amount per unit, or None when the code has none."""
        for modifier in modifiers:
            if f"{code}:{modifier}" in self.fees:
                return self.fees[f"{code}:{modifier}"]
        return self.fees.get(code)


@dataclass(frozen=True, slots=True)
class Benefit:
    """The member's benefits for one service type (EB03: ``30`` plan, ``98`` office visit)."""

    service_type: str
    copay: Decimal = ZERO
    coinsurance_percent: Decimal = ZERO
    deductible_total: Decimal = ZERO
    deductible_met: Decimal = ZERO
    out_of_pocket_total: Decimal = ZERO
    out_of_pocket_met: Decimal = ZERO
    in_network: bool = True


@dataclass(frozen=True, slots=True)
class Authorization:
    """An authorization on file: its number, the codes and units it covers, its dates."""

    number: str
    codes: frozenset[str]
    units: Decimal
    start: dt.date
    end: dt.date

    def covers(self, code: str, on: dt.date) -> bool:
        """``code`` is one of ``codes`` or falls in one of its inclusive ranges
        (``97110-97140``: same length, compared as text, as a payer's letter names them),
        and ``on`` is within the dates."""
        if not self.start <= on <= self.end:
            return False
        code = code.strip().upper()
        for item in self.codes:
            lo, _, hi = item.upper().partition("-")
            if code == lo or (hi and len(code) == len(lo) and lo <= code <= hi):
                return True
        return False


@dataclass(frozen=True, slots=True)
class OtherCoverage:
    """Another payer covering the member (the 271's 2120C loop, NM1*PR)."""

    payer_id: str
    name: str


@dataclass(frozen=True, slots=True)
class Member:
    """A covered person as the payer knows them."""

    payer_id: str
    member_id: str
    last_name: str
    first_name: str
    dob: dt.date
    sex: str = "U"
    group: str = ""
    plan_name: str = ""
    active_from: dt.date | None = None
    active_to: dt.date | None = None
    benefits: tuple[Benefit, ...] = ()
    authorizations: tuple[Authorization, ...] = ()
    other_coverage: OtherCoverage | None = None

    def active_on(self, day: dt.date) -> bool:
        if self.active_from is not None and day < self.active_from:
            return False
        return self.active_to is None or day <= self.active_to

    def benefit(self, service_type: str) -> Benefit | None:
        """The benefit for ``service_type``, else the plan's (``30``), else None."""
        by_type = {b.service_type: b for b in self.benefits}
        return by_type.get(service_type) or by_type.get("30")


@dataclass(frozen=True, slots=True)
class World:
    """Everything the sandbox knows about the parties it plays."""

    clearinghouse_id: str
    clearinghouse_name: str
    payers: dict[str, Payer]
    members: dict[tuple[str, str], Member]
    provider_npis: frozenset[str]

    def member(self, payer_id: str, member_id: str) -> Member | None:
        return self.members.get((payer_id, member_id.upper()))

    def member_anywhere(self, member_id: str) -> list[Member]:
        """Members with that id at any payer (a 270 names the payer too; this is a fallback)."""
        return [m for (_, mid), m in self.members.items() if mid == member_id.upper()]

    @classmethod
    def load(cls, path: Path) -> World:
        try:
            obj = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise WorldError(f"cannot read the world file {path}: {exc}") from None
        return cls.from_json(obj)

    @classmethod
    def from_json(cls, obj: Any) -> World:
        root = _obj(obj, "world")
        ch = _obj(root.get("clearinghouse") or {}, "world.clearinghouse")
        payers: dict[str, Payer] = {}
        for i, raw in enumerate(_list(root.get("payers"), "world.payers")):
            payer = _payer(_obj(raw, f"world.payers[{i}]"), f"world.payers[{i}]")
            payers[payer.payer_id] = payer
        members: dict[tuple[str, str], Member] = {}
        for i, raw in enumerate(_list(root.get("members"), "world.members")):
            where = f"world.members[{i}]"
            member = _member(_obj(raw, where), where)
            if member.payer_id not in payers:
                raise WorldError(f"{where}.payer_id {member.payer_id!r} is not a payer")
            members[(member.payer_id, member.member_id.upper())] = member
        npis = _list(root.get("provider_npis"), "world.provider_npis")
        if not all(isinstance(n, str) for n in npis):
            raise WorldError("world.provider_npis must be a list of NPIs (strings)")
        return cls(
            clearinghouse_id=_text(ch, "id", "world.clearinghouse") or "SANDBOXCH",
            clearinghouse_name=_text(ch, "name", "world.clearinghouse") or "SANDBOX CLEARINGHOUSE",
            payers=payers,
            members=members,
            provider_npis=frozenset(npis),
        )


def _payer(p: dict[str, Any], where: str) -> Payer:
    fees_obj = _obj(p.get("fees") or {}, f"{where}.fees")
    fees = {code: _money(fees_obj, code, f"{where}.fees") for code in fees_obj}
    behaviour = _text(p, "behaviour", where) or "normal"
    if behaviour not in BEHAVIOURS:
        raise WorldError(f"{where}.behaviour must be one of {', '.join(BEHAVIOURS)}")
    days = p.get("timely_filing_days", 365)
    if not isinstance(days, int) or isinstance(days, bool) or days <= 0:
        raise WorldError(f"{where}.timely_filing_days must be a positive whole number")
    return Payer(
        payer_id=_text(p, "payer_id", where, required=True),
        name=_text(p, "name", where, required=True),
        kind=_text(p, "kind", where) or "commercial",
        fees=fees,
        default_ratio=_money(p, "default_allowed_ratio", where, "0.60"),
        needs_authorization=_codes(p, "needs_authorization", where),
        not_covered=_codes(p, "not_covered", where),
        timely_filing_days=days,
        pends=_codes(p, "authorization_pends", where),
        denies=_codes(p, "authorization_denies", where),
        behaviour=behaviour,
    )


def _benefit(b: dict[str, Any], where: str) -> Benefit:
    in_network = b.get("in_network", True)
    if not isinstance(in_network, bool):
        raise WorldError(f"{where}.in_network must be true or false")
    return Benefit(
        service_type=_text(b, "service_type", where, required=True),
        copay=_money(b, "copay", where),
        coinsurance_percent=_money(b, "coinsurance_percent", where),
        deductible_total=_money(b, "deductible_total", where),
        deductible_met=_money(b, "deductible_met", where),
        out_of_pocket_total=_money(b, "out_of_pocket_total", where),
        out_of_pocket_met=_money(b, "out_of_pocket_met", where),
        in_network=in_network,
    )


def _authorization(a: dict[str, Any], where: str) -> Authorization:
    start, end = _date(a, "from", where), _date(a, "to", where)
    if start is None or end is None:
        raise WorldError(f"{where} needs from and to dates")
    return Authorization(
        number=_text(a, "number", where, required=True),
        codes=_codes(a, "codes", where),
        units=_money(a, "units", where, "1"),
        start=start,
        end=end,
    )


def _member(m: dict[str, Any], where: str) -> Member:
    dob = _date(m, "birth_date", where)
    if dob is None:
        raise WorldError(f"{where}.birth_date is required")
    other = m.get("other_coverage")
    other_cov = None
    if other is not None:
        o = _obj(other, f"{where}.other_coverage")
        w = f"{where}.other_coverage"
        other_cov = OtherCoverage(_text(o, "payer_id", w, required=True), _text(o, "name", w))
    return Member(
        payer_id=_text(m, "payer_id", where, required=True),
        member_id=_text(m, "member_id", where, required=True),
        last_name=_text(m, "last_name", where, required=True),
        first_name=_text(m, "first_name", where, required=True),
        dob=dob,
        sex=_text(m, "sex", where) or "U",
        group=_text(m, "group", where),
        plan_name=_text(m, "plan_name", where),
        active_from=_date(m, "active_from", where),
        active_to=_date(m, "active_to", where),
        benefits=tuple(
            _benefit(_obj(b, f"{where}.benefits[{i}]"), f"{where}.benefits[{i}]")
            for i, b in enumerate(_list(m.get("benefits"), f"{where}.benefits"))
        ),
        authorizations=tuple(
            _authorization(_obj(a, f"{where}.authorizations[{i}]"), f"{where}.authorizations[{i}]")
            for i, a in enumerate(_list(m.get("authorizations"), f"{where}.authorizations"))
        ),
        other_coverage=other_cov,
    )
