"""``dx-invalid``, ``dx-not-billable``, ``dx-excludes1`` and ``dx-pointer``.

Diagnoses are looked up in ICD-10-CM as of the date of service (the release in
force: fiscal years start October 1). Only codes with no children are billable;
categories with 7th-character definitions need the 7th character (and the
placeholder X before it when the code is shorter than six characters). An
Excludes1 note applies to the code where it is written and all its children;
the pair is reported once, as a warning, because the ICD-10-CM Official
Guidelines (section I.A.12.a) allow both codes when the two conditions are
unrelated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from cleanclaim.codes.model import Note, normalize_icd10cm
from cleanclaim.edits.claim import ScrubClaim, normalize_dx
from cleanclaim.edits.context import ScrubContext
from cleanclaim.edits.finding import Finding, RuleInfo
from cleanclaim.edits.registry import register

TAB = "ICD-10-CM tabular (NCHS/CMS), as of the date of service"

INVALID = RuleInfo(
    "DX-INV-001",
    "dx-invalid",
    "error",
    "The diagnosis code does not exist in ICD-10-CM on the date of service.",
    "Look the condition up again and use a code valid on the date of service.",
    TAB,
    "146",
)
UNLISTED = RuleInfo(
    "DX-INV-003",
    "dx-invalid",
    "warning",
    "The diagnosis code is not in the loaded ICD-10-CM release, but that release does not "
    "cover the date of service (a newer fiscal year is not loaded), so the code may exist.",
    "Import the ICD-10-CM tabular the message names (cleanclaim refdata import FILE) and "
    "scrub again.",
    TAB,
    "146",
)
HEADER = RuleInfo(
    "DX-NB-001",
    "dx-not-billable",
    "error",
    "The diagnosis is a header (category or subcategory) code: it has more specific codes "
    "below it and cannot be billed.",
    "Pick the most specific code under it.",
    "ICD-10-CM Official Guidelines I.B.2 (level of detail in coding)",
    "146",
)
SEVENTH = RuleInfo(
    "DX-NB-002",
    "dx-not-billable",
    "error",
    "The diagnosis lacks its required 7th character (e.g. A initial encounter, D subsequent, "
    "S sequela), with placeholder X where the code is shorter than six characters.",
    "Add the 7th character that fits the encounter, with X placeholders as needed.",
    "ICD-10-CM Official Guidelines I.A.5 (7th characters) and I.A.4 (placeholder X)",
    "146",
)
EXCLUDES1 = RuleInfo(
    "DX-EX1-001",
    "dx-excludes1",
    "warning",
    "Two diagnoses on the claim that an ICD-10-CM Excludes1 note says are not coded together.",
    "Keep the code that describes the condition; if the two conditions are truly unrelated "
    "(guideline I.A.12.a exception), keep both and make sure the record supports it.",
    "ICD-10-CM tabular Excludes1 notes; Official Guidelines I.A.12.a",
    "B22",
)
POINTER = RuleInfo(
    "DX-PTR-001",
    "dx-pointer",
    "error",
    "A service line points to a diagnosis position that is not on the claim.",
    "Point the line (SV107) at the diagnosis that supports it, 1 to the number of diagnoses.",
    "ASC X12 005010X222A1 2400 SV107 diagnosis code pointers (1-12, into HI)",
    "16",
)
NO_POINTER = RuleInfo(
    "DX-PTR-002",
    "dx-pointer",
    "error",
    "A service line does not point to any diagnosis.",
    "Point the line (SV107-1) at the diagnosis that supports it.",
    "ASC X12 005010X222A1 2400 SV107-1 (required)",
    "16",
)


def _dos(claim: ScrubClaim, ctx: ScrubContext) -> dt.date:
    return claim.first_service_date() or ctx.as_of


ICD10_START = dt.date(2015, 10, 1)
ICD9 = RuleInfo(
    "DX-INV-002",
    "dx-invalid",
    "error",
    "An ICD-9-CM diagnosis (HI qualifier BK/BF) on a claim for services on or after "
    "2015-10-01, when ICD-10-CM replaced it.",
    "Code the diagnosis in ICD-10-CM and send it with qualifier ABK/ABF.",
    "45 CFR 162.1002(c)(2): ICD-10-CM for dates of service on or after October 1, 2015",
    "146",
)


@register("diagnosis", ICD9)
def check_icd9(claim: ScrubClaim, ctx: ScrubContext) -> Iterator[Finding]:
    dos = _dos(claim, ctx)
    if dos < ICD10_START:
        return
    old = [c for i, c in enumerate(claim.diagnoses) if claim.icd9(i)]
    if old:
        yield ICD9.finding(
            claim.claim_id,
            f"Diagnosis code(s) {', '.join(old)} are sent as ICD-9-CM (qualifier BK/BF); "
            f"services on {dos} need ICD-10-CM.",
        )


@register("diagnosis", INVALID, UNLISTED, HEADER, SEVENTH)
def check_codes(claim: ScrubClaim, ctx: ScrubContext) -> Iterator[Finding]:
    if ctx.codes is None:
        return
    dos = _dos(claim, ctx)
    cid = claim.claim_id
    for i, raw in enumerate(claim.diagnoses):
        if claim.icd9(i):
            continue
        try:
            code = normalize_dx(raw)
        except ValueError:
            yield INVALID.finding(cid, f"{raw!r} is not an ICD-10-CM code.")
            continue
        lk = ctx.lookup("icd10cm", code, dos)
        if lk is None or lk.coverage not in ("ok", "stale"):
            continue
        rel = lk.release.release if lk.release else "ICD-10-CM"
        src = f"ICD-10-CM {rel} tabular"
        if lk.code is None:
            why = ctx.missing_table("icd10cm", code, dos)
            if why:  # the release in force has ended: a newer year may have the code
                yield UNLISTED.finding(cid, f"{why}.", source=src)
                continue
            yield INVALID.finding(
                cid,
                f"{code} is not an ICD-10-CM code in {rel} (date of service {dos}).",
                source=src,
            )
            continue
        if lk.code.billable:
            continue
        sevenths = ctx.codes.icd_seventh_characters(code, dos)
        children = ctx.codes.icd_children(code, dos)
        if sevenths and not children:
            examples = ", ".join(f"{k} {v}" for k, v in list(sevenths.items())[:3])
            base = code.replace(".", "")
            pad = base + "X" * max(0, 6 - len(base))
            shown = normalize_icd10cm(pad + "A")
            yield SEVENTH.finding(
                cid,
                f"{code} needs a 7th character ({examples}...), e.g. {shown}.",
                source=f"{src}, 7th characters at {code.split('.')[0]}",
            )
        else:
            kids = ", ".join(children[:5]) + ("..." if len(children) > 5 else "")
            yield HEADER.finding(
                cid,
                f"{code} is a header code, not billable; choose a code under it ({kids}).",
                source=src,
            )


#: Distinct diagnoses of a claim the Excludes1 edit compares with each other: 12, the
#: most an 837P claim may carry (005010X222A1 2300 HI01-HI12; the X12 engine reports a
#: claim with more). Pairwise, so 20,000 codes would otherwise cost 2 * 10^8 steps.
PAIRWISE_DIAGNOSES = 12


@register("diagnosis", EXCLUDES1)
def check_excludes1(claim: ScrubClaim, ctx: ScrubContext) -> Iterator[Finding]:
    if ctx.codes is None or len(claim.diagnoses) < 2:
        return
    dos = _dos(claim, ctx)
    codes: list[str] = []
    for i, raw in enumerate(claim.diagnoses):
        if claim.icd9(i):
            continue
        try:
            codes.append(normalize_dx(raw))
        except ValueError:
            continue
    # pairwise: the first 12 distinct codes, as many as an 837P claim may carry (HI01-HI12)
    uniq = list(dict.fromkeys(codes))[:PAIRWISE_DIAGNOSES]
    for x in range(len(uniq)):
        for y in range(x + 1, len(uniq)):
            a, b = uniq[x], uniq[y]
            la = ctx.lookup("icd10cm", a, dos)
            key = ("excludes1", a, b, la.release.release if la and la.release else dos)
            if key in ctx.memo:
                hit = ctx.memo[key]
            else:
                hit = _excludes1_note(ctx, a, b, dos) or _excludes1_note(ctx, b, a, dos)
                ctx.memo[key] = hit
            if hit is None:
                continue
            holder, other, note = hit
            lk = ctx.lookup("icd10cm", holder, dos)
            rel = lk.release.release if lk and lk.release else ""
            yield EXCLUDES1.finding(
                claim.claim_id,
                f"{holder} and {other} are not coded together: Excludes1 at {note.at} "
                f"(\u201c{note.text}\u201d). The guidelines allow both only when the two "
                "conditions are unrelated.",
                source=f"ICD-10-CM {rel} tabular, Excludes1 at {note.at}",
            )


def _excludes1_note(
    ctx: ScrubContext, a: str, b: str, dos: dt.date
) -> tuple[str, str, Note] | None:
    """The Excludes1 note at ``a`` or an ancestor of ``a`` whose targets cover ``b``."""
    for note in ctx.icd_notes(a, dos):
        if note.kind == "excludes1" and any(t.matches(b) for t in note.targets):
            return a, b, note
    return None


@register("diagnosis", POINTER, NO_POINTER)
def check_pointers(claim: ScrubClaim, ctx: ScrubContext) -> Iterator[Finding]:
    n = len(claim.diagnoses)
    for ln in claim.lines:
        if ln.raw_pointers and not ln.dx_pointers:
            yield POINTER.finding(
                claim.claim_id,
                f"Line {ln.number} ({ln.procedure or 'no code'}) has pointer(s) "
                f"{', '.join(ln.raw_pointers)}, "
                "which are not diagnosis positions 1-12.",
                line=ln.number,
            )
            continue
        if not ln.dx_pointers:
            yield NO_POINTER.finding(
                claim.claim_id,
                f"Line {ln.number} ({ln.procedure}) points to no diagnosis.",
                line=ln.number,
            )
            continue
        bad = [p for p in ln.dx_pointers if p < 1 or p > n]
        if bad:
            yield POINTER.finding(
                claim.claim_id,
                f"Line {ln.number} ({ln.procedure}) points to diagnosis "
                f"{', '.join(map(str, bad))} but the claim has {n} diagnos"
                f"{'is' if n == 1 else 'es'}.",
                line=ln.number,
            )
