"""Acknowledgments in plain words: what a 999, TA1 or 277CA says about our claims.

Pure functions (no database): the intake (:mod:`cleanclaim.clearinghouses.intake`) reads
a file with them and writes what they say onto batches and claims.

- :func:`kind_of`: the kind of a received file from its content (a TA1 segment; ST01
  999; ST01 277 with GS08 ``005010X214`` for a 277CA, else a 277; ST01 835).
- :func:`read_ta1`, :func:`read_999`, :func:`read_277ca`: the verdicts, typed.
- :func:`explain_ta1` (TA105 interchange note code), :func:`explain_set` (999 IK3/IK4
  and IK5 codes), :func:`explain_stc` (STC01 category, status and entity code): each a
  :class:`Problem` with the plain words, the field to fix and where it is fixed.

Sources: the 999's IK304/IK403/IK502 codes are 005010X231A1's (the engine's
:class:`~cleanclaim.x12.IK304`/:class:`~cleanclaim.x12.IK403` and the guide's
:class:`~cleanclaim.x12.x231a1_999.codes.SetSyntaxError`); TA105 is X12 element I18
(interchange note code); STC01-1 is the claim status category code list (code source
507), STC01-2 the claim status code list (code source 508), STC01-3 the entity
identifier code (X12 element 98). The plain words for 507, 508 (the common codes),
98 and TA105 are data, ``ack_codes.csv`` beside this module; a code not in it is named
by its number.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from cleanclaim.x12 import IK304, IK403, X12Error, parse, tokenize
from cleanclaim.x12.x212_276_277.view import ClaimStatus, StatusInformation, StatusReport
from cleanclaim.x12.x231a1_999.codes import SetSyntaxError
from cleanclaim.x12.x231a1_999.view import Acknowledgment, SetResponse

__all__ = [
    "ClaimAck",
    "GroupAck",
    "InterchangeAck",
    "Problem",
    "explain_set",
    "explain_stc",
    "explain_ta1",
    "kind_of",
    "read_277ca",
    "read_999",
    "read_ta1",
]

#: GS08 of a 277CA (the 277 of 005010X212 is a claim status answer).
VERSION_277CA = "005010X214"
#: STC01-1 categories that mean the claim did not enter adjudication.
REJECTING = frozenset({"A3", "A6", "A7", "A8"})
#: STC03 action codes of a 277CA.
ACCEPT, REJECT = "WQ", "U"


@dataclass(frozen=True, slots=True)
class Problem:
    """One reason, as a biller reads it: ``text``; the field to fix and where to fix it
    (``""``: nothing to fix there); ``code``: the codes it was read from."""

    text: str
    field: str = ""
    where: str = ""
    code: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"text": self.text, "field": self.field, "where": self.where, "code": self.code}


@cache
def _codes() -> dict[tuple[str, str], dict[str, str]]:
    path = Path(__file__).with_name("ack_codes.csv")
    with path.open(newline="", encoding="utf-8") as fh:
        return {(row["list"], row["code"]): row for row in csv.DictReader(fh)}


def _row(listed: str, code: str) -> dict[str, str]:
    return _codes().get((listed, code), {})


def _enum_words(holder: type[Any], code: str) -> str:
    """The words of a code from its constant's name (``TOO_LONG`` → "too long")."""
    for name in dir(holder):
        if not name.startswith("_") and str(getattr(holder, name)) == code:
            return name.lower().replace("_", " ")
    return f"code {code}"


# -- kinds -----------------------------------------------------------------------------


def kind_of(data: bytes) -> str:
    """``"TA1"``, ``"999"``, ``"277CA"``, ``"277"``, ``"835"`` or ``"other"``, from the
    content (file names differ between clearinghouses; the content does not). A TA1
    beside a transaction set is the set's kind (the intake reads the TA1 too)."""
    try:
        _, segments = tokenize(data)
    except X12Error:
        return "other"
    group_version = ""
    saw_ta1 = False
    for seg in segments:
        if seg.id == "TA1":
            saw_ta1 = True
        if seg.id == "GS":
            group_version = seg.get(8)
        if seg.id == "ST":
            st01 = seg.get(1)
            if st01 == "999":
                return "999"
            if st01 == "835":
                return "835"
            if st01 == "277":
                version = seg.get(3) or group_version
                return "277CA" if version.startswith(VERSION_277CA) else "277"
            return "other"
    return "TA1" if saw_ta1 else "other"


# -- TA1 -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InterchangeAck:
    """A TA1: the interchange acknowledged (TA101 = its ISA13), TA104 and TA105."""

    control_number: str
    code: str  # TA104: A accepted, E accepted with errors, R rejected
    note_code: str  # TA105

    @property
    def rejected(self) -> bool:
        return self.code == "R"

    def problem(self) -> Problem:
        return explain_ta1(self.note_code)


def read_ta1(data: bytes) -> list[InterchangeAck]:
    """Every TA1 segment of the file (X12Error when unreadable)."""
    _, segments = tokenize(data)
    return [InterchangeAck(s.get(1), s.get(4), s.get(5)) for s in segments if s.id == "TA1"]


def explain_ta1(note_code: str) -> Problem:
    """TA105 (interchange note code) in plain words; the ISA element to fix."""
    row = _row("TA105", note_code)
    text = row.get("meaning") or f"interchange note code {note_code}"
    return Problem(text, row.get("field", ""), row.get("where", ""), f"TA105 {note_code}")


# -- 999 -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GroupAck:
    """One 999: the interchange it came in (ISA13 of the 999 itself, for the record) and
    what it acknowledges."""

    acknowledgment: Acknowledgment

    @property
    def group_control_number(self) -> str:
        """AK102: the GS06 of our group."""
        return self.acknowledgment.group_control_number.lstrip("0") or "0"


