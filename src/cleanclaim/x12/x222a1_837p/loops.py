"""837P loops (005010X222A1) as dataclasses; ``SLOTS`` lists each loop's segments and
child loops in implementation-guide order with usage (R/S) and repeat.

The first slot is the loop's trigger. See the package docstring for the tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from ..loops import Loop, Slot
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
    DMG,
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
    N3,
    N4,
    NM1,
    NTE,
    OI,
    PAT,
    PER,
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


# --- generic "name" loops: NM1 [N3] [N4] [REF...] [PER] ------------------------------


@dataclass(slots=True)
class _NameLoop(Loop):
    nm1: NM1 | None = None
    prv: PRV | None = None
    n3: N3 | None = None
    n4: N4 | None = None
    dtp: list[DTP] = field(default_factory=list)
    ref: list[REF] = field(default_factory=list)
    per: list[PER] = field(default_factory=list)


def _name_slots(
    quals: tuple[str, ...],
    *,
    nm1_name: str,
    prv: bool = False,
    address: bool = False,
    address_usage: str = "S",
    refs: int = 0,
    per: int = 0,
    dtp: int = 0,
) -> tuple[Slot, ...]:
    slots = [Slot("nm1", NM1, "R", 1, quals, name=nm1_name)]
    if prv:
        slots.append(Slot("prv", PRV, "S", 1, name="Provider Specialty Information"))
    if address:
        slots.append(Slot("n3", N3, address_usage, 1, name="Address"))
        slots.append(Slot("n4", N4, address_usage, 1, name="City, State, ZIP Code"))
    if dtp:
        slots.append(Slot("dtp", DTP, "S", dtp, name="Date"))
    if refs:
        slots.append(Slot("ref", REF, "S", refs, name="Secondary Identification"))
    if per:
        slots.append(Slot("per", PER, "S", per, name="Contact Information"))
    return tuple(slots)


@dataclass(slots=True)
class Loop1000A(_NameLoop):
    """Submitter Name."""

    LOOP_ID: ClassVar[str] = "1000A"
    NAME: ClassVar[str] = "Submitter Name"


Loop1000A.SLOTS = _name_slots(("41",), nm1_name="Submitter Name", per=2)


@dataclass(slots=True)
class Loop1000B(_NameLoop):
    """Receiver Name."""

    LOOP_ID: ClassVar[str] = "1000B"
    NAME: ClassVar[str] = "Receiver Name"


Loop1000B.SLOTS = _name_slots(("40",), nm1_name="Receiver Name")


@dataclass(slots=True)
class Loop2010AA(_NameLoop):
    """Billing Provider Name."""

    LOOP_ID: ClassVar[str] = "2010AA"
    NAME: ClassVar[str] = "Billing Provider Name"


Loop2010AA.SLOTS = (
    Slot("nm1", NM1, "R", 1, ("85",), name="Billing Provider Name"),
    Slot("n3", N3, "R", 1, name="Billing Provider Address"),
    Slot("n4", N4, "R", 1, name="Billing Provider City, State, ZIP Code"),
    Slot("ref", REF, "R", 3, name="Billing Provider Tax Identification / UPIN, License"),
    Slot("per", PER, "S", 2, name="Billing Provider Contact Information"),
)


@dataclass(slots=True)
class Loop2010AB(_NameLoop):
    LOOP_ID: ClassVar[str] = "2010AB"
    NAME: ClassVar[str] = "Pay-to Address Name"


Loop2010AB.SLOTS = _name_slots(
    ("87",), nm1_name="Pay-to Address Name", address=True, address_usage="R"
)


@dataclass(slots=True)
class Loop2010AC(_NameLoop):
    LOOP_ID: ClassVar[str] = "2010AC"
    NAME: ClassVar[str] = "Pay-To Plan Name"


Loop2010AC.SLOTS = _name_slots(
    ("PE",), nm1_name="Pay-To Plan Name", address=True, address_usage="R", refs=2
)


@dataclass(slots=True)
class Loop2010BA(_NameLoop):
    LOOP_ID: ClassVar[str] = "2010BA"
    NAME: ClassVar[str] = "Subscriber Name"
    dmg: DMG | None = None


Loop2010BA.SLOTS = (
    Slot("nm1", NM1, "R", 1, ("IL",), name="Subscriber Name"),
    Slot("n3", N3, "S", 1, name="Subscriber Address"),
    Slot("n4", N4, "S", 1, name="Subscriber City, State, ZIP Code"),
    Slot("dmg", DMG, "S", 1, name="Subscriber Demographic Information"),
    Slot("ref", REF, "S", 2, name="Subscriber Secondary Identification"),
    Slot("per", PER, "S", 1, name="Property and Casualty Subscriber Contact Information"),
)


@dataclass(slots=True)
class Loop2010BB(_NameLoop):
    LOOP_ID: ClassVar[str] = "2010BB"
    NAME: ClassVar[str] = "Payer Name"


Loop2010BB.SLOTS = _name_slots(("PR",), nm1_name="Payer Name", address=True, refs=5)


@dataclass(slots=True)
class Loop2010CA(_NameLoop):
    LOOP_ID: ClassVar[str] = "2010CA"
    NAME: ClassVar[str] = "Patient Name"
    dmg: DMG | None = None


Loop2010CA.SLOTS = (
    Slot("nm1", NM1, "R", 1, ("QC",), name="Patient Name"),
    Slot("n3", N3, "R", 1, name="Patient Address"),
    Slot("n4", N4, "R", 1, name="Patient City, State, ZIP Code"),
    Slot("dmg", DMG, "R", 1, name="Patient Demographic Information"),
    Slot("ref", REF, "S", 2, name="Property and Casualty Claim Number / Patient Identifier"),
    Slot("per", PER, "S", 1, name="Property and Casualty Patient Contact Information"),
)


# --- 2310 / 2330 / 2420 provider loops ------------------------------------------------

#: 2310A-F and 2420A-H: loop id → (NM101 values, name, has PRV, has address, REF repeat, PER)
_2310 = {
    "2310A": (("DN", "P3"), "Referring Provider Name", False, False, 3, 0),
    "2310B": (("82",), "Rendering Provider Name", True, False, 4, 0),
    "2310C": (("77",), "Service Facility Location Name", False, True, 3, 1),
    "2310D": (("DQ",), "Supervising Provider Name", False, False, 4, 0),
    "2310E": (("PW",), "Ambulance Pick-up Location", False, True, 0, 0),
    "2310F": (("45",), "Ambulance Drop-off Location", False, True, 0, 0),
}


@dataclass(slots=True)
class Loop2310(_NameLoop):
    """A 2310x claim-level provider or location loop; ``LOOP_ID`` names which."""


def _make_name_loop(base: type[_NameLoop], loop_id: str, spec: tuple) -> type[_NameLoop]:  # type: ignore[type-arg]
    quals, name, prv, address, refs, per = spec
    cls: type[_NameLoop] = type(
        f"Loop{loop_id}",
        (base,),
        {"LOOP_ID": loop_id, "NAME": name, "__slots__": (), "__doc__": name},
    )
    cls.SLOTS = _name_slots(
        quals, nm1_name=name, prv=prv, address=address, address_usage="R", refs=refs, per=per
    )
    return cls


LOOPS_2310: dict[str, type[_NameLoop]] = {
    lid: _make_name_loop(Loop2310, lid, spec) for lid, spec in _2310.items()
}


@dataclass(slots=True)
class Loop2330(_NameLoop):
    """A 2330x other-payer loop (A subscriber .. G billing provider); ``LOOP_ID`` names which."""


_2330 = {
    "2330A": (("IL",), "Other Subscriber Name", False, True, 1, 0),
    "2330B": (("PR",), "Other Payer Name", False, True, 6, 0),
    "2330C": (("DN", "P3"), "Other Payer Referring Provider", False, False, 3, 0),
    "2330D": (("82",), "Other Payer Rendering Provider", False, False, 3, 0),
    "2330E": (("77",), "Other Payer Service Facility Location", False, False, 3, 0),
    "2330F": (("DQ",), "Other Payer Supervising Provider", False, False, 3, 0),
    "2330G": (("85",), "Other Payer Billing Provider", False, False, 2, 0),
}

LOOPS_2330: dict[str, type[_NameLoop]] = {}
for _lid, _spec in _2330.items():
    _cls = _make_name_loop(Loop2330, _lid, _spec)
    _addr_usage = "S"
    if _lid == "2330A":
        _cls.SLOTS = _name_slots(
            _spec[0], nm1_name=_spec[1], address=True, address_usage=_addr_usage, refs=2
        )
    elif _lid == "2330B":
        _cls.SLOTS = _name_slots(
            _spec[0], nm1_name=_spec[1], address=True, address_usage=_addr_usage, dtp=1, refs=6
        )
    LOOPS_2330[_lid] = _cls


@dataclass(slots=True)
class Loop2420(_NameLoop):
    """A 2420x line-level provider or location loop; ``LOOP_ID`` names which."""


_2420 = {
    "2420A": (("82",), "Rendering Provider Name", True, False, 20, 0),
    "2420B": (("QB",), "Purchased Service Provider Name", False, False, 20, 0),
    "2420C": (("77",), "Service Facility Location Name", False, True, 3, 0),
    "2420D": (("DQ",), "Supervising Provider Name", False, False, 20, 0),
    "2420E": (("DK",), "Ordering Provider Name", False, True, 20, 1),
    "2420F": (("DN", "P3"), "Referring Provider Name", False, False, 20, 0),
    "2420G": (("PW",), "Ambulance Pick-up Location", False, True, 0, 0),
    "2420H": (("45",), "Ambulance Drop-off Location", False, True, 0, 0),
}

LOOPS_2420: dict[str, type[_NameLoop]] = {}
for _lid, _spec in _2420.items():
    _cls = _make_name_loop(Loop2420, _lid, _spec)
    if _lid == "2420E":
        _cls.SLOTS = _name_slots(
            _spec[0], nm1_name=_spec[1], address=True, address_usage="S", refs=20, per=1
        )
    LOOPS_2420[_lid] = _cls


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
