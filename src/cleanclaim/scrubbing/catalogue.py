"""The rule catalogue as the page shows it: the scrubber's registry grouped by
category (in the issue's order), plus the payer rules of the loaded set-up, and
the X12 engine's finding codes (:mod:`cleanclaim.x12.finding_codes`) that syntax
findings carry."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from cleanclaim.edits import CATEGORIES, catalogue
from cleanclaim.edits.context import PayerRule, load_payer_rules
from cleanclaim.edits.rules.payer_rules import catalogue_rows
from cleanclaim.x12 import finding_codes

#: What a category catches, in the biller's words (issue 5's table).
CATEGORY_MEANINGS = {
    "syntax": "envelope or segment structure broken (from the X12 engine)",
    "missing-data": "data the guide or the payer requires is absent or malformed",
    "npi": "an NPI fails its check digit or length",
    "dx-invalid": "the diagnosis code does not exist on the date of service",
    "dx-not-billable": (
        "a header code that needs more characters, including a missing 7th character"
    ),
    "dx-excludes1": "two diagnoses that ICD-10-CM's Excludes1 notes forbid together",
    "dx-sex": "diagnosis inconsistent with the patient's sex",
    "dx-age": "diagnosis inconsistent with the patient's age",
    "dx-pointer": "a service line points to a diagnosis that is not on the claim, or to none",
    "proc-invalid": "the CPT or HCPCS code is not valid on the date of service",
    "modifier-invalid": "unknown modifier, or one not valid for the code",
    "ncci-ptp": "an NCCI procedure-to-procedure pair billed together without an allowed modifier",
    "ncci-mue": "units over the medically unlikely edit value",
    "ncci-addon": "an add-on code without its primary code",
    "duplicate": "the same service billed twice on the claim",
    "date": "service date in the future or before birth, dates out of order",
    "charge": "claim total differs from the sum of the lines; zero or negative charges",
    "timely-filing": "past (or within 14 days of) the payer's filing limit",
    "payer-rule": "a rule the payer's own set-up defines (payer rules as data)",
    "coverage": "no active coverage on the date of service",
    "auth": "a service that needs prior authorization without a valid one",
}


@dataclass
class Category:
    name: str
    meaning: str
    rules: list[dict[str, Any]] = field(default_factory=list)


def grouped(payer_rules: Sequence[PayerRule] | None = None) -> list[Category]:
    """Every registry rule, and every payer rule (``payer_rules``, else the packaged
    starter rules) under the category of its kind."""
    by = {c: Category(c, CATEGORY_MEANINGS.get(c, "")) for c in CATEGORIES}
    for row in catalogue():
        by.setdefault(row["category"] or "", Category(row["category"] or "", "")).rules.append(
            dict(row, payer=False)
        )
    rules = payer_rules if payer_rules is not None else load_payer_rules()
    for row in catalogue_rows(rules):
        by[str(row["category"])].rules.append(row)
    return list(by.values())


def rule_ids() -> set[str]:
    return {str(r["id"]) for c in grouped() for r in c.rules}


def x12_codes() -> list[dict[str, Any]]:
    """Every X12 engine finding code, sorted: code, severity, meaning, fix, ik304, ik403
    (the 999 codes as one text each, ``—`` for none)."""
    rows = []
    for row in finding_codes.catalogue():
        ik304, ik403 = row["ik304"], row["ik403"]
        assert isinstance(ik304, list) and isinstance(ik403, list)
        rows.append(dict(row, ik304=", ".join(ik304) or "—", ik403=", ".join(ik403) or "—"))
    return rows


def x12_code_ids() -> set[str]:
    return set(finding_codes.FINDING_CODES)
