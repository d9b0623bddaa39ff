"""What the coding pages ask of the codes engine (``cleanclaim.codes``).

The views stay thin: searching, the warnings a coder sees when picking a code,
the code page's facts and the reference data status are built here from the
store's public API (:class:`cleanclaim.codes.store.Store`). Every answer is as
of a date of service.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from cleanclaim.codes.model import CodeRange, Lookup, Release, SearchHit
from cleanclaim.codes.paths import refdata_dir
from cleanclaim.codes.search import KINDS, coverage_warnings, kind_of, search_grouped
from cleanclaim.codes.store import SYSTEM_NAMES, Store, open_store

#: The systems the coding screen searches, in the order of its selector.
SEARCH_SYSTEMS: tuple[str, ...] = ("icd10cm", "hcpcs", "cpt", "modifier", "pos", "carc", "rarc")
#: What the coder is filling in (a claim's diagnosis, procedure or modifier field) -> the
#: systems searched for it; "all" answers every kind, each ranked on its own.
FIELDS: dict[str, tuple[str, ...]] = {
    kind: tuple(s for s in systems if s in SEARCH_SYSTEMS) for kind, systems in KINDS.items()
}
KIND_NAMES: dict[str, str] = {
    "diagnosis": "Diagnoses (ICD-10-CM)",
    "procedure": "Procedures, supplies and equipment (CPT, HCPCS)",
    "modifier": "Modifiers",
    "other": "Other (place of service, adjustment reasons, remarks)",
}
#: The screen's selector: the fields first, then one system at a time.
FIELD_CHOICES: tuple[tuple[str, str], ...] = (
    ("diagnosis", "Diagnosis (ICD-10-CM)"),
    ("procedure", "Procedure, supply or equipment (CPT, HCPCS)"),
    ("modifier", "Modifier"),
    ("all", "All, grouped by kind"),
)
SYSTEM_CHOICES: tuple[tuple[str, str], ...] = tuple(
    (s, SYSTEM_NAMES[s]) for s in SEARCH_SYSTEMS if s != "modifier"
)
DEFAULT_FIELD = "diagnosis"
#: Every system a code page can show.
PAGE_SYSTEMS: tuple[str, ...] = tuple(SYSTEM_NAMES)
RESULT_LIMIT = 12
#: Longer queries are cut: no code description is longer, and the search stays fast.
MAX_QUERY = 200


def store() -> Store:
    """The process-wide store for the configured ``CLEANCLAIM_REFDATA_DIR``."""
    return open_store(refdata_dir())


class BadInput(ValueError):
    """A request parameter the pages cannot use; the message names it."""


def parse_dos(text: str | None, *, what: str = "date of service") -> dt.date:
    """``YYYY-MM-DD`` (default today)."""
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise BadInput(f"{what} {text!r} is not a date (YYYY-MM-DD)") from None


def parse_system(text: str | None, *, allow_all: bool = True) -> str:
    """A search target: a field (``diagnosis``, ``procedure``, ``modifier``, ``other``,
    ``all``) or one code system; with ``allow_all=False``, one system a code page can show."""
    system = (text or (DEFAULT_FIELD if allow_all else "icd10cm")).strip()
    if not allow_all:
        if system not in PAGE_SYSTEMS:
            raise BadInput(f"unknown code system {system!r} (one of {', '.join(PAGE_SYSTEMS)})")
        return system
    if system not in (*FIELDS, "all", *SEARCH_SYSTEMS):
        raise BadInput(
            f"unknown code system {system!r} (a field: {', '.join((*FIELDS, 'all'))}; "
            f"or one system: {', '.join(SEARCH_SYSTEMS)})"
        )
    return system


@dataclass(frozen=True)
class Group:
    """The hits of one kind when searching "all"."""

    kind: str
    label: str
    hits: list[SearchHit]


@dataclass(frozen=True)
class SearchAnswer:
    hits: list[SearchHit]
    warnings: list[str]
    #: "all" only: the hits by kind (diagnoses, procedures, modifiers, other), each
    #: ranked on its own; ``hits`` is then their concatenation.
    groups: list[Group] = field(default_factory=list)


def systems_for(target: str) -> tuple[str, ...]:
    """The systems a field or a single system searches."""
    if target == "all":
        return SEARCH_SYSTEMS
    return FIELDS.get(target, (target,))


def search(query: str, system: str, dos: dt.date, limit: int = RESULT_LIMIT) -> SearchAnswer:
    """The hits for ``query`` in a field (``system`` = ``diagnosis``, ``procedure``,
    ``modifier``, ``other`` or ``all``) or one code system, and what must be said about
    the date, as ``cleanclaim codes search`` says it
    (:func:`cleanclaim.codes.search.coverage_warnings`): no loaded release covers it, or
    the release that answered has ended. "all" groups the hits by kind."""
    query = query.strip()[:MAX_QUERY]
    if not query:
        return SearchAnswer([], [])
    s = store()
    systems = systems_for(system)
    groups: list[Group] = []
    if system == "all":
        per_kind = max(3, limit // 2)
        for kind, found in search_grouped(s, query, as_of=dos, limit=per_kind, systems=systems):
            groups.append(Group(kind, KIND_NAMES[kind], found))
        hits = [h for g in groups for h in g.hits]
    else:
        hits = s.search(query, systems=systems, as_of=dos, limit=limit)
    return SearchAnswer(hits, coverage_warnings(s, systems, dos, hits), groups)


def hit_kind(hit: SearchHit) -> str:
    """The field a hit belongs in (diagnosis, procedure, modifier, other)."""
    return kind_of(hit.system)


@dataclass
class Pick:
    """A code the coder picked, with what they must know about it on that date."""

    system: str
    code: str
    description: str
    dos: str
    billable: bool | None
    warnings: list[str] = field(default_factory=list)
    #: 7-character codes to choose from when the pick needs its 7th character.
    full_codes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "system": self.system,
            "code": self.code,
            "description": self.description,
            "dos": self.dos,
            "billable": self.billable,
            "warnings": list(self.warnings),
            "full_codes": list(self.full_codes),
        }


def seventh_warning(code: str, values: dict[str, str]) -> str:
    """``S93.401 needs a 7th character: A initial encounter, D subsequent encounter, S sequela``."""
    listed = ", ".join(f"{k} {v}" for k, v in values.items())
    return f"{code} needs a 7th character: {listed}"


def pick(system: str, code: str, dos: dt.date) -> Pick:
    """Look ``code`` up on ``dos`` and say what is wrong with billing it as it is.

    ICD-10-CM: only codes with no children are billable, and a code under a
    ``sevenChrDef`` is complete only with its 7th character (ICD-10-CM Official
    Guidelines FY2026, I.A.2 and I.A.5) — a header code warns "not billable", a leaf
    awaiting its 7th character lists the values that apply. Every system warns when
    the date is after the newest loaded release (the code set may be stale) and when
    only the starter set is loaded. Raises :class:`BadInput` for a code the system
    does not have on that date (none is added to the working list).
    """
    if system not in SEARCH_SYSTEMS:
        raise BadInput(f"unknown code system {system!r} (one of {', '.join(SEARCH_SYSTEMS)})")
    s = store()
    code = code.strip()
    if not code:
        raise BadInput("no code given")
    try:
        found: Lookup = s.find(system, code, dos)
    except ValueError as exc:
        raise BadInput(str(exc)) from None
    if found.code is None:
        raise BadInput(found.message or f"{code} is not a {SYSTEM_NAMES[system]} code on {dos}")
    c = found.code
    warnings: list[str] = []
    full: list[str] = []
    _rel, coverage, msg = s.choose(system, dos)
    if coverage == "stale" or (msg and coverage == "ok"):
        warnings.append(msg)  # stale, or "starter set only"
    if system == "icd10cm" and not c.billable:
        values = s.icd_seventh_characters(c.code, dos)
        if c.extra.get("requires_seventh") and values:
            warnings.append(seventh_warning(c.code, values))
            full = s.icd_full_codes(c.code, dos)
        else:
            below = s.icd_children(c.code, dos)
            listed = ", ".join(below[:5]) + (", …" if len(below) > 5 else "")
            warnings.append(
                f"{c.code} is a header code, not billable: choose a more specific code below it"
                + (f" ({listed})" if below else "")
            )
    elif system != "icd10cm":
        valid = s.lookup(system, c.code, dos)
        if valid.code is None and valid.message:
            warnings.append(valid.message)  # terminated, or not yet added, on the date
    return Pick(system, c.code, c.long or c.short, dos.isoformat(), c.billable, warnings, full)


def starter_only(system: str) -> bool:
    """True when lookups of ``system`` have only the built-in starter set to use."""
    used = store().in_use(system)
    return bool(used) and not any(r.complete for r in used)


# -- code page ------------------------------------------------------------------------


@dataclass(frozen=True)
class Linked:
    code: str
    description: str


@dataclass(frozen=True)
class NoteView:
    kind: str
    label: str
    text: str
    at: str
    at_is_code: bool  # False when written at a section or chapter
    targets: list[tuple[CodeRange, bool, bool]]  # range, start is a node, end is a node


NOTE_LABELS = {
    "inclusion": "Inclusion term",
    "includes": "Includes",
    "excludes1": "Excludes1",
    "excludes2": "Excludes2",
    "code_first": "Code first",
    "use_additional_code": "Use additional code",
    "code_also": "Code also",
    "note": "Note",
}


@dataclass
class CodePage:
    lookup: Lookup
    system: str
    system_name: str
    dos: dt.date
    warning: str
    parents: list[Linked] = field(default_factory=list)  # nearest first
    children: list[Linked] = field(default_factory=list)
    notes: list[NoteView] = field(default_factory=list)
    seventh: dict[str, str] = field(default_factory=dict)
    full_codes: list[str] = field(default_factory=list)
    chapter: str = ""
    section: str = ""

    @property
    def breadcrumbs(self) -> list[Linked]:
        return list(reversed(self.parents))


class UnknownCode(LookupError):
    """The code is not in the system as of the date; the message says so."""


def code_page(system: str, code: str, dos: dt.date) -> CodePage:
    if system not in PAGE_SYSTEMS:
        raise UnknownCode(f"unknown code system {system!r}")
    s = store()
    try:
        found = s.find(system, code, dos)
    except ValueError as exc:
        raise UnknownCode(str(exc)) from None
    name = SYSTEM_NAMES[system]
    if found.code is None:
        why = found.message or f"{code} is not in {name}"
        raise UnknownCode(f"{code} is not a {name} code as of {dos}: {why}")
    c = found.code
    warning = s.lookup(system, c.code, dos).message
    page = CodePage(found, system, name, dos, warning)
    if system != "icd10cm":
        return page
    tab = s.icd_release(found.release.release) if found.release else None

    def desc(other: str) -> str:
        hit = s.find("icd10cm", other, dos).code
        return hit.long if hit else ""

    page.parents = [Linked(a, desc(a)) for a in s.icd_ancestors(c.code, dos)]
    page.children = [Linked(k, desc(k)) for k in s.icd_children(c.code, dos)]
    page.seventh = s.icd_seventh_characters(c.code, dos)
    if c.billable is False and page.seventh:
        page.full_codes = s.icd_full_codes(c.code, dos)
    if tab is not None:
        section = tab.blocks.get(c.extra.get("section", ""))
        chapter = tab.blocks.get(f"chapter {c.extra.get('chapter', '')}")
        page.section = section.title if section else ""
        page.chapter = f"Chapter {chapter.id}: {chapter.title}" if chapter else ""
        nodes = tab.nodes
    else:
        nodes = {}
    for n in s.icd_notes(c.code, dos):
        targets = [(t, t.start in nodes, t.end is not None and t.end in nodes) for t in n.targets]
        page.notes.append(
            NoteView(n.kind, NOTE_LABELS.get(n.kind, n.kind), n.text, n.at, n.at in nodes, targets)
        )
    return page


# -- reference data status --------------------------------------------------------------


@dataclass(frozen=True)
class StatusRow:
    system: str
    system_name: str
    release: Release
    in_use: bool


@dataclass(frozen=True)
class SystemState:
    system: str
    name: str
    complete: bool
    releases: list[StatusRow]
    partial: bool = False  # a partial list (starter, excerpt) is in use beside or instead

    @property
    def complete_in_use(self) -> list[str]:
        return [r.release.release for r in self.releases if r.in_use and r.release.complete]

    @property
    def partial_in_use(self) -> list[str]:
        return [r.release.release for r in self.releases if r.in_use and not r.release.complete]


def status() -> tuple[list[SystemState], list[StatusRow]]:
    """Per code system: complete or starter-only, with every loaded release; and the
    NCCI tables (owned by the scrubber's importers) when that module is present."""
    s = store()
    systems = []
    for system, name in SYSTEM_NAMES.items():
        used = {r.release for r in s.in_use(system)}
        rows = [StatusRow(system, name, r, r.release in used) for r in s.releases(system)]
        complete = any(r.release.complete for r in rows)
        partial = any(r.in_use and not r.release.complete for r in rows)
        systems.append(SystemState(system, name, complete, rows, partial))
    ncci_rows: list[StatusRow] = []
    from cleanclaim.codes import ncci

    for rel in ncci.status(s.root):
        ncci_rows.append(StatusRow(rel.system, rel.system, rel, True))
    return systems, ncci_rows
