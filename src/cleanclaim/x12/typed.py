"""Typed segments: dataclasses whose fields are the X12 elements, by name.

A guide declares a segment like this (fields in element order)::

    @dataclass(slots=True)
    class N4(TypedSegment):
        TAG: ClassVar[str] = "N4"
        city_name: str = el("N401", "City Name", AN, 2, 30)
        state_or_province_code: str = el("N402", "State or Province Code", ID, 2, 2)
        postal_code: str = el("N403", "Postal Code", ID, 3, 15)

Field values are the element *text* exactly as read (``""`` when empty) and
composite elements are tuples of component texts, so reading then writing is
lossless whatever the content. Typed values (``Decimal`` amounts, ``date``) are
exposed by properties on the guide's classes and produced from ``Decimal``
by the writers (:func:`cleanclaim.money.format_money`).

Every typed segment also has three keyword-only fields: ``extra`` (elements
beyond the declared ones, kept for the round trip), ``width`` (the element
count read, so trailing empty elements survive) and ``position`` (1-based
segment index in the file, 0 when built in memory).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, ClassVar, TypeVar

from .elements import ElementSpec, ElementType
from .segments import Delimiters, Segment

__all__ = ["AN", "DT", "ID", "N0", "N2", "TM", "R", "TypedSegment", "el", "segment_meta"]

AN = ElementType.AN
ID = ElementType.ID
N0 = ElementType.N0
N2 = ElementType.N2
R = ElementType.R
DT = ElementType.DT
TM = ElementType.TM

T = TypeVar("T", bound="TypedSegment")


def el(
    ref: str,
    name: str,
    type: ElementType = AN,
    min_len: int = 1,
    max_len: int = 80,
    *,
    composite: bool = False,
) -> Any:
    """Declare an element field (text, or a tuple of components when ``composite``)."""
    spec = ElementSpec(ref, name, type, min_len, max_len, composite)
    if composite:
        return field(default=(), metadata={"x12": spec})
    return field(default="", metadata={"x12": spec})


@dataclass(frozen=True, slots=True)
class SegmentMeta:
    names: tuple[str, ...]
    specs: tuple[ElementSpec, ...]
    composites: tuple[int, ...]
    n: int = 0


_PADS = [[""] * i for i in range(64)]


_META: dict[type, SegmentMeta] = {}
_MAKERS: dict[type, Any] = {}
_BASE_FIELDS = ("extra", "width", "position")


def segment_meta(cls: type[TypedSegment]) -> SegmentMeta:
    """The element names, specs and composite indexes of a typed segment class."""
    meta = _META.get(cls)
    if meta is None:
        own = [f for f in fields(cls) if "x12" in f.metadata]
        meta = SegmentMeta(
            tuple(f.name for f in own),
            tuple(f.metadata["x12"] for f in own),
            tuple(i for i, f in enumerate(own) if f.metadata["x12"].composite),
            len(own),
        )
        _META[cls] = meta
    return meta


def _split(memo: dict[str, tuple[str, ...]], value: str, comp: str) -> tuple[str, ...]:
    """``tuple(value.split(comp))``, remembered in ``memo`` (a miss of a generated maker)."""
    parts = memo[value] = tuple(value.split(comp))
    return parts


#: The names :func:`maker_lines` code uses, for the namespace it runs in.
MAKER_NAMES: dict[str, Any] = {"_new": object.__new__, "_pads": _PADS, "_split": _split}


def maker_lines(
    cls: type[TypedSegment], cls_name: str, position: str, *, tagged: bool = False
) -> list[str] | None:
    """The statements of :func:`maker`'s generated function, to inline elsewhere.

    They read the locals ``raw`` (the element texts; rebound when padded or cut),
    ``comp`` and ``memo`` (a dict), the expression ``position``, the name
    ``cls_name`` bound to ``cls`` and the :data:`MAKER_NAMES`; they leave the segment
    in ``o`` and use ``k`` and ``c<i>``. None when ``cls`` has fields of its own beyond
    the elements. With ``tagged``, ``raw`` is the
    tokenizer's split form of the segment: its tag first, then the element texts.
    """
    meta = segment_meta(cls)
    n, names = meta.n, meta.names
    plain = {f.name for f in fields(cls)} == {*names, *_BASE_FIELDS}
    if not plain:
        return None
    targets = [f"c{i}" if i in meta.composites else f"o.{name}" for i, name in enumerate(names)]
    t = 1 if tagged else 0  # ``tagged``: raw is the tokenizer's split form, the tag first
    lines = [
        f"k = len(raw){' - 1' if tagged else ''}",
        f"o = _new({cls_name})",
        f"if k < {n}:",
        f"    raw = raw + _pads[{n} - k]",
        "    o.extra = ()",
        f"elif k > {n}:",
        f"    o.extra = tuple(raw[{n + t}:])",
        f"    raw = raw[:{n + t}]",
        "else:",
        "    o.extra = ()",
    ]
    if tagged:
        targets.insert(0, "_t")
    if targets:
        lines.append(f"{', '.join(targets)}{',' if len(targets) == 1 else ''} = raw")
    lines += [
        f"o.{names[i]} = (memo.get(c{i}) or _split(memo, c{i}, comp)) if c{i} else ()"
        for i in meta.composites
    ]
    lines += ["o.width = k", f"o.position = {position}"]
    return lines


def maker(cls: type[TypedSegment]) -> Any:
    """``make(elements, position, component_separator, memo=None)`` building a ``cls``
    from element texts.

    Generated once per class (straight slot stores instead of a keyword-parsing
    ``__init__`` call): this is the innermost step of reading a file. Same result
    as ``cls(*values, extra=..., width=..., position=...)``; classes with fields of
    their own beyond the elements fall back to that call.

    The element texts are unpacked into the slots in one statement. ``memo`` (a dict
    kept by the caller for one ``component_separator``, e.g. for one read) maps a
    composite element's text to its tuple of components: the same code pairs recur
    all through a file (``HC:99213``, ``1:2``), and equal tuples are shared instead
    of split again (they are immutable, so this is invisible but for memory).
    """
    make = _MAKERS.get(cls)
    if make is not None:
        return make
    meta = segment_meta(cls)
    n = meta.n
    body = maker_lines(cls, "_cls", "position")
    if body is not None:
        src = (
            "def make(raw, position, comp, memo=None):\n"
            + ("    if memo is None:\n        memo = {}\n" if meta.composites else "")
            + "".join(f"    {line}\n" for line in body)
            + "    return o\n"
        )
        namespace: dict[str, Any] = {"_cls": cls, **MAKER_NAMES}
        exec(compile(src, f"<x12 maker {cls.__name__}>", "exec"), namespace)
        make = namespace["make"]
    else:

        def make(raw: list[str], position: int, comp: str, memo: Any = None) -> Any:
            k = len(raw)
            if k < n:
                vals: list[Any] = raw + _PADS[n - k]
                extra: tuple[str, ...] = ()
            else:
                vals = raw[:n]
                extra = tuple(raw[n:]) if k > n else ()
            for i in meta.composites:
                v = vals[i]
                vals[i] = tuple(v.split(comp)) if v else ()
            return cls(*vals, extra=extra, width=k, position=position)

    _MAKERS[cls] = make
    return make


_VALUES: dict[type, Any] = {}


def _values_getter(cls: type[TypedSegment]) -> Any:
    """``getter(segment) -> tuple`` of the element fields (one C-level ``attrgetter``)."""
    names = segment_meta(cls).names
    if len(names) > 1:
        getter: Any = attrgetter(*names)
    elif names:
        one = attrgetter(names[0])

        def getter(obj: Any) -> tuple[Any, ...]:
            return (one(obj),)

    else:

        def getter(obj: Any) -> tuple[Any, ...]:
            return ()

    _VALUES[cls] = getter
    return getter


_TO_SEGMENT: dict[type, Any] = {}


def _to_segment_fn(cls: type[TypedSegment]) -> Any:
    """``to_seg(segment, component_separator) -> Segment``, generated once per class.

    What :meth:`TypedSegment._to_segment` does, as straight-line code: each element
    field read once, composites joined inline, trailing empty elements dropped and
    then padded back to the width read (writing is the inner step of every writer).
    ``False`` for classes that override ``to_segment`` (their own is used).
    """
    meta = segment_meta(cls)
    names = meta.names
    overridden = cls.to_segment is not TypedSegment.to_segment
    if overridden:
        _TO_SEGMENT[cls] = False
        return False
    vals = ", ".join(
        f"comp.join(o.{name})" if i in meta.composites else f"o.{name}"
        for i, name in enumerate(names)
    )
    src = (
        "def to_seg(o, comp):\n"
        f"    vals = [{vals}]\n"
        "    if o.extra:\n"
        "        vals.extend(o.extra)\n"
        "    while vals and not vals[-1]:\n"
        "        vals.pop()\n"
        "    short = o.width - len(vals)\n"
        "    if short > 0:\n"
        "        vals.extend(_pads[short] if short < 64 else [''] * short)\n"
        "    return _Segment(_tag, vals, o.position)\n"
    )
    namespace: dict[str, Any] = {"_Segment": Segment, "_tag": cls.TAG, "_pads": _PADS}
    exec(compile(src, f"<x12 to_segment {cls.__name__}>", "exec"), namespace)
    fn = namespace["to_seg"]
    _TO_SEGMENT[cls] = fn
    return fn


@dataclass(slots=True)
class TypedSegment:
    """Base of the typed segments; see the module docstring."""

    TAG: ClassVar[str] = ""

    extra: tuple[str, ...] = field(default=(), kw_only=True)
    width: int = field(default=0, kw_only=True, compare=False)
    position: int = field(default=0, kw_only=True, compare=False)

    @classmethod
    def from_segment(cls: type[T], seg: Segment, delimiters: Delimiters) -> T:
        make = _MAKERS.get(cls) or maker(cls)
        return make(seg.elements, seg.position, delimiters.component)  # type: ignore[no-any-return]

    def to_segment(self, delimiters: Delimiters) -> Segment:
        cls = type(self)
        fast = _TO_SEGMENT.get(cls)
        if fast is None:
            fast = _to_segment_fn(cls)
        if fast is not False:
            return fast(self, delimiters.component)  # type: ignore[no-any-return]
        return self._to_segment(delimiters)

    def _to_segment(self, delimiters: Delimiters) -> Segment:
        """The plain form of :meth:`to_segment` (for a subclass that overrides it and
        calls ``super().to_segment``)."""
        cls = type(self)
        meta = _META.get(cls) or segment_meta(cls)
        getter = _VALUES.get(cls) or _values_getter(cls)
        vals: list[str] = list(getter(self))
        if meta.composites:
            comp = delimiters.component
            for i in meta.composites:
                v: Any = vals[i]
                vals[i] = comp.join(v)
        if self.extra:
            vals.extend(self.extra)
        while vals and not vals[-1]:
            vals.pop()
        if self.width > len(vals):
            vals.extend([""] * (self.width - len(vals)))
        return Segment(self.TAG, vals, self.position)

    def get(self, n: int) -> str:
        """Element ``n`` (1-based) as text, composites joined with ``:``."""
        names = (_META.get(type(self)) or segment_meta(type(self))).names
        if 0 < n <= len(names):
            v: Any = getattr(self, names[n - 1])
            return ":".join(v) if v.__class__ is tuple else str(v)
        if n > len(names) and n - len(names) <= len(self.extra):
            return self.extra[n - len(names) - 1]
        return ""

    def component(self, n: int, c: int) -> str:
        """Component ``c`` (1-based) of composite element ``n``, ``""`` when absent."""
        names = (_META.get(type(self)) or segment_meta(type(self))).names
        if 0 < n <= len(names):
            v: Any = getattr(self, names[n - 1])
            if v.__class__ is tuple:
                return str(v[c - 1]) if 0 < c <= len(v) else ""
            return str(v) if c == 1 else ""
        return ""
