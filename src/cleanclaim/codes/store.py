"""The reference-data store: :class:`Store` implements :class:`~cleanclaim.codes.model.CodeSource`.

Open it with::

    from cleanclaim.codes.store import open_store
    store = open_store()  # data under refdata_dir(): $CLEANCLAIM_REFDATA_DIR or ./var/refdata
    store.lookup("icd10cm", "S93.401A", datetime.date(2026, 5, 1))
    store.search("broken collarbone", systems=("icd10cm",))

Without any import the store already has the full ICD-10-CM FY2026 tabular (April
2026 update) from the ``simple-icd-10-cm`` package and the starter sets
(:mod:`cleanclaim.codes.starter`). Releases imported with ``cleanclaim refdata import``
live in a SQLite file under ``refdata_dir()`` (:mod:`cleanclaim.codes.db`).

Choosing the release for a date (docs/decisions/0201-codes-store.md): among the
complete releases of a system (else its starter set), the one with the latest
effective date on or before the date; "stale" when that release has ended before the
date, "before-oldest" when every release starts after it. Everything is loaded
lazily and kept in memory: lookups by code are dictionary reads.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path

from ._tabular_cache import cache_path, load_tabular
from .db import RefDB
from .icd10cm import IcdTabular, package_xml
from .model import SYSTEMS, Code, Coverage, Lookup, Note, Release, SearchHit, normalize_icd10cm
from .paths import refdata_dir, user_cache_dir
from .starter import starter_sets

__all__ = ["IMPORT_HINTS", "SYSTEM_NAMES", "Store", "open_store"]

SYSTEM_NAMES = {
    "icd10cm": "ICD-10-CM",
    "hcpcs": "HCPCS Level II",
    "cpt": "CPT",
    "modifier": "modifiers",
    "pos": "place of service",
    "carc": "CARC",
    "rarc": "RARC",
    "group": "claim adjustment group codes",
    "claim_status": "claim status codes",
    "claim_status_category": "claim status category codes",
    "taxonomy": "provider taxonomy",
}


#: The table that completes each system, named in completeness messages.
IMPORT_HINTS = {
    "icd10cm": "the CMS ICD-10-CM tabular",
    "hcpcs": "the HCPCS file",
    "cpt": "the practice's licensed CPT file",
    "modifier": "the HCPCS file",
    "modifier-I": "the practice's licensed CPT modifier list",
    "pos": "the CMS place of service list",
    "carc": "the X12 CARC list",
    "rarc": "the X12 RARC list",
    "group": "the X12 element code lists",
    "claim_status": "the X12 code values",
    "claim_status_category": "the X12 code values",
    "taxonomy": "the NUCC taxonomy file",
}


@dataclass(frozen=True, slots=True)
class _Rel:
    release: Release
    kind: str
    seq: int
    origin: str  # "db" | "package" | "starter"


def _starts(rel: Release, rels: list[_Rel]) -> dt.date:
    """When ``rel`` takes effect: its effective date, except that an ICD-10-CM April update
    takes effect on April 1 when the same fiscal year's October release is also loaded."""
    april = rel.system == "icd10cm" and "April" in rel.release and rel.end is not None
    if april and any(o.release.end == rel.end and "April" not in o.release.release for o in rels):
        assert rel.end is not None
        return dt.date(rel.end.year, 4, 1)
    return rel.effective


def _next_label(rel: Release) -> str:
    if rel.system == "icd10cm" and rel.end is not None:
        return f"FY{rel.end.year + 1}"
    if rel.system == "hcpcs" and rel.end is not None:
        return f"{rel.end.year + 1}-01"
    return "a newer release"


