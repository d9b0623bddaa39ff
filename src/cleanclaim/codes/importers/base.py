"""What every importer produces: one :class:`ParsedRelease` per code system in a file."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Code

__all__ = [
    "UNDATED",
    "ParsedRelease",
    "RefdataFileError",
    "check_ends_with_line_break",
    "is_excerpt",
    "line_of",
    "parse_yyyymmdd",
    "read_csv_rows",
    "sha256_of",
    "undated_label",
]

UNDATED = dt.date(1900, 1, 1)  # effective date of lists that publish none (CARC, RARC...)


class RefdataFileError(ValueError):
    """A file that cannot be imported; the message names the file and the place."""


@dataclass(slots=True)
class ParsedRelease:
    """One release of one code system read from one official file."""

    kind: str  # importer kind ("hcpcs-anweb", "carc", ...)
    system: str
    release: str
    effective: dt.date
    end: dt.date | None
    source_file: str
    sha256: str
    codes: list[Code] = field(default_factory=list)
    complete: bool = True


def is_excerpt(name: str) -> bool:
    """True for a file that says it is part of an official file: CMS and X12 never put
    "excerpt" or "sample" in the names of the files they publish (``HCPC2026_OCT_ANWEB.csv``,
    ``ccipra-v322r0-f1.txt``), so a file named ``HCPC2026_OCT_ANWEB.excerpt.csv`` is read as
    a partial release: its codes are used, but a code missing from it proves nothing."""
    low = name.lower()
    return "excerpt" in low or "sample" in low


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def undated_label(path: Path, sha: str) -> str:
    """Release label for a list that carries no version: file stem + short hash."""
    return f"{path.stem} ({sha[:8]})"


def parse_yyyymmdd(value: str, *, where: str) -> dt.date | None:
    """``20200101`` / ``2020-01-01`` -> date; blank -> None; anything else -> RefdataFileError."""
    v = value.strip()
    if not v:
        return None
    digits = re.sub(r"[-/]", "", v)
    if not (len(digits) == 8 and digits.isdigit()):
        raise RefdataFileError(f"{where}: {value!r} is not a date (YYYYMMDD)")
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError as exc:
        raise RefdataFileError(f"{where}: {value!r} is not a valid date ({exc})") from exc


def line_of(data: bytes, offset: int) -> int:
    """1-based line number of byte ``offset`` in ``data``."""
    return data.count(b"\n", 0, offset) + 1


def check_ends_with_line_break(name: str, data: bytes) -> None:
    """A text file the publishers end with a line break (every official CSV and text file
    does) that does not is cut off mid-line: refuse it whole, naming the last line."""
    if data and not data.endswith((b"\n", b"\r")):
        last = line_of(data, len(data))
        raise RefdataFileError(
            f"{name} line {last}: the file ends mid-line (no line break after the last line): "
            "it looks cut off; download it again (a file made by hand must end with a line break)"
        )


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def read_csv_rows(
    path: Path, data: bytes, *, strict: bool = True
) -> tuple[list[str], list[dict[str, str]]]:
    """Decode (UTF-8 with or without BOM, else Latin-1) and read a CSV with a header.

    Complete rows only: a quoted field left open at the end (the file cut mid-quote), or a
    row with fewer fields than the header (cut mid-row) or more non-empty fields (a comma
    that should have been quoted) raises :class:`RefdataFileError` naming the line.
    ``strict=False`` (to sniff a file's kind from its first bytes) skips such rows."""
    reader = csv.reader(io.StringIO(_decode(data), newline=""), strict=strict)
    rows: list[dict[str, str]] = []
    header: list[str] = []
    try:
        for fields in reader:
            if not header:
                header = [h.strip() for h in fields]
                if not any(header):
                    header = []
                continue
            if not any(f.strip() for f in fields):
                continue  # a blank line
            if len(fields) < len(header) or any(f.strip() for f in fields[len(header) :]):
                if not strict:
                    continue
                raise RefdataFileError(
                    f"{path.name} line {reader.line_num}: {len(fields)} field(s), the header has "
                    f"{len(header)}: the row is incomplete or has an unquoted comma"
                )
            rows.append({k: v.strip() for k, v in zip(header, fields, strict=False)})
    except csv.Error as exc:
        if not strict and header:
            return header, rows
        raise RefdataFileError(
            f"{path.name} line {reader.line_num}: not readable as CSV ({exc}; a quoted field "
            "left open means the file is cut off)"
        ) from None
    if not header:
        raise RefdataFileError(f"{path.name}: empty file, expected a CSV header")
    return header, rows
