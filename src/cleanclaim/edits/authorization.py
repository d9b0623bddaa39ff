"""Prior authorizations on file, as the ``authorization`` rules read them (no Django
import).

In the app, the patient's authorizations (:mod:`cleanclaim.authorizations`) are handed
to the rules as ``ScrubContext.authorizations``: an :class:`AuthorizationTable` of
:class:`AuthorizationFact` values, plain data. A standalone scrub has none and the
rules stay silent. ``remaining`` is the units left *before* the claim being scrubbed
(its own consumption is not counted), so a claim is judged the same when scrubbed again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

__all__ = [
    "AuthorizationFact",
    "AuthorizationSource",
    "AuthorizationTable",
    "code_in",
    "parse_services",
]


def parse_services(text: str) -> tuple[tuple[str, str], ...]:
    """Codes and inclusive ranges written ``97110, 97112-97140`` (comma or blank
    separated), upper-cased; a range of codes of different lengths or running
    backwards raises ValueError naming it."""
    out: list[tuple[str, str]] = []
    for item in text.replace(",", " ").split():
        lo, sep, hi = item.upper().partition("-")
        lo, hi = lo.strip(), (hi.strip() if sep else lo.strip())
        if not lo or not hi or not lo.isalnum() or not hi.isalnum():
            raise ValueError(f"{item!r} is not a code or a range like 97110-97140")
        if len(lo) != len(hi) or hi < lo:
            raise ValueError(f"the range {item!r} runs backwards or mixes lengths")
        out.append((lo, hi))
    return tuple(out)


def code_in(code: str, services: Sequence[tuple[str, str]]) -> bool:
    """True when ``code`` falls in one of the inclusive ranges (same length)."""
    c = code.strip().upper()
    return any(lo <= c <= hi and len(c) == len(lo) for lo, hi in services)


@dataclass(frozen=True, slots=True)
class AuthorizationFact:
    """One authorization on file: its number, the payer (electronic payer id), the
    services it covers (inclusive code ranges, optionally only with ``modifiers``), the
    dates it is valid (inclusive), its status (requested, approved, denied, expired),
    and the units authorized and remaining before the claim scrubbed (None: unlimited)."""

    number: str
    payer_id: str
    services: tuple[tuple[str, str], ...]
    start: dt.date
    end: dt.date
    status: str
    authorized: Decimal | None = None
    remaining: Decimal | None = None
    modifiers: tuple[str, ...] = ()
    label: str = ""  # e.g. "authorization 12"

    def covers(self, code: str, modifiers: Sequence[str] = ()) -> bool:
        if not code_in(code, self.services):
            return False
        return not self.modifiers or bool(set(self.modifiers).intersection(modifiers))

    def valid_on(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


class AuthorizationSource(Protocol):
    def for_payer(self, payer_id: str) -> Sequence[AuthorizationFact]:
        """Every authorization on file with ``payer_id`` (any status)."""


class AuthorizationTable:
    """An :class:`AuthorizationSource` over a list of facts."""

    __slots__ = ("_by_payer",)

    def __init__(self, facts: Iterable[AuthorizationFact] = ()) -> None:
        self._by_payer: dict[str, list[AuthorizationFact]] = {}
        for f in facts:
            self._by_payer.setdefault(f.payer_id.strip().upper(), []).append(f)

    def for_payer(self, payer_id: str) -> Sequence[AuthorizationFact]:
        return self._by_payer.get(payer_id.strip().upper(), [])
