"""``payer-rule``: rules a payer's own set-up defines, read from a declarative
file (``edits/data/payer_rules.json`` or ``scrub --payer-rules FILE``)::

    {"rules": [{"id": "PAYER-DEMO01-TELE", "payers": ["DEMO01"],
                "when": {"place_of_service": ["02", "10"]},
                "require": {"modifier_any": ["95", "GT"]},
                "meaning": "...", "fix": "...", "source": "...", "carc": "4"}]}

``payers`` lists payer IDs (NM109 of 2010BB) or profile keys, ``"*"`` for any;
``when`` may also hold ``procedures`` as inclusive ranges ``[["70010", "79999"]]``;
``require`` holds ``modifier_any`` (a line needs one of them) and/or
``prior_auth`` (the claim needs REF*G1).
"""

from __future__ import annotations

from collections.abc import Iterator

from cleanclaim.edits.claim import ScrubClaim
from cleanclaim.edits.context import PayerRule, ScrubContext
from cleanclaim.edits.finding import Finding, RuleInfo, Severity
from cleanclaim.edits.registry import register

GENERIC = RuleInfo(
    "PAYER-000",
    "payer-rule",
    "error",
    "A requirement from the payer's set-up (payer rules file); the finding names the payer "
    "rule id and what it requires.",
    "Do what the payer rule's fix says.",
    "payer set-up (edits/data/payer_rules.json)",
    None,
)


def _finding(rule: PayerRule, claim: ScrubClaim, message: str, line: int | None) -> Finding:
    sev: Severity = "warning" if rule.severity == "warning" else "error"
    return Finding(
        rule=rule.id,
        category="payer-rule",
        severity=sev,
        claim_id=claim.claim_id,
        line=line,
        message=message,
        fix=rule.fix,
        source=rule.source,
        carc=rule.carc,
    )


@register("payer_rules", GENERIC)
def check_payer_rules(claim: ScrubClaim, ctx: ScrubContext) -> Iterator[Finding]:
    for rule in ctx.payer_rules:
        if not rule.applies_to_payer(claim.payer.id, claim.payer.profile):
            continue
        if rule.pos and claim.place_of_service not in rule.pos:
            continue
        lines = [ln for ln in claim.lines if rule.matches_procedure(ln.procedure)]
        if not lines:
            continue
        if rule.prior_auth and not claim.prior_auth.strip():
            codes = ", ".join(sorted({ln.procedure for ln in lines}))
            yield _finding(
                rule,
                claim,
                f"{claim.payer.name or claim.payer.id} requires prior authorization for {codes}; "
                f"the claim has no REF*G1 authorization number ({rule.meaning}).",
                lines[0].number,
            )
        if rule.modifier_any:
            for ln in lines:
                if not set(ln.modifiers).intersection(rule.modifier_any):
                    yield _finding(
                        rule,
                        claim,
                        f"Line {ln.number} ({ln.procedure}): {claim.payer.name or claim.payer.id} "
                        f"requires modifier {' or '.join(rule.modifier_any)}"
                        f"{' for POS ' + claim.place_of_service if rule.pos else ''}.",
                        ln.number,
                    )
