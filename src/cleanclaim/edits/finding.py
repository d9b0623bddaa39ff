"""Findings, rule metadata and the category and severity vocabularies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["CATEGORIES", "FileFinding", "Finding", "RuleInfo", "Scope", "Severity"]

Severity = Literal["error", "warning"]
#: Where a finding outside the claims belongs: the interchange (``file``), a
#: functional group GS..GE (``group``) or a transaction set ST..SE (``set``, which
#: includes the 2000A/2000B/2000C loops above its claims).
Scope = Literal["file", "group", "set"]

# The categories of issue 5, spelled exactly as there.
CATEGORIES: tuple[str, ...] = (
    "syntax",
    "missing-data",
    "npi",
    "dx-invalid",
    "dx-not-billable",
    "dx-excludes1",
    "dx-sex",
    "dx-age",
    "dx-pointer",
    "proc-invalid",
    "modifier-invalid",
    "ncci-ptp",
    "ncci-mue",
    "ncci-addon",
    "duplicate",
    "date",
    "charge",
    "timely-filing",
    "payer-rule",
    "coverage",
    "auth",
)


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """One catalogue row: what a rule id means, how to fix it, the CARC it prevents."""

    id: str
    category: str
    severity: Severity
    meaning: str
    fix: str
    source: str
    carc: str | None = None

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise ValueError(f"rule {self.id}: unknown category {self.category!r}")

    def finding(
        self,
        claim_id: str,
        message: str,
        *,
        line: int | None = None,
        fix: str | None = None,
        source: str | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        return Finding(
            rule=self.id,
            category=self.category,
            severity=severity or self.severity,
            claim_id=claim_id,
            line=line,
            message=message,
            fix=fix or self.fix,
            source=source or self.source,
            carc=self.carc,
        )


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding. The last six fields say where in the 837P a ``syntax`` finding
    is and what the X12 engine called it (empty for the rules' findings over the
    neutral claim):

    * ``code``: the engine's stable finding code (e.g. ``x12.element.invalid-code``,
      ``837p.date``; see :mod:`cleanclaim.x12.finding_codes`), ``""`` for the
      scrubber reader's own notes;
    * ``segment`` and ``position``: segment id and 1-based segment position in the file;
    * ``element``: loop and element reference (``2300 CLM05-3``);
    * ``ik304`` / ``ik403``: the 999 segment (IK304, element 620) and element
      (IK403, element 621) syntax error codes the engine's 999 reports for it.
    """

    rule: str
    category: str
    severity: Severity
    claim_id: str
    line: int | None
    message: str
    fix: str
    source: str
    carc: str | None
    code: str = ""
    segment: str = ""
    position: int = 0
    element: str = ""
    ik304: str = ""
    ik403: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "claim_id": self.claim_id,
            "line": self.line,
            "message": self.message,
            "fix": self.fix,
            "source": self.source,
            "carc": self.carc,
            "code": self.code,
            "segment": self.segment,
            "position": self.position,
            "element": self.element,
            "ik304": self.ik304,
            "ik403": self.ik403,
        }


#: Positions kept on a folded :class:`FileFinding` (the first ones in the file).
MAX_POSITIONS = 10


@dataclass(frozen=True, slots=True)
class FileFinding:
    """A finding about the file, a functional group or a transaction set rather than
    one claim (an envelope count, a missing header loop, a subscriber loop above
    several claims), reported once where it belongs instead of on every claim.

    Findings that say the same thing (same code, severity, scope, loop, element and
    segment id) at other places are folded into one: ``count`` says how many there
    are and ``positions`` lists the segment positions of the first
    :data:`MAX_POSITIONS`; ``group`` (GS06) and ``set`` (ST02) are those of the first.
    """

    scope: Scope
    finding: Finding
    file: str = ""
    group: str = ""
    set: str = ""
    count: int = 1
    positions: tuple[int, ...] = ()

    def as_dict(self) -> dict[str, object]:
        d: dict[str, object] = {
            "scope": self.scope,
            "file": self.file,
            "group": self.group,
            "set": self.set,
            "count": self.count,
            "positions": list(self.positions),
        }
        d.update(self.finding.as_dict())
        return d
