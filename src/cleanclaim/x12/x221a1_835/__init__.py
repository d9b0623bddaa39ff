"""835 Health Care Claim Payment/Advice, implementation guide 005010X221A1.

Loop tree (data built from pyx12's map of the guide)::

    ST  Transaction Set Header
    BPR Financial Information                      R  total payment BPR02
    TRN Reassociation Trace Number                 R  check/EFT trace
    CUR, REF*EV, REF*F2, DTM*405                   S
    1000A Payer Identification                     R  N1*PR N3 N4 REF PER*CX PER*BL PER*IC
    1000B Payee Identification                     R  N1*PE N3 N4 REF RDM
    2000  Header Number                            S  LX TS3 TS2           (repeats)
      2100 Claim Payment Information               R  CLP CAS NM1*QC NM1*IL/74/82/TT/PR/GB
           MIA MOA REF DTM*232/233/036/050 PER AMT QTY                     (repeats)
        2110 Service Payment Information           S  SVC DTM CAS REF AMT QTY LQ (≤999)
    PLB Provider Adjustment                        S  (repeats)
    SE  Transaction Set Trailer

Modules (the same names in every guide package): :mod:`.segments` (typed
segments, fields named after their X12 elements), :mod:`.loops` (the loop tree
as data), :mod:`.codes` (BPR01/03/04, CLP02, CAS01, PLB03-1 enums),
:mod:`.parsing` (read), :mod:`.view` (typed remittance with Decimal money),
:mod:`.validation` (guide checks and balancing), :mod:`.writing` (write back),
:mod:`.building` (JSON fields → 835), :mod:`.json` (the JSON fields).
"""

from __future__ import annotations

from .._registry import Guide
from .building import build_segments
from .json import to_json
from .parsing import GUIDE as VERSION
from .parsing import VERSIONS, Transaction835, parse
from .validation import validate
from .writing import from_json, write

GUIDE = Guide(
    name="835",
    st01="835",
    versions=VERSIONS,
    functional_id="HP",
    parse=parse,
    write=write,
    validate=validate,
    to_json=to_json,
    from_json=from_json,
    title="Health Care Claim Payment/Advice (005010X221A1)",
)

__all__ = [
    "GUIDE",
    "VERSION",
    "Transaction835",
    "build_segments",
    "from_json",
    "parse",
    "to_json",
    "validate",
    "write",
]
