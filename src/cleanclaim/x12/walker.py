"""The validation walk of :func:`cleanclaim.x12.structure.check_tree`, compiled per loop class.

For each loop class met in a walk, a small function is generated that reads the
loop's fields one by one, in guide order, and handles the common shapes inline:

* a required slot left empty → the "required ... is missing" finding;
* a single segment, or a list of segments within the repeat limit (the shape the
  reader gives the slot), of the slot's class and without elements beyond the
  guide → the single-segment checks, memoised on the segment's content while the
  slot's contents repeat (see :class:`_Probe`: a slot whose first look-ups mostly
  miss, such as HL or CLM, drops its memo and runs its generated ``clean`` test
  directly); the guide's ``visit`` only for the tags it declared (``visit_tags``);
* runs of situational slots are first tested together (``if loop.a or loop.b``);
* child loops → their own generated function, bound directly once compiled.

Anything else (shared list fields such as 2310A-F in ``providers``, too many
repeats, another shape, a segment of another class than its slot's, extra
elements) goes through :meth:`Walker.generic`, the plain interpreter of the slot
table, which is also what the generated code is equivalent to. Findings come out
in the same order as from the interpreter: all required-missing findings of a
loop first, then its slots in guide order, then its unknown segments.

The sources and their code objects are made once per process (the per-walk state
lives in the namespace each walk executes them in): generating and compiling them
cost more than checking a small file. ``tests/x12/test_it_walks_like_the_reference_interpreter.py``
compares the walk with a plain interpreter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from types import CodeType
from typing import Any

from .elements import ElementSpec, ElementType, check_value
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

    Straight-line tests with the limits inlined, element by element: its syntax, then
    the rules on that element (or its components) read from the same value; ``False``
    on any doubt (the detailed checks then run and report), so it can only skip work,
    never a finding. The syntax test is left out where the element's allowed codes
    all pass it (``v in C`` then implies it); rules with a ``when`` or on elements
    beyond the class's come last, as generic tests.
    """
    meta = segment_meta(cls)
    names, specs = meta.names, meta.specs
    by_pos: dict[int, list[tuple[int, ElementRule]]] = {}
    generic: list[tuple[int, ElementRule]] = []
    for k, rule in enumerate(rules or ()):
        if rule.when is None and 0 < rule.pos <= len(names):
            by_pos.setdefault(rule.pos, []).append((k, rule))
        else:
            generic.append((k, rule))
    out = ["def clean(o):"]

    def tests(k: int, rule: ElementRule, ind: str) -> None:
        """The rule's value tests on a non-empty ``v``."""
        if rule.length is not None:
            out.append(f"{ind}if not {rule.length[0]} <= len(v) <= {rule.length[1]}:")
            out.append(f"{ind}    return False")
        if rule.codes is not None:
            ns[f"C{k}"] = rule.codes
            out.append(f"{ind}if v not in C{k}:")
            out.append(f"{ind}    return False")

    # each element's lines, and its field name when it has no rules (such runs, mostly
    # empty, are first tested together: ``if o.a or o.b ...``)
    chunks: list[tuple[str | None, list[str]]] = []
    for i, spec in enumerate(specs):
        name = names[i]
        here = by_pos.get(i + 1, [])
        if spec.composite and not here:
            continue
        mark = len(out)
        _element(out, ns, tests, i, name, spec, here)
        chunks.append((None if here else name, out[mark:]))
        del out[mark:]
    k = 0
    while k < len(chunks):
        run = 1
        if chunks[k][0] is not None:
            while k + run < len(chunks) and chunks[k + run][0] is not None:
                run += 1
        if run > 1:
            out.append("    if " + " or ".join(f"o.{f}" for f, _ in chunks[k : k + run]) + ":")
            out.extend("    " + line for _, lines in chunks[k : k + run] for line in lines)
        else:
            out.extend(chunks[k][1])
        k += run
    for k, rule in generic:
        ind = "    "
        if rule.when is not None:
            ns[f"W{k}"] = rule.when[1]
            out.append(f"    if o.get({rule.when[0]}) in W{k}:")
            ind = "        "
        pos, comp = rule.pos, rule.comp
        if 0 < pos <= len(names):
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
        out.append(f"{ind}else:")
        start = len(out)
        tests(k, rule, ind + "    ")
        if len(out) == start:
            out.append(f"{ind}    pass")
    out.append("    return True")
    return "\n".join(out) + "\n"


