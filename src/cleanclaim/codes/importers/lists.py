"""Code lists published as CSV: CARC, RARC, POS, modifiers, NUCC taxonomy, X12 element
code lists, pyx12 code values, and a practice's licensed CPT file.

Layouts (header row first):

* CARC / RARC (X12 code lists as published at x12.org/codes): ``code,status,description``,
  ``status`` is ``current`` or ``deactivated``; deactivated codes are kept because old
  remittances still carry them.
* POS (CMS Place of Service code set): ``code,name,description,effective[,status,...]``.
* Modifiers: ``code,level,description[,source]``.
* NUCC health care provider taxonomy (nucc.org csv):
  ``Code,Grouping,Classification,Specialization,Definition,...``.
* X12 5010 element code lists: ``element_id,element_name,code,description``; element 1033
  (claim adjustment group code, CAS01) becomes system ``group``.
* pyx12 code values: ``codeset_id,codeset_name,data_ele,code``; ``claim_status_cat``
  (code source 507) and ``claim_status`` (code source 508) become ``claim_status_category``
  and ``claim_status`` (codes only: that file has no descriptions).
* CPT (licensed by the practice from the AMA): a header with ``code`` (or ``cpt``/``hcpcs``)
  and at least one of ``short``/``short description``/``description``/``long``/
  ``long description``/``medium description``. cleanclaim ships no CPT text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from ..model import Code
from .base import (
    UNDATED,
    ParsedRelease,
    RefdataFileError,
    parse_yyyymmdd,
    read_csv_rows,
    sha256_of,
    undated_label,
)

__all__ = ["LIST_KINDS", "parse_list", "sniff_list"]

_CPT_RE = re.compile(r"^[0-9]{4}[0-9FTUMA]$")


def _norm(header: list[str]) -> list[str]:
    return [h.strip().lower() for h in header]


def _kind_of(path: Path, header: list[str], rows: list[dict[str, str]]) -> str | None:
    h = _norm(header)
    name = path.name.lower()
    if h[:3] == ["code", "status", "description"]:
        if "rarc" in name or "remark" in name:
            return "rarc"
        if "carc" in name or "reason" in name:
            return "carc"
        codes = [r.get("code", "") for r in rows]
        remarkish = sum(1 for c in codes if c[:1] in "MN" and not c[:1].isdigit())
        return "rarc" if remarkish > len(codes) / 2 else "carc"
    if h[:4] == ["code", "name", "description", "effective"]:
        return "pos"
    if h[:3] == ["code", "level", "description"]:
        return "modifiers"
    if h[:4] == ["code", "grouping", "classification", "specialization"]:
        return "taxonomy"
    if h[:4] == ["element_id", "element_name", "code", "description"]:
        return "x12-elements"
    if h[:4] == ["codeset_id", "codeset_name", "data_ele", "code"]:
        return "pyx12-values"
    cpt = _cpt_columns(h)
    if cpt is not None:
        codes = [r.get(header[h.index(cpt[0])], "") for r in rows[:50]]
        if codes and sum(1 for c in codes if _CPT_RE.match(c)) >= len(codes) * 0.8:
            return "cpt"
    return None


def _cpt_columns(h: list[str]) -> tuple[str, str | None, str | None] | None:
    code = next((c for c in ("code", "cpt", "cpt code", "hcpcs") if c in h), None)
    short = next((c for c in ("short", "short description", "medium description") if c in h), None)
    long = next((c for c in ("long", "long description", "description") if c in h), None)
    if code is None or (short is None and long is None):
        return None
    return code, short, long


def sniff_list(path: Path, head: bytes) -> str | None:
    """The list kind of a CSV file from its header (and a few rows), else None."""
    if path.suffix.lower() not in (".csv", ".txt"):
        return None
    try:
        header, rows = read_csv_rows(path, head, strict=False)
    except (RefdataFileError, ValueError):
        return None
    return _kind_of(path, header, rows)


def _release(path: Path, sha: str) -> tuple[str, dt.date, dt.date | None]:
    """Lists without a version: label from the file name and hash, effective "always"."""
    return undated_label(path, sha), UNDATED, None


def _carc_rarc(
    system: str,
) -> Callable[[Path, list[str], list[dict[str, str]], str], ParsedRelease]:
    def parse(path: Path, header: list[str], rows: list[dict[str, str]], sha: str) -> ParsedRelease:
        label, eff, end = _release(path, sha)
        pr = ParsedRelease(system, system, label, eff, end, path.name, sha)
        for i, r in enumerate(rows, start=2):
            code, status, desc = r.get("code", ""), r.get("status", ""), r.get("description", "")
            if not code:
                raise RefdataFileError(f"{path.name} row {i}: empty code")
            if status not in ("current", "deactivated"):
                raise RefdataFileError(
                    f"{path.name} row {i}: status {status!r} is not current/deactivated"
                )
            pr.codes.append(
                Code(system, code, desc[:60], desc, None, None, None, label, status=status)
            )
        return pr

    return parse


def _pos(path: Path, header: list[str], rows: list[dict[str, str]], sha: str) -> ParsedRelease:
    label, eff, end = _release(path, sha)
    pr = ParsedRelease("pos", "pos", label, eff, end, path.name, sha)
    for i, r in enumerate(rows, start=2):
        code = r.get("code", "")
        if not re.fullmatch(r"[0-9]{2}", code):
            raise RefdataFileError(f"{path.name} row {i}: POS code {code!r} is not two digits")
        effective = parse_yyyymmdd(r.get("effective", ""), where=f"{path.name} row {i} effective")
        status = r.get("status") or None
        pr.codes.append(
            Code(
                "pos",
                code,
                r.get("name", ""),
                r.get("description", ""),
                None,
                effective,
                None,
                label,
                status=status,
            )
        )
    return pr


def _modifiers(
    path: Path, header: list[str], rows: list[dict[str, str]], sha: str
) -> ParsedRelease:
    label, eff, end = _release(path, sha)
    pr = ParsedRelease("modifiers", "modifier", label, eff, end, path.name, sha)
    for i, r in enumerate(rows, start=2):
        code = r.get("code", "")
        if not re.fullmatch(r"[0-9A-Z]{2}", code):
            raise RefdataFileError(f"{path.name} row {i}: modifier {code!r} is not two characters")
        level = (
            "I" if r.get("level", "").upper().startswith("I ") or r.get("level") == "I" else "II"
        )
        desc = r.get("description", "")
        pr.codes.append(
            Code("modifier", code, desc[:60], desc, None, None, None, label, extra={"level": level})
        )
    return pr


def _taxonomy(path: Path, header: list[str], rows: list[dict[str, str]], sha: str) -> ParsedRelease:
    version = next((r.get("Version", "") for r in rows if r.get("Version")), "")
    m = re.search(r"(\d+\.\d+)", version)
    y = re.search(r"(19|20)\d\d", version)
    label = f"v{m.group(1)}" if m else undated_label(path, sha)
    eff = dt.date(int(y.group(0)), 1, 1) if y else UNDATED
    pr = ParsedRelease("taxonomy", "taxonomy", label, eff, None, path.name, sha)
    for i, r in enumerate(rows, start=2):
        code = r.get("Code", "")
        if not re.fullmatch(r"[0-9A-Z]{9}X", code):
            raise RefdataFileError(
                f"{path.name} row {i}: taxonomy code {code!r} is not 10 characters ending in X"
            )
        parts = [r.get("Grouping", ""), r.get("Classification", ""), r.get("Specialization", "")]
        short = " - ".join(p for p in parts[1:] if p) or parts[0]
        status = "active" if r.get("Active", "true").lower() != "false" else "inactive"
        extra = {"grouping": parts[0], "classification": parts[1], "specialization": parts[2]}
        pr.codes.append(
            Code(
                "taxonomy",
                code,
                short,
                r.get("Definition", "") or short,
                None,
                None,
                None,
                label,
                status=status,
                extra=extra,
            )
        )
    return pr


def _x12_elements(
    path: Path, header: list[str], rows: list[dict[str, str]], sha: str
) -> list[ParsedRelease]:
    label, eff, end = _release(path, sha)
    pr = ParsedRelease("x12-elements", "group", label, eff, end, path.name, sha)
    for r in rows:
        if r.get("element_id") == "1033":
            d = r.get("description", "")
            pr.codes.append(Code("group", r.get("code", ""), d, d, None, None, None, label))
    if not pr.codes:
        raise RefdataFileError(f"{path.name}: no element 1033 (claim adjustment group code) rows")
    return [pr]


_PYX12 = {"claim_status_cat": "claim_status_category", "claim_status": "claim_status"}


def _pyx12(
    path: Path, header: list[str], rows: list[dict[str, str]], sha: str
) -> list[ParsedRelease]:
    label, eff, end = _release(path, sha)
    out = {
        s: ParsedRelease("pyx12-values", s, label, eff, end, path.name, sha)
        for s in _PYX12.values()
    }
    for r in rows:
        system = _PYX12.get(r.get("codeset_id", ""))
        if system:
            code = r.get("code", "")
            out[system].codes.append(Code(system, code, "", "", None, None, None, label))
    found = [p for p in out.values() if p.codes]
    if not found:
        raise RefdataFileError(f"{path.name}: no claim_status_cat or claim_status rows")
    return found


def _cpt(path: Path, header: list[str], rows: list[dict[str, str]], sha: str) -> ParsedRelease:
    h = _norm(header)
    cols = _cpt_columns(h)
    assert cols is not None
    code_col, short_col, long_col = (header[h.index(c)] if c else None for c in cols)
    m = re.search(r"(20\d\d)", path.name)
    if m:
        year = int(m.group(1))
        label, eff, end = f"CPT {year}", dt.date(year, 1, 1), dt.date(year, 12, 31)
    else:
        label, eff, end = undated_label(path, sha), UNDATED, None
    pr = ParsedRelease("cpt", "cpt", label, eff, end, path.name, sha)
    for i, r in enumerate(rows, start=2):
        code = r.get(code_col or "", "")
        if not _CPT_RE.match(code):
            raise RefdataFileError(
                f"{path.name} row {i}: {code!r} is not a CPT code (5 characters)"
            )
        short = r.get(short_col, "") if short_col else ""
        long = r.get(long_col, "") if long_col else ""
        pr.codes.append(
            Code("cpt", code, short or long[:60], long or short, True, None, None, label)
        )
    return pr


_SINGLE = {
    "carc": _carc_rarc("carc"),
    "rarc": _carc_rarc("rarc"),
    "pos": _pos,
    "modifiers": _modifiers,
    "taxonomy": _taxonomy,
    "cpt": _cpt,
}
_MULTI = {"x12-elements": _x12_elements, "pyx12-values": _pyx12}
LIST_KINDS = (*_SINGLE, *_MULTI)


def parse_list(path: Path, data: bytes, kind: str | None = None) -> list[ParsedRelease]:
    sha = sha256_of(data)
    header, rows = read_csv_rows(path, data)
    found = _kind_of(path, header, rows)
    same_layout = {kind, found} <= {"carc", "rarc"}  # one layout, told apart by name
    if found is None or (kind is not None and kind != found and not same_layout):
        expected = f"the {kind} layout" if kind else "a known code list layout"
        raise RefdataFileError(
            f"{path.name} line 1: header {','.join(header[:5])[:120]!r} is not {expected}"
        )
    kind = kind or found
    if not rows:
        raise RefdataFileError(f"{path.name}: no rows after the header")
    if kind in _SINGLE:
        return [_SINGLE[kind](path, header, rows, sha)]
    return _MULTI[kind](path, header, rows, sha)
