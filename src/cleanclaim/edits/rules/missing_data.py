"""``missing-data``: what the 837P guide or the payer requires and the claim lacks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from cleanclaim.edits.claim import ScrubClaim
from cleanclaim.edits.context import ScrubContext
from cleanclaim.edits.finding import Finding, RuleInfo
from cleanclaim.edits.registry import register

GUIDE = "ASC X12 005010X222A1 (837P)"

ZIP9 = RuleInfo(
    "MD-001",
    "missing-data",
    "error",
    "The billing provider's ZIP code is not the full nine-digit ZIP+4.",
    "Enter the billing provider's 9-digit ZIP+4 (N403 in loop 2010AA).",
    f"{GUIDE} 2010AA N403: the billing provider ZIP code must be 9 digits",
    "16",
)
F8 = RuleInfo(
    "MD-002",
    "missing-data",
    "error",
    "A replacement (frequency 7) or void (frequency 8) claim without the payer's "
    "original claim number.",
    "Add REF*F8 with the payer claim control number from the 835 or 277CA of the original claim.",
    f"{GUIDE} 2300 REF*F8: required when CLM05-3 is 7 or 8",
    "16",
)
SUBSCRIBER_ID = RuleInfo(
    "MD-003",
    "missing-data",
    "error",
    "The subscriber's member ID is missing.",
    "Enter the member ID exactly as on the insurance card (NM109 in loop 2010BA).",
    f"{GUIDE} 2010BA NM109 subscriber primary identifier (required)",
    "31",
)
PATIENT_DEMO = RuleInfo(
    "MD-004",
    "missing-data",
    "error",
    "The patient's date of birth or sex is missing.",
    "Enter the patient's date of birth and sex (DMG02, DMG03).",
    f"{GUIDE} 2010BA/2010CA DMG: required for the patient",
    "16",
)
NO_DX = RuleInfo(
    "MD-005",
    "missing-data",
    "error",
    "The claim has no diagnosis code.",
    "Code at least the principal diagnosis (HI*ABK).",
    f"{GUIDE} 2300 HI: the health care diagnosis code segment is required",
    "16",
)
NO_LINES = RuleInfo(
    "MD-006",
    "missing-data",
    "error",
    "The claim has no service lines, or a line has no procedure code.",
    "Add the procedure code (SV101-2) for every service line.",
    f"{GUIDE} 2400 SV1: at least one service line with a procedure code",
    "16",
)
PAYER = RuleInfo(
    "MD-007",
    "missing-data",
    "error",
    "The payer's name or identifier is missing.",
    "Select the payer so its name and payer ID are sent (NM1*PR in loop 2010BB).",
    f"{GUIDE} 2010BB NM103/NM109 payer name and identifier",
    "16",
)
LINE_DATE = RuleInfo(
    "MD-008",
    "missing-data",
    "error",
    "A service line has no date of service.",
    "Enter the date of service (DTP*472) for the line.",
    f"{GUIDE} 2400 DTP*472 service date (required)",
    "16",
)
BILLING_NPI = RuleInfo(
    "MD-009",
    "missing-data",
    "error",
    "The billing provider's NPI is missing.",
    "Enter the billing provider's NPI (NM109 in loop 2010AA).",
    f"{GUIDE} 2010AA NM109 billing provider identifier",
    "206",
)

_ZIP9 = re.compile(r"^\d{9}$")


@register(
    "missing_data",
    ZIP9,
    F8,
    SUBSCRIBER_ID,
    PATIENT_DEMO,
    NO_DX,
    NO_LINES,
    PAYER,
    LINE_DATE,
    BILLING_NPI,
)
def check_missing(claim: ScrubClaim, ctx: ScrubContext) -> Iterator[Finding]:
    cid = claim.claim_id
    zip_code = claim.billing_provider.address.zip.replace("-", "")
    if not _ZIP9.match(zip_code):
        shown = zip_code or "no ZIP"
        yield ZIP9.finding(cid, f"Billing provider ZIP is {shown!s}; the 837P needs all 9 digits.")
    if claim.frequency_code in ("7", "8") and not claim.original_claim_ref.strip():
        kind = "replacement" if claim.frequency_code == "7" else "void"
        yield F8.finding(
            cid,
            f"Claim frequency {claim.frequency_code} ({kind}) has no REF*F8 original claim number.",
        )
    if not claim.subscriber_id.strip():
        yield SUBSCRIBER_ID.finding(cid, "The subscriber member ID (2010BA NM109) is empty.")
    missing = [
        w for w, v in (("date of birth", claim.patient.dob), ("sex", claim.patient.sex)) if not v
    ]
    if missing:
        yield PATIENT_DEMO.finding(cid, f"Patient {' and '.join(missing)} missing.")
    if not claim.diagnoses:
        yield NO_DX.finding(cid, "No diagnosis code on the claim.")
    if not claim.lines:
        yield NO_LINES.finding(cid, "The claim has no service lines.")
    for ln in claim.lines:
        if not ln.procedure.strip():
            yield NO_LINES.finding(cid, f"Line {ln.number} has no procedure code.", line=ln.number)
        if ln.service_date is None:
            yield LINE_DATE.finding(
                cid, f"Line {ln.number} has no date of service.", line=ln.number
            )
    if not claim.payer.name.strip() or not claim.payer.id.strip():
        what = "name" if not claim.payer.name.strip() else "payer ID"
        yield PAYER.finding(cid, f"Payer {what} is missing.")
    if not claim.billing_provider.npi.strip():
        yield BILLING_NPI.finding(cid, "The billing provider has no NPI.")
