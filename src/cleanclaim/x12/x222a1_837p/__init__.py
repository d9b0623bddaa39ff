"""837P Health Care Claim: Professional, 005010X222A1 (also read: 005010X222A2).

005010X222A2 is the second errata of the same guide; its structure and code
lists for what we read are the same as A1's, so both versions map to this
package (the version read is kept and echoed). We write 005010X222A1.

Loop tree (implementation guide order; R = required, S = situational)::

    ST  BHT                                         Header
    ├── 1000A  NM1*41 PER                           Submitter (R)
    ├── 1000B  NM1*40                               Receiver (R)
    └── 2000A  HL*..*20 [PRV*BI] [CUR]              Billing provider level (R, repeats)
        ├── 2010AA NM1*85 N3 N4 REF*EI|SY [PER]     Billing provider (R; N403 = ZIP+4)
        ├── 2010AB NM1*87 N3 N4                     Pay-to address (S)
        ├── 2010AC NM1*PE N3 N4 REF                 Pay-to plan (S)
        └── 2000B  HL*..*22 SBR [PAT]               Subscriber level (R, repeats)
            ├── 2010BA NM1*IL [N3 N4] [DMG] [REF]   Subscriber (R)
            ├── 2010BB NM1*PR [N3 N4] [REF]         Payer (R)
            ├── 2300   CLM ...                      Claims when the patient is the subscriber
            └── 2000C  HL*..*23 PAT                 Patient level (S: patient ≠ subscriber)
                ├── 2010CA NM1*QC N3 N4 DMG         Patient (R)
                └── 2300   CLM ...                  Claims for this patient

    2300  CLM [DTP...] [PWK] [CN1] [AMT*F5] [REF...] [K3] [NTE] [CR1] [CR2] [CRC] HI [HCP]
    ├── 2310A NM1*DN|P3 [REF]                       Referring provider
    ├── 2310B NM1*82 [PRV*PE] [REF]                 Rendering provider
    ├── 2310C NM1*77 N3 N4 [REF] [PER]              Service facility
    ├── 2310D NM1*DQ [REF]                          Supervising provider
    ├── 2310E NM1*PW N3 N4 / 2310F NM1*45 N3 N4     Ambulance pick-up / drop-off
    ├── 2320  SBR [CAS] [AMT*D|A8|EAF] OI [MOA]     Other subscriber (COB, up to 10)
    │   └── 2330A NM1*IL  2330B NM1*PR [DTP*573]  2330C-G other payer providers
    └── 2400  LX SV1 [SV5] [PWK] [CR1] [CR3] [CRC] DTP*472 [QTY] [MEA] [CN1] [REF]
              [AMT] [K3] [NTE] [PS1] [HCP]          Service line (R, up to 50)
        ├── 2410  LIN CTP [REF]                     Drug (NDC)
        ├── 2420A-H NM1*82|QB|77|DQ|DK|DN|PW|45     Line providers and locations
        ├── 2430  SVD [CAS] DTP*573 [AMT*EAF]       Line adjudication by a prior payer
        └── 2440  LQ FRM                            Form identification
    SE

The loops are data (:mod:`.loops`: pyx12's ``837.5010.X222.A1.xml`` map plus our
documented corrections in ``patches_5010.json``), placed by the guide kit
(:mod:`cleanclaim.x12.guidekit`). Modules (the same names in every guide package):
:mod:`.parsing` (read: the placed tree), :mod:`.validation` (the guide's structure
and element checks, then the 837P's relational rules over the tree), :mod:`.codes`
(code values), :mod:`.view` (plain claims with Decimal money), :mod:`.json` (the
JSON view), :mod:`.building` (JSON → 837P), :mod:`.writing` (write back).
"""

from __future__ import annotations

from typing import Any

from .._registry import Guide
from .._segments import Delimiters
from .json import to_json
from .other_payers import Adjustment, LineAdjudication, OtherPayer, OtherSubscriber
from .parsing import VERSIONS, Transaction837P, parse
from .validation import validate_837p
from .view import Claim, ServiceLine, claims
from .writing import from_json, write

__all__ = [
    "GUIDE",
    "Adjustment",
    "Claim",
    "LineAdjudication",
    "OtherPayer",
    "OtherSubscriber",
    "ServiceLine",
    "Transaction837P",
    "business_units",
    "claims",
    "parse_837p",
    "read_claims",
    "validate_837p",
    "write_837p",
]

#: The registry's names for the reader and writer (kept for callers of the package).
parse_837p = parse
write_837p = write


def _to_json(tx: Any, d: Delimiters) -> dict[str, Any]:
    return to_json(tx, d)


def read_claims(data: bytes | str) -> list[Claim]:
    """Every 837P claim in a file as a plain :class:`Claim` (raises ``X12Error`` if unusable).

    Other transaction sets in the file are skipped; validation is not run (call
    :func:`cleanclaim.x12._validate` on :func:`cleanclaim.x12.parse`'s result for that).
    """
    from .._validate import parse as parse_file

    out: list[Claim] = []
    for t in parse_file(data).transactions:
        if isinstance(t.data, Transaction837P):
            out.extend(claims(t.data))
    return out


def business_units(tx: Transaction837P) -> dict[int, tuple[str, str]]:
    """Segment position → ``("CLM01", patient control number)`` for every segment of a claim."""
    out: dict[int, tuple[str, str]] = {}
    for bp in tx.tree.loops("2000A"):
        for sub in bp.loops("2000B"):
            loops = list(sub.loops("2300"))
            for pat in sub.loops("2000C"):
                loops.extend(pat.loops("2300"))
            for claim in loops:
                clm = claim.first("CLM")
                if clm is None:
                    continue
                unit = ("CLM01", clm.get(1))
                for seg in claim.walk():
                    if seg.segment.position:
                        out[seg.segment.position] = unit
    return out


GUIDE = Guide(
    name="837P",
    st01="837",
    versions=VERSIONS,
    functional_id="HC",
    parse=parse,
    write=write,
    validate=validate_837p,
    to_json=_to_json,
    from_json=from_json,
    title="Health Care Claim: Professional",
    business_units=business_units,
)
