"""Run every registered rule over a claim; build the report the CLI and API return."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice

from cleanclaim.edits.claim import ScrubClaim
from cleanclaim.edits.context import ScrubContext
from cleanclaim.edits.finding import FileFinding, Finding
from cleanclaim.edits.registry import all_rules

__all__ = ["ClaimResult", "ScrubResult", "report", "scrub_claim", "scrub_claims"]


@dataclass(frozen=True, slots=True)
class ClaimResult:
    claim_id: str
    findings: tuple[Finding, ...]

    @property
    def has_error(self) -> bool:
        return any(f.severity == "error" for f in self.findings)


@dataclass(frozen=True, slots=True)
class ScrubResult:
    """One document scrubbed: each claim's findings, and the findings about the file,
    its groups and sets (each once, see :class:`~cleanclaim.edits.finding.FileFinding`)."""

    claims: list[ClaimResult]
    findings: list[FileFinding] = field(default_factory=list)


def _order(f: Finding) -> tuple[int, int, str]:
    return (0 if f.severity == "error" else 1, f.line or 0, f.rule)


#: Findings one check reports for one claim; past it, one more finding says that more
#: are not listed, and the check is not run further (a claim of 100,000 duplicate
#: lines gives 21 findings, not 100,000).
MAX_FINDINGS_PER_CHECK = 20


def _more(last: Finding) -> Finding:
    return Finding(
        rule=last.rule,
        category=last.category,
        severity=last.severity,
        claim_id=last.claim_id,
        line=None,
        message=f"More findings of this check on the claim are not listed (the first "
        f"{MAX_FINDINGS_PER_CHECK} are); correct those and scrub the claim again.",
        fix=last.fix,
        source=last.source,
        carc=last.carc,
    )


def scrub_claim(claim: ScrubClaim, ctx: ScrubContext, extra: Iterable[Finding] = ()) -> ClaimResult:
    """All findings for one claim, errors first; ``extra`` carries reader (syntax) findings.
    Each check reports at most :data:`MAX_FINDINGS_PER_CHECK` findings per claim."""
    found = list(extra)
    for rule in all_rules():
        n = len(found)
        found.extend(islice(rule.check(claim, ctx), MAX_FINDINGS_PER_CHECK + 1))
        if len(found) - n > MAX_FINDINGS_PER_CHECK:
            found[-1] = _more(found[-2])
    if len(found) > 1:
        found.sort(key=_order)
    return ClaimResult(claim.claim_id, tuple(found))


def scrub_claims(claims: Iterable[ScrubClaim], ctx: ScrubContext) -> list[ClaimResult]:
    return [scrub_claim(c, ctx) for c in claims]


def report(results: list[ClaimResult], findings: Sequence[FileFinding] = ()) -> dict[str, object]:
    """The JSON shape of issue 5, ``{"claims": [...], "findings": [...], "summary": {...}}``:
    ``findings`` are those about the file, a group or a set (reported once each, with
    ``scope``, ``count`` and ``positions``); ``by_category`` counts every reported
    finding once; ``file_findings`` / ``file_errors`` count those outside the claims."""
    by_cat: Counter[str] = Counter()
    for r in results:
        for f in r.findings:
            by_cat[f.category] += 1
    for ff in findings:
        by_cat[ff.finding.category] += 1
    return {
        "claims": [
            {"claim_id": r.claim_id, "findings": [f.as_dict() for f in r.findings]} for r in results
        ],
        "findings": [ff.as_dict() for ff in findings],
        "summary": {
            "claims": len(results),
            "clean": sum(1 for r in results if not r.findings),
            "with_errors": sum(1 for r in results if r.has_error),
            "file_findings": len(findings),
            "file_errors": sum(1 for ff in findings if ff.finding.severity == "error"),
            "by_category": dict(sorted(by_cat.items())),
        },
    }
