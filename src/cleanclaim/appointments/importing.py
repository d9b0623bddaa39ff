"""Appointments from a CSV file: every row checked, then all written or none.

Columns (a header row, names in any order): ``date`` (YYYY-MM-DD), ``time`` (HH:MM,
24-hour, the practice's local time), ``account_number`` (the patient), ``provider_npi``,
and optionally ``location`` (a service location's name), ``duration`` (minutes, default
15), ``reason`` and ``external_id`` (the scheduling system's id: a row already imported
is refused). Each problem is reported as ``line N: column: why``; a file with any
problem writes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cleanclaim.appointments import actions
from cleanclaim.appointments.models import Appointment
from cleanclaim.audit.actor import Actor
from cleanclaim.patients.models import Patient
from cleanclaim.practices.models import Practice, RenderingProvider, ServiceLocation

REQUIRED = ("date", "time", "account_number", "provider_npi")
OPTIONAL = ("location", "duration", "reason", "external_id")
MAX_ROWS = 5000


@dataclass(frozen=True)
class Problem:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.column}: {self.message}"


@dataclass
class Plan:
    """The checked rows (field values for :func:`actions.schedule`) and the problems."""

    practice: Practice
    rows: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class ImportRefused(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s): nothing imported")
        self.problems = problems


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def plan(practice: Practice, text: str) -> Plan:
    """Check every row of ``text`` against the practice's patients, providers and
    locations and the appointment's own rules; write nothing."""
    out = Plan(practice)
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in reader.fieldnames or []]
    reader.fieldnames = header
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        out.problems.append(Problem(1, ", ".join(missing), "column missing from the header"))
        return out
    patients = {p.account_number: p for p in Patient.objects.filter(practice=practice)}
    providers = {p.npi: p for p in RenderingProvider.objects.filter(practice=practice)}
    locations = {loc.name.lower(): loc for loc in ServiceLocation.objects.filter(practice=practice)}
    taken = set(
        Appointment.objects.filter(practice=practice)
        .exclude(external_id="")
        .values_list("external_id", flat=True)
    )
    seen: dict[str, int] = {}
    for index, raw in enumerate(reader):
        line = index + 2
        if index >= MAX_ROWS:
            out.problems.append(Problem(line, "-", f"more than {MAX_ROWS} rows: split the file"))
            break
        row = {k: (v or "").strip() for k, v in raw.items() if k}
        problems = _row(practice, row, line, patients, providers, locations, taken, seen, out)
        out.problems.extend(problems)
    return out


def _row(
    practice: Practice,
    row: dict[str, str],
    line: int,
    patients: dict[str, Patient],
    providers: dict[str, RenderingProvider],
    locations: dict[str, ServiceLocation],
    taken: set[str],
    seen: dict[str, int],
    out: Plan,
) -> list[Problem]:
    problems: list[Problem] = []
    start = None
    try:
        day = dt.date.fromisoformat(row.get("date", ""))
    except ValueError:
        problems.append(Problem(line, "date", f"{row.get('date')!r} is not a date like 2026-12-07"))
        day = None
    try:
        at = dt.time.fromisoformat(row.get("time", ""))
    except ValueError:
        problems.append(Problem(line, "time", f"{row.get('time')!r} is not a time like 09:30"))
        at = None
    if day and at:
        start = timezone.make_aware(dt.datetime.combine(day, at))
    patient = patients.get(row.get("account_number", ""))
    if patient is None:
        problems.append(
            Problem(
                line,
                "account_number",
                f"no patient with account {row.get('account_number')!r} at {practice.name}",
            )
        )
    provider = providers.get(row.get("provider_npi", ""))
    if provider is None:
        problems.append(
            Problem(
                line,
                "provider_npi",
                f"no provider with NPI {row.get('provider_npi')!r} at {practice.name}",
            )
        )
    location = None
    if row.get("location"):
        location = locations.get(row["location"].lower())
        if location is None:
            problems.append(Problem(line, "location", f"no location named {row['location']!r}"))
    duration = 15
    if row.get("duration"):
        try:
            duration = int(row["duration"])
        except ValueError:
            problems.append(Problem(line, "duration", f"{row['duration']!r} is not whole minutes"))
    external_id = row.get("external_id", "")
    if external_id:
        if external_id in taken:
            problems.append(Problem(line, "external_id", f"{external_id!r} is already imported"))
        elif external_id in seen:
            problems.append(
                Problem(line, "external_id", f"{external_id!r} repeats line {seen[external_id]}")
            )
        seen.setdefault(external_id, line)
    if problems:
        return problems
    fields: dict[str, Any] = {
        "patient": patient,
        "provider": provider,
        "location": location,
        "start": start,
        "duration": duration,
        "reason": row.get("reason", ""),
        "external_id": external_id,
    }
    try:
        Appointment(practice=practice, **fields).full_clean(exclude=["encounter", "coverage"])
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            problems.extend(Problem(line, name, m) for m in messages)
        return problems
    out.rows.append(fields)
    return problems


def apply(actor: Actor, checked: Plan) -> list[Appointment]:
    """Write every row of a clean plan in one transaction; refuse a plan with problems."""
    if checked.problems:
        raise ImportRefused(checked.problems)
    with transaction.atomic():
        return [actions.schedule(actor, checked.practice, **fields) for fields in checked.rows]


def import_text(actor: Actor, practice: Practice, text: str, *, dry_run: bool) -> Plan:
    """Check ``text`` and, unless ``dry_run`` or a problem was found, write it."""
    checked = plan(practice, text)
    if checked.ok and not dry_run:
        apply(actor, checked)
    return checked
