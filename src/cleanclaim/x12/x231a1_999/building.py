"""Build 999s: our validation findings → a 999 (005010X231A1), or the JSON fields → a 999.

:func:`build_ack` acknowledges what we received.

For each functional group received, one 999 transaction set:

* ``AK1`` names the group (GS01, GS06, GS08);
* per transaction set an ``AK2`` (ST01, ST02, ST03), then per segment in error
  an ``IK3`` (segment id, position in the set, loop, IK304), then a ``CTX``
  naming the business unit when the guide knows it (837P: ``CTX*CLM01:<patient
  control number>`` for a segment inside a claim), and one ``IK4``
  per element in error (position, IK403, a copy of the bad value), and an
  ``IK5``: ``A`` accepted or ``R`` rejected with IK502 codes (``5`` segments
  in error; ``2``/``3``/``4``/``23`` for trailer, control number and count
  problems found by the envelope checks);
* ``AK9``: ``A`` all accepted, ``P`` partially, ``R`` none, ``E`` accepted but
  the group trailer has errors (AK905: ``3``/``4``/``5``).

Only findings of severity *error* are reported; warnings do not reject.
The interchange answers the one received: sender and receiver swapped,
GS02/GS03 swapped, same test/production flag (ISA15) and delimiters. Each 999
is placed in the guide's loop tree (:func:`.view.parse`) and written from it.

:func:`build_999` builds one 999 from the convenient JSON fields
(:mod:`.json`), for a sandbox clearinghouse and for tests.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from .._envelope import Document, FunctionalGroup, Interchange, TransactionSet, write_document
from .._errors import Finding, X12Error
from .._segments import Segment
from .._validate import ParsedDocument, ParsedTransaction, validate
from ..guidekit.values import segment as _seg
from .codes import SetSyntaxError
from .parsing import VERSION_999, parse
from .view import ACCEPTING
from .writing import write

__all__ = ["build_999", "build_ack", "build_ack_document"]

_SET_CODES = {
    "x12.envelope.se-missing": SetSyntaxError.TRAILER_MISSING.value,
    "x12.envelope.se-control": SetSyntaxError.CONTROL_NUMBER_MISMATCH.value,
    "x12.envelope.se-count": SetSyntaxError.SEGMENT_COUNT_MISMATCH.value,
    "x12.envelope.st-control-duplicate": SetSyntaxError.CONTROL_NUMBER_NOT_UNIQUE.value,
}
_GROUP_CODES = {
    "x12.envelope.ge-missing": "3",
    "x12.envelope.ge-control": "4",
    "x12.envelope.ge-count": "5",
}


def _clean(value: str, forbidden: str) -> str:
    return "".join(c for c in value if c not in forbidden)[:99]


def _set_response(t: ParsedTransaction, forbidden: str, comp: str) -> tuple[list[Segment], bool]:
    units = t.guide.business_units(t.data) if t.guide.business_units is not None else {}
    st = t.ts.st
    segs = [Segment("AK2", [st.get(1), st.get(2), *([st.get(3)] if st.get(3) else [])])]
    errors = [f for f in t.findings if f.is_error]
    set_codes: list[str] = []
    by_segment: dict[tuple[int, str], list[Finding]] = {}
    order: list[tuple[int, str]] = []
    for f in errors:
        code = _SET_CODES.get(f.code)
        if code is not None:
            if code not in set_codes:
                set_codes.append(code)
            continue
        key = (f.segment_in_set, f.segment_id)
        if key not in by_segment:
            by_segment[key] = []
            order.append(key)
        by_segment[key].append(f)
    for key in order:
        group = by_segment[key]
        seg_level = [f for f in group if not f.ik403]
        elem_level = [f for f in group if f.ik403]
        loop = _clean(group[0].loop_id, forbidden)[:4]
        position = str(max(key[0], 1))
        tag = _clean(key[1], forbidden)[:3] or "ST"
        unit = units.get(group[0].position)
        ctx = (
            [Segment("CTX", [comp.join((unit[0], _clean(unit[1], forbidden)[:35]))])]
            if unit
            else []
        )
        for f in seg_level:
            segs.append(Segment("IK3", [tag, position, loop, f.ik304 or "8"]))
            segs.extend(ctx)
        if elem_level:
            segs.append(Segment("IK3", [tag, position, loop, "8"]))
            segs.extend(ctx)
            for f in elem_level:
                pos = str(f.element_position or 1)
                if f.component_position:
                    pos += comp + str(f.component_position)
                ik4 = [pos, "", f.ik403]
                value = _clean(f.value, forbidden)
                if value and f.ik403 != "1":
                    ik4.append(value)
                segs.append(Segment("IK4", ik4))
    rejected = bool(errors)
    if order and "5" not in set_codes:
        set_codes.insert(0, "5")
    if rejected:
        segs.append(Segment("IK5", ["R", *set_codes[:5]]))
    else:
        segs.append(Segment("IK5", ["A"]))
    return segs, not rejected


def _group_ack(
    group: FunctionalGroup,
    parsed: ParsedDocument,
    st_control: str,
    forbidden: str,
    comp: str,
) -> list[Segment]:
    segs = [
        Segment("ST", ["999", st_control, VERSION_999]),
        Segment("AK1", [group.functional_id, group.control_number, group.version]),
    ]
    by_ts = {id(t.ts): t for t in parsed.transactions}
    accepted = 0
    for ts in group.transactions:
        t = by_ts[id(ts)]
        response, ok = _set_response(t, forbidden, comp)
        segs.extend(response)
        accepted += ok
    group_codes = [
        _GROUP_CODES[f.code]
        for f in parsed.envelope_findings
        if (f.code in _GROUP_CODES and group.ge is not None and f.position == group.ge.position)
        or (f.code == "x12.envelope.ge-missing" and f.position == group.gs.position)
    ]
    received = len(group.transactions)
    if accepted == received:
        code = "E" if group_codes else "A"
    elif accepted == 0:
        code = "R"
    else:
        code = "P"
    included = group.ge.get(1) if group.ge is not None and group.ge.get(1).isdigit() else ""
    segs.append(
        Segment(
            "AK9", [code, included or str(received), str(received), str(accepted), *group_codes[:5]]
        )
    )
    segs.append(Segment("SE", [str(len(segs) + 1), st_control]))
    return segs


def build_ack_document(
    parsed: ParsedDocument,
    *,
    control_number: int = 1,
    now: datetime | None = None,
) -> Document:
    """The 999 answering ``parsed`` (validated here if it was not yet)."""
    validate(parsed)
    now = now or datetime.now(UTC)
    out = Document([])
    st_n = 0
    for n, ic in enumerate(parsed.document.interchanges):
        d = ic.delimiters
        forbidden = d.element + d.component + d.segment + d.repetition + "\r\n"
        r = ic.isa
        ctl = str(control_number + n).rjust(9, "0")[-9:]
        isa = Segment(
            "ISA",
            [
                "00",
                " " * 10,
                "00",
                " " * 10,
                r.get(7),
                r.get(8),
                r.get(5),
                r.get(6),
                now.strftime("%y%m%d"),
                now.strftime("%H%M"),
                d.repetition or "^",
                "00501",
                ctl,
                "0",
                r.get(15) or "P",
                d.component,
            ],
        )
        ack_ic = Interchange(isa, d)
        out.interchanges.append(ack_ic)
        gs = Segment(
            "GS",
            [
                "FA",
                ic.groups[0].gs.get(3) if ic.groups else "",
                ic.groups[0].gs.get(2) if ic.groups else "",
                now.strftime("%Y%m%d"),
                now.strftime("%H%M"),
                str(control_number + n),
                "X",
                VERSION_999,
            ],
        )
        ack_group = FunctionalGroup(gs)
        ack_ic.groups.append(ack_group)
        for group in ic.groups:
            st_n += 1
            segs = _group_ack(group, parsed, str(st_n).rjust(4, "0"), forbidden, d.component)
            ack_group.transactions.append(TransactionSet(write(parse(segs, d), d)))
    return out


def build_ack(
    parsed: ParsedDocument, *, control_number: int = 1, now: datetime | None = None
) -> str:
    """The 999 as X12 text."""
    return write_document(build_ack_document(parsed, control_number=control_number, now=now))


def _s(obj: Any, key: str, where: str, required: bool = False) -> str:
    v = obj.get(key, "") if isinstance(obj, dict) else ""
    if v is None:
        v = ""
    if not isinstance(v, (str, int)) or isinstance(v, bool):
        raise X12Error(f"{where}.{key} must be a string")
    if required and v == "":
        raise X12Error(f"{where}.{key} is required")
    return str(v)


def _list(obj: Any, key: str, where: str) -> list[Any]:
    v = obj.get(key) if isinstance(obj, dict) else None
    if v is None:
        return []
    if not isinstance(v, list):
        raise X12Error(f"{where}.{key} must be a list")
    return v


def _segment_error(err: Any, where: str) -> list[Segment]:
    """Loop 2100: IK3, its CTX (each written as read: ``CLM01:123``), its IK4s."""
    out = [
        _seg(
            "IK3",
            _s(err, "segment_id", where, True),
            _s(err, "position", where, True),
            _s(err, "loop", where),
            _s(err, "code", where, True),
        )
    ]
    out += [Segment("CTX", str(c).split("*")) for c in _list(err, "context", where)]
    for k, el in enumerate(_list(err, "element_errors", where)):
        w = f"{where}.element_errors[{k}]"
        position = ":".join(p for p in (_s(el, "position", w, True), _s(el, "component", w)) if p)
        out.append(
            _seg(
                "IK4", position, _s(el, "reference", w), _s(el, "code", w, True), _s(el, "value", w)
            )
        )
    return out


def build_999(obj: dict[str, Any]) -> list[Segment]:
    """ST..SE of one 999 from the convenient fields (see :mod:`.json`).

    A set's ``status`` defaults to ``R`` when it lists segment errors, else ``A``;
    AK9's code and counts default to what the sets say. SE01 is 0 here (the
    writer counts).
    """
    ack = obj.get("acknowledgment")
    if not isinstance(ack, dict):
        raise X12Error('a 999 needs an "acknowledgment" object')
    group = ack.get("group") or {}
    result = ack.get("result") or {}
    ctl = (_s(obj, "control_number", "transaction") or "0001").rjust(4, "0")
    out = [
        Segment("ST", ["999", ctl, VERSION_999]),
        _seg(
            "AK1",
            _s(group, "functional_id", "group", True),
            _s(group, "control_number", "group", True),
            _s(group, "version", "group"),
        ),
    ]
    accepted = received = 0
    for i, ts in enumerate(_list(ack, "transaction_sets", "acknowledgment")):
        w = f"transaction_sets[{i}]"
        out.append(
            _seg(
                "AK2",
                _s(ts, "transaction_set", w, True),
                _s(ts, "control_number", w, True),
                _s(ts, "version", w),
            )
        )
        errors = _list(ts, "segment_errors", w)
        for j, err in enumerate(errors):
            out += _segment_error(err, f"{w}.segment_errors[{j}]")
        status = _s(ts, "status", w) or ("R" if errors else "A")
        codes = [str(c) for c in _list(ts, "error_codes", w)][:5]
        out.append(_seg("IK5", status, *codes))
        received += 1
        accepted += status in ACCEPTING
    code = _s(result, "code", "result") or (
        "A" if accepted == received else "R" if accepted == 0 else "P"
    )
    out.append(
        _seg(
            "AK9",
            code,
            _s(result, "included", "result") or str(received),
            _s(result, "received", "result") or str(received),
            _s(result, "accepted", "result") or str(accepted),
            *[str(c) for c in _list(result, "error_codes", "result")][:5],
        )
    )
    out.append(Segment("SE", ["0", ctl]))
    return out
