"""``dx-sex``, ``dx-age`` and ``date``.

Sex- and age-specific diagnoses come from ICD-10-CM chapters, blocks and
categories (``edits/data/dx_demographics.json``) with the age categories of the
CMS Medicare Code Editor (newborn 0, pediatric 0-17, maternity 9-64, adult
15-124). CMS deactivated the MCE sex-conflict edit on 2024-10-01; payers may
still deny on it, so dx-sex findings are warnings.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from cleanclaim.codes.model import CodeRange
from cleanclaim.edits.claim import ScrubClaim, normalize_dx
from cleanclaim.edits.context import ScrubContext
from cleanclaim.edits.finding import Finding, RuleInfo
from cleanclaim.edits.registry import register

SEX = RuleInfo(
    "DX-SEX-001",
    "dx-sex",
    "warning",
    "A diagnosis that applies to one sex only, on a patient recorded as the other sex.",
    "Check the patient's sex in registration and the diagnosis; correct whichever is wrong.",
    "ICD-10-CM chapters/blocks by sex; CMS Medicare Code Editor sex edits (deactivated 2024-10-01)",
    "10",
)
AGE = RuleInfo(
    "DX-AGE-001",
    "dx-age",
    "error",
    "A diagnosis that fits only an age range (newborn, child, adult, maternity) on a patient "
    "outside it on the date of service.",
    "Check the patient's date of birth and the diagnosis; correct whichever is wrong.",
    "ICD-10-CM; CMS Medicare Code Editor age categories",
    "9",
)
FUTURE = RuleInfo(
    "DATE-001",
    "date",
    "error",
    "A date of service in the future.",
    "Bill services only after they are performed; correct the date.",
    "ASC X12 005010X222A1 2400 DTP*472; CMS Pub. 100-04 ch. 1 §70",
    "16",
)
BEFORE_BIRTH = RuleInfo(
    "DATE-002",
    "date",
    "error",
    "A date of service before the patient's date of birth.",
    "Correct the date of service or the date of birth.",
    "ASC X12 005010X222A1 2010BA/CA DMG02 and 2400 DTP*472",
    "16",
)
ORDER = RuleInfo(
    "DATE-003",
    "date",
    "error",
    "A service period whose end is before its start.",
    "Correct the 'from' and 'to' dates of the line (DTP*472 RD8).",
    "ASC X12 005010X222A1 2400 DTP*472 (RD8 date range)",
    "16",
)


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    label: str
    ranges: tuple[CodeRange, ...]
    sex: str | None
    age: tuple[int, int] | None
    severity_age: str
    source: str


@cache
def groups() -> tuple[Group, ...]:
    raw = json.loads(
        resources.files("cleanclaim.edits.data").joinpath("dx_demographics.json").read_text()
    )
    out = []
    for g in raw["groups"]:
        out.append(
            Group(
                id=g["id"],
                label=g["label"],
                ranges=tuple(CodeRange(r[0], r[1] if r[1] != r[0] else None) for r in g["ranges"]),
                sex=g.get("sex"),
                age=(int(g["age"][0]), int(g["age"][1])) if "age" in g else None,
                severity_age=g.get("severity_age", "error"),
                source=g["source"],
            )
        )
    return tuple(out)


@lru_cache(maxsize=65536)
def groups_for(code: str) -> tuple[Group, ...]:
    """The sex/age groups a (dot-form) code falls in; memoised, codes repeat a lot."""
    return tuple(g for g in groups() if any(r.matches(code) for r in g.ranges))


def age_on(dob: dt.date, day: dt.date) -> int:
    years = day.year - dob.year
    if (day.month, day.day) < (dob.month, dob.day):
        years -= 1
    return years


@register("demographics", SEX, AGE)
def check_demographics(claim: ScrubClaim, ctx: ScrubContext) -> Iterator[Finding]:
    sex = claim.patient.sex.upper()
    dob = claim.patient.dob
    dos = claim.first_service_date()
    age = age_on(dob, dos) if dob and dos and dos >= dob else None
    for i, raw in enumerate(claim.diagnoses):
        if claim.icd9(i):
            continue
        try:
            code = normalize_dx(raw)
        except ValueError:
            continue
        for g in groups_for(code):
            if g.sex and sex in ("F", "M") and sex != g.sex:
                who = "female" if g.sex == "F" else "male"
                yield SEX.finding(
                    claim.claim_id,
                    f"{code} ({g.label}) is a {who}-only diagnosis; the patient is recorded as "
                    f"{'female' if sex == 'F' else 'male'}.",
                    source=g.source,
                )
            if g.age and age is not None and not (g.age[0] <= age <= g.age[1]):
                span = f"age {g.age[0]}" if g.age[0] == g.age[1] else f"ages {g.age[0]}-{g.age[1]}"
                extra = (
                    " Chapter 16 codes may be used later in life while the condition persists."
                    if g.id == "perinatal"
                    else ""
                )
                yield AGE.finding(
                    claim.claim_id,
                    f"{code} ({g.label}) fits {span}; the patient is {age} on {dos}.{extra}",
                    source=g.source,
                    severity="warning" if g.severity_age == "warning" else None,
                )


@register("demographics", FUTURE, BEFORE_BIRTH, ORDER)
def check_dates(claim: ScrubClaim, ctx: ScrubContext) -> Iterator[Finding]:
    dob = claim.patient.dob
    for ln in claim.lines:
        start, end = ln.service_date, ln.service_date_end
        if start is None:
            continue
        last = end or start
        if last > ctx.as_of:
            yield FUTURE.finding(
                claim.claim_id,
                f"Line {ln.number} ({ln.procedure}) is dated {last}, after today ({ctx.as_of}).",
                line=ln.number,
            )
        if dob and start < dob:
            yield BEFORE_BIRTH.finding(
                claim.claim_id,
                f"Line {ln.number} ({ln.procedure}) is dated {start}, before the patient's "
                f"birth on {dob}.",
                line=ln.number,
            )
        if end and end < start:
            yield ORDER.finding(
                claim.claim_id,
                f"Line {ln.number} ({ln.procedure}) runs from {start} to {end}: the end is "
                "before the start.",
                line=ln.number,
            )
    if dob and dob > ctx.as_of:
        yield FUTURE.finding(claim.claim_id, f"The patient's date of birth {dob} is in the future.")
