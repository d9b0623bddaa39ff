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
