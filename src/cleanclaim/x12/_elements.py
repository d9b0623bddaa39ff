"""X12 simple data element types and their syntax checks (X12.6, 5010).

=====  ===================================================================
type   rule
=====  ===================================================================
AN     string; length = characters; no control characters
ID     identifier (a code); length as AN; the code list is checked by guides
N0     integer, optional leading minus; length counts digits only
N2     integer with two implied decimals; length counts digits only
R      decimal number, optional minus and one decimal point; length counts
       digits only (sign and point excluded)
DT     date CCYYMMDD (8) or YYMMDD (6, ISA09 only)
TM     time HHMM, HHMMSS or HHMMSSd..d
=====  ===================================================================

:func:`check_value` returns ``None`` when the value is fine, else
``(ik403_code, message)``; an empty value is never checked here (usage is the
guide's business).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from ._errors import IK403

__all__ = ["ElementSpec", "ElementType", "check_value", "parse_date"]


class ElementType(StrEnum):
    AN = "AN"
    ID = "ID"
    N0 = "N0"
    N2 = "N2"
    R = "R"
    DT = "DT"
    TM = "TM"


@dataclass(frozen=True, slots=True)
class ElementSpec:
    """An element of a segment: reference (``CLM02``), name, type and length limits.

    ``composite`` marks a composite element (its components are checked by guides).
    """

    ref: str
    name: str
    type: ElementType = ElementType.AN
    min_len: int = 1
    max_len: int = 80
    composite: bool = False


_INT = re.compile(r"-?[0-9]+\Z")
_REAL = re.compile(r"-?(?:[0-9]+\.?[0-9]*|\.[0-9]+)\Z")
_CTRL = re.compile(r"[\x00-\x1f\x7f]")


def parse_date(value: str) -> date | None:
    """``CCYYMMDD`` to a date, ``None`` when it is not a real calendar date."""
    if len(value) != 8 or not value.isdigit():
        return None
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:]))
    except ValueError:
        return None


def _valid_time(value: str) -> bool:
    if len(value) not in (4, 6, 7, 8) or not value.isdigit():
        return False
    hh, mm = int(value[:2]), int(value[2:4])
    ss = int(value[4:6]) if len(value) >= 6 else 0
    return hh < 24 and mm < 60 and ss < 60


def check_value(
    value: str, etype: ElementType, min_len: int, max_len: int
) -> tuple[str, str] | None:
    """Syntax check of one non-empty simple element value."""
    if etype is ElementType.AN or etype is ElementType.ID:
        if _CTRL.search(value):
            return IK403.INVALID_CHARACTER, "contains a control character"
        n = len(value)
    elif etype is ElementType.R:
        if not _REAL.match(value):
            return IK403.INVALID_CHARACTER, f"{value!r} is not a number"
        n = len(value) - value.count(".") - value.count("-")
    elif etype is ElementType.N0 or etype is ElementType.N2:
        if not _INT.match(value):
            return IK403.INVALID_CHARACTER, f"{value!r} is not a whole number"
        n = len(value) - (value[0] == "-")
    elif etype is ElementType.DT:
        if len(value) == 6 and value.isdigit():
            if parse_date("20" + value) is None:
                return IK403.INVALID_DATE, f"{value!r} is not a valid date (YYMMDD)"
            return None
        if parse_date(value) is None:
            return IK403.INVALID_DATE, f"{value!r} is not a valid date (CCYYMMDD)"
        return None
    else:  # TM
        if not _valid_time(value):
            return IK403.INVALID_TIME, f"{value!r} is not a valid time (HHMM or HHMMSS)"
        return None
    if n < min_len:
        return IK403.TOO_SHORT, f"{value!r} is shorter than the minimum {min_len}"
    if n > max_len:
        return IK403.TOO_LONG, f"{value!r} is longer than the maximum {max_len}"
    return None
