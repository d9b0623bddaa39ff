"""Fixes the scrubber can apply on the coding screen: finding id → fix, as data.

A :class:`Fix` names the scrubber finding it answers (the rule id, e.g. ``DX-PTR-001``),
has its own stable id (``fix.…``, kept in the ``fix applied`` claim event and the visit's
audit entry), a label for its button, and a pure function from the visit as coded (a
:class:`Draft`) and the finding's line to the visit fixed — or None when the fix does not
apply to that line (then no button is shown). :data:`FIXES` is the one registry; the
coding screen asks :func:`fix_for` and never special-cases a finding in a template.
Applying a fix is an explicit step: :func:`cleanclaim.claims.actions.apply_fix`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from cleanclaim.claims.models import POINTER_LETTERS

__all__ = ["BY_FINDING", "FIXES", "Draft", "Fix", "fix_for"]


@dataclass(frozen=True)
class Draft:
    """The visit as the coder has it: diagnoses in order (A first) and the lines, each a
    dict of ``procedure``, ``modifiers`` (list), ``units``, ``charge``, ``pointers``
    (list of letters) — the shape :func:`~cleanclaim.claims.actions.update_encounter` takes."""

    diagnoses: list[str]
    lines: list[dict[str, Any]] = field(default_factory=list)
    #: diagnoses of the visit the code set says are not billable on the date of service,
    #: filled from reference data by the caller (:func:`~.scrubbing.not_billable`) when a
    #: fix needs it; the fixes themselves stay pure
    not_billable: frozenset[str] = frozenset()

    def with_line(self, number: int, **changes: Any) -> Draft:
        lines = [dict(ln) for ln in self.lines]
        lines[number - 1].update(changes)
        return replace(self, lines=lines)

    def line(self, number: int | None) -> dict[str, Any] | None:
        if number is None or not 1 <= number <= len(self.lines):
            return None
        return self.lines[number - 1]


@dataclass(frozen=True)
class Fix:
    id: str
    finding: str  # the scrubber rule id it answers
    label: str
    apply: Callable[[Draft, int | None], Draft | None]


def _is_em(procedure: str) -> bool:
    """Evaluation and management codes: CPT 99202–99499."""
    return procedure.isdigit() and 99202 <= int(procedure) <= 99499


def _drop_missing_pointers(draft: Draft, number: int | None) -> Draft | None:
    line = draft.line(number)
    if line is None or number is None:
        return None
    have = POINTER_LETTERS[: len(draft.diagnoses)]
    kept = [p for p in line["pointers"] if p in have]
    if kept == list(line["pointers"]):
        return None
    return draft.with_line(number, pointers=kept or (["A"] if draft.diagnoses else []))


def _point_to_a(draft: Draft, number: int | None) -> Draft | None:
    line = draft.line(number)
    if line is None or number is None or line["pointers"] or not draft.diagnoses:
        return None
    return draft.with_line(number, pointers=["A"])


def _remove_modifier_25(draft: Draft, number: int | None) -> Draft | None:
    line = draft.line(number)
    if line is None or number is None or "25" not in line["modifiers"]:
        return None
    if _is_em(line["procedure"]):
        return None
    return draft.with_line(number, modifiers=[m for m in line["modifiers"] if m != "25"])


def _add_modifier_25(draft: Draft, number: int | None) -> Draft | None:
    """NCCI PTP with an E/M as column 2 (modifier indicator 1): modifier 25 says the E/M
    was significant and separately identifiable (CPT Appendix A)."""
    line = draft.line(number)
    if line is None or number is None or not _is_em(line["procedure"]):
        return None
    if "25" in line["modifiers"] or len(line["modifiers"]) >= 4:
        return None
    return draft.with_line(number, modifiers=[*line["modifiers"], "25"])


def _first_pointer_billable(draft: Draft, number: int | None) -> Draft | None:
    """Each line (or line ``number``) whose first pointer (SV107-1, the line's primary
    diagnosis) is at a diagnosis that is not billable, while another of its pointers is at
    a billable one: that billable pointer moves first, the others keep their order."""
    numbers = [number] if number is not None else list(range(1, len(draft.lines) + 1))
    fixed = draft
    for n in numbers:
        line = draft.line(n)
        if line is None:
            continue
        pointers = list(line["pointers"])
        codes = [_pointed(draft, p) for p in pointers]
        if not codes or codes[0] is None or codes[0] not in draft.not_billable:
            continue
        good = next(
            (i for i, c in enumerate(codes) if c is not None and c not in draft.not_billable),
            None,
        )
        if good is None:
            continue
        fixed = fixed.with_line(
            n, pointers=[pointers[good], *pointers[:good], *pointers[good + 1 :]]
        )
    return None if fixed is draft else fixed


def _pointed(draft: Draft, letter: str) -> str | None:
    k = POINTER_LETTERS.find(letter) if isinstance(letter, str) and len(letter) == 1 else -1
    return draft.diagnoses[k] if 0 <= k < len(draft.diagnoses) else None


FIXES: tuple[Fix, ...] = (
    Fix(
        "fix.drop-missing-pointers",
        "DX-PTR-001",
        "Remove the pointers to missing diagnoses",
        _drop_missing_pointers,
    ),
    Fix("fix.point-to-a", "DX-PTR-002", "Point the line at diagnosis A", _point_to_a),
    Fix("fix.remove-modifier-25", "MOD-002", "Remove modifier 25", _remove_modifier_25),
    Fix("fix.add-modifier-25", "NCCI-PTP-001", "Add modifier 25 to the E/M", _add_modifier_25),
    Fix(
        "fix.first-pointer-billable",
        "DX-NB-001",
        "Point the line's first pointer at a billable diagnosis",
        _first_pointer_billable,
    ),
)

BY_FINDING: dict[str, Fix] = {f.finding: f for f in FIXES}


def fix_for(finding_id: str, draft: Draft, line: int | None) -> Fix | None:
    """The fix for a finding on ``line`` of ``draft``, when one applies there."""
    fix = BY_FINDING.get(finding_id)
    if fix is None or fix.apply(draft, line) is None:
        return None
    return fix
