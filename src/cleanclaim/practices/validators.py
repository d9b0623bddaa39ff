"""Field validators shared by the models and forms, each with a message a user can act on."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

from cleanclaim.npi import NPIError, validate_npi

_TIN = re.compile(r"^\d{9}$")
_ZIP9 = re.compile(r"^\d{5}-?\d{4}$")
_ZIP = re.compile(r"^\d{5}(-?\d{4})?$")
_TAXONOMY = re.compile(r"^[0-9A-Z]{9}X$")
_STATE = re.compile(r"^[A-Z]{2}$")
_POS = re.compile(r"^\d{2}$")


def npi_validator(value: str) -> None:
    """Every NPI entered anywhere goes through :func:`cleanclaim.npi.validate_npi`."""
    try:
        validate_npi(value)
    except NPIError as exc:
        raise ValidationError(str(exc), code="npi") from None


def tin_validator(value: str) -> None:
    """A Federal Tax ID (EIN): nine digits, written without the dash (837P REF*EI)."""
    if not _TIN.match(value or ""):
        raise ValidationError(f"Tax ID {value!r} must be 9 digits without a dash (EIN)", code="tin")


def zip9_validator(value: str) -> None:
    """Billing provider ZIP must be ZIP+4 (837P 2010AA N403 requires nine digits)."""
    if not _ZIP9.match(value or ""):
        raise ValidationError(
            f"ZIP {value!r} must be ZIP+4 (9 digits, e.g. 12345-6789)", code="zip9"
        )


def zip_validator(value: str) -> None:
    if not _ZIP.match(value or ""):
        raise ValidationError(f"ZIP {value!r} must be 5 or 9 digits", code="zip")


def taxonomy_validator(value: str) -> None:
    """NUCC provider taxonomy codes are 10 characters ending in X (e.g. 207Q00000X)."""
    if not _TAXONOMY.match(value or ""):
        raise ValidationError(
            f"taxonomy {value!r} must be 10 characters ending in X (NUCC code)", code="taxonomy"
        )


def state_validator(value: str) -> None:
    if not _STATE.match(value or ""):
        raise ValidationError(f"state {value!r} must be a 2-letter code", code="state")


def pos_validator(value: str) -> None:
    if not _POS.match(value or ""):
        raise ValidationError(f"place of service {value!r} must be 2 digits", code="pos")


def normalize_zip(value: str) -> str:
    digits = (value or "").replace("-", "")
    return digits


#: USPS codes of the states, the District of Columbia and the territories (PR, VI, GU,
#: AS, MP) — the N402 values of a US address in the 837P and 270.
US_STATES = frozenset(
    [
        "AL",
        "AK",
        "AZ",
        "AR",
        "CA",
        "CO",
        "CT",
        "DE",
        "FL",
        "GA",
        "HI",
        "ID",
        "IL",
        "IN",
        "IA",
        "KS",
        "KY",
        "LA",
        "ME",
        "MD",
        "MA",
        "MI",
        "MN",
        "MS",
        "MO",
        "MT",
        "NE",
        "NV",
        "NH",
        "NJ",
        "NM",
        "NY",
        "NC",
        "ND",
        "OH",
        "OK",
        "OR",
        "PA",
        "RI",
        "SC",
        "SD",
        "TN",
        "TX",
        "UT",
        "VT",
        "VA",
        "WA",
        "WV",
        "WI",
        "WY",
        "DC",
        "PR",
        "VI",
        "GU",
        "AS",
        "MP",
    ]
)

_PHONE_PUNCTUATION = re.compile(r"[\s().\-]")


def us_state_validator(value: str) -> None:
    """A US state, DC or territory code (``ZZ`` or ``XX`` are refused)."""
    if (value or "") not in US_STATES:
        raise ValidationError(
            f"state {value!r} is not a US state, DC or territory code (e.g. OR, DC, PR)",
            code="state",
        )


def phone_digits(value: str) -> str:
    """The ten digits of a North American number written with spaces, dots, dashes,
    brackets or a leading +1 / 1 (what the 837P PER04 carries)."""
    digits = _PHONE_PUNCTUATION.sub("", value or "")
    if digits.startswith("+1"):
        digits = digits[2:]
    elif len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return digits


def phone_validator(value: str) -> None:
    """A NANP number: 10 digits, area code and exchange each NXX (N is 2–9) and
    neither an N11 service code (211, 411, 911 …)."""
    digits = phone_digits(value)
    if not (len(digits) == 10 and digits.isdigit()):
        raise ValidationError(
            f"phone {value!r} must be 10 digits (area code and number)", code="phone"
        )
    area, exchange = digits[:3], digits[3:6]
    for part, name in ((area, "area code"), (exchange, "exchange")):
        if part[0] in "01":
            raise ValidationError(
                f"phone {value!r}: the {name} {part} cannot start with 0 or 1", code="phone"
            )
        if part[1:] == "11":
            raise ValidationError(
                f"phone {value!r}: the {name} {part} is a service code (N11)", code="phone"
            )
