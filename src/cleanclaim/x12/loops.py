"""Loops: dataclasses of segments and child loops, read and written by one table-driven walker.

A guide declares each loop as a dataclass whose fields hold typed segments,
lists of them, child loops or lists of child loops, and describes the fields in
``SLOTS`` (guide order). The first slot of a loop is its *trigger* (``HL`` with
``HL03 = 22`` starts 2000B; ``NM1`` with ``NM101 = 85`` starts 2010AA)::

    @dataclass(slots=True)
    class Loop2010AA(Loop):
        LOOP_ID: ClassVar[str] = "2010AA"
        nm1: NM1 | None = None
        n3: N3 | None = None
        ...

    Loop2010AA.SLOTS = (
        Slot("nm1", NM1, usage="R", quals=("85",)),
        Slot("n3", N3, usage="R"),
        ...
    )

Reading (:func:`parse_loop`) is tolerant and works like the guides' own
reading rule: a segment goes to the innermost open loop that has a slot for it,
else starts a child loop whose trigger it matches, else closes loops outward.
A segment nobody claims is kept in the innermost loop's ``unknown`` list (and
reported by validation), so nothing read is ever dropped. The rule is carried
out by small functions generated per loop class and tag (see "the generated
reader" below); ``parse_loop_reference`` in ``tests/x12/loops_reference.py`` is
the same rule as a plain interpreter.

Writing (:func:`loop_segments`) emits a loop's slots in guide order; for a loop
read from a file (every item has a position) the original order is kept, so a
round trip gives back the same segments even for out-of-order input.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from operator import attrgetter
from typing import Any, ClassVar

from .segments import Delimiters, Segment
from .typed import _TO_SEGMENT, MAKER_NAMES, TypedSegment, maker, maker_lines

__all__ = ["Loop", "Slot", "iter_segments", "loop_segments", "parse_loop", "parse_loop_split"]


@dataclass(frozen=True, slots=True)
class Slot:
    """One field of a loop.

    Attributes:
        field: the dataclass field name.
        kind: a :class:`TypedSegment` subclass, or a :class:`Loop` subclass for a child loop.
        usage: ``"R"`` required or ``"S"`` situational (validation reports missing ``R``).
        max_use: repeat limit (segments: max use; loops: repeat); > 1 means the field is a list.
        quals: for a trigger, the values of element ``qpos`` that start the loop
            (empty = any value).
        qpos: which element holds the qualifier (1 for NM101, 3 for HL03).
        name: a human name ("Billing Provider Name").
        in_list: the field is a list even though ``max_use`` is 1 (several
            slots sharing one list field, e.g. 2330A..G in ``payers``).
    """

    field: str
    kind: type[Any]
    usage: str = "S"
    max_use: int = 1
    quals: tuple[str, ...] = ()
    qpos: int = 1
    name: str = ""
    in_list: bool = False

    @property
    def is_loop(self) -> bool:
        return isinstance(self.kind, type) and issubclass(self.kind, Loop)

    @property
    def many(self) -> bool:
        """Whether the slot may repeat (the field itself is a list whenever it is one)."""
        return self.max_use > 1 or self.in_list

    @property
    def seg_id(self) -> str:
        if self.is_loop:
            return str(self.kind.SLOTS[0].kind.TAG)
        return str(self.kind.TAG)

    @property
    def trigger_quals(self) -> tuple[tuple[str, ...], int]:
        if self.is_loop:
            first: Slot = self.kind.SLOTS[0]
            return first.quals, first.qpos
        return self.quals, self.qpos


@dataclass(slots=True)
class Loop:
    """Base of the loop dataclasses; ``unknown`` keeps segments no slot claimed."""

    LOOP_ID: ClassVar[str] = ""
    NAME: ClassVar[str] = ""
    SLOTS: ClassVar[tuple[Slot, ...]] = ()

    unknown: list[Segment] = field(default_factory=list, kw_only=True)

    @property
    def position(self) -> int:
        """Position of the loop's first segment (0 when built in memory)."""
        for slot in self.SLOTS[:1]:
            v = getattr(self, slot.field)
            if isinstance(v, TypedSegment):
                return v.position
        return 0


# A compiled matcher: (is_child, field, quals or None, qpos, segment maker (see
# typed.maker), child loop constructor or None, first field of the child, is the slot a
# trigger (own slot 0)).
_Matcher = tuple[bool, str, "frozenset[str] | None", int, Any, Any, str, bool]
_NEW_LOOP: dict[type, Any] = {}