class Store:
    """Reference data as of a date. Thread-safe for reads; see module docstring."""

    def __init__(self, root: Path | None = None, *, package_icd: bool = True, starter: bool = True):
        self.root = root if root is not None else refdata_dir()
        self.db = RefDB(self.root)
        self._package_icd = package_icd
        self._starter = starter
        self._lock = threading.RLock()
        self._rels: dict[str, list[_Rel]] | None = None
        self._codes: dict[tuple[str, str], dict[str, Code]] = {}
        self._icd: dict[str, IcdTabular] = {}
        self._starter_data = starter_sets() if starter else {}
        self._indexes: dict[tuple[str, str], object] = {}
        self._level_sets: dict[tuple[str, str], set[str]] = {}
        self._stamp: tuple[int, int] = (0, 0)
        self._checked = 0.0

    # -- releases ---------------------------------------------------------------
    def reload(self) -> None:
        """Forget cached releases and rows (after an import)."""
        with self._lock:
            self._rels = None
            self._codes.clear()
            self._icd.clear()
            self._indexes.clear()
            self._level_sets.clear()

    def _db_stamp(self) -> tuple[int, int]:
        try:
            st = self.db.path.stat()
        except OSError:
            return (0, 0)
        return (st.st_mtime_ns, st.st_size)

    def _all(self) -> dict[str, list[_Rel]]:
        now = time.monotonic()
        if self._rels is not None and now - self._checked > 1.0:
            # another process (``refdata import``) may have changed the database
            self._checked = now
            if self._db_stamp() != self._stamp:
                self.reload()
        with self._lock:
            if self._rels is None:
                self._stamp = self._db_stamp()
                self._checked = now
                rels: dict[str, list[_Rel]] = {s: [] for s in SYSTEMS}
                for rel, kind, seq in self.db.releases():
                    rels.setdefault(rel.system, []).append(_Rel(rel, kind, seq, "db"))
                if self._package_icd:
                    pkg = self._package_release()
                    if pkg is not None and not any(
                        r.release.release == pkg.release for r in rels["icd10cm"]
                    ):
                        rels["icd10cm"].append(_Rel(pkg, "icd10cm-tabular", 0, "package"))
                for (system, label), (rel, _codes) in self._starter_data.items():
                    if not any(r.release.release == label for r in rels.get(system, [])):
                        rels.setdefault(system, []).append(_Rel(rel, "starter", -1, "starter"))
                for lst in rels.values():
                    lst.sort(key=lambda r: (r.release.effective, r.seq))
                self._rels = rels
            return self._rels

    def _package_release(self) -> Release | None:
        return _package_release()

    def _usable(self, system: str) -> list[_Rel]:
        """Complete releases of ``system``, else its starter set. Modifiers keep the
        starter list beside complete ones: Level I (CPT) modifiers are never in the
        HCPCS file that completes Level II."""
        rels = self._all().get(system, [])
        complete = [r for r in rels if r.release.complete]
        if system == "modifier" and complete:
            return [r for r in rels if r.release.complete or r.origin == "starter"]
        return complete or rels

    def releases(self, system: str | None = None) -> list[Release]:
        """Every loaded release (complete and starter), oldest first per system."""
        out: list[Release] = []
        for s, rels in self._all().items():
            if system is None or s == system:
                out.extend(r.release for r in rels)
        return out

    def in_use(self, system: str) -> list[Release]:
        """The releases lookups of ``system`` choose from (starter only when nothing else)."""
        return [r.release for r in self._usable(system)]

    def choose(self, system: str, as_of: dt.date) -> tuple[Release | None, Coverage, str]:
        """The release in force for ``system`` on ``as_of``, its coverage and a message."""
        if system not in SYSTEMS:
            raise ValueError(f"unknown code system {system!r} (one of {', '.join(SYSTEMS)})")
        rels = self._usable(system)
        name = SYSTEM_NAMES.get(system, system)
        if not rels:
            return None, "none-loaded", f"no {name} release is loaded"
        prior = sorted(
            (r for r in rels if _starts(r.release, rels) <= as_of),
            key=lambda r: (_starts(r.release, rels), r.seq),
        )
        if not prior:
            oldest = rels[0].release
            return (
                None,
                "before-oldest",
                f"no loaded {name} release covers {as_of}: the oldest, {oldest.release}, "
                f"starts {oldest.effective}",
            )
        rel = prior[-1].release
        note = "" if rel.complete else f"{name}: starter set only, not the complete code set"
        if rel.end is not None and as_of > rel.end:
            msg = (
                f"{as_of} is after the newest loaded {name} release {rel.release} "
                f"(ends {rel.end}): the code set may be stale: {_next_label(rel)} not loaded"
            )
            return rel, "stale", msg
        return rel, "ok", note

    def search_releases(self, system: str, as_of: dt.date) -> list[Release]:
        """The releases searched for ``system`` on ``as_of``: the one in force, and for
        modifiers every other list in use that has started (Level I and Level II come
        from different publishers, as in :meth:`find`)."""
        rel, _coverage, _msg = self.choose(system, as_of)
        if rel is None:
            return []
        out = [rel]
        if system == "modifier":
            out += [
                r.release
                for r in reversed(self._usable(system))
                if r.release != rel and r.release.effective <= as_of
            ]
        return out

    # -- completeness -------------------------------------------------------------
    def _levels(self, rel: Release) -> set[str]:
        """The modifier levels ("I", "II") a modifier release holds rows of."""
        key = (rel.system, rel.release)
        with self._lock:
            got = self._level_sets.get(key)
            if got is None:
                got = {c.extra.get("level") or "?" for c in self.codes_of(rel).values()}
                if "?" in got:  # a code-only list: it may hold either level
                    got |= {"I", "II"}
                self._level_sets[key] = got
            return got

    def completeness(self, system: str, code: str, as_of: dt.date) -> str:
        """Whether a ``code`` missing from ``system`` on ``as_of`` does not exist: ``""``
        when a complete release holding codes like it is in force on that date (absence
        is proof), else a sentence saying which list it is missing from and which table
        to import (``modifier RR is not in the starter modifier list; import the HCPCS
        file``). Modifiers are judged per level: Level II is completed by the HCPCS
        file (or the CMS list shipped in the starter data), Level I (two digits, CPT)
        only by a practice's licensed list."""
        canon = code.strip().upper()
        rels = self._usable(system)
        name = SYSTEM_NAMES.get(system, system)
        what, table = f"{name} code {canon}", IMPORT_HINTS.get(system, "the official file")
        if system == "modifier":
            level = "I" if canon.isdigit() else "II"
            rels = [r for r in rels if level in self._levels(r.release)]
            what, name = f"modifier {canon}", "modifier"
            if level == "I":
                name, table = "Level I (CPT) modifier", IMPORT_HINTS["modifier-I"]
        complete = [r for r in rels if r.release.complete]
        for r in complete:
            if _starts(r.release, rels) <= as_of and (
                r.release.end is None or as_of <= r.release.end
            ):
                return ""
        if complete:
            newest = max(complete, key=lambda r: r.release.effective).release
            span = f"{newest.effective} to {newest.end or 'now'}"
            return (
                f"{what} is not in {newest.release}, the {name} list loaded for {span}, "
                f"not {as_of}; import {table} for {as_of}"
            )
        if rels:
            return f"{what} is not in the starter {name} list; import {table}"
        return f"no {name} list is loaded, so {what} cannot be checked; import {table}"

    # -- rows -------------------------------------------------------------------
    def icd_release(self, label: str) -> IcdTabular:
        with self._lock:
            tab = self._icd.get(label)
            if tab is None:
                rel = next(r for r in self._all()["icd10cm"] if r.release.release == label)
                if rel.origin == "package":
                    tab = _package_tabular()
                else:
                    sha = rel.release.sha256
                    path = self.root / "icd10cm" / f"{sha}.xml"
                    tab = load_tabular(path, cache_path(self.root, sha))
                    tab.source_file = rel.release.source_file
                    tab.release = label
                self._icd[label] = tab
            return tab

    def codes_of(self, rel: Release) -> dict[str, Code]:
        """All rows of a flat release, keyed by code."""
        key = (rel.system, rel.release)
        with self._lock:
            got = self._codes.get(key)
            if got is None:
                starter = self._starter_data.get(key)
                if starter is not None and starter[0] == rel:
                    rows = starter[1]
                else:
                    rows = self.db.codes(rel.system, rel.release)
                got = {c.code: c for c in rows}
                self._codes[key] = got
            return got

    def _tab(self, as_of: dt.date) -> IcdTabular | None:
        rel, _coverage, _ = self.choose("icd10cm", as_of)
        if rel is None:
            usable = self._usable("icd10cm")
            if not usable:
                return None
            rel = usable[0].release  # before-oldest: structure from the oldest release
        return self.icd_release(rel.release)

    @staticmethod
    def icd_code(tab: IcdTabular, code: str) -> Code | None:
        """The :class:`Code` for a node or a valid 7-character code of ``tab``."""
        node = tab.nodes.get(code)
        if node is not None:
            extra = {"level": node.level, "chapter": node.chapter, "section": node.section}
            if node.is_leaf and tab.seventh_for(code):
                extra["requires_seventh"] = "".join(tab.seventh_for(code))
            return Code(
                "icd10cm", code, node.desc, node.desc, tab.billable(code),
                tab.effective, tab.end, tab.release, node.parent, extra=extra,
            )  # fmt: skip
        split = tab.split_seventh(code)
        if split is None:
            return None
        base, char = split
        bnode = tab.nodes[base]
        meaning = tab.seventh_for(base)[char]
        extra = {
            "level": "code", "chapter": bnode.chapter, "section": bnode.section,
            "seventh": char, "seventh_meaning": meaning,
        }  # fmt: skip
        long = f"{bnode.desc}, {meaning}"
        return Code(
            "icd10cm",
            code,
            long,
            long,
            True,
            tab.effective,
            tab.end,
            tab.release,
            base,
            extra=extra,
        )

    def find(self, system: str, code: str, as_of: dt.date) -> Lookup:
        """Like :meth:`lookup`, but returns the code even when its own dates exclude ``as_of``."""
        rel, coverage, msg = self.choose(system, as_of)
        if rel is None:
            return Lookup(None, coverage, None, msg)
        if system == "icd10cm":
            try:
                canon = normalize_icd10cm(code)
            except ValueError as exc:
                return Lookup(None, coverage, rel, str(exc))
            found = self.icd_code(self.icd_release(rel.release), canon)
            if found is None:
                return Lookup(
                    None, coverage, rel, _join(msg, f"{canon} is not in ICD-10-CM {rel.release}")
                )
            return Lookup(found, coverage, rel, msg)
        canon = code.strip().upper()
        candidates = [rel]
        if system == "modifier":  # Level I and Level II come from different publishers
            usable = list(reversed(self._usable(system)))
            candidates += [r.release for r in usable if r.release.effective <= as_of]
            # a later list still proves a modifier it holds, by the modifier's own dates
            # (the HCPCS file keeps each code's add date): RR, added 1984, on a 2005 claim
            candidates += [r.release for r in reversed(usable) if r.release.effective > as_of]
        for r in candidates:
            hit = self.codes_of(r).get(canon) or self.codes_of(r).get(code.strip())
            if hit is not None:
                starter = self._starter_data.get((system, "starter"))
                if not hit.long and starter is not None:  # code-only lists (pyx12)
                    st = self.codes_of(starter[0]).get(hit.code)
                    if st is not None:
                        hit = replace(hit, short=st.short, long=st.long)
                return Lookup(hit, coverage, r, msg)
        return Lookup(
            None,
            coverage,
            rel,
            _join(msg, f"{canon} is not in {SYSTEM_NAMES[system]} {rel.release}"),
        )

    def lookup(self, system: str, code: str, as_of: dt.date) -> Lookup:
        """``code`` in ``system`` on ``as_of``: ``Lookup.code`` is None unless the code exists
        in the release in force and its own add/termination dates include ``as_of``."""
        got = self.find(system, code, as_of)
        c = got.code
        if c is None:
            return got
        if c.effective is not None and as_of < c.effective and system != "icd10cm":
            msg = _join(got.message, f"{c.code} was added {c.effective}, after {as_of}")
            return Lookup(None, got.coverage, got.release, msg)
        if c.end is not None and as_of > c.end and system != "icd10cm":
            msg = _join(got.message, f"{c.code} was terminated: last valid day {c.end}")
            return Lookup(None, got.coverage, got.release, msg)
        if system == "icd10cm" and not c.billable:
            need = c.extra.get("requires_seventh")
            why = (
                f"{c.code} needs a 7th character ({', '.join(need)})"
                if need
                else f"{c.code} is a header code, not billable: choose a code below it"
            )
            return Lookup(c, got.coverage, got.release, _join(got.message, why))
        return got

    # -- ICD-10-CM structure ----------------------------------------------------------
    def icd_ancestors(self, code: str, as_of: dt.date) -> list[str]:
        tab = self._tab(as_of)
        if tab is None:
            return []
        canon = normalize_icd10cm(code)
        if canon not in tab.nodes:
            split = tab.split_seventh(canon)
            if split is None:
                return []
            return [split[0], *tab.ancestors(split[0])]
        return tab.ancestors(canon)

    def icd_children(self, code: str, as_of: dt.date) -> list[str]:
        tab = self._tab(as_of)
        if tab is None:
            return []
        canon = normalize_icd10cm(code)
        node = tab.nodes.get(canon)
        if node is None:
            return []
        return list(node.children)

    def icd_notes(self, code: str, as_of: dt.date, *, inherited: bool = True) -> list[Note]:
        tab = self._tab(as_of)
        return tab.notes(normalize_icd10cm(code), inherited=inherited) if tab else []

    def icd_seventh_characters(self, code: str, as_of: dt.date) -> dict[str, str]:
        tab = self._tab(as_of)
        if tab is None:
            return {}
        canon = normalize_icd10cm(code)
        split = tab.split_seventh(canon) if canon not in tab.nodes else None
        return dict(tab.seventh_for(split[0] if split else canon))

    def icd_full_codes(self, code: str, as_of: dt.date) -> list[str]:
        """Every valid 7-character code built on the leaf ``code`` (generated on demand)."""
        tab = self._tab(as_of)
        return tab.full_codes(normalize_icd10cm(code)) if tab else []

    # -- search ------------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        systems: tuple[str, ...] = SYSTEMS,
        as_of: dt.date | None = None,
        limit: int = 10,
    ) -> list[SearchHit]:
        from .search import search_store

        return search_store(
            self, query, systems=systems, as_of=as_of or dt.date.today(), limit=limit
        )


