"""837P (005010X222A1) → :class:`ScrubClaim`, over the X12 engine's envelope reader.

The X12 engine (``cleanclaim.x12``) reads the interchange into ISA/GS/ST and
generic segments; this adapter walks the 837P loops it needs (2000A/2010AA
billing provider, 2000B/2010BA/2010BB subscriber and payer, 2000C/2010CA
patient, 2300 claim, 2310B rendering, 2400 lines, 2420A line rendering) and
builds the neutral claim. Syntax findings come from the X12 engine's own
validation (its 837P guide, envelope checks when the guide cannot be applied)
and keep the engine's code, IK304/IK403, segment, position and element
reference. Each is reported once, where it belongs (:func:`_place`): on the claim
whose segments hold it (or whose subscriber or patient loop holds it, when that
loop holds only this claim); otherwise once for its transaction set, group or
file (:class:`~cleanclaim.edits.finding.FileFinding`), identical ones folded
into one with a count. The cost is linear in the file: no finding is copied.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Literal

from cleanclaim.edits.claim import Address, Patient, Payer, Provider, ScrubClaim, ServiceLine
from cleanclaim.edits.fastinit import maker
from cleanclaim.edits.finding import MAX_POSITIONS, FileFinding, Finding, Scope
from cleanclaim.edits.rules.syntax import SYNTAX, SYNTAX_WARNING
from cleanclaim.edits.scrub import MAX_FINDINGS_PER_CHECK
from cleanclaim.x12 import Delimiters, X12Error, read_document
from cleanclaim.x12 import Finding as X12Finding
from cleanclaim.x12.envelope import Document, check_envelopes
from cleanclaim.x12.finding_codes import FINDING_CODES

__all__ = ["PROFILE_BY_FILING_INDICATOR", "ReadClaim", "ReadFile", "SyntaxLevel", "read_837p"]

# SBR09 claim filing indicator code -> timely-filing / payer-rule profile key.
PROFILE_BY_FILING_INDICATOR = {
    "MB": "medicare-part-b",
    "MC": "medicaid",
    "CI": "commercial",
    "BL": "commercial",
    "HM": "commercial",
    "12": "commercial",
    "13": "commercial",
    "14": "commercial",
    "15": "commercial",
    "16": "commercial",
    "17": "commercial",
    "DS": "commercial",
    "LM": "commercial",
}

_MISSING: object = object()
# every field, positionally, in field order (see fastinit; no defaults applied)
_service_line = maker(ServiceLine)
_scrub_claim = maker(ScrubClaim)
_patient = maker(Patient)
_provider = maker(Provider)
_address = maker(Address)
_payer = maker(Payer)
DX_QUALIFIERS = frozenset({"ABK", "ABF", "BK", "BF"})
_PAD = [""] * 12


@dataclass(slots=True)
class ReadClaim:
    claim: ScrubClaim
    findings: list[Finding] = field(default_factory=list)
    first_position: int = 0  # CLM
    last_position: int = 0  # last segment of the 2300 loop and its 2400s
    provider_position: int = 0  # HL*..*20 of its billing provider (2000A)
    subscriber_position: int = 0  # HL*..*22 of its subscriber (2000B)
    note_positions: list[int] = field(default_factory=list)  # segment of each reader note
    patient_position: int = 0  # HL*..*23 of its patient (2000C), 0 when the subscriber is


@dataclass(slots=True)
class ReadFile:
    """What :func:`read_837p` read: the claims (each with its own syntax findings)
    and the findings about the file, its groups and sets, each reported once."""

    claims: list[ReadClaim]
    findings: list[FileFinding] = field(default_factory=list)


_DATES: dict[str, dt.date | None] = {}
_DECIMALS: dict[str, Decimal | None] = {}
_CACHE_MAX = 20_000  # distinct texts kept (dates and amounts repeat across claims)


def _date(text: str) -> dt.date | None:
    hit = _DATES.get(text, _MISSING)
    if hit is not _MISSING:
        return hit  # type: ignore[return-value]
    t = text.strip()
    if len(t) != 8 or not t.isdigit():
        value = None
    else:
        try:
            value = dt.date(int(t[:4]), int(t[4:6]), int(t[6:]))
        except ValueError:
            value = None
    if len(_DATES) < _CACHE_MAX:
        _DATES[text] = value
    return value


def _dec(text: str) -> Decimal | None:
    hit = _DECIMALS.get(text, _MISSING)
    if hit is not _MISSING:
        return hit  # type: ignore[return-value]
    try:
        v: Decimal | None = Decimal(text.strip())
    except InvalidOperation:
        v = None
    else:
        if not v.is_finite():  # type: ignore[union-attr]
            v = None
    if len(_DECIMALS) < _CACHE_MAX:
        _DECIMALS[text] = v
    return v


@dataclass(slots=True)
class _Line:
    number: int
    procedure: str = ""
    qualifier: str = ""
    modifiers: tuple[str, ...] = ()
    charge: Decimal = Decimal(0)
    units: Decimal = Decimal(1)
    pointers: tuple[int, ...] = ()
    raw_pointers: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    rendering: str = ""
    ndc: str = ""
    description: str = ""


@dataclass(slots=True)
class _Claim:
    id: str
    total: Decimal
    pos: str
    freq: str
    first: int
    last: int = 0
    f8: str = ""
    g1: str = ""
    dx: list[str] = field(default_factory=list)
    dxq: list[str] = field(default_factory=list)
    rendering: str = ""
    lines: list[_Line] = field(default_factory=list)
    notes: list[tuple[str, int]] = field(default_factory=list)  # (syntax message, position)


def _dotted(code: str) -> str:
    c = code.strip().upper().replace(".", "")
    return f"{c[:3]}.{c[3:]}" if len(c) > 3 else c


def _walk(
    segments: Iterable[tuple[int, list[str]]],
    d: Delimiters,
    source: str,
    hls: list[int] | None = None,
) -> list[ReadClaim]:
    """The claims of one transaction set, from its segments in the tokenizer's split form
    (``(position, [tag, element texts...])``; ``e[1]`` is the first element). The
    position of every HL is appended to ``hls`` when given."""
    if hls is None:
        hls = []
    comp = d.component
    bp_name = bp_npi = bp_tax = ""
    bp_l1 = bp_l2 = bp_city = bp_state = bp_zip = ""
    sub_id = sub_name = ""
    sub_dob: dt.date | None = None
    sub_sex = ""
    pat: tuple[str, dt.date | None, str] | None = None
    payer_name = payer_id = filing = ""
    ctx = ""  # loop of the last NM1 outside a claim: 2010AA, 2010AB, 2010BA, 2010BB, 2010CA
    claim: _Claim | None = None
    line: _Line | None = None
    out: list[ReadClaim] = []

    def close() -> None:
        nonlocal claim, line
        if claim is None:
            return
        patient = (
            _patient(pat[0], pat[1], pat[2], sub_id)
            if pat is not None
            else _patient(sub_name, sub_dob, sub_sex, sub_id)
        )
        lines = tuple(
            [
                _service_line(
                    ln.number,
                    ln.procedure,
                    ln.modifiers,
                    ln.charge,
                    ln.units,
                    ln.pointers,
                    ln.start,
                    ln.end if ln.end != ln.start else None,
                    ln.rendering,
                    ln.qualifier,
                    ln.raw_pointers,
                    ln.ndc,
                    ln.description,
                )
                for ln in claim.lines
            ]
        )
        sc = _scrub_claim(
            claim.id,
            claim.total,
            lines,
            tuple(claim.dx),
            tuple(claim.dxq),
            claim.freq,
            claim.f8,
            claim.pos,
            _provider(bp_npi, bp_name, _address(bp_l1, bp_l2, bp_city, bp_state, bp_zip), bp_tax),
            claim.rendering,
            sub_id,
            patient,
            _payer(payer_name, payer_id, PROFILE_BY_FILING_INDICATOR.get(filing, "")),
            filing,
            claim.g1,
            None,  # received
            source,
        )
        found = [
            SYNTAX.finding(claim.id, f"segment {pos}: {msg}", line=None) for msg, pos in claim.notes
        ]
        out.append(
            ReadClaim(
                sc,
                found,
                claim.first,
                claim.last,
                hl20,
                hl22,
                [p for _m, p in claim.notes],
                hl23,
            )
        )
        claim = None
        line = None

    prev = hl20 = hl22 = hl23 = 0
    for position, p in segments:
        tag = p[0]
        e = p + _PAD
        if claim is not None:
            claim.last = prev
        prev = position
        if tag == "HL":
            close()
            hls.append(position)
            level = e[3]
            hl23 = position if level == "23" else 0
            if level == "20":
                hl20 = hl22 = position
                bp_name = bp_npi = bp_tax = ""
                bp_l1 = bp_l2 = bp_city = bp_state = bp_zip = ""
            elif level == "22":
                hl22 = position
                sub_id = sub_name = sub_sex = ""
                sub_dob = None
                pat = None
                payer_name = payer_id = filing = ""
            elif level == "23":
                pat = ("", None, "")
            ctx = ""
        elif tag == "CLM":
            close()
            c5 = e[5].split(comp)
            bad_c5 = len(c5) < 3
            total = _dec(e[2])
            claim = _Claim(
                id=e[1],
                total=total if total is not None else Decimal(0),
                pos=c5[0] if c5 else "",
                freq=c5[2] if len(c5) > 2 else "",
                first=position,
                last=position,
            )
            if bad_c5:
                msg = (
                    f"CLM05 {e[5]!r} is not place of service{comp}B{comp}frequency "
                    f"(the component separator declared in ISA16 is {comp!r})"
                )
                claim.notes.append((msg, position))
            if total is None:
                claim.notes.append((f"CLM02 total charge {e[2]!r} is not an amount", position))
        elif claim is not None:
            if tag == "LX":
                n = e[1]
                line = _Line(int(n) if n.isdigit() else len(claim.lines) + 1)
                claim.lines.append(line)
            elif tag == "SV1" and line is not None:
                c1 = e[1].split(comp)
                line.qualifier = c1[0] if c1 else ""
                if len(c1) < 2:
                    msg = (
                        f"SV101 {e[1]!r} is not qualifier{comp}procedure code "
                        f"(the component separator declared in ISA16 is {comp!r})"
                    )
                    claim.notes.append((msg, position))
                line.procedure = c1[1].strip().upper() if len(c1) > 1 else ""
                line.modifiers = (
                    tuple([m.strip().upper() for m in c1[2:6] if m.strip()]) if len(c1) > 2 else ()
                )
                line.description = c1[6].strip() if len(c1) > 6 else ""
                ch = _dec(e[2])
                if ch is None:
                    claim.notes.append((f"SV102 charge {e[2]!r} is not an amount", position))
                else:
                    line.charge = ch
                un = _dec(e[4]) if e[4] else Decimal(1)
                if un is None:
                    claim.notes.append((f"SV104 units {e[4]!r} are not a number", position))
                else:
                    line.units = un
                raw = tuple([p for p in e[7].split(comp) if p])
                if not raw or "".join(raw).isdigit():  # every pointer all digits
                    line.pointers = tuple([int(p) for p in raw])
                else:
                    line.raw_pointers = raw
            elif tag == "DTP" and line is not None and e[1] == "472":
                q, v = e[2], e[3]
                if q == "RD8" and "-" in v:
                    a, _, b = v.partition("-")
                    line.start, line.end = _date(a), _date(b)
                else:
                    line.start = _date(v)
                if line.start is None or (q == "RD8" and line.end is None):
                    claim.notes.append((f"DTP*472 service date {v!r} is not a date", position))
            elif tag == "LIN" and line is not None:
                line.ndc = e[3]
            elif tag == "HI":
                for el in p[1:]:
                    parts = el.split(comp)
                    if len(parts) >= 2 and parts[0] in DX_QUALIFIERS and parts[1]:
                        claim.dx.append(_dotted(parts[1]))
                        claim.dxq.append(parts[0])
                    elif len(parts) == 1 and el:
                        msg = f"HI element {el!r} is not qualifier{comp}code (ISA16 is {comp!r})"
                        claim.notes.append((msg, position))
            elif tag == "REF":
                if e[1] == "F8" and line is None:
                    claim.f8 = e[2]
                elif e[1] == "G1" and line is None:
                    claim.g1 = e[2]
            elif tag == "NM1" and e[1] == "82":
                npi = e[9] if e[8] == "XX" else ""
                if line is None:
                    claim.rendering = npi
                else:
                    line.rendering = npi
            elif tag == "SE":
                close()
        else:
            if tag == "NM1":
                code = e[1]
                ctx = {
                    "85": "2010AA",
                    "87": "2010AB",
                    "IL": "2010BA",
                    "PR": "2010BB",
                    "QC": "2010CA",
                }.get(code, "")
                name = " ".join(p for p in (e[3], e[4]) if p)
                if ctx == "2010AA":
                    bp_name, bp_npi = name, e[9] if e[8] == "XX" else ""
                elif ctx == "2010BA":
                    sub_name, sub_id = name, e[9]
                elif ctx == "2010BB":
                    payer_name, payer_id = e[3], e[9]
                elif ctx == "2010CA" and pat is not None:
                    pat = (name, pat[1], pat[2])
            elif tag == "N3" and ctx == "2010AA":
                bp_l1, bp_l2 = e[1], e[2]
            elif tag == "N4" and ctx == "2010AA":
                bp_city, bp_state, bp_zip = e[1], e[2], e[3]
            elif tag == "REF" and ctx == "2010AA" and e[1] in ("EI", "SY"):
                bp_tax = e[2]
            elif tag == "SBR":
                filing = e[9]
            elif tag == "DMG" and e[1] == "D8":
                dob = _date(e[2])
                if ctx == "2010BA":
                    sub_dob, sub_sex = dob, e[3]
                elif ctx == "2010CA" and pat is not None:
                    pat = (pat[0], dob, e[3])
    if claim is not None:
        claim.last = prev
    close()
    return out


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
class _Set:
    """One ST..SE as read, with what :func:`_place` needs to find a finding's owner."""

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
    ) -> _Set:
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
class _Groups:
    """Where each GS..GE starts and ends, for findings outside every set."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    controls: list[str] = field(default_factory=list)

    def at(self, p: int) -> str | None:
        i = bisect.bisect_right(self.starts, p) - 1
        if i >= 0 and p <= self.ends[i]:
            return self.controls[i]
        return None


def _syntax(f: X12Finding, claim_id: str) -> Finding:
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
    first = _syntax(f, claim_id)
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
                _syntax(fold.first, ""),
                file=self.source,
                group=fold.group,
                set=fold.control,
                count=fold.count,
                positions=tuple(fold.positions),
            )


def _place(
    found: list[X12Finding], sets: list[_Set], groups: _Groups, source: str
) -> list[FileFinding]:
    """Each engine finding on its claim (:meth:`_Set.owner`), else once for its set,
    group or file; returns the latter, folded (:class:`_Folder`). Linear in findings:
    a binary search over the sets, then over the set's claims and HLs."""
    starts = [s.start for s in sets]
    by_control: dict[str, list[_Set]] = {}
    for s in sets:
        by_control.setdefault(s.control, []).append(s)
    outside = _Folder(source)
    per_claim: dict[tuple[int, str], int] = {}  # (id of the ReadClaim, code) -> findings
    for f in found:
        if f.code in COVERED_BY_RULES:
            continue
        p = f.position
        ts: _Set | None = None
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
                    rc.findings.append(_syntax(f, rc.claim.claim_id))
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