def _element(
    out: list[str],
    ns: dict[str, Any],
    tests: Callable[[int, ElementRule, str], None],
    i: int,
    name: str,
    spec: ElementSpec,
    here: list[tuple[int, ElementRule]],
) -> None:
    """The lines of :func:`_clean_source` for element ``i`` (its syntax and ``here`` rules)."""
    mn, mx = spec.min_len, spec.max_len
    if spec.composite:
        out.append(f"    raw = o.{name}")
        out.append("    if raw.__class__ is not tuple:")
        out.append("        return False")
        out.append("    n = len(raw)")
        for k, rule in here:
            comp = rule.comp
            start = len(out)
            tests(k, rule, "        ")
            under = out[start:]
            del out[start:]
            if comp and not rule.required:  # an absent component passes: test only those present
                if under:
                    out.append(f"    if n >= {comp}:")
                    out.append(f"        v = raw[{comp - 1}]")
                    _guarded(out, ["    " + line for line in under], False, "        ")
                continue
            if comp:
                out.append(f"    v = raw[{comp - 1}] if n >= {comp} else ''")
            else:
                out.append("    v = ':'.join(raw)")
            _guarded(out, under, rule.required)
        return
    out.append(f"    v = o.{name}")
    body: list[str] = []
    implied = any(
        r.comp == 0
        and r.codes is not None
        and all(check_value(c, spec.type, mn, mx) is None for c in r.codes)
        for _, r in here
    )
    size = f"len(v) <= {mx}" if mn <= 1 else f"{mn} <= len(v) <= {mx}"
    if implied:
        pass
    elif spec.type in _AN_ID:
        body.append(f"if not ({size} and v.isprintable()):")
        body.append("    return False")
    elif spec.type is ElementType.R:
        body.append("d = (v[1:] if v[0] == '-' else v).replace('.', '', 1)")
        body.append(f"if not (d.isascii() and d.isdigit() and {mn} <= len(d) <= {mx}):")
        body.append("    return False")
    elif spec.type is ElementType.N0:
        body.append("d = v[1:] if v[0] == '-' else v")
        body.append(f"if not (d.isascii() and d.isdigit() and {mn} <= len(d) <= {mx}):")
        body.append("    return False")
    else:
        ns[f"T{i}"] = spec.type
        body.append(f"if _check_value(v, T{i}, {mn}, {mx}) is not None:")
        body.append("    return False")
    required = False
    for k, rule in here:
        if rule.comp <= 1:  # (component 1 of a simple element is the element)
            required = required or rule.required
            start = len(out)
            tests(k, rule, "")
            body.extend(out[start:])
            del out[start:]
        elif rule.required:  # a further component of a simple element: always empty
            out.append("    return False")
    _guarded(out, ["        " + line for line in body], required)


def _guarded(out: list[str], body: list[str], required: bool, ind: str = "    ") -> None:
    """``if v:`` then ``body`` (tests already indented under it); ``False`` when ``v`` is
    empty and ``required``."""
    if body:
        out.append(f"{ind}if v:")
        out.extend(body)
        if required:
            out.append(f"{ind}else:")
            out.append(f"{ind}    return False")
    elif required:
        out.append(f"{ind}if not v:")
        out.append(f"{ind}    return False")


_CODE: dict[tuple[str, str], CodeType] = {}
_WALK_CODE: dict[tuple[type, tuple[Slot, ...], tuple[tuple[bool, bool], ...]], CodeType] = {}
_CLEAN: dict[tuple[type, tuple[ElementRule, ...]], Callable[[TypedSegment], bool]] = {}


def _code(src: str, filename: str) -> CodeType:
    """``compile(src)``, once per process: a walk generates the same sources every time
    (the per-walk state lives in the namespace it is executed in), and compiling them
    costs more than checking a small file."""
    code = _CODE.get((src, filename))
    if code is None:
        code = _CODE[src, filename] = compile(src, filename, "exec")
    return code


def _clean_function(
    cls: type[TypedSegment], rules: list[ElementRule] | None
) -> Callable[[TypedSegment], bool]:
    """The generated ``clean`` of :func:`_clean_source` for ``cls`` and ``rules``.

    It depends on nothing but them (no walker state), so it is made once per process
    for each class and rule list."""
    key = (cls, tuple(rules or ()))
    fn = _CLEAN.get(key)
    if fn is None:
        ns: dict[str, Any] = {"_check_value": check_value}
        exec(_code(_clean_source(cls, rules, ns), "<x12 clean>"), ns)
        fn = _CLEAN[key] = ns["clean"]
    return fn


def _lazy_clean(
    cls: type[TypedSegment], rules: list[ElementRule] | None, ns: dict[str, Any], name: str
) -> Callable[[TypedSegment], bool]:
    """:func:`_clean_function`, or until it is made, a stand-in that makes it on first use
    and puts it in its place in ``ns`` (slots never met cost no compile)."""
    key = (cls, tuple(rules or ()))
    if key in _CLEAN:
        return _CLEAN[key]

    def first(o: TypedSegment) -> bool:
        fn = _clean_function(cls, rules)
        ns[name] = fn
        return fn(o)

    return first


