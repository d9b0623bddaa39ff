"""Labels of the codes the front desk meets: service types (EQ01/EB03, X12 element
1365), benefit periods (EB06, element 615), and the AAA reject reasons (AAA03,
element 901) and follow-up actions (AAA04, element 889) in plain words with what
to do. Names as in the X12 5010 element code lists (checked by a test against
``../shared/data/codes/x12_5010_element_code_lists.csv``); the advice is ours."""

from __future__ import annotations

__all__ = [
    "DEFAULT_SERVICE_TYPES",
    "FOLLOW_UP",
    "PERIODS",
    "REJECT_REASONS",
    "SERVICE_TYPES",
    "service_type_label",
]

#: EQ01 when nothing else is chosen: 30 Health Benefit Plan Coverage.
DEFAULT_SERVICE_TYPES: tuple[str, ...] = ("30",)

#: The service types a physician practice asks about (element 1365), in menu order.
SERVICE_TYPES: dict[str, str] = {
    "30": "Health Benefit Plan Coverage",
    "98": "Professional (Physician) Visit - Office",
    "1": "Medical Care",
    "33": "Chiropractic",
    "35": "Dental Care",
    "47": "Hospital",
    "48": "Hospital - Inpatient",
    "50": "Hospital - Outpatient",
    "86": "Emergency Services",
    "88": "Pharmacy",
    "MH": "Mental Health",
    "AL": "Vision (Optometry)",
    "UC": "Urgent Care",
    "4": "Diagnostic X-Ray",
    "5": "Diagnostic Lab",
    "73": "Diagnostic Medical",
    "81": "Routine Physical",
    "BZ": "Physician Visit - Office: Well",
    "A7": "Psychiatric - Inpatient",
    "AE": "Physical Medicine",
    "PT": "Physical Therapy",
}

#: EB06 Time Period Qualifier, the values a 271 uses for totals and what remains.
PERIODS: dict[str, str] = {
    "6": "hour",
    "7": "day",
    "21": "years",
    "22": "service year",
    "23": "calendar year",
    "24": "year to date",
    "25": "contract",
    "26": "episode",
    "27": "visit",
    "28": "outlier",
    "29": "remaining",
    "30": "exceeded",
    "31": "not exceeded",
    "32": "lifetime",
    "33": "lifetime remaining",
    "34": "month",
    "35": "week",
    "36": "admission",
}

#: AAA03 Reject Reason Code: (the reason in plain words, what the front desk does).
REJECT_REASONS: dict[str, tuple[str, str]] = {
    "04": ("Authorized quantity exceeded.", "Ask about fewer service types at a time."),
    "15": (
        "Required application data missing.",
        "Check the patient's name, birth date and member id on file and send again.",
    ),
    "41": (
        "The payer restricts who may ask (authorization/access restrictions).",
        "Ask the payer (portal or phone) or check the practice's enrolment for eligibility.",
    ),
    "42": (
        "The payer cannot answer at the moment.",
        "Try again later; if the visit is today, check on the payer's portal.",
    ),
    "43": (
        "The provider id (NPI) sent is invalid or missing.",
        "Check the practice's NPI and its enrolment with the payer.",
    ),
    "50": (
        "This provider may not make eligibility inquiries with the payer.",
        "Enrol the practice for electronic eligibility with the payer, or use its portal.",
    ),
    "51": (
        "The payer does not have the provider on file.",
        "Check the NPI sent and the practice's enrolment with the payer.",
    ),
    "56": (
        "The date asked about is not appropriate.",
        "Ask about the visit day (not before the plan's inquiry window).",
    ),
    "57": (
        "The date of service is invalid or missing.",
        "Ask again with the visit day.",
    ),
    "58": (
        "The birth date is invalid or missing.",
        "Check the patient's (or subscriber's) birth date against the card.",
    ),
    "62": (
        "The date of service is outside the period the payer answers for.",
        "Ask about a day within the payer's window (usually not in the future, "
        "not before last year).",
    ),
    "63": ("The date of service is in the future.", "Ask again on or near the visit day."),
    "64": ("The patient id is invalid or missing.", "Check the member id on the card."),
    "65": ("The patient name is invalid or missing.", "Check the name as on the card."),
    "67": (
        "The payer did not find the patient.",
        "Check the name, birth date and member id on the card; ask for a new card.",
    ),
    "71": (
        "The birth date does not match the payer's records.",
        "Confirm the birth date with the patient and the card; correct the record.",
    ),
    "72": (
        "The subscriber's member id is invalid or missing.",
        "Check the member id on the card (prefix and suffix included).",
    ),
    "73": (
        "The subscriber's name is invalid or missing.",
        "Check the subscriber's name as on the card.",
    ),
    "75": (
        "The payer did not find the subscriber.",
        "Check member id, name and birth date; the patient may have another plan.",
    ),
    "76": (
        "The payer has the subscriber's id more than once.",
        "Send the subscriber's name and birth date with the member id.",
    ),
    "78": (
        "The subscriber is not in the group plan named.",
        "Check the group number on the card.",
    ),
    "79": (
        "The payer cannot identify the inquiry's participants (invalid participant id).",
        "Check the payer id and the practice's submitter id with the clearinghouse.",
    ),
    "80": (
        "No response came from the payer; the transaction was stopped.",
        "Try again later.",
    ),
}

#: AAA04 Follow-up Action Code (element 889).
FOLLOW_UP: dict[str, str] = {
    "C": "Please correct and resubmit",
    "N": "Resubmission not allowed",
    "P": "Please resubmit original transaction",
    "R": "Resubmission allowed",
    "S": "Do not resubmit; inquiry initiated to a third party",
    "W": "Please wait 30 days and resubmit",
    "X": "Please wait 10 days and resubmit",
    "Y": "Do not resubmit; we will hold your request and respond again shortly",
}


def service_type_label(code: str) -> str:
    """The label of a service type code; the code itself when it is not in the menu."""
    return SERVICE_TYPES.get(code, code)
