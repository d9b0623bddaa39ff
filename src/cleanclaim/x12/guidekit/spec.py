"""An implementation guide kept as data: loops, segments, elements.

A guide is a tree of :class:`LoopSpec` whose children are :class:`SegmentSpec`
and nested :class:`LoopSpec`, in the order the implementation guide lists them.
Each segment lists its elements (:class:`ElementSpec`) and composites
(:class:`CompositeSpec`) with their usage (``R`` required, ``S`` situational,
``N`` not used), data type and length from the X12 data element dictionary, and
the code values the guide allows.

Specs are built once per process from pyx12's BSD-licensed guide maps (the
installed ``pyx12`` package) by :mod:`cleanclaim.x12.guidekit.from_pyx12`: the
999 (X231A1), 835 (X221A1), 277 (X212) and 277CA (X214) from their 5010 maps (the
999 with the corrections of its ``patches_5010.json``); the 270/271 (X279A1), 276
(X212) and 278 (X217), for which pyx12 ships no 5010 map, from the 4010 maps with our
documented 5010 corrections (``patches_5010.json`` in each guide; for the 278 also a
5010 loop layout).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from .._segments import Segment

Usage = Literal["R", "S", "N"]

#: Repeat/max-use value meaning "unbounded" (the guides write ``>1``).
UNBOUNDED = 1_000_000


@dataclass(frozen=True, slots=True)
class ElementSpec:
    """One simple data element of a segment (or one component of a composite)."""

    ref: str  # "CLP04" or "SVC01-02"
    name: str
    usage: Usage
    data_type: str  # AN, ID, R, N0, N2, DT, TM, B
    min_len: int
    max_len: int
    codes: frozenset[str] | None = None  # None: any value (external or free)
    external: str | None = None  # name of an external code list (not checked here)
    repeat: int = 1


@dataclass(frozen=True, slots=True)
class CompositeSpec:
    """A composite data structure (``SVC01``, ``STC01``) and its components."""

    ref: str
    name: str
    usage: Usage
    components: tuple[ElementSpec, ...]
    repeat: int = 1


Position = ElementSpec | CompositeSpec


@dataclass(frozen=True, slots=True, eq=False)
class SegmentSpec:
    """A segment as used at one place of the guide."""

    id: str
    name: str
    usage: Usage
    max_use: int
    elements: tuple[Position, ...]
    syntax: tuple[str, ...] = ()
    #: (element index 1-based, component index 1-based or 0, allowed values)
    key: tuple[int, int, frozenset[str]] | None = None

    def matches(self, seg: Segment, comp_sep: str) -> bool:
        """Whether a data segment is this guide segment (same id and qualifier)."""
        if seg.id != self.id:
            return False
        if self.key is None:
            return True
        ele, comp, values = self.key
        value = seg.get(ele)
        if comp:
            parts = value.split(comp_sep)
            value = parts[comp - 1] if comp - 1 < len(parts) else ""
        return value in values


@dataclass(slots=True, eq=False)
class LoopSpec:
    """A loop of the guide; ``children`` keep the guide's order."""

    id: str
    name: str
    usage: Usage
    repeat: int
    children: list[SegmentSpec | LoopSpec] = field(default_factory=list)
    wrapper: bool = False  # HEADER/DETAIL/FOOTER: no trigger segment of its own

    def first_segment(self) -> SegmentSpec:
        """The segment that starts this loop (recursing through wrappers)."""
        child = self.children[0]
        return child if isinstance(child, SegmentSpec) else child.first_segment()

    def walk_loops(self) -> list[LoopSpec]:
        """This loop and every loop under it, depth first."""
        out = [self]
        for child in self.children:
            if isinstance(child, LoopSpec):
                out.extend(child.walk_loops())
        return out


def _repeat(value: Any) -> int:
    if isinstance(value, int):
        return value
    text = str(value).strip()
    return UNBOUNDED if text.startswith(">") else int(text)


def _element(d: dict[str, Any]) -> ElementSpec:
    codes = d.get("codes")
    return ElementSpec(
        ref=d["ref"],
        name=d["name"],
        usage=d["usage"],
        data_type=d["type"],
        min_len=int(d["min"]),
        max_len=int(d["max"]),
        codes=frozenset(codes) if codes is not None else None,
        external=d.get("ext"),
        repeat=int(d.get("repeat", 1)),
    )


def _position(d: dict[str, Any]) -> Position:
    if "components" in d:
        return CompositeSpec(
            ref=d["ref"],
            name=d["name"],
            usage=d["usage"],
            components=tuple(_element(c) for c in d["components"]),
            repeat=int(d.get("repeat", 1)),
        )
    return _element(d)


def _key(elements: tuple[Position, ...]) -> tuple[int, int, frozenset[str]] | None:
    """The qualifier that tells this segment from its siblings of the same id.

    The first of the first three positions that is a required ID element with a
    code list (``NM101``, ``REF01``, ``HL03``), or a required composite whose
    first component is one (``SVC01-01``).
    """
    for index, pos in enumerate(elements[:3], start=1):
        if isinstance(pos, CompositeSpec):
            first = pos.components[0] if pos.components else None
            if (
                index == 1
                and pos.usage == "R"
                and first is not None
                and first.data_type == "ID"
                and first.codes
            ):
                return (index, 1, first.codes)
            continue
        if pos.usage == "R" and pos.data_type == "ID" and pos.codes:
            return (index, 0, pos.codes)
    return None


def _segment(d: dict[str, Any]) -> SegmentSpec:
    elements = tuple(_position(e) for e in d["elements"])
    return SegmentSpec(
        id=d["id"],
        name=d["name"],
        usage=d["usage"],
        max_use=_repeat(d["max_use"]),
        elements=elements,
        syntax=tuple(d.get("syntax", ())),
        key=_key(elements),
    )


def loop_from_dict(d: dict[str, Any]) -> LoopSpec:
    """Build a :class:`LoopSpec` tree from its JSON form."""
    children: list[SegmentSpec | LoopSpec] = []
    for child in d["children"]:
        if child.get("kind") == "loop":
            children.append(loop_from_dict(child))
        else:
            children.append(_segment(child))
    return LoopSpec(
        id=d["id"],
        name=d["name"],
        usage=d["usage"],
        repeat=_repeat(d["repeat"]),
        children=children,
        wrapper=bool(d.get("wrapper", False)),
    )


@cache
def load_spec(map_name: str, patches: Path | None = None) -> LoopSpec:
    """The transaction-set loop tree of pyx12's map ``map_name`` (built once per process),
    with the corrections in ``patches`` applied."""
    from .from_pyx12 import generated_spec

    return loop_from_dict(generated_spec(map_name, patches)["transaction"])
