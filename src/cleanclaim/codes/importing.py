"""``refdata import``: detect, parse and store official files; idempotent by SHA-256.

Importing the same file (same system, release and SHA-256) again changes nothing and
reports ``changed=False``; a different file for an already loaded release replaces it.

Completeness: a release read from an official file is complete for its release; one
whose file name says it is an excerpt or a sample (:func:`~.importers.base.is_excerpt`)
is stored as partial (``complete=False``), like the starter sets: its codes are used,
but a code missing from it is never reported as not existing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ._tabular_cache import cache_path, write_cache
from .db import RefDB
from .icd10cm import package_xml, parse_tabular
from .importers import HEAD_BYTES, RefdataFileError, detect, parse_file
from .importers.base import UNDATED, ParsedRelease, check_ends_with_line_break, is_excerpt
from .model import ImportResult, Release

__all__ = ["ImportReport", "expand_paths", "import_file", "import_paths"]

_SKIP_NAMES = {"readme.md", "readme.txt", "license", "license.txt"}


@dataclass(slots=True)
class ImportReport:
    results: list[ImportResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # files in folders of no known kind


def expand_paths(paths: Iterable[Path]) -> list[tuple[Path, bool]]:
    """(file, named explicitly) for every file; folders are walked recursively."""
    out: list[tuple[Path, bool]] = []
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and not f.name.startswith(".") and f.name.lower() not in _SKIP_NAMES:
                    out.append((f, False))
        elif p.is_file():
            out.append((p, True))
        else:
            raise RefdataFileError(f"{p}: no such file or folder")
    return out


def _import_icd(path: Path, data: bytes, root: Path) -> ImportResult:
    tab = parse_tabular(path, data=data)
    db = RefDB(root)
    with db.write() as con:
        if RefDB.stored_sha(con, "icd10cm", tab.release) == tab.sha256:
            n, sha = len(tab.nodes), tab.sha256
            msg = "icd10cm: already loaded"
            return ImportResult("icd10cm-tabular", path.name, tab.release, n, sha, False, msg)
        target = root / "icd10cm" / f"{tab.sha256}.xml"
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
        write_cache(tab, target, cache_path(root, tab.sha256))  # what the scrubber maps
        rel = Release(
            "icd10cm", tab.release, tab.effective, tab.end, path.name, tab.sha256, len(tab.nodes)
        )
        RefDB.put_release(con, rel, "icd10cm-tabular")
    return ImportResult("icd10cm-tabular", path.name, tab.release, len(tab.nodes), tab.sha256, True)


#: Suffixes of files that are not line-oriented text (their completeness is the
#: container's: a zip's members, a workbook's sheets).
_BINARY_SUFFIXES = (".zip", ".xlsx", ".xls")


def _ends_mid_line(path: Path) -> bool:
    """True when a non-empty text file's last byte is not a line break."""
    with path.open("rb") as fh:
        fh.seek(0, 2)
        if fh.tell() == 0:
            return False
        fh.seek(-1, 2)
        return fh.read(1) not in (b"\n", b"\r")


def _check_complete(path: Path, kind: str) -> None:
    """Refuse a text file cut off mid-line (every published CSV and text file ends with a
    line break); XML is checked by its parser, zips and workbooks by their readers."""
    if kind == "icd10cm-tabular" or path.suffix.lower() in _BINARY_SUFFIXES:
        return
    if _ends_mid_line(path):
        check_ends_with_line_break(str(path), path.read_bytes())


def _check_not_shrunk(con: sqlite3.Connection, pr: ParsedRelease) -> None:
    """An undated list (CARC, RARC, POS, modifiers ...) replaces the one in use when
    imported; one holding less than half the codes of the list in use is a file cut off at
    a line break (the publishers deactivate codes, they do not drop them): refused, and
    the list in use kept."""
    if pr.effective != UNDATED:
        return
    row = con.execute(
        "SELECT rows, source_file FROM releases WHERE system = ? AND effective = ?"
        " AND complete = 1 ORDER BY seq DESC LIMIT 1",
        (pr.system, UNDATED.isoformat()),
    ).fetchone()
    if row is not None and len(pr.codes) * 2 < int(row[0]):
        raise RefdataFileError(
            f"{pr.source_file}: {len(pr.codes)} {pr.system} code(s), the list in use "
            f"({row[1]}) has {row[0]}: the file looks cut off; the list in use is kept"
        )


def _unreadable(path: Path, kind: str, exc: Exception) -> RefdataFileError:
    return RefdataFileError(f"{path}: unreadable {kind} file ({type(exc).__name__}: {exc})")


def import_file(path: Path, root: Path, *, kind: str | None = None) -> list[ImportResult]:
    """Import one file of a known (or given) kind into the store at ``root``.

    The whole file is read and checked before anything is written; a damaged file (cut off,
    a row of the wrong shape, not well-formed) raises :class:`RefdataFileError` (or the
    NCCI reader's ``NcciFormatError``) naming the file and line, and the releases in use
    stay as they were."""
    with path.open("rb") as fh:
        head = fh.read(HEAD_BYTES)
    kind = kind or detect(path, head)
    if kind is None:
        raise RefdataFileError(f"{path}: not a reference file of a known kind")
    _check_complete(path, kind)
    if kind.startswith("ncci-"):
        from . import ncci

        try:
            return list(ncci.import_file(path, root))
        except (ncci.NcciFormatError, RefdataFileError, OSError):  # each names the file
            raise
        except Exception as exc:  # anything else the file provokes: named, no traceback
            raise _unreadable(path, kind, exc) from exc
    data = path.read_bytes()
    if kind == "icd10cm-tabular":
        try:
            return [_import_icd(path, data, root)]
        except (RefdataFileError, OSError):
            raise
        except ValueError as exc:  # the tabular reader's errors name the file
            raise RefdataFileError(str(exc)) from None
        except Exception as exc:
            raise _unreadable(path, kind, exc) from exc
    try:
        parsed = parse_file(path, data, kind)
    except RefdataFileError:
        raise
    except Exception as exc:  # a damaged zip/xlsx/xls: name the file, never a traceback
        raise _unreadable(path, kind, exc) from exc
    results: list[ImportResult] = []
    db = RefDB(root)
    with db.write() as con:  # one transaction: all the file's releases, or none
        for pr in parsed:
            complete = pr.complete and not is_excerpt(path.name)
            rel = Release(pr.system, pr.release, pr.effective, pr.end, pr.source_file,
                          pr.sha256, len(pr.codes), complete)  # fmt: skip
            same = RefDB.stored_sha(con, pr.system, pr.release) == pr.sha256
            if not same:
                _check_not_shrunk(con, pr)
                RefDB.put_release(con, rel, pr.kind, pr.codes)
            results.append(
                ImportResult(
                    pr.kind,
                    pr.source_file,
                    pr.release,
                    len(pr.codes),
                    pr.sha256,
                    not same,
                    f"{pr.system}: already loaded" if same else pr.system,
                )
            )
    return results


def import_paths(
    paths: list[Path], root: Path, *, progress: Callable[[Path], None] | None = None
) -> ImportReport:
    """Import files and folders; with no paths, the ICD-10-CM tabular shipped in the package."""
    files = expand_paths(paths) if paths else [(package_xml(), True)]
    report = ImportReport()
    for path, explicit in files:
        if progress is not None:
            progress(path)
        if not explicit:
            with path.open("rb") as fh:
                head = fh.read(HEAD_BYTES)
            if detect(path, head) is None:
                report.skipped.append(str(path))
                continue
        report.results.extend(import_file(path, root))
    return report
