"""X12 engine findings → scrub findings, each reported once, where it belongs.

:func:`place` puts each finding of the engine's validation of an 837P on the claim
whose segments hold it (or whose subscriber or patient loop holds it, when that loop
holds only this claim); otherwise it is reported once for its transaction set, group
or file (:class:`~cleanclaim.edits.finding.FileFinding`), identical ones folded into
one with a count. A scrub finding keeps the engine's code, IK304/IK403, segment,
position and element reference (:func:`syntax_finding`). The cost is linear in the
file: a binary search per finding, no finding copied.
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


@dataclass(slots=True)
class SetSpan:
    """One ST..SE as read, with what :func:`place` needs to find a finding's owner."""

    start: int  # position of the ST
    end: int  # position of its last segment (the SE when present)
    group: str  # GS06
    control: str  # ST02
    claims: list[ReadClaim]
    firsts: list[int]  # each claim's CLM position, in file order
    hls: list[int]  # every HL position, in file order
    under: dict[int, list[ReadClaim]]  # HL position -> the claims in its loop

    @classmethod
    def of(
        cls, start: int, end: int, group: str, control: str, claims: list[ReadClaim], hls: list[int]
    ) -> SetSpan:
        under: dict[int, list[ReadClaim]] = {}
        for rc in claims:
            for hl in {rc.provider_position, rc.subscriber_position, rc.patient_position}:
                if hl:
                    under.setdefault(hl, []).append(rc)
        return cls(
            start, end, group, control, claims, [rc.first_position for rc in claims], hls, under
        )

    def owner(self, p: int) -> ReadClaim | None:
        """The claim a finding at position ``p`` of this set is about: the claim whose
        segments hold ``p``, or the only claim under the HL loop (2000A/B/C) whose own
        segments hold it; None when it is about the set or a loop above several claims."""
        i = bisect.bisect_right(self.firsts, p) - 1
        if i >= 0 and p <= self.claims[i].last_position:
            return self.claims[i]
        h = bisect.bisect_right(self.hls, p) - 1
        if h >= 0:
            under = self.under.get(self.hls[h], ())
            # in the HL loop's own segments (before its first claim), not after its claims
            if len(under) == 1 and p < under[0].first_position:
                return under[0]
        return None


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
    group or file; returns the latter, folded (:class:`_Folder`). Linear in findings:
    a binary search over the sets, then over the set's claims and HLs."""
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
