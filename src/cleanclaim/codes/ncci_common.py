"""Shared helpers of the NCCI importers: code packing, dates, file hashing, errors."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = [
    "NO_END",
    "NcciFormatError",
    "csv_rows",
    "pack_code",
    "parse_date",
    "quarter_start",
    "sha256_of",
    "unpack_code",
    "ymd",
    "ymd_to_date",
]

NO_END = 99991231  # stands for "*" / no deletion date

_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class NcciFormatError(ValueError):
    """An NCCI file that does not have the published layout; names file and line."""


def csv_rows(reader: Any, path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of a ``csv.reader`` (``strict``), a CSV error (a quoted
    field left open: the file cut off) becoming :class:`NcciFormatError` naming the line."""
    try:
        for row in reader:
            yield reader.line_num, row
    except csv.Error as exc:
        raise NcciFormatError(
            f"{path}:{reader.line_num}: not readable as CSV ({exc}; a quoted field left "
            "open means the file is cut off)"
        ) from None


def pack_code(code: str) -> int:
    """A 5-character HCPCS/CPT code as a base-36 integer (< 36**5, fits 26 bits).

    Raises KeyError/ValueError for anything else; callers turn that into a
    :class:`NcciFormatError` naming the file and line.
    """
    if (
        len(code) != 5
        or not code.isascii()
        or not code.isalnum()
        or (not code.isupper() and not code.isdigit())
    ):
        raise ValueError(f"{code!r} is not a 5-character HCPCS/CPT code")
    return int(code, 36)  # digits 0-9 then A-Z: the same base-36 value as unpack_code reads


def unpack_code(value: int) -> str:
    out = []
    for _ in range(5):
        value, r = divmod(value, 36)
        out.append(_ALPHABET[r])
    return "".join(reversed(out))


def ymd(d: dt.date) -> int:
    return d.year * 10000 + d.month * 100 + d.day


def ymd_to_date(v: int) -> dt.date | None:
    if v >= NO_END:
        return None
    return dt.date(v // 10000, v // 100 % 100, v % 100)


_JULIAN = re.compile(r"^\d{7}$")


def parse_date(text: str) -> int:
    """``20180701`` (PTP), ``2018182`` (add-on files: year + day of year) or
    ``*``/empty (none) -> yyyymmdd integer, NO_END for none."""
    t = text.strip()
    if t in ("", "*"):
        return NO_END
    if len(t) == 8 and t.isdigit():
        v = int(t)
        if 1 <= v // 100 % 100 <= 12 and 1 <= v % 100 <= 31:
            return v
        dt.date(v // 10000, v // 100 % 100, v % 100)  # raises ValueError naming the problem
    if _JULIAN.match(t):
        d = dt.date(int(t[:4]), 1, 1) + dt.timedelta(days=int(t[4:]) - 1)
        return ymd(d)
    for fmt in ("%m/%d/%Y", "%Y-%m-%d"):
        try:
            return ymd(dt.datetime.strptime(t, fmt).date())
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a date (expected YYYYMMDD, YYYYDDD or *)")


def quarter_start(year: int, quarter: int) -> dt.date:
    return dt.date(year, 3 * (quarter - 1) + 1, 1)


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