def _factory_stores(cls: type[Loop]) -> list[tuple[str, str]] | None:
    """``(field, "[]" or "None")`` for each field of ``cls``, or None when a field has
    another default."""
    stores: list[tuple[str, str]] = []
    for f in fields(cls):
        if f.default_factory is list:
            stores.append((f.name, "[]"))
        elif f.default is None:
            stores.append((f.name, "None"))
        else:
            return None
    return stores


def _loop_factory(cls: type[Loop]) -> Any:
    """A no-argument constructor for ``cls``, equivalent to ``cls()``.

    Generated once per class: empty list fields are list displays (``[]``) and
    ``None`` defaults plain stores, instead of the dataclass ``__init__`` that calls
    each ``default_factory``. Loops with other defaults use ``cls`` itself.
    """
    make = _NEW_LOOP.get(cls)
    if make is not None:
        return make
    stores = _factory_stores(cls)
    if stores:
        lines = "".join(f"    o.{name} = {value}\n" for name, value in stores)
        src = "def make():\n    o = _new(_cls)\n" + lines + "    return o\n"
        namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
        exec(compile(src, f"<x12 loop {cls.__name__}>", "exec"), namespace)
        make = namespace["make"]
    else:
        make = cls
    _NEW_LOOP[cls] = make
    return make


_COMPILED: dict[type, dict[str, list[_Matcher]]] = {}


def _slots_by_tag(cls: type[Loop]) -> dict[str, list[tuple[int, Slot]]]:
    """tag → ``(index, slot)``: own slots first (guide order), then child-loop triggers."""
    own: dict[str, list[tuple[int, Slot]]] = {}
    kids: dict[str, list[tuple[int, Slot]]] = {}
    for i, slot in enumerate(cls.SLOTS):
        (kids if slot.is_loop else own).setdefault(slot.seg_id, []).append((i, slot))
    return {tag: own.get(tag, []) + kids.get(tag, []) for tag in {*own, *kids}}


def _compiled(cls: type[Loop]) -> dict[str, list[_Matcher]]:
    """tag → matchers, own slots first (guide order), then child-loop triggers."""
    table = _COMPILED.get(cls)
    if table is None:
        table = {}
        for tag, slots in _slots_by_tag(cls).items():
            matchers: list[_Matcher] = []
            for i, slot in slots:
                quals, qpos = slot.trigger_quals
                q = frozenset(quals) if quals else None
                if slot.is_loop:
                    first: Slot = slot.kind.SLOTS[0]
                    matchers.append(
                        (
                            True,
                            slot.field,
                            q,
                            qpos,
                            maker(first.kind),
                            _loop_factory(slot.kind),
                            first.field,
                            False,
                        )
                    )
                else:
                    matchers.append(
                        (False, slot.field, q, qpos, maker(slot.kind), None, "", i == 0)
                    )
            table[tag] = matchers
        _COMPILED[cls] = table
    return table


def parse_loop(root: Loop, segments: Iterable[Segment], delimiters: Delimiters) -> Loop:
    """Fill ``root`` (a fresh loop, e.g. the transaction) from ``segments``."""
    return _read(root, ((s.position, [s.id, *s.elements]) for s in segments), delimiters)


def parse_loop_split(
    root: Loop, parts: Iterable[list[str]], first: int, delimiters: Delimiters
) -> Loop:
    """:func:`parse_loop` over the tokenizer's split form of the segments (each a list:
    the tag, then the element texts; the first at position ``first``, the others
    following): the same tree, without a :class:`Segment` per segment (one is built
    only for a segment kept in a loop's ``unknown``)."""
    return _read(root, enumerate(parts, start=first), delimiters)


def _read(root: Loop, items: Iterable[tuple[int, list[str]]], delimiters: Delimiters) -> Loop:
    """Both readers: ``(position, [tag, element texts...])`` per segment."""
    comp = delimiters.component
    memo: dict[str, tuple[str, ...]] = {}  # composite text -> components (typed.maker)
    stack: list[Loop] = [root]
    tables: list[dict[str, _Placer]] = [_placers(type(root), False)]
    overflow: Loop | None
    for pos, p in items:
        tag = p[0]
        depth = len(stack) - 1
        # the innermost open loop first (most segments stay there), then outward
        place = tables[depth].get(tag)
        if place is None:
            overflow = None
        else:
            placed = place(stack[depth], p, pos, stack, tables, depth, comp, memo)
            if placed:
                continue
            overflow = stack[depth] if placed is False else None
        while depth:
            depth -= 1
            place = tables[depth].get(tag)
            if place is not None:
                placed = place(stack[depth], p, pos, stack, tables, depth, comp, memo)
                if placed:
                    break
                if placed is False and overflow is None:
                    overflow = stack[depth]
        else:
            (overflow if overflow is not None else stack[-1]).unknown.append(
                Segment(tag, p[1:], pos)
            )
    return root