def read_999(data: bytes) -> list[GroupAck]:
    """Every 999 transaction set of the file (X12Error when unreadable)."""
    parsed = parse(data)
    return [GroupAck(t.data.acknowledgment) for t in parsed.transactions if t.ts.set_id == "999"]


def _element_name(segment_id: str, position: str) -> str:
    return f"{segment_id}{int(position):02d}" if position.isdigit() else segment_id


def explain_set(response: SetResponse) -> list[Problem]:
    """Why a transaction set was not accepted (or accepted with errors): each IK3
    segment error and each IK4 element error, the segment and element named; the IK5
    codes when no segment is named."""
    out: list[Problem] = []
    for seg in response.segment_errors:
        where_in = f"segment {seg.segment_id} at position {seg.position}"
        if seg.loop:
            where_in += f" in loop {seg.loop}"
        unit = f" (claim {seg.business_unit[1]})" if seg.business_unit else ""
        if not seg.element_errors:
            words = _enum_words(IK304, seg.code)
            out.append(
                Problem(
                    f"{words.capitalize()}: {where_in}{unit}",
                    seg.segment_id,
                    "the claim",
                    f"IK304 {seg.code}",
                )
            )
        for el in seg.element_errors:
            name = _element_name(seg.segment_id, el.position)
            words = _enum_words(IK403, el.code)
            bad = f" ({el.value!r})" if el.value else ""
            out.append(
                Problem(
                    f"{name} {words}{bad}: {where_in}{unit}",
                    name,
                    "the claim",
                    f"IK403 {el.code}",
                )
            )
    if not out and not response.accepted:
        for code in response.error_codes or ("",):
            words = _enum_words(SetSyntaxError, code) if code else "rejected"
            out.append(
                Problem(
                    f"Transaction set {response.control_number}: {words}",
                    "",
                    "",
                    f"IK5 {response.status} {code}".strip(),
                )
            )
    return out


# -- 277CA -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClaimAck:
    """One claim of a 277CA: our patient control number (2200D TRN02), the verdict and
    its reasons, and the payer's claim control number (REF*1K) when accepted."""

    patient_control_number: str
    accepted: bool
    problems: tuple[Problem, ...] = ()
    payer_claim_number: str = ""
    trace: str = ""  # REF*D9 clearinghouse trace number
    codes: tuple[str, ...] = field(default_factory=tuple)


def explain_stc(info: StatusInformation) -> Problem:
    """One STC01 (category:status:entity) in plain words, e.g. ``A7:562:85`` →
    "Billing provider's NPI is not valid", field "Billing provider NPI", fixed in
    practice set-up."""
    category = info.health_care_claim_status_category_code
    status = info.health_care_claim_status_code
    entity = info.entity_identifier_code
    code = ":".join(c for c in (category, status, entity) if c)
    cat = _row("507", category)
    st = _row("508", status)
    ent = _row("98", entity)
    cat_words = cat.get("meaning") or f"status category {category}"
    st_words = st.get("meaning") or (f"status code {status}" if status else "")
    who = ent.get("meaning", "")
    if category in ("A6", "A7", "A8") and st:
        subject = f"{who}'s {st_words}" if who else st_words[:1].upper() + st_words[1:]
        text = f"{subject} is {cat_words}"
    elif category in ("A6", "A7", "A8"):
        subject = f"{who}'s information" if who else "Information"
        text = f"{subject} is {cat_words}" + (f" ({st_words})" if st_words else "")
    else:
        text = f"{cat_words}: {st_words}" if st_words else cat_words
        if who:
            text += f" ({who})"
    fix_field = st.get("field", "")
    if fix_field and who:
        fix_field = f"{who} {fix_field}"
    where = ent.get("where") or st.get("where") or cat.get("where", "")
    if category not in REJECTING and not category.startswith("E"):
        fix_field, where = "", ""
    return Problem(text, fix_field, where, code)


def _statuses(claim: ClaimStatus) -> list[tuple[str, StatusInformation]]:
    out: list[tuple[str, StatusInformation]] = []
    for stc in claim.statuses:
        for info in (
            stc.health_care_claim_status,
            stc.health_care_claim_status_2,
            stc.health_care_claim_status_3,
        ):
            if info is not None:
                out.append((stc.action_code, info))
    return out


def claim_ack(claim: ClaimStatus) -> ClaimAck:
    """The verdict on one claim of a 277CA: rejected when STC03 is ``U`` or a category
    is A3/A6/A7/A8; accepted otherwise."""
    found = _statuses(claim)
    rejected = any(
        action == REJECT or info.health_care_claim_status_category_code in REJECTING
        for action, info in found
    )
    problems = tuple(
        explain_stc(info)
        for _, info in found
        if not rejected or info.health_care_claim_status_category_code in REJECTING
    )
    return ClaimAck(
        patient_control_number=claim.trace.reference_identification if claim.trace else "",
        accepted=not rejected,
        problems=problems,
        payer_claim_number=claim.reference("1K") or "",
        trace=claim.reference("D9") or "",
        codes=tuple(
            ":".join(
                c
                for c in (
                    info.health_care_claim_status_category_code,
                    info.health_care_claim_status_code,
                    info.entity_identifier_code,
                )
                if c
            )
            for _, info in found
        ),
    )


def status_reports(data: bytes, set_id: str = "277") -> list[StatusReport]:
    """The status reports (277CA or 277) of a file."""
    parsed = parse(data)
    return [t.data.report for t in parsed.transactions if t.ts.set_id == set_id]


def read_277ca(data: bytes) -> list[ClaimAck]:
    """Every claim of every 277CA set of the file, in file order."""
    return [claim_ack(c) for report in status_reports(data) for c in report.claims]
