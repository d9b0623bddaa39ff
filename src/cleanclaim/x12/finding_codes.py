"""The catalogue of the X12 engine's finding codes: code → meaning → fix → 999 codes.

Every :class:`~cleanclaim.x12._errors.Finding` the engine emits carries one of these
``code`` values (a test runs the engine over the samples in ``../shared/data/x12``
and over mutated golden files and holds it to that, with the IK304/IK403 each
finding carries). The scrubber takes a syntax finding's fix from here, and the
catalogue is shown where the scrubber's rule catalogue is (``/scrub/rules/``,
``cleanclaim scrub --catalogue``, ``docs/edits.md``)::

    from cleanclaim.x12.finding_codes import FINDING_CODES, catalogue
    FINDING_CODES["837p.date"].fix

``ik304`` lists the 999 IK304 segment syntax error codes (X12 element 620) a finding
of that code can carry, ``ik403`` the IK403 element syntax error codes (element
621); several when the engine picks one by what failed (e.g. ``x12.hl.child-code``).
An empty tuple: the finding carries no such code (envelope findings are answered
in the 999's IK5/AK9, not with an IK3/IK4). The code lists are 005010X231A1's.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._errors import IK304, IK403

__all__ = ["FINDING_CODES", "FindingCode", "catalogue"]


@dataclass(frozen=True, slots=True)
class FindingCode:
    """One catalogue row."""

    code: str
    meaning: str
    fix: str
    ik304: tuple[str, ...] = ()
    ik403: tuple[str, ...] = ()
    severity: str = "error"

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity,
            "meaning": self.meaning,
            "fix": self.fix,
            "ik304": list(self.ik304),
            "ik403": list(self.ik403),
        }


_ELEMENT = (IK304.SEGMENT_HAS_ELEMENT_ERRORS,)
_REGENERATE = "Regenerate the file, or have the sending system correct its envelope."

_ROWS: tuple[FindingCode, ...] = (
    # -- envelopes (ISA/IEA, GS/GE, ST/SE): answered in the 999's IK5/AK9 -------------
    FindingCode(
        "x12.envelope.iea-missing",
        "The interchange has no IEA trailer: the file is cut short.",
        "Send the whole file; it must end with IEA.",
    ),
    FindingCode(
        "x12.envelope.iea-control",
        "IEA02 is not the interchange control number of its ISA13.",
        "Make IEA02 equal ISA13. " + _REGENERATE,
    ),
    FindingCode(
        "x12.envelope.iea-count",
        "IEA01 does not count the functional groups (GS) of the interchange.",
        "Set IEA01 to the number of GS groups. " + _REGENERATE,
    ),
    FindingCode(
        "x12.envelope.ge-missing",
        "A functional group has no GE trailer.",
        "End every GS group with GE.",
    ),
    FindingCode(
        "x12.envelope.ge-control",
        "GE02 is not the group control number of its GS06.",
        "Make GE02 equal GS06. " + _REGENERATE,
    ),
    FindingCode(
        "x12.envelope.ge-count",
        "GE01 does not count the transaction sets (ST) of the group.",
        "Set GE01 to the number of ST sets in the group. " + _REGENERATE,
    ),
    FindingCode(
        "x12.envelope.se-missing",
        "A transaction set has no SE trailer.",
        "End every ST set with SE.",
        (IK304.REQUIRED_SEGMENT_MISSING,),
    ),
    FindingCode(
        "x12.envelope.se-control",
        "SE02 is not the transaction set control number of its ST02.",
        "Make SE02 equal ST02. " + _REGENERATE,
    ),
    FindingCode(
        "x12.envelope.se-count",
        "SE01 does not count the segments of the set (ST to SE inclusive).",
        "Set SE01 to the number of segments from ST to SE. " + _REGENERATE,
    ),
    FindingCode(
        "x12.envelope.st-control-duplicate",
        "Two transaction sets of one group have the same control number (ST02).",
        "Give each ST of the group its own control number.",
    ),
    FindingCode(
        "x12.st.guide",
        "ST03 names a different implementation guide than GS08; the set is read with "
        "the guide of ST03.",
        "Make ST03 and GS08 name the same guide version.",
        _ELEMENT,
        (IK403.INVALID_CODE_VALUE,),
        "warning",
    ),
    # -- how the file was written: read, with a warning ---------------------------------
    FindingCode(
        "x12.layout.pretty-printed",
        "The file is pretty-printed (line breaks, blank lines or indentation between "
        "segments); the blanks were ignored.",
        "Nothing to fix for cleanclaim; some receivers refuse such files, so send one "
        "segment after another with only the segment terminator (and at most a line "
        "break) between them.",
        severity="warning",
    ),
    FindingCode(
        "x12.isa.repetition-separator-unused",
        "ISA11 cannot separate repetitions (it is the component separator, or a letter, "
        "digit or space), so repetitions are treated as unused.",
        "Put a separate character in ISA11 (5010: e.g. ^), distinct from the element and "
        "component separators and the segment terminator.",
        severity="warning",
    ),
    FindingCode(
        "x12.version.base-release",
        "The version is a 5010 base release published before the errata (e.g. "
        "005010X222); it was read and checked with the errata guide (005010X222A1).",
        "Send the errata version the receiver expects (GS08 and ST03).",
        severity="warning",
    ),
    FindingCode(
        "x12.version.st03-overrides-gs08",
        "ST03 names another version than its group's GS08; the set was read as ST03 says.",
        "Make GS08 and ST03 name the same implementation guide version.",
        severity="warning",
    ),
    # -- structure: segments and loops against the guide --------------------------------
    FindingCode(
        "x12.segment.required-missing",
        "A segment the guide requires is missing.",
        "Add the segment named in the message.",
        (IK304.REQUIRED_SEGMENT_MISSING,),
    ),
    FindingCode(
        "x12.segment.unexpected",
        "A known segment appears where the guide does not expect it.",
        "Move or remove the segment named in the message.",
        (IK304.UNEXPECTED_SEGMENT,),
    ),
    FindingCode(
        "x12.segment.unrecognized",
        "A segment id the guide does not know.",
        "Remove the segment, or correct its id.",
        (IK304.UNRECOGNIZED_SEGMENT,),
    ),
    FindingCode(
        "x12.segment.over-maximum",
        "A segment repeats more often than the guide allows.",
        "Remove the extra repeats.",
        (IK304.SEGMENT_OVER_MAXIMUM_USE,),
    ),
    FindingCode(
        "x12.segment.not-used",
        "A segment the guide marks Not Used is present.",
        "Remove the segment.",
        (IK304.NOT_USED_SEGMENT_PRESENT,),
    ),
    FindingCode(
        "x12.loop.required-missing",
        "A loop the guide requires is missing.",
        "Add the loop named in the message.",
        (IK304.REQUIRED_SEGMENT_MISSING,),
    ),
    FindingCode(
        "x12.loop.over-maximum",
        "A loop repeats more often than the guide allows.",
        "Remove the extra repeats (or split them over several sets).",
        (IK304.LOOP_OVER_MAXIMUM,),
    ),
    FindingCode(
        "x12.hl.duplicate-id",
        "Two HL segments have the same id (HL01).",
        "Number the HL segments 1, 2, 3, ... in file order.",
        _ELEMENT,
        (IK403.PATTERN_MATCH_FAILURE,),
    ),
    FindingCode(
        "x12.hl.unknown-parent",
        "HL02 names a parent HL that does not come before it.",
        "Point HL02 at the id of an earlier HL.",
        _ELEMENT,
        (IK403.PATTERN_MATCH_FAILURE,),
    ),
    FindingCode(
        "x12.hl.wrong-parent",
        "HL02 names a parent of a level this level cannot sit under.",
        "Point HL02 at an HL of the level the guide puts above this one.",
        _ELEMENT,
        (IK403.PATTERN_MATCH_FAILURE,),
    ),
    # -- the 999's own rules -------------------------------------------------------------
    FindingCode(
        "999.ak9.verdict",
        "AK901 (the group's verdict) does not agree with the IK501 verdicts of its sets.",
        "Set AK901 to A when every set is accepted, P when some are, R (or E) when none.",
        _ELEMENT,
        (IK403.PATTERN_MATCH_FAILURE,),
    ),
    FindingCode(
        "999.ik5.accepts-errors",
        "IK501 accepts a transaction set (A) that has segment errors (IK3) reported.",
        "Reject the set (IK501 R) or accept it with errors noted (E), or drop the IK3s.",
        _ELEMENT,
        (IK403.PATTERN_MATCH_FAILURE,),
    ),
    # -- the 278's own rules -------------------------------------------------------------
    FindingCode(
        "x12.278.patient-event-missing",
        "The 278 has no patient event level (HL*EV) under the patient (the dependent, or "
        "the subscriber when there is no dependent).",
        "Add the 2000E patient event (HL*EV with UM) under the patient's HL.",
        (IK304.REQUIRED_SEGMENT_MISSING,),
    ),
    FindingCode(
        "x12.278.service-without-procedure",
        "A service level (2000F) names no procedure: it has no SV1, SV2 or SV3.",
        "Add SV1 (professional), SV2 (institutional) or SV3 (dental) with the procedure code.",
        (IK304.DEPENDENT_SEGMENT_MISSING,),
        severity="warning",
    ),
    FindingCode(
        "x12.278.response-without-decision",
        "A 278 response carries no decision: no HCR (certification) and no AAA (request "
        "validation).",
        "Answer each event or service with HCR, or say why the request was refused with AAA.",
        (IK304.DEPENDENT_SEGMENT_MISSING,),
        severity="warning",
    ),
    FindingCode(
        "x12.hl.child-code",
        "HL04 (hierarchical child code) says 1 for a level without children, or 0 for one "
        "with children.",
        "Set HL04 to 1 when other HL levels sit under this one, else 0.",
        _ELEMENT,
        (IK403.PATTERN_MATCH_FAILURE,),
    ),
    # -- elements --------------------------------------------------------------------------
    FindingCode(
        "x12.element.required-missing",
        "An element the guide requires is empty or absent.",
        "Fill in the element named in the message.",
        _ELEMENT,
        (IK403.REQUIRED_ELEMENT_MISSING,),
    ),
    FindingCode(
        "x12.element.invalid-code",
        "An element holds a code the guide does not allow there.",
        "Use one of the codes the guide lists for the element.",
        _ELEMENT,
        (IK403.INVALID_CODE_VALUE,),
    ),
    FindingCode(
        "x12.element.unknown-external-code",
        "An element holds a value that is not in its external code list.",
        "Use a value of the code list named in the message.",
        _ELEMENT,
        (IK403.INVALID_CODE_VALUE,),
    ),
    FindingCode(
        "x12.element.invalid-date",
        "An element that holds a date does not hold a valid one.",
        "Write the date as CCYYMMDD (or the format the element names).",
        _ELEMENT,
        (IK403.INVALID_DATE,),
    ),
    FindingCode(
        "x12.element.invalid-time",
        "An element that holds a time does not hold a valid one.",
        "Write the time as HHMM or HHMMSS.",
        _ELEMENT,
        (IK403.INVALID_TIME,),
    ),
    FindingCode(
        "x12.element.not-a-number",
        "A numeric element holds something that is not a number.",
        "Write the amount or quantity with digits and at most one decimal point.",
        _ELEMENT,
        (IK403.INVALID_CHARACTER,),
    ),
    FindingCode(
        "x12.element.not-an-integer",
        "A whole-number element holds something that is not a whole number.",
        "Write the value as digits only.",
        _ELEMENT,
        (IK403.INVALID_CHARACTER,),
    ),
    FindingCode(
        "x12.element.too-short",
        "An element is shorter than the guide's minimum length.",
        "Give the element its full length (pad codes as the guide says).",
        _ELEMENT,
        (IK403.TOO_SHORT,),
    ),
    FindingCode(
        "x12.element.too-long",
        "An element is longer than the guide's maximum length.",
        "Shorten the element to the guide's maximum.",
        _ELEMENT,
        (IK403.TOO_LONG,),
    ),
    FindingCode(
        "x12.element.not-used",
        "An element the guide marks Not Used holds a value.",
        "Leave the element empty.",
        _ELEMENT,
        (IK403.NOT_USED_ELEMENT_PRESENT,),
    ),
    FindingCode(
        "x12.element.too-many",
        "A segment has more elements than the guide defines.",
        "Remove the extra elements (check for a stray element separator).",
        _ELEMENT,
        (IK403.TOO_MANY_ELEMENTS,),
    ),
    FindingCode(
        "x12.element.too-many-components",
        "A composite element has more components than the guide defines.",
        "Remove the extra components (check the component separator of ISA16).",
        _ELEMENT,
        (IK403.TOO_MANY_COMPONENTS,),
    ),
    FindingCode(
        "x12.element.unexpected-composite",
        "A simple element holds components (the component separator of ISA16).",
        "Remove the component separator from the value.",
        _ELEMENT,
        (IK403.TOO_MANY_COMPONENTS,),
    ),
    FindingCode(
        "x12.element.too-many-repeats",
        "An element repeats more often than the guide allows.",
        "Remove the extra repetitions.",
        _ELEMENT,
        (IK403.TOO_MANY_REPETITIONS,),
    ),
    FindingCode(
        "x12.element.syntax-rule",
        "The segment breaks one of its syntax rules (elements that go together, one "
        "of several required, elements that exclude each other).",
        "Give or remove the elements the message names.",
        _ELEMENT,
        (IK403.CONDITIONAL_ELEMENT_MISSING, IK403.EXCLUSION_VIOLATED),
    ),
    # -- 837P (005010X222A1) relational rules ------------------------------------------------
    FindingCode(
        "837p.hl",
        "The 837P HL hierarchy is broken: an id, parent, level or child code that does "
        "not fit (HL01-HL04).",
        "Number the HLs in order, each pointing at its parent: 20 billing provider, "
        "22 subscriber, 23 patient.",
        _ELEMENT,
        (IK403.INVALID_CODE_VALUE, IK403.PATTERN_MATCH_FAILURE),
    ),
    FindingCode(
        "837p.date",
        "A date in the 837P is not a valid calendar date.",
        "Write the date as CCYYMMDD (or CCYYMMDD-CCYYMMDD for RD8).",
        _ELEMENT,
        (IK403.INVALID_DATE,),
    ),
    FindingCode(
        "837p.address.state",
        "N402 is not a US state, territory or military code (an N4 without a country).",
        "Use the two-letter postal code of the state.",
        _ELEMENT,
        (IK403.INVALID_CODE_VALUE,),
    ),
    FindingCode(
        "837p.billing.zip9",
        "The billing provider's ZIP code (2010AA N403) is not nine digits.",
        "Give the billing provider's full ZIP+4.",
        _ELEMENT,
        (IK403.PATTERN_MATCH_FAILURE,),
    ),
    FindingCode(
        "837p.billing.tax-id",
        "The billing provider has no tax id (2010AA REF*EI or REF*SY).",
        "Add REF*EI (EIN) or REF*SY (SSN) to loop 2010AA.",
        (IK304.REQUIRED_SEGMENT_MISSING,),
    ),
    FindingCode(
        "837p.provider.npi",
        "An NPI (NM109 with NM108 XX) fails its length or Luhn check digit.",
        "Correct the NPI from NPPES.",
        _ELEMENT,
        (IK403.PATTERN_MATCH_FAILURE,),
    ),
    FindingCode(
        "837p.subscriber.relationship",
        "SBR02 and the loops disagree: claims sit directly under the subscriber (2000B) "
        "but SBR02 is not 18 (self) - an error; or SBR02 is 18 but a patient loop (2000C) "
        "follows - a warning.",
        "Use SBR02 18 when the subscriber is the patient and give no 2000C loop; "
        "otherwise give the patient's 2000C loop and the relationship in PAT01.",
        _ELEMENT,
        (
            IK403.REQUIRED_ELEMENT_MISSING,
            IK403.INVALID_CODE_VALUE,
            IK403.DEPENDENT_NOT_USED_ELEMENT_PRESENT,
        ),
    ),
    FindingCode(
        "837p.claim.balance",
        "The claim's total charge (CLM02) is not the sum of its line charges (SV102).",
        "Make CLM02 the sum of the SV102 amounts.",
        _ELEMENT,
        (IK403.PATTERN_MATCH_FAILURE,),
    ),
    FindingCode(
        "837p.claim.diagnosis",
        "The claim's diagnoses (HI) are missing or malformed: no principal diagnosis, "
        "a principal (ABK) that is not first, a code written with its dot or empty, more "
        "than 12 diagnoses.",
        "Give the principal diagnosis first as ABK and the others as ABF, codes without "
        "the dot, at most 12.",
        (IK304.REQUIRED_SEGMENT_MISSING, IK304.SEGMENT_HAS_ELEMENT_ERRORS),
        (
            IK403.REQUIRED_ELEMENT_MISSING,
            IK403.INVALID_CHARACTER,
            IK403.INVALID_CODE_VALUE,
        ),
    ),
    FindingCode(
        "837p.claim.frequency-ref",
        "A replacement or void claim (CLM05-3 7 or 8) has no payer claim control number (REF*F8).",
        "Add REF*F8 with the payer's claim number of the claim being replaced or voided.",
        _ELEMENT,
        (IK403.DEPENDENT_ELEMENT_MISSING,),
    ),
    FindingCode(
        "837p.line.number",
        "The service lines are not numbered 1, 2, 3, ... (LX01).",
        "Number the LX segments of each claim from 1.",
        _ELEMENT,
        (IK403.PATTERN_MATCH_FAILURE,),
    ),
    FindingCode(
        "837p.line.pointer",
        "A line's diagnosis pointer (SV107) points at no diagnosis of the claim.",
        "Point SV107 at 1 to 12, the position of a diagnosis in the claim's HI.",
        _ELEMENT,
        (IK403.INVALID_CODE_VALUE,),
    ),
    FindingCode(
        "837p.line.service-date",
        "A service line has no date of service (DTP*472) and the claim gives none.",
        "Add DTP*472 to the line.",
        (IK304.REQUIRED_SEGMENT_MISSING,),
    ),
    # -- other guides ------------------------------------------------------------------------
    FindingCode(
        "999.ak9.count",
        "A 999's AK9 counts disagree with its IK5 responses.",
        "Recount AK902-AK904 from the IK5 segments.",
        _ELEMENT,
        (IK403.PATTERN_MATCH_FAILURE,),
    ),
    FindingCode(
        "x12.835.line-out-of-balance",
        "An 835 service line's charge minus its adjustments is not its payment.",
        "Ask the payer for a corrected 835; post nothing from the line until it balances.",
        _ELEMENT,
        (IK403.PATTERN_MATCH_FAILURE,),
    ),
    FindingCode(
        "x12.835.claim-out-of-balance",
        "An 835 claim's charge minus its adjustments is not its payment.",
        "Ask the payer for a corrected 835; post nothing from the claim until it balances.",
        _ELEMENT,
        (IK403.PATTERN_MATCH_FAILURE,),
    ),
    FindingCode(
        "x12.835.payment-out-of-balance",
        "The 835's total payment (BPR02) is not the sum of its claim payments and "
        "provider adjustments.",
        "Ask the payer for a corrected 835.",
        _ELEMENT,
        (IK403.PATTERN_MATCH_FAILURE,),
    ),
    FindingCode(
        "x12.277ca.action-contradicts-category",
        "A 277CA status's action code contradicts its status category (accepted with a "
        "rejection category, or the reverse).",
        "Read the status category; ask the clearinghouse which one holds.",
        _ELEMENT,
        (IK403.PATTERN_MATCH_FAILURE,),
        "warning",
    ),
)

#: code -> row, in catalogue order.
FINDING_CODES: dict[str, FindingCode] = {row.code: row for row in _ROWS}


def catalogue() -> list[dict[str, object]]:
    """One JSON-ready row per code, sorted by code."""
    return [FINDING_CODES[c].as_dict() for c in sorted(FINDING_CODES)]
