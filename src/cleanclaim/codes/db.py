"""The SQLite file under ``refdata_dir()`` that keeps imported releases and their rows.

Tables:

* ``releases``: one row per (system, release) with provenance (file, SHA-256, rows,
  effective/end dates, complete flag, importer kind, load sequence).
* ``codes``: the normalised rows of flat systems (everything except ICD-10-CM).
* ICD-10-CM releases keep their rows as the official XML itself, copied to
  ``icd10cm/<sha256>.xml`` beside the database (see docs/decisions/0201-codes-store.md).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .importers.base import RefdataFileError
from .model import Code, Release

__all__ = ["DB_NAME", "RefDB"]

DB_NAME = "refdata.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS releases (
    system TEXT NOT NULL,
    release TEXT NOT NULL,
    effective TEXT NOT NULL,
    end_date TEXT,
    source_file TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    rows INTEGER NOT NULL,
    complete INTEGER NOT NULL,
    kind TEXT NOT NULL,
    seq INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (system, release)
);
CREATE TABLE IF NOT EXISTS codes (
    system TEXT NOT NULL,
    release TEXT NOT NULL,
    code TEXT NOT NULL,
    short TEXT NOT NULL,
    long TEXT NOT NULL,
    billable INTEGER,
    effective TEXT,
    end_date TEXT,
    parent TEXT,
    status TEXT,
    extra TEXT NOT NULL,
    PRIMARY KEY (system, release, code)
);
"""


def _d(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _s(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


class RefDB:
    """Thin wrapper over the SQLite file; every write runs in one transaction."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.path = root / DB_NAME

    def exists(self) -> bool:
        return self.path.is_file()

    def _connect(self) -> sqlite3.Connection:
        self.root.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            con.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            con.close()
            raise RefdataFileError(f"{self.path}: unreadable reference database ({exc})") from exc
        return con

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction (``BEGIN IMMEDIATE``: concurrent importers queue)."""
        con = self._connect()
        try:
            con.execute("BEGIN IMMEDIATE")
            yield con
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        finally:
            con.close()

    def releases(self) -> list[tuple[Release, str, int]]:
        """(release, importer kind, load sequence) for every stored release."""
        if not self.exists():
            return []
        con = self._connect()
        try:
            rows = con.execute(
                "SELECT system, release, effective, end_date, source_file, sha256, rows,"
                " complete, kind, seq FROM releases ORDER BY system, effective, seq"
            ).fetchall()
        finally:
            con.close()
        return [
            (
                Release(
                    r[0], r[1], dt.date.fromisoformat(r[2]), _d(r[3]), r[4], r[5], r[6], bool(r[7])
                ),
                r[8],
                r[9],
            )
            for r in rows
        ]

    def codes(self, system: str, release: str) -> list[Code]:
        if not self.exists():
            return []
        con = self._connect()
        try:
            rows = con.execute(
                "SELECT code, short, long, billable, effective, end_date, parent, status, extra"
                " FROM codes WHERE system = ? AND release = ? ORDER BY rowid",
                (system, release),
            ).fetchall()
        finally:
            con.close()
        return [
            Code(
                system,
                r[0],
                r[1],
                r[2],
                None if r[3] is None else bool(r[3]),
                _d(r[4]),
                _d(r[5]),
                release,
                r[6],
                r[7],
                json.loads(r[8]),
            )
            for r in rows
        ]

    @staticmethod
    def stored_sha(con: sqlite3.Connection, system: str, release: str) -> str | None:
        row = con.execute(
            "SELECT sha256 FROM releases WHERE system = ? AND release = ?", (system, release)
        ).fetchone()
        return str(row[0]) if row else None

    @staticmethod
    def put_release(
        con: sqlite3.Connection, rel: Release, kind: str, codes: Iterable[Code] = ()
    ) -> None:
        """Replace (system, release) with ``rel`` and its ``codes``."""
        con.execute("DELETE FROM codes WHERE system = ? AND release = ?", (rel.system, rel.release))
        con.execute(
            "DELETE FROM releases WHERE system = ? AND release = ?", (rel.system, rel.release)
        )
        seq = con.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM releases").fetchone()[0]
        con.execute(
            "INSERT INTO releases VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                rel.system,
                rel.release,
                rel.effective.isoformat(),
                _s(rel.end),
                rel.source_file,
                rel.sha256,
                rel.rows,
                int(rel.complete),
                kind,
                seq,
                dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            ),
        )
        con.executemany(
            "INSERT OR REPLACE INTO codes VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                (
                    c.system,
                    rel.release,
                    c.code,
                    c.short,
                    c.long,
                    None if c.billable is None else int(c.billable),
                    _s(c.effective),
                    _s(c.end),
                    c.parent,
                    c.status,
                    json.dumps(c.extra, sort_keys=True),
                )
                for c in codes
            ),
        )
