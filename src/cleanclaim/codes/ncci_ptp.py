"""NCCI procedure-to-procedure (PTP) edits, practitioner table.

Official layout (CMS, "Medicare NCCI Procedure to Procedure (PTP) Edits",
practitioner files ``ccipra-vXXYrZ-fN.txt``, tab-delimited, one header row)::

    Column 1 | Column 2 | *=in existence prior to 1996 | Effective Date |
    Deletion Date (*=no data) | Modifier (0=not allowed,1=allowed,9=not applicable) |
    PTP Edit Rationale

The full table is about 1.5 million rows split over four files by column-1
code range. Parsed rows are kept as parallel ``array`` columns sorted by the
packed (column 1, column 2) key and written to a compact binary cache, so a
release loads in well under a second and a lookup is a bisection.

Dates of service: an edit applies when ``effective <= DOS <= deletion``. CMS
deletes edits at quarter boundaries and the published deletion dates are the
last day of a quarter (``20231231``, ``20260630`` in v322r0), i.e. the last
date of service the edit applied to; see docs/decisions/0501-ncci-dates.md.
Modifier indicator 9 means the edit does not apply at all.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import mmap
import re
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeAlias

from cleanclaim.codes.ncci_common import (
    NO_END,
    NcciFormatError,
    pack_code,
    parse_date,
    quarter_start,
)

__all__ = ["PtpPart", "parse_ptp", "ptp_release_from_name", "read_cache", "write_cache"]

Column: TypeAlias = "array[int] | memoryview[int]"  # one column of a part, indexed by row

_NAME = re.compile(r"cci(pra|hos)-v(\d\d)(\d)r(\d+)-f(\d+)", re.IGNORECASE)
_MAGIC = b"CCPTP\x01\x00\x00"
HEADER_START = "Column 1\tColumn 2"


def ptp_release_from_name(name: str) -> tuple[str, int, dt.date] | None:
    """``ccipra-v322r0-f1.txt`` -> ("v322r0", 1, 2026-07-01).

    NCCI versions number quarters: vXY.Z with XY = year - 1994 and Y... the
    third digit the quarter minus one (v30.1 = 2024 Q2, v32.2 = 2026 Q3).
    """
    m = _NAME.search(name)
    if not m:
        return None
    _kind, major, minor, rev, part = m.groups()
    effective = quarter_start(1994 + int(major), int(minor) + 1)
    return f"v{major}{minor}r{rev}", int(part), effective


@dataclass(slots=True, repr=False)
class PtpPart:
    """One file of one release, as sorted parallel columns."""

    release: str
    part: int
    effective: dt.date
    sha256: str
    source_file: str
    # columns: arrays when parsed, views of the mapped cache file when loaded
    keys: Column  # "Q": col1 << 32 | col2
    eff: Column  # 'I' yyyymmdd
    dele: Column  # 'I' yyyymmdd or NO_END
    mod: Column  # 'B'
    rat: Column  # 'B' index into rationales
    pre96: Column  # 'B'
    rationales: list[str]
    # the smallest and largest key (an empty part: first > last); a pair outside them
    # needs no search (the four practitioner files split the codes into ranges)
    first: int = field(init=False)
    last: int = field(init=False)

    def __post_init__(self) -> None:
        self.first, self.last = (self.keys[0], self.keys[-1]) if len(self.keys) else (1, 0)

    @property
    def rows(self) -> int:
        return len(self.keys)

    def __repr__(self) -> str:
        return f"PtpPart({self.source_file!r}, release={self.release!r}, rows={self.rows})"

    def has_pair(self, key: int, dos_ymd: int) -> int:
        """Fast path: index of the row in force on ``dos_ymd`` for packed ``key``, else -1."""
        keys = self.keys
        i = bisect.bisect_left(keys, key)
        n = len(keys)
        while i < n and keys[i] == key:
            if self.eff[i] <= dos_ymd <= self.dele[i]:
                return i
            i += 1
        return -1


def parse_ptp(path: Path, sha256: str) -> PtpPart:
    """Parse one official practitioner PTP file (or an excerpt in its layout)."""
    info = ptp_release_from_name(path.name)
    if info is None:
        raise NcciFormatError(
            f"{path}: file name does not carry an NCCI release (expected ccipra-vXXYrZ-fN.txt)"
        )
    release, part, effective = info
    text = path.read_bytes().decode("latin-1")
    lines = text.splitlines()
    start = None
    for i, line in enumerate(lines[:50]):
        if line.startswith(HEADER_START):
            start = i + 1
            break
    if start is None:
        raise NcciFormatError(
            f"{path}: no 'Column 1<TAB>Column 2' header row in the first 50 lines"
        )
    rationales: dict[str, int] = {}
    rows: list[tuple[int, int, int, int, int, int]] = []
    append = rows.append
    for lineno, line in enumerate(lines[start:], start=start + 1):
        if not line.strip():
            continue
        f = line.split("\t")
        if len(f) < 6:
            raise NcciFormatError(f"{path}:{lineno}: expected 7 tab-separated fields, got {len(f)}")
        try:
            key = pack_code(f[0].strip()) << 32 | pack_code(f[1].strip())
            eff = parse_date(f[3])
            dele = parse_date(f[4])
            mod = int(f[5])
        except (KeyError, ValueError) as exc:
            raise NcciFormatError(f"{path}:{lineno}: {exc}") from None
        if eff == NO_END:
            raise NcciFormatError(f"{path}:{lineno}: missing effective date")
        if mod not in (0, 1, 9):
            raise NcciFormatError(f"{path}:{lineno}: modifier indicator {mod} is not 0, 1 or 9")
        rat_text = f[6].strip() if len(f) > 6 else ""
        rat = rationales.setdefault(rat_text, len(rationales))
        if rat > 255:
            raise NcciFormatError(f"{path}:{lineno}: more than 256 distinct rationales")
        append((key, eff, dele, mod, rat, 1 if f[2].strip() == "*" else 0))
    if not rows:
        raise NcciFormatError(f"{path}: no PTP edits after the header (the file is cut off?)")
    rows.sort()
    return PtpPart(
        release=release,
        part=part,
        effective=effective,
        sha256=sha256,
        source_file=path.name,
        keys=array("Q", [r[0] for r in rows]),
        eff=array("I", [r[1] for r in rows]),
        dele=array("I", [r[2] for r in rows]),
        mod=array("B", [r[3] for r in rows]),
        rat=array("B", [r[4] for r in rows]),
        pre96=array("B", [r[5] for r in rows]),
        rationales=list(rationales),
    )


_COLUMNS = ("keys", "eff", "dele", "mod", "rat", "pre96")
_TYPES: tuple[Literal["Q", "I", "B"], ...] = ("Q", "I", "I", "B", "B", "B")


def write_cache(part: PtpPart, path: Path) -> None:
    header = {
        "release": part.release,
        "part": part.part,
        "effective": part.effective.isoformat(),
        "sha256": part.sha256,
        "source_file": part.source_file,
        "rows": part.rows,
        "rationales": part.rationales,
    }
    head = json.dumps(header).encode()
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as fh:
        fh.write(_MAGIC)
        fh.write(len(head).to_bytes(4, "little"))
        fh.write(head)
        for name in _COLUMNS:
            fh.write(getattr(part, name))
    tmp.replace(path)


def read_cache(path: Path) -> PtpPart:
    """One part mapped from its cache file: the columns are views of the mapped file (no
    copy, nothing parsed); a lookup touches only the pages its bisection reads
    (docs/decisions/0504-scrub-start-up.md). Re-importing replaces the file by renaming,
    so a part already mapped keeps reading the file it opened."""
    try:
        with path.open("rb") as fh:
            data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except ValueError:  # an empty file cannot be mapped
        data = None
    except OSError as exc:
        raise NcciFormatError(f"{path}: cannot read the PTP cache ({exc.strerror})") from None
    if data is None or data[:8] != _MAGIC:
        raise NcciFormatError(f"{path}: not a cleanclaim PTP cache (re-import the NCCI files)")
    try:
        hlen = int.from_bytes(data[8:12], "little")
        header = json.loads(data[12 : 12 + hlen])
        n = int(header["rows"])
    except (ValueError, KeyError, TypeError):
        raise NcciFormatError(f"{path}: damaged PTP cache (re-import the NCCI files)") from None
    pos = 12 + hlen
    view = memoryview(data)
    cols: dict[str, memoryview[int]] = {}
    for name, code in zip(_COLUMNS, _TYPES, strict=True):
        size = array(code).itemsize * n
        if pos + size > len(data):
            raise NcciFormatError(f"{path}: truncated PTP cache (re-import the NCCI files)")
        cols[name] = view[pos : pos + size].cast(code)
        pos += size
    return PtpPart(
        release=header["release"],
        part=int(header["part"]),
        effective=dt.date.fromisoformat(header["effective"]),
        sha256=header["sha256"],
        source_file=header["source_file"],
        rationales=list(header["rationales"]),
        **cols,
    )
