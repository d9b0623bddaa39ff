"""Plain dataclasses and the lookup protocol shared by the codes engine,
the X12 engine, the scrubber and the app.

Conventions
-----------
* ``system`` is one of :data:`SYSTEMS`.
* ICD-10-CM codes are canonical *with* their dot (``E11.9``, ``S93.401A``);
  :func:`normalize_icd10cm` turns wire form (``E119``) into it. Every other
  system keeps the code as published (``99213``, ``G0438``, ``25``).
* Every lookup is "as of a date": the date of service.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal, Protocol

__all__ = [
    "SYSTEMS",
    "Code",
    "CodeRange",
    "CodeSource",
    "Coverage",
    "ImportResult",
    "Lookup",
    "Note",
    "NoteKind",
    "Release",
    "SearchHit",
    "normalize_icd10cm",
]

SYSTEMS = (
    "icd10cm",
    "hcpcs",
    "cpt",
    "modifier",
    "pos",
    "carc",
    "rarc",
    "group",
    "claim_status",
    "claim_status_category",
    "taxonomy",
)

NoteKind = Literal[
    "inclusion",
    "includes",
    "excludes1",
    "excludes2",
    "code_first",
    "use_additional_code",
    "code_also",
    "note",
]

_ICD_RE = re.compile(r"^([A-Z][0-9][0-9A-Z])\.?([0-9A-Z]{0,4})$")


def normalize_icd10cm(code: str) -> str:
    """``e119`` / ``E119`` / ``E11.9`` -> ``E11.9``; raises ValueError if not ICD-10-CM shaped."""
    raw = code.strip().upper()
    m = _ICD_RE.match(raw)
    if not m:
        raise ValueError(f"{code!r} is not shaped like an ICD-10-CM code")
    head, tail = m.groups()
    return f"{head}.{tail}" if tail else head


@dataclass(frozen=True, slots=True)
class Release:
    """One loaded release of one code system, with its provenance."""

    system: str
    release: str  # e.g. "FY2026-April", "2026-Q4", "v322r0"
    effective: dt.date
    end: dt.date | None
    source_file: str
    sha256: str
    rows: int
    complete: bool = True  # False for the built-in starter sets


@dataclass(frozen=True, slots=True)
class CodeRange:
    """A code or a range of codes a note points to (``E10.-``, ``O00-O9A``)."""

    start: str  # canonical, dot form for ICD-10-CM; a prefix ("E10") matches its children
    end: str | None = None  # inclusive upper bound of a range, same form

    def matches(self, code: str) -> bool:
        c = code.replace(".", "")
        s = self.start.replace(".", "")
        if self.end is None:
            return c.startswith(s)
        e = self.end.replace(".", "")
        return s <= c[: len(s)] and c[: len(e)] <= e


@dataclass(frozen=True, slots=True)
class Note:
    kind: NoteKind
    text: str
    at: str  # the code where the note is written (may be an ancestor of the code asked about)
    targets: tuple[CodeRange, ...] = ()


@dataclass(frozen=True, slots=True)
class Code:
    system: str
    code: str
    short: str
    long: str
    billable: bool | None  # None where the notion does not apply (POS, CARC...)
    effective: dt.date | None
    end: dt.date | None
    release: str
    parent: str | None = None
    status: str | None = None  # e.g. CARC "current"/"deactivated"
    extra: dict[str, str] = field(default_factory=dict)


Coverage = Literal["ok", "stale", "before-oldest", "none-loaded"]


@dataclass(frozen=True, slots=True)
class Lookup:
    """The answer to "what is CODE in SYSTEM on DATE": the code (or None) and
    whether a loaded release covers that date."""

    code: Code | None
    coverage: Coverage
    release: Release | None
    message: str = ""  # e.g. "date after the newest release FY2026; the code set may be stale"


@dataclass(frozen=True, slots=True)
class SearchHit:
    system: str
    code: str
    description: str
    billable: bool | None
    score: float


class CodeSource(Protocol):
    """What the scrubber and the app need from the reference data."""

    def lookup(self, system: str, code: str, as_of: dt.date) -> Lookup: ...

    def releases(self, system: str | None = None) -> list[Release]: ...

    # ICD-10-CM structure
    def icd_ancestors(self, code: str, as_of: dt.date) -> list[str]:
        """Parents from nearest to the chapter-level category (``E11.65`` -> ``E11.6``, ``E11``)."""
        ...

    def icd_children(self, code: str, as_of: dt.date) -> list[str]: ...

    def icd_notes(self, code: str, as_of: dt.date, *, inherited: bool = True) -> list[Note]:
        """Instructional notes at the code and (if ``inherited``) at every ancestor,
        including block and chapter level where the tabular puts them."""
        ...

    def icd_seventh_characters(self, code: str, as_of: dt.date) -> dict[str, str]:
        """The 7th-character values that apply to ``code`` (from it or an ancestor), or {}."""
        ...

    def search(
        self,
        query: str,
        *,
        systems: tuple[str, ...] = SYSTEMS,
        as_of: dt.date | None = None,
        limit: int = 10,
    ) -> list[SearchHit]: ...


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What one importer did with one official file (provenance kept by the store)."""

    kind: str  # "icd10cm-tabular", "hcpcs-anweb", "ncci-ptp", "ncci-mue", "ncci-addon", "carc", ...
    file: str
    release: str
    rows: int
    sha256: str
    changed: bool  # False when that exact file/release was already loaded (idempotent import)
    message: str = ""
