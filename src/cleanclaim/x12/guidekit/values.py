"""Reading and writing X12 numbers: ``Decimal`` only, never ``float``.

X12 ``R`` (real) elements carry an optional minus sign and decimal point
(``150000``, ``-1.27``, ``.5``); writers drop trailing zeros after the point the
way the guides' examples do (X12 5010 §B.1.1.3.1.2: "trailing zeros after the
decimal point should be suppressed"), so ``Decimal("34.00")`` is written
``34``.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

ZERO = Decimal(0)


def money(text: str) -> Decimal | None:
    """An X12 amount as ``Decimal``; ``None`` when empty or not a number."""
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def money0(text: str) -> Decimal:
    """Like :func:`money`, reading empty or invalid as zero (for sums)."""
    value = money(text)
    return ZERO if value is None else value


def x12_number(value: Decimal | int | str | None) -> str:
    """A number as X12 ``R`` text: no exponent, no trailing zeros after the point."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = Decimal(value)
    dec = Decimal(value)
    text = format(dec, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text


def json_money(value: Decimal | None) -> str | None:
    """A money amount for the JSON view: decimal notation as a string, or ``None``."""
    return None if value is None else format(value, "f")
