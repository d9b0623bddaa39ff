"""X12 engine findings → scrub findings, each reported once, where it belongs.

:func:`place` puts each finding of the engine's validation of an 837P on the claim
whose 2300 loop holds its segment in the placed tree (or whose subscriber or patient
loop holds it, when that loop holds only this claim); otherwise it is reported once
for its transaction set, group or file
(:class:`~cleanclaim.edits.finding.FileFinding`), identical ones folded into one
with a count. A scrub finding keeps the engine's code, IK304/IK403, segment,
position and element reference (:func:`syntax_finding`). The cost is linear in the
file: a set's segment → claim index is built once, from its tree, when the set has a
finding; no finding copied.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from cleanclaim.edits.finding import MAX_POSITIONS, FileFinding, Finding, Scope
from cleanclaim.edits.rules.syntax import SYNTAX, SYNTAX_WARNING
from cleanclaim.edits.scrub import MAX_FINDINGS_PER_CHECK
from cleanclaim.x12 import Finding as X12Finding
from cleanclaim.x12.finding_codes import FINDING_CODES
from cleanclaim.x12.guidekit.tree import LoopNode, SegNode

if TYPE_CHECKING:
    from cleanclaim.edits.x12_adapter import ReadClaim

__all__ = ["COVERED_BY_RULES", "GroupSpans", "SetSpan", "place", "syntax_finding"]

# X12 engine findings that a scrubber rule reports with its own category, fix and CARC;
# the scrubber does not repeat them as syntax findings.
COVERED_BY_RULES = {
    "837p.provider.npi": "NPI-001/NPI-002",
    "837p.billing.zip9": "MD-001",
    "837p.claim.balance": "CHG-001",
    "837p.line.pointer": "DX-PTR-001",
    "837p.claim.frequency-ref": "MD-002",
}


#: The HL loops of the 837P (2000A billing provider, 2000B subscriber, 2000C patient).
_LEVELS = frozenset({"2000A", "2000B", "2000C"})


def _positions(loop: LoopNode) -> list[int]:
    """The file positions of every segment under ``loop`` (a plain stack, no generators:
    a set's index visits each of its segments once)."""
    out: list[int] = []
    stack = [loop]
    while stack:
        for child in stack.pop().children:
            if isinstance(child, SegNode):
                out.append(child.segment.position)
            else:
                stack.append(child)
    return out


@dataclass(slots=True)
class SetSpan:
    """One ST..SE as read, with what :func:`place` needs to find a finding's owner: the
    placed loop tree and the claims read from it, by their 2300 loop."""

    start: int  # position of the ST
    end: int  # position of its last segment (the SE when present)
    group: str  # GS06
    control: str  # ST02
    tree: LoopNode | None  # the body placed in the 837P's loops
    by_loop: dict[int, ReadClaim]  # id() of a claim's 2300 loop -> the claim read from it
    _owners: dict[int, ReadClaim] | None = None

    def owner(self, p: int) -> ReadClaim | None:
        """The claim a finding at position ``p`` of this set is about: the claim whose
        2300 loop holds the segment, or the only claim under the HL loop (2000A/B/C)
        whose own segments (and non-HL loops, e.g. 2010CA) hold it; None when it is
        about the set or a loop above several claims. The segment → claim index is
        built once per set, on the first finding (a clean set never builds it)."""
        if self._owners is None:
            self._owners = {}
            if self.tree is not None:
                self._index(self.tree, top=True)
        return self._owners.get(p)

    def _index(self, loop: LoopNode, *, top: bool = False) -> list[ReadClaim]:
        """Index the segments under ``loop`` by owner; returns the claims under it."""
        owners = self._owners
        assert owners is not None
        under: list[ReadClaim] = []
        own: list[int] = []
        for child in loop.children:
            if isinstance(child, SegNode):
                own.append(child.segment.position)
                continue
            lid = child.spec.id
            rc = self.by_loop.get(id(child)) if lid == "2300" else None
            if rc is not None:
                under.append(rc)
                for pos in _positions(child):
                    owners[pos] = rc
            elif lid in _LEVELS:
                under.extend(self._index(child))
            else:
                own.extend(_positions(child))
        if not top and len(under) == 1:
            only = under[0]
            for pos in own:
                owners[pos] = only
        return under


@dataclass(slots=True)
class GroupSpans:
    """Where each GS..GE starts and ends, for findings outside every set."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    controls: list[str] = field(default_factory=list)

    def at(self, p: int) -> str | None:
        i = bisect.bisect_right(self.starts, p) - 1
        if i >= 0 and p <= self.ends[i]:
            return self.controls[i]
        return None


def syntax_finding(f: X12Finding, claim_id: str) -> Finding:
    """The scrub finding for an X12 engine finding: rule SYN-001 (an error) or SYN-002 (a
    warning), the engine's code, IK304/IK403, segment, position and element kept, the
    fix from the engine's finding-code catalogue."""
    info = SYNTAX if f.is_error else SYNTAX_WARNING
    ref = f.element or f.loop_id
    where = f"segment {f.position} {f.segment_id}".rstrip() + (f" ({ref})" if ref else "")
    row = FINDING_CODES.get(f.code)
    return Finding(
        rule=info.id,
        category=info.category,
        severity=info.severity,
        claim_id=claim_id,
        line=None,
        message=f"{where}: {f.message}",
        fix=row.fix if row is not None else info.fix,
        source=info.source,
        carc=info.carc,
        code=f.code,
        segment=f.segment_id,
        position=f.position,
        element=f.element,
        ik304=f.ik304,
        ik403=f.ik403,
    )


def _more_syntax(f: X12Finding, claim_id: str) -> Finding:
    """Said once on a claim that has more than :data:`MAX_FINDINGS_PER_CHECK` findings of
    one code (the others are not listed)."""
    first = syntax_finding(f, claim_id)
    return replace(
        first,
        message=f"More {f.code} findings on this claim are not listed (the first "
        f"{MAX_FINDINGS_PER_CHECK} are); correct those and scrub the file again.",
        segment="",
        position=0,
        element="",
    )


@dataclass(slots=True)
class _Fold:
    """The findings outside the claims that say the same thing, as they are met."""

    scope: Scope
    group: str
    control: str
    first: X12Finding
    count: int = 1
    positions: list[int] = field(default_factory=list)


class _Folder:
    """Findings outside the claims, identical ones (same scope, code, severity, loop,
    element and segment id) folded into one with a count and the first positions."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.folds: dict[tuple[str, ...], _Fold] = {}

    def add(self, scope: Scope, group: str, control: str, f: X12Finding) -> None:
        key = (scope, f.code, f.severity.value, f.loop_id, f.element, f.segment_id)
        fold = self.folds.get(key)
        if fold is None:
            fold = self.folds[key] = _Fold(scope, group, control, f, 0)
        fold.count += 1
        if f.position and len(fold.positions) < MAX_POSITIONS:
            fold.positions.append(f.position)

    def __iter__(self) -> Iterator[FileFinding]:
        for fold in self.folds.values():
            yield FileFinding(
                fold.scope,
                syntax_finding(fold.first, ""),
                file=self.source,
                group=fold.group,
                set=fold.control,
                count=fold.count,
                positions=tuple(fold.positions),
            )


def place(
    found: list[X12Finding], sets: list[SetSpan], groups: GroupSpans, source: str
) -> list[FileFinding]:
    """Each engine finding on its claim (:meth:`SetSpan.owner`), else once for its set,
    group or file; returns the latter, folded (:class:`_Folder`). Linear: a binary search
    over the sets per finding, then the set's segment → claim index."""
    starts = [s.start for s in sets]
    by_control: dict[str, list[SetSpan]] = {}
    for s in sets:
        by_control.setdefault(s.control, []).append(s)
    outside = _Folder(source)
    per_claim: dict[tuple[int, str], int] = {}  # (id of the ReadClaim, code) -> findings
    for f in found:
        if f.code in COVERED_BY_RULES:
            continue
        p = f.position
        ts: SetSpan | None = None
        if p:
            i = bisect.bisect_right(starts, p) - 1
            if i >= 0 and p <= sets[i].end:
                ts = sets[i]
        elif f.st_control and len(by_control.get(f.st_control, ())) == 1:
            ts = by_control[f.st_control][0]  # about something missing from that set
        if ts is not None:
            rc = ts.owner(p) if p else None
            if rc is not None:
                key = (id(rc), f.code)
                n = per_claim[key] = per_claim.get(key, 0) + 1
                if n <= MAX_FINDINGS_PER_CHECK:
                    rc.findings.append(syntax_finding(f, rc.claim.claim_id))
                elif n == MAX_FINDINGS_PER_CHECK + 1:
                    rc.findings.append(_more_syntax(f, rc.claim.claim_id))
            else:
                outside.add("set", ts.group, ts.control, f)
            continue
        group = groups.at(p) if p else None
        if group is not None:
            outside.add("group", group, "", f)
        else:
            outside.add("file", "", "", f)
    return list(outside)
