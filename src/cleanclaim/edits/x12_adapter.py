"""837P (005010X222A1) → :class:`ScrubClaim`, over the X12 engine's envelope reader.

The X12 engine (``cleanclaim.x12``) reads the interchange into ISA/GS/ST and
generic segments; this adapter walks the 837P loops it needs (2000A/2010AA
billing provider, 2000B/2010BA/2010BB subscriber and payer, 2000C/2010CA
patient, 2300 claim, 2310B rendering, 2400 lines, 2420A line rendering) and
builds the neutral claim. Syntax findings come from the X12 engine's own
validation (its 837P guide, envelope checks when the guide cannot be applied);
:mod:`cleanclaim.edits.x12_findings` reports each once, where it belongs (a claim,
or its transaction set, group or file), keeping the engine's code and 999 codes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Literal

from cleanclaim.edits.claim import Address, Patient, Payer, Provider, ScrubClaim, ServiceLine
from cleanclaim.edits.fastinit import maker
from cleanclaim.edits.finding import FileFinding, Finding
from cleanclaim.edits.rules.syntax import SYNTAX
from cleanclaim.edits.x12_findings import GroupSpans, SetSpan, place
from cleanclaim.x12 import Delimiters, Document, X12Error, check_envelopes, read_document
from cleanclaim.x12 import Finding as X12Finding

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
    sets: list[SetSpan] = []
    groups = GroupSpans()
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
            SetSpan.of(
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
    return ReadFile(claims, place(found, sets, groups, source))
