"""Demo step: fifty synthetic patients with coverage.

Deterministic: a seeded generator picks names, dates of birth and addresses,
so every run (and every machine) produces the same patients. Ages are
computed against a fixed reference date, not today. Patients 65 and over have
Medicare Part B primary (some with a commercial or Medicaid secondary),
children are covered as dependents of a parent, adults have commercial or
Medicaid coverage.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from cleanclaim.audit.actor import Actor
from cleanclaim.patients import actions
from cleanclaim.patients.models import Coverage, Patient

SEED = 20261127
COUNT = 50
REFERENCE = dt.date(2026, 1, 1)

FEMALE = [
    "Maria",
    "Aiko",
    "Fatima",
    "Grace",
    "Ingrid",
    "Leila",
    "Nora",
    "Priya",
    "Rosa",
    "Sofia",
    "Tamara",
    "Yara",
    "Olivia",
    "Hannah",
    "Mei",
]
MALE = [
    "Ahmed",
    "Carlos",
    "Daniel",
    "Ethan",
    "Hiro",
    "Ivan",
    "Jamal",
    "Kofi",
    "Luca",
    "Mateo",
    "Noah",
    "Omar",
    "Pavel",
    "Samuel",
    "Tomas",
]
LAST = [
    "Abernathy",
    "Bjornsen",
    "Castellanos",
    "Delacroix",
    "Eriksen",
    "Fairweather",
    "Gallagher",
    "Haddad",
    "Ivanova",
    "Jorgensen",
    "Kowalski",
    "Lindgren",
    "Moreau",
    "Nakashima",
    "Oyelaran",
    "Petrakis",
    "Quintero",
    "Rasmussen",
    "Szabo",
    "Thorne",
    "Underwood",
    "Valdivia",
    "Whitaker",
    "Yamamoto",
    "Zielinski",
]
STREETS = [
    "Oak Street",
    "Maple Avenue",
    "Cedar Lane",
    "Birch Road",
    "Willow Way",
    "Pine Court",
    "Elm Drive",
    "Alder Place",
    "Spruce Terrace",
    "Hawthorne Boulevard",
]
CITIES = [
    ("Salem", "97301"),
    ("Salem", "97302"),
    ("Keizer", "97303"),
    ("Eugene", "97401"),
    ("Springfield", "97477"),
    ("Albany", "97321"),
    ("Corvallis", "97330"),
]
MBI_LETTERS = "ACDEFGHJKMNPQRTUVWXY"  # CMS MBI excludes S, L, O, I, B, Z


def _mbi(rng: random.Random) -> str:
    """A synthetic Medicare Beneficiary Identifier in the CMS format (11 characters)."""
    d = lambda lo=0: str(rng.randint(lo, 9))  # noqa: E731
    a = lambda: rng.choice(MBI_LETTERS)  # noqa: E731
    an = lambda: rng.choice(MBI_LETTERS + "0123456789")  # noqa: E731
    return d(1) + a() + an() + d() + a() + an() + d() + a() + a() + d() + d()


def _age(dob: dt.date) -> int:
    return REFERENCE.year - dob.year - ((REFERENCE.month, REFERENCE.day) < (dob.month, dob.day))


def build(ctx: Any) -> None:
    rng = random.Random(SEED)
    actor = Actor(user=None, via="demo")
    used: set[tuple[str, str]] = set()
    for n in range(1, COUNT + 1):
        practice = ctx.practices[0] if n <= 30 else ctx.practices[1]
        sex = rng.choice("FM")
        first, last = rng.choice(FEMALE if sex == "F" else MALE), rng.choice(LAST)
        while (first, last) in used:  # fifty distinct names read better than repeats
            first, last = rng.choice(FEMALE if sex == "F" else MALE), rng.choice(LAST)
        used.add((first, last))
        dob = dt.date(1938, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 84))
        city, zip5 = rng.choice(CITIES)
        fields = {
            "last_name": last,
            "first_name": first,
            "date_of_birth": dob,
            "sex": sex,
            "address_line1": f"{rng.randint(10, 9899)} {rng.choice(STREETS)}",
            "city": city,
            "state": "OR",
            "zip_code": f"{zip5}-{rng.randint(1000, 9999)}",
            "phone": f"503555{rng.randint(1000, 9999)}",
        }
        plan = _coverage_plan(rng, ctx, fields)  # drawn every time: keeps the sequence
        account = f"{'RF' if n <= 30 else 'HO'}{n:05d}"
        if practice is None:  # a demo practice a person removed
            continue
        patient, made = ctx.ensure(
            "patients",
            f"patient:{account}",
            Patient,
            find=lambda practice=practice, account=account: Patient.objects.filter(
                practice=practice, account_number=account
            ).first(),
            create=lambda practice=practice, account=account, fields=fields: (
                actions.register_patient(actor, practice, account_number=account, **fields)
            ),
        )
        if not made:  # a person may have changed or ended its coverage: leave it be
            if patient is not None:
                ctx.existing["coverages"] += patient.coverages.count()
            continue
        for cov in plan:
            if cov["payer"] is None:  # a demo payer a person removed
                continue
            actions.add_coverage(actor, patient, **cov)
            ctx.note("coverages", True)


#: The copay printed on the commercial plans' cards (collected at check-in).
COPAY = {"cascade": Decimal("25.00"), "summit": Decimal("30.00")}


def _lives_with(p: dict[str, Any]) -> dict[str, Any]:
    """The subscriber's address: the patient's (a parent or spouse at home)."""
    return {
        "subscriber_address_line1": p["address_line1"],
        "subscriber_city": p["city"],
        "subscriber_state": p["state"],
        "subscriber_zip_code": p["zip_code"],
    }


def _coverage_plan(rng: random.Random, ctx: Any, p: dict[str, Any]) -> list[dict[str, Any]]:
    age = _age(p["date_of_birth"])
    payers = ctx.payers
    start = dt.date(2024 + rng.randint(0, 1), rng.choice([1, 4, 7, 10]), 1)
    member = f"{rng.choice('ABCHKW')}{rng.randint(10**8, 10**9 - 1)}"
    group = f"G{rng.randint(1000, 99999)}"
    out: list[dict[str, Any]] = []
    if age >= 65:
        out.append(
            {
                "payer": payers["medicare"],
                "priority": 1,
                "member_id": _mbi(rng),
                "effective_date": dt.date(
                    p["date_of_birth"].year + 65, p["date_of_birth"].month, 1
                ),
            }
        )
        roll = rng.random()
        if roll < 0.3:
            out.append(
                {
                    "payer": payers["summit"],
                    "priority": 2,
                    "member_id": member,
                    "group_number": group,
                    "effective_date": start,
                }
            )
        elif roll < 0.45:
            out.append(
                {
                    "payer": payers["medicaid"],
                    "priority": 2,
                    "member_id": f"OR{rng.randint(10**7, 10**8 - 1)}",
                    "effective_date": start,
                }
            )
    elif age < 18:
        parent_sex = rng.choice("FM")
        out.append(
            {
                "payer": payers["cascade"],
                "priority": 1,
                "member_id": member,
                "group_number": group,
                "relationship": Coverage.Relationship.CHILD,
                "subscriber_last_name": p["last_name"],
                "subscriber_first_name": rng.choice(FEMALE if parent_sex == "F" else MALE),
                "subscriber_date_of_birth": p["date_of_birth"] - dt.timedelta(days=365 * 30),
                "subscriber_sex": parent_sex,
                **_lives_with(p),
                "effective_date": max(start, p["date_of_birth"]),
            }
        )
    elif rng.random() < 0.25:
        out.append(
            {
                "payer": payers["medicaid"],
                "priority": 1,
                "member_id": f"OR{rng.randint(10**7, 10**8 - 1)}",
                "effective_date": start,
            }
        )
    else:
        key = rng.choice(["cascade", "summit"])
        out.append(
            {
                "payer": payers[key],
                "priority": 1,
                "member_id": member,
                "group_number": group,
                "effective_date": start,
                "copay": COPAY[key],
            }
        )
        if rng.random() < 0.15:
            other = "summit" if key == "cascade" else "cascade"
            out.append(
                {
                    "payer": payers[other],
                    "priority": 2,
                    "member_id": f"{rng.choice('MNP')}{rng.randint(10**8, 10**9 - 1)}",
                    "group_number": f"G{rng.randint(1000, 99999)}",
                    "relationship": Coverage.Relationship.SPOUSE,
                    "subscriber_last_name": p["last_name"],
                    "subscriber_first_name": rng.choice(MALE if p["sex"] == "F" else FEMALE),
                    "subscriber_date_of_birth": p["date_of_birth"] + dt.timedelta(days=400),
                    "subscriber_sex": "M" if p["sex"] == "F" else "F",
                    **_lives_with(p),
                    "effective_date": start,
                }
            )
    return out