SyntaxLevel = Literal["guide", "envelope", "none"]


def _x12_findings(doc: Document, level: SyntaxLevel) -> list[X12Finding]:
    """The X12 engine's validation: ``guide`` runs its 837P implementation-guide
    validation (falling back to envelope checks when no guide is registered);
    ``envelope`` only its ISA/GS/ST envelope and count checks."""
    if level == "none":
        return []
    if level == "guide":
        try:
            from cleanclaim.x12 import parse, validate

            return validate(parse(doc)).findings()
        except X12Error:
            pass
    return check_envelopes(doc)


def read_837p(data: bytes, *, source: str = "", syntax: SyntaxLevel = "guide") -> ReadFile:
    """Every claim of every 837P transaction set in ``data``, and the findings about the
    file, its groups and sets; X12Error if unusable.

    ``syntax`` chooses how much of the X12 engine's validation becomes ``syntax``
    findings (see :func:`_x12_findings`); the reader's own checks (composites that
    ignore ISA16, dates and amounts that do not parse) are always reported."""
    doc = read_document(data)
    claims: list[ReadClaim] = []
    sets: list[_Set] = []
    groups = _Groups()
    for _ic, group, ts in doc.transactions():
        version = ts.st.get(3) or group.version
        if ts.set_id != "837":
            raise X12Error(
                f"transaction set {ts.set_id} {ts.control_number}: not an 837 claim file"
            )
        if version.startswith("00401"):
            raise X12Error(
                f"version {version} is X12 4010; the scrubber reads 5010 837P (005010X222A1) only"
            )
        if not version.startswith("005010X222"):
            raise X12Error(
                f"transaction set 837 version {version} is not an 837P (005010X222A1) "
                "professional claim"
            )
        split = ts.split_form()
        items: Iterable[tuple[int, list[str]]]
        if split is not None:  # as read: in the tokenizer's split form
            items = enumerate(split[0], start=split[1])
        else:
            items = [(s.position, [s.id, *s.elements]) for s in ts.segments]
        hls: list[int] = []
        got = _walk(items, _ic.delimiters, f"{source} ST {ts.control_number}".strip(), hls)
        start = ts.st.position
        sets.append(
            _Set.of(
                start,
                start + ts.segment_count - 1,
                group.control_number,
                ts.control_number,
                got,
                hls,
            )
        )
        claims.extend(got)
    for ic in doc.interchanges:
        for group in ic.groups:
            groups.starts.append(group.gs.position)
            # a group without its GE runs to the end of what was read
            groups.ends.append(group.ge.position if group.ge is not None else 1 << 62)
            groups.controls.append(group.control_number)
    if syntax == "none":
        return ReadFile(claims)
    found = _x12_findings(doc, syntax)
    # where the X12 engine reports on a segment, its findings replace the reader's own
    # note about the same segment (one report per problem)
    engine_positions = {f.position for f in found}
    for rc in claims:
        rc.findings = [
            f
            for f, pos in zip(rc.findings, rc.note_positions, strict=True)
            if pos not in engine_positions
        ]
    return ReadFile(claims, _place(found, sets, groups, source))
