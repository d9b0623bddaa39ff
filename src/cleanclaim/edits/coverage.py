"""Coverage on file, as the ``coverage`` rules read it (no Django import).

The scrubber alone knows nothing of a patient's coverage: a file from any billing
system carries only the member id it is billed under. In the app, the practice's
coverage records are handed to the rules (``ScrubContext.coverage``) as a
:class:`CoverageTable`: for a member id, every coverage period on file with its
payer. A member id the table does not know is not judged (the rules say nothing).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

__all__ = ["CoveragePeriod", "CoverageSource", "CoverageTable", "member_key"]


def member_key(member_id: str) -> str:
    """How member ids are compared: blanks around them and letter case ignored."""
    return member_id.strip().upper()


@dataclass(frozen=True, slots=True)
class CoveragePeriod:
    """One coverage on file: the payer (its electronic payer id and name) and the dates
    it is in force (``termination`` inclusive; None while it runs)."""

    member_id: str
    payer_id: str
    payer_name: str
    effective: dt.date
    termination: dt.date | None = None
    label: str = ""  # where it is on file, e.g. "primary coverage of patient 12"

    def active_on(self, day: dt.date) -> bool:
        return self.effective <= day and (self.termination is None or day <= self.termination)


class CoverageSource(Protocol):
    def periods(self, member_id: str) -> Sequence[CoveragePeriod] | None:
        """Every coverage on file under ``member_id``; None when the member is unknown."""


class CoverageTable:
    """A :class:`CoverageSource` over a list of periods (what the app builds per request)."""

    __slots__ = ("_by_member",)

    def __init__(self, periods: Iterable[CoveragePeriod] = ()) -> None:
        self._by_member: dict[str, list[CoveragePeriod]] = {}
        for p in periods:
            self._by_member.setdefault(member_key(p.member_id), []).append(p)

    def periods(self, member_id: str) -> Sequence[CoveragePeriod] | None:
        return self._by_member.get(member_key(member_id))

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_member.values())