# -- the generated reader ---------------------------------------------------------------
#
# For each segment, ``parse_loop`` asks the open loops from the innermost outward
# whether they take it. "Does a loop of class C take a segment with tag T" is answered
# by a small function generated once per (C, T), a *placer*: the matchers of
# ``_compiled(C)[T]`` inlined in the same order, with the qualifier's element index and
# value set as constants, fields read and stored by name, segments built by the
# statements of their ``typed.maker`` (``typed.maker_lines``) and child loops by those
# of ``_loop_factory``; the composite elements' tuples are shared through ``memo``, a
# dict that lives for one ``parse_loop`` call (one component separator). A placer
# returns True when it placed the segment (trimming the stack to its loop, and pushing
# the child loop it started), False when a slot for the segment was full (the segment
# goes to the innermost such loop's ``unknown`` if nobody takes it) and None when
# nothing matched. This is what ``parse_loop_reference``, the plain interpreter of the
# matchers kept in the tests (``tests/x12/loops_reference.py``), does; it is the
# specification (the tests compare both on every sample and on shuffled and mutated
# segment orders).

# (loop, split list, position, stack, tables, depth, component separator, memo) -> bool | None
_Placer = Any
_PLACERS: dict[tuple[type, bool], dict[str, _Placer]] = {}


def _placers(cls: type[Loop], nested: bool) -> dict[str, _Placer]:
    """tag → placer for a loop of class ``cls`` (built once, children's tables too).

    The root loop of a read is at depth 0 and only there may its trigger slot take
    a segment; ``nested`` tables (for the child loops, always deeper) leave the
    trigger's matcher out, and a tag left without matchers out of the table.
    """
    table = _PLACERS.get((cls, nested))
    if table is None:
        table = {}
        _PLACERS[cls, nested] = table  # registered before the children's: cycles terminate
        matchers = _compiled(cls)
        for tag, slots in _slots_by_tag(cls).items():
            kept = [
                (s, m) for s, m in zip(slots, matchers[tag], strict=True) if not (nested and m[7])
            ]
            if kept:
                table[tag] = _placer(cls, tag, [s for s, _ in kept], [m for _, m in kept])
    return table


def _placer(
    cls: type[Loop], tag: str, slots: list[tuple[int, Slot]], matchers: list[_Matcher]
) -> _Placer:
    ns: dict[str, Any] = {"_new": object.__new__, "_Segment": Segment, **MAKER_NAMES}
    # the segment comes as its split list ``els`` (the tag first) and its position
    # ``pos``; a Segment is built only for a segment kept in ``unknown``
    out = ["def place(loop, els, pos, stack, tables, d, comp, memo):"]
    own = False
    read: set[int] = set()  # qualifier positions already read into q<qpos>
    for k, ((_, slot), matcher) in enumerate(zip(slots, matchers, strict=True)):
        # (a trigger's matcher is only in the root's table, where depth is 0: no test)
        fname, quals, qpos, make, child_make, first_field = matcher[1:7]
        ns[f"M{k}"] = make
        p = "    "
        if quals is not None:
            if qpos not in read:
                read.add(qpos)
                out.append(f"    q{qpos} = els[{qpos}] if len(els) > {qpos} else ''")
            ns[f"Q{k}"] = quals
            out.append(f"    if q{qpos} in Q{k}:")
            p = "        "
        # the typed segment: typed.maker's statements inlined (in ``o``), else its call
        seg_cls = slot.kind.SLOTS[0].kind if slot.is_loop else slot.kind
        body = maker_lines(seg_cls, f"S{k}", "pos", tagged=True)
        if body is None:
            build = [f"{p}o = M{k}(els[1:], pos, comp, memo)"]
        else:
            ns[f"S{k}"] = seg_cls
            build = [f"{p}raw = els", *(p + line for line in body)]
        if not slot.is_loop:
            own = True
            trim = [
                f"{p}    if d + 1 < len(stack):",
                f"{p}        del stack[d + 1 :]",
                f"{p}        del tables[d + 1 :]",
                f"{p}    return True",
            ]
            out += [
                *build,  # (built before the slot is looked at: dropped when it is full)
                f"{p}v = loop.{fname}",
                f"{p}if v.__class__ is list:",
                f"{p}    v.append(o)",
                *trim,
                f"{p}if v is None:",
                f"{p}    loop.{fname} = o",
                *trim,
                f"{p}over = True",
            ]
            continue
        ns[f"T{k}"] = _placers(slot.kind, True)
        stores = _factory_stores(slot.kind) if child_make is not slot.kind else None
        if stores:
            ns[f"C{k}"] = slot.kind
            out.append(f"{p}child = _new(C{k})")
            out += [f"{p}child.{n} = {v}" for n, v in stores if n != first_field]
        else:
            ns[f"F{k}"] = child_make
            out.append(f"{p}child = F{k}()")
        out += [
            *build,
            f"{p}child.{first_field} = o",
            f"{p}del stack[d + 1 :]",
            f"{p}del tables[d + 1 :]",
            f"{p}h = loop.{fname}",
            f"{p}if h.__class__ is list:",
            f"{p}    h.append(child)",
            f"{p}elif h is None:",
            f"{p}    loop.{fname} = child",
            f"{p}else:",
            f"{p}    loop.unknown.append(_Segment(els[0], els[1:], pos))  # a second single loop",
            f"{p}    return True",
            f"{p}stack.append(child)",
            f"{p}tables.append(T{k})",
            f"{p}return True",
        ]
    if own:
        out.insert(1, "    over = False")
        out.append("    return False if over else None")
    else:
        out.append("    return None")
    src = "\n".join(out) + "\n"
    exec(compile(src, f"<x12 place {cls.__name__} {tag}>", "exec"), ns)
    return ns["place"]


