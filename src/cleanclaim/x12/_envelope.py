"""ISA/GS/ST envelopes: reading them into a tree, checking and writing them.

Structure (X12.5/X12.6 interchange control, 5010)::

    Document
    └── Interchange      ISA ... IEA     (ISA13 = IEA02; IEA01 = number of GS)
        └── FunctionalGroup  GS ... GE   (GS06 = GE02;   GE01 = number of ST)
            └── TransactionSet ST ... SE (ST02 = SE02;   SE01 = segments ST..SE)

:func:`read_document` walks the envelopes tolerantly (a missing trailer is a
finding, not a crash); :func:`check_envelopes` reports counts and control
numbers that do not match; :func:`write_document` computes SE01, GE01 and IEA01
and copies control numbers into the trailers.

Only :class:`~cleanclaim.x12._errors.X12Error` leaves this module, raised when the
segments cannot be arranged into envelopes at all (no ISA first, a GS outside an
interchange, a segment outside any transaction set).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain

from ._errors import IK304, Finding, Severity, X12Error
from ._perf import gc_paused
from ._segments import DEFAULT_DELIMITERS, Delimiters, Segment
from ._tokenizer import repetition_separator, split_interchanges

__all__ = [
    "Document",
    "FunctionalGroup",
    "Interchange",
    "TransactionSet",
    "check_envelopes",
    "read_document",
    "write_document",
]


class TransactionSet:
    """One ST..SE: ``segments`` holds ST first and SE last (when present).

    A set read from a file (:func:`read_document`) keeps the segments between ST and
    SE as the tokenizer split them (the tag, then the element texts; see
    :meth:`split_form`) and builds their :class:`Segment` objects the first time
    ``segments`` or ``body`` is asked for (the split lists become their elements,
    nothing is copied); ``st``, ``se`` and ``segment_count`` never need them. Either
    way ``segments`` gives the same segments, positions included.
    """

    __slots__ = ("_body", "_first", "_se", "_segments", "_st")

    def __init__(self, segments: list[Segment] | None = None) -> None:
        self._segments: list[Segment] | None = segments if segments is not None else []
        self._st: Segment | None = None
        self._se: Segment | None = None
        self._body: list[list[str]] | None = None
        self._first = 0

    @classmethod
    def reading(cls, st: Segment) -> TransactionSet:
        """A set being read: ``st`` now, body parts and the SE as the reader meets them."""
        ts = cls.__new__(cls)
        ts._segments = None
        ts._st = st
        ts._se = None
        ts._body = []
        ts._first = st.position + 1
        return ts

    @property
    def segments(self) -> list[Segment]:
        segs = self._segments
        if segs is None:
            st, body = self._st, self._body
            assert st is not None and body is not None
            segs = [st]
            # each split list becomes its Segment's elements once its tag is taken off
            # (the set owns them and lets go of them now: no copy, nothing to free)
            segs += [Segment(p.pop(0), p, i) for i, p in enumerate(body, start=self._first)]
            if self._se is not None:
                segs.append(self._se)
            self._segments = segs
            self._st = self._se = self._body = None
        return segs

    @segments.setter
    def segments(self, value: list[Segment]) -> None:
        self._segments = value
        self._st = self._se = self._body = None

    def split_form(self) -> tuple[Iterator[list[str]], int] | None:
        """``(lists, position of the ST)``: ST..SE in the tokenizer's split form (each
        segment a list, the tag first, positions following each other) while the set
        still holds its body that way; None once ``segments`` was built (or for a set
        made from segments)."""
        st, body = self._st, self._body
        if self._segments is not None or st is None or body is None:
            return None
        se = self._se
        tail = ([se.id, *se.elements],) if se is not None else ()
        return chain(([st.id, *st.elements],), body, tail), st.position

    @property
    def segment_count(self) -> int:
        """Number of segments, ST to SE inclusive (what SE01 counts)."""
        if self._segments is not None:
            return len(self._segments)
        return 1 + len(self._body or ()) + (self._se is not None)

    @property
    def st(self) -> Segment:
        if self._segments is None:
            assert self._st is not None
            return self._st
        return self._segments[0]

    @property
    def se(self) -> Segment | None:
        if self._segments is None:
            return self._se
        last = self._segments[-1]
        return last if last.id == "SE" and len(self._segments) > 1 else None

    @property
    def set_id(self) -> str:
        """ST01, e.g. ``"837"``."""
        return self.st.get(1)

    @property
    def control_number(self) -> str:
        """ST02."""
        return self.st.get(2)

    @property
    def body(self) -> list[Segment]:
        """The segments between ST and SE."""
        segs = self.segments
        end = len(segs) - 1 if self.se is not None else len(segs)
        return segs[1:end]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TransactionSet):
            return NotImplemented
        return self.segments == other.segments

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by its segments

    def __repr__(self) -> str:
        return f"TransactionSet(segments={self.segments!r})"


@dataclass(slots=True)
class FunctionalGroup:
    gs: Segment
    transactions: list[TransactionSet] = field(default_factory=list)
    ge: Segment | None = None

    @property
    def functional_id(self) -> str:
        """GS01, e.g. ``"HC"`` for 837 claims, ``"FA"`` for 999."""
        return self.gs.get(1)

    @property
    def version(self) -> str:
        """GS08, the implementation guide, e.g. ``"005010X222A1"``."""
        return self.gs.get(8)

    @property
    def control_number(self) -> str:
        """GS06."""
        return self.gs.get(6)


@dataclass(slots=True)
class Interchange:
    isa: Segment
    delimiters: Delimiters
    groups: list[FunctionalGroup] = field(default_factory=list)
    iea: Segment | None = None

    @property
    def control_number(self) -> str:
        """ISA13."""
        return self.isa.get(13)


@dataclass(slots=True)
class Document:
    """Everything read from one file.

    ``notes``: warnings about a file read as its sender wrote it but not as the
    standard asks (an ISA11 that cannot separate repetitions, a pretty-printed
    layout); :func:`check_envelopes` reports them.
    """

    interchanges: list[Interchange]
    segment_count: int = 0
    notes: list[Finding] = field(default_factory=list)

    @property
    def delimiters(self) -> Delimiters:
        return self.interchanges[0].delimiters if self.interchanges else DEFAULT_DELIMITERS

    def transactions(self) -> Iterator[tuple[Interchange, FunctionalGroup, TransactionSet]]:
        for ic in self.interchanges:
            for group in ic.groups:
                for ts in group.transactions:
                    yield ic, group, ts


_ENVELOPE_TAGS = frozenset({"ISA", "IEA", "GS", "GE", "ST"})


def read_document(data: bytes | str) -> Document:
    """Tokenize ``data`` and arrange the segments into envelopes."""
    notes: list[Finding] = []
    chunks = split_interchanges(data, notes)
    doc = Document([], sum(len(parts) for _, parts in chunks), notes)
    ic: Interchange | None = None
    group: FunctionalGroup | None = None
    ts: TransactionSet | None = None
    body: list[list[str]] | None = None  # the open set's body parts (TransactionSet.reading)
    envelope_tags = _ENVELOPE_TAGS
    base = 0  # positions count across the interchanges
    for delims, chunk in chunks:
        for position, p in enumerate(chunk, start=base + 1):
            tag = p[0]
            if body is not None and tag not in envelope_tags:  # the hot path
                if tag == "SE":
                    assert ts is not None
                    ts._se = Segment(tag, p[1:], position)
                    ts = body = None
                else:
                    body.append(p)
                continue
            ic, group, ts = _place(doc, delims, Segment(tag, p[1:], position), ic, group, ts)
            body = ts._body if ts is not None else None
        base += len(chunk)
    if not doc.interchanges:
        raise X12Error("not an X12 file: no ISA segment")
    return doc


def _place(
    doc: Document,
    delims: Delimiters,
    seg: Segment,
    ic: Interchange | None,
    group: FunctionalGroup | None,
    ts: TransactionSet | None,
) -> tuple[Interchange | None, FunctionalGroup | None, TransactionSet | None]:
    """Put one segment into the envelope tree; returns the open (interchange, group, set)."""
    tag = seg.id
    if tag == "ISA":
        if len(seg.elements) != 16:
            raise X12Error(
                f"the ISA segment has {len(seg.elements)} elements, 16 expected",
                position=seg.position,
                segment_id="ISA",
            )
        component = seg.get(16)[:1] or delims.component
        rep, _ = repetition_separator(
            seg.get(11), seg.get(12), delims.element, component, delims.segment
        )
        ic_delims = Delimiters(delims.element, rep, component, delims.segment, delims.suffix)
        ic = Interchange(seg, ic_delims)
        doc.interchanges.append(ic)
        group = ts = None
    elif ic is None:
        raise X12Error("segment before the first ISA", position=seg.position, segment_id=tag)
    elif ts is not None and tag not in ("GE", "IEA", "GS", "ISA", "ST"):
        ts.segments.append(seg)
        if tag == "SE":
            ts = None
    elif tag == "ST":
        if group is None:
            raise X12Error(
                "ST transaction set outside a GS functional group",
                position=seg.position,
                segment_id=tag,
            )
        ts = TransactionSet.reading(seg)
        group.transactions.append(ts)
    elif tag == "GS":
        if ic.iea is not None:
            raise X12Error("GS after the IEA", position=seg.position, segment_id=tag)
        group = FunctionalGroup(seg)
        ic.groups.append(group)
        ts = None
    elif tag == "GE":
        if group is None:
            raise X12Error("GE without a GS", position=seg.position, segment_id=tag)
        group.ge = seg
        group = ts = None
    elif tag == "IEA":
        ic.iea = seg
        group = ts = None
    else:
        raise X12Error(
            f"segment {tag!r} outside a transaction set (ST..SE)",
            position=seg.position,
            segment_id=tag[:3],
        )
    return ic, group, ts


def _finding(code: str, message: str, seg: Segment | None, **kw: str) -> Finding:
    return Finding(
        code=code,
        message=message,
        severity=Severity.ERROR,
        position=seg.position if seg else 0,
        segment_id=seg.id if seg else "",
        **kw,  # type: ignore[arg-type]
    )


def check_envelopes(doc: Document) -> list[Finding]:
    """Counts and control numbers of every envelope (SE01/SE02, GE01/GE02, IEA01/IEA02),
    after the reader's warnings (``doc.notes``)."""
    out: list[Finding] = list(doc.notes)
    for ic in doc.interchanges:
        if ic.iea is None:
            msg = "the interchange has no IEA trailer"
            out.append(_finding("x12.envelope.iea-missing", msg, ic.isa))
        else:
            if ic.iea.get(1) != str(len(ic.groups)):
                out.append(
                    _finding(
                        "x12.envelope.iea-count",
                        f"IEA01 says {ic.iea.get(1)!r} functional groups, the interchange has "
                        f"{len(ic.groups)}",
                        ic.iea,
                        element="IEA01",
                    )
                )
            if ic.iea.get(2) != ic.control_number:
                out.append(
                    _finding(
                        "x12.envelope.iea-control",
                        f"IEA02 {ic.iea.get(2)!r} does not match ISA13 {ic.control_number!r}",
                        ic.iea,
                        element="IEA02",
                    )
                )
        for group in ic.groups:
            out.extend(_check_group(group))
    return out


