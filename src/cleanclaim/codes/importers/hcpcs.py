"""HCPCS Level II "ANWEB" files: fixed-width text, CSV, xlsx/xls, or the zip CMS publishes.

Record layout (CMS "HCPCS record layout", shipped with each annual file; 1-based
positions of the fixed-width ``HCPCyyyy_ANWEB*.txt``):

====  =========  ====================================================
pos   field      meaning
====  =========  ====================================================
1-5   HCPC       the code (modifiers are right-aligned: ``"   LT"``)
6-10  SEQNUM     sequence of the record within the code
11    RECID      3 procedure, 4 procedure continuation, 7 modifier,
                 8 modifier continuation
12-91 LONG DESC  80 characters; continuation records carry the rest
92-119 SHORT     28 characters
269-276 ADD DT   date the code was added
277-284 ACT EFF DT  effective date of the latest action
285-292 TERM DT  termination date: the last day the code may be used
293   ACTION CD  A add, C change, D discontinue, N no change, ...
====  =========  ====================================================

The CSV and spreadsheet layouts carry the same fields as named columns
(``HCPC,SEQNUM,RECID,LONG DESCRIPTION,SHORT DESCRIPTION,...,ADD DT,ACT EFF DT,TERM DT,ACTION CD``).
Procedure records become system ``hcpcs``; modifier records become system ``modifier``
(with ``extra["level"] = "II"``).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Code
from .base import ParsedRelease, RefdataFileError, parse_yyyymmdd, read_csv_rows, sha256_of

__all__ = ["parse_hcpcs", "release_of", "sniff_hcpcs"]

_MONTHS = {"JAN": 1, "APR": 4, "JUL": 7, "OCT": 10}


@dataclass(slots=True)
class _Rec:
    code: str
    recid: str
    long: str
    short: str = ""
    add: str = ""
    act: str = ""
    term: str = ""
    action: str = ""
    more: list[str] = field(default_factory=list)


def release_of(name: str) -> tuple[str, dt.date, dt.date]:
    """``HCPC2026_OCT_ANWEB.csv`` -> ("2026-10", 2026-10-01, 2026-12-31);
    ``HCPC2020_ANWEB...`` / ``2020-Alpha-Numeric-HCPCS-File.zip`` -> ("2020-01", Jan 1, Dec 31).

    CMS publishes the annual file for January and quarterly updates (April, July,
    October); a quarterly release is in force until the next annual file.
    """
    m = re.search(r"(20\d\d)", name)
    if not m:
        raise RefdataFileError(f"{name}: cannot tell the HCPCS release year from the file name")
    year = int(m.group(1))
    month = 1
    for mon, num in _MONTHS.items():
        if re.search(rf"(?i)[_\- ]{mon}", name):
            month = num
    return f"{year}-{month:02d}", dt.date(year, month, 1), dt.date(year, 12, 31)


def sniff_hcpcs(path: Path, head: bytes) -> bool:
    name = path.name.upper()
    if head.startswith(b"PK") and path.suffix.lower() == ".zip":
        return "HCPC" in name or "ALPHA-NUMERIC" in name
    if head.lstrip(b"\xef\xbb\xbf").upper().startswith(b"HCPC,SEQNUM,RECID"):
        return True
    if path.suffix.lower() in (".xlsx", ".xls"):
        return "HCPC" in name
    return path.suffix.lower() == ".txt" and "ANWEB" in name


#: A record reaches at least the ACTION CD (position 293); the published lines are 320.
_RECORD_MIN = 293


def _fixed_width(text: str, where: str) -> Iterator[_Rec]:
    for lineno, line in enumerate(text.splitlines(), start=1):
        if len(line) < 12 or line[10] not in "3478" or not line[5:10].isdigit():
            continue  # disclaimer and blank lines
        if len(line.rstrip("\r\n")) < _RECORD_MIN and line[10] in "37":
            raise RefdataFileError(
                f"{where} line {lineno}: a {len(line)}-character record, the layout has "
                f"{_RECORD_MIN} or more (positions 1-320): the record is cut off"
            )
        yield _Rec(
            code=line[0:5].strip(),
            recid=line[10],
            long=line[11:91].rstrip(),
            short=line[91:119].strip(),
            add=line[268:276],
            act=line[276:284],
            term=line[284:292],
            action=line[292:293],
        )


def _columns(rows: Iterable[dict[str, str]], where: str) -> Iterator[_Rec]:
    for i, row in enumerate(rows, start=2):
        code = (row.get("HCPC") or "").strip()
        recid = (row.get("RECID") or "").strip()
        if not code or not recid:
            raise RefdataFileError(f"{where} row {i}: HCPC or RECID is empty")
        yield _Rec(
            code=code,
            recid=recid,
            long=row.get("LONG DESCRIPTION", "").strip(),
            short=row.get("SHORT DESCRIPTION", "").strip(),
            add=row.get("ADD DT", ""),
            act=row.get("ACT EFF DT", ""),
            term=row.get("TERM DT", ""),
            action=row.get("ACTION CD", ""),
        )


def _sheet_rows(path: Path, data: bytes) -> list[dict[str, str]]:
    table: list[list[str]] = []
    if path.suffix.lower() == ".xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        ws = wb.worksheets[0]
        for r in ws.iter_rows(values_only=True):
            table.append(["" if v is None else str(v) for v in r])
    else:
        import xlrd

        book = xlrd.open_workbook(file_contents=data)
        sh = book.sheet_by_index(0)
        for i in range(sh.nrows):
            table.append([_xl(v) for v in sh.row_values(i)])
    for i, r in enumerate(table):
        if r and r[0].strip().upper() == "HCPC":
            header = [h.strip() for h in r]
            return [dict(zip(header, row, strict=False)) for row in table[i + 1 :] if any(row)]
    raise RefdataFileError(f"{path.name}: no header row starting with HCPC")


def _xl(v: object) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _merge(recs: Iterable[_Rec], where: str) -> list[_Rec]:
    out: list[_Rec] = []
    for r in recs:
        if r.recid in ("4", "8"):
            if not out or out[-1].code != r.code:
                raise RefdataFileError(
                    f"{where}: continuation record for {r.code} without a first record"
                )
            out[-1].more.append(r.long)
        elif r.recid in ("3", "7"):
            out.append(r)
        else:
            raise RefdataFileError(f"{where}: {r.code}: unknown RECID {r.recid!r}")
    return out


def _records(path: Path, data: bytes) -> tuple[str, list[_Rec]]:
    """(name of the file inside, records) for any supported layout."""
    suffix = path.suffix.lower()
    if suffix == ".zip":
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = [n for n in zf.namelist() if "ANWEB" in n.upper()]
            pick = next((n for n in names if n.lower().endswith(".txt")), None)
            pick = pick or next((n for n in names if n.lower().endswith((".csv", ".xlsx"))), None)
            if pick is None:
                raise RefdataFileError(f"{path.name}: no *ANWEB*.txt/.csv/.xlsx inside the zip")
            inner = Path(pick)
            _, recs = _records(inner, zf.read(pick))
            return f"{path.name}!{inner.name}", recs
    if suffix in (".xlsx", ".xls"):
        return path.name, _merge(_columns(_sheet_rows(path, data), path.name), path.name)
    if data.lstrip(b"\xef\xbb\xbf").upper().startswith(b"HCPC,"):
        _, rows = read_csv_rows(path, data)
        return path.name, _merge(_columns(rows, path.name), path.name)
    return path.name, _merge(_fixed_width(data.decode("latin-1"), path.name), path.name)


def parse_hcpcs(path: Path, data: bytes) -> list[ParsedRelease]:
    sha = sha256_of(data)
    label, effective, end = release_of(path.name)
    shown, recs = _records(path, data)
    if not recs:
        raise RefdataFileError(f"{path.name}: no HCPCS records found")
    procs = ParsedRelease("hcpcs-anweb", "hcpcs", label, effective, end, shown, sha)
    mods = ParsedRelease("hcpcs-anweb", "modifier", f"HCPCS {label}", effective, end, shown, sha)
    for r in recs:
        where = f"{shown} code {r.code}"
        long = " ".join([r.long, *r.more]).strip()
        long = re.sub(r"\s+", " ", long)
        added = parse_yyyymmdd(r.add, where=f"{where} ADD DT")
        term = parse_yyyymmdd(r.term, where=f"{where} TERM DT")
        extra = {"action": r.action.strip()} if r.action.strip() else {}
        act = parse_yyyymmdd(r.act, where=f"{where} ACT EFF DT")
        if act:
            extra["action_effective"] = act.isoformat()
        if r.recid == "7":
            extra["level"] = "II"
            target = mods
        else:
            target = procs
        target.codes.append(
            Code(
                target.system,
                r.code,
                r.short or long[:28],
                long,
                True if target is procs else None,
                added,
                term,
                target.release,
                extra=extra,
            )
        )
    return [p for p in (procs, mods) if p.codes]
