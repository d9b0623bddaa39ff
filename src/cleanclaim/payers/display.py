"""A payer profile as the sections of its page: (title, rows of (label, text, field
names)). The page, and only the page, reads it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cleanclaim.payers.forms import SECTIONS
from cleanclaim.payers.models import ENROLMENTS, LIMITS, Payer

#: What each limit counts from (:class:`cleanclaim.deadlines.PayerLimits`).
COUNTS_FROM = {
    "timely": "the date of service",
    "secondary": "the primary payer's payment date",
    "corrected": "the original claim's determination",
    "appeal_first": "the initial determination",
    "appeal_second": "the first-level decision",
}


@dataclass(frozen=True)
class Row:
    label: str
    text: str
    overridden: bool = False


def _text(payer: Payer, name: str) -> str:
    value = getattr(payer, name)
    field = Payer._meta.get_field(name)
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return str(value)


def _limit(payer: Payer, prefix: str) -> str:
    amount = getattr(payer, f"{prefix}_amount")
    if amount is None:
        return "none set"
    text = f"{amount} {getattr(payer, f'{prefix}_unit')} from {COUNTS_FROM[prefix]}"
    citation = getattr(payer, f"{prefix}_citation")
    return f"{text} ({citation})" if citation else f"{text} (no source given)"


def _enrolment(payer: Payer, prefix: str) -> str:
    text = _text(payer, f"{prefix}_enrolment")
    dates = [
        f"{word} {getattr(payer, f'{prefix}_enrolment_{key}')}"
        for key, word in (("submitted", "submitted"), ("effective", "effective"))
        if getattr(payer, f"{prefix}_enrolment_{key}")
    ]
    return f"{text} ({', '.join(dates)})" if dates else text


def sections(payer: Payer) -> list[tuple[str, list[Row]]]:
    """The profile's sections with a readable text per field or group of fields."""
    overridden: frozenset[str] = getattr(payer, "overridden", frozenset())

    def row(label: str, text: str, names: tuple[str, ...]) -> Row:
        return Row(label, text, any(n in overridden for n in names))

    result: list[tuple[str, list[Row]]] = []
    for title, names in SECTIONS:
        rows: list[Row] = []
        if title == "Enrolment":
            for prefix, label in ENROLMENTS.items():
                group = tuple(n for n in names if n.startswith(f"{prefix}_enrolment"))
                rows.append(row(label, _enrolment(payer, prefix), group))
        elif title == "Time limits":
            for prefix, label in LIMITS.items():
                group = (f"{prefix}_amount", f"{prefix}_unit", f"{prefix}_citation")
                rows.append(row(label.capitalize(), _limit(payer, prefix), group))
            rows.append(
                row("Submission hold", _text(payer, "submission_hold"), ("submission_hold",))
            )
        else:
            for name in names:
                label = str(Payer._meta.get_field(name).verbose_name)
                text = _text(payer, name)
                if name == "filing_indicator_override":
                    label, text = "Claim filing indicator (SBR09)", _filing(payer)
                rows.append(row(label[:1].upper() + label[1:], text, (name,)))
        result.append((title, rows))
    return result


def _filing(payer: Payer) -> str:
    how = "set on the profile" if payer.filing_indicator_override else "from the type"
    return f"{payer.filing_indicator} ({how})"


def overridden_labels(values: dict[str, Any]) -> list[str]:
    return [str(Payer._meta.get_field(n).verbose_name) for n in values]
