"""ICD-10-CM tabular list: our own reader for the official XML.

The tabular (``icd10cm_tabular_*.xml`` from CDC/NCHS; the FY2026 April 2026 update
ships in the PyPI package ``simple-icd-10-cm`` as ``icd10c-tabular-April-1-2026.xml``)
is a tree ``chapter > section > diag > diag...``. Each element may carry the
instructional notes ``inclusionTerm``, ``includes``, ``excludes1``, ``excludes2``,
``codeFirst``, ``useAdditionalCode``, ``codeAlso``, ``notes`` and the 7th-character
definition ``sevenChrDef`` (with ``extension char="A"`` children).

Rules implemented here (ICD-10-CM Official Guidelines for Coding and Reporting
FY2026, section I.A):

* I.A.2 / I.B.1: a code is billable ("valid for submission") only when it has no
  children; categories and subcategories are headers.
* I.A.5 "7th characters": where ``sevenChrDef`` is given (on the code or any
  ancestor; the nearest definition wins) the code is billable only with one of
  those 7th characters; I.A.4 "placeholder character": a code shorter than six
  characters takes ``X`` up to the sixth position (``T36.0X1A``, ``S02.0XXA``).
* I.A.12 Excludes notes apply to the code where they are written and to every
  code below it, so :meth:`IcdTabular.notes` walks the ancestors (and the section
  and chapter, where the tabular also writes notes).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .model import Note, NoteKind
from .notes import parse_targets

__all__ = [
    "PACKAGE_XML_NAME",
    "IcdBlock",
    "IcdNode",
    "IcdTabular",
    "package_xml",
    "parse_tabular",
]

PACKAGE_XML_NAME = "icd10c-tabular-April-1-2026.xml"

_NOTE_TAGS: dict[str, NoteKind] = {
    "inclusionTerm": "inclusion",
    "includes": "includes",
    "excludes1": "excludes1",
    "excludes2": "excludes2",
    "codeFirst": "code_first",
    "useAdditionalCode": "use_additional_code",
    "codeAlso": "code_also",
    "notes": "note",
    "sevenChrNote": "note",
}


@dataclass(slots=True)
class IcdBlock:
    """A chapter (``id`` "1".."22") or a section/block (``id`` "A00-A09")."""

    kind: str  # "chapter" | "section"
    id: str
    title: str
    chapter: str
    notes: list[Note] = field(default_factory=list)


@dataclass(slots=True)
class IcdNode:
    """One ``diag`` element: a category, subcategory or code."""

    code: str
    desc: str
    parent: str | None
    section: str
    chapter: str
    children: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    seventh: dict[str, str] = field(default_factory=dict)  # own sevenChrDef only

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def level(self) -> str:
        if self.parent is None:
            return "category"
        return "code" if not self.children else "subcategory"


@dataclass(slots=True)
class IcdTabular:
    """The whole tabular of one release, indexed by canonical code (dot form)."""

    release: str
    version: str
    effective: dt.date
    end: dt.date
    source_file: str
    sha256: str
    nodes: Mapping[str, IcdNode]  # a dict when parsed, mapped from a file when cached
    blocks: dict[str, IcdBlock]  # chapters keyed "chapter 1", sections keyed by id

    # -- structure -------------------------------------------------------------
    def seventh_for(self, code: str) -> dict[str, str]:
        """The nearest ``sevenChrDef`` at ``code`` or above it, or {}."""
        node = self.nodes.get(code)
        while node is not None:
            if node.seventh:
                return node.seventh
            node = self.nodes.get(node.parent) if node.parent else None
        return {}

    def ancestors(self, code: str) -> list[str]:
        out: list[str] = []
        node = self.nodes.get(code)
        while node is not None and node.parent:
            out.append(node.parent)
            node = self.nodes.get(node.parent)
        return out

    def split_seventh(self, code: str) -> tuple[str, str] | None:
        """``S93.401A`` -> (``S93.401``, ``A``); ``T36.0X1A`` -> (``T36.0X1``, ``A``);
        ``S02.0XXA`` -> (``S02.0``, ``A``). None when ``code`` is not a valid 7-character
        code of this release."""
        raw = code.replace(".", "")
        if len(raw) != 7:
            return None
        char = raw[6]
        base = raw[:6]
        candidates = [base]
        while candidates[-1].endswith("X") and len(candidates[-1]) > 3:
            candidates.append(candidates[-1][:-1])
        for cand in candidates:
            dotted = cand[:3] + ("." + cand[3:] if len(cand) > 3 else "")
            node = self.nodes.get(dotted)
            if node is None or node.children:
                continue
            values = self.seventh_for(dotted)
            if char in values:
                return dotted, char
        return None

    @staticmethod
    def with_seventh(base: str, char: str) -> str:
        """``T36.0X1`` + ``A`` -> ``T36.0X1A``; ``S02.0`` + ``A`` -> ``S02.0XXA``."""
        raw = base.replace(".", "").ljust(6, "X") + char
        return f"{raw[:3]}.{raw[3:]}"

    def full_codes(self, base: str) -> list[str]:
        """Every valid 7-character code built on leaf ``base`` (generated, not stored)."""
        node = self.nodes.get(base)
        if node is None or node.children:
            return []
        return [self.with_seventh(base, ch) for ch in self.seventh_for(base)]

    def billable(self, code: str) -> bool:
        """True for a leaf without 7th-character requirement, or a valid 7-character code."""
        node = self.nodes.get(code)
        if node is not None:
            return not node.children and not self.seventh_for(code)
        return self.split_seventh(code) is not None

    def notes(self, code: str, *, inherited: bool = True) -> list[Note]:
        """Notes at ``code`` (or its 7-character base) then at each ancestor, its section
        and its chapter when ``inherited``."""
        split = self.split_seventh(code) if code not in self.nodes else None
        base = split[0] if split else code
        node = self.nodes.get(base)
        if node is None:
            return []
        out = list(node.notes)
        if not inherited:
            return out
        for anc in self.ancestors(base):
            out.extend(self.nodes[anc].notes)
        section = self.blocks.get(node.section)
        if section is not None:
            out.extend(section.notes)
        chapter = self.blocks.get(f"chapter {node.chapter}")
        if chapter is not None:
            out.extend(chapter.notes)
        return out

    def known(self, code: str) -> bool:
        """Whether ``code`` names a node, or is a prefix of node codes (``E10`` / ``S86.0``)."""
        return code in self.nodes


def package_xml() -> Path:
    """The tabular XML shipped inside ``simple_icd_10_cm`` (FY2026, April 2026 update)."""
    import importlib.util

    spec = importlib.util.find_spec("simple_icd_10_cm")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the PyPI package simple-icd-10-cm is not installed")
    for loc in spec.submodule_search_locations:
        path = Path(loc) / "data" / PACKAGE_XML_NAME
        if path.is_file():
            return path
    raise FileNotFoundError(f"{PACKAGE_XML_NAME} not found inside simple_icd_10_cm")


_APRIL_RE = re.compile(r"april", re.IGNORECASE)


def release_for(path: Path, version: str) -> tuple[str, dt.date, dt.date]:
    """Release label and fiscal-year dates from the file name and ``<version>``.

    A fiscal year FYnnnn runs from October 1 of nnnn-1 to September 30 of nnnn
    (CDC/NCHS ICD-10-CM files page). An April update file is labelled as such; its
    release still covers the whole fiscal year (see docs/decisions/0201-codes-store.md).
    """
    year = int(re.sub(r"\D", "", version)[:4] or "0")
    if year < 2000:
        m = re.search(r"(20\d\d)", path.name)
        if not m:
            raise ValueError(f"{path.name}: cannot tell the ICD-10-CM fiscal year")
        year = int(m.group(1))
    label = f"FY{year}"
    if _APRIL_RE.search(path.name):
        label += f" (April {year} update)"
    return label, dt.date(year - 1, 10, 1), dt.date(year, 9, 30)


def _text(el: ET.Element | None) -> str:
    return " ".join((el.text or "").split()) if el is not None else ""


def _notes_of(el: ET.Element, at: str) -> list[tuple[NoteKind, str, str]]:
    out: list[tuple[NoteKind, str, str]] = []
    for child in el:
        kind = _NOTE_TAGS.get(child.tag)
        if kind is None:
            continue
        for note in child.iter("note"):
            text = _text(note)
            if text:
                out.append((kind, text, at))
    return out


#: Deepest nesting of ``<diag>`` accepted in a tabular XML. The published files nest a
#: category's subcategories one level per code character (at most five); anything far
#: deeper is not a tabular and would exhaust the (recursive) reader.
MAX_DIAG_DEPTH = 16


def _parse_xml(name: str, raw: bytes) -> ET.Element:
    """The XML's root; ValueError naming ``name`` when it is not well-formed, declares a
    DTD or entities (the published files have none: refused, as defusedxml does, so no
    entity can expand or reach outside). Nesting is bounded by the walk that reads it
    (:data:`MAX_DIAG_DEPTH`); Python's parser itself builds deep trees without recursion."""
    at = max(raw.find(b"<!DOCTYPE"), raw.find(b"<!ENTITY"))
    if at >= 0:
        kind = "a DTD" if b"<!DOCTYPE" in raw else "entities"
        line = raw.count(b"\n", 0, at) + 1
        raise ValueError(
            f"{name} line {line}: the XML declares {kind}; a tabular file has none (refused)"
        )
    try:
        return ET.fromstring(raw)
    except ET.ParseError as exc:
        raise ValueError(f"{name}: not well-formed XML ({exc})") from None


