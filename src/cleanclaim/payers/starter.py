"""Starter knowledge: four payer profiles to adjust, each with its sources.

Medicare Part B's figures are federal regulation (cited to the CFR section); the
Oregon Health Plan's are Oregon's administrative rule for fee-for-service Medicaid;
the two commercial plans are invented examples of what a contract commonly says,
marked so, to be replaced with the figures of the practice's own contracts.
Payer ids are invented (no clearinghouse routes on them).
"""

from __future__ import annotations

from typing import Any

EXAMPLE_NOTE = (
    "Invented commercial plan: every figure is an example to replace with your contract's."
)

MEDICARE_B: dict[str, Any] = {
    "name": "Medicare Part B (demo MAC)",
    "payer_id": "DEMO01",
    "kind": "medicare_b",
    "submission": "electronic",
    "clearinghouse_connection": "demo clearinghouse",
    "eligibility_method": "realtime",
    "claim_status_method": "realtime",
    "corrected_claims_electronic": False,
    "corrected_claims_process": (
        "Reopening request to the MAC (clerical errors are reopenings, 42 CFR 405.980(a)(3))"
    ),
    "timely_amount": 12,
    "timely_unit": "months",
    "timely_citation": "42 CFR 424.44(a)(1): 1 calendar year after the date of service",
    "corrected_amount": 12,
    "corrected_unit": "months",
    "corrected_citation": (
        "42 CFR 405.980(b)(1): reopening for any reason within 1 year of the initial determination"
    ),
    "appeal_first_amount": 120,
    "appeal_first_unit": "days",
    "appeal_first_citation": (
        "42 CFR 405.942(a): redetermination within 120 days of receiving the initial determination"
    ),
    "appeal_second_amount": 180,
    "appeal_second_unit": "days",
    "appeal_second_citation": (
        "42 CFR 405.962(a): reconsideration within 180 days of receiving the redetermination"
    ),
    "notes": (
        "Federal figures (eCFR, title 42). Receipt of a notice is presumed 5 days after "
        "its date (42 CFR 405.942(a)(1), 405.962(a)(1)). The MAC, payer id and addresses "
        "are examples: use your jurisdiction's."
    ),
}

OREGON_MEDICAID: dict[str, Any] = {
    "name": "Oregon Health Plan (demo Medicaid)",
    "payer_id": "DEMO02",
    "kind": "medicaid",
    "submission": "electronic",
    "clearinghouse_connection": "demo clearinghouse",
    "eligibility_method": "portal",
    "claim_status_method": "portal",
    "timely_amount": 12,
    "timely_unit": "months",
    "timely_citation": "OAR 410-120-1300(1)(a): fee-for-service claims within 12 months of service",
    "secondary_amount": 6,
    "secondary_unit": "months",
    "secondary_citation": (
        "OAR 410-120-1300(1)(c): Medicare crossovers that fail to cross, 6 months from the "
        "Medicare EOMB date"
    ),
    "notes": (
        "Oregon Administrative Rules, chapter 410 division 120 (Oregon Secretary of State). "
        "A denied claim first sent within 12 months may be resubmitted within 18 months of "
        "the date of service (OAR 410-120-1300(2)). Members of a coordinated care "
        "organisation (CCO) follow the CCO's rules instead. "
        "Example for one state: confirm with your state's provider manual."
    ),
}

CASCADE: dict[str, Any] = {
    "name": "Cascade Health Insurance",
    "payer_id": "DEMO03",
    "kind": "commercial",
    "submission": "electronic",
    "clearinghouse_connection": "demo clearinghouse",
    "timely_amount": 180,
    "timely_unit": "days",
    "timely_citation": "example: provider agreement, claims submission clause (adjust)",
    "secondary_amount": 90,
    "secondary_unit": "days",
    "secondary_citation": "example: from the primary payer's payment date (adjust)",
    "corrected_amount": 180,
    "corrected_unit": "days",
    "corrected_citation": "example (adjust)",
    "appeal_first_amount": 180,
    "appeal_first_unit": "days",
    "appeal_first_citation": "example: provider manual, appeals chapter (adjust)",
    "appeal_second_amount": 60,
    "appeal_second_unit": "days",
    "appeal_second_citation": "example (adjust)",
    "notes": EXAMPLE_NOTE,
}

SUMMIT: dict[str, Any] = {
    "name": "Summit Mutual Health",
    "payer_id": "DEMO04",
    "kind": "commercial",
    "submission": "portal",
    "portal_url": "https://provider.summit-mutual.example/",
    "eligibility_method": "phone",
    "claim_status_method": "portal",
    "timely_amount": 90,
    "timely_unit": "days",
    "timely_citation": "example: participating provider contract (adjust)",
    "appeal_first_amount": 60,
    "appeal_first_unit": "days",
    "appeal_first_citation": "example (adjust)",
    "submission_hold": "example: held until the referral from the primary care provider arrives",
    "notes": EXAMPLE_NOTE,
}

#: Stable demo keys → profile.
PROFILES: dict[str, dict[str, Any]] = {
    "medicare": MEDICARE_B,
    "medicaid": OREGON_MEDICAID,
    "cascade": CASCADE,
    "summit": SUMMIT,
}
