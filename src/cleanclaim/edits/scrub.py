"""Run every registered rule over a claim; build the report the CLI and API return."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice
from typing import Literal

from cleanclaim.edits.claim import ScrubClaim
from cleanclaim.edits.context import ScrubContext
from cleanclaim.edits.finding import FileFinding, Finding
from cleanclaim.edits.registry import all_rules

__all__ = [
    "ClaimResult",
    "EnvelopeErrors",
    "ScrubResult",
    "report",
    "scrub_claim",
    "scrub_claims",
]


@dataclass(frozen=True, slots=True)
class ClaimResult:
    """One claim's findings, and what a biller needs to find the claim: patient, member
    ID, payer, dates of service, total charge and the file (and set) it came from."""

    claim_id: str
    findings: tuple[Finding, ...]
    patient: str = ""
    member_id: str = ""
    payer: str = ""
    payer_id: str = ""
    service_from: dt.date | None = None
    service_to: dt.date | None = None
    total_charge: Decimal = Decimal(0)
    file: str = ""
    group: str = ""  # GS06, an 837P only
    set: str = ""  # ST02, an 837P only

    @property
    def has_error(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def header(self) -> dict[str, object]:
        """The claim's identifying fields as JSON values (money as a decimal string)."""
        return {
            "claim_id": self.claim_id,
            "patient": self.patient,
            "member_id": self.member_id,
            "payer": self.payer,
            "payer_id": self.payer_id,
            "service_from": self.service_from.isoformat() if self.service_from else None,
            "service_to": self.service_to.isoformat() if self.service_to else None,
            "total_charge": str(self.total_charge),
            "file": self.file,
            "set": self.set,
        }


def _result(claim: ScrubClaim, findings: tuple[Finding, ...]) -> ClaimResult:
    first, last = claim.service_span()
    return ClaimResult(
        claim.claim_id,
        findings,
        patient=claim.patient.name,
        member_id=claim.patient.member_id or claim.subscriber_id,
        payer=claim.payer.name,
        payer_id=claim.payer.id,
        service_from=first,
        service_to=last,
        total_charge=claim.total_charge,
        file=claim.file,
        group=claim.group,
        set=claim.set_control,
    )


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
    return _result(claim, tuple(found))


def scrub_claims(claims: Iterable[ScrubClaim], ctx: ScrubContext) -> list[ClaimResult]:
    return [scrub_claim(c, ctx) for c in claims]


Status = Literal["clean", "warnings", "errors"]


class EnvelopeErrors:
    """Where the file-, group- and set-level errors are: a claim inside an envelope with
    an error is rejected with it (a clearinghouse rejects the whole set), so it is
    counted with errors even when its own findings are clean."""

    def __init__(self, findings: Sequence[FileFinding]) -> None:
        self.files: set[str] = set()
        self.groups: set[tuple[str, str]] = set()
        self.sets: set[tuple[str, str, str]] = set()
        for ff in findings:
            if ff.finding.severity != "error":
                continue
            if ff.scope == "file":
                self.files.add(ff.file)
            elif ff.scope == "group":
                self.groups.add((ff.file, ff.group))
            else:
                self.sets.add((ff.file, ff.group, ff.set))

    def holds(self, r: ClaimResult) -> bool:
        return (
            r.file in self.files
            or (r.file, r.group) in self.groups
            or (r.file, r.group, r.set) in self.sets
        )

    def status(self, r: ClaimResult) -> Status:
        """``errors`` (its own or its envelope's), ``warnings`` only, or ``clean``."""
        if r.has_error or self.holds(r):
            return "errors"
        return "warnings" if r.findings else "clean"


def report(
    results: list[ClaimResult],
    findings: Sequence[FileFinding] = (),
    notices: Sequence[str] = (),
) -> dict[str, object]:
    """The JSON shape of issue 5, ``{"claims": [...], "findings": [...], "notices": [...],
    "summary": {...}}``: each claim with its identifying fields (:meth:`ClaimResult.header`),
    its ``status`` and findings; ``findings`` are those about the file, a group or a set
    (reported once each, with ``scope``, ``count`` and ``positions``); ``notices`` say once
    what could not be checked (:func:`cleanclaim.edits.notices.notices`); the summary
    counts claims ``clean``, with ``warnings_only`` and ``with_errors`` (a claim in a set,
    group or file with an error counts with errors); ``by_category`` counts every reported
    finding once; ``file_findings`` / ``file_errors`` count those outside the claims."""
    by_cat: Counter[str] = Counter()
    for r in results:
        for f in r.findings:
            by_cat[f.category] += 1
    for ff in findings:
        by_cat[ff.finding.category] += 1
    envelopes = EnvelopeErrors(findings)
    statuses = [envelopes.status(r) for r in results]
    return {
        "claims": [
            r.header() | {"status": st, "findings": [f.as_dict() for f in r.findings]}
            for r, st in zip(results, statuses, strict=True)
        ],
        "findings": [ff.as_dict() for ff in findings],
        "notices": list(notices),
        "summary": {
            "claims": len(results),
            "clean": statuses.count("clean"),
            "warnings_only": statuses.count("warnings"),
            "with_errors": statuses.count("errors"),
            "file_findings": len(findings),
            "file_errors": sum(1 for ff in findings if ff.finding.severity == "error"),
            "by_category": dict(sorted(by_cat.items())),
        },
    }
