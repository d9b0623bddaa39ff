"""837P (005010X222A1) → :class:`ScrubClaim`, through the X12 engine.

The scrubber has no 837P reader of its own. :func:`read_837p` has the X12 engine
read the file once (:func:`cleanclaim.x12.parse`: envelopes, then each set placed
in the 837P guide's loop tree), validates it once when asked
(:func:`cleanclaim.x12.validate`), and takes the claims from the engine's 837P view
(:func:`cleanclaim.x12.x222a1_837p.claims`, built once from the placed tree).
:func:`from_x12_claim` turns each view :class:`~cleanclaim.x12.x222a1_837p.Claim`
into the scrubber's :class:`ScrubClaim`, the same claim in the types the rules
read (see :mod:`cleanclaim.edits.claim`): nothing is read again from the segments.

Syntax findings are the engine's own (its 837P guide validation, or only its
envelope checks); :mod:`cleanclaim.edits.x12_findings` reports each once, where it
belongs: on the claim whose loops hold its segment in the placed tree, or once for
its transaction set, group or file, keeping the engine's code and 999 codes. The
view's notes (values it could not read: composites that ignore ISA16, amounts and
dates that do not parse) are reported too, unless the engine reports on the same
segment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from cleanclaim.edits.claim import (
    PROFILE_BY_FILING_INDICATOR,
    Address,
    Patient,
    Payer,
    Provider,
    ScrubClaim,
    ServiceLine,
)
from cleanclaim.edits.finding import FileFinding, Finding
from cleanclaim.edits.rules.syntax import SYNTAX
from cleanclaim.edits.x12_findings import GroupSpans, SetSpan, place
from cleanclaim.x12 import Finding as X12Finding
from cleanclaim.x12 import ParsedDocument, X12Error, check_envelopes, parse, read_document, validate
from cleanclaim.x12.x222a1_837p import Transaction837P, claims
from cleanclaim.x12.x222a1_837p.view import Address as X12Address
from cleanclaim.x12.x222a1_837p.view import Claim as X12Claim

__all__ = [
    "PROFILE_BY_FILING_INDICATOR",
    "ReadClaim",
    "ReadFile",
    "SyntaxLevel",
    "from_x12_claim",
    "read_837p",
]

SyntaxLevel = Literal["guide", "envelope", "none"]


@dataclass(slots=True)
class ReadClaim:
    """One claim read: the scrubber's claim, its syntax findings, the engine's view."""

    claim: ScrubClaim
    findings: list[Finding] = field(default_factory=list)
    view: X12Claim | None = field(default=None, repr=False, compare=False)


@dataclass(slots=True)
class ReadFile:
    """What :func:`read_837p` read: the claims (each with its own syntax findings)
    and the findings about the file, its groups and sets, each reported once."""

    claims: list[ReadClaim]
    findings: list[FileFinding] = field(default_factory=list)


_DATES: dict[str, dt.date | None] = {}
_DATES_MAX = 20_000  # distinct dates kept (service dates and birth dates repeat)


def _date(iso: str | None) -> dt.date | None:
    """A view date (``YYYY-MM-DD``, from a DTP/DMG ``D8``) as a date; None when absent
    or not a calendar date."""
    if not iso:
        return None
    hit = _DATES.get(iso, _DATES)
    if hit is not _DATES:
        return hit  # type: ignore[return-value]
    value: dt.date | None = None
    if len(iso) == 10 and iso[4] == "-" and iso[7] == "-":
        try:
            value = dt.date.fromisoformat(iso)
        except ValueError:
            value = None
    if len(_DATES) < _DATES_MAX:
        _DATES[iso] = value
    return value


def _addr(a: X12Address | None) -> Address:
    if a is None:
        return Address()
    return Address(a.line1, a.line2, a.city, a.state, a.zip)


def from_x12_claim(
    c: X12Claim, *, source: str = "", file: str = "", group: str = "", set_control: str = ""
) -> ScrubClaim:
    """The scrubber's view of one engine claim (field by field, see
    :mod:`cleanclaim.edits.claim`): absent money as 0 (units 1), ISO dates as dates,
    a line's end date only when it differs from its start, procedure codes and
    modifiers upper case, pointers that are not all numbers kept as written
    (``raw_pointers``), the patient's member ID the subscriber's (2010BA NM109), the
    payer profile from SBR09."""
    bp = c.billing_provider
    pat = c.patient
    lines = []
    for ln in c.lines:
        start = _date(ln.service_date)
        end = _date(ln.service_date_end)
        raw = tuple(ln.raw_pointers)
        lines.append(
            ServiceLine(
                number=ln.number,
                procedure=ln.procedure.strip().upper(),
                modifiers=tuple([m.strip().upper() for m in ln.modifiers if m.strip()]),
                charge=ln.charge if ln.charge is not None else Decimal(0),
                units=ln.units if ln.units is not None else Decimal(1),
                dx_pointers=() if raw else tuple(ln.dx_pointers),
                service_date=start,
                service_date_end=end if end != start else None,
                rendering_npi=ln.rendering_npi,
                qualifier=ln.qualifier,
                raw_pointers=raw,
                ndc=ln.ndc,
                description=ln.description.strip(),
            )
        )
    member = c.subscriber.member_id
    return ScrubClaim(
        claim_id=c.claim_id,
        total_charge=c.total_charge if c.total_charge is not None else Decimal(0),
        lines=tuple(lines),
        diagnoses=tuple(c.diagnoses),
        diagnosis_qualifiers=tuple(c.diagnosis_qualifiers),
        frequency_code=c.frequency_code,
        original_claim_ref=c.payer_claim_control_number,
        place_of_service=c.place_of_service,
        billing_provider=Provider(bp.npi, bp.name, _addr(bp.address), bp.tax_id),
        rendering_npi=c.rendering_provider.npi if c.rendering_provider else "",
        referring_npi=c.referring_provider.npi if c.referring_provider else "",
        subscriber_id=member,
        patient=Patient(pat.name, _date(pat.dob), pat.sex, member),
        payer=Payer(
            c.payer.name, c.payer.id, PROFILE_BY_FILING_INDICATOR.get(c.filing_indicator, "")
        ),
        filing_indicator=c.filing_indicator,
        payer_responsibility=c.payer_responsibility,
        other_payer_paid=_date(c.other_payer_paid),
        prior_auth=c.prior_authorization,
        source=source,
        file=file,
        group=group,
        set_control=set_control,
    )


def _parse_837p(data: bytes) -> ParsedDocument:
    """The file read by the engine (:func:`cleanclaim.x12.parse`: every set placed in its
    guide's loop tree; 4010 files, 837I/837D and other versions are refused there, each
    with one clear line), refused with an X12Error naming the set unless every set is
    read by the 837P guide."""
    parsed = parse(read_document(data))
    for t in parsed.transactions:
        if t.guide.name != "837P":
            raise X12Error(
                f"transaction set {t.ts.set_id} {t.ts.control_number} is not an 837P "
                f"professional claim file (it reads as {t.guide.name})",
                position=t.ts.st.position,
                segment_id="ST",
            )
    return parsed


def _x12_findings(parsed: ParsedDocument, level: SyntaxLevel) -> list[X12Finding]:
    """The X12 engine's validation: ``guide`` runs its 837P implementation-guide
    validation (with the envelope checks); ``envelope`` only its ISA/GS/ST envelope
    and count checks."""
    if level == "none":
        return []
    if level == "guide":
        return validate(parsed).findings()
    return check_envelopes(parsed.document)


def read_837p(data: bytes, *, source: str = "", syntax: SyntaxLevel = "guide") -> ReadFile:
    """Every claim of every 837P transaction set in ``data``, and the findings about the
    file, its groups and sets; X12Error if unusable.

    ``syntax`` chooses how much of the X12 engine's validation becomes ``syntax``
    findings (see :func:`_x12_findings`); the view's notes on values it could not
    read are always reported."""
    parsed = _parse_837p(data)
    read: list[ReadClaim] = []
    sets: list[SetSpan] = []
    for t in parsed.transactions:
        ts = t.ts
        tx = t.data
        where = f"{source} ST {ts.control_number}".strip()
        by_loop: dict[int, ReadClaim] = {}
        if isinstance(tx, Transaction837P):
            for c in claims(tx):
                notes = [
                    SYNTAX.finding(c.claim_id, f"segment {pos}: {msg}", line=None)
                    for pos, msg in c.notes
                ]
                read_claim = from_x12_claim(
                    c,
                    source=where,
                    file=source,
                    group=t.group.control_number,
                    set_control=ts.control_number,
                )
                rc = ReadClaim(read_claim, notes, c)
                by_loop[id(c.loop)] = rc
                read.append(rc)
        start = ts.st.position
        tree = tx.tree if isinstance(tx, Transaction837P) else None
        sets.append(
            SetSpan(
                start,
                start + ts.segment_count - 1,
                t.group.control_number,
                ts.control_number,
                tree,
                by_loop,
            )
        )
    if syntax == "none":
        return ReadFile(read)
    groups = GroupSpans()
    for ic in parsed.document.interchanges:
        for group in ic.groups:
            groups.starts.append(group.gs.position)
            # a group without its GE runs to the end of what was read
            groups.ends.append(group.ge.position if group.ge is not None else 1 << 62)
            groups.controls.append(group.control_number)
    found = _x12_findings(parsed, syntax)
    # where the X12 engine reports on a segment, its findings replace the view's own
    # note about the same segment (one report per problem)
    engine_positions = {f.position for f in found}
    for rc in read:
        if rc.findings and rc.view is not None:
            rc.findings = [
                f
                for f, (pos, _msg) in zip(rc.findings, rc.view.notes, strict=True)
                if pos not in engine_positions
            ]
    return ReadFile(read, place(found, sets, groups, source))