def _check_group(group: FunctionalGroup) -> list[Finding]:
    out: list[Finding] = []
    if group.ge is None:
        msg = "the functional group has no GE trailer"
        out.append(_finding("x12.envelope.ge-missing", msg, group.gs))
    else:
        if group.ge.get(1) != str(len(group.transactions)):
            out.append(
                _finding(
                    "x12.envelope.ge-count",
                    f"GE01 says {group.ge.get(1)!r} transaction sets, the group has "
                    f"{len(group.transactions)}",
                    group.ge,
                    element="GE01",
                )
            )
        if group.ge.get(2) != group.control_number:
            out.append(
                _finding(
                    "x12.envelope.ge-control",
                    f"GE02 {group.ge.get(2)!r} does not match GS06 {group.control_number!r}",
                    group.ge,
                    element="GE02",
                )
            )
    seen: set[str] = set()
    for ts in group.transactions:
        ctl = ts.control_number
        if ctl in seen:
            out.append(
                _finding(
                    "x12.envelope.st-control-duplicate",
                    f"transaction set control number ST02 {ctl!r} is used twice in the group",
                    ts.st,
                    element="ST02",
                    st_control=ctl,
                )
            )
        seen.add(ctl)
        se = ts.se
        if se is None:
            out.append(
                _finding(
                    "x12.envelope.se-missing",
                    "the transaction set has no SE trailer",
                    ts.st,
                    ik304=IK304.REQUIRED_SEGMENT_MISSING,
                    st_control=ctl,
                )
            )
            continue
        if se.get(1) != str(ts.segment_count):
            out.append(
                _finding(
                    "x12.envelope.se-count",
                    f"SE01 says {se.get(1)!r} segments, the transaction set has "
                    f"{ts.segment_count} (ST to SE inclusive)",
                    se,
                    element="SE01",
                    st_control=ctl,
                )
            )
        if se.get(2) != ctl:
            out.append(
                _finding(
                    "x12.envelope.se-control",
                    f"SE02 {se.get(2)!r} does not match ST02 {ctl!r}",
                    se,
                    element="SE02",
                    st_control=ctl,
                )
            )
    return out


