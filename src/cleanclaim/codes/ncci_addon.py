"""NCCI add-on code (AOC) edits.

Official layout (CMS "Medicare NCCI Add-on Code Edits", ``AOC_VyyyyQn-MCR.txt``,
tab-delimited with a header row; also published as xlsx). Columns, read by
name so their order does not matter: Add-On Code, AOC Del Dt, Primary Code,
Primary Code Del Dt, AOC Edit Type, AOC Edit Eff Dt, AOC Edit Del Dt,
Special Instruction Notes. Dates are written year + day of year (``2024092``)
or ``*`` for none. A type 2 edit has no list of primaries (primary ``CCCCC``).

Edit types (CMS): 1 - only paid with one of the listed primary codes;
2 - no specific primary list, the contractor decides what is an acceptable
primary; 3 - some primaries are listed (in the CPT Manual) but the contractor
may accept others.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from cleanclaim.codes.ncci_common import (
    NO_END,
    NcciFormatError,
    csv_rows,
    parse_date,
    quarter_start,
)

__all__ = ["AddonEdit", "AddonTable", "addon_release_from_name", "parse_addon"]

_NAME = re.compile(r"AOC_V(\d{4})Q([1-4])", re.I)
NO_PRIMARY = "CCCCC"


@dataclass(frozen=True, slots=True)
class AddonEdit:
    addon: str
    primary: str | None  # None for "no specific primary" (CCCCC)
    edit_type: int
    effective: int  # yyyymmdd
    deletion: int  # yyyymmdd, NO_END for none
    note: str = ""

    def applies_on(self, dos_ymd: int) -> bool:
        return self.effective <= dos_ymd <= self.deletion


@dataclass(slots=True)
class AddonTable:
    release: str
    effective: dt.date
    sha256: str
    source_file: str
    edits: dict[str, list[AddonEdit]] = field(default_factory=dict)

    @property
    def rows(self) -> int:
        return sum(len(v) for v in self.edits.values())


def addon_release_from_name(name: str) -> tuple[str, dt.date] | None:
    m = _NAME.search(name)
    if not m:
        return None
    year, q = int(m.group(1)), int(m.group(2))
    return f"{year}Q{q}", quarter_start(year, q)


def _norm(h: str) -> str:
    n = re.sub(r"[^a-z0-9]+", "_", h.strip().lower()).strip("_")
    return n.removesuffix("_julian")


_REQUIRED = ("add_on_code", "primary_code", "aoc_edit_type", "aoc_edit_eff_dt", "aoc_edit_del_dt")


def parse_addon(path: Path, sha256: str) -> AddonTable:
    info = addon_release_from_name(path.name)
    if info is None:
        raise NcciFormatError(
            f"{path}: no add-on edit release in the file name (expected AOC_VyyyyQn-MCR.txt)"
        )
    release, effective = info
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    first = text.split("\n", 1)[0]
    delim = "\t" if "\t" in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=True)
    header: list[str] | None = None
    table = AddonTable(release, effective, sha256, path.name)
    for lineno, row in csv_rows(reader, path):
        if header is None:
            names = [_norm(h) for h in row]
            if "add_on_code" in names and "primary_code" in names:
                missing = [c for c in _REQUIRED if c not in names]
                if missing:
                    raise NcciFormatError(f"{path}:{lineno}: header lacks {', '.join(missing)}")
                header = names
            continue
        if not row or not any(c.strip() for c in row):
            continue
        width = max(i for i, h in enumerate(header) if h in _REQUIRED) + 1
        if len(row) < width:
            raise NcciFormatError(
                f"{path}:{lineno}: {len(row)} field(s), the header has {len(header)}: "
                "the row is incomplete"
            )
        rec = dict(zip(header, (c.strip() for c in row), strict=False))
        try:
            addon = rec["add_on_code"].upper()
            primary = rec["primary_code"].upper()
            etype = int(rec["aoc_edit_type"])
            eff = parse_date(rec["aoc_edit_eff_dt"])
            dele = parse_date(rec.get("aoc_edit_del_dt", ""))
        except (KeyError, ValueError) as exc:
            raise NcciFormatError(f"{path}:{lineno}: {exc}") from None
        if etype not in (1, 2, 3):
            raise NcciFormatError(f"{path}:{lineno}: AOC edit type {etype} is not 1, 2 or 3")
        if eff == NO_END:
            raise NcciFormatError(f"{path}:{lineno}: missing AOC edit effective date")
        edit = AddonEdit(
            addon=addon,
            primary=None if primary in ("", NO_PRIMARY) else primary,
            edit_type=etype,
            effective=eff,
            deletion=dele,
            note=rec.get("special_instruction_notes", ""),
        )
        table.edits.setdefault(addon, []).append(edit)
    if header is None:
        raise NcciFormatError(f"{path}: no header row with 'Add-On Code' and 'Primary Code'")
    if not table.edits:
        raise NcciFormatError(f"{path}: no add-on edits after the header (the file is cut off?)")
    return table