def parse_tabular(path: Path, *, data: bytes | None = None) -> IcdTabular:
    """Read one tabular XML file. Raises ValueError naming the file on bad input."""
    raw = data if data is not None else path.read_bytes()
    sha = hashlib.sha256(raw).hexdigest()
    root = _parse_xml(path.name, raw)
    if root.tag != "ICD10CM.tabular":
        raise ValueError(f"{path.name}: root element is <{root.tag}>, not <ICD10CM.tabular>")
    version = _text(root.find("version"))
    release, effective, end = release_for(path, version)

    nodes: dict[str, IcdNode] = {}
    blocks: dict[str, IcdBlock] = {}
    pending: list[tuple[IcdNode | IcdBlock, list[tuple[NoteKind, str, str]]]] = []

    def walk(el: ET.Element, parent: str | None, section: str, chapter: str, depth: int) -> None:
        code = _text(el.find("name"))
        if not code:
            raise ValueError(f"{path.name}: a <diag> without <name> under {parent or section}")
        if depth > MAX_DIAG_DEPTH:
            raise ValueError(
                f"{path.name}: <diag> {code[:20]} is nested {depth} deep under {section} "
                f"(a tabular nests at most {MAX_DIAG_DEPTH}): not a tabular file"
            )
        node = IcdNode(code, _text(el.find("desc")), parent, section, chapter)
        if code in nodes:
            raise ValueError(f"{path.name}: code {code} appears twice")
        nodes[code] = node
        seven = el.find("sevenChrDef")
        if seven is not None:
            node.seventh = {e.get("char", ""): _text(e) for e in seven.iter("extension")}
        pending.append((node, _notes_of(el, code)))
        for sub in el.findall("diag"):
            node.children.append(_text(sub.find("name")))
            walk(sub, code, section, chapter, depth + 1)

    for ch in root.iter("chapter"):
        num = _text(ch.find("name"))
        chap = IcdBlock("chapter", num, _text(ch.find("desc")), num)
        blocks[f"chapter {num}"] = chap
        pending.append((chap, _notes_of(ch, f"chapter {num}")))
        for sec in ch.findall("section"):
            sid = sec.get("id", "")
            block = IcdBlock("section", sid, _text(sec.find("desc")), num)
            blocks[sid] = block
            pending.append((block, _notes_of(sec, sid)))
            for diag in sec.findall("diag"):
                walk(diag, None, sid, num, 1)

    def known(code: str) -> bool:
        return code in nodes

    for owner, raw_notes in pending:
        owner.notes = [Note(k, t, at, parse_targets(t, known)) for k, t, at in raw_notes]

    if not nodes:
        raise ValueError(f"{path.name}: no <diag> codes found")
    return IcdTabular(release, version, effective, end, path.name, sha, nodes, blocks)
