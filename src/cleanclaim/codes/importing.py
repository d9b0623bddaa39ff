"""``refdata import``: detect, parse and store official files; idempotent by SHA-256.

Importing the same file (same system, release and SHA-256) again changes nothing and
reports ``changed=False``; a different file for an already loaded release replaces it.

Completeness: a release read from an official file is complete for its release; one
whose file name says it is an excerpt or a sample (:func:`~.importers.base.is_excerpt`)
is stored as partial (``complete=False``), like the starter sets: its codes are used,
but a code missing from it is never reported as not existing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ._tabular_cache import cache_path, write_cache
from .db import RefDB
from .icd10cm import package_xml, parse_tabular
from .importers import HEAD_BYTES, RefdataFileError, detect, parse_file
from .importers.base import is_excerpt
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


def import_file(path: Path, root: Path, *, kind: str | None = None) -> list[ImportResult]:
    """Import one file of a known (or given) kind into the store at ``root``."""
    with path.open("rb") as fh:
        head = fh.read(HEAD_BYTES)
    kind = kind or detect(path, head)
    if kind is None:
        raise RefdataFileError(f"{path}: not a reference file of a known kind")
    if kind.startswith("ncci-"):
        from . import ncci

        return list(ncci.import_file(path, root))
    data = path.read_bytes()
    if kind == "icd10cm-tabular":
        return [_import_icd(path, data, root)]
    try:
        parsed = parse_file(path, data, kind)
    except RefdataFileError:
        raise
    except Exception as exc:  # a damaged zip/xlsx/xls: name the file, never a traceback
        raise RefdataFileError(
            f"{path}: unreadable {kind} file ({type(exc).__name__}: {exc})"
        ) from exc
    results: list[ImportResult] = []
    db = RefDB(root)
    for pr in parsed:
        complete = pr.complete and not is_excerpt(path.name)
        rel = Release(pr.system, pr.release, pr.effective, pr.end, pr.source_file, pr.sha256,
                      len(pr.codes), complete)  # fmt: skip
        with db.write() as con:
            same = RefDB.stored_sha(con, pr.system, pr.release) == pr.sha256
            if not same:
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
