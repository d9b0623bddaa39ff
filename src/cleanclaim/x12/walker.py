"""The validation walk of :func:`cleanclaim.x12.structure.check_tree`, compiled per loop class.

For each loop class met in a walk, a small function is generated (once per walk:
the guide's element rules and ``visit`` are part of it) that reads the loop's
fields one by one, in guide order, and handles the common shapes inline:

* a required slot left empty → the "required ... is missing" finding;
* a single segment, or a list of segments within the repeat limit, of the slot's
  class and without elements beyond the guide → the single-segment checks,
  memoised on the segment's content (identical segments are checked once);
* child loops → their own generated function.

Anything else (shared list fields such as 2310A-F in ``providers``, too many
repeats, a segment of another class than its slot's, extra elements) goes
through :meth:`_Walker.generic`, the plain interpreter of the slot table, which
is also what the generated code is equivalent to. Findings come out in the same
order as from the interpreter: all required-missing findings of a loop first,
then its slots in guide order, then its unknown segments.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from keyword import iskeyword
from typing import Any

from .elements import ElementType, check_value
from .errors import IK304, Finding
from .loops import Loop, Slot
from .structure import (
    _VALID_TAG,
    ElementRule,
    _missing,
    _syntax,
    _syntax_plan,
    check_element_rules,
)
from .typed import TypedSegment, segment_meta

__all__ = ["Walker"]

Visit = Callable[[Loop, TypedSegment, list[Finding]], None]
# per slot: (slot, shared list field?, is a loop?, slot class, getter of the class's
# element values, element rules or None, memo of the single-segment findings)
_Entry = tuple[Slot, bool, bool, Any, Any, "list[ElementRule] | None", dict[Any, list[Finding]]]


_AN_ID = (ElementType.AN, ElementType.ID)


def _clean_source(
    cls: type[TypedSegment], rules: list[ElementRule] | None, ns: dict[str, Any]
) -> str:
    """Source of ``clean(o) -> bool``: True when ``_syntax`` and ``check_element_rules``
    would report nothing for ``o`` (a ``cls`` without extra elements).

    Straight-line tests with the limits inlined; ``False`` on any doubt (the detailed
    checks then run and report), so it can only skip work, never a finding.
    """
    meta = segment_meta(cls)
    names, specs = meta.names, meta.specs
    out = ["def clean(o):"]
    for i, spec in enumerate(specs):
        if spec.composite:
            continue
        name, mn, mx = names[i], spec.min_len, spec.max_len
        out.append(f"    v = o.{name}")
        if spec.type in _AN_ID:
            out.append(f"    if v and not ({mn} <= len(v) <= {mx} and v.isprintable()):")
            out.append("        return False")
        elif spec.type is ElementType.R:
            out.append("    if v:")
            out.append("        d = (v[1:] if v[0] == '-' else v).replace('.', '', 1)")
            out.append(f"        if not (d.isascii() and d.isdigit() and {mn} <= len(d) <= {mx}):")
            out.append("            return False")
        elif spec.type is ElementType.N0:
            out.append("    if v:")
            out.append("        d = v[1:] if v[0] == '-' else v")
            out.append(f"        if not (d.isascii() and d.isdigit() and {mn} <= len(d) <= {mx}):")
            out.append("            return False")
        else:
            ns[f"T{i}"] = spec.type
            out.append(f"    if v and _check_value(v, T{i}, {mn}, {mx}) is not None:")
            out.append("        return False")
    for k, rule in enumerate(rules or ()):
        ind = "    "
        if rule.when is not None:
            ns[f"W{k}"] = rule.when[1]
            out.append(f"    if o.get({rule.when[0]}) in W{k}:")
            ind = "        "
        pos, comp = rule.pos, rule.comp
        if 0 < pos <= len(names) and names[pos - 1].isidentifier():
            out.append(f"{ind}raw = o.{names[pos - 1]}")
        else:
            out.append(f"{ind}raw = o.get({pos})")
        if comp:
            out.append(
                f"{ind}v = (raw[{comp - 1}] if {comp} <= len(raw) else '') "
                f"if raw.__class__ is tuple else (raw if {comp} == 1 else '')"
            )
        else:
            out.append(f"{ind}v = ':'.join(raw) if raw.__class__ is tuple else raw")
        out.append(f"{ind}if not v:")
        out.append(f"{ind}    {'return False' if rule.required else 'pass'}")
        tests = []
        if rule.length is not None:
            tests.append(f"not {rule.length[0]} <= len(v) <= {rule.length[1]}")
        if rule.codes is not None:
            ns[f"C{k}"] = rule.codes
            tests.append(f"v not in C{k}")
        if tests:
            out.append(f"{ind}elif {' or '.join(tests)}:")
            out.append(f"{ind}    return False")
    out.append("    return True")
    return "\n".join(out) + "\n"


class Walker:
    """One validation walk: a generated function per loop class and the memo of checks."""

    __slots__ = ("fns", "known", "memo", "namespaces", "out", "rules", "visit")

    def __init__(
        self,
        known: set[str],
        out: list[Finding],
        rules: Mapping[tuple[str, str], list[ElementRule]],
        visit: Visit | None,
    ) -> None:
        self.known = known
        self.out = out
        self.rules = rules
        self.visit = visit
        self.fns: dict[type, Callable[[Loop], None]] = {}
        self.namespaces: list[dict[str, Any]] = []
        self.memo: dict[tuple[Any, ...], list[Finding]] = {}

    def close(self) -> None:
        """Drop the generated functions and memos.

        The functions hold bound methods of the walker (a reference cycle), and each
        is held by its own namespace (another): without
        this, the walk's memo (a hundred thousand tuples and lists on a large file)
        would wait for the cyclic garbage collector instead of being freed at once.
        """
        for ns in self.namespaces:
            ns.clear()  # a generated function and its namespace: another cycle
        self.namespaces.clear()
        self.fns.clear()
        self.memo.clear()

    def walk(self, loop: Loop) -> None:
        cls = loop.__class__
        fn = self.fns.get(cls) or self.compile(cls)
        fn(loop)

    # -- the generated walk of one loop class ------------------------------------------
    def compile(self, cls: type[Loop]) -> Callable[[Loop], None]:
        uses: dict[str, int] = {}
        for slot in cls.SLOTS:
            uses[slot.field] = uses.get(slot.field, 0) + 1
        ns: dict[str, Any] = {
            "_out": self.out,
            "_missing": _missing,
            "_check": self.check,
            "_odd": self.odd,
            "_generic": self.generic,
            "_walk": self.walk,
            "_unknown": self.unknown,
            "_replay": self.replay,
        }
        head: list[str] = []
        body: list[str] = []
        for i, slot in enumerate(cls.SLOTS):
            if not (slot.field.isidentifier() and not iskeyword(slot.field)):
                fn = self._interpreted(cls)
                self.fns[cls] = fn
                return fn
            is_loop = slot.is_loop
            kind = slot.kind
            entry: _Entry = (
                slot,
                uses[slot.field] > 1,
                is_loop,
                kind,
                None if is_loop else _syntax_plan(kind)[0],
                None if is_loop else self.rules.get((cls.LOOP_ID, kind.TAG)),
                {},
            )
            ns[f"E{i}"] = entry
            ns[f"K{i}"] = kind
            ns[f"G{i}"] = entry[4]
            ns[f"R{i}"] = entry[5]
            ns[f"M{i}"] = entry[6]
            if not is_loop and all(
                n.isidentifier() and not iskeyword(n) for n in segment_meta(kind).names
            ):
                cns: dict[str, Any] = {"_check_value": check_value}
                exec(compile(_clean_source(kind, entry[5], cns), "<x12 clean>", "exec"), cns)
                ns[f"Q{i}"] = cns["clean"]
                self.namespaces.append(cns)
            else:
                ns[f"Q{i}"] = None
            f = slot.field
            if slot.usage == "R":
                ns[f"N{i}"] = (slot.name or slot.field, slot.seg_id, is_loop)
                head.append(
                    f"    if not loop.{f}:\n"
                    f"        _out.append(_missing(loop, *N{i}, loop.position))\n"
                )
            body.append(f"    v = loop.{f}\n    if v:\n")
            if entry[1]:  # shared list field: the interpreter filters it by class
                body.append(f"        _generic(loop, E{i}, v)\n")
            elif is_loop:
                body.append(
                    "        if v.__class__ is not list:\n"
                    "            _walk(v)\n"
                    f"        elif len(v) <= {slot.max_use}:\n"
                    "            for item in v:\n"
                    "                _walk(item)\n"
                    "        else:\n"
                    f"            _generic(loop, E{i}, v)\n"
                )
            else:
                one = (
                    "if {x}.__class__ is K{i} and not {x}.extra:\n"
                    "{p}    key = G{i}({x})\n"
                    "{p}    c = M{i}.get(key)\n"
                    "{p}    if c is None:\n"
                    "{p}        M{i}[key] = _check(loop, {x}, R{i}, Q{i})\n"
                    "{p}    elif c:\n"
                    "{p}        _replay(c, {x}.position)\n"
                    "{p}else:\n"
                    "{p}    _odd(loop, {x}, R{i})\n"
                )
                body.append(
                    "        if v.__class__ is not list:\n"
                    "            " + one.format(x="v", i=i, p="            ") + ""
                    f"        elif len(v) <= {slot.max_use}:\n"
                    "            for item in v:\n"
                    "                " + one.format(x="item", i=i, p="                ") + ""
                    "        else:\n"
                    f"            _generic(loop, E{i}, v)\n"
                )
        src = (
            "def walk(loop):\n"
            + "".join(head)
            + "".join(body)
            + "    if loop.unknown:\n        _unknown(loop)\n"
        )
        exec(compile(src, f"<x12 walk {cls.__name__}>", "exec"), ns)
        self.namespaces.append(ns)
        fn = ns["walk"]
        self.fns[cls] = fn
        return fn  # type: ignore[no-any-return]

    def _interpreted(self, cls: type[Loop]) -> Callable[[Loop], None]:
        """The walk of a loop class whose field names cannot be generated (not in our guides)."""
        uses: dict[str, int] = {}
        for slot in cls.SLOTS:
            uses[slot.field] = uses.get(slot.field, 0) + 1
        entries: list[_Entry] = [
            (
                slot,
                uses[slot.field] > 1,
                slot.is_loop,
                slot.kind,
                None if slot.is_loop else _syntax_plan(slot.kind)[0],
                None if slot.is_loop else self.rules.get((cls.LOOP_ID, slot.kind.TAG)),
                {},
            )
            for slot in cls.SLOTS
        ]

        def walk(loop: Loop) -> None:
            for slot, *_ in entries:
                if slot.usage == "R" and not getattr(loop, slot.field):
                    name = slot.name or slot.field
                    self.out.append(_missing(loop, name, slot.seg_id, slot.is_loop, loop.position))
            for entry in entries:
                value = getattr(loop, entry[0].field)
                if value:
                    self.generic(loop, entry, value)
            if loop.unknown:
                self.unknown(loop)

        return walk

    # -- the interpreter and the single-segment checks ------------------------------
    def generic(self, loop: Loop, entry: _Entry, value: Any) -> None:
        """One filled slot, any shape (what the generated code does for the common ones)."""
        out = self.out
        slot, shared, is_loop, kind, seg_getter, seg_rules, memo = entry
        if value.__class__ is list:
            items: list[Any] = [v for v in value if type(v) is kind] if shared else value
            count = len(items)
            if count == 0:
                if slot.usage == "R":
                    name = slot.name or slot.field
                    out.append(_missing(loop, name, slot.seg_id, is_loop, loop.position))
                return
            if count > slot.max_use:
                ik = IK304.LOOP_OVER_MAXIMUM if is_loop else IK304.SEGMENT_OVER_MAXIMUM_USE
                out.append(
                    Finding(
                        code="x12.structure.max-use",
                        message=(
                            f"{slot.name or slot.field} occurs {count} times in "
                            f"{loop.LOOP_ID}; the guide allows {slot.max_use}"
                        ),
                        position=items[slot.max_use].position,
                        segment_id=slot.seg_id,
                        loop_id=loop.LOOP_ID,
                        ik304=ik,
                    )
                )
        else:
            items = [value]
        if is_loop:
            for item in items:
                self.walk(item)
            return
        for item in items:
            if item.__class__ is not kind or item.extra:
                self.odd(loop, item, seg_rules)
                continue
            key = seg_getter(item)
            cached = memo.get(key)
            if cached is None:
                memo[key] = self.check(loop, item, seg_rules)
            elif cached:
                self.replay(cached, item.position)

    def replay(self, cached: list[Finding], position: int) -> None:
        self.out.extend([replace(f, position=position) for f in cached])

    def check(
        self,
        loop: Loop,
        item: TypedSegment,
        seg_rules: list[ElementRule] | None,
        clean: Callable[[TypedSegment], bool] | None = None,
    ) -> list[Finding]:
        """Syntax, element rules and ``visit`` of one segment; its findings (also emitted).

        ``clean`` (generated, see :func:`_clean_source`) tells first whether the syntax
        and element rules would report nothing; only then are they skipped."""
        found: list[Finding] = []
        if clean is None or not clean(item):
            _syntax(loop.LOOP_ID, item, found)
            if seg_rules:
                check_element_rules(loop, item, seg_rules, found)
        if self.visit is not None:
            self.visit(loop, item, found)
        self.out.extend(found)
        return found

    def odd(self, loop: Loop, item: TypedSegment, seg_rules: list[ElementRule] | None) -> None:
        """A segment with elements beyond the guide, or of another class than its slot's."""
        cls = item.__class__
        key = (loop.__class__, cls, _syntax_plan(cls)[0](item), item.extra)
        cached = self.memo.get(key)
        if cached is None:
            self.memo[key] = self.check(loop, item, seg_rules)
        elif cached:
            self.replay(cached, item.position)

    def unknown(self, loop: Loop) -> None:
        for seg in loop.unknown:
            valid = bool(_VALID_TAG.match(seg.id))
            if not valid:
                ik, msg = IK304.UNRECOGNIZED_SEGMENT, f"{seg.id[:10]!r} is not a segment id"
            elif seg.id in self.known:
                ik, msg = (
                    IK304.UNEXPECTED_SEGMENT,
                    f"segment {seg.id} is not expected here ({loop.LOOP_ID})",
                )
            else:
                ik, msg = (
                    IK304.SEGMENT_NOT_IN_TRANSACTION_SET,
                    f"segment {seg.id} is not part of this transaction set",
                )
            self.out.append(
                Finding(
                    code="x12.structure.unexpected-segment",
                    message=msg,
                    position=seg.position,
                    segment_id=seg.id[:3],
                    loop_id=loop.LOOP_ID,
                    ik304=ik,
                )
            )
