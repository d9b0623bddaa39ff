"""Eligibility answers on file, as the ``eligibility`` rules read them (no Django import).

In the app, the latest 271 answer per member id (:class:`EligibilityFact`) is handed
to the rules as ``ScrubContext.eligibility``; a standalone scrub has none and the rules
stay silent. A member id the table does not know has never been checked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from cleanclaim.edits.coverage import member_key

__all__ = ["EligibilityFact", "EligibilitySource", "EligibilityTable"]


@dataclass(frozen=True, slots=True)
class EligibilityFact:
    """The latest 271 answer about a member: when it was asked (``checked_on``) for which
    day (``day``), the status (active, inactive), the plan dates when given, and the
    member id the payer answered with."""

    member_id: str
    checked_on: dt.date
    day: dt.date
    status: str
    plan_begin: dt.date | None = None
    plan_end: dt.date | None = None
    answered_member_id: str = ""
    label: str = ""  # e.g. "eligibility check 12"

    def active_on(self, day: dt.date) -> bool:
        if self.status != "active":
            return False
        if self.plan_begin is not None and day < self.plan_begin:
            return False
        return self.plan_end is None or day <= self.plan_end


class EligibilitySource(Protocol):
    def latest(self, member_id: str) -> EligibilityFact | None:
        """The latest answer on file for ``member_id``; None when never answered."""


class EligibilityTable:
    """An :class:`EligibilitySource` over facts (the latest per member wins)."""

    __slots__ = ("_by_member",)

    def __init__(self, facts: Iterable[EligibilityFact] = ()) -> None:
        self._by_member: dict[str, EligibilityFact] = {}
        for f in facts:
            key = member_key(f.member_id)
            have = self._by_member.get(key)
            if have is None or f.checked_on >= have.checked_on:
                self._by_member[key] = f

    def latest(self, member_id: str) -> EligibilityFact | None:
        return self._by_member.get(member_key(member_id))
