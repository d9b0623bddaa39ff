"""The 837P goes through the guide kit's fast placer and structure walk, which agree with
the plain reference versions (``tests/x12_guides/guidekit_reference.py``) on the 837P
too: every 5010 837P sample, the golden claims file, a 300-claim file with varied (some
invalid) values, and mutated copies of it (elements set, emptied, added; segments
doubled and dropped), as the same tree and the same findings in the same order. On
the same inputs the compiled clean test passes no segment the detailed element checks
report on, and the 837P's own rules give the findings of the version they replaced
(``rules_837p_reference.py``).
"""

from __future__ import annotations

import copy
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent / "x12_guides"))

import guidekit_reference as reference
import rules_837p_reference
from record_837p import vary

from cleanclaim.x12 import X12Error, read_document, write_json
from cleanclaim.x12.guidekit.context import Context
from cleanclaim.x12.guidekit.elements import _check_segment, _clean, _plan
from cleanclaim.x12.guidekit.tree import LoopNode, SegNode, build_tree
from cleanclaim.x12.guidekit.validate import _guide_ids, check_loop
from cleanclaim.x12.x222a1_837p.loops import spec
from cleanclaim.x12.x222a1_837p.parsing import parse
from cleanclaim.x12.x222a1_837p.validation import validate_837p

GOLDEN = Path(__file__).parent / "golden"


def _shape(node: LoopNode) -> list[object]:
    out: list[object] = [node.spec.id]
    for child in node.children:
        if isinstance(child, LoopNode):
            out.append(_shape(child))
        else:
            assert isinstance(child, SegNode)
            out.append((id(child.segment), child.in_set, id(child.spec), child.loose))
    return out


def _compare(data: bytes | str) -> int:
    """Fast and reference placement and structure walk of every set of ``data``."""
    try:
        doc = read_document(data)
    except X12Error:
        return 0
    root = spec()
    known = _guide_ids(root)
    count = 0
    for ic, _, ts in doc.transactions():
        d = ic.delimiters
        body = ts.segments[1:-1]
        fast = build_tree(root, body, d.component)
        slow = reference.build_tree(root, body, d.component)
        assert _shape(fast) == _shape(slow)
        ctx_fast = Context(d, "0001", [])
        check_loop(ctx_fast, fast, known)
        ctx_slow = Context(d, "0001", [])
        reference.check_loop(ctx_slow, slow, known)
        assert ctx_fast.findings == ctx_slow.findings
        for seg in fast.walk():
            plan = _plan(seg.spec) if seg.spec is not None else None
            if plan is not None and _clean(plan, seg.segment.elements, d):
                calls: list[Any] = []
                _check_segment(Context(d, "0001", [], record=calls), seg, "L")
                assert calls == [], (seg.segment.id, seg.segment.elements, calls)
        tx = parse(ts.segments, d)
        assert validate_837p(tx, d) == rules_837p_reference.validate_837p(tx, d)
        count += 1
    return count


def test_it_agrees_on_every_837p_sample(samples_837p: list[Path]) -> None:
    assert sum(_compare(p.read_bytes()) for p in samples_837p) >= 35


def test_it_agrees_on_the_golden_file() -> None:
    assert _compare((GOLDEN / "claims.837").read_text()) == 1


def _big_golden(claims: int) -> list[str]:
    obj = json.loads((GOLDEN / "claims.json").read_text())
    tx = obj["transactions"][0]
    base = tx["claims"]
    tx["claims"] = [
        {**copy.deepcopy(base[i % len(base)]), "claim_id": f"C{i % 7}"} for i in range(claims)
    ]
    text = write_json(obj, now=datetime(2026, 11, 2, 9, 30))
    return vary(text.replace("~\n", "~").split("~"))


BIG = _big_golden(300)
BODY = range(
    next(i for i, s in enumerate(BIG) if s.startswith("ST*")) + 1,
    next(i for i, s in enumerate(BIG) if s.startswith("SE*")),
)


def test_it_agrees_on_a_large_varied_file() -> None:
    assert _compare("~".join(BIG)) == 1


VALUES = st.one_of(
    st.sampled_from(["", "X", "XX", "1", "-1.5", "1.2.3", "D8", "RD8", "472", "18", "ABK", "HC"]),
    st.sampled_from(["20261301", "20260101-20251231", "1234567890", "I10.9", "é", "a b", "QQ"]),
    st.text(alphabet="ABZ019.-: éx", max_size=8),
    st.text(alphabet="A", min_size=60, max_size=90),
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(BODY),
            st.integers(min_value=1, max_value=14),
            VALUES,
            st.sampled_from(["set", "set", "set", "dup", "extra", "drop", "remove"]),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_it_agrees_on_mutated_files(edits: list[tuple[int, int, str, str]]) -> None:
    segs: list[Any] = [s.split("*") for s in BIG]
    dups: dict[int, int] = {}
    removed: set[int] = set()
    for at, el, value, how in edits:
        els = segs[at]
        if how == "set":
            while len(els) <= el:
                els.append("")
            els[el] = value
        elif how == "extra":
            els.extend(["", value or "X"])
        elif how == "dup":
            dups[at] = dups.get(at, 0) + 1 + len(value) % 3
        elif how == "remove":
            removed.add(at)
        elif len(els) > el:
            del els[el:]
    lines = []
    for i, els in enumerate(segs):
        if i not in removed:
            lines.extend(["*".join(els)] * (1 + dups.get(i, 0)))
    assert _compare("~".join(lines)) == 1
