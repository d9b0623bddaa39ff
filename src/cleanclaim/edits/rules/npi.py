"""``npi``: an NPI that fails its length or Luhn check digit (CMS NPI standard,
45 CFR 162.406; check digit over the prefix 80840 + the first nine digits)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from cleanclaim.edits.claim import ScrubClaim
from cleanclaim.edits.context import ScrubContext
from cleanclaim.edits.finding import Finding, RuleInfo
from cleanclaim.edits.registry import register
from cleanclaim.npi import NPIError, is_valid_npi, validate_npi

SRC = "CMS NPI check digit (Luhn over 80840 + first 9 digits), 45 CFR 162.406"

BILLING = RuleInfo(
    "NPI-001",
    "npi",
    "error",
    "The billing provider's NPI is not a valid NPI (10 digits with a correct check digit).",
    "Re-enter the billing provider NPI from NPPES (loop 2010AA NM109).",
    SRC,
    "207",
)
RENDERING = RuleInfo(
    "NPI-002",
    "npi",
    "error",
    "A rendering provider's NPI is not a valid NPI.",
    "Re-enter the rendering provider NPI from NPPES (loop 2310B or 2420A NM109).",
    SRC,
    "207",
)


def _problem(npi: str) -> str | None:
    return None if is_valid_npi(npi) else _why(npi)


@lru_cache(maxsize=4096)
def _why(npi: str) -> str | None:
    try:
        validate_npi(npi)
    except NPIError as exc:
        return str(exc)
    return None


@register("npi", BILLING, RENDERING)
def check_npis(claim: ScrubClaim, ctx: ScrubContext) -> Iterator[Finding]:
    cid = claim.claim_id
    npi = claim.billing_provider.npi.strip()
    if npi and (why := _problem(npi)):
        yield BILLING.finding(cid, f"Billing provider: {why}.")
    if claim.rendering_npi and (why := _problem(claim.rendering_npi)):
        yield RENDERING.finding(cid, f"Rendering provider: {why}.")
    for ln in claim.lines:
        own = bool(ln.rendering_npi) and ln.rendering_npi != claim.rendering_npi
        if own and (why := _problem(ln.rendering_npi)):
            yield RENDERING.finding(
                cid, f"Line {ln.number} rendering provider: {why}.", line=ln.number
            )
