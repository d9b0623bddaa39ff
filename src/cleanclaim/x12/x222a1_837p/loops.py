"""837P loops (005010X222A1) as dataclasses; ``SLOTS`` lists each loop's segments and
child loops in implementation-guide order with usage (R/S) and repeat.

The first slot is the loop's trigger. See the package docstring for the tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from ..loops import Loop, Slot
from .name_loops import (
    LOOPS_2310,
    LOOPS_2330,
    LOOPS_2420,
    Loop1000A,
    Loop1000B,
    Loop2010AA,
    Loop2010AB,
    Loop2010AC,
    Loop2010BA,
    Loop2010BB,
    Loop2010CA,
    Loop2310,
    Loop2330,
    Loop2420,
)
from .segments import (
    AMT,
    BHT,
    CAS,
    CLM,
    CN1,
    CR1,
    CR2,
    CR3,
    CRC,
    CTP,
    CUR,
    DTP,
    FRM,
    HCP,
    HI,
    HL,
    K3,
    LIN,
    LQ,
    LX,
    MEA,
    MOA,
    NTE,
    OI,
    PAT,
    PRV,
    PS1,
    PWK,
    QTY,
    REF,
    SBR,
    SE,
    ST,
    SV1,
    SV5,
    SVD,
)

__all__ = [
    "LOOPS_2310",
    "LOOPS_2330",
    "LOOPS_2420",
    "Loop1000A",
    "Loop1000B",
    "Loop2000A",
    "Loop2000B",
    "Loop2000C",
    "Loop2010AA",
    "Loop2010AB",
    "Loop2010AC",
    "Loop2010BA",
    "Loop2010BB",
    "Loop2010CA",
    "Loop2300",
    "Loop2310",
    "Loop2320",
    "Loop2330",
    "Loop2400",
    "Loop2410",
    "Loop2420",
    "Loop2430",
    "Loop2440",
    "Transaction837P",
]


# --- 2430 / 2440 / 2410 -------------------------------------------------------------


@dataclass(slots=True)
class Loop2410(Loop):
    LOOP_ID: ClassVar[str] = "2410"
    NAME: ClassVar[str] = "Drug Identification"
    lin: LIN | None = None
    ctp: CTP | None = None
    ref: list[REF] = field(default_factory=list)


Loop2410.SLOTS = (
    Slot("lin", LIN, "R", 1, name="Drug Identification"),
    Slot("ctp", CTP, "R", 1, name="Drug Quantity"),
    Slot("ref", REF, "S", 1, name="Prescription or Compound Drug Association Number"),
)


@dataclass(slots=True)
class Loop2430(Loop):
    LOOP_ID: ClassVar[str] = "2430"
    NAME: ClassVar[str] = "Line Adjudication Information"
    svd: SVD | None = None
    cas: list[CAS] = field(default_factory=list)
    dtp: list[DTP] = field(default_factory=list)
    amt: list[AMT] = field(default_factory=list)


Loop2430.SLOTS = (
    Slot("svd", SVD, "R", 1, name="Line Adjudication Information"),
    Slot("cas", CAS, "S", 5, name="Line Adjustment"),
    Slot("dtp", DTP, "R", 1, name="Line Check or Remittance Date"),
    Slot("amt", AMT, "S", 1, name="Remaining Patient Liability"),
)


@dataclass(slots=True)
class Loop2440(Loop):
    LOOP_ID: ClassVar[str] = "2440"
    NAME: ClassVar[str] = "Form Identification Code"
    lq: LQ | None = None
    frm: list[FRM] = field(default_factory=list)


Loop2440.SLOTS = (
    Slot("lq", LQ, "R", 1, name="Form Identification Code"),
    Slot("frm", FRM, "R", 99, name="Supporting Documentation"),
)


@dataclass(slots=True)
class Loop2400(Loop):
    LOOP_ID: ClassVar[str] = "2400"
    NAME: ClassVar[str] = "Service Line Number"
    lx: LX | None = None
    sv1: SV1 | None = None
    sv5: SV5 | None = None
    pwk: list[PWK] = field(default_factory=list)
    cr1: CR1 | None = None
    cr3: CR3 | None = None
    crc: list[CRC] = field(default_factory=list)
    dtp: list[DTP] = field(default_factory=list)
    qty: list[QTY] = field(default_factory=list)
    mea: list[MEA] = field(default_factory=list)
    cn1: CN1 | None = None
    ref: list[REF] = field(default_factory=list)
    amt: list[AMT] = field(default_factory=list)
    k3: list[K3] = field(default_factory=list)
    nte: list[NTE] = field(default_factory=list)
    ps1: PS1 | None = None
    hcp: HCP | None = None
    drug: Loop2410 | None = None
    providers: list[Loop2420] = field(default_factory=list)
    adjudications: list[Loop2430] = field(default_factory=list)
    forms: list[Loop2440] = field(default_factory=list)


Loop2400.SLOTS = (
    Slot("lx", LX, "R", 1, name="Service Line Number"),
    Slot("sv1", SV1, "R", 1, name="Professional Service"),
    Slot("sv5", SV5, "S", 1, name="Durable Medical Equipment Service"),
    Slot("pwk", PWK, "S", 10, name="Line Supplemental Information"),
    Slot("cr1", CR1, "S", 1, name="Ambulance Transport Information"),
    Slot("cr3", CR3, "S", 1, name="Durable Medical Equipment Certification"),
    Slot("crc", CRC, "S", 5, name="Condition Indicators"),
    Slot("dtp", DTP, "R", 20, name="Dates"),
    Slot("qty", QTY, "S", 2, name="Quantities"),
    Slot("mea", MEA, "S", 5, name="Test Result"),
    Slot("cn1", CN1, "S", 1, name="Contract Information"),
    Slot("ref", REF, "S", 30, name="Line Identifiers"),
    Slot("amt", AMT, "S", 2, name="Sales Tax / Postage Claimed Amount"),
    Slot("k3", K3, "S", 10, name="File Information"),
    Slot("nte", NTE, "S", 2, name="Line Note"),
    Slot("ps1", PS1, "S", 1, name="Purchased Service Information"),
    Slot("hcp", HCP, "S", 1, name="Line Pricing/Repricing Information"),
    Slot("drug", Loop2410, "S", 1, name="Drug Identification"),
    *(Slot("providers", cls, "S", 20, name=cls.NAME) for cls in LOOPS_2420.values()),
    Slot("adjudications", Loop2430, "S", 15, name="Line Adjudication Information"),
    Slot("forms", Loop2440, "S", 99, name="Form Identification Code"),
)


@dataclass(slots=True)
class Loop2320(Loop):
    LOOP_ID: ClassVar[str] = "2320"
    NAME: ClassVar[str] = "Other Subscriber Information"
    sbr: SBR | None = None
    cas: list[CAS] = field(default_factory=list)
    amt: list[AMT] = field(default_factory=list)
    oi: OI | None = None
    moa: MOA | None = None
    payers: list[Loop2330] = field(default_factory=list)


Loop2320.SLOTS = (
    Slot("sbr", SBR, "R", 1, name="Other Subscriber Information"),
    Slot("cas", CAS, "S", 5, name="Claim Level Adjustments"),
    Slot("amt", AMT, "S", 3, name="COB Payer Paid / Non-covered / Remaining Liability Amount"),
    Slot("oi", OI, "R", 1, name="Other Insurance Coverage Information"),
    Slot("moa", MOA, "S", 1, name="Outpatient Adjudication Information"),
    *(
        Slot(
            "payers",
            cls,
            "R" if cls.LOOP_ID in ("2330A", "2330B") else "S",
            1,
            name=cls.NAME,
            in_list=True,
        )
        for cls in LOOPS_2330.values()
    ),
)


@dataclass(slots=True)
class Loop2300(Loop):
    LOOP_ID: ClassVar[str] = "2300"
    NAME: ClassVar[str] = "Claim Information"
    clm: CLM | None = None
    dtp: list[DTP] = field(default_factory=list)
    pwk: list[PWK] = field(default_factory=list)
    cn1: CN1 | None = None
    amt: list[AMT] = field(default_factory=list)
    ref: list[REF] = field(default_factory=list)
    k3: list[K3] = field(default_factory=list)
    nte: list[NTE] = field(default_factory=list)
    cr1: CR1 | None = None
    cr2: CR2 | None = None
    crc: list[CRC] = field(default_factory=list)
    hi: list[HI] = field(default_factory=list)
    hcp: HCP | None = None
    providers: list[Loop2310] = field(default_factory=list)
    other_subscribers: list[Loop2320] = field(default_factory=list)
    lines: list[Loop2400] = field(default_factory=list)


Loop2300.SLOTS = (
    Slot("clm", CLM, "R", 1, name="Claim Information"),
    Slot("dtp", DTP, "S", 20, name="Claim Dates"),
    Slot("pwk", PWK, "S", 10, name="Claim Supplemental Information"),
    Slot("cn1", CN1, "S", 1, name="Contract Information"),
    Slot("amt", AMT, "S", 1, name="Patient Amount Paid"),
    Slot("ref", REF, "S", 20, name="Claim Identifiers"),
    Slot("k3", K3, "S", 10, name="File Information"),
    Slot("nte", NTE, "S", 1, name="Claim Note"),
    Slot("cr1", CR1, "S", 1, name="Ambulance Transport Information"),
    Slot("cr2", CR2, "S", 1, name="Spinal Manipulation Service Information"),
    Slot("crc", CRC, "S", 8, name="Condition Indicators"),
    Slot("hi", HI, "R", 5, name="Health Care Diagnosis Code / Anesthesia / Condition"),
    Slot("hcp", HCP, "S", 1, name="Claim Pricing/Repricing Information"),
    *(Slot("providers", cls, "S", 2, name=cls.NAME) for cls in LOOPS_2310.values()),
    Slot("other_subscribers", Loop2320, "S", 10, name="Other Subscriber Information"),
    Slot("lines", Loop2400, "R", 50, name="Service Line Number"),
)


@dataclass(slots=True)
class Loop2000C(Loop):
    LOOP_ID: ClassVar[str] = "2000C"
    NAME: ClassVar[str] = "Patient Hierarchical Level"
    hl: HL | None = None
    pat: PAT | None = None
    patient: Loop2010CA | None = None
    claims: list[Loop2300] = field(default_factory=list)


Loop2000C.SLOTS = (
    Slot("hl", HL, "R", 1, ("23",), qpos=3, name="Patient Hierarchical Level"),
    Slot("pat", PAT, "R", 1, name="Patient Information"),
    Slot("patient", Loop2010CA, "R", 1, name="Patient Name"),
    Slot("claims", Loop2300, "R", 100, name="Claim Information"),
)


@dataclass(slots=True)
class Loop2000B(Loop):
    LOOP_ID: ClassVar[str] = "2000B"
    NAME: ClassVar[str] = "Subscriber Hierarchical Level"
    hl: HL | None = None
    sbr: SBR | None = None
    pat: PAT | None = None
    subscriber: Loop2010BA | None = None
    payer: Loop2010BB | None = None
    claims: list[Loop2300] = field(default_factory=list)
    patients: list[Loop2000C] = field(default_factory=list)


Loop2000B.SLOTS = (
    Slot("hl", HL, "R", 1, ("22",), qpos=3, name="Subscriber Hierarchical Level"),
    Slot("sbr", SBR, "R", 1, name="Subscriber Information"),
    Slot("pat", PAT, "S", 1, name="Patient Information"),
    Slot("subscriber", Loop2010BA, "R", 1, name="Subscriber Name"),
    Slot("payer", Loop2010BB, "R", 1, name="Payer Name"),
    Slot("claims", Loop2300, "S", 100, name="Claim Information"),
    Slot("patients", Loop2000C, "S", 999999, name="Patient Hierarchical Level"),
)


@dataclass(slots=True)
class Loop2000A(Loop):
    LOOP_ID: ClassVar[str] = "2000A"
    NAME: ClassVar[str] = "Billing Provider Hierarchical Level"
    hl: HL | None = None
    prv: PRV | None = None
    cur: CUR | None = None
    billing_provider: Loop2010AA | None = None
    pay_to_address: Loop2010AB | None = None
    pay_to_plan: Loop2010AC | None = None
    subscribers: list[Loop2000B] = field(default_factory=list)


Loop2000A.SLOTS = (
    Slot("hl", HL, "R", 1, ("20",), qpos=3, name="Billing Provider Hierarchical Level"),
    Slot("prv", PRV, "S", 1, name="Billing Provider Specialty Information"),
    Slot("cur", CUR, "S", 1, name="Foreign Currency Information"),
    Slot("billing_provider", Loop2010AA, "R", 1, name="Billing Provider Name"),
    Slot("pay_to_address", Loop2010AB, "S", 1, name="Pay-to Address Name"),
    Slot("pay_to_plan", Loop2010AC, "S", 1, name="Pay-To Plan Name"),
    Slot("subscribers", Loop2000B, "R", 999999, name="Subscriber Hierarchical Level"),
)


@dataclass(slots=True)
class Transaction837P(Loop):
    """One 837P transaction set (ST..SE)."""

    LOOP_ID: ClassVar[str] = "HEADER"
    NAME: ClassVar[str] = "Transaction Set Header"
    st: ST | None = None
    bht: BHT | None = None
    submitter: Loop1000A | None = None
    receiver: Loop1000B | None = None
    billing_providers: list[Loop2000A] = field(default_factory=list)
    se: SE | None = None


Transaction837P.SLOTS = (
    Slot("st", ST, "R", 1, name="Transaction Set Header"),
    Slot("bht", BHT, "R", 1, name="Beginning of Hierarchical Transaction"),
    Slot("submitter", Loop1000A, "R", 1, name="Submitter Name"),
    Slot("receiver", Loop1000B, "R", 1, name="Receiver Name"),
    Slot("billing_providers", Loop2000A, "R", 999999, name="Billing Provider Hierarchical Level"),
    Slot("se", SE, "R", 1, name="Transaction Set Trailer"),
)
