"""837P element rules as data (005010X222A1): per loop and segment, which elements
the guide requires and which code values it allows. Applied by
:func:`cleanclaim.x12.structure.check_element_rules` during the validation walk.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ..structure import ElementRule
from .codes import (
    BenefitsAssignment,
    ClaimFrequency,
    EntityTypeQualifier,
    FilingIndicator,
    Gender,
    IndividualRelationship,
    PayerResponsibility,
    ProductServiceQualifier,
    ProviderAcceptAssignment,
    ReleaseOfInformation,
    UnitOfMeasure,
)

__all__ = ["ELEMENT_RULES", "KNOWN_TAGS", "RULES_BY"]


def _codes(*values: Any) -> frozenset[str]:
    out: set[str] = set()
    for v in values:
        if isinstance(v, type):
            out.update(m.value for m in v)  # type: ignore[attr-defined]
        else:
            out.add(str(v))
    return frozenset(out)


_YN = _codes("Y", "N")
#: 2300 DTP01: onset, initial treatment, last seen, acute manifestation, accident, LMP,
#: last X-ray, prescription, disability (314/360/361), last worked, return to work,
#: admission, discharge, assumed/relinquished care, first visit, repricer received.
_DTP_2300 = _codes(
    "431",
    "454",
    "304",
    "453",
    "439",
    "484",
    "455",
    "471",
    "314",
    "360",
    "361",
    "297",
    "296",
    "435",
    "096",
    "090",
    "091",
    "444",
    "050",
)
#: 2400 DTP01: service, prescription, CMN revision/begin therapy/last certification,
#: last seen, test dates (738 hemoglobin/hematocrit, 739 serum creatine), shipped,
#: last X-ray, initial treatment.
_DTP_2400 = _codes("472", "471", "607", "463", "461", "304", "738", "739", "011", "455", "454")
#: 2300 REF01: service authorization exception, Medicare crossover, mammography,
#: referral, prior authorization, payer claim control number, CLIA, repriced claim
#: numbers, investigational device, clearinghouse trace, medical record, demonstration
#: project, care plan oversight.
_REF_2300 = _codes(
    "4N", "F5", "EW", "9F", "G1", "F8", "X4", "9A", "9C", "LX", "D9", "EA", "P4", "1J"
)
_PERSON_OR_ORG = _codes(EntityTypeQualifier)
_NPI = _codes("XX")
#: PWK02 Attachment Transmission Code as 005010X222A1 lists it (``AD`` of the base guide is gone).
_PWK02 = _codes("AA", "BM", "EL", "EM", "FT", "FX")

ELEMENT_RULES: tuple[ElementRule, ...] = (
    ElementRule("HEADER", "ST", 1, required=True, codes=_codes("837")),
    ElementRule("HEADER", "ST", 3, required=True, name="ST03 Implementation Convention Reference"),
    ElementRule("HEADER", "BHT", 1, required=True, codes=_codes("0019")),
    ElementRule("HEADER", "BHT", 2, required=True, codes=_codes("00", "18")),
    ElementRule("HEADER", "BHT", 3, required=True),
    ElementRule("HEADER", "BHT", 4, required=True),
    ElementRule("HEADER", "BHT", 5, required=True),
    ElementRule("HEADER", "BHT", 6, required=True, codes=_codes("31", "CH", "RP")),
    ElementRule("1000A", "NM1", 2, required=True, codes=_PERSON_OR_ORG),
    ElementRule("1000A", "NM1", 3, required=True, name="Submitter name (NM103)"),
    ElementRule("1000A", "NM1", 8, required=True, codes=_codes("46")),
    ElementRule("1000A", "NM1", 9, required=True, name="Submitter identifier (NM109)"),
    ElementRule("1000A", "PER", 1, required=True, codes=_codes("IC")),
    ElementRule("1000A", "PER", 3, required=True, codes=_codes("EM", "FX", "TE")),
    ElementRule("1000A", "PER", 4, required=True),
    ElementRule("1000B", "NM1", 2, required=True, codes=_codes("2")),
    ElementRule("1000B", "NM1", 3, required=True, name="Receiver name (NM103)"),
    ElementRule("1000B", "NM1", 8, required=True, codes=_codes("46")),
    ElementRule("1000B", "NM1", 9, required=True, name="Receiver identifier (NM109)"),
    ElementRule("2000A", "HL", 1, required=True),
    ElementRule("2000A", "HL", 3, required=True, codes=_codes("20")),
    ElementRule("2000A", "HL", 4, required=True, codes=_codes("1")),
    ElementRule("2000A", "PRV", 1, required=True, codes=_codes("BI")),
    ElementRule("2000A", "PRV", 2, required=True, codes=_codes("PXC")),
    ElementRule("2010AA", "NM1", 2, required=True, codes=_PERSON_OR_ORG),
    ElementRule("2010AA", "NM1", 3, required=True, name="Billing provider name (NM103)"),
    ElementRule("2010AA", "NM1", 8, required=True, codes=_NPI),
    ElementRule("2010AA", "NM1", 9, required=True, name="Billing provider NPI (NM109)"),
    ElementRule("2010AA", "N3", 1, required=True, name="Billing provider street (N301)"),
    ElementRule("2010AA", "N4", 1, required=True, name="Billing provider city (N401)"),
    ElementRule("2010AA", "REF", 1, required=True, codes=_codes("EI", "SY", "0B", "1G")),
    ElementRule("2010AB", "NM1", 2, required=True, codes=_PERSON_OR_ORG),
    ElementRule("2000B", "HL", 2, required=True, name="Subscriber HL parent (HL02)"),
    ElementRule("2000B", "HL", 3, required=True, codes=_codes("22")),
    ElementRule("2000B", "HL", 4, required=True, codes=_codes("0", "1")),
    ElementRule("2000B", "SBR", 1, required=True, codes=_codes(PayerResponsibility)),
    ElementRule("2000B", "SBR", 2, codes=_codes("18")),
    ElementRule("2000B", "SBR", 9, required=True, codes=_codes(FilingIndicator)),
    ElementRule("2010BA", "NM1", 2, required=True, codes=_PERSON_OR_ORG),
    ElementRule("2010BA", "NM1", 3, required=True, name="Subscriber last name (NM103)"),
    ElementRule("2010BA", "NM1", 8, codes=_codes("II", "MI")),
    ElementRule("2010BA", "DMG", 1, required=True, codes=_codes("D8")),
    ElementRule("2010BA", "DMG", 2, required=True, name="Subscriber birth date (DMG02)"),
    ElementRule("2010BA", "DMG", 3, required=True, codes=_codes(Gender)),
    ElementRule("2010BB", "NM1", 2, required=True, codes=_codes("2")),
    ElementRule("2010BB", "NM1", 3, required=True, name="Payer name (NM103)"),
    ElementRule("2010BB", "NM1", 8, required=True, codes=_codes("PI", "XV")),
    ElementRule("2010BB", "NM1", 9, required=True, name="Payer identifier (NM109)"),
    ElementRule("2000C", "HL", 2, required=True, name="Patient HL parent (HL02)"),
    ElementRule("2000C", "HL", 3, required=True, codes=_codes("23")),
    ElementRule("2000C", "HL", 4, required=True, codes=_codes("0")),
    ElementRule(
        "2000C",
        "PAT",
        1,
        required=True,
        codes=_codes("01", "19", "20", "21", "39", "40", "53", "G8"),
    ),
    ElementRule("2010CA", "NM1", 2, required=True, codes=_codes("1")),
    ElementRule("2010CA", "NM1", 3, required=True, name="Patient last name (NM103)"),
    ElementRule("2010CA", "DMG", 1, required=True, codes=_codes("D8")),
    ElementRule("2010CA", "DMG", 2, required=True, name="Patient birth date (DMG02)"),
    ElementRule("2010CA", "DMG", 3, required=True, codes=_codes(Gender)),
    ElementRule("2300", "CLM", 1, required=True, name="Patient control number (CLM01)"),
    ElementRule("2300", "CLM", 2, required=True, name="Total claim charge (CLM02)"),
    ElementRule(
        "2300", "CLM", 5, 1, required=True, name="Place of service (CLM05-1)", length=(1, 2)
    ),
    ElementRule("2300", "CLM", 5, 2, required=True, codes=_codes("B")),
    ElementRule("2300", "CLM", 5, 3, required=True, codes=_codes(ClaimFrequency)),
    ElementRule("2300", "CLM", 6, required=True, codes=_YN),
    ElementRule("2300", "CLM", 7, required=True, codes=_codes(ProviderAcceptAssignment)),
    ElementRule("2300", "CLM", 8, required=True, codes=_codes(BenefitsAssignment)),
    ElementRule("2300", "CLM", 9, required=True, codes=_codes(ReleaseOfInformation)),
    ElementRule("2300", "CLM", 10, codes=_codes("P")),
    ElementRule("2300", "AMT", 1, required=True, codes=_codes("F5")),
    ElementRule("2300", "DTP", 1, required=True, codes=_DTP_2300),
    ElementRule("2300", "REF", 1, required=True, codes=_REF_2300),
    ElementRule("2400", "DTP", 1, required=True, codes=_DTP_2400),
    ElementRule("2300", "PWK", 2, required=True, codes=_PWK02),
    ElementRule("2400", "PWK", 2, required=True, codes=_PWK02),
    ElementRule("2320", "AMT", 1, required=True, codes=_codes("D", "A8", "EAF")),
    ElementRule("2400", "AMT", 1, required=True, codes=_codes("T", "F4")),
    *(
        ElementRule("2300", "HI", n, 1, codes=_codes("ABK", "ABF", "BK", "BF", "BP", "BO", "BG"))
        for n in range(1, 13)
    ),
    ElementRule("2300", "HI", 1, 2, required=True, name="Diagnosis code (HI01-2)"),
    ElementRule("2310B", "NM1", 2, required=True, codes=_PERSON_OR_ORG),
    ElementRule("2310B", "NM1", 8, codes=_NPI),
    ElementRule("2310B", "PRV", 1, required=True, codes=_codes("PE")),
    ElementRule("2310C", "NM1", 2, required=True, codes=_codes("2")),
    ElementRule("2320", "SBR", 1, required=True, codes=_codes(PayerResponsibility)),
    ElementRule("2320", "SBR", 2, required=True, codes=_codes(IndividualRelationship)),
    ElementRule("2320", "SBR", 9, required=True, codes=_codes(FilingIndicator)),
    ElementRule("2320", "OI", 3, required=True, codes=_codes(BenefitsAssignment)),
    ElementRule("2320", "OI", 6, required=True, codes=_codes(ReleaseOfInformation)),
    ElementRule("2330A", "NM1", 8, required=True, codes=_codes("II", "MI")),
    ElementRule("2330B", "NM1", 8, required=True, codes=_codes("PI", "XV")),
    ElementRule("2400", "LX", 1, required=True, name="Line number (LX01)"),
    ElementRule("2400", "SV1", 1, 1, required=True, codes=_codes(ProductServiceQualifier)),
    ElementRule(
        "2400", "SV1", 1, 2, required=True, name="Procedure code (SV101-2)", length=(1, 48)
    ),
    *(
        ElementRule("2400", "SV1", 1, c, name=f"Modifier (SV101-{c})", length=(2, 2))
        for c in range(3, 7)
    ),
    ElementRule("2400", "SV1", 2, required=True, name="Line charge (SV102)"),
    ElementRule("2400", "SV1", 3, required=True, codes=_codes(UnitOfMeasure)),
    ElementRule("2400", "SV1", 4, required=True, name="Units (SV104)"),
    ElementRule("2400", "SV1", 7, 1, required=True, name="Diagnosis pointer (SV107-1)"),
    ElementRule("2400", "SV1", 9, codes=_codes("Y")),
    ElementRule("2400", "DTP", 2, required=True, codes=_codes("D8", "RD8")),
    ElementRule("2410", "LIN", 2, required=True, codes=_codes("N4")),
    ElementRule("2410", "LIN", 3, required=True, name="National Drug Code (LIN03)"),
    ElementRule("2410", "CTP", 4, required=True, name="Drug quantity (CTP04)"),
    ElementRule("2410", "CTP", 5, 1, required=True, codes=_codes("F2", "GR", "ME", "ML", "UN")),
    ElementRule("2420A", "NM1", 8, codes=_NPI),
    ElementRule("2430", "SVD", 1, required=True, name="Other payer identifier (SVD01)"),
    ElementRule("2430", "SVD", 2, required=True, name="Line paid amount (SVD02)"),
    ElementRule("2430", "DTP", 1, required=True, codes=_codes("573")),
)

RULES_BY: dict[tuple[str, str], list[ElementRule]] = defaultdict(list)
for _r in ELEMENT_RULES:
    RULES_BY[(_r.loop, _r.seg)].append(_r)

#: Every segment id the 837P uses (an unclaimed one is "unexpected", others "not in set").
_TAGS = """
ST BHT NM1 PER HL PRV CUR N3 N4 REF SBR PAT DMG CLM DTP PWK CN1 AMT K3 NTE CR1 CR2 CRC HI HCP CAS
OI MOA LX SV1 SV5 CR3 QTY MEA PS1 LIN CTP SVD LQ FRM SE
"""
KNOWN_TAGS = frozenset(_TAGS.split())