def _indent(code: str, levels: int) -> str:
    pad = "    " * levels
    return "".join(pad + line + "\n" for line in code.splitlines())


def _body(blocks: list[tuple[Slot, str]]) -> str:
    """The slots' code in guide order, each under ``v = loop.<field>`` / ``if v:``.

    Consecutive slots of one shared list field read it once; runs of situational
    fields (usually empty) are first tested together (``if loop.a or loop.b ...``),
    which costs less than one test per field when they are all empty."""
    groups: list[tuple[str, bool, str]] = []  # (field, all situational, code under ``if v:``)
    for slot, code in blocks:
        if groups and groups[-1][0] == slot.field:
            f, opt, prev = groups[-1]
            groups[-1] = (f, opt and slot.usage != "R", prev + code)
        else:
            groups.append((slot.field, slot.usage != "R", code))
    out: list[str] = []
    k = 0
    while k < len(groups):
        run = 1
        if groups[k][1]:
            while k + run < len(groups) and groups[k + run][1]:
                run += 1
        parts = [f"v = loop.{f}\nif v:\n" + _indent(code, 1) for f, _, code in groups[k : k + run]]
        if run > 1:
            test = " or ".join(f"loop.{f}" for f, _, _ in groups[k : k + run])
            out.append(_indent(f"if {test}:\n" + _indent("".join(parts), 1), 1))
        else:
            out.append(_indent(parts[0], 1))
        k += run
    return "".join(out)


def _walk_source(cls: type[Loop], uses: dict[str, int], ns: dict[str, Any]) -> str:
    """The source of the walk of ``cls`` (:meth:`Walker.compile` fills ``ns`` first)."""
    head: list[str] = []
    blocks: list[tuple[Slot, str]] = []  # (slot, its code at one indent level)
    for i, slot in enumerate(cls.SLOTS):
        f = slot.field
        if slot.usage == "R":
            head.append(
                f"    if not loop.{f}:\n        _out.append(_missing(loop, *N{i}, loop.position))\n"
            )
        if uses[f] > 1:  # shared list field: the interpreter filters it by class
            blocks.append((slot, f"_generic(loop, E{i}, v)\n"))
        elif slot.is_loop and slot.many:
            blocks.append(
                (
                    slot,
                    f"if v.__class__ is list and len(v) <= {slot.max_use}:\n"
                    "    for item in v:\n"
                    f"        (W{i} if item.__class__ is K{i} else _walk)(item)\n"
                    "else:\n"
                    f"    _generic(loop, E{i}, v)\n",
                )
            )
        elif slot.is_loop:
            blocks.append(
                (
                    slot,
                    "if v.__class__ is not list:\n"
                    f"    (W{i} if v.__class__ is K{i} else _walk)(v)\n"
                    "else:\n"
                    f"    _generic(loop, E{i}, v)\n",
                )
            )
        else:
            direct = (
                "if Q{i}({x}):\n"
                + ("    V{i}(loop, {x}, _out)\n" if ns[f"V{i}"] else "    pass\n")
                + "else:\n"
                "    _check(loop, {x}, R{i}, None, V{i})\n"
            )
            one = (
                "if {x}.__class__ is K{i} and not {x}.extra:\n"
                "    m = M{i}\n"
                "    if m is None:\n" + _indent(direct, 2) + "    else:\n"
                "        key = G{i}({x})\n"
                "        c = m.get(key)\n"
                "        if c is None:\n"
                "            m[key] = _check(loop, {x}, R{i}, Q{i}, V{i})\n"
                "        elif c:\n"
                "            _replay(c, {x}.position)\n"
                "else:\n"
                "    _odd(loop, {x}, R{i})\n"
            )
            # the shape the reader gives (a list for a repeating slot, else the segment)
            # inline; any other (built in memory) goes to the interpreter
            if slot.many:
                code = (
                    f"if v.__class__ is list and len(v) <= {slot.max_use}:\n"
                    "    for item in v:\n" + _indent(one.format(x="item", i=i), 2)
                )
            else:
                code = "if v.__class__ is not list:\n" + _indent(one.format(x="v", i=i), 1)
            blocks.append((slot, code + f"else:\n    _generic(loop, E{i}, v)\n"))
    src = "def walk(loop):\n" + "".join(head) + _body(blocks)
    return src + "    if loop.unknown:\n        _unknown(loop)\n"


