"""Importer registry: detect each file's kind, then parse it.

Kinds are tried in order (:data:`KINDS`); the first sniffer that recognises the file
wins. NCCI files (PTP, MUE, add-on edits) belong to :mod:`cleanclaim.codes.ncci`, read
by the scrubber; its ``sniff(path, head) -> kind | None`` is asked first, and
``cleanclaim.codes.importing`` hands those files to its ``import_file(path, refdata_dir)``.
"""

from __future__ import annotations

from pathlib import Path

from .base import ParsedRelease, RefdataFileError, parse_yyyymmdd, sha256_of
from .hcpcs import parse_hcpcs, sniff_hcpcs
from .lists import LIST_KINDS, parse_list, sniff_list

__all__ = [
    "HEAD_BYTES",
    "ParsedRelease",
    "RefdataFileError",
    "detect",
    "parse_file",
    "parse_yyyymmdd",
    "sha256_of",
]

HEAD_BYTES = 65536


def _is_icd_xml(path: Path, head: bytes) -> bool:
    return b"<ICD10CM.tabular" in head[:4096]


def detect(path: Path, head: bytes) -> str | None:
    """The kind of ``path`` from its name and first bytes, or None if unknown."""
    from cleanclaim.codes import ncci

    kind = ncci.sniff(path, head)
    if kind:
        return kind
    if _is_icd_xml(path, head):
        return "icd10cm-tabular"
    if sniff_hcpcs(path, head):
        return "hcpcs-anweb"
    return sniff_list(path, head)


def parse_file(path: Path, data: bytes, kind: str) -> list[ParsedRelease]:
    """Parse a flat code list or HCPCS file of a detected ``kind``."""
    if kind == "hcpcs-anweb":
        return parse_hcpcs(path, data)
    if kind in LIST_KINDS:
        return parse_list(path, data, kind)
    raise RefdataFileError(f"{path.name}: no flat importer for kind {kind}")
