"""Money is Decimal, everywhere. The one parser for amounts read from files and forms.

Two contracts, one parser:

* **Handed in** (JSON claims, forms, the X12 JSON view written back):
  :func:`parse_money` is strict. A string in decimal notation, an ``int`` or a
  ``Decimal`` is an amount; a ``float`` (inexact), a ``bool``, an empty value or
  any other text raises :class:`MoneyError` naming the field (``what``).
  :func:`parse_optional_money` is the same with ``None``/``""`` read as absent.
* **Read from an X12 file**: :func:`read_amount` is lenient. An X12 ``R`` (real)
  element is read as it stands (``150000``, ``-1.27``, ``.5``); an empty or
  malformed one is ``None``, because whether it may be empty or malformed is the
  guide's to report (a finding naming the element), not the reader's to refuse.
  :func:`read_amount_or_zero` reads empty and malformed as zero, for sums.
  Files repeat amounts claim after claim, so read amounts are kept in one bounded
  cache (a ``Decimal`` is immutable; the hot readers build few of them).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

__all__ = [
    "CENT",
    "ZERO",
    "MoneyError",
    "format_money",
    "parse_money",
    "parse_optional_money",
    "read_amount",
    "read_amount_or_zero",
]

CENT = Decimal("0.01")
ZERO = Decimal(0)


class MoneyError(ValueError):
    """An amount handed in that is not one; the message names the field."""


def _decimal(text: str) -> Decimal | None:
    """``text`` as a finite Decimal, ``None`` when it is not one."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


#: Largest magnitude (power of ten) of an amount handed in: no charge, payment or unit
#: count reaches a trillion, and ``1E+999999`` would make every later sum fail.
_MAX_ADJUSTED = 12


def _shown(value: object) -> str:
    """``value``'s repr for a message, cut short (a handed-in value may be megabytes)."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _in_range(amount: Decimal, value: object, what: str) -> Decimal:
    if amount and not -_MAX_ADJUSTED <= amount.adjusted() < _MAX_ADJUSTED:
        raise MoneyError(f"{what}: {_shown(value)} is out of range for an amount")
    return amount


def parse_money(value: object, *, what: str = "amount") -> Decimal:
    """An amount handed in (``"120"``, ``"120.5"``, ``"-3.00"``, ``120``) as a Decimal.

    Strict: a float, a bool, an empty value or text that is not a finite decimal
    number raises :class:`MoneyError` naming ``what``.
    """
    if isinstance(value, str):
        text = value.strip()
        if not text:
            raise MoneyError(f"{what} is required")
        amount = _decimal(text)
        if amount is None:
            raise MoneyError(f"{what}: {_shown(value)} is not an amount")
        return _in_range(amount, value, what)
    if isinstance(value, Decimal) and value.is_finite():
        return _in_range(value, value, what)
    if isinstance(value, int) and not isinstance(value, bool):
        return _in_range(Decimal(value), value, what)
    if isinstance(value, float):
        raise MoneyError(
            f"{what}: floats are not money, write {_shown(value)} as a string in decimal notation"
        )
    if value is None:
        raise MoneyError(f"{what} is required")
    raise MoneyError(f"{what}: {_shown(value)} is not an amount")


def parse_optional_money(value: object, *, what: str = "amount") -> Decimal | None:
    """Like :func:`parse_money`, with ``None`` and ``""`` read as no amount (``None``)."""
    if value is None or value == "":
        return None
    return parse_money(value, what=what)


#: Amount texts already read in this process, bounded (cleared when full).
_READ: dict[str, Decimal | None] = {}
_READ_MAX = 8192
_MISS = Decimal("NaN")  # a sentinel: a read amount is never NaN


def read_amount(text: str) -> Decimal | None:
    """An X12 ``R`` element's text as a Decimal; ``None`` when empty or not a number."""
    value = _READ.get(text, _MISS)
    if value is _MISS:
        value = _decimal(text) if text else None
        if len(_READ) >= _READ_MAX:
            _READ.clear()
        _READ[text] = value
    return value


def read_amount_or_zero(text: str) -> Decimal:
    """Like :func:`read_amount`, reading an empty or malformed amount as zero (for sums)."""
    value = _READ.get(text, _MISS)  # (read_amount's cache looked up here: sums are hot)
    if value is _MISS:
        value = read_amount(text)
    return ZERO if value is None else value


def format_money(value: Decimal) -> str:
    """Decimal notation with no exponent and no trailing zeros beyond cents (X12 R type)."""
    q = value.quantize(CENT) if value != value.to_integral_value() else value.quantize(Decimal(1))
    s = format(q, "f")
    return s
