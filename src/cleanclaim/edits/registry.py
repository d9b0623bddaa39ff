"""The rule registry: every rule module registers its checks and rule ids here,
and the catalogue (the app's rule catalogue page, ``scrub --catalogue``) is
generated from it."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cleanclaim.edits.finding import Finding, RuleInfo

if TYPE_CHECKING:
    from cleanclaim.edits.claim import ScrubClaim
    from cleanclaim.edits.context import ScrubContext

__all__ = ["Check", "Rule", "all_rules", "catalogue", "register"]

Check = Callable[["ScrubClaim", "ScrubContext"], Iterable[Finding]]

FAMILIES = (
    "syntax",
    "missing_data",
    "npi",
    "diagnosis",
    "demographics",
    "procedures",
    "ncci",
    "duplicates",
    "charges",
    "timely_filing",
    "payer_rules",
    "coverage",
    "eligibility",
    "authorization",
)


@dataclass(frozen=True, slots=True)
class Rule:
    family: str
    check: Check
    infos: tuple[RuleInfo, ...]


_RULES: list[Rule] = []
_INFOS: dict[str, RuleInfo] = {}


def register(family: str, *infos: RuleInfo) -> Callable[[Check], Check]:
    """Decorator: ``@register("ncci", PTP)`` adds a check emitting those rule ids."""

    def deco(check: Check) -> Check:
        for info in infos:
            if info.id in _INFOS and _INFOS[info.id] is not info:
                raise ValueError(f"rule id {info.id} registered twice")
            _INFOS[info.id] = info
        _RULES.append(Rule(family, check, infos))
        return check

    return deco


def declare(*infos: RuleInfo) -> None:
    """Rule ids with no check of their own (emitted by the reader, e.g. syntax)."""
    for info in infos:
        _INFOS[info.id] = info


_loaded = False


def _load() -> None:
    global _loaded
    if not _loaded:
        for fam in FAMILIES:
            importlib.import_module(f"cleanclaim.edits.rules.{fam}")
        _loaded = True


def all_rules() -> tuple[Rule, ...]:
    global _frozen
    if _frozen is None or len(_frozen) != len(_RULES):
        _load()
        _frozen = tuple(_RULES)
    return _frozen


_frozen: tuple[Rule, ...] | None = None


def catalogue() -> list[dict[str, str | None]]:
    """One row per rule id: id, category, severity, meaning, fix, source, carc."""
    _load()
    return [
        {
            "id": i.id,
            "category": i.category,
            "severity": i.severity,
            "meaning": i.meaning,
            "fix": i.fix,
            "source": i.source,
            "carc": i.carc,
        }
        for i in sorted(_INFOS.values(), key=lambda i: i.id)
    ]