_PACKAGE: list[IcdTabular] = []  # the packaged tabular, read once per process
_PACKAGE_LOCK = threading.Lock()


def _package_tabular() -> IcdTabular:
    """The packaged tabular, shared by every store of the process: mapped from its cache
    in the user's cache folder (written there by the first process that parses the XML)."""
    with _PACKAGE_LOCK:
        if not _PACKAGE:
            xml = package_xml()
            folder = user_cache_dir()
            cache = folder / f"icd10cm-package-{xml.stem}.tab" if folder else None
            _PACKAGE.append(load_tabular(xml, cache))
        return _PACKAGE[0]


def _package_release() -> Release | None:
    """Provenance of the packaged tabular: file name, release, SHA-256, number of codes."""
    try:
        tab = _package_tabular()
    except FileNotFoundError:
        return None
    return Release(
        "icd10cm", tab.release, tab.effective, tab.end, tab.source_file, tab.sha256,
        len(tab.nodes), complete=True,
    )  # fmt: skip


def is_package_release(store: Store, system: str, release: str) -> bool:
    return any(
        r.origin == "package" and r.release.release == release for r in store._all().get(system, [])
    )


def _join(a: str, b: str) -> str:
    return f"{a}; {b}" if a and b else a or b


_DEFAULT: dict[Path, Store] = {}
_DEFAULT_LOCK = threading.Lock()


def open_store(root: Path | None = None) -> Store:
    """The process-wide :class:`Store` for ``root`` (default :func:`refdata_dir`)."""
    path = (root if root is not None else refdata_dir()).resolve()
    with _DEFAULT_LOCK:
        store = _DEFAULT.get(path)
        if store is None:
            store = Store(path)
            _DEFAULT[path] = store
        return store
