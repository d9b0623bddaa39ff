"""The one NPI validator, used everywhere an NPI is entered or read.

An NPI is 10 digits; the 10th is a Luhn check digit computed over the
constant prefix ``80840`` followed by the first nine digits (CMS, "Requirements
for Check Digit", NPS final rule 45 CFR 162.406; ISO/IEC 7812).
"""

from __future__ import annotations

__all__ = ["NPIError", "check_digit", "is_valid_npi", "validate_npi"]

_PREFIX = "80840"


class NPIError(ValueError):
    """An NPI that is not 10 digits or whose check digit is wrong."""


def check_digit(first_nine: str) -> int:
    """The Luhn check digit for an NPI whose first nine digits are given."""
    if len(first_nine) != 9 or not first_nine.isascii() or not first_nine.isdigit():
        raise NPIError(f"need the first 9 digits of an NPI, got {first_nine!r}")
    digits = _PREFIX + first_nine
    total = 0
    # Double every second digit from the right of the payload (the check digit
    # itself would be the rightmost, so the payload's last digit is doubled).
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


def validate_npi(value: str) -> str:
    """Return the NPI stripped of blanks, or raise NPIError saying what is wrong."""
    npi = (value or "").strip()
    if len(npi) != 10 or not npi.isascii() or not npi.isdigit():
        raise NPIError(f"NPI {npi!r} must be exactly 10 digits")
    if check_digit(npi[:9]) != int(npi[9]):
        raise NPIError(f"NPI {npi} fails its check digit (expected {check_digit(npi[:9])})")
    return npi


def is_valid_npi(value: str) -> bool:
    try:
        validate_npi(value)
    except NPIError:
        return False
    return True
