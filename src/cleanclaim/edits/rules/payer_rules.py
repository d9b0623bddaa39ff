"""``payer-rule`` and ``auth``: the payer's own rules, written as data in the payer
rule language (:mod:`cleanclaim.edits.payer_rules_lang`, docs/payer-rules.md) and
handed in as ``ScrubContext.payer_rules``: the packaged starter rules
(``edits/data/payer_rules.yaml``), a file (``scrub --payer-rules FILE``) or, in the
app, the organisation's current rule sets.

The catalogue has one entry per rule *kind* (stable ids ``PAYER-AUTH``,
``PAYER-NOT-COVERED``, ...); each finding carries the kind's id, names the payer
rule's own id in its message and cites the rule's ``citation`` as its source. A rule
applies to a line whose date of service (else the claim's first, else the scrub
date) falls from its ``effective`` date to its ``end`` date.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal

from cleanclaim.edits.claim import ScrubClaim, ServiceLine
from cleanclaim.edits.context import ScrubContext
from cleanclaim.edits.finding import Finding, RuleInfo
from cleanclaim.edits.payer_rules_lang import PayerRule
from cleanclaim.edits.registry import register

_SRC = "the payer rule's citation (payer rules as data, docs/payer-rules.md)"


def _info(rid: str, category: str, meaning: str, fix: str, carc: str) -> RuleInfo:
    return RuleInfo(rid, category, "error", meaning, fix, _SRC, carc)


AUTH = _info(
    "PAYER-AUTH",
    "auth",
    "The payer requires prior authorization for the code, and the claim has no "
    "authorization number (REF*G1).",
    "Obtain the authorization number from the payer and enter it (REF*G1 in loop 2300).",
    "197",
)
NOT_COVERED = _info(
    "PAYER-NOT-COVERED",
    "payer-rule",
    "The payer does not cover the code.",
    "Bill the patient (with a signed waiver where required) or another payer; do not send it.",
    "96",
)
MODIFIER = _info(
    "PAYER-MODIFIER",
    "payer-rule",
    "The payer requires one of the rule's modifiers with the code (or place of service).",
    "Append one of the modifiers the payer rule names.",
    "4",
)
DIAGNOSIS = _info(
    "PAYER-DX",
    "payer-rule",
    "The payer pays the code only with one of the rule's diagnoses pointed to by the line.",
    "Point the line to a supporting diagnosis the payer lists, if documented.",
    "11",
)
UNITS = _info(
    "PAYER-UNITS",
    "payer-rule",
    "The claim bills more units of the codes than the payer allows per day or period "
    "(counted over the claim's own lines).",
    "Reduce the units to the payer's limit or attach the documentation the payer asks for.",
    "119",
)
REFERRING = _info(
    "PAYER-REFERRING",
    "payer-rule",
    "The payer requires a referring provider (2310A) for the code.",
    "Enter the referring provider's name and NPI (loop 2310A, NM1*DN).",
    "16",
)
POS = _info(
    "PAYER-POS",
    "payer-rule",
    "The payer does not accept the claim's place of service for the code.",
    "Check where the service was given; bill one of the places of service the rule allows.",
    "5",
)
SECONDARY = _info(
    "PAYER-SECONDARY",
    "payer-rule",
    "The payer takes secondary claims on paper (CMS-1500 with the primary's EOB), not "
    "electronically.",
    "Print the claim on a CMS-1500 and mail it with the primary payer's EOB.",
    "16",
)
FREQUENCY = _info(
    "PAYER-FREQUENCY",
    "payer-rule",
    "The payer does not accept the claim frequency code (CLM05-3) electronically.",
    "Use a frequency code the payer accepts, or send the correction as the payer asks "
    "(e.g. a reopening).",
    "16",
)

_BY_KIND = {
    "prior-auth": AUTH,
    "not-covered": NOT_COVERED,
    "modifier-required": MODIFIER,
    "diagnosis-required": DIAGNOSIS,
    "units-limit": UNITS,
    "referring-provider": REFERRING,
    "place-of-service": POS,
    "secondary-claims": SECONDARY,
    "frequency-codes": FREQUENCY,
}


def info_for(kind: str) -> RuleInfo:
    """The catalogue entry findings of a rule ``kind`` carry."""
    return _BY_KIND[kind]


def catalogue_rows(rules: Iterable[PayerRule]) -> list[dict[str, object]]:
    """The payer rules as catalogue rows (``scrub --catalogue`` and the app's page):
    the rule's own id, its kind and the kind's catalogue id, payers, dates, citation."""
    rows: list[dict[str, object]] = []
    for r in rules:
        info = _BY_KIND[r.kind]
        rows.append(
            {
                "id": r.id,
                "category": info.category,
                "severity": r.severity,
                "meaning": r.meaning or f"{r.kind} ({info.id})",
                "fix": r.fix,
                "source": r.citation,
                "carc": r.carc or info.carc,
                "payer": True,
                "payers": ", ".join(r.payers),
                "kind": r.kind,
                "kind_id": info.id,
                "effective": r.effective,
                "end": r.end,
            }
        )
    return rows


def _finding(rule: PayerRule, claim: ScrubClaim, what: str, line: int | None) -> Finding:
    info = _BY_KIND[rule.kind]
    why = f" ({rule.meaning})" if rule.meaning else ""
    return Finding(
        rule=info.id,
        category=info.category,
        severity=rule.severity,
        claim_id=claim.claim_id,
        line=line,
        message=f"{what}{why} [payer rule {rule.id}]",
        fix=rule.fix,
        source=f"{rule.citation} (payer rule {rule.id})",
        carc=rule.carc or info.carc,
    )


def _dos(ln: ServiceLine | None, claim: ScrubClaim, ctx: ScrubContext) -> dt.date:
    if ln is not None and ln.service_date is not None:
        return ln.service_date
    return claim.first_service_date() or ctx.as_of


def _lines(rule: PayerRule, claim: ScrubClaim, ctx: ScrubContext) -> list[ServiceLine]:
    if rule.place_of_service and claim.place_of_service not in rule.place_of_service:
        return []
    return [
        ln
        for ln in claim.lines
        if rule.matches_code(ln.procedure) and rule.in_force(_dos(ln, claim, ctx))
    ]


def _payer(claim: ScrubClaim) -> str:
    return claim.payer.name or claim.payer.id


def _check(rule: PayerRule, claim: ScrubClaim, ctx: ScrubContext) -> Iterator[Finding]:
    kind, payer = rule.kind, _payer(claim)
    if kind in ("secondary-claims", "frequency-codes"):
        if not rule.in_force(_dos(None, claim, ctx)):
            return
        if kind == "secondary-claims":
            if rule.send == "paper" and claim.payer_responsibility not in ("", "P"):
                yield _finding(
                    rule,
                    claim,
                    f"{payer} takes secondary claims on paper; this claim is billed as "
                    f"payer responsibility {claim.payer_responsibility} (SBR01).",
                    None,
                )
        elif claim.frequency_code not in rule.accepted:
            yield _finding(
                rule,
                claim,
                f"{payer} accepts frequency codes {', '.join(rule.accepted)}; the claim "
                f"has {claim.frequency_code or 'none'} (CLM05-3).",
                None,
            )
        return
    lines = _lines(rule, claim, ctx)
    if not lines:
        return
    codes = ", ".join(sorted({ln.procedure for ln in lines}))
    if kind == "prior-auth":
        if not claim.prior_auth.strip():
            yield _finding(
                rule,
                claim,
                f"{payer} requires prior authorization for {codes}; the claim has no "
                "REF*G1 authorization number.",
                lines[0].number,
            )
    elif kind == "not-covered":
        for ln in lines:
            yield _finding(
                rule, claim, f"Line {ln.number}: {payer} does not cover {ln.procedure}.", ln.number
            )
    elif kind == "modifier-required":
        where = f" for POS {claim.place_of_service}" if rule.place_of_service else ""
        for ln in lines:
            if not set(ln.modifiers).intersection(rule.modifiers):
                yield _finding(
                    rule,
                    claim,
                    f"Line {ln.number} ({ln.procedure}): {payer} requires modifier "
                    f"{' or '.join(rule.modifiers)}{where}.",
                    ln.number,
                )
    elif kind == "diagnosis-required":
        for ln in lines:
            pointed = [
                claim.diagnoses[p - 1] for p in ln.dx_pointers if 0 < p <= len(claim.diagnoses)
            ]
            if not any(rule.matches_dx(d) for d in pointed):
                yield _finding(
                    rule,
                    claim,
                    f"Line {ln.number} ({ln.procedure}): {payer} pays it only with a "
                    "diagnosis the rule lists; the line points to "
                    f"{', '.join(pointed) or 'none'}.",
                    ln.number,
                )
    elif kind == "units-limit":
        yield from _units(rule, claim, ctx, lines)
    elif kind == "referring-provider":
        if not claim.referring_npi.strip():
            yield _finding(
                rule,
                claim,
                f"{payer} requires a referring provider for {codes}; the claim names none (2310A).",
                lines[0].number,
            )
    elif kind == "place-of-service" and claim.place_of_service not in rule.allowed:
        yield _finding(
            rule,
            claim,
            f"{payer} accepts {codes} only in place of service "
            f"{', '.join(rule.allowed)}; the claim has {claim.place_of_service or 'none'}.",
            lines[0].number,
        )


def _units(
    rule: PayerRule, claim: ScrubClaim, ctx: ScrubContext, lines: list[ServiceLine]
) -> Iterator[Finding]:
    days = rule.per_days()
    by_date: dict[dt.date, Decimal] = defaultdict(Decimal)
    for ln in lines:
        by_date[_dos(ln, claim, ctx)] += ln.units
    dates = sorted(by_date)
    if days == 0:
        windows = [(dates[0], sum(by_date.values(), Decimal(0)))]
    else:
        windows = [
            (d, sum((u for e, u in by_date.items() if d <= e < d + dt.timedelta(days)), Decimal(0)))
            for d in dates
        ]
    for start, total in windows:
        if total > rule.units:
            period = "the claim" if days == 0 else ("day" if days == 1 else f"{days} days")
            yield _finding(
                rule,
                claim,
                f"{total} units of {', '.join(sorted({ln.procedure for ln in lines}))} from "
                f"{start} ({period}); {_payer(claim)} allows {rule.units} per {period}.",
                None,
            )
            return


@register(
    "payer_rules",
    AUTH,
    NOT_COVERED,
    MODIFIER,
    DIAGNOSIS,
    UNITS,
    REFERRING,
    POS,
    SECONDARY,
    FREQUENCY,
)
def check_payer_rules(claim: ScrubClaim, ctx: ScrubContext) -> Iterator[Finding]:
    for rule in ctx.payer_rules:
        if rule.applies_to_payer(claim.payer.id, claim.payer.profile, claim.payer.name):
            yield from _check(rule, claim, ctx)
