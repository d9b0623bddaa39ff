"""``duplicate``: the same service billed twice on the claim (same code, modifiers,
date of service, rendering provider, drug NDC and SV101-7 description). Modifiers
76/77 (repeat procedure) and 91 (repeat clinical laboratory test) declare a
deliberate repeat; an unclassified drug code (J3490) on two lines with different
NDCs is two drugs, not a duplicate."""

from __future__ import annotations

from collections.abc import Iterator

from cleanclaim.edits.claim import ScrubClaim
from cleanclaim.edits.context import ScrubContext
from cleanclaim.edits.finding import Finding, RuleInfo
from cleanclaim.edits.registry import register

DUP = RuleInfo(
    "DUP-001",
    "duplicate",
    "error",
    "The same procedure with the same modifiers is billed on two lines for the same date.",
    "Bill the service once with the total units, or add 76/77 (repeat procedure) or 91 "
    "(repeat lab test) when it really was repeated.",
    "CMS Claims Processing Manual (Pub. 100-04) ch. 1 §120: duplicate claim/service edits; "
    "CPT modifiers 76, 77, 91",
    "18",
)

REPEAT_MODIFIERS = frozenset({"76", "77", "91"})


@register("duplicates", DUP)
def check_duplicates(claim: ScrubClaim, ctx: ScrubContext) -> Iterator[Finding]:
    seen: dict[tuple[object, ...], int] = {}
    for ln in claim.lines:
        if REPEAT_MODIFIERS.intersection(ln.modifiers) or not ln.procedure:
            continue
        key = (
            ln.procedure,
            tuple(sorted(ln.modifiers)),
            ln.service_date,
            ln.rendering_npi,
            ln.ndc,
            ln.description,
        )
        first = seen.get(key)
        if first is None:
            seen[key] = ln.number
            continue
        yield DUP.finding(
            claim.claim_id,
            f"Line {ln.number} repeats line {first}: {ln.procedure}"
            f"{''.join('-' + m for m in ln.modifiers)} on {ln.service_date}.",
            line=ln.number,
        )
