"""837P party loops (005010X222A1): the NM1-led loops for submitter, receiver, billing
provider, subscriber, payer, patient, and the claim- and line-level provider and
location loops 2310A-F, 2330A-G and 2420A-H (one class per loop id, built from a table).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from ..loops import Loop, Slot
from .segments import DMG, DTP, N3, N4, NM1, PER, PRV, REF

__all__ = [
    "LOOPS_2310",
    "LOOPS_2330",
    "LOOPS_2420",
    "Loop1000A",
    "Loop1000B",
    "Loop2010AA",
    "Loop2010AB",
    "Loop2010AC",
    "Loop2010BA",
    "Loop2010BB",
    "Loop2010CA",
    "Loop2310",
    "Loop2330",
    "Loop2420",
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
