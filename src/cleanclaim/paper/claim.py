"""The CMS-1500 (02/12) paper claim as plain data, and the checks it must pass.

Each field names its item number ("box") on the form. The content and format rules
cited here are those of the NUCC *1500 Health Insurance Claim Form Reference
Instruction Manual for Form Version 02/12* ("the manual"; nucc.org, Item Numbers 1 to
33), with the Medicare Claims Processing Manual (IOM 100-04), chapter 26, section 10.2
where the manual defers to the payer (no period in item 21's codes).

What the checks refuse, each problem naming its box: more than 12 diagnoses (item 21),
a pointer to a diagnosis that is not there (24E), money that is not a :class:`Decimal`,
is negative or has more than two decimal places (24F, 28, 29: dollars and cents
columns), identifiers and codes that do not fit their box or are malformed (1a, 22,
23, 24J, 26, 32a, 33a …). Free text (names, addresses, plan names, item 19) is cut to
the width of its box when printed: the form has no room for more.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

__all__ = [
    "INSURANCE_TYPES",
    "RELATIONSHIPS",
    "Address",
    "Cms1500Claim",
    "Cms1500Error",
    "Cms1500Line",
    "check",
    "total_charge",
]

#: Item 1: the boxes of the insurance type, left to right on the form.
INSURANCE_TYPES = ("medicare", "medicaid", "tricare", "champva", "group", "feca", "other")
#: Item 6: the patient's relationship to the insured.
RELATIONSHIPS = ("self", "spouse", "child", "other")
#: Item 14: 431 onset of current symptoms or illness, 484 last menstrual period.
ILLNESS_QUALIFIERS = ("", "431", "484")
#: Item 17: DN referring, DK ordering, DQ supervising provider.
REFERRING_QUALIFIERS = ("", "DN", "DK", "DQ")
#: Item 22: 7 replacement of a prior claim, 8 void/cancel of a prior claim.
RESUBMISSION_CODES = ("", "7", "8")
#: 24A shaded: the NDC unit of measure qualifiers (the manual, item 24, supplemental
#: information): international unit, gram, milligram, millilitre, unit.
NDC_UNITS = ("", "F2", "GR", "ME", "ML", "UN")

MAX_DIAGNOSES = 12
DIAGNOSIS_LETTERS = "ABCDEFGHIJKL"

_NPI = re.compile(r"\d{10}")
_ICD = re.compile(r"[A-Z0-9]{3,7}")
_CODE = re.compile(r"[A-Z0-9]{5}")
_MODIFIER = re.compile(r"[A-Z0-9]{2}")
_POS = re.compile(r"\d{2}")
_NDC = re.compile(r"\d{11}")
_TAX_ID = re.compile(r"\d{9}")
_STATE = re.compile(r"[A-Z]{2}")

#: The widest identifier each box holds (characters at 10 per inch, see layout).
WIDTHS = {"1a": 29, "11": 29, "9a": 28, "22": 18, "23": 29, "26": 14}


class Cms1500Error(ValueError):
    """A claim that cannot be printed as it stands; each problem names its box
    (``problems``: (box, message) pairs; the box is empty for a value the source
    file did not let us read, whose message says where it is)."""

    def __init__(self, problems: Sequence[tuple[str, str]], claim: str = "") -> None:
        self.problems = list(problems)
        self.claim = claim
        where = f"claim {claim}: " if claim else ""
        said = (f"box {box}: {msg}" if box else msg for box, msg in self.problems)
        super().__init__(where + "; ".join(said))


@dataclass(frozen=True, slots=True)
class Address:
    """Items 5, 7, 32 and 33: street, city, state, ZIP code and telephone."""

    street: str = ""
    city: str = ""
    state: str = ""
    zip: str = ""
    phone: str = ""  # digits; the area code is printed apart (items 5, 7, 33)


@dataclass(frozen=True, slots=True)
class Cms1500Line:
    """One service line of item 24 (24A-24J and its shaded supplemental line)."""

    date_from: dt.date  # 24A "From"
    procedure: str  # 24D CPT/HCPCS
    charge: Decimal  # 24F
    place_of_service: str  # 24B, two digits
    date_to: dt.date | None = None  # 24A "To" (the manual: re-enter "From" for one date)
    modifiers: tuple[str, ...] = ()  # 24D, up to four
    pointers: str = ""  # 24E: letters A-L, up to four, no commas or spaces
    units: Decimal = Decimal(1)  # 24G
    emergency: bool = False  # 24C EMG: "Y" when yes, else blank
    rendering_npi: str = ""  # 24J (unshaded)
    ndc: str = ""  # shaded 24A: "N4" + the 11-digit NDC
    ndc_unit: str = ""  # shaded: F2, GR, ME, ML or UN
    ndc_quantity: Decimal | None = None  # shaded: the quantity after the unit


@dataclass(slots=True)
class Cms1500Claim:
    """Every item the engine prints. Names are ``LAST, FIRST, MIDDLE INITIAL`` as the
    manual asks (items 2, 4, 9). Dates are :class:`datetime.date`; money is
    :class:`~decimal.Decimal`; item 28 is the sum of 24F (:func:`total_charge`)."""

    insured_id: str  # 1a
    patient_name: str  # 2
    lines: Sequence[Cms1500Line]  # 24
    insurance_type: str = "group"  # 1
    patient_birth_date: dt.date | None = None  # 3
    patient_sex: str = ""  # 3: M or F
    insured_name: str = ""  # 4
    patient_address: Address = field(default_factory=Address)  # 5
    relationship: str = "self"  # 6
    insured_address: Address = field(default_factory=Address)  # 7
    other_insured_name: str = ""  # 9
    other_insured_policy: str = ""  # 9a
    other_insured_plan: str = ""  # 9d
    employment_related: bool = False  # 10a
    auto_accident: bool = False  # 10b
    auto_accident_state: str = ""  # 10b PLACE (state)
    other_accident: bool = False  # 10c
    insured_group: str = ""  # 11
    insured_birth_date: dt.date | None = None  # 11a
    insured_sex: str = ""  # 11a
    insured_plan: str = ""  # 11c
    another_plan: bool | None = None  # 11d
    patient_signature_on_file: bool = True  # 12
    insured_signature_on_file: bool = True  # 13
    illness_date: dt.date | None = None  # 14
    illness_qualifier: str = ""  # 14 QUAL: 431 or 484
    referring_qualifier: str = ""  # 17: DN, DK or DQ
    referring_name: str = ""  # 17
    referring_npi: str = ""  # 17b
    additional_info: str = ""  # 19
    icd_indicator: str = "0"  # 21 ICD Ind.: 0 ICD-10-CM, 9 ICD-9-CM
    diagnoses: Sequence[str] = ()  # 21 A-L
    resubmission_code: str = ""  # 22: 7 or 8
    original_reference: str = ""  # 22 ORIGINAL REF. NO.
    prior_authorization: str = ""  # 23
    tax_id: str = ""  # 25
    tax_id_is_ssn: bool = False  # 25: SSN or EIN box
    patient_account: str = ""  # 26
    accept_assignment: bool | None = None  # 27
    amount_paid: Decimal | None = None  # 29
    physician_signature: str = "SIGNATURE ON FILE"  # 31
    signature_date: dt.date | None = None  # 31 DATE
    facility_name: str = ""  # 32
    facility_address: Address = field(default_factory=Address)  # 32
    facility_npi: str = ""  # 32a
    billing_name: str = ""  # 33
    billing_address: Address = field(default_factory=Address)  # 33
    billing_npi: str = ""  # 33a
    payer_name: str = ""  # the carrier block, top right
    payer_address: Address = field(default_factory=Address)
    #: item 28 as the claim states it; None: the sum of 24F. When given it must equal it.
    total: Decimal | None = None


def total_charge(claim: Cms1500Claim) -> Decimal:
    """Item 28: the total of every 24F (the manual, item 28)."""
    return sum((line.charge for line in claim.lines), Decimal(0))


def _money(value: object, box: str, what: str, problems: list[tuple[str, str]]) -> None:
    """Dollars and cents columns: a Decimal, not negative, at most two decimal places
    (the manual, items 24F, 28, 29: no negative amounts, no decimal point printed)."""
    if not isinstance(value, Decimal) or not value.is_finite():
        problems.append((box, f"{what} {value!r} is not a Decimal amount"))
        return
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2 and value != value.quantize(Decimal("0.01")):
        problems.append((box, f"{what} {value} has more than two decimal places (cents)"))
    if value < 0:
        problems.append((box, f"{what} {value} is negative (the form takes no negative amounts)"))
    if value >= Decimal("1000000"):
        problems.append((box, f"{what} {value} does not fit the dollars column (at most 999999)"))


def _npi(value: str, box: str, problems: list[tuple[str, str]]) -> None:
    if value and not _NPI.fullmatch(value):
        problems.append((box, f"NPI {value!r} is not 10 digits"))


def _date(value: object, box: str, problems: list[tuple[str, str]]) -> None:
    if value is not None and not isinstance(value, dt.date):
        problems.append((box, f"{value!r} is not a date"))


def _line(n: int, line: Cms1500Line, count: int, problems: list[tuple[str, str]]) -> None:
    at = f" (line {n})"
    if not isinstance(line.date_from, dt.date):
        problems.append(("24A", f"from date {line.date_from!r} is not a date{at}"))
    _date(line.date_to, "24A", problems)
    if (
        isinstance(line.date_to, dt.date)
        and isinstance(line.date_from, dt.date)
        and line.date_to < line.date_from
    ):
        problems.append(("24A", f"to date {line.date_to} is before from date{at}"))
    if not _POS.fullmatch(line.place_of_service):
        problems.append(("24B", f"place of service {line.place_of_service!r} is not 2 digits{at}"))
    if not _CODE.fullmatch(line.procedure):
        problems.append(("24D", f"procedure {line.procedure!r} is not a CPT/HCPCS code{at}"))
    if len(line.modifiers) > 4:
        problems.append(("24D", f"{len(line.modifiers)} modifiers, the form holds 4{at}"))
    for m in line.modifiers:
        if not _MODIFIER.fullmatch(m):
            problems.append(("24D", f"modifier {m!r} is not 2 characters{at}"))
    p = line.pointers
    if not p:
        problems.append(("24E", f"no diagnosis pointer{at}"))
    elif len(p) > 4 or any(c not in DIAGNOSIS_LETTERS for c in p):
        problems.append(("24E", f"pointer {p!r} is not 1 to 4 letters A-L{at}"))
    else:
        for c in p:
            if DIAGNOSIS_LETTERS.index(c) >= count:
                problems.append(("24E", f"pointer {c} names no diagnosis in item 21{at}"))
    _money(line.charge, "24F", f"charge{at}", problems)
    units = line.units
    if not isinstance(units, Decimal) or not units.is_finite() or units <= 0:
        problems.append(("24G", f"units {units!r} are not a positive Decimal{at}"))
    elif len(_units_text(units)) > 3:
        problems.append(("24G", f"units {units} do not fit the 3 places of 24G{at}"))
    _npi(line.rendering_npi, "24J", problems)
    if line.ndc and not _NDC.fullmatch(line.ndc):
        problems.append(("24A shaded", f"NDC {line.ndc!r} is not 11 digits (5-4-2){at}"))
    if line.ndc_unit not in NDC_UNITS:
        problems.append(("24A shaded", f"NDC unit {line.ndc_unit!r} is not one of F2 GR ME ML UN"))
    if line.ndc_quantity is not None and (
        not isinstance(line.ndc_quantity, Decimal) or line.ndc_quantity <= 0
    ):
        problems.append(("24A shaded", f"NDC quantity {line.ndc_quantity!r} is not positive{at}"))
    if (line.ndc_unit or line.ndc_quantity is not None) and not line.ndc:
        problems.append(("24A shaded", f"an NDC unit or quantity without an NDC{at}"))


def _units_text(units: Decimal) -> str:
    """24G: whole units without decimals; a fraction with its decimal point (the manual)."""
    if units == units.to_integral_value():
        return str(int(units))
    return format(units.normalize(), "f")


def check(claim: Cms1500Claim) -> None:
    """Raise :class:`Cms1500Error` listing every problem (each naming its box)."""
    problems: list[tuple[str, str]] = []
    if claim.insurance_type not in INSURANCE_TYPES:
        problems.append(
            ("1", f"{claim.insurance_type!r} is not one of {', '.join(INSURANCE_TYPES)}")
        )
    if not claim.insured_id.strip():
        problems.append(("1a", "the insured's ID number is required"))
    for box, value in (
        ("1a", claim.insured_id),
        ("11", claim.insured_group),
        ("9a", claim.other_insured_policy),
        ("23", claim.prior_authorization),
        ("26", claim.patient_account),
    ):
        if len(value) > WIDTHS[box]:
            problems.append((box, f"{value!r} is longer than the box ({WIDTHS[box]} characters)"))
    if not claim.patient_name.strip():
        problems.append(("2", "the patient's name is required"))
    _date(claim.patient_birth_date, "3", problems)
    _date(claim.insured_birth_date, "11a", problems)
    _date(claim.illness_date, "14", problems)
    _date(claim.signature_date, "31", problems)
    for box, sex in (("3", claim.patient_sex), ("11a", claim.insured_sex)):
        if sex not in ("", "M", "F"):
            problems.append((box, f"sex {sex!r} is not M or F"))
    if claim.relationship not in RELATIONSHIPS:
        problems.append(("6", f"{claim.relationship!r} is not one of {', '.join(RELATIONSHIPS)}"))
    if claim.auto_accident_state and not _STATE.fullmatch(claim.auto_accident_state):
        problems.append(("10b", f"place {claim.auto_accident_state!r} is not a 2-letter state"))
    if claim.illness_qualifier not in ILLNESS_QUALIFIERS:
        problems.append(("14", f"qualifier {claim.illness_qualifier!r} is not 431 or 484"))
    elif claim.illness_date is not None and not claim.illness_qualifier:
        problems.append(
            ("14", "the date needs its qualifier (431 onset, 484 last menstrual period)")
        )
    if claim.referring_qualifier not in REFERRING_QUALIFIERS:
        problems.append(("17", f"qualifier {claim.referring_qualifier!r} is not DN, DK or DQ"))
    if claim.referring_name and not claim.referring_qualifier:
        problems.append(("17", "a referring provider's name needs its qualifier (DN, DK, DQ)"))
    _npi(claim.referring_npi, "17b", problems)
    if claim.icd_indicator not in ("0", "9"):
        problems.append(("21", f"ICD indicator {claim.icd_indicator!r} is not 0 or 9"))
    dx = list(claim.diagnoses)
    if not dx:
        problems.append(("21", "at least one diagnosis is required"))
    if len(dx) > MAX_DIAGNOSES:
        problems.append(("21", f"{len(dx)} diagnoses, the form holds {MAX_DIAGNOSES} (A-L)"))
    for i, code in enumerate(dx[:MAX_DIAGNOSES]):
        if not _ICD.fullmatch(code.replace(".", "")):
            problems.append(("21", f"diagnosis {DIAGNOSIS_LETTERS[i]} {code!r} is not an ICD code"))
    if claim.resubmission_code not in RESUBMISSION_CODES:
        problems.append(("22", f"resubmission code {claim.resubmission_code!r} is not 7 or 8"))
    if claim.resubmission_code and not claim.original_reference:
        problems.append(("22", "a replacement or void (7, 8) needs the original reference number"))
    if len(claim.original_reference) > WIDTHS["22"]:
        problems.append(("22", f"original reference {claim.original_reference!r} is too long"))
    if not claim.lines:
        problems.append(("24", "a claim needs at least one service line"))
    for n, line in enumerate(claim.lines, start=1):
        _line(n, line, min(len(dx), MAX_DIAGNOSES), problems)
    if claim.tax_id and not _TAX_ID.fullmatch(claim.tax_id):
        problems.append(("25", f"{claim.tax_id!r} is not 9 digits (no hyphens)"))
    if claim.amount_paid is not None:
        _money(claim.amount_paid, "29", "amount paid", problems)
    _npi(claim.facility_npi, "32a", problems)
    _npi(claim.billing_npi, "33a", problems)
    if not problems and claim.lines:
        total = total_charge(claim)
        _money(total, "28", "total charge", problems)
        if claim.total is not None and claim.total != total:
            problems.append(("28", f"total {claim.total} is not the sum of 24F ({total})"))
    if problems:
        raise Cms1500Error(problems, claim.patient_account)
