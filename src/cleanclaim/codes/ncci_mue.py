"""NCCI medically unlikely edits (MUE), practitioner services table.

Official layout (CMS "Medicare NCCI Medically Unlikely Edits", file
``MCR_MUE_PractitionerServices_Eff_MM-DD-YYYY.csv``): disclaimer lines, then
the header row ``"HCPCS/CPT Code",Practitioner Services MUE Values,MUE
Adjudication Indicator,MUE Rationale``. The adjudication indicator (MAI) is
written with its text: ``1 Line Edit``, ``2 Date of Service Edit: Policy``,
``3 Date of Service Edit: Clinical``. MAI 1 compares units per claim line;
MAI 2 and 3 compare units per date of service summed over the lines of the
claim (2 is absolute policy; 3 clinical, may be overturned on appeal).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from cleanclaim.codes.ncci_common import NcciFormatError, csv_rows

__all__ = ["MueEdit", "MueTable", "mue_release_from_name", "parse_mue"]

_NAME = re.compile(r"MUE_(Practitioner|OutpatientHospital|DME)\w*?_Eff_(\d\d)-(\d\d)-(\d{4})", re.I)


@dataclass(frozen=True, slots=True)
class MueEdit:
    code: str
    value: int
    mai: int  # adjudication indicator 1/2/3
    mai_text: str
    rationale: str


@dataclass(slots=True)
class MueTable:
    release: str  # "2026-07-01"
    effective: dt.date
    sha256: str
    source_file: str
    edits: dict[str, MueEdit]

    @property
    def rows(self) -> int:
        return len(self.edits)


def mue_release_from_name(name: str) -> tuple[str, dt.date] | None:
    m = _NAME.search(name)
    if not m:
        return None
    _kind, mm, dd, yyyy = m.groups()
    eff = dt.date(int(yyyy), int(mm), int(dd))
    return eff.isoformat(), eff


def parse_mue(path: Path, sha256: str) -> MueTable:
    info = mue_release_from_name(path.name)
    if info is None:
        raise NcciFormatError(
            f"{path}: file name does not carry an MUE effective date "
            "(expected MCR_MUE_PractitionerServices_Eff_MM-DD-YYYY.csv)"
        )
    release, effective = info
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    edits: dict[str, MueEdit] = {}
    in_table = False
    for lineno, row in csv_rows(reader, path):
        if not in_table:
            if row and "HCPCS" in row[0] and len(row) >= 3 and "MUE" in row[1]:
                in_table = True
            continue
        if not row or not row[0].strip():
            continue
        if len(row) < 3:
            raise NcciFormatError(f"{path}:{lineno}: expected 4 comma-separated fields")
        code = row[0].strip().upper()
        if len(row[1].strip()) > 9:
            raise NcciFormatError(f"{path}:{lineno}: MUE value {row[1][:20]!r}... is not a count")
        try:
            value = int(row[1].strip())
            mai_text = row[2].strip()
            mai = int(mai_text[:1])
        except ValueError:
            raise NcciFormatError(
                f"{path}:{lineno}: MUE value {row[1]!r} / indicator {row[2]!r} unreadable"
            ) from None
        if mai not in (1, 2, 3):
            raise NcciFormatError(
                f"{path}:{lineno}: MUE adjudication indicator {mai} not 1, 2 or 3"
            )
        rationale = row[3].strip() if len(row) > 3 else ""
        edits[code] = MueEdit(code, value, mai, mai_text, rationale)
    if not in_table:
        raise NcciFormatError(f"{path}: no 'HCPCS/CPT Code,...MUE Values,...' header row found")
    if not edits:
        raise NcciFormatError(f"{path}: no MUE rows after the header (the file is cut off?)")
    return MueTable(release, effective, sha256, path.name, edits)
