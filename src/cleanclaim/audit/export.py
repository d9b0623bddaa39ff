"""The audit trail as CSV, for a compliance review: one row per entry, oldest first.

Shared by the audit browser's "Export CSV" button and ``cleanclaim audit export``.
Rows are produced one at a time (``QuerySet.iterator``) so an export of years of
entries streams in constant memory. A cell that a spreadsheet would read as a
formula (``=``, ``+``, ``-``, ``@``, tab, CR) is prefixed with ``'`` (OWASP, CSV
injection). The export itself is recorded by the caller.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet

from cleanclaim.audit.models import AuditEntry

COLUMNS = (
    "id",
    "at",
    "user",
    "organisation_id",
    "practice_id",
    "action",
    "model",
    "object_pk",
    "object_label",
    "changes",
    "context",
    "ip",
    "user_agent",
    "via",
)
#: The model of the entry that records an export.
EXPORT_MODEL = "audit.AuditEntry"


class BadRange(ValueError):
    """A date range that cannot be exported; the message names the bad part."""


def parse_range(start: str | None, end: str | None) -> tuple[dt.date | None, dt.date | None]:
    """``from``/``to`` as ISO dates (either may be empty); ``from`` not after ``to``."""
    days: list[dt.date | None] = []
    for what, text in (("from", start), ("to", end)):
        text = (text or "").strip()
        if not text:
            days.append(None)
            continue
        try:
            days.append(dt.date.fromisoformat(text))
        except ValueError:
            raise BadRange(f"{what} date {text!r}: use a date like 2026-11-27") from None
    first, last = days
    if first and last and first > last:
        raise BadRange(f"from date {first} is after to date {last}")
    return first, last


def in_range(
    qs: QuerySet[AuditEntry], first: dt.date | None, last: dt.date | None
) -> QuerySet[AuditEntry]:
    """Entries on days ``first`` to ``last`` inclusive (UTC), oldest first."""
    if first:
        qs = qs.filter(at__date__gte=first)
    if last:
        qs = qs.filter(at__date__lte=last)
    return qs.order_by("at", "id")


def frozen(qs: QuerySet[AuditEntry]) -> QuerySet[AuditEntry]:
    """``qs`` up to its newest entry now: entries written while the export streams (the
    export's own record among them) are left out, so the row count recorded is exact."""
    newest = qs.order_by("-id").values_list("id", flat=True).first()
    return qs.filter(id__lte=newest or 0)


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def _row(e: AuditEntry) -> list[str]:
    values: list[Any] = [
        e.pk,
        e.at.isoformat(),
        e.user_label,
        e.organisation_id,
        e.practice_id,
        e.action,
        e.model,
        e.object_pk,
        e.object_label,
        json.dumps(e.changes, sort_keys=True) if e.changes else "",
        json.dumps(e.context, sort_keys=True) if e.context else "",
        e.ip,
        e.user_agent,
        e.via,
    ]
    return [_cell(v) for v in values]


class _Line:
    """A file-like object whose ``write`` returns what it was given (one CSV line)."""

    def write(self, text: str) -> str:
        return text


def lines(qs: QuerySet[AuditEntry]) -> Iterator[str]:
    """The header, then one CSV line per entry of ``qs`` (already filtered and ordered)."""
    writer = csv.writer(_Line())
    yield writer.writerow(COLUMNS)
    for entry in qs.iterator(chunk_size=2000):
        yield writer.writerow(_row(entry))


def filename(first: dt.date | None, last: dt.date | None) -> str:
    return f"audit-{first or 'start'}-to-{last or 'now'}.csv"
