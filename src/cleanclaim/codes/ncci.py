"""NCCI tables: import of the official files, a compact on-disk cache, and
date-aware lookups for the scrubber.

The contract ``cleanclaim refdata import`` calls (see issue 3)::

    sniff(path, head) -> "ncci-ptp" | "ncci-mue" | "ncci-addon" | None
    import_file(path, refdata_dir) -> list[ImportResult]
    status(refdata_dir) -> list[Release]

Everything lives under ``<refdata_dir>/ncci/``: ``manifest.json`` (one entry
per imported file, with its SHA-256) and one cache file per entry. Importing a
file whose SHA-256 is already recorded changes nothing (``changed=False``).
Layouts and date semantics: :mod:`.ncci_ptp`, :mod:`.ncci_mue`, :mod:`.ncci_addon`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleanclaim.codes.importers.base import is_excerpt
from cleanclaim.codes.model import ImportResult, Release
from cleanclaim.codes.ncci_addon import AddonEdit, AddonTable, addon_release_from_name, parse_addon
from cleanclaim.codes.ncci_common import NcciFormatError, sha256_of
from cleanclaim.codes.ncci_mue import MueEdit, MueTable, mue_release_from_name, parse_mue
from cleanclaim.codes.ncci_ptp import (
    HEADER_START,
    PtpPart,
    parse_ptp,
    ptp_release_from_name,
    read_cache,
    write_cache,
)

__all__ = [
    "AddonEdit",
    "MueEdit",
    "NcciFormatError",
    "NcciTables",
    "import_file",
    "load_tables",
    "sniff",
    "stamp",
    "status",
]

KINDS = ("ncci-ptp", "ncci-mue", "ncci-addon")


def sniff(path: Path, head: bytes) -> str | None:
    """Which NCCI file this is, from its first bytes (and its name as a tie-breaker)."""
    text = head[:4096].decode("latin-1", errors="replace")
    name = path.name
    if HEADER_START in text and "Modifier" in text:
        return "ncci-ptp"
    if "HCPCS" in text and "MUE" in text and "Adjudication" in text:
        return "ncci-mue"
    low = text.lower()
    if "add-on code" in low and "primary code" in low:
        return "ncci-addon"
    if ptp_release_from_name(name) and name.lower().endswith(".txt"):
        return "ncci-ptp"
    if mue_release_from_name(name) and name.lower().endswith(".csv"):
        return "ncci-mue"
    if addon_release_from_name(name) and name.lower().endswith((".txt", ".csv")):
        return "ncci-addon"
    return None


def _dir(refdata_dir: Path) -> Path:
    return refdata_dir / "ncci"


def _manifest(refdata_dir: Path) -> list[dict[str, Any]]:
    p = _dir(refdata_dir) / "manifest.json"
    if not p.exists():
        return []
    try:
        data = json.loads(p.read_text())
    except (OSError, ValueError) as exc:
        raise NcciFormatError(f"{p}: unreadable NCCI manifest ({exc})") from None
    files = data.get("files", [])
    assert isinstance(files, list)
    return files


def _save_manifest(refdata_dir: Path, files: list[dict[str, Any]]) -> None:
    d = _dir(refdata_dir)
    d.mkdir(parents=True, exist_ok=True)
    tmp = d / "manifest.json.tmp"
    tmp.write_text(json.dumps({"version": 1, "files": files}, indent=1))
    tmp.replace(d / "manifest.json")


def import_file(path: Path, refdata_dir: Path) -> list[ImportResult]:
    """Import one official NCCI file into ``refdata_dir``; idempotent by SHA-256."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    kind = sniff(path, head)
    if kind is None:
        raise NcciFormatError(f"{path}: not an NCCI PTP, MUE or add-on code file")
    sha = sha256_of(path)
    files = _manifest(refdata_dir)
    d = _dir(refdata_dir)
    for old in files:
        if old["sha256"] == sha and old["kind"] == kind and (d / old["cache"]).exists():
            return [
                ImportResult(
                    kind,
                    path.name,
                    old["release"],
                    int(old["rows"]),
                    sha,
                    changed=False,
                    message="already loaded",
                )
            ]
    d.mkdir(parents=True, exist_ok=True)
    entry: dict[str, Any]
    if kind == "ncci-ptp":
        part = parse_ptp(path, sha)
        cache = f"ptp-{part.release}-f{part.part}.bin"
        write_cache(part, d / cache)
        entry = {
            "kind": kind,
            "release": part.release,
            "part": part.part,
            "effective": part.effective.isoformat(),
            "rows": part.rows,
        }
    elif kind == "ncci-mue":
        mue = parse_mue(path, sha)
        cache = f"mue-{mue.release}.json"
        rows = [[e.code, e.value, e.mai, e.mai_text, e.rationale] for e in mue.edits.values()]
        (d / cache).write_text(json.dumps(rows))
        entry = {
            "kind": kind,
            "release": mue.release,
            "part": 0,
            "effective": mue.effective.isoformat(),
            "rows": mue.rows,
        }
    else:
        aoc = parse_addon(path, sha)
        cache = f"aoc-{aoc.release}.json"
        arows = [
            [e.addon, e.primary, e.edit_type, e.effective, e.deletion, e.note]
            for v in aoc.edits.values()
            for e in v
        ]
        (d / cache).write_text(json.dumps(arows))
        entry = {
            "kind": kind,
            "release": aoc.release,
            "part": 0,
            "effective": aoc.effective.isoformat(),
            "rows": aoc.rows,
        }
    entry.update({"file": path.name, "sha256": sha, "cache": cache})
    # a newer file for the same release/part replaces the older one
    files = [
        f
        for f in files
        if not (
            f["kind"] == kind and f["release"] == entry["release"] and f["part"] == entry["part"]
        )
    ]
    files.append(entry)
    _save_manifest(refdata_dir, files)
    return [ImportResult(kind, path.name, entry["release"], int(entry["rows"]), sha, changed=True)]


