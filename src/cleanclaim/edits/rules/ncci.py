"""``ncci-ptp``, ``ncci-mue`` and ``ncci-addon``: the national correct coding edits.

* PTP: when the two codes of an edit are billed for the same patient by the same
  provider on the same date, the column 2 code is denied unless the modifier
  indicator allows a bypass: 0 never; 1 an NCCI-associated modifier on either
  code bypasses it; 9 the edit does not apply (CMS "Medicare NCCI Procedure to
  Procedure (PTP) Edits"; NCCI Policy Manual ch. I §E for the associated
  modifiers: anatomic E1-E4, FA, F1-F9, TA, T1-T9, LT, RT, LC, LD, RC, LM, RI;
  global surgery 24, 25, 57, 58, 78, 79; other 27, 59, 91, XE, XS, XP, XU).
  An edit applies to dates of service from its effective date through its
  deletion date (see :mod:`cleanclaim.codes.ncci_ptp`).
* MUE: units over the MUE value; adjudication indicator 1 per claim line, 2 and
  3 per date of service (all lines of the code that day).
* Add-on: an add-on code with none of its primaries on the same date (type 1),
  or with no other service at all that date (types 2 and 3; a type 3 add-on with
  services but none of its listed primaries is a warning).

PTP and add-on compare the lines of a claim with each other: they read its first
:data:`PAIRWISE_LINES` (50) lines, the most an 837P claim may carry.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache

from cleanclaim.codes.ncci_common import pack_code, ymd, ymd_to_date
from cleanclaim.edits.claim import ScrubClaim, ServiceLine
from cleanclaim.edits.context import ScrubContext
from cleanclaim.edits.finding import Finding, RuleInfo
from cleanclaim.edits.registry import register

packed_code = lru_cache(maxsize=65536)(pack_code)

#: Lines of a claim the PTP and add-on edits compare with each other: the first 50, as
#: many as an 837P claim may carry (005010X222A1 loop 2400 repeats at most 50 times;
#: the X12 engine reports a claim with more). The comparison is pairwise, so a claim
#: of 100,000 lines would otherwise cost 10^10 steps.
PAIRWISE_LINES = 50

NCCI_MODIFIERS = frozenset(
    [
        "E1",
        "E2",
        "E3",
        "E4",
        "FA",
        "F1",
        "F2",
        "F3",
        "F4",
        "F5",
        "F6",
        "F7",
        "F8",
        "F9",
        "TA",
        "T1",
        "T2",
        "T3",
        "T4",
        "T5",
        "T6",
        "T7",
        "T8",
        "T9",
        "LT",
        "RT",
        "LC",
        "LD",
        "RC",
        "LM",
        "RI",
        "24",
        "25",
        "57",
        "58",
        "78",
        "79",
        "27",
        "59",
        "91",
        "XE",
        "XS",
        "XP",
        "XU",
    ]
)

PTP = RuleInfo(
    "NCCI-PTP-001",
    "ncci-ptp",
    "error",
    "Two procedures billed on the same date form an NCCI procedure-to-procedure pair: the "
    "column 2 code is denied unless an NCCI-associated modifier is allowed and used.",
    "Remove the column 2 code if it was part of the column 1 service; if it was a separate, "
    "distinct service (other site, session or encounter) and the edit's modifier indicator is 1, "
    "append the modifier that says why (XE, XS, XP, XU, 59 or an anatomic modifier).",
    "CMS NCCI PTP practitioner edits; NCCI Policy Manual ch. I",
    "236",
)
PTP_NO_BYPASS = RuleInfo(
    "NCCI-PTP-002",
    "ncci-ptp",
    "error",
    "An NCCI procedure-to-procedure pair with modifier indicator 0: no modifier can bypass it.",
    "Remove the column 2 code; it is never paid with the column 1 code on the same date.",
    "CMS NCCI PTP practitioner edits (modifier indicator 0)",
    "236",
)
MUE = RuleInfo(
    "NCCI-MUE-001",
    "ncci-mue",
    "error",
    "More units than the medically unlikely edit allows for the code.",
    "Check the units; if correct and the MUE is per line (MAI 1), split across lines with "
    "the right modifiers; if per day (MAI 2/3), bill the MUE value and appeal with records "
    "(MAI 3 only).",
    "CMS NCCI MUE practitioner services table",
    "151",
)
ADDON = RuleInfo(
    "NCCI-AOC-001",
    "ncci-addon",
    "error",
    "An add-on code is billed without one of its primary codes on the same date.",
    "Add the primary procedure performed that day, or remove the add-on code.",
    "CMS NCCI add-on code edits",
    "107",
)


def _dos(ln: ServiceLine) -> dt.date | None:
    return ln.service_date


def _provider(claim: ScrubClaim, ln: ServiceLine) -> str:
    return ln.rendering_npi or claim.rendering_npi


@register("ncci", PTP, PTP_NO_BYPASS)
def check_ptp(claim: ScrubClaim, ctx: ScrubContext) -> Iterator[Finding]:
    tables = ctx.ncci
    if tables is None or not tables.ptp or len(claim.lines) < 2:
        return
    groups: dict[tuple[dt.date, str], list[tuple[ServiceLine, int]]] = defaultdict(list)
    for ln in claim.lines[:PAIRWISE_LINES]:
        dos = _dos(ln)
        if dos is None:
            continue
        try:
            packed = packed_code(ln.procedure)
        except (KeyError, ValueError):
            continue
        groups[(dos, _provider(claim, ln))].append((ln, packed))
    reported: set[tuple[int, int]] = set()
    for (dos, _prov), lines in groups.items():
        if len(lines) < 2:
            continue
        parts = tables.ptp_release(dos)
        d = ymd(dos)
        for a, pa in lines:
            for b, pb in lines:
                if a is b or pa == pb:
                    continue
                key = pa << 32 | pb
                for part in parts:
                    if key < part.first or key > part.last:
                        continue
                    i = part.has_pair(key, d)
                    if i < 0:
                        continue
                    mod = part.mod[i]
                    if mod == 9:
                        break
                    bypass = NCCI_MODIFIERS.intersection(a.modifiers + b.modifiers)
                    if mod == 1 and bypass:
                        break
                    if (a.number, b.number) in reported:
                        break
                    reported.add((a.number, b.number))
                    eff_s = ymd_to_date(part.eff[i])
                    dele = ymd_to_date(part.dele[i])
                    until = "" if dele is None else f", last applies {dele}"
                    source = (
                        f"NCCI PTP practitioner {part.release}, effective {eff_s}{until} "
                        f"({part.rationales[part.rat[i]]})"
                    )
                    info = PTP if mod == 1 else PTP_NO_BYPASS
                    how = (
                        "modifier indicator 1: an NCCI-associated modifier may bypass it"
                        if mod == 1
                        else "modifier indicator 0: no modifier bypasses it"
                    )
                    yield info.finding(
                        claim.claim_id,
                        f"Line {b.number} ({b.procedure}) is column 2 to line {a.number} "
                        f"({a.procedure}) on {dos}: {b.procedure} is denied when billed with "
                        f"{a.procedure} ({how}).",
                        line=b.number,
                        source=source,
                    )
                    break


@register("ncci", MUE)
def check_mue(claim: ScrubClaim, ctx: ScrubContext) -> Iterator[Finding]:
    tables = ctx.ncci
    if tables is None or not tables.mue:
        return
    per_day: dict[tuple[str, dt.date], list[ServiceLine]] = defaultdict(list)
    for ln in claim.lines:
        dos = _dos(ln)
        if dos is None or not ln.procedure:
            continue
        table = tables.mue_table(dos)
        edit = table.edits.get(ln.procedure) if table else None
        if edit is None or table is None:
            continue
        if edit.mai == 1:
            if ln.units > edit.value:
                source = f"NCCI MUE practitioner, effective {table.release} (MAI {edit.mai_text})"
                yield MUE.finding(
                    claim.claim_id,
                    f"Line {ln.number}: {ln.units} units of {ln.procedure}; the MUE is "
                    f"{edit.value} per line (MAI 1).",
                    line=ln.number,
                    source=source,
                )
        else:
            per_day[(ln.procedure, dos)].append(ln)
    for (code, dos), lines in per_day.items():
        table = tables.mue_table(dos)
        assert table is not None
        edit = table.edits[code]
        total = sum((ln.units for ln in lines), Decimal(0))
        if total > edit.value:
            kind = "policy" if edit.mai == 2 else "clinical; may be appealed with records"
            nums = ", ".join(str(ln.number) for ln in lines[:20])
            nums += ", ..." if len(lines) > 20 else ""
            yield MUE.finding(
                claim.claim_id,
                f"{total} units of {code} on {dos} (line{'s' if len(lines) > 1 else ''} {nums}); "
                f"the MUE is {edit.value} per day (MAI {edit.mai}, {kind}).",
                line=lines[0].number,
                source=f"NCCI MUE practitioner, effective {table.release} (MAI {edit.mai_text})",
            )


@register("ncci", ADDON)
def check_addon(claim: ScrubClaim, ctx: ScrubContext) -> Iterator[Finding]:
    tables = ctx.ncci
    if tables is None or not tables.addon:
        return
    lines = claim.lines[:PAIRWISE_LINES]
    by_day: dict[dt.date, set[str]] = defaultdict(set)
    for ln in lines:
        if ln.service_date is not None:
            by_day[ln.service_date].add(ln.procedure)
    for ln in lines:
        dos = ln.service_date
        if dos is None:
            continue
        table = tables.addon_table(dos)
        if table is None:
            continue
        edits = [e for e in table.edits.get(ln.procedure, ()) if e.applies_on(ymd(dos))]
        if not edits:
            continue
        same_day = by_day[dos] - {ln.procedure}
        others = {c for c in same_day if c not in table.edits}
        etype = edits[0].edit_type
        primaries = sorted({e.primary for e in edits if e.primary})
        source = f"NCCI add-on code edits {table.release} (type {etype})"
        listed = (
            "; primaries: " + ", ".join(primaries[:8]) + ("..." if len(primaries) > 8 else "")
            if primaries
            else ""
        )
        if etype == 1:
            if not same_day.intersection(primaries):
                yield ADDON.finding(
                    claim.claim_id,
                    f"Line {ln.number}: add-on {ln.procedure} has none of its primary codes on "
                    f"{dos}{listed}.",
                    line=ln.number,
                    source=source,
                )
        elif not others:
            yield ADDON.finding(
                claim.claim_id,
                f"Line {ln.number}: add-on {ln.procedure} is the only service on {dos}; it is paid "
                f"only with a primary procedure{listed}.",
                line=ln.number,
                source=source,
            )
        elif etype == 3 and primaries and not same_day.intersection(primaries):
            yield ADDON.finding(
                claim.claim_id,
                f"Line {ln.number}: add-on {ln.procedure} has none of its listed primaries on "
                f"{dos}{listed}; the payer decides whether {', '.join(sorted(others))} qualifies.",
                line=ln.number,
                source=source,
                severity="warning",
            )
