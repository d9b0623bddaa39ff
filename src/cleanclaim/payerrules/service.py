"""Reading payer rule sets for the scrubber and the pages: the organisation's current
rules, a preview of a draft (payer-rule and auth findings before and after), and the
diff between two versions."""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from cleanclaim.edits import Payer as ClaimPayer
from cleanclaim.edits import Provider, ScrubClaim, ServiceLine, scrub_claim
from cleanclaim.edits.claim import PROFILE_BY_FILING_INDICATOR, Address, Patient
from cleanclaim.edits.context import ScrubContext
from cleanclaim.edits.finding import Finding
from cleanclaim.edits.payer_rules_lang import PayerRule, RulesError, parse_rules
from cleanclaim.payerrules.models import RuleSet, RuleVersion
from cleanclaim.payers.models import Payer

PAYER_CATEGORIES = ("payer-rule", "auth")


def current_rules(organisation_id: int, *, skip_payer: int | None = None) -> list[PayerRule]:
    """Every rule of the organisation's current rule sets (each payer's latest version;
    versions are checked when saved), but those of payer ``skip_payer``."""
    out: list[PayerRule] = []
    sets = RuleSet.objects.filter(organisation_id=organisation_id).select_related("payer")
    for rs in sets.exclude(payer_id=skip_payer) if skip_payer else sets:
        v = rs.current()
        if v is not None:
            out.extend(parse_rules(v.text, where=f"of {rs.payer.payer_id} v{v.number}"))
    return out


def rules_for(user: Any) -> list[PayerRule] | None:
    """The payer rules the scrubber uses for ``user``'s organisation: its current rule
    sets; None (the packaged starter rules) while the organisation keeps none."""
    org = getattr(user, "organisation_id", None)
    if org is None or not RuleSet.objects.filter(organisation_id=org).exists():
        return None
    return current_rules(org)


def current_version(payer: Payer) -> RuleVersion | None:
    rs = RuleSet.objects.filter(payer=payer).first()
    return rs.current() if rs else None


def sample_claims(payer: Payer, as_of: dt.date) -> list[ScrubClaim]:
    """Demo claims to the payer, dated ``as_of``: an office visit, a telehealth visit,
    physical therapy (4 units, 97110) and a lumbar MRI (72148) — what a practice bills
    most days, for the preview to show what a draft rule would catch."""
    profile = PROFILE_BY_FILING_INDICATOR.get(payer.filing_indicator, "")
    who = ClaimPayer(payer.name, payer.payer_id, profile)
    bp = Provider(
        "1234567893", "DEMO CLINIC", Address("1 MAIN ST", "", "PORTLAND", "OR", "972011234")
    )
    pat = Patient("DEMO PATIENT", dt.date(1970, 1, 1), "F", "DEMO000001")

    def claim(cid: str, pos: str, *lines: tuple[str, int, tuple[str, ...]]) -> ScrubClaim:
        sl = tuple(
            ServiceLine(i, code, mods, Decimal("100.00"), Decimal(units), (1,), as_of)
            for i, (code, units, mods) in enumerate(lines, start=1)
        )
        return ScrubClaim(
            claim_id=cid,
            total_charge=sum((ln.charge for ln in sl), Decimal(0)),
            lines=sl,
            diagnoses=("M54.50",),
            place_of_service=pos,
            billing_provider=bp,
            rendering_npi="1245319599",
            subscriber_id=pat.member_id,
            patient=pat,
            payer=who,
            filing_indicator=payer.filing_indicator,
            payer_responsibility="P",
        )

    return [
        claim("SAMPLE-OFFICE", "11", ("99213", 1, ())),
        claim("SAMPLE-TELE", "02", ("99213", 1, ())),
        claim("SAMPLE-PT", "11", ("97110", 4, ("GP",)), ("97140", 2, ("GP",))),
        claim("SAMPLE-MRI", "22", ("72148", 1, ())),
        replace(claim("SAMPLE-SECONDARY", "11", ("99214", 1, ())), payer_responsibility="S"),
    ]


@dataclass(frozen=True)
class PreviewRow:
    claim_id: str
    before: list[Finding]
    after: list[Finding]

    @property
    def changed(self) -> bool:
        return [f.as_dict() for f in self.before] != [f.as_dict() for f in self.after]


def _payer_findings(claim: ScrubClaim, rules: list[PayerRule], as_of: dt.date) -> list[Finding]:
    ctx = ScrubContext(as_of=as_of, payer_rules=rules, filing_limits={})
    return [f for f in scrub_claim(claim, ctx).findings if f.category in PAYER_CATEGORIES]


def preview(
    current: list[PayerRule], draft: list[PayerRule], claims: list[ScrubClaim], as_of: dt.date
) -> list[PreviewRow]:
    """Each claim's payer-rule and auth findings with the current rules and the draft."""
    return [
        PreviewRow(c.claim_id, _payer_findings(c, current, as_of), _payer_findings(c, draft, as_of))
        for c in claims
    ]


def diff(a: str, b: str, a_name: str, b_name: str) -> list[dict[str, Any]]:
    """A unified diff as rows ``{"kind": "add"|"del"|"hunk"|"same"|"head", "text": ...}``
    (rendered with classes: no inline style)."""
    rows = []
    for line in difflib.unified_diff(
        a.splitlines(), b.splitlines(), a_name, b_name, lineterm="", n=3
    ):
        if line.startswith(("---", "+++")):
            kind = "head"
        elif line.startswith("@@"):
            kind = "hunk"
        elif line.startswith("+"):
            kind = "add"
        elif line.startswith("-"):
            kind = "del"
        else:
            kind = "same"
        rows.append({"kind": kind, "text": line})
    return rows


__all__ = [
    "RulesError",
    "current_rules",
    "current_version",
    "diff",
    "preview",
    "rules_for",
    "sample_claims",
]
