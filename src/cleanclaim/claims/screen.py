"""The coding screen's form, as data: the visit as typed (a :class:`~.fixes.Draft`),
the edits its buttons make (add, move, remove), and where each scrubber finding is shown.

The page posts the whole visit as typed on every step, so nothing is kept on the server
between requests; only Save and Apply write, through the audited actions
(:func:`~cleanclaim.claims.actions.update_encounter`, :func:`~cleanclaim.claims.actions.apply_fix`).

Form fields (repeated in order): ``dx`` (one per diagnosis, A first), and per line
``procedure``, ``mod1``…``mod4``, ``units``, ``charge``, ``pointers`` (letters, "AB").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from django.http import QueryDict

from cleanclaim.claims.building import dry_run, missing_charge
from cleanclaim.claims.fixes import Draft, fix_for
from cleanclaim.claims.models import (
    MAX_DIAGNOSES,
    MAX_MODIFIERS,
    POINTER_LETTERS,
    Encounter,
    EncounterLine,
)
from cleanclaim.claims.scrubbing import finding_json, not_billable
from cleanclaim.money import MoneyError, parse_optional_money

__all__ = [
    "Placed",
    "apply_op",
    "check",
    "draft_from_post",
    "draft_of",
    "fee_hints",
]

MODS = tuple(f"mod{i}" for i in range(1, MAX_MODIFIERS + 1))
LINE_KEYS = ("procedure", *MODS, "units", "charge", "pointers")


def _code(value: str) -> str:
    return value.strip().upper()


def draft_of(encounter: Encounter) -> Draft:
    """The saved visit as a draft (what the screen opens with)."""
    return Draft(
        list(encounter.diagnoses),
        [
            {
                "procedure": ln.procedure,
                "modifiers": list(ln.modifiers),
                "units": f"{ln.units.normalize():f}",
                "charge": "" if ln.charge is None else f"{ln.charge:.2f}",
                "pointers": list(ln.pointers),
            }
            for ln in encounter.lines.all()
        ],
    )


def draft_from_post(data: QueryDict) -> Draft:
    """The visit as typed: blank diagnoses dropped; a line kept when any field is filled."""
    dx = [_code(d) for d in data.getlist("dx") if d.strip()]
    columns = {k: data.getlist(k) for k in LINE_KEYS}
    rows = max((len(v) for v in columns.values()), default=0)
    lines = []
    for i in range(rows):
        cell = {k: (v[i] if i < len(v) else "").strip() for k, v in columns.items()}
        if not any(cell.values()):
            continue
        lines.append(
            {
                "procedure": _code(cell["procedure"]),
                "modifiers": [_code(cell[m]) for m in MODS if cell[m]],
                "units": cell["units"] or "1",
                "charge": cell["charge"].replace("$", "").replace(",", ""),
                "pointers": [p for p in _code(cell["pointers"]) if not p.isspace() and p != ","],
            }
        )
    return Draft(dx, lines)


def action_lines(draft: Draft) -> list[dict[str, Any]]:
    """The draft's lines as the actions take them (a blank charge: the fee schedule's)."""
    return [{**ln, "charge": ln["charge"] or None} for ln in draft.lines]


def _move(items: list[Any], i: int, step: int) -> None:
    j = i + step
    if 0 <= i < len(items) and 0 <= j < len(items):
        items[i], items[j] = items[j], items[i]


def _repoint(draft: Draft, order: list[int]) -> list[dict[str, Any]]:
    """Lines with pointers renamed after the diagnoses moved (``order[new] = old``);
    a pointer to a removed diagnosis is dropped."""
    new_letter = {POINTER_LETTERS[old]: POINTER_LETTERS[new] for new, old in enumerate(order)}
    return [
        {**ln, "pointers": [new_letter[p] for p in ln["pointers"] if p in new_letter]}
        for ln in draft.lines
    ]


def apply_op(draft: Draft, op: str, data: Mapping[str, str]) -> tuple[Draft, str]:
    """The draft after one of the screen's editing buttons, and a note for the coder
    (empty, or why nothing changed). Ops: ``add_dx`` (the ``new_dx`` field or
    ``add_dx:CODE``), ``dx_up:i``, ``dx_down:i``, ``dx_del:i``, ``add_line`` (blank, or
    ``add_line:CODE``), ``line_del:n``. Pointers follow the diagnoses they point to."""
    name, _, arg = op.partition(":")
    dx = list(draft.diagnoses)
    if name == "add_dx":
        code = _code(arg or data.get("new_dx", ""))
        if not code:
            return draft, "Type a diagnosis to add."
        if code in dx:
            return draft, f"{code} is already diagnosis {POINTER_LETTERS[dx.index(code)]}."
        if len(dx) >= MAX_DIAGNOSES:
            return draft, f"At most {MAX_DIAGNOSES} diagnoses (A–L)."
        return Draft([*dx, code], draft.lines), ""
    if name in ("dx_up", "dx_down", "dx_del"):
        try:
            i = int(arg)
        except ValueError:
            return draft, f"Unknown step {op!r}."
        order = list(range(len(dx)))
        if name == "dx_del":
            if 0 <= i < len(order):
                del order[i]
        else:
            _move(order, i, -1 if name == "dx_up" else 1)
        return Draft([dx[o] for o in order], _repoint(draft, order)), ""
    if name == "add_line":
        line = {
            "procedure": _code(arg),
            "modifiers": [],
            "units": "1",
            "charge": "",
            "pointers": ["A"] if dx and arg else [],
        }
        return Draft(dx, [*draft.lines, line]), ""
    if name == "line_del":
        try:
            n = int(arg)
        except ValueError:
            return draft, f"Unknown step {op!r}."
        return Draft(dx, [ln for k, ln in enumerate(draft.lines, start=1) if k != n]), ""
    return draft, f"Unknown step {op!r}."


def _unsaved_lines(encounter: Encounter, draft: Draft) -> tuple[list[EncounterLine], list[str]]:
    """The draft's lines as unsaved rows for a dry build, and what cannot be read."""
    out, notes = [], []
    for n, ln in enumerate(draft.lines, start=1):
        try:
            units = parse_optional_money(ln["units"], what=f"line {n} units") or Decimal(1)
            charge = parse_optional_money(ln["charge"] or None, what=f"line {n} charge")
        except MoneyError as exc:
            notes.append(str(exc))
            continue
        out.append(
            EncounterLine(
                encounter=encounter,
                number=n,
                procedure=ln["procedure"],
                modifiers=list(ln["modifiers"]),
                units=units,
                charge=charge,
                pointers=[p for p in ln["pointers"] if p in POINTER_LETTERS],
            )
        )
    return out, notes


