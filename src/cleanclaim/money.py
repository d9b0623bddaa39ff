"""Money is Decimal, everywhere. One parser for amounts read from files and forms."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

__all__ = ["CENT", "MoneyError", "format_money", "parse_money"]

CENT = Decimal("0.01")


class MoneyError(ValueError):
    pass


def parse_money(text: object, *, what: str = "amount") -> Decimal:
    """Parse an amount (``"120"``, ``"120.5"``, ``"-3.00"``) into a Decimal; never a float."""
    if isinstance(text, float):
        raise MoneyError(f"{what}: floats are not money, pass a string")
    try:
        value = Decimal(str(text).strip())
    except InvalidOperation as exc:
        raise MoneyError(f"{what}: {text!r} is not an amount") from exc
    if not value.is_finite():
        raise MoneyError(f"{what}: {text!r} is not an amount")
    return value


def format_money(value: Decimal) -> str:
    """Decimal notation with no exponent and no trailing zeros beyond cents (X12 R type)."""
    q = value.quantize(CENT) if value != value.to_integral_value() else value.quantize(Decimal(1))
    s = format(q, "f")
    return s
