"""``eligibility``: the claim against the payer's latest eligibility answer (271) on file
(only in the app, which hands the answers in as ``ScrubContext.eligibility``).

ELIG-001 the coverage was inactive on a date of service (CARC 27: expenses incurred
after coverage terminated; the payer's own answer says so); ELIG-002 the claim's member
id differs from the one the payer answered with (CARC 31: patient cannot be identified
as our insured); ELIG-003 no eligibility answer on file for the member, ELIG-004 the
answer on file was asked before the date of service (stale) — warnings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from cleanclaim.edits.claim import ScrubClaim
from cleanclaim.edits.context import ScrubContext
from cleanclaim.edits.coverage import member_key
from cleanclaim.edits.finding import Finding, RuleInfo
from cleanclaim.edits.registry import register

SOURCE = "Eligibility (the payer's 271 answer on file)"

INACTIVE = RuleInfo(
    "ELIG-001",
    "coverage",
    "error",
    "The payer's latest eligibility answer says the coverage was inactive on a date of service.",
    "Check eligibility again for that date; bill the plan that covered the patient then, "
    "or the patient if none did.",
    SOURCE,
    "27",
)
MEMBER_ID = RuleInfo(
    "ELIG-002",
    "coverage",
    "error",
    "The claim's member id differs from the member id in the payer's eligibility answer.",
    "Apply the payer's member id to the coverage (the eligibility check offers it) and "
    "rebuild the claim.",
    SOURCE,
    "31",
)
NOT_CHECKED = RuleInfo(
    "ELIG-003",
    "coverage",
    "warning",
    "No eligibility answer is on file for the member.",
    "Check eligibility (270/271) for the date of service before sending the claim.",
    SOURCE,
    None,
)
STALE = RuleInfo(
    "ELIG-004",
    "coverage",
    "warning",
    "The eligibility answer on file was asked before the date of service.",
    "Check eligibility again for the date of service.",
    SOURCE,
    None,
)


@register("eligibility", INACTIVE, MEMBER_ID, NOT_CHECKED, STALE)
def check_eligibility(claim: ScrubClaim, ctx: ScrubContext) -> Iterator[Finding]:
    source = ctx.eligibility
    member = claim.subscriber_id.strip()
    if source is None or not member:
        return
    cid = claim.claim_id
    fact = source.latest(member)
    if fact is None:
        yield NOT_CHECKED.finding(cid, f"Member {member} has no eligibility answer on file.")
        return
    where = f"{SOURCE}: {fact.label}" if fact.label else SOURCE
    answered = fact.answered_member_id.strip()
    if answered and member_key(answered) != member_key(member):
        yield MEMBER_ID.finding(
            cid,
            f"The claim bills member id {member}; the payer answered with {answered} "
            f"(checked {fact.checked_on}).",
            source=where,
        )
    days = sorted({ln.service_date for ln in claim.lines if ln.service_date is not None})
    if fact.status in ("active", "inactive"):
        out = [d for d in days if not fact.active_on(d)]
        if out:
            lines = [ln.number for ln in claim.lines if ln.service_date in out]
            yield INACTIVE.finding(
                cid,
                f"Member {member}'s coverage was inactive on {', '.join(map(str, out))} "
                f"per the payer's answer of {fact.checked_on}.",
                line=lines[0] if lines else None,
                source=where,
            )
            return
    first: dt.date | None = days[0] if days else None
    if first is not None and fact.checked_on < first - dt.timedelta(days=1):
        yield STALE.finding(
            cid,
            f"Member {member}'s eligibility was last answered {fact.checked_on}, before the "
            f"date of service {first}.",
            source=where,
        )