class _Probe(dict[Any, list[Finding]]):
    """The memo of a slot on probation: its first :data:`_PROBE` look-ups are counted,
    then the slot keeps a plain dict, or, when most of them missed (contents that do
    not repeat, such as HL or CLM), no memo at all: its segments are then checked
    directly (``ns[name] = None``), which costs less than a key that is never met again.
    Either way the findings are the same; only the work differs."""

    __slots__ = ("name", "ns", "seen")

    def __init__(self, ns: dict[str, Any], name: str) -> None:
        super().__init__()
        self.ns = ns
        self.name = name
        self.seen = 0

    def get(self, key: Any, default: Any = None) -> Any:
        self.seen += 1
        if self.seen >= _PROBE:
            self.ns[self.name] = None if 2 * len(self) > self.seen else dict(self)
        return super().get(key, default)


_PROBE = 64


class Walker:
    """One validation walk: a generated function per loop class and the memo of checks."""

    __slots__ = ("fns", "known", "memo", "namespaces", "out", "rules", "visit", "visit_tags")

    def __init__(
        self,
        known: set[str],
        out: list[Finding],
        rules: Mapping[tuple[str, str], list[ElementRule]],
        visit: Visit | None,
        visit_tags: Iterable[str] | None = None,
    ) -> None:
        self.known = known
        self.out = out
        self.rules = rules
        self.visit = visit
        self.visit_tags = None if visit_tags is None else frozenset(visit_tags)
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
        for i, slot in enumerate(cls.SLOTS):
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
            ns[f"M{i}"] = None if is_loop else _Probe(ns, f"M{i}")
            if not is_loop:
                ns[f"Q{i}"] = _lazy_clean(kind, entry[5], ns, f"Q{i}")
                ns[f"V{i}"] = self.visit_of(kind)
            elif not entry[1]:
                ns[f"W{i}"] = self._lazy(ns, f"W{i}", kind)
            if slot.usage == "R":
                ns[f"N{i}"] = (slot.name or slot.field, slot.seg_id, is_loop)
        # the source depends on the class's slots and, per segment slot, on whether it has
        # a clean function and a visit: made once per process for each such combination
        key = (
            cls,
            cls.SLOTS,
            tuple((ns.get(f"Q{i}") is None, bool(ns.get(f"V{i}"))) for i in range(len(cls.SLOTS))),
        )
        code = _WALK_CODE.get(key)
        if code is None:
            code = _WALK_CODE[key] = _code(
                _walk_source(cls, uses, ns), f"<x12 walk {cls.__name__}>"
            )
        exec(code, ns)
        self.namespaces.append(ns)
        fn = ns["walk"]
        self.fns[cls] = fn
        return fn  # type: ignore[no-any-return]

    def _lazy(self, ns: dict[str, Any], name: str, kind: type[Loop]) -> Callable[[Loop], None]:
        """A stand-in for the walk of child class ``kind``: compiles it on first use
        and puts it in its place in ``ns`` (classes never met are never compiled)."""

        def first(loop: Loop) -> None:
            fn = self.fns.get(kind) or self.compile(kind)
            ns[name] = fn
            fn(loop)

        return first

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
                memo[key] = self.check(loop, item, seg_rules, None, self.visit_of(kind))
            elif cached:
                self.replay(cached, item.position)

    def replay(self, cached: list[Finding], position: int) -> None:
        self.out.extend([replace(f, position=position) for f in cached])

    def check(
        self,
        loop: Loop,
        item: TypedSegment,
        seg_rules: list[ElementRule] | None,
        clean: Callable[[TypedSegment], bool] | None,
        visit: Visit | None,
    ) -> list[Finding]:
        """Syntax, element rules and ``visit`` (:meth:`visit_of` the segment's class)
        of one segment; its findings (also emitted).

        ``clean`` (generated, see :func:`_clean_source`) tells first whether the syntax
        and element rules would report nothing; only then are they skipped."""
        found: list[Finding] = []
        if clean is None or not clean(item):
            _syntax(loop.LOOP_ID, item, found)
            if seg_rules:
                check_element_rules(loop, item, seg_rules, found)
        if visit is not None:
            visit(loop, item, found)
        self.out.extend(found)
        return found

    def visit_of(self, cls: type[TypedSegment]) -> Visit | None:
        """The walk's ``visit`` for segments of ``cls``: ``None`` when there is none or
        ``cls.TAG`` is not among the ``visit_tags`` it declared to act on."""
        if self.visit_tags is not None and cls.TAG not in self.visit_tags:
            return None
        return self.visit

    def odd(self, loop: Loop, item: TypedSegment, seg_rules: list[ElementRule] | None) -> None:
        """A segment with elements beyond the guide, or of another class than its slot's."""
        cls = item.__class__
        key = (loop.__class__, cls, _syntax_plan(cls)[0](item), item.extra)
        cached = self.memo.get(key)
        if cached is None:
            self.memo[key] = self.check(loop, item, seg_rules, None, self.visit_of(cls))
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
