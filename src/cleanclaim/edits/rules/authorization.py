"""``auth``: the claim against the prior authorizations on file (only in the app, which
hands them in as ``ScrubContext.authorizations``; :mod:`cleanclaim.edits.authorization`).

Which codes need an authorization is the payer's rule (payer rule kind ``prior-auth``,
docs/payer-rules.md), in force on the line's date of service. For each such line:

* AUTH-001 no authorization on file with the payer covers the code (or only a denied
  or still requested one) — CARC 197, precertification/authorization absent;
* AUTH-002 the authorizations covering the code are expired, or not valid on the date
  of service — CARC 197;
* AUTH-004 the authorization named on the claim (REF*G1) does not cover the code or its
  modifier — CARC 197 with remark N54 (claim inconsistent with the authorized services).

For the claim: AUTH-003 the lines an authorization covers bill more units than it has
left — CARC 198, precertification/authorization exceeded; AUTH-005 the claim's
authorization number is not one on file with the payer — CARC 197 with remark M62
(CARC 15, "authorization number missing or invalid", is deactivated in the published
list); a warning: a number given by phone may not be recorded yet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

from cleanclaim.edits.authorization import AuthorizationFact
from cleanclaim.edits.claim import ScrubClaim, ServiceLine
from cleanclaim.edits.context import ScrubContext
from cleanclaim.edits.finding import Finding, RuleInfo
from cleanclaim.edits.registry import register

SOURCE = "Prior authorizations on file, with the payer's prior-auth rules"

NONE_ON_FILE = RuleInfo(
    "AUTH-001",
    "auth",
    "error",
    "The payer requires prior authorization for the code and no approved authorization "
    "on file covers it.",
    "Request the authorization from the payer (278, portal or phone) and record it on the "
    "patient's authorizations before sending the claim.",
    SOURCE,
    "197",
)
EXPIRED = RuleInfo(
    "AUTH-002",
    "auth",
    "error",
    "The authorization covering the code is expired or not valid on the date of service.",
    "Ask the payer to extend the authorization (or for a new one) covering the date of "
    "service, and record it.",
    SOURCE,
    "197",
)
UNITS = RuleInfo(
    "AUTH-003",
    "auth",
    "error",
    "The claim bills more units of the authorized services than the authorization has left.",
    "Ask the payer for more units or visits and record them on the authorization, or bill "
    "only the units authorized.",
    SOURCE,
    "198",
)
NOT_COVERED = RuleInfo(
    "AUTH-004",
    "auth",
    "error",
    "The authorization named on the claim (REF*G1) does not cover the service (code or "
    "modifier); the payer answers CARC 197 with remark N54.",
    "Put the number of the authorization that covers the service on the claim, or ask the "
    "payer to add the service to the authorization.",
    SOURCE,
    "197",
)
UNKNOWN_NUMBER = RuleInfo(
    "AUTH-005",
    "auth",
    "warning",
    "The claim's authorization number (REF*G1) is not one on file with the payer; the "
    "payer answers CARC 197 with remark M62 (invalid treatment authorization code).",
    "Check the number with the payer and record the authorization, or correct the number.",
    SOURCE,
    "197",
)


def _dos(ln: ServiceLine, claim: ScrubClaim, ctx: ScrubContext) -> dt.date:
    return ln.service_date or claim.first_service_date() or ctx.as_of


def _needs_auth(ln: ServiceLine, claim: ScrubClaim, ctx: ScrubContext) -> bool:
    day = _dos(ln, claim, ctx)
    return any(
        r.kind == "prior-auth"
        and r.applies_to_payer(claim.payer.id, claim.payer.profile, claim.payer.name)
        and r.in_force(day)
        and r.matches_code(ln.procedure)
        and (not r.place_of_service or claim.place_of_service in r.place_of_service)
        for r in ctx.payer_rules
    )


def _where(f: AuthorizationFact) -> str:
    return f"{SOURCE}: {f.label}" if f.label else SOURCE


@register("authorization", NONE_ON_FILE, EXPIRED, UNITS, NOT_COVERED, UNKNOWN_NUMBER)
def check_authorizations(claim: ScrubClaim, ctx: ScrubContext) -> Iterator[Finding]:
    source = ctx.authorizations
    if source is None:
        return
    cid = claim.claim_id
    facts = list(source.for_payer(claim.payer.id))
    number = claim.prior_auth.strip()
    named = next((f for f in facts if f.number.strip().upper() == number.upper()), None)
    if number and named is None:
        yield UNKNOWN_NUMBER.finding(
            cid,
            f"The claim names authorization {number} (REF*G1); no authorization with that "
            f"number is on file with {claim.payer.name or claim.payer.id}.",
        )
    used: dict[str, tuple[AuthorizationFact, Decimal, list[int]]] = {}
    for ln in claim.lines:
        day = _dos(ln, claim, ctx)
        code = ln.procedure
        if named is not None and named.covers(code, ln.modifiers):
            chosen: AuthorizationFact | None = named
        else:
            chosen = next(
                (
                    f
                    for f in facts
                    if f.status == "approved" and f.valid_on(day) and f.covers(code, ln.modifiers)
                ),
                None,
            )
        if chosen is not None and chosen.status == "approved" and chosen.valid_on(day):
            have = used.get(chosen.number)
            units = (have[1] if have else Decimal(0)) + ln.units
            used[chosen.number] = (chosen, units, [*(have[2] if have else []), ln.number])
            continue
        if not _needs_auth(ln, claim, ctx) and chosen is None:
            continue
        covering = [f for f in facts if f.covers(code, ln.modifiers)]
        if chosen is not None or any(f.status in ("approved", "expired") for f in covering):
            f = chosen or next(f for f in covering if f.status in ("approved", "expired"))
            yield EXPIRED.finding(
                cid,
                f"Line {ln.number} ({code}) on {day}: authorization {f.number} is "
                f"{f.status}, valid {f.start} to {f.end}.",
                line=ln.number,
                source=_where(f),
            )
        elif named is not None:
            yield NOT_COVERED.finding(
                cid,
                f"Line {ln.number} ({code}{'-' + '-'.join(ln.modifiers) if ln.modifiers else ''})"
                f": authorization {named.number} on the claim does not cover it.",
                line=ln.number,
                source=_where(named),
            )
        else:
            status = ", ".join(sorted({f"{f.number} {f.status}" for f in covering}))
            on_file = f" (on file: {status})" if status else ""
            yield NONE_ON_FILE.finding(
                cid,
                f"Line {ln.number} ({code}) on {day}: "
                f"{claim.payer.name or claim.payer.id} requires prior authorization and no "
                f"approved authorization on file covers it{on_file}.",
                line=ln.number,
            )
    for fact, units, lines in used.values():
        if fact.remaining is not None and units > fact.remaining:
            yield UNITS.finding(
                cid,
                f"Lines {', '.join(map(str, lines))} bill {units} units under authorization "
                f"{fact.number}; {fact.remaining} of {fact.authorized} are left.",
                line=lines[0],
                source=_where(fact),
            )
