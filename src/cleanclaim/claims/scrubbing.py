"""Scrub claims with the scrubber the app uses (the same rules, reference data, payer
limits and payer rules as an uploaded file: :mod:`cleanclaim.scrubbing.actions`).

A claim is mapped once, to the engine's 837P claim (:func:`cleanclaim.claims.x837p.to_837p`),
and the scrubber reads it through its one adapter
(:func:`cleanclaim.edits.x12_adapter.from_x12_claim`). The context (reference data, the
organisation's payer limits and rules) is made once per practice and date and reused for
every claim scrubbed with it; the coverage on file is the claim's patient's.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cleanclaim.claims.models import Claim
from cleanclaim.claims.x837p import to_837p
from cleanclaim.coding.service import store
from cleanclaim.edits import ClaimResult, scrub_claim
from cleanclaim.edits.claim import normalize_dx
from cleanclaim.edits.context import ScrubContext
from cleanclaim.edits.coverage import CoverageTable
from cleanclaim.edits.refdata import context_from_refdata
from cleanclaim.edits.x12_adapter import from_x12_claim
from cleanclaim.payerrules.models import RuleSet
from cleanclaim.payerrules.service import current_rules
from cleanclaim.payers.deadlines import limits_by_payer_id
from cleanclaim.practices.models import Practice
from cleanclaim.scrubbing.coverage import coverage_period
from cleanclaim.x12.x222a1_837p.view import Claim as X12Claim

__all__ = ["context_for", "finding_json", "not_billable", "scrub"]


def context_for(practice: Practice, as_of: dt.date) -> ScrubContext:
    """The scrub context of ``practice``'s claims scrubbed on ``as_of``: loaded reference
    data, its organisation's payer limits (with the practice's overrides) and payer rules
    (the packaged starter rules while the organisation keeps none)."""
    s = store()
    ctx = context_from_refdata(as_of, root=s.root, codes=s)
    ctx.payer_limits = limits_by_payer_id(practice.organisation, practice)
    if RuleSet.objects.filter(organisation_id=practice.organisation_id).exists():
        ctx.payer_rules = current_rules(practice.organisation_id)
    return ctx


def not_billable(diagnoses: list[str], dos: dt.date) -> frozenset[str]:
    """The diagnoses (as typed) that ICD-10-CM on ``dos`` has but marks not billable
    (header codes, codes lacking a 7th character), as the scrubber's DX-NB rules see them;
    codes unknown or unparsable are left to DX-INV."""
    s = store()
    out: set[str] = set()
    for raw in diagnoses:
        try:
            code = normalize_dx(raw)
        except ValueError:
            continue
        lk = s.lookup("icd10cm", code, dos)
        known = lk is not None and lk.coverage in ("ok", "stale") and lk.code is not None
        if known and lk is not None and lk.code is not None and not lk.code.billable:
            out.add(raw)
    return frozenset(out)


def _coverage(claim: Claim) -> CoverageTable:
    account = claim.patient.account_number
    return CoverageTable([coverage_period(c, account) for c in claim.patient.coverages.all()])


def scrub(
    claim: Claim,
    ctx: ScrubContext,
    *,
    view: X12Claim | None = None,
    coverage: Any = None,
    eligibility: Any = None,
) -> ClaimResult:
    """The scrubber's findings for ``claim`` (errors first). ``view``: the claim already
    mapped by :func:`~cleanclaim.claims.x837p.to_837p`; ``coverage``: a coverage source
    to use instead of the patient's coverage on file; ``eligibility``: an eligibility
    source instead of the payers' answers on file (:mod:`cleanclaim.eligibility.scrubbing`)."""
    from cleanclaim.authorizations.scrubbing import authorizations_on_file
    from cleanclaim.eligibility.scrubbing import eligibility_on_file

    mapped = view if view is not None else to_837p(claim)
    ctx.coverage = coverage if coverage is not None else _coverage(claim)
    ctx.eligibility = eligibility if eligibility is not None else eligibility_on_file(claim.patient)
    ctx.authorizations = authorizations_on_file(claim)
    return scrub_claim(from_x12_claim(mapped, source=f"claim {claim.number}"), ctx)


def finding_json(f: Any) -> dict[str, Any]:
    """A finding as the event log and the API keep it."""
    return {
        "id": f.rule,
        "severity": f.severity,
        "category": f.category,
        "line": f.line,
        "message": f.message,
        "fix": f.fix,
        "source": f.source,
        "carc": f.carc,
    }
