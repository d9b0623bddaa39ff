"""Fee schedules as CSV: read (with every problem by line), plan an import, export.

The file::

    code,modifier,charge,allowed:MCR01,allowed:ACME1
    99213,,120.00,92.18,101.50
    20610,RT,210.00,,

``code`` (CPT: five digits, or four digits and F, T or U; HCPCS Level II: a letter and
four digits) and ``charge`` (a decimal amount with at most two places, more than zero)
are required columns; ``modifier`` (two letters or digits, or empty) is optional; each
``allowed:<payer id>`` column holds what that payer of the organisation is expected to
allow (empty: not recorded). A code and modifier appear once. A file with any problem is
refused whole: :class:`FeeFileError` lists each as ``file:line: column: why``.

Where a code set is loaded, each code and modifier is looked up as of the schedule's
effective date (the code store, :mod:`cleanclaim.codes.store`): missing from a complete
list in force on that date is an error; missing from a partial list (the CPT starter
set, an ended release) is a warning naming the table to import.

Exporting writes the same columns, so importing an export gives the same rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

from cleanclaim.fees.models import CENT, MAX_CHARGE, MODIFIER_RE, Fee, FeeSchedule, code_system
from cleanclaim.money import MoneyError, parse_money

__all__ = [
    "COLUMNS",
    "MAX_BYTES",
    "MAX_ROWS",
    "FeeFileError",
    "FeeRow",
    "FeeTable",
    "Problem",
    "check_codes",
    "decode",
    "export_csv",
    "read_fees",
]

COLUMNS = ("code", "modifier", "charge")
ALLOWED_PREFIX = "allowed:"
#: Largest file accepted (bytes) and most rows: a practice's schedule has hundreds to a
#: few thousand codes; a bigger file is refused with this limit named, never cut short.
MAX_BYTES = 5_000_000
MAX_ROWS = 50_000
#: Problems listed before the rest are counted (the file is refused either way).
MAX_LISTED = 200


@dataclass(frozen=True)
class Problem:
    line: int
    column: str
    reason: str

    def text(self, source: str) -> str:
        where = f"{source}:{self.line}" if self.line else source
        return (
            f"{where}: {self.column}: {self.reason}" if self.column else f"{where}: {self.reason}"
        )


class FeeFileError(Exception):
    """A fee file refused whole; ``problems`` holds each one with its line and column."""

    def __init__(self, source: str, problems: Sequence[Problem], more: int = 0) -> None:
        self.source = source
        self.problems = list(problems)
        self.more = more
        super().__init__(self.summary())

    def summary(self) -> str:
        n = len(self.problems) + self.more
        return f"{self.source} refused, nothing written: {n} problem{'s' if n != 1 else ''}"

    def lines(self) -> list[str]:
        out = [p.text(self.source) for p in self.problems]
        if self.more:
            out.append(f"{self.source}: and {self.more} more problem(s) not listed")
        return out


@dataclass(frozen=True)
class FeeRow:
    line: int
    code: str
    modifier: str
    charge: Decimal
    allowed: dict[str, Decimal] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str]:
        return (self.code, self.modifier)


@dataclass
class FeeTable:
    """A fee file read: its rows, the payer ids of its allowed columns, and warnings."""

    source: str
    rows: list[FeeRow]
    payers: list[str]
    warnings: list[Problem] = field(default_factory=list)


def decode(raw: bytes, source: str) -> str:
    """The file's text (UTF-8, a byte order mark dropped), or :class:`FeeFileError`."""
    if len(raw) > MAX_BYTES:
        raise FeeFileError(
            source, [Problem(0, "", f"larger than {MAX_BYTES:,} bytes: split the schedule")]
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FeeFileError(
            source, [Problem(0, "", f"not UTF-8 text (byte {exc.start}): save it as UTF-8 CSV")]
        ) from None


def _amount(text: str, column: str, line: int, problems: list[Problem]) -> Decimal | None:
    try:
        value = parse_money(text, what=column)
    except MoneyError as exc:
        reason = str(exc).removeprefix(f"{column}: ").removeprefix(f"{column} ")
        problems.append(Problem(line, column, f"{reason} (write it like 120.00)"))
        return None
    if value <= 0:
        problems.append(Problem(line, column, f"{text.strip()} is not more than zero"))
        return None
    if value != value.quantize(CENT):
        problems.append(Problem(line, column, f"{text.strip()} has more than two decimal places"))
        return None
    if value > MAX_CHARGE:
        problems.append(Problem(line, column, f"{text.strip()} is more than {MAX_CHARGE}"))
        return None
    return value.quantize(CENT)


def _records(text: str) -> Iterator[tuple[int, list[str]]]:
    """(first line number, fields) per CSV record; blank lines skipped."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    for fields in reader:
        if fields and any(f.strip() for f in fields):
            yield start, fields
        start = reader.line_num + 1


def _header(
    fields: list[str], known_payers: Iterable[str] | None, problems: list[Problem]
) -> tuple[list[str], list[str]]:
    names = [f.strip() for f in fields]
    lowered = [n.lower() for n in names]
    missing = [c for c in ("code", "charge") if c not in lowered]
    if missing:
        problems.append(
            Problem(
                1,
                "header",
                f"missing header: the first line must name the columns "
                f"{', '.join(COLUMNS)} (and any allowed:<payer id>); "
                f"no {' or '.join(missing)} column",
            )
        )
        return [], []
    known = None if known_payers is None else set(known_payers)
    columns: list[str] = []
    payers: list[str] = []
    for name, low in zip(names, lowered, strict=True):
        if low in COLUMNS:
            if low in columns:
                problems.append(Problem(1, name, "column named twice"))
            columns.append(low)
        elif low.startswith(ALLOWED_PREFIX):
            payer = name[len(ALLOWED_PREFIX) :].strip()
            column = f"{ALLOWED_PREFIX}{payer}"
            if not payer:
                problems.append(Problem(1, name, "name the payer: allowed:<payer id>"))
            elif known is not None and payer not in known:
                problems.append(Problem(1, column, f"no payer with id {payer!r} is set up"))
            elif column in columns:
                problems.append(Problem(1, column, "column named twice"))
            columns.append(column)
            payers.append(payer)
        else:
            problems.append(
                Problem(
                    1,
                    name or "(empty)",
                    f"unknown column: the columns are {', '.join(COLUMNS)} and allowed:<payer id>",
                )
            )
            columns.append("")
    return columns, payers


def read_fees(
    text: str, source: str = "fee file", *, known_payers: Iterable[str] | None = None
) -> FeeTable:
    """Read a fee file's text; :class:`FeeFileError` listing every problem by line.

    ``known_payers``: the payer ids of the organisation (an ``allowed:`` column for any
    other is a problem); None accepts any.
    """
    problems: list[Problem] = []
    rows: list[FeeRow] = []
    seen: dict[tuple[str, str], int] = {}
    columns: list[str] = []
    payers: list[str] = []
    try:
        for line, fields in _records(text):
            if not columns:
                columns, payers = _header(fields, known_payers, problems)
                if not columns:
                    break
                continue
            if len(rows) >= MAX_ROWS:
                problems.append(
                    Problem(line, "", f"more than {MAX_ROWS:,} rows: split the schedule")
                )
                break
            row = _row(line, fields, columns, problems)
            if row is None:
                continue
            first = seen.get(row.key)
            if first is not None:
                what = f"{row.code} with modifier {row.modifier}" if row.modifier else row.code
                problems.append(
                    Problem(line, "code", f"duplicate: {what} is already on line {first}")
                )
                continue
            seen[row.key] = line
            rows.append(row)
    except csv.Error as exc:
        problems.append(Problem(0, "", f"not readable as CSV ({exc})"))
    if not columns and not problems:
        problems.append(
            Problem(
                1,
                "header",
                f"missing header: the file is empty; name the columns {', '.join(COLUMNS)}",
            )
        )
    if problems:
        raise FeeFileError(source, problems[:MAX_LISTED], max(0, len(problems) - MAX_LISTED))
    return FeeTable(source, rows, payers)


def _row(
    line: int, fields: list[str], columns: list[str], problems: list[Problem]
) -> FeeRow | None:
    if len(fields) != len(columns):
        problems.append(
            Problem(line, "", f"{len(fields)} fields where the header names {len(columns)}")
        )
        return None
    values = dict(zip(columns, (f.strip() for f in fields), strict=True))
    before = len(problems)
    code = values.get("code", "").upper()
    if not code:
        problems.append(Problem(line, "code", "missing"))
    elif code_system(code) is None:
        problems.append(
            Problem(
                line,
                "code",
                f"{_short(code)} is not a CPT code (5 digits, or 4 digits and F, T or U) "
                "or a HCPCS code (a letter and 4 digits)",
            )
        )
    modifier = values.get("modifier", "").upper()
    if modifier and not MODIFIER_RE.match(modifier):
        problems.append(
            Problem(line, "modifier", f"{_short(modifier)} is not two letters or digits")
        )
    charge = _amount(values.get("charge", ""), "charge", line, problems)
    allowed: dict[str, Decimal] = {}
    for column, value in values.items():
        if column.startswith(ALLOWED_PREFIX) and value:
            amount = _amount(value, column, line, problems)
            if amount is not None:
                allowed[column[len(ALLOWED_PREFIX) :]] = amount
    if len(problems) > before or charge is None:
        return None
    return FeeRow(line, code, modifier, charge, allowed)


def _short(text: str) -> str:
    return repr(text if len(text) <= 20 else text[:17] + "...")


class CodeChecker(Protocol):
    def lookup(self, system: str, code: str, as_of: dt.date) -> Any: ...

    def completeness(self, system: str, code: str, as_of: dt.date) -> str: ...


def check_codes(table: FeeTable, as_of: dt.date, codes: CodeChecker) -> None:
    """Look each code and modifier up as of ``as_of``: missing from a complete list in
    force is an error (:class:`FeeFileError`), missing from a partial one a warning added
    to ``table.warnings``; a system with no list loaded is one warning for the file."""
    problems: list[Problem] = []
    unchecked: dict[str, str] = {}
    done: dict[tuple[str, str], tuple[str, str]] = {}  # (system, code) -> (kind, text)
    for row in table.rows:
        system = code_system(row.code)
        assert system is not None  # read_fees checked the shape
        checks = [(system, row.code, "code")]
        if row.modifier:
            checks.append(("modifier", row.modifier, "modifier"))
        for sys_name, value, column in checks:
            key = (sys_name, value)
            if key not in done:
                done[key] = _judge(codes, sys_name, value, as_of, unchecked)
            kind, reason = done[key]
            if kind == "error":
                problems.append(Problem(row.line, column, reason))
            elif kind == "warning":
                table.warnings.append(Problem(row.line, column, reason))
    for message in unchecked.values():
        table.warnings.append(Problem(0, "", message))
    if problems:
        raise FeeFileError(table.source, problems[:MAX_LISTED], max(0, len(problems) - MAX_LISTED))


def _judge(
    codes: CodeChecker, system: str, value: str, as_of: dt.date, unchecked: dict[str, str]
) -> tuple[str, str]:
    found = codes.lookup(system, value, as_of)
    if found.code is not None:
        return "ok", ""
    if found.coverage in ("none-loaded", "before-oldest"):
        unchecked.setdefault(system, f"not checked against a code list: {found.message}")
        return "ok", ""
    why = codes.completeness(system, value, as_of)
    if why:
        return "warning", why
    release = found.release.release if found.release is not None else "the loaded list"
    what = "modifier" if system == "modifier" else f"{system.upper()} code"
    return "error", f"{what} {value} is not valid on {as_of} (not in force in {release})"


def export_rows(schedule: FeeSchedule) -> tuple[list[str], list[list[str]]]:
    fees = list(Fee.objects.filter(schedule=schedule).prefetch_related("allowed__payer"))
    payers = sorted({a.payer.payer_id for f in fees for a in f.allowed.all()})
    header = [*COLUMNS, *(f"{ALLOWED_PREFIX}{p}" for p in payers)]
    body = []
    for fee in fees:
        amounts = {a.payer.payer_id: a.amount for a in fee.allowed.all()}
        body.append(
            [
                fee.code,
                fee.modifier,
                f"{fee.charge:.2f}",
                *(f"{amounts[p]:.2f}" if p in amounts else "" for p in payers),
            ]
        )
    return header, body


def export_csv(schedule: FeeSchedule) -> str:
    """The schedule's rows as a fee file (the columns :func:`read_fees` reads)."""
    header, body = export_rows(schedule)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(body)
    return out.getvalue()
