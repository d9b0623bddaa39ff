"""An ICD-10-CM tabular kept as a file that is mapped, not parsed, at start-up.

Parsing the official tabular XML (FY2026: 9.7 MB, 46,881 ``diag`` elements) takes
about 0.6 s of CPU, while a claim batch touches a few hundred codes. The first
process that reads a tabular writes what the parse produced to a cache file; later
processes ``mmap`` it and decode a code's node (description, parent, children,
7th characters, instructional notes with their parsed targets) only when a lookup
asks for it (docs/decisions/0504-scrub-start-up.md).

File layout (the magic's 6th byte is the format number; integers little-endian)::

    magic (8 bytes) | header length (u32) | header (JSON) | codes length (u32)
    | codes ("\\n"-joined, UTF-8) | record offsets (u32 * (n + 1)) | records (JSON each)

The header holds the release and provenance, the chapters and sections with their
notes, and the size and modification time of the XML it was made from: a cache whose
source changed, or that is not ours, is ignored and rebuilt. Writing is best effort
(a folder that cannot be written means parsing each time, as before) and atomic (write,
rename). An imported tabular's cache lives in its refdata folder (:func:`cache_path`); the
packaged tabular's in the user's cache folder (``paths.user_cache_dir()``), since it is the
same for every refdata folder.
"""

from __future__ import annotations

import datetime as dt
import json
import mmap
import os
import sys
from array import array
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, cast

from .icd10cm import IcdBlock, IcdNode, IcdTabular, parse_tabular
from .model import CodeRange, Note, NoteKind

__all__ = ["cache_path", "load_tabular", "write_cache"]

_MAGIC = b"CCICD\x01\x00\x00"  # the 6th byte is the format: bump it when the layout changes


def cache_path(root: Path, sha256: str) -> Path:
    """Where the cache of the tabular imported into ``root`` with this SHA-256 lives."""
    return root / "cache" / f"icd10cm-{sha256[:20]}.tab"


def _source_id(xml: Path) -> dict[str, int]:
    st = xml.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}


def _notes_out(notes: list[Note]) -> list[list[Any]]:
    return [[n.kind, n.text, n.at, [[r.start, r.end] for r in n.targets]] for n in notes]


def _notes_in(raw: list[list[Any]]) -> list[Note]:
    return [
        Note(cast(NoteKind, k), t, at, tuple(CodeRange(s, e) for s, e in targets))
        for k, t, at, targets in raw
    ]


def write_cache(tab: IcdTabular, xml: Path, path: Path) -> None:
    """Write ``tab`` (parsed from ``xml``) to ``path``; best effort, never raises OSError."""
    codes = list(tab.nodes)
    records: list[bytes] = []
    for code in codes:
        n = tab.nodes[code]
        rec = [n.desc, n.parent, n.section, n.chapter, n.children, n.seventh, _notes_out(n.notes)]
        records.append(json.dumps(rec, separators=(",", ":")).encode())
    offsets = array("I", [0])
    for r in records:
        offsets.append(offsets[-1] + len(r))
    header = {
        "source": _source_id(xml),
        "release": tab.release,
        "version": tab.version,
        "effective": tab.effective.isoformat(),
        "end": tab.end.isoformat(),
        "source_file": tab.source_file,
        "sha256": tab.sha256,
        "rows": len(codes),
        "blocks": [
            [key, b.kind, b.id, b.title, b.chapter, _notes_out(b.notes)]
            for key, b in tab.blocks.items()
        ],
    }
    code_blob = "\n".join(codes).encode()
    head = json.dumps(header, separators=(",", ":")).encode()
    if sys.byteorder != "little":
        offsets.byteswap()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            fh.write(_MAGIC)
            fh.write(len(head).to_bytes(4, "little"))
            fh.write(head)
            fh.write(len(code_blob).to_bytes(4, "little"))
            fh.write(code_blob)
            offsets.tofile(fh)
            fh.writelines(records)
        tmp.replace(path)
    except OSError:
        pass


class _MappedNodes(Mapping[str, IcdNode]):
    """The tabular's nodes, in document order, decoded from the mapped file on first use."""

    __slots__ = ("_base", "_codes", "_index", "_memo", "_mm", "_offsets")

    def __init__(self, mm: mmap.mmap, codes: list[str], offsets: array[int], base: int) -> None:
        self._mm = mm
        self._codes = codes
        self._index = {c: i for i, c in enumerate(codes)}
        self._offsets = offsets
        self._base = base
        self._memo: dict[str, IcdNode] = {}

    def __getitem__(self, code: str) -> IcdNode:
        node = self._memo.get(code)
        if node is None:
            i = self._index[code]  # KeyError for an unknown code, as a dict
            lo, hi = self._base + self._offsets[i], self._base + self._offsets[i + 1]
            desc, parent, section, chapter, children, seventh, notes = json.loads(self._mm[lo:hi])
            node = IcdNode(
                code, desc, parent, section, chapter, children, _notes_in(notes), seventh
            )
            self._memo[code] = node
        return node

    def __contains__(self, code: object) -> bool:
        return code in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)


def _open(path: Path, xml: Path) -> IcdTabular | None:
    """The tabular mapped from ``path``, or None when it is missing, stale or not ours."""
    try:
        with path.open("rb") as fh:
            mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # ValueError: an empty file cannot be mapped
        return None
    try:
        if mm[:8] != _MAGIC:
            return None
        hlen = int.from_bytes(mm[8:12], "little")
        header = json.loads(mm[12 : 12 + hlen])
        if header["source"] != _source_id(xml):
            return None
        pos = 12 + hlen
        clen = int.from_bytes(mm[pos : pos + 4], "little")
        codes = mm[pos + 4 : pos + 4 + clen].decode().split("\n")
        pos += 4 + clen
        n = int(header["rows"])
        if len(codes) != n:
            return None
        offsets = array("I")
        offsets.frombytes(mm[pos : pos + 4 * (n + 1)])
        if sys.byteorder != "little":
            offsets.byteswap()
        base = pos + 4 * (n + 1)
        if len(offsets) != n + 1 or base + offsets[-1] != len(mm):
            return None
        blocks = {
            key: IcdBlock(kind, bid, title, chapter, _notes_in(notes))
            for key, kind, bid, title, chapter, notes in header["blocks"]
        }
        return IcdTabular(
            header["release"],
            header["version"],
            dt.date.fromisoformat(header["effective"]),
            dt.date.fromisoformat(header["end"]),
            header["source_file"],
            header["sha256"],
            _MappedNodes(mm, codes, offsets, base),
            blocks,
        )
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


def load_tabular(xml: Path, cache: Path | None) -> IcdTabular:
    """The tabular of ``xml``: mapped from ``cache`` when it was made from this very file,
    else parsed (ValueError naming the file on bad XML) and written to ``cache``."""
    tab = _open(cache, xml) if cache is not None else None
    if tab is None:
        tab = parse_tabular(xml)
        if cache is not None:
            write_cache(tab, xml, cache)
    return tab
