"""Findings, rule metadata and the category and severity vocabularies."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

__all__ = ["CATEGORIES", "Finding", "RuleInfo", "Severity"]

Severity = Literal["error", "warning"]

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
    rule: str
    category: str
    severity: Severity
    claim_id: str
    line: int | None
    message: str
    fix: str
    source: str
    carc: str | None

    def as_dict(self) -> dict[str, object]:
        return asdict(self)
