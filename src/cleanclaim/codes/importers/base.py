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
    "is_excerpt",
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


def read_csv_rows(path: Path, data: bytes) -> tuple[list[str], list[dict[str, str]]]:
    """Decode (UTF-8 with or without BOM, else Latin-1) and read a CSV with a header."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip() for h in (reader.fieldnames or [])]
    if not header:
        raise RefdataFileError(f"{path.name}: empty file, expected a CSV header")
    reader.fieldnames = header
    rows = []
    for row in reader:
        rows.append({k: (v or "").strip() for k, v in row.items() if k is not None})
    return header, rows
