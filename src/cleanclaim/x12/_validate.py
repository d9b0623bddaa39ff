"""The shared read/validate driver: bytes → envelopes → guides → typed transactions → findings.

::

    parsed = parse(data)             # X12Error if unusable (not X12, 4010, unknown set)
    for t in parsed.transactions:    # ParsedTransaction: envelope + guide + typed data
        t.data                       # e.g. an 837P Transaction837P
    validate(parsed)                 # fills t.findings and parsed.envelope_findings
    parsed.findings()                # everything, in file order

Findings from guides are completed here with the transaction's ST02
(``st_control``) and the segment's position inside its set (``segment_in_set``,
what 999 IK302 reports).

The version of a set is its ST03 (X12.6: the implementation convention reference)
when present, else its group's GS08. Reading notes a warning (``t.notes``, added to
the findings by :func:`validate`) when ST03 and GS08 differ and when the version is
a 5010 base release read with its errata guide (``005010X222`` with X222A1).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ._envelope import (
    Document,
    FunctionalGroup,
    Interchange,
    TransactionSet,
    check_envelopes,
    read_document,
)
from ._errors import Finding, Severity, X12Error
from ._perf import gc_paused
from ._registry import Guide, base_release_of, find_guide

__all__ = ["ParsedDocument", "ParsedTransaction", "parse", "validate"]

#: Warning codes of the driver (files as real senders write them).
BASE_RELEASE = "x12.version.base-release"
ST03_OVERRIDES_GS08 = "x12.version.st03-overrides-gs08"


@dataclass(slots=True)
class ParsedTransaction:
    interchange: Interchange
    group: FunctionalGroup
    ts: TransactionSet
    guide: Guide
    data: Any
    findings: list[Finding] = field(default_factory=list)
    #: warnings found while reading (version notes); :func:`validate` adds them to
    #: ``findings``
    notes: list[Finding] = field(default_factory=list)

    @property
    def version(self) -> str:
        return transaction_version(self.group, self.ts)

    @property
    def accepted(self) -> bool:
        return not any(f.is_error for f in self.findings)


@dataclass(slots=True)
class ParsedDocument:
    document: Document
    transactions: list[ParsedTransaction]
    envelope_findings: list[Finding] = field(default_factory=list)
    validated: bool = False

    def reading_notes(self) -> list[Finding]:
        """The warnings of reading alone (no validation), in file order: what was
        unusual but readable in the file (``Document.notes``) and in each set's
        version (``ParsedTransaction.notes``)."""
        out = list(self.document.notes)
        for t in self.transactions:
            out.extend(t.notes)
        out.sort(key=lambda f: f.position)
        return out

    def findings(self) -> list[Finding]:
        out = list(self.envelope_findings)
        for t in self.transactions:
            out.extend(t.findings)
        out.sort(key=lambda f: f.position)
        return out

    @property
    def has_errors(self) -> bool:
        return any(f.is_error for f in self.findings())


def transaction_version(group: FunctionalGroup, ts: TransactionSet) -> str:
    """ST03 when present (5010), else GS08."""
    return ts.st.get(3) or group.version


def parse(data: bytes | str | Document) -> ParsedDocument:
    """Read every transaction set through its guide. Raises :class:`X12Error` only."""
    with gc_paused():
        return _parse(data)


def _parse(data: bytes | str | Document) -> ParsedDocument:
    doc = data if isinstance(data, Document) else read_document(data)
    out: list[ParsedTransaction] = []
    for ic, group, ts in doc.transactions():
        version = transaction_version(group, ts)
        try:
            guide = find_guide(ts.set_id, version)
        except X12Error as exc:
            raise X12Error(exc.message, position=ts.st.position, segment_id="ST") from None
        try:
            typed = guide.parse(ts.segments, ic.delimiters)
        except X12Error:
            raise
        except Exception as exc:  # a guide bug must still read as one clear line
            raise X12Error(
                f"cannot read transaction set {ts.set_id} {ts.control_number!r}: {exc}",
                position=ts.st.position,
                segment_id="ST",
            ) from exc
        out.append(
            ParsedTransaction(ic, group, ts, guide, typed, notes=_version_notes(group, ts, guide))
        )
    return ParsedDocument(doc, out)


def _version_notes(group: FunctionalGroup, ts: TransactionSet, guide: Guide) -> list[Finding]:
    """Warnings about the version a set was read as (see the module docstring)."""
    st03, gs08 = ts.st.get(3), group.version
    version = st03 or gs08
    notes: list[Finding] = []
    if st03 and gs08 and st03 != gs08:
        notes.append(
            _version_note(
                ST03_OVERRIDES_GS08,
                f"ST03 {st03!r} differs from its group's GS08 {gs08!r}: the set is read as "
                f"ST03 says ({guide.name})",
                ts,
                st03,
            )
        )
    if base_release_of(guide, version):
        notes.append(
            _version_note(
                BASE_RELEASE,
                f"version {version!r} is the 5010 base release published before the errata: "
                f"read and validated with {guide.version} and written back as {version!r}",
                ts,
                version,
            )
        )
    return notes


def _version_note(code: str, message: str, ts: TransactionSet, value: str) -> Finding:
    return Finding(
        code=code,
        message=message,
        severity=Severity.WARNING,
        position=ts.st.position,
        segment_id="ST",
        element="ST03" if ts.st.get(3) else "GS08",
        value=value,
        st_control=ts.control_number,
        segment_in_set=1,
    )


def validate(parsed: ParsedDocument) -> ParsedDocument:
    """Run envelope checks and every guide's rules; returns ``parsed`` with findings filled."""
    with gc_paused():
        return _validate(parsed)


def _validate(parsed: ParsedDocument) -> ParsedDocument:
    if parsed.validated:
        return parsed
    parsed.envelope_findings = check_envelopes(parsed.document)
    for t in parsed.transactions:
        start = t.ts.st.position
        ctl = t.ts.control_number
        found = t.guide.validate(t.data, t.interchange.delimiters)
        t.findings = list(t.notes) + [
            replace(
                f,
                st_control=ctl,
                segment_in_set=(f.position - start + 1) if f.position >= start else 0,
            )
            for f in found
        ]
    for f in parsed.envelope_findings:
        if f.st_control:
            for t in parsed.transactions:
                if t.ts.control_number == f.st_control and f.position >= t.ts.st.position:
                    f2 = replace(f, segment_in_set=f.position - t.ts.st.position + 1)
                    t.findings.append(f2)
                    break
    parsed.envelope_findings = [f for f in parsed.envelope_findings if not f.st_control]
    parsed.validated = True
    return parsed
