"""The guidekit's fast paths agree with the plain versions they replaced.

``tree.build_tree`` and ``validate.check_loop`` run from precomputed per-loop
tables; ``guidekit_reference`` (here, in the tests) keeps the straightforward
interpreters. On every
835/270/271/276/277/277CA/278/837P sample and on mutated copies of them (segments dropped,
doubled, swapped, moved in from other transaction sets, elements emptied or
changed), both give the same tree and the same findings in the same order, and
the compiled "is this segment clean?" test never passes a segment the detailed
checks would report on.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import guidekit_reference as reference
import pytest
from conftest_paths import SAMPLES
from samples import NOT_X12, X4010

from cleanclaim.x12._envelope import read_document
from cleanclaim.x12._segments import Delimiters, Segment
from cleanclaim.x12.guidekit.context import Context
from cleanclaim.x12.guidekit.elements import _check_segment, _clean, _plan
from cleanclaim.x12.guidekit.tree import LoopNode, SegNode, build_tree
from cleanclaim.x12.guidekit.validate import _guide_ids, check_loop

GOLDEN = sorted((Path(__file__).parent / "golden").iterdir())
#: The 5010 837Ps of the shared samples (not the 4010 ones, refused before placing,
#: nor the guide's narrative with an interchange inside) and our golden 837P:
#: composites (CLM05, SV101, HI) in every claim.
P837 = [
    *(
        sorted(
            p
            for p in (SAMPLES[0].parents[1] / "837P").iterdir()
            if "004010" not in p.name and p.name != "stupidedi_X222_case_1.edi"
        )
        if SAMPLES
        else []
    ),
    Path(__file__).parents[1] / "x12" / "golden" / "claims.837",
]
FILES = [p for p in SAMPLES if p.name not in NOT_X12 | X4010] + GOLDEN + P837

#: Values a mutation writes into an element: wrong codes, lengths, types, dates,
#: composites and repetitions where there should be none.
_JUNK = [
    "",
    "X",
    "ZZ",
    "1",
    "-1.5",
    "1.2.3",
    "20261301",
    "20260230",
    "2400",
    "A:B",
    "A^B",
    "9" * 40,
]


def _transactions(data: bytes) -> list[tuple[Delimiters, list[Segment]]]:
    doc = read_document(data)
    return [(ic.delimiters, ts.segments) for ic, _group, ts in doc.transactions()]


def _foreign() -> list[Segment]:
    """Segments of every sample, to move into other transaction sets."""
    out: list[Segment] = []
    for path in FILES:
        for _d, segments in _transactions(path.read_bytes()):
            out.extend(segments[1:-1])
    return out


def _mutate(body: list[Segment], rng: random.Random, foreign: list[Segment]) -> list[Segment]:
    body = list(body)
    for _ in range(rng.randint(1, 5)):
        if not body:
            break
        i = rng.randrange(len(body))
        op = rng.randrange(7)
        if op == 0:
            del body[i]
        elif op == 1:  # doubled, or more: past the segment's or loop's maximum use
            body[i:i] = [body[i]] * rng.randint(1, 3)
        elif op == 2 and i + 1 < len(body):
            body[i], body[i + 1] = body[i + 1], body[i]
        elif op == 3:
            body.insert(i, rng.choice(foreign))
        elif op == 4:
            seg = body[i]
            elements = list(seg.elements) or [""]
            elements[rng.randrange(len(elements))] = rng.choice(_JUNK)
            body[i] = Segment(seg.id, elements, seg.position)
        elif op == 5:
            seg = body[i]
            body[i] = Segment(seg.id, [*seg.elements, rng.choice(_JUNK)], seg.position)
        else:  # an unknown qualifier, repeated: placed by id alone, on to later siblings
            seg = body[i]
            odd = Segment(seg.id, ["QQ", *seg.elements[1:]], seg.position)
            body[i:i] = [odd] * rng.randint(2, 4)
    return body


def _shape(node: LoopNode) -> list[object]:
    out: list[object] = [id(node.spec)]
    for child in node.children:
        if isinstance(child, LoopNode):
            out.append(_shape(child))
        else:
            assert isinstance(child, SegNode)
            out.append((id(child.segment), child.in_set, id(child.spec), child.loose))
    return out


def _compare(spec_root, body: list[Segment], d: Delimiters) -> None:  # type: ignore[no-untyped-def]
    fast = build_tree(spec_root, body, d.component)
    slow = reference.build_tree(spec_root, body, d.component)
    assert _shape(fast) == _shape(slow)
    known = _guide_ids(spec_root)
    ctx_fast = Context(d, "0001", [])
    check_loop(ctx_fast, fast, known)
    ctx_slow = Context(d, "0001", [])
    reference.check_loop(ctx_slow, slow, known)
    assert ctx_fast.findings == ctx_slow.findings
    for seg in fast.walk():
        if seg.spec is None:
            continue
        plan = _plan(seg.spec)
        if plan is not None and _clean(plan, seg.segment.elements, d):
            calls: list = []
            ctx = Context(d, "0001", [], record=calls)
            _check_segment(ctx, seg, "L")
            assert calls == [], (seg.segment, calls)


def _guide_spec(data: bytes):  # type: ignore[no-untyped-def]
    from cleanclaim.x12 import parse

    out = []
    for t in parse(data).transactions:
        placed = getattr(t.data, "placed", None)
        if placed is not None:
            out.append((placed.tree.spec, t.interchange.delimiters, t.ts.segments[1:-1]))
    return out


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_it_places_and_checks_every_sample_as_the_reference_does(path, shared_data):
    for spec_root, d, body in _guide_spec(path.read_bytes()):
        _compare(spec_root, body, d)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_it_places_and_checks_mutated_samples_as_the_reference_does(path, shared_data):
    rng = random.Random(path.name)
    foreign = _foreign()
    for spec_root, d, body in _guide_spec(path.read_bytes()):
        for _ in range(40):
            _compare(spec_root, _mutate(body, rng, foreign), d)


@pytest.mark.parametrize("comp,rep", [(":", "^"), (">", ""), (".", "-"), ("1", "2"), ("^", ":")])
def test_the_clean_test_never_passes_what_the_detailed_checks_report(comp, rep, shared_data):
    """Every segment of the samples, values shuffled between elements of the same
    segment id and junk written in, under unusual separators (digits, ``.``, ``-``)."""
    d = Delimiters(component=comp, repetition=rep)
    rng = random.Random(comp + rep)
    by_id: dict[str, list[list[str]]] = {}
    seen_specs = {}
    for path in FILES:
        for spec_root, _d, body in _guide_spec(path.read_bytes()):
            for seg in build_tree(spec_root, body, _d.component).walk():
                # composites rewritten with this test's component separator
                row = [v.replace(_d.component, comp) for v in seg.segment.elements]
                by_id.setdefault(seg.id, []).append(row)
                if seg.spec is not None:
                    seen_specs[id(seg.spec)] = seg.spec
    values = [v for rows in by_id.values() for row in rows for v in row]
    junk = [*_JUNK, comp, rep, f"1{comp}2", f"1{rep}2", "-.5", "1.", "０", "1" * 19, "-" + "1" * 18]
    junk.append(comp.join(["1"] * 10))  # more components than any composite has
    checked = 0
    for spec in seen_specs.values():
        plan = _plan(spec)
        if plan is None:
            continue
        rows = by_id[spec.id]
        for _ in range(200):
            elements = list(rng.choice(rows))
            for _k in range(rng.randint(0, 3)):
                if elements:
                    pool = junk if rng.random() < 0.5 else values
                    i = rng.randrange(len(elements))
                    parts = elements[i].split(comp) if comp else [elements[i]]
                    if len(parts) > 1 and rng.random() < 0.5:  # one component of a composite
                        parts[rng.randrange(len(parts))] = rng.choice(pool)
                        elements[i] = comp.join(parts)
                    else:
                        elements[i] = rng.choice(pool)
            if _clean(plan, elements, d):
                calls: list = []
                node = SegNode(Segment(spec.id, elements), 2, spec)
                _check_segment(Context(d, "0001", [], record=calls), node, "L")
                assert calls == [], (spec.id, elements, calls)
                checked += 1
    assert checked > 100


_835 = [p for p in FILES if p.suffix == ".835" or "X221" in p.name]


@pytest.mark.parametrize("path", _835, ids=lambda p: p.name)
def test_835_balancing_in_the_walk_finds_what_a_walk_of_its_own_finds(path, shared_data):
    """835 ``validate`` balances each claim right after checking it; the findings
    equal the structure walk's followed by :func:`check_balancing`'s."""
    from cleanclaim.x12 import parse
    from cleanclaim.x12.guidekit.reading import check
    from cleanclaim.x12.x221a1_835.parsing import parse as parse_835
    from cleanclaim.x12.x221a1_835.validation import check_balancing, validate

    rng = random.Random(path.name)
    foreign = _foreign()
    for t in parse(path.read_bytes()).transactions:
        if t.guide.st01 != "835":
            continue
        d = t.interchange.delimiters
        st, se = t.ts.segments[0], t.ts.segments[-1]
        bodies = [t.ts.segments[1:-1]] + [
            _mutate(t.ts.segments[1:-1], rng, foreign) for _ in range(40)
        ]
        for body in bodies:
            tx = parse_835([st, *body, se], d)
            ctx = check(tx.placed, d)
            check_balancing(ctx, tx.placed.tree)
            assert validate(tx, d) == ctx.findings


def test_it_places_siblings_qualified_by_different_elements_as_the_reference_does():
    """No shipped guide qualifies same-id siblings by different elements (the search
    then tries them one by one); a made-up loop does, with a loop whose trigger has
    no qualifier in between and over-used segments moving on to later siblings."""
    from cleanclaim.x12.guidekit.spec import ElementSpec, LoopSpec, SegmentSpec

    def el(ref: str) -> ElementSpec:
        return ElementSpec(ref, ref, "S", "AN", 1, 10)

    def seg(sid: str, key: tuple[int, int, frozenset[str]] | None, max_use: int = 1):
        return SegmentSpec(sid, sid, "S", max_use, (el("01"), el("02"), el("03")), key=key)

    inner = LoopSpec("2", "inner", "S", 5, [seg("LX", None), seg("REF", (1, 0, frozenset("A")))])
    root = LoopSpec(
        "ST",
        "root",
        "R",
        1,
        [
            seg("BGN", None),
            seg("REF", (1, 0, frozenset({"A", "B"}))),
            seg("REF", (2, 0, frozenset({"A", "C"})), 2),
            seg("REF", (1, 2, frozenset({"X"}))),
            seg("REF", None, 2),
            inner,
            seg("REF", (3, 0, frozenset({"Z"}))),
        ],
    )
    rng = random.Random(7)
    values = ["", "A", "B", "C", "X", "Z", "Q:X", "X:Q", "A:X"]
    for _ in range(300):
        body = [
            Segment(
                rng.choice(["REF", "REF", "REF", "LX", "BGN", "NTE"]),
                [rng.choice(values) for _ in range(rng.randint(0, 3))],
                i,
            )
            for i in range(rng.randint(1, 12))
        ]
        assert _shape(build_tree(root, body, ":")) == _shape(reference.build_tree(root, body, ":"))


def _acks_999() -> list[bytes]:
    """999s: the shared sample and the 999s we build for our golden 837P, clean and
    with errors at the claim and billing provider levels (IK3, CTX, IK4 all occur)."""
    from datetime import datetime

    from cleanclaim.x12 import parse
    from cleanclaim.x12.x231a1_999 import build_ack

    out = [p.read_bytes() for p in SAMPLES_999]
    claims = (Path(__file__).parents[1] / "x12" / "golden" / "claims.837").read_text()
    for old, new in (
        ("", ""),
        ("CLM*RFM-1002*110***11:B:1", "CLM*RFM-1002*110***11:B:5"),
        ("N4*PORTLAND*OR*972011234", "N4*PORTLAND*OR*97201"),
        ("SE*53*0001", "SE*50*0001"),
    ):
        text = claims.replace(old, new) if old else claims
        out.append(build_ack(parse(text), now=datetime(2026, 11, 27, 9, 0)).encode())
    return out


SAMPLES_999 = sorted((SAMPLES[0].parents[1] / "999").iterdir()) if SAMPLES else []


def test_it_places_and_checks_999s_as_the_reference_does(shared_data):
    rng = random.Random("999")
    foreign = _foreign()
    checked = 0
    for data in _acks_999():
        for spec_root, d, body in _guide_spec(data):
            _compare(spec_root, body, d)
            for _ in range(40):
                _compare(spec_root, _mutate(body, rng, foreign), d)
            checked += 1
    assert checked == len(SAMPLES_999) + 4
