"""The sandbox's world from an organisation's own records: what the payers behind the
sandbox connection know (docs/sandbox.md, "The world JSON").

The sandbox is an outside party: it never reads our database, only the JSON this
module writes. :func:`world_for` answers it as a dict; :func:`write_world` writes it
(a temporary file renamed into place, 0600: it names patients).

What goes in, per payer routed through the connection (its payer id on that
connection, else its own):

* the payer: name, kind (Medicare Part B → ``medicare``, Medicaid, HMO, the rest
  ``commercial``), timely filing in days (the profile's limit), the expected allowed
  amounts of the practices' fee schedules (``CODE`` or ``CODE:MODIFIER``, the highest
  when practices differ), and the billed codes the payer's rules say need prior
  authorization (rule kind ``prior-auth``, its code ranges cut to the codes the
  practices bill);
* a member per coverage of that payer: the subscriber's name, birth date and sex (the
  patient's for a self-insured patient), the plan dates, and benefits by payer kind
  (:data:`BENEFITS`): service type ``30`` with the deductible and coinsurance, ``98``
  (office visits) with the copay printed on the card. Part of each deductible is met,
  by a stable share of the member id, so a 271 shows something remaining;
* ``inactive``: member ids whose plan the payer ended yesterday (the practice's record
  still says active: the demo's "coverage ended, nobody told us" patient).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from cleanclaim.clearinghouses.models import Connection
from cleanclaim.payers.models import Payer, PayerConnectionId
from cleanclaim.payers.profile import effective_profile
from cleanclaim.practices.models import Organisation

__all__ = ["BENEFITS", "CLEARINGHOUSE", "world_for", "write_world"]

#: The sandbox clearinghouse's ids (the connection's ISA08 receiver id).
CLEARINGHOUSE = {"id": "SANDBOXCH", "name": "SANDBOX CLEARINGHOUSE"}

#: Sandbox payer kinds (docs/sandbox.md) per our payer kinds.
_KINDS = {"medicare_b": "medicare", "medicaid": "medicaid", "hmo": "hmo"}

#: Benefits per payer kind: (deductible, coinsurance percent, out-of-pocket maximum).
#: Medicare Part B: the 2026 annual deductible (CMS, 42 CFR 410.160) and 20 %
#: coinsurance; Medicaid: no cost sharing in the demo; commercial plans: examples.
BENEFITS: dict[str, tuple[str, str, str]] = {
    "medicare": ("283.00", "20", "0"),
    "medicaid": ("0.00", "0", "0"),
    "hmo": ("500.00", "10", "4000.00"),
    "commercial": ("1000.00", "20", "5000.00"),
}


def _days(amount: int, unit: str) -> int:
    return amount * 30 if unit == "months" else amount


def _share(member_id: str) -> Decimal:
    """A stable fraction 0–0.75 of the deductible already met (by the member id)."""
    n = int(hashlib.sha256(member_id.encode()).hexdigest()[:4], 16) % 4
    return Decimal(n) / Decimal(4)


def _routed(organisation: Organisation, connection: Connection) -> dict[int, tuple[Payer, str]]:
    """Payers routed through ``connection`` by any practice: pk → (payer, id on it)."""
    on_connection = dict(
        PayerConnectionId.objects.filter(
            payer__organisation=organisation, connection=connection.name
        ).values_list("payer_id", "connection_payer_id")
    )
    practices = list(organisation.practices.all())
    if connection.practice_id is not None:
        practices = [p for p in practices if p.pk == connection.practice_id]
    out: dict[int, tuple[Payer, str]] = {}
    for payer in Payer.objects.filter(organisation=organisation, active=True).order_by("pk"):
        for practice in practices or [None]:
            profile = effective_profile(payer, practice)
            if profile.clearinghouse_connection == connection.name:
                out[payer.pk] = (payer, on_connection.get(payer.pk, payer.payer_id))
                break
    return out


def _fees(organisation: Organisation, payer: Payer) -> dict[str, str]:
    from cleanclaim.fees.models import ExpectedAllowed

    fees: dict[str, Decimal] = {}
    rows = ExpectedAllowed.objects.filter(
        payer=payer, fee__schedule__practice__organisation=organisation
    ).values_list("fee__code", "fee__modifier", "amount")
    for code, modifier, amount in rows:
        key = f"{code}:{modifier}" if modifier else code
        fees[key] = max(fees.get(key, Decimal("0")), amount)
    return {k: str(v) for k, v in sorted(fees.items())}


def _billed_codes(organisation: Organisation) -> set[str]:
    from cleanclaim.fees.models import Fee

    return set(
        Fee.objects.filter(schedule__practice__organisation=organisation).values_list(
            "code", flat=True
        )
    )


def _needs_authorization(organisation: Organisation, payer: Payer, billed: set[str]) -> list[str]:
    from cleanclaim.payerrules.service import current_rules

    out: set[str] = set()
    for rule in current_rules(organisation.pk):
        if rule.kind != "prior-auth" or not rule.applies_to_payer(payer.payer_id, payer.kind):
            continue
        for lo, hi in rule.codes:
            out.update(c for c in billed if lo <= c <= hi and len(c) == len(lo))
    return sorted(out)


def _member(coverage: Any, payer_id: str, kind: str, ended: dt.date | None) -> dict[str, Any]:
    patient = coverage.patient
    if coverage.is_self:
        last, first = patient.last_name, patient.first_name
        born, sex = patient.date_of_birth, patient.sex
    else:
        last, first = coverage.subscriber_last_name, coverage.subscriber_first_name
        born, sex = coverage.subscriber_date_of_birth, coverage.subscriber_sex
    deductible, coinsurance, out_of_pocket = BENEFITS[kind]
    met = (Decimal(deductible) * _share(coverage.member_id)).quantize(Decimal("0.01"))
    plan: dict[str, Any] = {
        "service_type": "30",
        "copay": "0",
        "coinsurance_percent": coinsurance,
        "deductible_total": deductible,
        "deductible_met": str(met),
    }
    if Decimal(out_of_pocket):
        plan |= {"out_of_pocket_total": out_of_pocket, "out_of_pocket_met": str(met)}
    benefits = [plan]
    if coverage.copay:
        office = {
            "service_type": "98",
            "copay": str(coverage.copay),
            "coinsurance_percent": "0",
            "deductible_total": "0",
            "deductible_met": "0",
        }
        if Decimal(out_of_pocket):
            office |= {"out_of_pocket_total": out_of_pocket, "out_of_pocket_met": str(met)}
        benefits.append(office)
    member: dict[str, Any] = {
        "payer_id": payer_id,
        "member_id": coverage.member_id,
        "last_name": last.upper(),
        "first_name": first.upper(),
        "birth_date": born.isoformat() if born else "",
        "sex": sex or "U",
        "group": coverage.group_number,
        "plan_name": coverage.payer.name.upper()[:60],
        "active_from": coverage.effective_date.isoformat(),
        "benefits": benefits,
    }
    end = ended or coverage.termination_date
    if end is not None:
        member["active_to"] = end.isoformat()
    on_file = _authorizations(coverage)
    if on_file:
        member["authorizations"] = on_file
    return member


def _authorizations(coverage: Any) -> list[dict[str, str]]:
    """The coverage's approved authorizations with a number: what the payer approved,
    so it knows them when the claim comes (its codes and ranges as ours name them)."""
    from cleanclaim.authorizations.models import Authorization

    approved = Authorization.objects.filter(
        coverage=coverage, status=Authorization.Status.APPROVED
    ).exclude(number="")
    return [
        {
            "number": a.number,
            "codes": a.services.replace(",", " ").upper().split(),
            "units": str(a.units_authorized if a.units_authorized is not None else 9999),
            "from": a.start_date.isoformat(),
            "to": a.end_date.isoformat(),
        }
        for a in approved.order_by("pk")
    ]


def world_for(
    organisation: Organisation,
    connection: Connection,
    *,
    today: dt.date,
    inactive: Iterable[str] = (),
) -> dict[str, Any]:
    """The sandbox world for the payers ``connection`` carries, as of ``today``.
    ``inactive``: member ids whose plan ended yesterday at the payer."""
    from cleanclaim.patients.models import Coverage

    ended = set(inactive)
    routed = _routed(organisation, connection)
    billed = _billed_codes(organisation)
    practices = organisation.practices.all()
    npis = set(practices.values_list("npi", flat=True))
    for practice in practices:
        npis.update(practice.providers.values_list("npi", flat=True))
    payers, members = [], []
    for payer, payer_id in routed.values():
        kind = _KINDS.get(payer.kind, "commercial")
        payers.append(
            {
                "payer_id": payer_id,
                "name": payer.name.upper()[:60],
                "kind": kind,
                "fees": _fees(organisation, payer),
                "default_allowed_ratio": "0.60",
                "needs_authorization": _needs_authorization(organisation, payer, billed),
                "not_covered": [],
                "timely_filing_days": _days(payer.timely_amount, payer.timely_unit),
                "behaviour": "normal",
            }
        )
        coverages = (
            Coverage.objects.filter(payer=payer, patient__practice__organisation=organisation)
            .select_related("patient", "payer")
            .order_by("pk")
        )
        seen: set[str] = set()
        for coverage in coverages:
            if coverage.member_id in seen:  # a family on one member id: the subscriber once
                continue
            seen.add(coverage.member_id)
            gone = today - dt.timedelta(days=1) if coverage.member_id in ended else None
            members.append(_member(coverage, payer_id, kind, gone))
    return {
        "clearinghouse": dict(CLEARINGHOUSE),
        "provider_npis": sorted(n for n in npis if n),
        "payers": payers,
        "members": members,
    }


def write_world(path: Path, world: dict[str, Any]) -> Path:
    """Write ``world`` to ``path`` (0600, a temporary file renamed into place)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(world, out, indent=1, sort_keys=True)
        out.write("\n")
    os.replace(tmp, path)
    return path
