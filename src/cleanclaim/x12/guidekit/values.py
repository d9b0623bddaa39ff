"""Writing X12 numbers and reading JSON values: ``Decimal`` only, never ``float``.

Amounts are parsed by :mod:`cleanclaim.money` only: X12 ``R`` elements with
:func:`~cleanclaim.money.read_amount`, JSON amounts with
:func:`~cleanclaim.money.parse_money` through :func:`decimal_in` and
:func:`amount_in`, which report a bad amount as an ``X12Error``.

Writers use plain decimal notation without an exponent and drop trailing zeros
after the point, as the guides' own examples write amounts
(``BPR*C*150000*...``, ``CLP*...*1500*1200``), so ``Decimal("34.00")`` is
written ``34``: the value is the same, and readers compare amounts as Decimal."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ...money import MoneyError, parse_money, parse_optional_money
from .._errors import X12Error
from .._segments import Segment


def x12_number(value: Decimal | int | None) -> str:
    """A number as X12 ``R`` text: no exponent, no trailing zeros after the point."""
    if value is None:
        return ""
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
    """An optional JSON amount (string or int; never float) as Decimal, or ``None``.

    :func:`cleanclaim.money.parse_optional_money`, its error as an ``X12Error``.
    """
    try:
        return parse_optional_money(value, what=where)
    except MoneyError as exc:
        raise X12Error(str(exc)) from None


def amount_in(value: object, where: str) -> Decimal:
    """A required JSON amount as Decimal (:func:`cleanclaim.money.parse_money`).

    A missing or malformed amount is an ``X12Error`` naming ``where``.
    """
    try:
        return parse_money(value, what=where)
    except MoneyError as exc:
        raise X12Error(str(exc)) from None


def text_in(obj: dict[str, object], key: str, where: str, *, required: bool = False) -> str:
    """A JSON string field (``""`` when absent unless ``required``)."""
    value = obj.get(key)
    if value is None or value == "":
        if required:
            raise X12Error(f"{where}.{key} is required")
        return ""
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise X12Error(f"{where}.{key} must be a string")
    return str(value)


def segment(seg_id: str, *elements: str) -> Segment:
    """A segment to write, without its trailing empty elements (X12 drops them)."""
    els = list(elements)
    while els and els[-1] == "":
        els.pop()
    return Segment(seg_id, els)


def object_in(value: Any, where: str) -> dict[str, Any]:
    """A JSON object handed in at ``where``, or an ``X12Error`` naming it."""
    if not isinstance(value, dict):
        raise X12Error(f"{where} must be an object")
    return value


def list_in(value: Any, where: str) -> list[Any]:
    """A JSON list handed in at ``where`` (absent: empty), or an ``X12Error`` naming it."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise X12Error(f"{where} must be a list")
    return value