_FIELDS: dict[type, Any] = {}


def _fields_getter(cls: type[Loop]) -> Any:
    """``getter(loop) -> tuple`` of the loop's fields, each once, in slot order.

    Several slots may share one list field (2310A..F in ``providers``)."""
    names = list(dict.fromkeys(slot.field for slot in cls.SLOTS))
    if len(names) > 1:
        getter: Any = attrgetter(*names)
    else:
        one = attrgetter(*names) if names else None

        def getter(obj: Any) -> tuple[Any, ...]:
            return (one(obj),) if one is not None else ()

    _FIELDS[cls] = getter
    return getter


def _position(item: Any) -> int:
    return item.position  # type: ignore[no-any-return]


def loop_segments(loop: Loop, delimiters: Delimiters) -> list[Segment]:
    """The loop and its children as segments (guide order, or original order when read).

    A loop's slot values (a child loop counting as one block) are sorted by their
    position when every one has been read from a file; a loop built in memory keeps
    guide order. Same result as the plain ``loop_segments_reference`` the tests keep
    (``tests/x12/loops_reference.py``), without its intermediate ``(position,
    segments)`` pairs."""
    out: list[Segment] = []
    _emit(loop, delimiters.component, delimiters, out)
    return out


def _emit(loop: Loop, comp: str, delimiters: Delimiters, out: list[Segment]) -> None:
    cls = loop.__class__
    getter = _FIELDS.get(cls) or _fields_getter(cls)
    items: list[Any] = []
    for value in getter(loop):
        if value is None:
            continue
        if value.__class__ is list:
            items.extend(value)
        else:
            items.append(value)
    if loop.unknown:
        items.extend(loop.unknown)
    if not items:
        return
    # positions read from a file: restore the file order (stable, as the reference)
    last = 0
    ordered = True
    for item in items:
        pos = item.position
        if pos <= 0:
            break
        if pos < last:
            ordered = False
        last = pos
    else:
        if not ordered:
            items.sort(key=_position)
    to_segment = _TO_SEGMENT
    for item in items:
        icls = item.__class__
        fn = to_segment.get(icls)
        if fn is not None and fn is not False:
            out.append(fn(item, comp))
        elif icls is Segment:
            out.append(item)
        elif isinstance(item, Loop):
            _emit(item, comp, delimiters, out)
        else:
            out.append(item.to_segment(delimiters))


def iter_segments(loop: Loop) -> Iterator[tuple[Loop, Slot | None, TypedSegment | Segment]]:
    """Every segment of the tree with its loop and slot (``None`` for unknown segments)."""
    seen: set[str] = set()
    for slot in loop.SLOTS:
        if slot.field in seen:
            continue
        seen.add(slot.field)
        value = getattr(loop, slot.field)
        if value is None:
            continue
        values = value if isinstance(value, list) else (value,)
        for v in values:
            if isinstance(v, Loop):
                yield from iter_segments(v)
            else:
                yield loop, slot, v
    for seg in loop.unknown:
        yield loop, None, seg