def status(refdata_dir: Path) -> list[Release]:
    """What NCCI data is loaded: one Release per imported file, partial (``complete=False``)
    when the file's name says it is an excerpt (:func:`~.importers.base.is_excerpt`)."""
    out = []
    for f in _manifest(refdata_dir):
        out.append(
            Release(
                system=str(f["kind"]),
                release=str(f["release"]) + (f"-f{f['part']}" if f["kind"] == "ncci-ptp" else ""),
                effective=dt.date.fromisoformat(f["effective"]),
                end=None,
                source_file=str(f["file"]),
                sha256=str(f["sha256"]),
                rows=int(f["rows"]),
                complete=not is_excerpt(str(f["file"])),
            )
        )
    return sorted(out, key=lambda r: (r.system, r.effective, r.release))


def _pick(releases: list[dt.date], dos: dt.date) -> int:
    """Index of the release in force on ``dos`` (newest effective <= dos, else the oldest)."""
    best = -1
    for i, eff in enumerate(releases):
        if eff <= dos and (best < 0 or eff > releases[best]):
            best = i
    if best < 0:
        best = min(range(len(releases)), key=lambda i: releases[i])
    return best


@dataclass
class NcciTables:
    """Loaded NCCI edits, several releases side by side, chosen by date of service.

    PTP rows carry their own effective/deletion dates and each quarterly release
    repeats the history, so PTP lookups use the release in force on the date of
    service (or the oldest loaded for earlier dates) and then the row dates.
    """

    ptp: dict[str, list[PtpPart]] = field(default_factory=dict)  # release -> parts
    ptp_effective: dict[str, dt.date] = field(default_factory=dict)
    mue: list[MueTable] = field(default_factory=list)
    addon: list[AddonTable] = field(default_factory=list)
    _chosen: dict[tuple[str, dt.date], Any] = field(default_factory=dict, repr=False)

    def empty(self) -> bool:
        return not (self.ptp or self.mue or self.addon)

    def ptp_release(self, dos: dt.date) -> list[PtpPart]:
        hit: list[PtpPart] | None = self._chosen.get(("ptp", dos))
        if hit is None:
            names = list(self.ptp)
            hit = (
                self.ptp[names[_pick([self.ptp_effective[n] for n in names], dos)]] if names else []
            )
            self._chosen[("ptp", dos)] = hit
        return hit

    def mue_table(self, dos: dt.date) -> MueTable | None:
        key = ("mue", dos)
        if key not in self._chosen:
            self._chosen[key] = (
                self.mue[_pick([m.effective for m in self.mue], dos)] if self.mue else None
            )
        hit: MueTable | None = self._chosen[key]
        return hit

    def addon_table(self, dos: dt.date) -> AddonTable | None:
        key = ("addon", dos)
        if key not in self._chosen:
            self._chosen[key] = (
                self.addon[_pick([a.effective for a in self.addon], dos)] if self.addon else None
            )
        hit: AddonTable | None = self._chosen[key]
        return hit


def stamp(refdata_dir: Path) -> tuple[int, int, int] | None:
    """What identifies the NCCI data loaded in ``refdata_dir``: the manifest's inode, size
    and modification time (every import rewrites it by renaming), None when nothing is
    loaded. Tables loaded under one stamp stay right until the stamp changes."""
    try:
        st = (_dir(refdata_dir) / "manifest.json").stat()
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def load_tables(refdata_dir: Path) -> NcciTables:
    """Load every imported NCCI file from ``refdata_dir``: the PTP parts are mapped from
    their binary caches (nothing parsed), MUE and add-on edits read from their JSON."""
    t = NcciTables()
    d = _dir(refdata_dir)
    for f in _manifest(refdata_dir):
        path = d / f["cache"]
        if not path.exists():
            raise NcciFormatError(f"{path}: NCCI cache missing; re-import {f['file']}")
        if f["kind"] == "ncci-ptp":
            part = read_cache(path)
            t.ptp.setdefault(part.release, []).append(part)
            t.ptp_effective[part.release] = part.effective
        elif f["kind"] == "ncci-mue":
            rows = json.loads(path.read_text())
            edits = {r[0]: MueEdit(r[0], int(r[1]), int(r[2]), r[3], r[4]) for r in rows}
            eff = dt.date.fromisoformat(f["effective"])
            t.mue.append(MueTable(f["release"], eff, f["sha256"], f["file"], edits))
        elif f["kind"] == "ncci-addon":
            rows = json.loads(path.read_text())
            eff = dt.date.fromisoformat(f["effective"])
            table = AddonTable(f["release"], eff, f["sha256"], f["file"])
            for r in rows:
                e = AddonEdit(r[0], r[1], int(r[2]), int(r[3]), int(r[4]), r[5])
                table.edits.setdefault(e.addon, []).append(e)
            t.addon.append(table)
    return t
