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


# Luhn, read straight off the ten digits: from the right, the check digit and every
# second digit are added as they are (NPI positions 2, 4, 6, 8, 10), the others doubled
# with the digits of the product added (positions 1, 3, 5, 7, 9: 0246813579 by
# translation); the prefix 80840 adds 24 (CMS, "Requirements for Check Digit").
_DOUBLED = str.maketrans("0123456789", "0246813579")
_BASE = 24 - 48 * 10  # the prefix, less the code of "0" for each of the ten digits summed


def is_valid_npi(value: str) -> bool:
    """Whether ``value`` (blanks around it ignored) is a valid NPI; the same verdict as
    :func:`validate_npi`, without building its error (this runs on every NPI read)."""
    npi = value.strip() if value else ""
    if len(npi) != 10 or not npi.isascii() or not npi.isdigit():
        return False
    return (sum((npi[0:9:2].translate(_DOUBLED) + npi[1::2]).encode()) + _BASE) % 10 == 0