@dataclass
class Placed:
    """Findings by the slot beside their field: ``dx-<i>`` (0-based), ``line-<n>`` and
    ``mod-<n>`` (1-based line number) and ``claim`` (the rest)."""

    slots: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    checked: bool = False

    def add(self, slot: str, item: dict[str, Any]) -> None:
        self.slots.setdefault(slot, []).append(item)


def _slot(f: Mapping[str, Any], dx: Sequence[str]) -> str:
    category = str(f["category"])
    line = f["line"]
    if category == "modifier-invalid" and line:
        return f"mod-{line}"
    if line:
        return f"line-{line}"
    if category.startswith("dx-"):
        for i, code in enumerate(dx):
            if re.search(rf"(?<![A-Z0-9.]){re.escape(code)}(?![A-Z0-9.])", str(f["message"])):
                return f"dx-{i}"
    return "claim"


def check(encounter: Encounter, draft: Draft, *, today: dt.date | None = None) -> Placed:
    """Scrub the visit as typed as the claim it would become (nothing written), each
    finding placed beside its field with the fix that applies, if any."""
    placed = Placed()
    lines, placed.notes = _unsaved_lines(encounter, draft)
    if placed.notes:
        return placed
    encounter.diagnoses = list(draft.diagnoses)
    run = dry_run(encounter, lines=lines, today=today)
    if run.result is None:
        placed.notes = [f"{where}: {' '.join(why)}" for where, why in run.errors.items()]
        return placed
    placed.checked = True
    draft = replace(draft, not_billable=not_billable(draft.diagnoses, encounter.service_from))
    for f in run.result.findings:
        item = finding_json(f)
        fix = fix_for(f.rule, draft, f.line)
        item["apply"] = f"fix:{f.rule}:{f.line or ''}" if fix else ""
        item["apply_label"] = fix.label if fix else ""
        placed.add(_slot(item, draft.diagnoses), item)
    return placed


def fee_hints(encounter: Encounter, draft: Draft) -> dict[int, str]:
    """Line number → the fee schedule's charge on the date of service (blank charges)."""
    hints = {}
    for n, ln in enumerate(draft.lines, start=1):
        if ln["charge"] or not ln["procedure"]:
            continue
        row = EncounterLine(procedure=ln["procedure"], modifiers=list(ln["modifiers"]))
        fee = missing_charge(encounter.practice, row, encounter.service_from)
        if fee is not None:
            hints[n] = f"{fee:.2f}"
    return hints
