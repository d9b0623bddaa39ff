"""Denial categories: CARC (and the RARC where it decides) → category, a suggested next
step and the source, read from ``data/categories.csv`` (data, not Python literals), and
the CARC/RARC in plain language from the code store (``cleanclaim.codes``).

A row with a RARC wins over the CARC's own row when the line carries that remark
(CARC 16 "lacks information" is registration with N382, coding with M51). A CARC in no
row is ``other``.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

__all__ = ["CATEGORIES", "Category", "categorise", "plain"]

#: The categories of the denial work list, in the order shown.
CATEGORIES: dict[str, str] = {
    "registration": "Registration / eligibility",
    "coding": "Coding",
    "authorization": "Authorization",
    "medical_necessity": "Medical necessity",
    "timely_filing": "Timely filing",
    "duplicate": "Duplicate",
    "coordination_of_benefits": "Coordination of benefits",
    "other": "Other",
}

_DEFAULT_STEP = "Read the reason and remarks; correct and resubmit, appeal, or write off."


@dataclass(frozen=True, slots=True)
class Category:
    name: str
    next_step: str
    source: str


@functools.cache
def _table() -> dict[tuple[str, str], Category]:
    text = resources.files("cleanclaim.denials.data").joinpath("categories.csv").read_text()
    out: dict[tuple[str, str], Category] = {}
    for row in csv.DictReader(text.splitlines()):
        if row["category"] not in CATEGORIES:
            raise ValueError(f"categories.csv: unknown category {row['category']!r}")
        out[(row["carc"], row["rarc"])] = Category(row["category"], row["next_step"], row["source"])
    return out


def categorise(carc: str, rarcs: Sequence[str] = ()) -> Category:
    """The category of CAS reason ``carc`` with the line's remark codes ``rarcs``."""
    table = _table()
    for rarc in rarcs:
        if (carc, rarc) in table:
            return table[(carc, rarc)]
    return table.get((carc, ""), Category("other", _DEFAULT_STEP, ""))


def plain(system: str, code: str, as_of: dt.date) -> str:
    """``code`` of ``system`` (``carc``/``rarc``) in plain language, from the code store
    in force on ``as_of``; the code itself when the store does not hold it."""
    from cleanclaim.codes.store import open_store

    try:
        found = open_store().lookup(system, code, as_of).code
    except Exception:  # a missing or broken code store must not stop posting
        found = None
    if found is None:
        return f"{system.upper()} {code}"
    return found.long or found.short