def write_document(
    doc: Document, delimiters: Delimiters | None = None, *, recount: bool = True
) -> str:
    """The document as X12 text.

    With ``recount`` (the default) SE01, GE01 and IEA01 are computed and the
    trailers' control numbers copied from ST02, GS06 and ISA13; trailers are
    added when missing. ``delimiters`` overrides each interchange's own.
    """
    with gc_paused():
        return _write_document(doc, delimiters, recount)


def _write_document(doc: Document, delimiters: Delimiters | None, recount: bool) -> str:
    parts: list[str] = []
    for ic in doc.interchanges:
        d = delimiters or ic.delimiters
        parts.append(_encode_isa(ic.isa, d))
        for group in ic.groups:
            parts.append(group.gs.encode(d))
            for ts in group.transactions:
                parts.append(write_transaction(ts.segments, d, recount=recount))
            ge = group.ge
            if recount or ge is None:
                ge = Segment("GE", [str(len(group.transactions)), group.control_number])
            parts.append(ge.encode(d))
        iea = ic.iea
        if recount or iea is None:
            iea = Segment("IEA", [str(len(ic.groups)), ic.control_number])
        parts.append(iea.encode(d))
    return "".join(parts)


def write_transaction(segments: list[Segment], d: Delimiters, *, recount: bool = True) -> str:
    """ST..SE as text; with ``recount`` the SE is (re)built from the ST."""
    segs = segments
    if recount:
        if segs and segs[-1].id == "SE":
            segs = segs[:-1]
        segs = [*segs, Segment("SE", [str(len(segs) + 1), segs[0].get(2) if segs else ""])]
    # what Segment.encode does, inline (the last step of every writer)
    sep = d.element
    end = d.segment + d.suffix
    return "".join(
        [s.id + sep + sep.join(s.elements) + end if s.elements else s.id + end for s in segs]
    )


def _encode_isa(isa: Segment, d: Delimiters) -> str:
    els = list(isa.elements)
    if len(els) == 16:
        if d.repetition and els[11] >= "00501":
            els[10] = d.repetition
        els[15] = d.component
    return Segment("ISA", els).encode(d)
