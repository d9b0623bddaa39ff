"""Importer registry: detect each file's kind, then parse it.

Kinds are tried in order (:data:`KINDS`); the first sniffer that recognises the file
wins. NCCI files (PTP, MUE, add-on edits) belong to :mod:`cleanclaim.codes.ncci`, owned
by the scrubber; it is consulted first when it is installed, through the contract
``sniff(path, head) -> kind | None``, ``import_file(path, refdata_dir) -> list[ImportResult]``
and ``status(refdata_dir) -> list[Release]``.
"""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path
from types import ModuleType

from .base import ParsedRelease, RefdataFileError, parse_yyyymmdd, sha256_of
from .hcpcs import parse_hcpcs, sniff_hcpcs
from .lists import LIST_KINDS, parse_list, sniff_list

__all__ = [
    "HEAD_BYTES",
    "ParsedRelease",
    "RefdataFileError",
    "detect",
    "ncci_module",
    "parse_file",
    "parse_yyyymmdd",
    "sha256_of",
]

HEAD_BYTES = 65536


def ncci_module() -> ModuleType | None:
    """``cleanclaim.codes.ncci`` when that module is present, else None."""
    name = "cleanclaim.codes.ncci"
    try:
        if importlib.util.find_spec(name) is None:
            return None
    except (ImportError, ValueError):
        return None
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def _is_icd_xml(path: Path, head: bytes) -> bool:
    return b"<ICD10CM.tabular" in head[:4096]


def detect(path: Path, head: bytes) -> str | None:
    """The kind of ``path`` from its name and first bytes, or None if unknown."""
    ncci = ncci_module()
    if ncci is not None:
        kind = ncci.sniff(path, head)
        if kind:
            return str(kind)
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
