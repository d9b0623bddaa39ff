"""Reading and writing X12 numbers: ``Decimal`` only, never ``float``.

X12 ``R`` (real) elements carry an optional minus sign and decimal point
(``150000``, ``-1.27``, ``.5``). Writers use plain decimal notation without an
exponent and drop trailing zeros after the point, as the guides' own examples
write amounts (``BPR*C*150000*...``, ``CLP*...*1500*1200``), so
``Decimal("34.00")`` is written ``34``: the value is the same, and readers
compare amounts as Decimal.
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


_SEEN: dict[str, Decimal] = {}


def money0(text: str) -> Decimal:
    """Like :func:`money`, reading empty or invalid as zero (for sums).

    Remittances repeat amounts (``10.00``, ``0``): the Decimal of each text is
    kept (a bounded cache), so summing a large file builds few Decimals.
    """
    value = _SEEN.get(text)
    if value is None:
        value = money(text)
        if value is None:
            value = ZERO
        if len(_SEEN) < 10_000:
            _SEEN[text] = value
    return value


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


def date_json(text: str) -> str | None:
    """CCYYMMDD → ``YYYY-MM-DD`` (other text unchanged, empty → ``None``)."""
    if len(text) == 8 and text.isdigit():
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return text or None


def date_x12(value: object) -> str:
    """``YYYY-MM-DD`` (or CCYYMMDD) → CCYYMMDD; ``None`` → ``""``."""
    if value is None:
        return ""
    return str(value).replace("-", "")


def decimal_in(value: object, where: str) -> Decimal | None:
    """A JSON money/number (string or int; never float) as Decimal, or ``None``."""
    from ..errors import X12Error

    if value is None or value == "":
        return None
    if isinstance(value, bool | float):
        raise X12Error(f"{where}: write amounts as strings in decimal notation, not {value!r}")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        amount = money(value.strip())
        if amount is not None:
            return amount
    raise X12Error(f"{where}: {value!r} is not an amount")


def text_in(obj: dict[str, object], key: str, where: str, *, required: bool = False) -> str:
    """A JSON string field (``""`` when absent unless ``required``)."""
    from ..errors import X12Error

    value = obj.get(key)
    if value is None or value == "":
        if required:
            raise X12Error(f"{where}.{key} is required")
        return ""
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise X12Error(f"{where}.{key} must be a string")
    return str(value)
