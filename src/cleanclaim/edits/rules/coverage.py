"""``coverage``: the service falls outside the patient's coverage on file with the payer
billed (only where the practice's coverage records are known: the app hands them in as
``ScrubContext.coverage``; a member id it does not know is not judged).

CARC 26 (expenses incurred prior to coverage), 27 (after coverage terminated) and 109
(not covered by this payer: send it to the correct payer) are what the payer answers
when such a claim reaches it (X12 Claim Adjustment Reason Codes)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from cleanclaim.edits.claim import ScrubClaim
from cleanclaim.edits.context import ScrubContext
from cleanclaim.edits.coverage import CoveragePeriod, member_key
from cleanclaim.edits.finding import Finding, RuleInfo
from cleanclaim.edits.registry import register

SOURCE = "Coverage on file (the practice's patient coverage records)"

ENDED = RuleInfo(
    "COV-001",
    "coverage",
    "error",
    "A date of service is after the patient's coverage with the payer billed ended.",
    "Check eligibility for that date (270/271); bill the plan that covered the patient "
    "then, or the patient if none did, and update the coverage on file.",
    SOURCE,
    "27",
)
NOT_STARTED = RuleInfo(
    "COV-002",
    "coverage",
    "error",
    "A date of service is before the patient's coverage with the payer billed starts.",
    "Check eligibility for that date (270/271): bill the plan in force then, or correct "
    "the coverage's effective date on file.",
    SOURCE,
    "26",
)
OTHER_PAYER = RuleInfo(
    "COV-003",
    "coverage",
    "warning",
    "The claim goes to a payer that is not on any coverage on file for the member id.",
    "Send the claim to the payer of the patient's coverage, or add the new coverage to the "
    "patient's record after checking eligibility.",
    SOURCE,
    "109",
)


def _payer(p: CoveragePeriod) -> str:
    return f"{p.payer_name} ({p.payer_id})" if p.payer_name else p.payer_id


def _span(p: CoveragePeriod) -> str:
    return f"{p.effective} to {p.termination}" if p.termination else f"from {p.effective}"


@register("coverage", ENDED, NOT_STARTED, OTHER_PAYER)
def check_coverage(claim: ScrubClaim, ctx: ScrubContext) -> Iterator[Finding]:
    source = ctx.coverage
    if source is None or not claim.subscriber_id.strip():
        return
    periods = source.periods(claim.subscriber_id)
    if not periods:
        return  # a member the practice has no coverage on file for: not judged here
    cid = claim.claim_id
    member = claim.subscriber_id.strip()
    billed = member_key(claim.payer.id)
    mine = [p for p in periods if member_key(p.payer_id) == billed] if billed else list(periods)
    if not mine:
        on_file = "; ".join(f"{_payer(p)} {_span(p)}" for p in periods)
        yield OTHER_PAYER.finding(
            cid,
            f"The claim goes to {claim.payer.name or 'payer'} ({claim.payer.id}); member "
            f"{member}'s coverage on file is with {on_file}.",
            source=f"{SOURCE}: {', '.join(p.label for p in periods if p.label)}".rstrip(": "),
        )
        return
    # lines without a date are not judged (the missing-data rules report them)
    dated = [(ln.service_date, ln) for ln in claim.lines if ln.service_date is not None]
    ended: list[tuple[dt.date, int, str, CoveragePeriod]] = []
    early: list[tuple[dt.date, int, str, CoveragePeriod]] = []
    for day, ln in sorted(dated, key=lambda x: (x[0], x[1].number)):
        if any(p.active_on(day) for p in mine):
            continue
        before = [p for p in mine if p.termination is not None and p.termination < day]
        if before:
            last = max(before, key=lambda p: p.termination or day)
            ended.append((day, ln.number, ln.procedure, last))
        else:
            first = min(mine, key=lambda p: p.effective)
            early.append((day, ln.number, ln.procedure, first))
    for info, hits, how in ((ENDED, ended, "ended"), (NOT_STARTED, early, "starts")):
        if not hits:
            continue
        p = hits[0][3]
        when = p.termination if how == "ended" else p.effective
        lines = ", ".join(f"line {n} ({code}, {day})" for day, n, code, _ in hits)
        yield info.finding(
            cid,
            f"Member {member}'s coverage with {_payer(p)} {how} {when}: {lines} "
            f"{'is' if len(hits) == 1 else 'are'} outside it.",
            line=hits[0][1],
            source=f"{SOURCE}: {p.label}" if p.label else SOURCE,
        )
