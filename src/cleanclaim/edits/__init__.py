"""The claim scrubber: pure rules over a neutral claim, with reference data as of
the date of service. No Django import."""

from cleanclaim.edits.claim import Address, Patient, Payer, Provider, ScrubClaim, ServiceLine
from cleanclaim.edits.context import ScrubContext
from cleanclaim.edits.finding import CATEGORIES, FileFinding, Finding, RuleInfo
from cleanclaim.edits.registry import catalogue
from cleanclaim.edits.scrub import ClaimResult, ScrubResult, report, scrub_claim, scrub_claims

__all__ = [
    "CATEGORIES",
    "Address",
    "ClaimResult",
    "FileFinding",
    "Finding",
    "Patient",
    "Payer",
    "Provider",
    "RuleInfo",
    "ScrubClaim",
    "ScrubContext",
    "ScrubResult",
    "ServiceLine",
    "catalogue",
    "report",
    "scrub_claim",
    "scrub_claims",
]
